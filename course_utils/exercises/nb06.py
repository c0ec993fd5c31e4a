"""Exercises of notebook 06 (the limits of gradient descent on x·sin x)."""

import numpy as np

from ..calculus import derivative
from ..checks import matches, near, when
from ..functions import X_SIN_X
from ..optimizers import SGD, optimize
from . import function, number

X_GLOBAL = X_SIN_X.minima[0]  # ≈ 4.913, the global minimum on [−1, 7]
X_RIDGE = 2.028757838110434  # the maximum between the valleys (f′ = 0; tests check it)


def _second_derivative(x):
    return 2 * np.cos(x) - x * np.sin(x)  # (sin x + x cos x)′


def _curvature_at_global():
    # f″(x*) by a central difference of f′, independent of the formula the exercise 06.2 asks for
    return float(derivative(X_SIN_X.derivative, X_GLOBAL))


EXERCISES = (
    number(
        "06.1",
        lambda: optimize(X_SIN_X.gradient, 2.0, SGD(lr=0.25), 200).final,
        # the x coordinate of a minimum: 0 (or 0.0) passes, as does a run's end within 10⁻³
        rtol=0.0,
        atol=1e-3,
        hints=(
            near(
                X_GLOBAL,
                "x₀ = 2.0은 능선 x ≈ 2.029의 어느 쪽인가요? f′(2.0) = sin 2 + 2cos 2의 부호를 보세요.",
                rtol=1e-3,
            ),
            near(
                X_RIDGE,
                "그것은 능선(극댓값)입니다. 경사하강법은 극댓값에서 멀어지는 쪽으로 움직입니다.",
                rtol=2e-3,
            ),
            near(
                2.0,
                "그것은 시작점입니다. 경사하강법이 200번 움직인 뒤 도착하는 최솟값의 x 좌표를 쓰세요.",
            ),
        ),
    ),
    function(
        "06.2",
        _second_derivative,
        points=(-1.0, 0.0, 1.3, 2.5, 4.0, 6.2),
        # a formula typed as code: equal up to floating-point rounding
        rtol=1e-9,
        atol=1e-9,
        hints=(
            matches(
                lambda x: np.cos(x) - x * np.sin(x),
                "cos x가 하나 빠졌습니다: (sin x)′ = cos x에 곱의 미분 (x cos x)′ = cos x − x sin x를 더하세요.",
            ),
            matches(
                lambda x: 2 * np.cos(x) + x * np.sin(x),
                "(cos x)′ = −sin x입니다. x sin x 항의 부호를 확인하세요.",
            ),
            matches(
                lambda x: np.sin(x) + x * np.cos(x), "그것은 f′(x)입니다. 한 번 더 미분하세요."
            ),
            matches(
                lambda x: -x * np.sin(x),
                "곱의 미분에서 x cos x의 x를 미분한 cos x와 sin x의 미분 cos x가 빠졌습니다.",
            ),
        ),
    ),
    number(
        "06.3",
        lambda: 2 / _curvature_at_global(),
        # the notebook quotes 0.3836 and the map label ≈ 0.384: three significant digits pass
        rtol=2e-3,
        atol=0.0,
        hints=(
            near(
                lambda want: want / 2,
                "그것은 1/f″(x*), 한 걸음에 도착하는 학습률입니다. 수렴의 상한은 |1 − εf″(x*)| < 1에서 나옵니다.",
                rtol=2e-3,
            ),
            near(
                lambda want: 2 / want,
                "그것은 f″(x*) 자체입니다. 상한은 그 값으로 2를 나눈 것입니다.",
                rtol=2e-3,
            ),
            near(
                1.0,
                "1은 국소 최솟값 x = 0의 한계 2/f″(0)입니다. 전역 최솟값 x* ≈ 4.913에서 계산하세요.",
                rtol=1e-3,
            ),
            near(
                0.375,
                "0.375는 지도의 격자 줄(학습률 200개 중 하나)입니다. 식 2/f″(x*)로 계산하세요.",
            ),
            when(
                lambda got, want: got.shape == () and got < 0,
                "학습률은 양수입니다. 최솟값에서는 f″(x*) > 0이어야 합니다: f″(x)의 식(연습문제 2)과 부호를 다시 확인하세요.",
                lambda want: np.asarray(-want),
            ),
        ),
    ),
)
