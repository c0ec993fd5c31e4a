"""Exercises of notebook 00 (how the self-checks work, on f(x) = x² − 4x + 6)."""

from ..checks import matches, near
from ..functions import QUADRATIC
from . import function, number

# float points only: with an int, `x^2` would be a silent XOR instead of the TypeError
# the engine explains
POINTS = (-2.0, -0.5, 0.0, 0.7, 1.5, 3.0, 4.0)

EXERCISES = (
    number(
        "00.1",
        lambda: QUADRATIC(3.0),
        rtol=1e-9,
        atol=1e-9,  # an integer worked by hand: exactly 3
        hints=(
            near(27.0, "−4x 항의 부호를 확인하세요: x = 3이면 −4·3 = −12입니다."),
            near(0.0, "3²은 3·2가 아니라 3·3입니다."),
            near(-9.0, "+6의 부호를 확인하세요: f(3) = 9 − 12 + 6입니다."),
            near(
                2.0,
                "그것은 f′(3), 곧 x = 3에서 접선의 기울기입니다. f(3)은 식의 x에 3을 넣은 값입니다.",
            ),
        ),
    ),
    function(
        "00.2",
        QUADRATIC,
        points=POINTS,
        rtol=1e-9,
        atol=1e-9,  # a formula typed as code: equal up to float rounding
        hints=(
            matches(lambda x: x**2 + 4 * x + 6, "−4x 항의 부호가 반대입니다: `- 4 * x`."),
            matches(lambda x: x**2 - 4 * x, "상수항 + 6을 빠뜨렸습니다."),
            matches(lambda x: 2 * x - 4, "그것은 도함수 f′(x) = 2x − 4입니다. f(x) 자체를 쓰세요."),
            matches(lambda x: 2 * x - 4 * x + 6, "`x**2`는 x·x입니다. `2 * x`가 아닙니다."),
        ),
    ),
)
