"""Exercises of notebook 05 (gradient descent on x² − 4x + 6)."""

import numpy as np

from ..checks import near, when
from ..functions import QUADRATIC
from ..optimizers import SGD, optimize
from . import number


def _first_below(path, target, tol):
    return int(np.argmax(np.abs(np.asarray(path) - target) < tol))


EXERCISES = (
    number(
        "05.1",
        lambda: optimize(QUADRATIC.gradient, 4.0, SGD(lr=0.25), 3)[3],
        # 2.25 is exact; a hand computation may write 2.25 or 2.250
        rtol=1e-4,
        atol=0.0,
        hints=(
            near(0.25, "그것은 x₃ − 2, 곧 최솟값까지 남은 거리입니다. x₃ = 2 + (x₃ − 2)."),
            near(2.5, "그것은 x₂입니다. 갱신을 세 번 해야 x₃입니다 (x₀ = 4가 시작점)."),
            near(2.125, "그것은 x₄입니다. x₀ = 4가 시작점이므로 x₃은 세 번 갱신한 값입니다."),
            near(
                1.75,
                "오차 (x₃ − 2)를 2에서 뺐습니다. x₀ = 4 > 2이고 1 − 2ε > 0이므로 x₃도 2보다 큽니다.",
            ),
            near(
                2 + 0.6**3 * 2,
                "그것은 본문의 ε = 0.2로 계산한 값입니다. 이 문제의 학습률은 ε = 0.25입니다.",
            ),
            near(
                2 + 0.75**3 * 2,
                "오차에 곱해지는 수는 1 − ε가 아니라 1 − 2ε입니다(f′(x) = 2(x − 2)).",
            ),
        ),
    ),
    number(
        "05.2",
        1 / 6,
        # 1/6 may be typed as a fraction or read as 0.167 (3 significant digits)
        rtol=3e-3,
        atol=0.0,
        hints=(
            near(
                1 / 3,
                "1/3은 수렴하는 ε의 상한 2/g″입니다. 한 번에 도착하려면 1 − 6ε = 0이어야 합니다.",
            ),
            near(0.5, "0.5는 x² − 4x + 6(f″ = 2)의 답입니다. g(x) = 3(x − 1)²은 g″ = 6입니다."),
            near(6.0, "6은 g″(x)입니다. 오차에 곱해지는 수 1 − 6ε가 0이 되는 ε를 구하세요."),
            when(
                lambda got, want: got.shape == () and got > 0,
                lambda got: (
                    f"이 ε로 x₀ = 5에서 한 번 갱신하면 x₁ = 5 − ε·24 = {5 - 24 * float(got):.6g}입니다 (목표: 1)."
                ),
                lambda want: np.asarray(0.2),
            ),
        ),
    ),
    number(
        "05.3",
        lambda: _first_below(optimize(QUADRATIC.gradient, 4.0, SGD(lr=0.2), 100), 2.0, 1e-6),
        rtol=0.0,
        atol=1e-9,  # a count: exactly 29
        hints=(
            near(
                28,
                "k = 28에서는 |x₂₈ − 2| = 2·0.6²⁸ ≈ 1.2·10⁻⁶으로 아직 10⁻⁶보다 큽니다. 부등식의 해를 올림하세요.",
            ),
            when(
                lambda got, want: got.shape == () and 28 < got < 29,
                "반복 횟수 k는 정수입니다: 부등식 k > 28.4…를 만족하는 가장 작은 정수를 쓰세요.",
                lambda want: np.asarray(28.4),
            ),
            near(
                30, "하나 더 셌습니다. 시작점 x₀가 k = 0이므로 k번째 값은 경로의 k번 인덱스입니다."
            ),
        ),
    ),
)
