"""Exercises of notebook 15 (second-order methods).

The references are computed here from course_utils: the Newton steps by
``second_order.newton_path`` (15.2's Hessian by ``second_order.hessian``, central
differences of the gradient), the step size by ``second_order.backtracking_step``.
"""

import numpy as np

from ..checks import near, sign_flipped
from ..functions import QUADRATIC, X_SIN_X
from ..second_order import backtracking_step, hessian, newton_path
from . import number

# 15.1: x·sin x from x₀ = 4.5
X0_15_1 = 4.5


def _x_sin_x_second(x):
    """f″(x) = 2cos x − x·sin x of f(x) = x·sin x."""
    return 2 * np.cos(x) - x * np.sin(x)


def _newton_1d():
    return float(newton_path(X_SIN_X.derivative, _x_sin_x_second, X0_15_1, 1)[1])


def _newton_step_1d():
    return _newton_1d() - X0_15_1


# 15.2: f(x, y) = 2.5x² + 2xy + y² − 3x + y from w₀ = (1, 1)
W0_15_2 = np.array([1.0, 1.0])


def _gradient_15_2(w):
    x, y = w
    return np.array([5 * x + 2 * y - 3, 2 * x + 2 * y + 1])


def _hessian_15_2():
    return hessian(_gradient_15_2, W0_15_2)


def _newton_2d():
    H = _hessian_15_2()
    return newton_path(_gradient_15_2, lambda w: H, W0_15_2, 1)[1]


# 15.3: QUADRATIC from x = 4, t₀ = 4, β = 0.5, c = 10⁻⁴
ARMIJO = dict(t0=4.0, beta=0.5, c=1e-4)


def _armijo_t():
    return backtracking_step(QUADRATIC.loss, QUADRATIC.derivative, 4.0, **ARMIJO)[1]


# 15.4: d = 10⁶ parameters, float32
D_15_4, BYTES_15_4 = 10**6, 4


EXERCISES = (
    number(
        "15.1",
        _newton_1d,
        # x₁ ≈ 4.9843: an answer typed to 3 decimals (the task asks for that) is within 1e-4
        rtol=2e-4,
        atol=0.0,
        hints=(
            near(
                lambda want: X0_15_1 - _newton_step_1d(),
                "걸음의 부호가 반대입니다. 뉴턴법은 x₁ = x₀ − f′(x₀)/f″(x₀)입니다(빼기).",
                rtol=2e-4,
            ),
            near(
                lambda want: X0_15_1 - float(X_SIN_X.derivative(X0_15_1)),
                "그것은 x₀ − f′(x₀), 학습률 1인 경사하강법입니다. 뉴턴법은 f′(x₀)를 f″(x₀)로 나눕니다.",
                rtol=2e-4,
            ),
            near(
                lambda want: X0_15_1 - float(X_SIN_X(X0_15_1) / X_SIN_X.derivative(X0_15_1)),
                "그것은 x₀ − f(x₀)/f′(x₀), f(x) = 0인 점을 찾는 뉴턴–랩슨법입니다. 최솟값(f′ = 0)을 찾으려면 "
                "f′을 f″로 나누세요.",
                rtol=2e-4,
            ),
            near(
                lambda want: (
                    X0_15_1 - _x_sin_x_second(X0_15_1) / float(X_SIN_X.derivative(X0_15_1))
                ),
                "분수가 뒤집혔습니다: f″/f′이 아니라 f′/f″입니다.",
                rtol=2e-4,
            ),
            near(
                lambda want: _newton_step_1d(),
                "그것은 걸음 −f′(x₀)/f″(x₀) 자체입니다. x₁ = x₀ + (걸음)을 쓰세요.",
                rtol=2e-4,
            ),
            near(
                lambda want: X_SIN_X.minima[0],
                "그것은 최솟값 x* 자체입니다. 뉴턴법 한 걸음은 x*를 조금 지나칩니다: 공식대로 한 번만 계산하세요.",
                rtol=1e-4,
            ),
        ),
    ),
    number(
        "15.2",
        _newton_2d,
        # exact (4/3, −11/6); typed as decimals to 3–4 digits
        rtol=1e-3,
        atol=1e-3,
        hints=(
            near(
                lambda want: W0_15_2 - _gradient_15_2(W0_15_2),
                "그것은 w₀ − ∇f(w₀), 학습률 1인 경사하강법입니다. 뉴턴법은 H p = −∇f를 풀어 w₁ = w₀ + p입니다.",
                rtol=1e-3,
                atol=1e-3,
            ),
            near(
                lambda want: W0_15_2 - _gradient_15_2(W0_15_2) / np.diag(_hessian_15_2()),
                "대각 원소로만 나누었습니다(대각 전처리). xy 항이 있으면 헤세 행렬 전체로 H p = −∇f를 풀어야 합니다 "
                "(np.linalg.solve).",
                rtol=1e-3,
                atol=1e-3,
            ),
            near(
                lambda want: 2 * W0_15_2 - want,
                "걸음의 부호가 반대입니다: w₁ = w₀ − H⁻¹∇f, 곧 H p = −∇f의 해 p를 더합니다.",
                rtol=1e-3,
                atol=1e-3,
            ),
            near(
                lambda want: want - W0_15_2,
                "그것은 걸음 p = −H⁻¹∇f입니다. 묻는 것은 새 점 w₁ = w₀ + p입니다.",
                rtol=1e-3,
                atol=1e-3,
            ),
            sign_flipped("그것은 걸음 H⁻¹∇f(부호 반대의 p)입니다. w₁ = w₀ − H⁻¹∇f를 쓰세요."),
            near(
                lambda want: (
                    W0_15_2 - np.linalg.solve(_hessian_15_2() / 2, _gradient_15_2(W0_15_2))
                ),
                "헤세 행렬에 계수를 그대로 썼습니다. 2.5x²를 x로 두 번 미분하면 5, y²는 2, xy의 f_xy는 2입니다.",
                rtol=1e-3,
                atol=1e-3,
            ),
        ),
    ),
    number(
        "15.3",
        _armijo_t,
        # a power of two: exact
        rtol=1e-9,
        atol=0.0,
        hints=(
            near(
                1.0,
                "t = 1에서는 f가 6에서 6으로, 전혀 줄지 않습니다(05의 ε = 1이 4와 0을 오가던 걸음). Armijo 조건은 "
                "f가 적어도 c·t·f′² 만큼 줄어야 합니다: 오른쪽 f(4) − c·t·f′(4)²과 비교하세요.",
            ),
            near(
                4.0,
                "t₀ = 4를 그대로 두었습니다. f(4 − 4·4) = f(−12)는 f(4)보다 훨씬 큽니다: 조건을 만족할 때까지 t ← βt로 줄이세요.",
            ),
            near(2.0, "t = 2는 x = −4로 가서 f = 38 > 6입니다. 조건을 만족할 때까지 더 줄이세요."),
            near(
                0.25, "한 번 더 줄였습니다. backtracking은 조건을 만족하는 **첫** t에서 멈춥니다."
            ),
            near(
                lambda want: 4.0 - want * QUADRATIC.derivative(4.0),
                "그것은 새 점 x = 4 − t·f′(4)입니다(최솟값 2). 묻는 것은 걸음 크기 t입니다.",
            ),
        ),
    ),
    number(
        "15.4",
        lambda: D_15_4**2 * BYTES_15_4 / 1e9,
        # a count worked by hand: 3 significant digits
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(
                lambda want: want * 1e9, "그것은 바이트 수입니다. GB로 바꾸려면 10⁹으로 나누세요."
            ),
            near(
                lambda want: want * 2,
                "float64(8바이트)로 계산했습니다. float32는 수 하나에 4바이트입니다.",
            ),
            near(
                lambda want: D_15_4 * BYTES_15_4 / 1e9,
                "그것은 그래디언트(수 d개)의 메모리입니다. 헤세 행렬은 d × d개의 수입니다.",
            ),
            near(
                lambda want: want * 1e9 / 2**30,
                "2³⁰바이트(GiB)로 나누었습니다. 여기서 GB는 10⁹바이트입니다.",
                rtol=1e-3,
            ),
            near(
                lambda want: D_15_4 * (D_15_4 + 1) / 2 * BYTES_15_4 / 1e9,
                "대칭이라 절반만 저장하면 그렇지만, 묻는 것은 d × d 전체입니다.",
                rtol=1e-3,
            ),
            near(lambda want: want / 1e3, "그것은 TB 단위입니다(1 TB = 1000 GB). GB로 답하세요."),
        ),
    ),
)
