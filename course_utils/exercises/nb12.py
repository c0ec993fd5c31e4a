"""Exercises of notebook 12 (PyTorch names to lecture symbols, choosing ε by validation loss,
the output-bias gradient of the MLP)."""

import numpy as np

from ..checks import near, sign_flipped, when
from . import number

# torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-8) in the lecture's symbols [ε, ρ, δ]
TORCH_RMSPROP = np.array([0.01, 0.99, 1e-8])


def _unset(*values):
    # the registry computes the reference before it looks at the answer; with a notebook
    # name still None (tests/test_exercises.py) the reference is NaN and the answer decides
    return any(value is None for value in values)


def _best_momentum_lr(scores, LR_GRID):
    if _unset(scores, LR_GRID):
        return np.nan
    return min(LR_GRID, key=lambda lr: scores["momentum", lr])


def _output_bias_gradient(model, X_train, y_train):
    # at the initial parameters of 4.2, w = model.init(seed=0)
    if _unset(model, X_train, y_train):
        return np.full(3, np.nan)
    return model.gradient(model.init(seed=0), X_train, y_train)[-3:]


def _triple(got):
    return got.shape == (3,)


def _is_index(got, want):
    return (
        got.shape == () and float(got).is_integer() and 0 <= got < 9 and not np.isclose(got, want)
    )


def _sum_not_mean(got, want):
    if got.shape != want.shape or not np.any(want):
        return False
    ratio = float(got @ want / (want @ want))
    return ratio > 1.5 and np.allclose(got / ratio, want, rtol=1e-6, atol=1e-12)


EXERCISES = (
    number(
        "12.1",
        TORCH_RMSPROP,
        # three numbers typed from the call itself: exact (δ = 1e-8 needs a relative tolerance)
        rtol=1e-9,
        atol=0.0,
        hints=(
            when(
                lambda got, want: _triple(got) and np.isclose(got[0], 0.99),
                "PyTorch RMSprop의 alpha는 학습률이 아니라 감쇠율 ρ입니다. 학습률 ε은 lr입니다.",
                lambda want: np.array([0.99, 0.01, 1e-8]),
            ),
            when(
                lambda got, want: _triple(got) and np.isclose(got[1], 1 - 0.99),
                "ρ는 r에 남기는 몫입니다: r ← ρr + (1 − ρ)g⊙g. PyTorch의 alpha가 그대로 ρ입니다.",
                lambda want: np.array([0.01, 0.01, 1e-8]),
            ),
            when(
                lambda got, want: (
                    _triple(got)
                    and (np.isclose(got[2], 1e-6, rtol=1e-9) or np.isclose(got[2], 1e-7, rtol=1e-9))
                ),
                "δ에 기본값(cu.RMSProp 10⁻⁶, Keras 10⁻⁷)을 넣었습니다. 이 코드의 δ는 PyTorch의 eps입니다.",
                lambda want: np.array([0.01, 0.99, 1e-6]),
            ),
            near(np.array([0.01, 1e-8, 0.99]), "순서가 다릅니다: [ε, ρ, δ] 순서로 쓰세요."),
        ),
    ),
    number(
        "12.2",
        _best_momentum_lr,
        # ε is printed with 3 significant digits (0.316); neighbouring grid points differ by √10
        rtol=2e-3,
        atol=0.0,
        hints=(
            when(
                _is_index,
                "격자의 번호(인덱스)를 넣은 것 같습니다. np.argmin은 위치를 돌려주므로 LR_GRID[...]로 ε 값을 꺼내세요.",
                lambda want: np.asarray(2.0),
            ),
            when(
                lambda got, want: got.shape == () and got < 0,
                "ε은 10의 거듭제곱 값 자체입니다 (지수 log₁₀ ε가 아니라). 예: 10**-1 = 0.1.",
                lambda want: np.asarray(np.log10(want)),
            ),
            when(
                lambda got, want: (
                    got.shape == () and np.isclose(got, 10.0) and not np.isclose(want, 10.0)
                ),
                "그것은 격자에서 가장 큰 ε입니다. 기준은 '검증 손실이 가장 작은 ε'입니다 (min과 key를 쓰세요).",
                lambda want: np.asarray(10.0),
            ),
        ),
        context=("scores", "LR_GRID"),
    ),
    number(
        "12.3",
        _output_bias_gradient,
        # computed by code with the same formula as model.gradient: only float rounding differs
        rtol=1e-6,
        atol=1e-12,
        hints=(
            sign_flipped("부호가 반대입니다: ∂L/∂b₂는 (P − Y)의 평균입니다 (Y − P가 아니라)."),
            when(
                _sum_not_mean,
                "평균이 아니라 합을 구했습니다. 손실이 1/n을 곱한 평균이므로 .mean(axis=0)을 쓰세요.",
                lambda want: 206 * np.asarray(want),
            ),
            when(
                lambda got, want: got.shape == (),
                "하나의 수가 아니라 종마다 하나씩, 길이 3의 벡터입니다. 전체 평균은 P와 Y의 행 합이 모두 1이라 "
                "언제나 0입니다: 행 방향(axis=0)으로 평균하세요.",
                lambda want: np.asarray(0.0),
            ),
            when(
                lambda got, want: got.ndim == 1 and got.size > 3,
                "샘플마다 하나씩 나왔습니다(axis=1). 종마다 하나가 되도록 행 방향(axis=0)으로 평균하세요.",
                lambda want: np.zeros(206),
            ),
            when(
                lambda got, want: got.shape == (3,) and np.isclose(got.sum(), 1.0),
                "P의 평균만 구했습니다 (합이 1). 정답의 one-hot 행렬 Y를 빼야 합니다: P − Y.",
                lambda want: np.asarray(want) + np.array([91, 41, 74]) / 206,
            ),
        ),
        context=("model", "X_train", "y_train"),
    ),
)
