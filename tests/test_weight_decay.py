"""weight_decay (L2, torch.optim's semantics), AdamW (decoupled), and schedules in
optimize/minibatch_descent, against a transcription of torch.optim's updates
(torch/optim/sgd.py, adagrad.py, rmsprop.py, adam.py, adamw.py: weight decay as
``grad = grad + weight_decay * param``, AdamW as ``param *= 1 - lr * weight_decay``,
and the learning rate read from the param group at every step)."""

import warnings

import numpy as np
import pytest
from torch_reference import torch_style

import course_utils as cu
from course_utils.functions import ROSENBROCK

W0 = [-1.2, 1.0]


ADAM = {"rho1": 0.9, "rho2": 0.999, "delta": 1e-8}
CASES = [
    ("sgd", {}),
    ("momentum", {"alpha": 0.9}),
    ("adagrad", {"delta": 1e-10}),
    ("rmsprop", {"rho": 0.99, "delta": 1e-8}),
    ("adam", ADAM),
    ("adamw", ADAM),
]


@pytest.mark.parametrize("name, hp", CASES, ids=[c[0] for c in CASES])
def test_weight_decay_gives_pytorch_iterates(name, hp):
    ours = cu.optimize(
        ROSENBROCK.gradient, W0, cu.make_optimizer(name, lr=1e-3, weight_decay=0.1, **hp), 50
    )
    theirs = torch_style(name, ROSENBROCK.gradient, W0, [1e-3] * 50, weight_decay=0.1, **hp)
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_nesterov_weight_decay_on_the_lookahead_point():
    opt = cu.Nesterov(lr=1e-3, alpha=0.9, weight_decay=0.1)
    w, lookahead = np.array(W0), [np.array(W0)]
    for _ in range(50):
        w = opt.step(w, ROSENBROCK.gradient)
        lookahead.append(w + opt.alpha * opt.v)
    theirs = torch_style(
        "nesterov", ROSENBROCK.gradient, W0, [1e-3] * 50, weight_decay=0.1, alpha=0.9
    )
    np.testing.assert_allclose(lookahead, theirs, rtol=1e-10, atol=1e-12)


def test_sgd_l2_is_exactly_shrink_then_step():
    # w ← w − ε(∇f(w) + λw) = (1 − ελ)w − ε∇f(w)
    lr, lam = 0.01, 0.5
    path = cu.optimize(ROSENBROCK.gradient, W0, cu.SGD(lr=lr, weight_decay=lam), 20)
    for before, after in zip(path[:-1], path[1:]):
        np.testing.assert_allclose(
            after,
            (1 - lr * lam) * before - lr * ROSENBROCK.gradient(before),
            rtol=1e-13,
            atol=1e-15,
        )


def test_adam_l2_is_not_adamw():
    l2 = cu.optimize(ROSENBROCK.gradient, W0, cu.Adam(lr=0.01, weight_decay=0.1), 30)
    decoupled = cu.optimize(ROSENBROCK.gradient, W0, cu.AdamW(lr=0.01, weight_decay=0.1), 30)
    assert np.abs(l2 - decoupled).max() > 1e-3
    # AdamW with λ = 0 is Adam
    np.testing.assert_allclose(
        cu.optimize(ROSENBROCK.gradient, W0, cu.AdamW(lr=0.01, weight_decay=0.0), 30),
        cu.optimize(ROSENBROCK.gradient, W0, cu.Adam(lr=0.01), 30),
    )
    assert cu.AdamW(lr=0.1).weight_decay == 0.01  # PyTorch's default
    assert "weight_decay=0.01" in repr(cu.AdamW(lr=0.1))


@pytest.mark.parametrize("name, hp", [c for c in CASES if c[0] != "momentum"], ids=lambda c: str(c))
def test_a_schedule_gives_pytorch_iterates(name, hp):
    schedule = cu.schedules.OneCycle(1e-3, total_steps=60)
    optimizer = cu.make_optimizer(name, lr=0.5, **hp)
    ours = cu.optimize(ROSENBROCK.gradient, W0, optimizer, 60, schedule=schedule)
    theirs = torch_style(
        name,
        ROSENBROCK.gradient,
        W0,
        schedule.values(60),
        weight_decay=optimizer.weight_decay,
        **hp,
    )
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)
    assert optimizer.lr == 0.5  # restored after the run


def test_minibatch_descent_takes_a_schedule_per_update():
    X = np.linspace(-1, 1, 40)
    y = 2 * X + 1
    loss = lambda w, X, y: float(np.mean((w[0] * X + w[1] - y) ** 2))  # noqa: E731

    def grad(w, X, y):
        return np.array(
            [
                np.mean(2 * (w[0] * X + w[1] - y) * X),  # noqa: E731
                np.mean(2 * (w[0] * X + w[1] - y)),
            ]
        )

    schedule = cu.schedules.StepDecay(0.3, step_size=4, gamma=0.5)
    result = cu.minibatch_descent(
        loss,
        grad,
        [0.0, 0.0],
        X,
        y,
        cu.SGD(lr=0.3),
        batch_size=10,
        epochs=3,
        seed=0,
        schedule=schedule,
    )
    # replay: the same shuffles, update k with schedule(k)
    rng = np.random.default_rng(0)
    w, k = np.zeros(2), 0
    for _ in range(3):
        order = rng.permutation(40)
        for start in range(0, 40, 10):
            batch = order[start : start + 10]
            w = w - schedule(k) * grad(w, X[batch], y[batch])
            k += 1
    np.testing.assert_allclose(result.w, w, rtol=1e-12)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"weight_decay": -0.1}, "weight_decay"),
        ({"weight_decay": "0.1"}, "weight_decay"),
        ({"weight_decay": float("nan")}, "weight_decay"),
    ],
)
def test_bad_weight_decay(kwargs, name):
    for cls in (cu.SGD, cu.Adam, cu.AdamW):
        with pytest.raises(ValueError, match=f"`{name}`"):
            cls(lr=0.1, **kwargs)


def test_bad_schedules_are_named():
    with pytest.raises(ValueError, match="`schedule`"):
        cu.optimize(ROSENBROCK.gradient, W0, cu.SGD(lr=0.1), 5, schedule=0.1)
    with pytest.raises(ValueError, match="`schedule`"):
        cu.optimize(ROSENBROCK.gradient, W0, cu.SGD(lr=0.1), 5, schedule=lambda k: -0.1)
    with pytest.raises(ValueError, match="`schedule`"):
        cu.optimize(ROSENBROCK.gradient, W0, cu.SGD(lr=0.1), 5, schedule=lambda k: None)
    with pytest.raises(ValueError, match="`schedule`"):
        cu.optimize(ROSENBROCK.gradient, W0, cu.SGD(lr=0.1), 5, schedule=lambda: 0.1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        end_of_cosine = cu.optimize(
            ROSENBROCK.gradient,
            W0,
            cu.SGD(lr=1e-3),
            20,
            schedule=cu.schedules.Cosine(1e-3, T_max=10),
        )
    np.testing.assert_allclose(end_of_cosine[10], end_of_cosine[11])  # ε(10) = 0: no move
