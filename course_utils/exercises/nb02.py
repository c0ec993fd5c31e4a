"""Exercises of notebook 02 (partial derivatives, the gradient, unit vectors and the dot product)."""

import numpy as np

from ..checks import matches, near, sign_flipped, unnormalized, when
from ..functions import ILL_CONDITIONED, LECTURE_SURFACE, POLYNOMIAL_2D
from . import function, number

POINT = np.array([-1.0, 2.0])  # the point of exercises 3–5
DIAGONAL = np.array([1.0, 1.0])  # exercise 5: the direction of the vector (1, 1)


def _parallel(got, want):
    """``got`` and ``want`` are vectors on one line (same or opposite direction)."""
    return got.shape == want.shape == (2,) and abs(got[0] * want[1] - got[1] * want[0]) < 1e-9 * (
        np.linalg.norm(got) * np.linalg.norm(want)
    )


def _descent_direction():
    gradient = POLYNOMIAL_2D.gradient(POINT)
    return -gradient / np.linalg.norm(gradient)


def _diagonal_slope():
    return POLYNOMIAL_2D.gradient(POINT) @ (DIAGONAL / np.linalg.norm(DIAGONAL))


EXERCISES = (
    function(
        "02.1",
        ILL_CONDITIONED.partials,
        points=[(1.0, 2.0), (-3.0, 0.5), (0.0, -1.0), (2.5, 2.5)],
        rtol=1e-9,
        atol=1e-9,  # a formula typed as code: equal up to float rounding
        hints=(
            matches(
                lambda x, y: (0.1 * x, 2 * y),
                "x²을 미분하면 2x입니다: 계수에 지수 2를 곱하세요 (0.1·2x, 2·2y).",
            ),
            matches(
                lambda x, y: (4 * y, 0.2 * x), "순서가 바뀌었습니다: (f_x, f_y) 순서로 돌려주세요."
            ),
            matches(
                lambda x, y: (0.2 * x + 4 * y, 0.2 * x + 4 * y),
                "편미분은 한 변수만 미분합니다: f_x를 구할 때 2y²은 상수라서 미분하면 0입니다.",
            ),
        ),
    ),
    function(
        "02.2",
        LECTURE_SURFACE.partials,
        points=[(0.0, 0.0), (1.0, 2.0), (-3.0, 0.5), (3.4, -1.5)],
        rtol=1e-9,
        atol=1e-9,  # a formula typed as code: equal up to float rounding
        hints=(
            matches(
                lambda x, y: (5 * np.cos(x) + 5 * x * np.sin(x), 4 * (2 * y - 1)),
                "(cos x)′ = −sin x입니다 (부호).",
            ),
            matches(
                lambda x, y: (-5 * x * np.sin(x), 4 * (2 * y - 1)),
                "곱의 미분법의 첫 항 u′v = 5·cos x를 빠뜨렸습니다: (uv)′ = u′v + uv′.",
            ),
            matches(
                lambda x, y: (5 * np.cos(x) - 5 * x * np.sin(x), 2 * (2 * y - 1)),
                "f_y에서 안쪽 2y − 1의 미분 2를 곱하지 않았습니다: 2(2y − 1)·2.",
            ),
            matches(
                lambda x, y: (5 * np.cos(x) - 5 * x * np.sin(x), 8 * y - 4 + 1),
                "전개한 4y² − 4y + 1에서 상수 1의 미분은 0입니다.",
            ),
        ),
    ),
    number(
        "02.3",
        lambda: POLYNOMIAL_2D.gradient(POINT),
        rtol=1e-9,
        atol=1e-9,  # integers worked by hand: exactly (24, -32)
        hints=(
            when(
                lambda got, want: got.shape == (2,) and np.allclose(got, want[::-1]),
                "순서가 바뀌었습니다: [f_x, f_y] 순서로 쓰세요.",
                lambda want: want[::-1],
            ),
            near(
                lambda want: [want[0], 6 * 1 * 2 - 10 * 2],
                "f_y = 6xy − 10y에서 x = −1의 부호를 확인하세요: 6·(−1)·2 = −12입니다.",
            ),
            near(
                lambda want: [3 * 2 + 12 * 1, want[1]],
                "f_x = 3y² + 12x²에서 y² = 2² = 4입니다 (2·2가 아니라 2²).",
            ),
            sign_flipped(
                "부호가 모두 반대입니다. 그것은 −∇f입니다. 그래디언트는 ∇f = (f_x, f_y)입니다."
            ),
        ),
    ),
    number(
        "02.4",
        _descent_direction,
        # exact decimals; also accepts a direction computed from a numerical gradient
        # (error ~1e-10) or written with 4 digits
        rtol=1e-4,
        atol=1e-9,
        hints=(
            unnormalized(
                "방향은 맞지만 길이가 1이 아닙니다. 벡터를 그 길이 ‖−∇f‖로 나누어 단위벡터로 만드세요."
            ),
            sign_flipped(
                "그것은 ∇f 방향, 곧 가장 가파른 오르막입니다. 가장 빠르게 줄어드는 방향은 −∇f입니다."
            ),
            when(
                lambda got, want: (
                    _parallel(got, want)
                    and got @ want < 0
                    and not np.isclose(np.linalg.norm(got), 1.0, rtol=1e-3)
                ),
                "그것은 ∇f 방향(오르막)이고 길이도 1이 아닙니다. −∇f를 그 길이로 나누세요.",
                lambda want: -40.0 * want,
            ),
            when(
                lambda got, want: got.shape == (2,) and np.allclose(got, want[::-1]),
                "두 성분의 순서가 바뀌었습니다: [u_1, u_2]는 (x 성분, y 성분)입니다.",
                lambda want: want[::-1],
            ),
        ),
    ),
    number(
        "02.5",
        _diagonal_slope,
        # worked by hand: −8/√2 ≈ −5.657; 3–4 significant digits (−5.66) are accepted
        rtol=1e-3,
        atol=0.0,
        hints=(
            # rtol=1e-3 in the hints too: a slip worked by hand is rounded like the answer
            near(
                -8.0,
                "(1, 1)의 길이는 1이 아니라 √2입니다. 먼저 단위벡터 u = (1, 1)/√2를 만드세요.",
                rtol=1e-3,
            ),
            near(
                40.0,
                "그것은 ‖∇f‖, 가장 가파른 오르막(φ = 0)의 기울기입니다. "
                "대각선 방향은 ∇f와 같은 방향이 아닙니다.",
                rtol=1e-3,
            ),
            near(
                -40.0,
                "그것은 −‖∇f‖, 가장 가파른 내리막(φ = 180°)의 기울기입니다. "
                "대각선 방향은 −∇f와 같은 방향이 아닙니다.",
                rtol=1e-3,
            ),
            near(
                56 / np.sqrt(2),
                "f_y의 부호를 확인하세요: ∇f(−1, 2)의 두 번째 성분은 음수입니다.",
                rtol=1e-3,
            ),
            near(
                lambda want: -want,
                "부호가 반대입니다. ∇f · u = f_x·u₁ + f_y·u₂를 부호와 함께 계산하세요.",
                rtol=1e-3,
            ),
        ),
    ),
)
