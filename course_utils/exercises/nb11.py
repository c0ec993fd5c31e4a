"""Exercises of notebook 11 (Adam: the first step, the moments s_k and r_k, Keras's epsilon)."""

import numpy as np

from ..checks import matches, near, when
from ..optimizers import Adam
from . import function, number

FIRST_GRADIENT = np.array([4.0, -0.001])  # the g₁ the exercise gives
RHO1, RHO2 = 0.9, 0.999


def _first_step():
    return Adam(lr=0.1, delta=1e-8).step(np.zeros(2), lambda w: FIRST_GRADIENT)


def _moments_after(k, g):
    # run cu.Adam k times on the constant gradient g and read its state
    optimizer, w = Adam(lr=0.01), np.zeros(1)
    for _ in range(int(k)):
        w = optimizer.step(w, lambda w: np.full(1, float(g)))
    return np.array([optimizer.s[0], optimizer.r[0]])


def _keras_step_size(epsilon_hat, k, g, lr):
    # keras.optimizers.Adam's k-th step on a constant gradient g (bias correction in the step size)
    m = v = 0.0
    for step in range(1, int(k) + 1):
        m += (g - m) * (1 - RHO1)
        v += (g * g - v) * (1 - RHO2)
        size = lr * np.sqrt(1 - RHO2**step) / (1 - RHO1**step) * m / (np.sqrt(v) + epsilon_hat)
    return size


def _delta_for_keras(epsilon_hat, k, g=1e-6, lr=0.01):
    # Algorithm 1 with a constant gradient makes the step lr·g/(g + δ) (√r̂ = g):
    # the δ that gives Keras's step. g of the order of δ keeps the subtraction exact.
    return lr * g / _keras_step_size(epsilon_hat, k, g, lr) - g


EXERCISES = (
    number(
        "11.1",
        _first_step,
        # the explanation quotes (−0.1, 0.099999); δ shows in the 6th digit of the second
        # component, so 1e-7 accepts the quoted value and rejects δ = 0, i.e. (−0.1, 0.1)
        rtol=1e-7,
        atol=0.0,
        hints=(
            when(
                lambda got, want: (
                    got.shape == want.shape and np.all(np.sign(got) == -np.sign(want))
                ),
                "부호가 반대입니다. Adam도 그래디언트의 반대 방향으로 갑니다: w⁽¹⁾ − w⁽⁰⁾ = −ε·ŝ₁/(δ + √r̂₁).",
                lambda want: -np.asarray(want),
            ),
            near(
                lambda want: (
                    -0.1
                    * (1 - RHO1)
                    * FIRST_GRADIENT
                    / (1e-8 + np.sqrt(1 - RHO2) * np.abs(FIRST_GRADIENT))
                ),
                "편향 보정을 빠뜨렸습니다. 첫걸음에서는 ŝ₁ = s₁/(1 − ρ₁), r̂₁ = r₁/(1 − ρ₂)로 나눈 값을 씁니다.",
                rtol=5e-3,
            ),
            near(
                lambda want: -0.1 * FIRST_GRADIENT,
                "그것은 SGD의 걸음 −εg입니다. Adam은 ŝ₁을 δ + √r̂₁로 나눕니다 (좌표마다).",
            ),
            near(
                lambda want: -0.1 * np.sign(FIRST_GRADIENT),
                "δ = 10⁻⁸을 빼고 계산했습니다. |g|가 0.001인 둘째 성분에서는 δ가 여섯째 자리에 보입니다.",
                rtol=1e-9,
                atol=0.0,
            ),
        ),
    ),
    function(
        "11.2",
        _moments_after,
        points=[(1, 2.0), (7, 2.0), (100, -0.5), (693, 3.0)],
        # an exact formula typed as code; the reference runs cu.Adam k ≤ 693 times (float error ~1e-13)
        rtol=1e-9,
        atol=1e-12,
        hints=(
            matches(
                lambda k, g: np.array([g, g**2]),
                "그것은 보정한 값 ŝ_k, r̂_k입니다. 보정 전 s_k, r_k는 가중치의 합(3.1절)만큼 작습니다.",
            ),
            matches(
                lambda k, g: np.array([RHO1**k * g, RHO2**k * g**2]),
                "가중치의 합은 ρᵏ가 아니라 1 − ρᵏ입니다. ρᵏ는 s₀ = 0이라는 '가짜 과거'의 몫입니다.",
            ),
            matches(
                lambda k, g: np.array([(1 - RHO1**k) * g, (1 - RHO2**k) * g]),
                "r은 그래디언트 제곱의 이동 평균입니다: r_k에는 g가 아니라 g²가 들어갑니다.",
            ),
            matches(
                lambda k, g: np.array([(1 - RHO2**k) * g, (1 - RHO1**k) * g**2]),
                "ρ₁과 ρ₂가 바뀌었습니다. ρ₁ = 0.9는 s(그래디언트), ρ₂ = 0.999는 r(제곱)의 감쇠율입니다.",
            ),
            matches(
                lambda k, g: np.array([(1 - RHO1 ** (k + 1)) * g, (1 - RHO2 ** (k + 1)) * g**2]),
                "지수가 하나 어긋났습니다. k번 갱신한 뒤의 가중치 합은 1 − ρᵏ입니다 (k = 1에서 1 − ρ).",
            ),
            matches(
                lambda k, g: np.array([(1 - RHO1 ** (k - 1)) * g, (1 - RHO2 ** (k - 1)) * g**2]),
                "지수가 하나 어긋났습니다. k번 갱신한 뒤의 가중치 합은 1 − ρᵏ입니다 (k = 1에서 0이 아니라 1 − ρ).",
            ),
        ),
    ),
    function(
        "11.3",
        _delta_for_keras,
        points=[(1e-7, 1), (1e-7, 10), (1e-7, 1000), (1e-5, 3)],
        # a formula typed as code; the reference inverts a simulated Keras step (rounding ~1e-9)
        rtol=1e-6,
        atol=0.0,
        hints=(
            matches(
                lambda epsilon_hat, k: epsilon_hat / (1 - RHO2**k),
                "제곱근이 빠졌습니다. Keras의 걸음을 Algorithm 1의 꼴로 바꿀 때 분자와 분모를 √(1 − ρ₂ᵏ)로 나눕니다.",
            ),
            matches(
                lambda epsilon_hat, k: epsilon_hat * np.sqrt(1 - RHO2**k),
                "곱하지 말고 나누세요. 첫걸음에서 Keras의 상수는 Algorithm 1의 δ로 보면 δ̂보다 큽니다.",
            ),
            matches(
                lambda epsilon_hat, k: epsilon_hat / np.sqrt(1 - RHO1**k),
                "δ̂에 붙는 보정은 r 쪽, 곧 ρ₂의 것입니다 (√r̂ = √(r/(1 − ρ₂ᵏ))).",
            ),
            matches(
                lambda epsilon_hat, k: epsilon_hat + 0 * k,
                "δ = δ̂는 k가 클 때의 극한일 뿐입니다. 작은 k에서는 보정 계수 1 − ρ₂ᵏ가 1보다 훨씬 작습니다.",
            ),
        ),
    ),
)
