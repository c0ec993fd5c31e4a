"""Exercises of notebook 03 (the chain rule and backpropagation through one neuron)."""

import numpy as np

from ..calculus import gradient
from ..checks import matches, near, when
from . import function, number

# 03.2: the linear neuron ŷ = wx + b on the one sample (x, y) = (2, 3)
X_LINEAR, Y_LINEAR = 2.0, 3.0
# 03.3: the tanh neuron on (x, y) = (−1, 0.5) at (w, b) = (0.3, 0.2)
X_TANH, Y_TANH, W_TANH, B_TANH = -1.0, 0.5, 0.3, 0.2
# the sigmoid neuron of the notebook's section 4 (a student may reuse its gradient by mistake)
X_SIGMOID, Y_SIGMOID, W_SIGMOID, B_SIGMOID = 1.5, 1.0, 0.8, -0.5


def _outer_power(x):
    return 10 * x * (x**2 + 1) ** 4  # 5(x² + 1)⁴ · 2x


def _linear_gradient(w, b):
    residual = w * X_LINEAR + b - Y_LINEAR
    return (2 * residual * X_LINEAR, 2 * residual)


def _neuron_gradient(activation, x, y, w, b):
    """∂L/∂(w, b) of L = (activation(wx + b) − y)², by central differences."""
    return gradient(lambda p: (activation(p[0] * x + p[1]) - y) ** 2, np.array([w, b]))


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _tanh_without(local_derivative):
    """[∂L/∂w, ∂L/∂b] of the tanh neuron with the local derivative ∂ŷ/∂z replaced."""
    y_hat = np.tanh(W_TANH * X_TANH + B_TANH)
    dL_dz = 2 * (y_hat - Y_TANH) * local_derivative(y_hat)
    return np.array([dL_dz * X_TANH, dL_dz])


def _tanh_gradient():
    return _neuron_gradient(np.tanh, X_TANH, Y_TANH, W_TANH, B_TANH)


EXERCISES = (
    function(
        "03.1",
        _outer_power,
        points=(-1.5, -0.5, 0.0, 0.7, 1.2, 2.0),
        # the student types a formula as code: equal up to floating-point rounding
        rtol=1e-9,
        atol=1e-9,
        hints=(
            matches(
                lambda x: 5 * (x**2 + 1) ** 4,
                "바깥 함수의 미분 5u⁴만 썼습니다. 안쪽 u = x² + 1의 미분 2x를 곱하세요.",
            ),
            matches(
                lambda x: 5 * x * (x**2 + 1) ** 4, "안쪽 함수 x² + 1의 미분은 x가 아니라 2x입니다."
            ),
            matches(
                lambda x: 10 * x * (x**2 + 1) ** 5,
                "바깥 u⁵의 미분은 5u⁴입니다: 지수가 하나 줄어듭니다.",
            ),
            matches(
                lambda x: 10 * x**5,
                "바깥 미분 5u⁴에는 x가 아니라 안쪽 함숫값 u = x² + 1을 넣어야 합니다.",
            ),
            matches(
                lambda x: (x**2 + 1) ** 5, "그것은 h(x) 자체입니다. 미분한 함수 h′(x)를 쓰세요."
            ),
        ),
    ),
    function(
        "03.2",
        _linear_gradient,
        points=((0.0, 0.0), (1.0, 1.0), (-0.5, 2.0), (1.5, -1.0)),
        # a formula typed as code: equal up to floating-point rounding
        rtol=1e-9,
        atol=1e-9,
        hints=(
            matches(
                lambda w, b: (2 * (w * X_LINEAR + b - Y_LINEAR), 2 * (w * X_LINEAR + b - Y_LINEAR)),
                "∂L/∂w에는 안쪽 미분 ∂r/∂w = x(= 2)가 곱해집니다.",
            ),
            matches(
                lambda w, b: (
                    (w * X_LINEAR + b - Y_LINEAR) * X_LINEAR,
                    w * X_LINEAR + b - Y_LINEAR,
                ),
                "바깥 r²의 미분은 2r입니다: 2를 빠뜨렸습니다.",
            ),
            matches(
                lambda w, b: tuple(-v for v in _linear_gradient(w, b)),
                "부호가 반대입니다. 잔차를 y − (wx + b)로 썼다면 안쪽 미분은 −x, −1입니다.",
            ),
            matches(
                lambda w, b: _linear_gradient(w, b)[::-1],
                "두 성분의 순서가 바뀌었습니다: (∂L/∂w, ∂L/∂b) 순서로 돌려주세요.",
            ),
        ),
    ),
    number(
        "03.3",
        lambda: _tanh_gradient(),
        # the solution quotes 4 significant digits (1.1874); 1.187 read off a printout passes
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(
                lambda want: _neuron_gradient(_sigmoid, X_SIGMOID, Y_SIGMOID, W_SIGMOID, B_SIGMOID),
                "그것은 본문 4.2절 시그모이드 뉴런의 그래디언트(`dL_dw`, `dL_db`)입니다. "
                "이 문제의 tanh 뉴런 값(`z_tanh`, `yhat_tanh`)으로 새로 계산하세요.",
                rtol=1e-3,
            ),
            near(
                lambda want: _tanh_without(lambda y_hat: 1.0),
                "국소 미분 ∂ŷ/∂z = 1 − tanh²z를 곱하지 않았습니다.",
                rtol=1e-3,
            ),
            near(
                lambda want: _tanh_without(lambda y_hat: y_hat * (1 - y_hat)),
                "ŷ(1 − ŷ)는 시그모이드의 미분입니다. tanh의 미분은 1 − tanh²z = 1 − ŷ²입니다.",
                rtol=1e-3,
            ),
            when(
                lambda got, want: (
                    got.shape == want.shape and np.allclose(got, [want[1], want[1]], rtol=1e-3)
                ),
                "∂L/∂w에는 ∂z/∂w = x(= −1)가 곱해집니다.",
                lambda want: np.array([want[1], want[1]]),
            ),
            near(
                lambda want: -want,
                "부호가 반대입니다 (또는 두 성분의 순서가 바뀌었습니다: x = −1이라 둘은 부호만 다릅니다). "
                "∂L/∂ŷ = 2(ŷ − y)의 순서와 [∂L/∂w, ∂L/∂b] 순서를 확인하세요.",
                rtol=1e-3,
            ),
            when(
                lambda got, want: got.shape == (),
                "값 두 개 [∂L/∂w, ∂L/∂b]를 리스트로 넣으세요.",
                lambda want: np.asarray(want[0]),
            ),
        ),
    ),
)
