"""Exercises of notebook 10 (Adagrad and RMSProp)."""

import numpy as np

from ..checks import near, sign_flipped
from ..optimizers import Adagrad, RMSProp, optimize
from . import number


def _run_on_constant_gradient(optimizer, gradient, n_steps):
    w = 0.0
    for _ in range(n_steps):
        w = optimizer.step(w, lambda w: gradient)
    return optimizer


def _adagrad_rate_after_100():
    """ε/(δ + √r) of cu.Adagrad (ε = 0.1, δ ≈ 0) after 100 steps with g = 2."""
    return float(_run_on_constant_gradient(Adagrad(lr=0.1, delta=1e-12), 2.0, 100).effective_lr())


def _rmsprop_r_after(n_steps):
    """r of cu.RMSProp (ρ = 0.9) after ``n_steps`` steps with g = 2, from r⁽⁰⁾ = 0."""
    return float(_run_on_constant_gradient(RMSProp(lr=0.01, rho=0.9), 2.0, n_steps).r)


def _rmsprop_first_step():
    """The length of cu.RMSProp's first step (ε = 0.01, ρ = 0.99) on f(w) = 5w² from w = 1."""
    path = optimize(lambda w: 10 * w, 1.0, RMSProp(lr=0.01, rho=0.99), 1)
    return abs(float(path[1] - path[0]))


EXERCISES = (
    number(
        "10.1",
        _adagrad_rate_after_100,
        # 0.005 is worked by hand (δ neglected); 3 significant digits suffice
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(0.1 / np.sqrt(100), "r에는 g가 아니라 g² = 4가 쌓입니다: r = 100·g²."),
            near(0.1 / (100 * 2.0**2), "제곱근을 빠뜨렸습니다: 유효 학습률은 ε/√r입니다."),
            near(
                0.1 / 2.0, "그것은 첫 걸음 뒤(r = g²)의 값입니다. 100걸음 뒤에는 r = 100·g²입니다."
            ),
            near(0.1 / (100 * 2.0), "√(100·g²) = 10·|g|입니다 (제곱근은 100에도 걸립니다)."),
            near(np.sqrt(100 * 2.0**2), "그것은 분모 √r입니다. 유효 학습률은 ε/√r입니다."),
        ),
    ),
    number(
        "10.2",
        lambda: _rmsprop_r_after(10),
        # the course quotes 2.605 (4 significant digits), as a hand computation gives it
        rtol=1e-3,
        atol=0.0,
        hints=(
            near(
                4.0,
                "4 = g²는 r이 다가가는 값입니다. r⁽⁰⁾ = 0에서 출발했으니 10걸음 뒤에는 아직 그보다 작습니다.",
            ),
            near(
                0.9**10 * 4.0,
                "그것은 ρ¹⁰·g², 곧 아직 채워지지 않은 부분입니다. r⁽¹⁰⁾ = (1 − ρ¹⁰)·g².",
            ),
            near((1 - 0.9**10) * 2.0, "r에는 g가 아니라 g² = 4가 쌓입니다."),
            near(
                10 * 2.0**2,
                "그것은 Adagrad의 r(제곱의 합)입니다. RMSProp은 r ← ρr + (1 − ρ)g²입니다.",
            ),
            near(
                lambda want: _rmsprop_r_after(9),
                "그것은 9걸음 뒤의 r⁽⁹⁾입니다. 걸음 수를 확인하세요.",
            ),
            near(
                lambda want: _rmsprop_r_after(11),
                "그것은 11걸음 뒤의 r⁽¹¹⁾입니다. 걸음 수를 확인하세요.",
            ),
        ),
    ),
    number(
        "10.3",
        _rmsprop_first_step,
        # 0.1 is worked by hand with δ neglected (δ changes the 7th digit)
        rtol=1e-3,
        atol=0.0,
        hints=(
            sign_flipped("걸음의 길이는 양수입니다 (|w⁽¹⁾ − w⁽⁰⁾|)."),
            near(
                0.01, "그것은 ε입니다. 첫 걸음에는 r⁽¹⁾ = (1 − ρ)g²이라 걸음이 ε/√(1 − ρ)가 됩니다."
            ),
            near(0.01 / (1 - 0.99), "제곱근을 빠뜨렸습니다: √r⁽¹⁾ = √(1 − ρ)·|g|."),
            near(
                0.01 * np.sqrt(1 - 0.99),
                "√(1 − ρ)를 곱했습니다. √r로 나누므로 √(1 − ρ)로 나눕니다.",
            ),
            near(0.01 / np.sqrt(0.99), "√ρ가 아니라 √(1 − ρ)입니다: r⁽¹⁾ = ρ·0 + (1 − ρ)g²."),
        ),
    ),
)
