"""Exercises of notebook 09 (Momentum and Nesterov)."""

from functools import cache

import numpy as np

from ..checks import matches, near, sign_flipped
from ..functions import ILL_CONDITIONED
from ..optimizers import Momentum, Nesterov, optimize
from . import function, number

# 09.2: Nesterov on f(w) = w², f′(w) = 2w, ε = 0.1, α = 0.9, 10 steps
LR, ALPHA, STEPS = 0.1, 0.9, 10


def _terminal_velocity():
    """The velocity of cu.Momentum after many steps on a constant gradient g = 3."""
    optimizer = Momentum(lr=0.05, alpha=0.8)
    w = 0.0
    for _ in range(2000):  # 0.8²⁰⁰⁰ underflows: v has reached its limit
        w = optimizer.step(w, lambda w: 3.0)
    return float(optimizer.v)


def _nesterov_reference(w0):
    return optimize(lambda w: 2 * w, w0, Nesterov(lr=LR, alpha=ALPHA), STEPS)


def _nesterov_slip(look_ahead=ALPHA, factor=2.0, sign=-1.0, lr=LR, alpha=ALPHA, w_first=False):
    """A student's Nesterov loop with one slip (the defaults give the right loop)."""

    def path_of(w0):
        w, v = float(w0), 0.0
        path = [w]
        for _ in range(STEPS):
            if w_first:  # the two lines swapped: w moves with the old v
                w = w + v
                v = alpha * v + sign * lr * factor * (w + look_ahead * v)
            else:
                v = alpha * v + sign * lr * factor * (w + look_ahead * v)
                w = w + v
            path.append(w)
        return np.array(path)

    return path_of


def _one_step_matrix(make_optimizer):
    """The 4×4 matrix of one optimizer step on the ravine, state (w, v) → (w′, v′).

    The ravine is a quadratic with its minimum at 0, so one step is linear in
    (w, v); its columns are the images of the four unit states.
    """
    columns = []
    for unit in np.eye(4):
        optimizer = make_optimizer()
        optimizer.step(np.zeros(2), ILL_CONDITIONED.gradient)  # creates v = 0 (∇f(0) = 0)
        optimizer.v = unit[2:].copy()
        w = optimizer.step(unit[:2], ILL_CONDITIONED.gradient)
        columns.append(np.concatenate([w, optimizer.v]))
    return np.array(columns).T


@cache
def stable_lr_limit(alpha):
    """The largest ε at which cu.Momentum(ε, α) converges on the ravine (bisection)."""
    low, high = 1e-6, 10.0
    for _ in range(60):
        middle = (low + high) / 2
        radius = np.abs(np.linalg.eigvals(_one_step_matrix(lambda: Momentum(middle, alpha)))).max()
        low, high = (middle, high) if radius < 1 else (low, middle)
    return low


EXERCISES = (
    number(
        "09.1",
        _terminal_velocity,
        # −0.75 is worked by hand from the geometric series; 3 significant digits suffice
        rtol=1e-3,
        atol=0.0,
        hints=(
            sign_flipped("부호가 반대입니다. v는 그래디언트의 반대 방향(−ε·g 쪽)으로 쌓입니다."),
            near(
                -0.05 * 3.0,
                "그것은 GD의 한 걸음 −εg입니다. Momentum은 같은 그래디언트를 "
                "1 + α + α² + … 배만큼 쌓습니다.",
            ),
            near(-0.05 / (1 - 0.8), "그래디언트 g = 3을 곱하지 않았습니다: v → −ε·g/(1 − α)."),
            near(
                -0.05 * 3.0 / 0.8,
                "α로 나누었습니다. 등비급수 1 + α + α² + …의 합은 1/(1 − α)입니다.",
            ),
        ),
    ),
    function(
        "09.2",
        _nesterov_reference,
        points=[1.0, -2.0, 0.5],
        # the two lines are typed as code: only floating-point rounding may differ
        rtol=1e-9,
        atol=1e-12,
        hints=(
            matches(
                _nesterov_slip(look_ahead=0.0),
                "그래디언트를 지금 위치 w에서 쟀습니다: 그것은 Momentum입니다. "
                "Nesterov는 앞선 지점 w + αv에서 잽니다: f′(w + αv) = 2(w + αv).",
            ),
            matches(
                _nesterov_slip(look_ahead=1.0),
                "앞선 지점은 w + v가 아니라 w + αv입니다 (관성으로 움직일 만큼만 앞서 봅니다).",
            ),
            matches(
                _nesterov_slip(factor=1.0),
                "f(w) = w²의 그래디언트는 f′(w) = 2w입니다: f′(w + αv) = 2(w + αv).",
            ),
            matches(
                _nesterov_slip(sign=1.0),
                "그래디언트를 더했습니다. 내려가려면 빼야 합니다: v = αv − ε·f′(w + αv).",
            ),
            matches(
                _nesterov_slip(lr=ALPHA, alpha=LR),
                "ε와 α가 바뀌었습니다: α = 0.9는 v에, ε = 0.1은 그래디언트에 곱합니다.",
            ),
            matches(
                _nesterov_slip(w_first=True),
                "w를 먼저 옮겼습니다. 새 속도 v를 먼저 계산하고, 그 v로 w를 옮깁니다.",
            ),
        ),
    ),
    number(
        "09.3",
        lambda: stable_lr_limit(0.5),
        # 0.75 is worked by hand from ελ < 2(1 + α); 3 significant digits suffice
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(0.5, "0.5는 GD(α = 0)의 상한 2/λ입니다. Momentum의 조건은 ελ < 2(1 + α)입니다."),
            near(
                0.375,
                "0.375는 Nesterov의 상한 2(1 + α)/((1 + 2α)λ)이거나, 2를 빠뜨린 (1 + α)/λ입니다. "
                "Momentum의 조건은 ελ < 2(1 + α)입니다.",
            ),
            near(3.0, "3은 ελ의 상한 2(1 + α)입니다. ε을 구하려면 가장 큰 곡률 λ = 4로 나누세요."),
            near(
                2 * 1.5 / 0.2,
                "가장 작은 곡률 0.2로 나누었습니다. 한 방향이라도 발산하면 안 되므로 "
                "상한은 가장 큰 곡률 λ = 4가 정합니다.",
            ),
            near(0.95, "0.95는 α = 0.9일 때의 상한입니다 (7절). 이 문제는 α = 0.5입니다."),
        ),
    ),
)
