"""Exercises of notebook 06a (the Hessian primer), all on f(x, y) = 2.5x² + 2xy + y².

The references come from a Hessian computed here by central differences of the
analytic gradient (``course_utils.calculus.gradient``), not from numbers typed in.
"""

import numpy as np

from ..calculus import gradient
from ..checks import near, when
from . import number


def _partials(w):
    """(f_x, f_y) of f(x, y) = 2.5x² + 2xy + y²."""
    x, y = w
    return np.array([5 * x + 2 * y, 2 * x + 2 * y])


def _hessian():
    """The Hessian of f, row i the numerical gradient of the i-th partial (f is quadratic:
    the same at every point)."""
    point = np.array([0.3, -0.7])
    return np.array([gradient(lambda w: _partials(w)[i], point) for i in range(2)])


def _eigenvalues():
    """The two eigenvalues of the Hessian, smaller first (as ``np.linalg.eigh``)."""
    return np.linalg.eigvalsh(_hessian())


def _diagonal():
    return np.diag(_hessian())


def _slips_06a2():
    """The wrong limits 06a.2 names: 1/λ_max, 2/λ_min, 1/λ_min, 2/f_xx, 2/(λ_min + λ_max)."""
    low, high = _eigenvalues()
    return (1 / high, 2 / low, 1 / low, 2 / _diagonal().max(), 2 / (low + high))


def _other_than_named(got):
    return got.shape == () and not any(np.isclose(got, slip, rtol=3e-3) for slip in _slips_06a2())


EXERCISES = (
    number(
        "06a.1",
        _eigenvalues,
        # exact 1 and 6; a hand computation or a 4-digit printout of eigh is accepted
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(
                lambda want: want[::-1],
                "두 값은 맞지만 순서가 반대입니다. `np.linalg.eigh`처럼 작은 것부터 [λ_min, λ_max]로 쓰세요.",
            ),
            near(
                lambda want: np.sort(_diagonal()),
                "그것은 헤세 행렬의 대각 원소 f_xx, f_yy입니다. xy 항이 있으면(f_xy ≠ 0) 대각 원소는 고윳값이 "
                "아닙니다: 2.4의 λ² − (대각합)·λ + (행렬식) = 0을 푸세요.",
            ),
            near(
                lambda want: want / 2,
                "계수를 그대로 2계 편미분으로 썼습니다. 2.5x²를 x로 두 번 미분하면 5, y²는 2입니다 "
                "(f_xy = 2는 xy의 계수 그대로).",
            ),
            near(
                lambda want: np.linalg.eigvalsh(_hessian() * np.array([[1.0, 0.5], [0.5, 1.0]])),
                "비대각 원소를 xy 계수의 절반(1)으로 썼습니다. f_x = 5x + 2y를 y로 미분하면 f_xy = 2입니다.",
                rtol=1e-3,
            ),  # values a student rounds off a printout
            near(
                lambda want: np.array([want.sum(), want.prod()]),
                "그것은 대각합과 행렬식입니다. 고윳값은 λ² − (대각합)·λ + (행렬식) = 0의 두 근입니다.",
            ),
            when(
                lambda got, want: got.shape == (2, 2),
                "그것은 헤세 행렬 자체(2×2)입니다. 그 행렬의 고윳값 두 개를 [작은 것, 큰 것]으로 쓰세요.",
                lambda want: _hessian(),
            ),
        ),
    ),
    number(
        "06a.2",
        lambda: 2 / _eigenvalues()[1],
        # 1/3 may be typed as a fraction or read as 0.333 (3 significant digits)
        rtol=3e-3,
        atol=0.0,
        hints=(
            near(
                lambda want: _slips_06a2()[0],
                "1/λ_max는 가장 가파른 방향의 오차를 한 번에 없애는 학습률입니다(05 연습문제 2의 1/f″). "
                "한계는 그 방향의 배율이 −1이 되는 곳, |1 − ε·λ_max| < 1의 끝입니다.",
                rtol=3e-3,
            ),
            near(
                lambda want: _slips_06a2()[1],
                "2/λ_min은 완만한 방향의 한계입니다. 그 전에 가파른 방향의 배율 |1 − ε·λ_max|가 1을 넘어 "
                "발산합니다: 한계는 가장 큰 곡률이 정합니다.",
                rtol=3e-3,
            ),
            near(
                lambda want: _slips_06a2()[2],
                "1/λ_min에서는 가파른 방향의 배율 |1 − ε·λ_max|가 1보다 커서 발산합니다. "
                "가장 큰 고윳값으로 계산하세요.",
                rtol=3e-3,
            ),
            near(
                lambda want: _slips_06a2()[3],
                "f_xx는 x축 방향의 곡률일 뿐, 가장 큰 곡률이 아닙니다. xy 항이 있으므로 헤세 행렬의 "
                "가장 큰 고윳값을 쓰세요.",
                rtol=3e-3,
            ),
            near(
                lambda want: _slips_06a2()[4],
                "그것은 두 방향의 배율 크기를 맞추는 가장 좋은 학습률 ε* = 2/(λ_min + λ_max)입니다. "
                "묻는 것은 발산하지 않는 한계입니다.",
                rtol=3e-3,
            ),
            # any other number: say on which side of the limit it lies, without the limit itself
            when(
                lambda got, want: _other_than_named(got) and got > want,
                "이 ε에서는 가장 가파른 방향의 배율 1 − ε·λ_max가 −1보다 작아 그 방향이 발산합니다.",
                lambda want: np.asarray(0.5),
            ),
            when(
                lambda got, want: _other_than_named(got) and 0 < got < want,
                "이 ε에서는 아직 모든 방향이 수렴합니다. 한계는 더 큰 ε입니다: |1 − ε·λ_max| = 1이 되는 곳을 찾으세요.",
                lambda want: np.asarray(0.25),
            ),
        ),
    ),
    number(
        "06a.3",
        lambda: _eigenvalues()[1] / _eigenvalues()[0],
        # exact 6; a hand computation or a printout is accepted to 3-4 digits
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(
                lambda want: 1 / want,
                "나누는 순서가 반대입니다. 조건수는 큰 고윳값 ÷ 작은 고윳값이라 1 이상입니다.",
                rtol=3e-3,
            ),
            near(
                lambda want: np.sqrt(want),
                "그것은 등고선 타원의 긴 축 ÷ 짧은 축, 곧 √κ입니다. κ는 고윳값의 비 그 자체입니다.",
                rtol=1e-3,
            ),  # √6 is irrational: typed rounded
            near(
                lambda want: _diagonal().max() / _diagonal().min(),
                "그것은 대각 원소의 비 f_xx/f_yy입니다. xy 항이 있으면 대각 원소는 고윳값이 아닙니다.",
            ),
            near(
                lambda want: _eigenvalues()[1] - _eigenvalues()[0],
                "두 고윳값의 차가 아니라 비(큰 것 ÷ 작은 것)입니다.",
            ),
        ),
    ),
)
