"""Exercises of notebook 17 (filter normalisation by hand, the midpoint of the interpolation
line, the shares of the principal directions of a path)."""

import numpy as np

from ..checks import near, when
from . import number

# the data typed into the exercise cells of 17.1 and 17.3
THETA = np.array([[3.0, 0.0], [4.0, 2.0]])
DIRECTION = np.array([[1.0, -2.0], [1.0, 2.0]])
SMALL_PATH = np.array(
    [[0.0, 0.0, 0.0], [1.0, 2.0, 2.0], [3.0, 1.0, -2.0], [4.0, 4.0, 2.0], [6.0, 3.0, 0.0]]
)


def _filtered(axis):
    # each filter (a column for axis=0, a row for axis=1) scaled to the norm of theta's
    return (
        DIRECTION
        / np.linalg.norm(DIRECTION, axis=axis, keepdims=True)
        * np.linalg.norm(THETA, axis=axis, keepdims=True)
    )


def _unset(*values):
    # with a notebook name still None (tests/test_exercises.py) the reference is NaN
    return any(value is None for value in values)


# the values of the slips of 17.2, filled in whenever the reference is computed (a hint sees
# only the answer and the reference, not the notebook's model and data)
_SLIPS_172 = {}


def _midpoint(model, w0, w_star, X_train, y_train, X_val, y_val):
    _SLIPS_172.clear()
    if _unset(model, w0, w_star, X_train, y_train, X_val, y_val):
        return np.nan
    middle = 0.5 * w0 + 0.5 * w_star
    _SLIPS_172.update(
        validation=model.loss(middle, X_val, y_val),
        chord=0.5 * model.loss(w0, X_train, y_train) + 0.5 * model.loss(w_star, X_train, y_train),
        no_half=model.loss(w0 + w_star, X_train, y_train),
    )
    return model.loss(middle, X_train, y_train)


def _slip(name):
    return lambda want: _SLIPS_172.get(name, np.nan)


def _shares(center):
    sigma = np.linalg.svd(SMALL_PATH - center, compute_uv=False)
    return sigma[:2] ** 2 / np.sum(sigma**2)


EXERCISES = (
    number(
        "17.1",
        lambda: _filtered(axis=0),
        # worked by hand with square roots (5/√2 ≈ 3.5355): 4 significant digits accepted
        rtol=1e-3,
        atol=1e-9,
        hints=(
            near(
                lambda want: _filtered(axis=1),
                "행 단위로 정규화했습니다. X @ theta로 쓰는 행렬에서 뉴런 하나로 들어가는 가중치는 열입니다 "
                "(axis=0). 행은 PyTorch nn.Linear처럼 (출력, 입력)으로 저장할 때의 필터입니다.",
                rtol=1e-3,
            ),
            near(
                lambda want: DIRECTION / np.linalg.norm(DIRECTION, axis=0),
                "열마다 길이를 1로만 만들었습니다. 필터 정규화는 그 열의 길이를 theta의 같은 열의 길이로 "
                "맞춥니다: ‖theta의 열‖을 곱하세요.",
                rtol=1e-3,
            ),
            near(
                lambda want: DIRECTION / np.linalg.norm(DIRECTION) * np.linalg.norm(THETA),
                "층 전체의 길이를 한 번에 맞췄습니다 (층 정규화). 필터 정규화는 필터(열)마다 따로 맞춥니다.",
                rtol=1e-3,
            ),
            near(
                lambda want: (
                    DIRECTION / np.linalg.norm(THETA, axis=0) * np.linalg.norm(DIRECTION, axis=0)
                ),
                "나누는 것과 곱하는 것이 바뀌었습니다: d의 열을 ‖d의 열‖로 나누고 ‖theta의 열‖을 곱합니다.",
                rtol=1e-3,
            ),
        ),
    ),
    number(
        "17.2",
        _midpoint,
        # read off a printout or computed: 4 significant digits accepted
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(
                _slip("chord"),
                "두 끝 손실의 평균 ½L(w₀) + ½L(w*)를 구했습니다. 묻는 것은 한가운데 점 ½w₀ + ½w*에서의 손실입니다: "
                "점을 먼저 만들고 그 점에서 model.loss를 부르세요.",
                rtol=1e-6,
            ),
            near(
                _slip("validation"),
                "검증 데이터로 계산했습니다. 이 문제는 학습 손실입니다: X_train, y_train을 쓰세요.",
                rtol=1e-6,
            ),
            near(
                _slip("no_half"),
                "w₀ + w*는 한가운데 점이 아닙니다. (1 − t)w₀ + t·w*에 t = 0.5를 넣으면 ½w₀ + ½w*입니다.",
                rtol=1e-6,
            ),
        ),
        context=("model", "w0", "w_star", "X_train", "y_train", "X_val", "y_val"),
    ),
    number(
        "17.3",
        lambda: _shares(SMALL_PATH[-1]),
        # 4 significant digits of a printout accepted; the slips below differ by ≥ 0.3 %
        rtol=1e-3,
        atol=0.0,
        hints=(
            when(
                lambda got, want: got.shape == () and np.isclose(got, want.sum(), rtol=1e-3),
                "두 몫을 더한 값 하나를 넣었습니다. 첫째와 둘째 주성분의 몫을 [첫째, 둘째] 두 수로 넣으세요.",
                lambda want: np.asarray(want.sum()),
            ),
            near(
                lambda want: (lambda s: s[:2] / s.sum())(
                    np.linalg.svd(SMALL_PATH - SMALL_PATH[-1], compute_uv=False)
                ),
                "특잇값 자체의 비를 썼습니다. 몫은 제곱으로 잽니다: σᵢ² / Σσⱼ² (Σσⱼ²가 거리의 제곱합).",
                rtol=1e-3,
            ),
            near(
                lambda want: _shares(SMALL_PATH.mean(axis=0)),
                "평균에서 본 몫입니다 (scikit-learn의 PCA처럼). 이 문제는 Li et al.처럼 마지막 점에서 봅니다: "
                "M = small_path − small_path[-1].",
                rtol=1e-3,
            ),
            near(
                lambda want: _shares(SMALL_PATH[0]),
                "출발점에서 본 몫입니다. 이 문제는 마지막 점에서 봅니다: M = small_path − small_path[-1].",
                rtol=1e-3,
            ),
        ),
    ),
)
