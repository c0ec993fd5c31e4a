"""Exercises of notebook 16 (the mini-batch noise without replacement, the largest stable batch
under the linear scaling rule, the Polyak–Ruppert average of one noisy SGD run)."""

from functools import lru_cache

import numpy as np

from ..checks import near, when
from . import number

N, BATCH = 342, 64  # exercise 1: the penguins of section 1, B = 64
CORRECTION = (N - BATCH) / (N - 1)  # the finite-population correction
LR1, LAM_MAX = 0.0025, 10.0  # exercise 2: ε = ε₁·B, λ_max of section 4's quadratic
LARGEST_BATCH = int(np.ceil(2 / (LR1 * LAM_MAX))) - 1  # B < 2/(ε₁λ_max), strictly
BURN_IN = 300  # exercise 3


def _minibatch_variance(per_sample):
    from ..noise import minibatch_variance

    if per_sample is None:  # a notebook name still None (tests/test_exercises.py)
        return np.nan
    return minibatch_variance(per_sample, BATCH)


@lru_cache(maxsize=1)
def _one_run():
    # the run of the exercise cell, rebuilt from course_utils: section 2's quadratic and noise
    from ..noise import noisy_gradient
    from ..optimizers import SGD, optimize

    lam = np.array([1.0, 10.0])
    grad = noisy_gradient(lambda w: lam * w, sigma=1.0, seed=5)
    return np.asarray(optimize(grad, np.array([3.0, 1.0]), SGD(lr=0.05), 3000))


def _average():
    return _one_run()[BURN_IN:].mean(axis=0)


def _scalar(got):
    return got.shape == ()


EXERCISES = (
    number(
        "16.1",
        _minibatch_variance,
        # σ² is printed with 3 decimals (86.947): a value worked from the printout agrees to ~1e-4
        rtol=2e-3,
        atol=0.0,
        hints=(
            when(
                lambda got, want: _scalar(got) and np.isclose(got, want / CORRECTION, rtol=2e-3),
                "복원 추출의 값 σ²/B입니다. 중복 없이 뽑으면 보정 계수 (n − B)/(n − 1)을 곱해야 합니다.",
                lambda want: np.asarray(want) / CORRECTION,
            ),
            when(
                lambda got, want: (
                    _scalar(got) and np.isclose(got, want / CORRECTION * (N - BATCH) / N, rtol=2e-3)
                ),
                "보정 계수의 분모가 n이 아니라 n − 1입니다: (n − B)/(n − 1).",
                lambda want: np.asarray(want) / CORRECTION * (N - BATCH) / N,
            ),
            when(
                lambda got, want: (
                    _scalar(got) and np.isclose(got, want * np.sqrt(BATCH), rtol=2e-3)
                ),
                "분산은 1/B에 비례합니다. √B로 나누는 것은 표준편차의 경우입니다.",
                lambda want: np.asarray(want) * np.sqrt(BATCH),
            ),
            when(
                lambda got, want: _scalar(got) and np.isclose(got, want * BATCH**2, rtol=2e-3),
                "B로 나누어야 할 것을 B로 곱했습니다: 평균할수록 잡음은 작아집니다.",
                lambda want: np.asarray(want) * BATCH**2,
            ),
        ),
        context=("per_sample",),
    ),
    number(
        "16.2",
        LARGEST_BATCH,
        # an integer count: exact (any half-integer away is another answer)
        rtol=0.0,
        atol=1e-9,
        hints=(
            near(
                float(LARGEST_BATCH + 1),
                "B = 80에서는 ε·λ_max = 2로 딱 한계입니다. 부등호가 엄격하므로(< 2) 그보다 하나 작은 정수입니다.",
            ),
            near(
                float(np.ceil(1 / (LR1 * LAM_MAX))),
                "안정 한계는 ε·λ_max < 2입니다 (1이 아니라). 1은 진동 없이 줄어드는 한계입니다.",
            ),
            near(
                float(np.ceil(1 / (LR1 * LAM_MAX))) - 1,
                "안정 한계는 ε·λ_max < 2입니다 (1이 아니라). 1은 진동 없이 줄어드는 한계입니다.",
            ),
            when(
                lambda got, want: _scalar(got) and 0 < got < 1,
                "배치 크기 B를 묻습니다 (학습률 ε이 아니라): ε₁·B·λ_max < 2를 B에 대해 푸세요.",
                lambda want: np.asarray(2 / LAM_MAX),
            ),
        ),
    ),
    number(
        "16.3",
        _average,
        # computed by code from the same run: only float rounding differs
        rtol=1e-6,
        atol=1e-9,
        hints=(
            when(
                lambda got, want: (
                    got.shape == (2,) and np.allclose(got, _one_run().mean(axis=0), rtol=1e-6)
                ),
                "번인을 버리지 않았습니다: 처음 300걸음(시작점 근처)까지 평균에 들어갔습니다. one_run[BURN_IN:]을 쓰세요.",
                lambda want: _one_run().mean(axis=0),
            ),
            when(
                lambda got, want: got.shape == (2,) and np.allclose(got, _one_run()[-1], rtol=1e-6),
                "그것은 마지막 반복값 w⁽³⁰⁰⁰⁾입니다. 평균 w̄는 w⁽³⁰⁰⁾부터 w⁽³⁰⁰⁰⁾까지의 평균입니다.",
                lambda want: _one_run()[-1],
            ),
            when(
                lambda got, want: (
                    got.shape == (2,)
                    and np.allclose(got, _one_run()[BURN_IN + 1 :].mean(axis=0), rtol=1e-6)
                ),
                "w⁽³⁰⁰⁾이 빠졌습니다 (한 칸 밀림): one_run[BURN_IN:]이 w⁽³⁰⁰⁾부터입니다.",
                lambda want: _one_run()[BURN_IN + 1 :].mean(axis=0),
            ),
            when(
                lambda got, want: got.ndim == 1 and got.size > 2,
                "반복마다 하나씩 나왔습니다(axis=1). 좌표마다 하나가 되도록 행 방향(axis=0)으로 평균하세요.",
                lambda want: _one_run()[BURN_IN:].mean(axis=1),
            ),
            when(
                lambda got, want: _scalar(got),
                "길이 2의 벡터(좌표마다 평균)여야 합니다: .mean(axis=0).",
                lambda want: np.asarray(float(np.mean(want))),
            ),
        ),
    ),
)
