"""Exercises of notebook 13 (the noise floor, the range-test schedule, a warm-up learning rate)."""

import numpy as np

from ..checks import matches, near, when
from ..noise import stationary_variance
from ..schedules import Warmup
from . import function, number

# 13.1: f = λx²/2, σ, ε of the exercise
LAMBDA, SIGMA, LR = 2.0, 0.5, 0.3
# 13.2: the range test from 1e-4 to 1 in K = 200 updates
LO, HI, K = 1e-4, 1.0, 200
# 13.3: Warmup(lr=0.01, warmup_steps=100, start_factor=0.1) at update k = 40
WARMUP = dict(lr=0.01, warmup_steps=100, start_factor=0.1)
WARMUP_K = 40


def _range_lr(k):
    return LO * (HI / LO) ** (np.asarray(k, dtype=float) / (K - 1))


def _range_over_k(k):  # divided by K instead of K − 1: the last update misses ε_hi
    return LO * (HI / LO) ** (np.asarray(k, dtype=float) / K)


def _range_linear(k):  # linear, not exponential, interpolation
    return LO + (HI - LO) * np.asarray(k, dtype=float) / (K - 1)


def _range_inverted(k):  # from ε_hi down to ε_lo
    return HI * (LO / HI) ** (np.asarray(k, dtype=float) / (K - 1))


EXERCISES = (
    number(
        "13.1",
        stationary_variance(LAMBDA, LR, SIGMA),
        # worked by hand (0.075 / 2.8): 3–4 significant digits such as 0.02679 or 0.0268 count
        rtol=2e-3,
        atol=0.0,
        hints=(
            near(
                LR * SIGMA**2 / (2 * LAMBDA),
                "그것은 근사식 εσ²/(2λ)입니다. ελ = 0.6은 작지 않으니 정확한 식 εσ²/(λ(2 − ελ))을 쓰세요.",
                rtol=2e-3,
            ),
            near(
                np.sqrt(stationary_variance(LAMBDA, LR, SIGMA)),
                "표준편차를 구했습니다. 잡음 바닥은 제곱의 기댓값 E[(x − x*)²]입니다 (제곱근을 씌우지 마세요).",
                rtol=2e-3,
            ),
            near(
                LR * SIGMA / (LAMBDA * (2 - LR * LAMBDA)),
                "σ를 그대로 넣었습니다. 공식에는 잡음의 분산 σ²가 들어갑니다.",
                rtol=2e-3,
            ),
            near(
                LR**2 * SIGMA**2,
                "ε²σ²는 한 걸음에 더해지는 잡음의 분산입니다. 고정점은 그것을 1 − (1 − ελ)²로 나눈 값입니다.",
                rtol=2e-3,
            ),
        ),
    ),
    function(
        "13.2",
        lambda k: _range_lr(k),
        points=[(0,), (1,), (57,), (150,), (199,)],
        # a formula typed as code: only floating-point rounding may differ
        rtol=1e-9,
        atol=0.0,
        hints=(
            matches(
                _range_over_k,
                "지수를 k/K로 나눴습니다. 마지막 갱신은 k = K − 1이므로 k/(K − 1)이어야 ε_hi에 닿습니다.",
            ),
            matches(
                _range_linear,
                "선형으로 올렸습니다. 로그 눈금에서 같은 간격이 되려면 lo·(hi/lo)^(k/(K − 1))처럼 거듭제곱으로 쓰세요.",
            ),
            matches(
                _range_inverted,
                "방향이 반대입니다: k = 0에서 가장 작은 lo로 시작해 hi까지 키워야 합니다.",
            ),
        ),
    ),
    number(
        "13.3",
        Warmup(**WARMUP)(WARMUP_K),
        # worked by hand: 0.0046 (and 0.00460) must count; neighbouring updates differ by 2 %
        rtol=2e-3,
        atol=0.0,
        hints=(
            near(
                0.01 * WARMUP_K / 100,
                "start_factor f₀를 빠뜨렸습니다: 워밍업은 0이 아니라 f₀·ε = 0.001에서 시작합니다.",
            ),
            near(
                0.01 * (0.1 + 0.9 * (WARMUP_K + 1) / 100),
                "k = 41로 계산했습니다. 갱신 번호는 0부터 세므로 k = 40입니다.",
            ),
            near(
                0.01 * (0.1 + WARMUP_K / 100),
                "올라가는 몫은 (1 − f₀)·k/K입니다: f₀ + (1 − f₀)·0.4.",
            ),
            when(
                lambda got, want: got.shape == () and 0.1 < float(got) < 1,
                "그것은 ε의 배율(f₀ + (1 − f₀)k/K)입니다. 학습률은 그 배율에 lr = 0.01을 곱한 값입니다.",
                lambda want: np.asarray(want / 0.01),
            ),
        ),
    ),
)
