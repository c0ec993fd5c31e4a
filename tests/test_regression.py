"""course_utils.regression, cu.data.make_linear_sample and the time-to-target
keywords of cu.minibatch_descent (loss_every, target_loss)."""

import warnings

import numpy as np
import pytest

import course_utils as cu
from course_utils import regression as reg


def sample(n=40, d=1, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(3.0, 2.0, size=(n, d)) if d > 1 else rng.normal(3.0, 2.0, size=n)
    w = np.arange(1, d + 1, dtype=float)
    y = (X.reshape(n, d) @ w) - 1.5 + 0.3 * rng.standard_normal(n)
    return X, y


# --- loss and gradient ----------------------------------------------------------


@pytest.mark.parametrize("d", [1, 3])
def test_gradient_matches_central_differences(d):
    X, y = sample(d=d)
    points = np.random.default_rng(1).normal(size=(5, d + 1))
    worst = cu.calculus.gradient_check(
        lambda p: reg.mse_loss(p, X, y),
        lambda p: reg.mse_gradient(p, X, y),
        points,
        rtol=1e-6,
        atol=1e-6,
    )
    assert worst < 1e-5


def test_loss_is_the_mean_squared_residual_by_hand():
    X = np.array([1.0, 2.0, 4.0])
    y = np.array([2.0, 2.0, 7.0])
    # w = 1, b = 0.5: residuals 1.5−2, 2.5−2, 4.5−7 = −0.5, 0.5, −2.5
    assert reg.mse_loss([1.0, 0.5], X, y) == pytest.approx((0.25 + 0.25 + 6.25) / 3)
    np.testing.assert_allclose(reg.predict([1.0, 0.5], X), [1.5, 2.5, 4.5])
    np.testing.assert_allclose(
        reg.mse_gradient([1.0, 0.5], X, y),
        [2 / 3 * (-0.5 + 1.0 - 10.0), 2 / 3 * (-0.5 + 0.5 - 2.5)],
    )


def test_batch_gradients_average_to_the_full_gradient():
    X, y = sample(n=60)
    params = np.array([0.3, -0.7])
    halves = [reg.mse_gradient(params, X[s], y[s]) for s in (slice(0, 30), slice(30, 60))]
    np.testing.assert_allclose(np.mean(halves, axis=0), reg.mse_gradient(params, X, y))


def test_least_squares_zeroes_the_gradient_and_matches_polyfit():
    X, y = sample()
    best = reg.least_squares(X, y)
    np.testing.assert_allclose(reg.mse_gradient(best, X, y), 0, atol=1e-10)
    np.testing.assert_allclose(best, np.polyfit(X, y, 1), rtol=1e-10)


def test_hessian_is_the_jacobian_of_the_gradient():
    X, y = sample(d=2)
    params = np.array([0.1, -0.2, 0.3])
    numeric = np.array(
        [cu.calculus.gradient(lambda p: reg.mse_gradient(p, X, y)[i], params) for i in range(3)]
    )
    np.testing.assert_allclose(reg.mse_hessian(X), numeric, rtol=1e-6)


# --- standardization ---------------------------------------------------------------


def test_standardizer_gives_mean_zero_unit_variance_and_inverts():
    X, _ = sample()
    scaler = reg.Standardizer.fit(X)
    z = scaler.transform(X)
    assert z.mean() == pytest.approx(0, abs=1e-12) and z.std() == pytest.approx(1)
    np.testing.assert_allclose(scaler.inverse(z), X)
    # a standardized single feature makes the Hessian exactly 2·I: a round bowl
    np.testing.assert_allclose(reg.mse_hessian(z), 2 * np.eye(2), atol=1e-12)


@pytest.mark.parametrize("d", [1, 2])
def test_unscaled_params_give_the_same_predictions(d):
    X, y = sample(d=d)
    scaler = reg.Standardizer.fit(X)
    params_z = reg.least_squares(scaler.transform(X), y)
    params_x = scaler.unscale_params(params_z)
    np.testing.assert_allclose(reg.predict(params_x, X), reg.predict(params_z, scaler.transform(X)))
    np.testing.assert_allclose(params_x, reg.least_squares(X, y), rtol=1e-9)


# --- the loss surface ---------------------------------------------------------------


def test_loss_surface_equals_the_loss_and_its_gradient():
    X, y = sample()
    surface = reg.loss_surface(X, y)
    rng = np.random.default_rng(2)
    for params in rng.normal(size=(6, 2)) * 3:
        assert surface(*params) == pytest.approx(reg.mse_loss(params, X, y), rel=1e-10)
        np.testing.assert_allclose(
            surface.gradient(params), reg.mse_gradient(params, X, y), rtol=1e-9, atol=1e-9
        )
    W, B = surface.grid(5)
    expected = [[reg.mse_loss([w, b], X, y) for w, b in zip(rw, rb)] for rw, rb in zip(W, B)]
    np.testing.assert_allclose(surface(W, B), expected, rtol=1e-10)
    ((w_star, b_star),) = surface.minima
    assert surface.min_value == pytest.approx(reg.mse_loss([w_star, b_star], X, y))
    assert surface.domain == ((w_star - 2, w_star + 2), (b_star - 2, b_star + 2))


def test_loss_surface_partials_match_central_differences():
    X, y = sample()
    surface = reg.loss_surface(X, y, domain=((-1, 1), (-2, 2)))
    assert surface.domain == ((-1.0, 1.0), (-2.0, 2.0))
    cu.calculus.gradient_check(surface.loss, surface.gradient, [[0.3, -1.0], [2.0, 0.5]])


# --- bad input ----------------------------------------------------------------------


def test_bad_shapes_name_the_parameter():
    X, y = sample()
    with pytest.raises(ValueError, match="`params`"):
        reg.mse_loss([1.0, 2.0, 3.0], X, y)
    with pytest.raises(ValueError, match="`y`"):
        reg.mse_gradient([1.0, 2.0], X, y[:-1])
    with pytest.raises(ValueError, match="`X`"):
        reg.predict([1.0, 2.0], np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="`X`"):
        reg.loss_surface(np.zeros((5, 2)), np.zeros(5))
    with pytest.raises(ValueError, match="`y`"):
        reg.least_squares(X, y * np.nan)
    with pytest.raises(ValueError, match="`x`"):
        reg.Standardizer.fit(np.ones(5))
    with pytest.raises(ValueError, match="`span`"):
        reg.loss_surface(X, y, span=0)
    with pytest.raises(ValueError, match="`params`"):
        reg.Standardizer.fit(X).unscale_params([1.0, 2.0, 3.0])


# --- synthetic data -------------------------------------------------------------------


def test_make_linear_sample_is_seeded_and_has_the_line():
    x, y = cu.data.make_linear_sample(20_000, seed=5)
    x2, y2 = cu.data.make_linear_sample(20_000, seed=np.random.default_rng(5))
    np.testing.assert_array_equal(x, x2)
    np.testing.assert_array_equal(y, y2)
    np.testing.assert_allclose(reg.least_squares(x, y), [0.7, 4.2], atol=0.02)
    residual = y - reg.predict(reg.least_squares(x, y), x)
    assert residual.std() == pytest.approx(0.4, rel=0.02)


def test_make_linear_sample_rejects_bad_input():
    with pytest.raises(ValueError, match="`n_samples`"):
        cu.data.make_linear_sample(0)
    with pytest.raises(ValueError, match="`noise`"):
        cu.data.make_linear_sample(10, noise=-1.0)
    with pytest.raises(ValueError, match="`slope`"):
        cu.data.make_linear_sample(10, slope=float("nan"))


# --- minibatch_descent: loss_every and target_loss --------------------------------------


def run(**kwargs):
    X, y = sample(n=50)
    options = dict(batch_size=7, epochs=4, seed=3)
    options.update(kwargs)
    return cu.minibatch_descent(
        reg.mse_loss, reg.mse_gradient, [0.0, 0.0], X, y, cu.SGD(lr=0.01), **options
    )


def test_loss_every_records_a_subset_of_the_same_run():
    every = run()
    sparse = run(loss_every=3)
    updates_per_epoch = 8  # ceil(50 / 7)
    # the same shuffles and updates: recorded after updates 3, 6, 8 (epoch end), 9, …
    recorded = [
        k for k in range(1, 4 * updates_per_epoch + 1) if k % 3 == 0 or k % updates_per_epoch == 0
    ]
    np.testing.assert_array_equal(sparse.path, every.path[[0] + recorded])
    np.testing.assert_array_equal(sparse.step_loss, every.step_loss[[0] + recorded])
    np.testing.assert_array_equal(sparse.samples_seen, every.samples_seen[[0] + recorded])
    np.testing.assert_array_equal(sparse.epoch_loss, every.epoch_loss)
    np.testing.assert_array_equal(sparse.w, every.w)


def test_target_loss_stops_at_the_first_recorded_loss_below_it():
    every = run(epochs=10)
    target = float(np.quantile(every.step_loss, 0.5))
    first = int(np.argmax(every.step_loss <= target))
    stopped = run(epochs=10, target_loss=target)
    np.testing.assert_array_equal(stopped.path, every.path[: first + 1])
    assert stopped.step_loss[-1] <= target < stopped.step_loss[-2]
    completed_epochs = every.samples_seen[first] // 50
    assert len(stopped.epoch_loss) == completed_epochs + 1


def test_target_loss_with_loss_every_and_full_batch():
    X, y = sample(n=50)
    target = reg.loss_surface(X, y).min_value * 1.05
    gd = cu.minibatch_descent(
        reg.mse_loss,
        reg.mse_gradient,
        [0.0, 0.0],
        X,
        y,
        cu.SGD(lr=0.02),
        batch_size=50,
        epochs=500,
        target_loss=target,
    )
    assert gd.step_loss[-1] <= target < gd.step_loss[-2]
    assert len(gd.epoch_loss) == len(gd.path)  # every full-batch update ends an epoch
    mini = cu.minibatch_descent(
        reg.mse_loss,
        reg.mse_gradient,
        [0.0, 0.0],
        X,
        y,
        cu.SGD(lr=0.02),
        batch_size=5,
        epochs=500,
        seed=0,
        loss_every=4,
        target_loss=target,
    )
    assert mini.step_loss[-1] <= target
    assert all(s % 20 == 0 or s % 50 == 0 for s in mini.samples_seen)  # every 4 batches of 5


def test_target_already_met_makes_no_update():
    result = run(target_loss=1e9)
    assert len(result.path) == 1 and result.samples_seen.tolist() == [0]


def test_divergence_with_loss_every_keeps_the_last_finite_iterate():
    X, y = sample(n=50)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = cu.minibatch_descent(
            reg.mse_loss,
            reg.mse_gradient,
            [0.0, 0.0],
            X,
            y,
            cu.SGD(lr=5.0),
            batch_size=5,
            epochs=100,
            seed=0,
            loss_every=1000,
        )
    assert result.diverged
    assert np.all(np.isfinite(result.step_loss)) and len(result.path) == 2
    assert result.samples_seen[-1] > 0
    assert np.max(np.abs(result.w)) <= cu.optimizers.DIVERGENCE_BOUND


def test_bad_loss_every_and_target():
    with pytest.raises(ValueError, match="`loss_every`"):
        run(loss_every=0)
    with pytest.raises(ValueError, match="`target_loss`"):
        run(target_loss=float("nan"))
