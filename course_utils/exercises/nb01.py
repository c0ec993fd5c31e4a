"""Exercises of notebook 01 (derivatives, secants and the central difference)."""

import numpy as np

from ..calculus import derivative
from ..checks import matches, near, sign_flipped
from ..functions import CUBIC, QUADRATIC, X_SIN_X
from . import function, number

# floats (with an int, `x^2` would be a silent XOR); x = 0 and 2 are where slips can hide
# (x·sin x has f′(0) = 0), so the points also include others
POINTS = (-2.0, -0.5, 0.0, 0.7, 1.5, 3.0, 4.2)


EXERCISES = (
    function(
        "01.1",
        QUADRATIC.derivative,
        points=POINTS,
        rtol=1e-9,
        atol=1e-9,  # a formula typed as code: equal up to float rounding
        hints=(
            matches(lambda x: 2 * x + 2, "상수의 미분은 0입니다: 6을 미분하면 사라집니다."),
            matches(lambda x: 2 * x, "−4x의 미분 −4를 빠뜨렸습니다."),
            matches(lambda x: 2 * x + 4, "−4x를 미분하면 −4입니다 (부호)."),
            matches(QUADRATIC, "그것은 f(x) 자체입니다. 항마다 미분한 도함수를 쓰세요."),
        ),
    ),
    function(
        "01.2",
        X_SIN_X.derivative,
        points=POINTS,
        rtol=1e-9,
        atol=1e-9,  # a formula typed as code: equal up to float rounding
        hints=(
            matches(
                lambda x: x * np.cos(x),
                "곱의 미분법의 첫 항 u′v = 1·sin x를 빠뜨렸습니다: (uv)′ = u′v + uv′.",
            ),
            matches(
                lambda x: np.cos(x),
                "(uv)′은 u′·v′이 아닙니다. (uv)′ = u′v + uv′, 두 항의 합입니다.",
            ),
            matches(lambda x: np.sin(x) - x * np.cos(x), "(sin x)′ = +cos x입니다 (부호)."),
            matches(lambda x: np.sin(x) + np.cos(x), "uv′ = x·cos x에서 x를 빠뜨렸습니다."),
        ),
    ),
    number(
        "01.3",
        lambda: (QUADRATIC(3.5) - QUADRATIC(3.0)) / 0.5,
        # 2.5 is exact by hand; accept it written with rounding to 4 digits, every slip
        # below is more than 10 % away
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(
                2.0,
                "그것은 접선의 기울기 f′(3)입니다. 할선은 두 점 x₀ = 3과 x₀ + h = 3.5를 잇습니다.",
            ),
            near(1.25, "f(3.5) − f(3)을 h = 0.5로 나누지 않았습니다."),
            near(
                3.0,
                "그것은 f′(3.5), 점 3.5에서 접선의 기울기입니다. 할선 기울기는 두 점의 평균변화율입니다.",
            ),
            near(4.25, "그것은 f(3.5)입니다. 기울기는 (f(3.5) − f(3)) / 0.5입니다."),
        ),
    ),
    number(
        "01.4",
        lambda: derivative(CUBIC, 1.0, h=0.1, method="central") - CUBIC.derivative(1.0),
        # predicted by hand (exact), or measured: the measurement differs only by rounding ~1e-15
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(0.93, "그것은 전진 차분의 오차 9h + 3h²입니다. 중앙 차분은 f″ 항이 상쇄됩니다."),
            near(0.3, "오차는 h가 아니라 h²에 비례합니다: f‴/6 · h²."),
            near(0.18, "테일러 전개의 계수 1/6을 빠뜨렸습니다: 오차 ≈ f‴(x)/6 · h²."),
            near(7.03, "그것은 근삿값입니다. 오차는 근삿값에서 참값 f′(1) = 7을 뺀 값입니다."),
            sign_flipped(
                "부호가 반대입니다. 오차는 (근삿값 − 참값)이고, 이 삼차함수에서는 근삿값이 참값보다 큽니다."
            ),
        ),
    ),
)
