"""The optimizers: first steps worked out by hand, closed forms, framework parity,
divergence without warnings, and every bad input."""

import warnings

import numpy as np
import pytest
import torch_reference

import course_utils as cu
from course_utils.functions import QUADRATIC, ROSENBROCK

GRAD = QUADRATIC.derivative  # f'(x) = 2x − 4


def run(optimizer, x0=4.0, n=3, grad=GRAD):
    return np.asarray(cu.optimize(grad, x0, optimizer, n))


# --- first three steps, by hand on f(x) = x² − 4x + 6 from x₀ = 4 (g₀ = 4) -----------


def test_sgd_by_hand():
    # x1 = 4 − 0.1·4 = 3.6; g = 3.2 → x2 = 3.28; g = 2.56 → x3 = 3.024
    np.testing.assert_allclose(run(cu.SGD(lr=0.1)), [4, 3.6, 3.28, 3.024])


def test_momentum_by_hand():
    # v1 = −0.4, x1 = 3.6; g=3.2: v2 = 0.5·(−0.4) − 0.32 = −0.52, x2 = 3.08;
    # g=2.16: v3 = −0.26 − 0.216 = −0.476, x3 = 2.604
    np.testing.assert_allclose(run(cu.Momentum(lr=0.1, alpha=0.5)), [4, 3.6, 3.08, 2.604])


def test_nesterov_by_hand():
    # v1 = −0.1·f'(4) = −0.4, x1 = 3.6; look-ahead 3.6 − 0.2 = 3.4, g = 2.8:
    # v2 = −0.2 − 0.28 = −0.48, x2 = 3.12; look-ahead 3.12 − 0.24 = 2.88, g = 1.76:
    # v3 = −0.24 − 0.176 = −0.416, x3 = 2.704
    np.testing.assert_allclose(run(cu.Nesterov(lr=0.1, alpha=0.5)), [4, 3.6, 3.12, 2.704])


def test_adagrad_by_hand():
    # r1 = 16, x1 = 4 − 1/(0+4)... with δ tiny: x1 = 4 − 1·4/4 = 3; g = 2: r2 = 20,
    # x2 = 3 − 2/√20; then r3 = 20 + g², x3 = x2 − g/√r3
    x2 = 3 - 2 / np.sqrt(20)
    g2 = 2 * x2 - 4
    x3 = x2 - g2 / np.sqrt(20 + g2**2)
    np.testing.assert_allclose(run(cu.Adagrad(lr=1.0, delta=1e-12)), [4, 3, x2, x3])


def test_rmsprop_by_hand():
    # r1 = 0.1·16 = 1.6, x1 = 4 − 0.1·4/√1.6; …
    expected = [4.0]
    x, r = 4.0, 0.0
    for _ in range(3):
        g = 2 * x - 4
        r = 0.9 * r + 0.1 * g * g
        x = x - 0.1 / (1e-6 + np.sqrt(r)) * g
        expected.append(x)
    np.testing.assert_allclose(expected[1], 4 - 0.4 / (1e-6 + np.sqrt(1.6)))
    np.testing.assert_allclose(run(cu.RMSProp(lr=0.1, rho=0.9, delta=1e-6)), expected)


def test_adam_by_hand():
    # k=1: s = 0.1·4, r = 0.001·16; ŝ = 4, r̂ = 16 → x1 = 4 − 0.1·4/(δ+4) ≈ 3.9
    x1 = 4 - 0.1 * 4 / (1e-8 + 4)
    g1 = 2 * x1 - 4
    s2, r2 = 0.9 * 0.4 + 0.1 * g1, 0.999 * 0.016 + 0.001 * g1**2
    x2 = x1 - 0.1 * (s2 / (1 - 0.9**2)) / (1e-8 + np.sqrt(r2 / (1 - 0.999**2)))
    g2 = 2 * x2 - 4
    s3, r3 = 0.9 * s2 + 0.1 * g2, 0.999 * r2 + 0.001 * g2**2
    x3 = x2 - 0.1 * (s3 / (1 - 0.9**3)) / (1e-8 + np.sqrt(r3 / (1 - 0.999**3)))
    np.testing.assert_allclose(run(cu.Adam(lr=0.1)), [4, x1, x2, x3], rtol=1e-12)


def test_adam_first_step_has_size_lr_per_coordinate():
    # bias correction makes |Δw| = ε·|g|/(δ+|g|) ≈ ε on the first step, whatever |g|
    path = cu.optimize(ROSENBROCK.gradient, [-1.5, 2.0], cu.Adam(lr=0.01), 1)
    np.testing.assert_allclose(np.abs(path[1] - path[0]), [0.01, 0.01], rtol=1e-6)


# --- closed form -------------------------------------------------------------


@pytest.mark.parametrize("lr", [0.01, 0.2, 0.5, 0.75, 0.99])
@pytest.mark.parametrize("x0", [4.0, -3.0, 2.0])
def test_gd_on_quadratic_matches_closed_form(lr, x0):
    k = np.arange(31)
    expected = 2 + (x0 - 2) * (1 - 2 * lr) ** k
    np.testing.assert_allclose(run(cu.SGD(lr=lr), x0=x0, n=30), expected, rtol=1e-12, atol=1e-12)


# --- parity with a transcription of PyTorch's torch.optim update rules --------


def torch_style(name, grad, w0, n, lr, **hp):
    """torch.optim's documented updates at a constant learning rate (tests/torch_reference.py)."""
    return torch_reference.torch_style(name, grad, w0, [lr] * n, **hp)


W0 = [-1.2, 1.0]


@pytest.mark.parametrize(
    "name, hp",
    [
        ("momentum", {"alpha": 0.9}),
        ("adagrad", {"delta": 1e-10}),
        ("rmsprop", {"rho": 0.99, "delta": 1e-8}),
        ("adam", {"rho1": 0.9, "rho2": 0.999, "delta": 1e-8}),
    ],
)
def test_same_iterates_as_pytorch_update(name, hp):
    ours = cu.optimize(ROSENBROCK.gradient, W0, cu.make_optimizer(name, lr=1e-3, **hp), 50)
    theirs = torch_style(name, ROSENBROCK.gradient, W0, 50, lr=1e-3, **hp)
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_nesterov_matches_pytorch_lookahead_iterates():
    # PyTorch's Nesterov (Bengio et al.'s reformulation) stores the look-ahead point
    # w + αv: the same algorithm, another variable.
    opt = cu.Nesterov(lr=1e-3, alpha=0.9)
    lookahead = [np.array(W0)]
    w = np.array(W0)
    for _ in range(50):
        w = opt.step(w, ROSENBROCK.gradient)
        lookahead.append(w + opt.alpha * opt.v)
    theirs = torch_style("nesterov", ROSENBROCK.gradient, W0, 50, lr=1e-3, alpha=0.9)
    np.testing.assert_allclose(lookahead, theirs, rtol=1e-10, atol=1e-12)


# --- optimize(): shapes, fresh state, divergence ------------------------------


def test_shapes_include_the_start():
    assert run(cu.SGD(lr=0.1), n=10).shape == (11,)
    path = cu.optimize(ROSENBROCK.gradient, [0.0, 0.0], cu.Adam(lr=0.01), 7)
    assert path.shape == (8, 2) and np.array_equal(path[0], [0.0, 0.0])
    assert run(cu.SGD(lr=0.1), n=0).tolist() == [4.0]
    assert isinstance(np.asarray(path), np.ndarray) and not path.diverged


def test_each_call_starts_from_fresh_state():
    opt = cu.Momentum(lr=0.1, alpha=0.9)
    first = run(opt, n=5)
    second = run(opt, n=5)
    np.testing.assert_array_equal(first, second)


def test_divergence_stops_early_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = cu.optimize(GRAD, 4.0, cu.SGD(lr=1.5), 10_000)
    assert path.diverged
    assert len(path) < 10_001
    assert np.all(np.isfinite(path))
    assert np.max(np.abs(path)) <= cu.optimizers.DIVERGENCE_BOUND


def test_non_finite_gradient_is_divergence_not_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = cu.optimize(lambda w: np.log(w - 10.0), 4.0, cu.SGD(lr=0.1), 5)  # log of <0
    assert path.diverged and path.tolist() == [4.0]


def test_oscillation_at_lr_one_is_not_divergence():
    path = run(cu.SGD(lr=1.0), n=100)
    assert not cu.optimize(GRAD, 4.0, cu.SGD(lr=1.0), 100).diverged
    assert set(np.round(path, 12)) == {4.0, 0.0}


# --- minibatch_descent ----------------------------------------------------------


def linear_problem(n=50, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 1))
    y = 3 * X[:, 0] - 1 + 0.1 * rng.normal(size=n)
    loss = lambda w, X, y: float(np.mean((w[0] * X[:, 0] + w[1] - y) ** 2))  # noqa: E731

    def grad(w, X, y):
        residual = w[0] * X[:, 0] + w[1] - y
        return np.array([2 * np.mean(residual * X[:, 0]), 2 * np.mean(residual)])

    return loss, grad, X, y


def test_minibatch_full_batch_equals_optimize():
    loss, grad, X, y = linear_problem()
    result = cu.minibatch_descent(
        loss, grad, [0.0, 0.0], X, y, cu.SGD(lr=0.1), batch_size=len(X), epochs=20, seed=0
    )
    path = cu.optimize(lambda w: grad(w, X, y), [0.0, 0.0], cu.SGD(lr=0.1), 20)
    np.testing.assert_allclose(result.path, path, rtol=1e-12)
    assert len(result.epoch_loss) == 21 and result.epoch_loss[-1] < result.epoch_loss[0]


def test_minibatch_is_deterministic_and_converges():
    loss, grad, X, y = linear_problem()
    a = cu.minibatch_descent(loss, grad, [0.0, 0.0], X, y, cu.Adam(lr=0.05), 8, 30, seed=3)
    b = cu.minibatch_descent(
        loss, grad, [0.0, 0.0], X, y, cu.Adam(lr=0.05), 8, 30, seed=np.random.default_rng(3)
    )
    np.testing.assert_array_equal(a.path, b.path)
    np.testing.assert_allclose(a.w, [3, -1], atol=0.1)
    assert a.samples_seen[-1] == 30 * len(X)
    assert len(a.path) == 30 * 7 + 1  # ceil(50 / 8) = 7 batches per epoch


def test_minibatch_divergence_is_reported():
    loss, grad, X, y = linear_problem()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = cu.minibatch_descent(loss, grad, [0.0, 0.0], X, y, cu.SGD(lr=5.0), 50, 500)
    assert result.diverged and np.all(np.isfinite(result.step_loss))


# --- bad input ----------------------------------------------------------------


@pytest.mark.parametrize("lr", [0, -0.1, np.nan, np.inf, "0.1", None, True])
@pytest.mark.parametrize("cls", [cu.SGD, cu.Momentum, cu.Nesterov, cu.Adagrad, cu.RMSProp, cu.Adam])
def test_bad_lr(cls, lr):
    with pytest.raises(ValueError, match="`lr`"):
        cls(lr=lr)


@pytest.mark.parametrize(
    "cls, name",
    [
        (cu.Momentum, "alpha"),
        (cu.Nesterov, "alpha"),
        (cu.RMSProp, "rho"),
        (cu.Adam, "rho1"),
        (cu.Adam, "rho2"),
    ],
)
@pytest.mark.parametrize("value", [-0.1, 1.0, 1.5, np.nan])
def test_bad_decay_rates(cls, name, value):
    with pytest.raises(ValueError, match=f"`{name}`.*{value}"):
        cls(lr=0.1, **{name: value})


@pytest.mark.parametrize("cls", [cu.Adagrad, cu.RMSProp, cu.Adam])
@pytest.mark.parametrize("delta", [0, -1e-8, np.inf])
def test_bad_delta(cls, delta):
    with pytest.raises(ValueError, match="`delta`"):
        cls(lr=0.1, delta=delta)


@pytest.mark.parametrize("x0", [np.nan, [1.0, np.inf], "abc", []])
def test_bad_start(x0):
    with pytest.raises(ValueError, match="`x0`"):
        cu.optimize(GRAD, x0, cu.SGD(lr=0.1), 3)


@pytest.mark.parametrize("n_iter", [-1, 2.5, "3"])
def test_bad_n_iter(n_iter):
    with pytest.raises(ValueError, match="`n_iter`"):
        cu.optimize(GRAD, 4.0, cu.SGD(lr=0.1), n_iter)


def test_bad_optimizer_and_name():
    with pytest.raises(ValueError, match="`optimizer`"):
        cu.optimize(GRAD, 4.0, "sgd", 3)
    with pytest.raises(ValueError, match="`name`.*'adamax'"):
        cu.make_optimizer("adamax", lr=0.1)
    assert isinstance(cu.make_optimizer("Adam", lr=0.1), cu.Adam)


def test_gradient_of_wrong_shape():
    with pytest.raises(ValueError, match="`grad_fn`.*\\(3,\\)"):
        cu.optimize(lambda w: np.zeros(3), [1.0, 2.0], cu.SGD(lr=0.1), 2)


def test_changing_parameter_shape_without_reset():
    opt = cu.Momentum(lr=0.1)
    opt.step(np.zeros(2), lambda w: w)
    with pytest.raises(ValueError, match="`w`"):
        opt.step(np.zeros(3), lambda w: w)


@pytest.mark.parametrize("batch_size", [0, -2, 51, 1.5])
def test_bad_batch_size(batch_size):
    loss, grad, X, y = linear_problem()
    with pytest.raises(ValueError, match="`batch_size`"):
        cu.minibatch_descent(loss, grad, [0.0, 0.0], X, y, cu.SGD(lr=0.1), batch_size, 1)


def test_bad_data_and_epochs():
    loss, grad, X, y = linear_problem()
    with pytest.raises(ValueError, match="`y`"):
        cu.minibatch_descent(loss, grad, [0.0, 0.0], X, y[:-1], cu.SGD(lr=0.1), 5, 1)
    with pytest.raises(ValueError, match="`epochs`"):
        cu.minibatch_descent(loss, grad, [0.0, 0.0], X, y, cu.SGD(lr=0.1), 5, -1)
    with pytest.raises(ValueError, match="`X`"):
        cu.minibatch_descent(loss, grad, [0.0, 0.0], X * np.nan, y, cu.SGD(lr=0.1), 5, 1)


def test_error_messages_are_korean_and_show_the_value():
    with pytest.raises(ValueError) as error:
        cu.SGD(lr=-0.5)
    assert "-0.5" in str(error.value) and "0보다 큰" in str(error.value)


def test_minibatch_counts_updates_of_recorded_points():
    loss, grad, X, y = linear_problem()
    full = cu.minibatch_descent(loss, grad, [0.0, 0.0], X, y, cu.SGD(lr=0.1), 8, 3, seed=1)
    assert full.updates.tolist() == list(range(22))  # 7 batches × 3 epochs, w0 first
    sparse = cu.minibatch_descent(
        loss, grad, [0.0, 0.0], X, y, cu.SGD(lr=0.1), 8, 3, seed=1, loss_every=5
    )
    assert sparse.updates.tolist() == [0, 5, 7, 10, 14, 15, 20, 21]
    np.testing.assert_array_equal(sparse.path, full.path[sparse.updates])


def test_bad_seed():
    loss, grad, X, y = linear_problem()
    with pytest.raises(ValueError, match="`seed`.*'abc'"):
        cu.minibatch_descent(loss, grad, [0.0, 0.0], X, y, cu.SGD(lr=0.1), 5, 1, seed="abc")
