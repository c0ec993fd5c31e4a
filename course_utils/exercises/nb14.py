"""Exercises of notebook 14 (one SGD step with weight decay, Adam + L2's effective decay per
coordinate, Keras's L2 penalty as torch's weight_decay)."""

import numpy as np

from ..checks import near, when
from ..optimizers import SGD
from . import number

W, GRAD = np.array([2.0, -1.0]), np.array([0.5, 0.3])  # the exercise's w and ∇L(w)
LR, LAMBDA = 0.1, 0.5
R_HAT = np.array([400.0, 1e-4])  # exercise 2's r̂
LR_2, LAMBDA_2, DELTA_2 = 1e-3, 1e-2, 1e-8
KERAS_L2 = 5e-4  # keras.regularizers.L2(5e-4): penalty l2·Σw², gradient 2·l2·w


def _sgd_step():
    # the package's SGD with torch's L2 (g + λw), one step from W
    return SGD(lr=LR, weight_decay=LAMBDA).step(W, lambda w: GRAD)


def _adam_l2_decay():
    return LR_2 * LAMBDA_2 / (DELTA_2 + np.sqrt(R_HAT))


def _torch_weight_decay():
    # d/dw of l2·Σw² is 2·l2·w; torch adds λw to the gradient
    return 2 * KERAS_L2


def _pair(got):
    return got.shape == (2,)


EXERCISES = (
    number(
        "14.1",
        _sgd_step,
        # worked by hand to exact decimals (1.85, −0.98); 1e-6 also accepts a float rounding
        rtol=1e-6,
        atol=1e-9,
        hints=(
            near(
                W - LR * GRAD,
                "감쇠를 빼먹었습니다. 가중치 감쇠가 있으면 먼저 w에 (1 − ελ)를 곱합니다.",
            ),
            near(
                (1 - LAMBDA) * W - LR * GRAD,
                "줄이는 배율은 1 − λ가 아니라 1 − ελ입니다: 벌점의 그래디언트 λw에도 ε가 곱해집니다.",
            ),
            near(
                (1 - LR * LAMBDA / 2) * W - LR * GRAD,
                "벌점 (λ/2)‖w‖²의 그래디언트는 (λ/2)w가 아니라 λw입니다 (제곱을 미분한 2가 1/2을 지움).",
            ),
            near(
                (1 - LR * LAMBDA) * W + LR * GRAD,
                "그래디언트 쪽 부호가 반대입니다. 경사하강법은 −ε∇L 방향으로 갑니다.",
            ),
            near(
                (1 + LR * LAMBDA) * W - LR * GRAD,
                "감쇠는 w를 키우지 않고 줄입니다: (1 + ελ)가 아니라 (1 − ελ)를 곱하세요.",
            ),
        ),
    ),
    number(
        "14.2",
        _adam_l2_decay,
        # a formula typed as code; δ changes the second value by 1e-6 relative, so rtol=1e-5
        # accepts the values written without δ (5e-7, 1e-3) and rejects every slip below
        rtol=1e-5,
        atol=0.0,
        hints=(
            near(
                lambda want: LR_2 * LAMBDA_2 / R_HAT,
                "제곱근이 빠졌습니다. 분모는 r̂이 아니라 δ + √r̂입니다 (그래디언트 크기의 단위).",
            ),
            near(
                lambda want: LR_2 * LAMBDA_2 * np.sqrt(R_HAT),
                "√r̂로 나누어야 합니다 (곱하지 말고). 그래디언트가 클수록 감쇠가 약해집니다.",
            ),
            when(
                lambda got, want: _pair(got) and np.allclose(got, LR_2 * LAMBDA_2, rtol=1e-6),
                "그것은 AdamW의 감쇠율 ελ입니다. Adam + L2에서는 λw가 δ + √r̂로 나뉩니다.",
                lambda want: np.full(2, LR_2 * LAMBDA_2),
            ),
            when(
                lambda got, want: got.shape == (),
                "좌표마다 하나씩, 길이 2의 배열입니다.",
                lambda want: np.asarray(float(np.mean(want))),
            ),
        ),
    ),
    number(
        "14.3",
        _torch_weight_decay,
        # a number typed from the reasoning (1e-3): exact up to float rounding
        rtol=1e-9,
        atol=0.0,
        hints=(
            near(
                KERAS_L2,
                "Keras의 L2 벌점은 l2·Σw²이고 1/2이 없습니다. 그래디언트는 2·l2·w입니다.",
                rtol=1e-9,
                atol=0.0,
            ),
            near(
                KERAS_L2 / 2,
                "반대 방향으로 옮겼습니다. 벌점 l2·Σw²의 그래디언트 2·l2·w에서 λ = 2·l2입니다.",
                rtol=1e-9,
                atol=0.0,
            ),
        ),
    ),
)
