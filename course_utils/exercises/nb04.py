"""Exercises of notebook 04 (training as optimization: four ways to a minimum, N^d)."""

import numpy as np

from ..checks import near, when
from ..functions import QUADRATIC
from ..optimizers import SGD, optimize
from . import number

# 04.1: g(x) = a·x² + b·x + c
A, B, C = 2.0, -8.0, 3.0
# 04.2: the setting of the notebook's section 3
GRID_POINTS, EVALUATIONS_PER_SECOND, SECONDS_PER_YEAR = 100, 1e9, 365.25 * 24 * 3600


def _g(x):
    return A * x**2 + B * x + C


def _vertex():
    x_star = -B / (2 * A)  # where g′(x) = 2a·x + b vanishes
    return np.array([x_star, _g(x_star)])


def _first_d_over_one_year():
    # N^d / rate > one year, compared as logarithms: N^d overflows a float for large d
    return next(
        d
        for d in range(1, 100)
        if d * np.log10(GRID_POINTS) - np.log10(EVALUATIONS_PER_SECOND) > np.log10(SECONDS_PER_YEAR)
    )


EXERCISES = (
    number(
        "04.1",
        lambda: _vertex(),
        # two small whole numbers worked by hand; 2.0 and 2 are the same
        rtol=1e-9,
        atol=1e-9,
        hints=(
            near(lambda want: want[::-1], "순서가 바뀌었습니다: [x*, g(x*)] 순서로 쓰세요."),
            near(
                lambda want: [want[0], want[1] + 4],  # 2(x − 2)² − 4 + 3
                "완전제곱식을 만들 때 괄호 밖의 2를 −4에도 곱해야 합니다: 2[(x − 2)² − 4] + 3.",
            ),
            near(
                lambda want: [-want[0], _g(-want[0])],
                "x*의 부호가 반대입니다. 2(x − p)²이 0이 되는 x = p를 쓰세요.",
            ),
            near(
                lambda want: [2 * want[0], _g(2 * want[0])],
                "꼭짓점은 x = −b/(2a)입니다. 2a의 2를 빠뜨렸습니다.",
            ),
            when(
                lambda got, want: got.shape == (),
                "두 값 [x*, g(x*)]를 리스트로 쓰세요.",
                lambda want: np.asarray(want[0]),
            ),
        ),
    ),
    number(
        "04.2",
        lambda: _first_d_over_one_year(),
        rtol=0.0,
        atol=1e-9,  # a count: exactly one whole number
        hints=(
            near(8, "d = 8에서 걸리는 시간 10⁷초를 1년(약 3.16·10⁷초)과 비교해 보세요."),
            near(
                4, "초당 10⁹번 계산하므로, 걸리는 시간(초)은 계산 횟수 10²ᵈ를 10⁹로 나눈 값입니다."
            ),
            near(
                14,
                "14는 본문에서 우주의 나이를 처음 넘는 d입니다. 이 문제의 기준은 1년(약 3.16·10⁷초)입니다.",
            ),
            when(
                lambda got, want: got.shape == () and got != np.round(got),
                "d는 정수입니다: 부등식 2d − 9 > 7.5를 만족하는 가장 작은 정수를 쓰세요.",
                lambda want: np.asarray(want - 0.75),
            ),
            near(
                lambda want: want + 1,
                "하나 더 갔습니다. 그보다 하나 작은 d에서 걸리는 시간을 1년(약 3.16·10⁷초)과 비교해 보세요.",
            ),
        ),
    ),
    number(
        "04.3",
        lambda: optimize(QUADRATIC.gradient, 0.0, SGD(lr=0.25), 3)[3],
        # worked by hand in three lines: 1.75 (or 7/4)
        rtol=1e-4,
        atol=0.0,
        hints=(
            near(1.5, "그것은 x₂입니다. x₀ = 0에서 갱신을 세 번 해야 x₃입니다."),
            near(1.875, "그것은 x₄입니다. x₀ = 0이 시작점이므로 x₃은 세 번 갱신한 값입니다."),
            near(
                2.25,
                "그것은 x₀ = 4에서 출발한 값입니다(노트북 05의 연습문제). 이 문제의 시작점은 x₀ = 0입니다.",
            ),
            near(-4.75, "갱신은 x − ε·f′(x)입니다. 기울기의 반대 방향으로 가야 합니다(부호 확인)."),
            near(2.0, "최솟값 x* = 2는 세 걸음으로는 아직 도착하지 못합니다. 세 번만 갱신하세요."),
        ),
    ),
)
