"""course_utils.noise: the noisy gradient and the noise floor of SGD on a quadratic."""

import numpy as np
import pytest

import course_utils as cu
from course_utils import noise


def test_noise_is_gaussian_with_sigma_and_zero_mean():
    grad = noise.noisy_gradient(lambda w: 3 * w, sigma=0.5, seed=1)
    w = np.full(200_000, 2.0)
    error = grad(w) - 6.0
    assert abs(error.mean()) < 0.005  # 4 standard errors of the mean (0.5/√200000 ≈ 0.0011)
    assert abs(error.std() - 0.5) < 0.005
    assert grad.calls == 1


def test_reset_replays_the_same_noise_and_seed_fixes_it():
    grad = noise.noisy_gradient(lambda w: 0 * w, sigma=1.0, seed=7)
    first = [grad(np.zeros(2)) for _ in range(3)]
    grad.reset()
    assert grad.calls == 0
    again = [grad(np.zeros(2)) for _ in range(3)]
    np.testing.assert_array_equal(first, again)
    other = noise.noisy_gradient(lambda w: 0 * w, sigma=1.0, seed=7)
    np.testing.assert_array_equal(other(np.zeros(2)), first[0])
    assert not np.array_equal(first[0], first[1])  # fresh noise at every call


def test_generator_seed_is_rewound_to_its_state_at_creation():
    rng = np.random.default_rng(3)
    rng.standard_normal(5)  # a used generator: reset goes back to this point, not to seed 3
    expected = np.random.default_rng(3)
    expected.standard_normal(5)
    grad = noise.noisy_gradient(lambda w: 0 * w, sigma=1.0, seed=rng)
    first = grad(np.zeros(4))
    np.testing.assert_array_equal(first, expected.standard_normal(4))
    grad.reset()
    np.testing.assert_array_equal(grad(np.zeros(4)), first)


def test_sigma_zero_is_the_exact_gradient():
    f = cu.functions.ILL_CONDITIONED
    grad = noise.noisy_gradient(f.gradient, sigma=0.0, seed=0)
    w = np.array([1.5, -0.5])
    np.testing.assert_array_equal(grad(w), f.gradient(w))


def test_optimize_draws_one_noisy_gradient_per_update():
    f = cu.functions.ILL_CONDITIONED
    grad = noise.noisy_gradient(f.gradient, sigma=1.0, seed=0)
    path = cu.optimize(grad, [2.0, 1.0], cu.SGD(lr=0.1), 50)
    assert grad.calls == 50
    grad.reset()
    again = cu.optimize(grad, [2.0, 1.0], cu.SGD(lr=0.1), 50)
    np.testing.assert_array_equal(path, again)
    exact = cu.optimize(f.gradient, [2.0, 1.0], cu.SGD(lr=0.1), 50)
    assert not np.allclose(path, exact)


def test_measured_spread_of_sgd_matches_the_stationary_variance():
    lam, lr, sigma = 2.0, 0.1, 1.0
    grad = noise.noisy_gradient(lambda w: lam * w, sigma=sigma, seed=0)
    runs = cu.optimize(grad, np.zeros(4000), cu.SGD(lr=lr), 300)  # 4000 independent 1D runs
    measured = np.mean(np.asarray(runs)[100:] ** 2)  # after the transient (0.8^200 ≈ 0)
    expected = noise.stationary_variance(lam, lr, sigma)
    assert expected == pytest.approx(lr * sigma**2 / (lam * (2 - lr * lam)))
    assert measured == pytest.approx(expected, rel=0.03)  # 800k correlated samples: ~1 % error


def test_mean_square_error_recursion_matches_simulation_and_floor():
    lam, sigma = 4.0, 0.5
    lrs = cu.schedules.InverseTime(lr=0.2, decay=0.05).values(200)
    exact = noise.mean_square_error(lam, lrs, sigma, x0=1.0)
    assert exact[0] == 1.0 and len(exact) == 201
    grad = noise.noisy_gradient(lambda w: lam * w, sigma=sigma, seed=2)
    runs = np.asarray(
        cu.optimize(
            grad,
            np.ones(5000),
            cu.SGD(lr=1.0),
            200,
            schedule=cu.schedules.InverseTime(lr=0.2, decay=0.05),
        )
    )
    np.testing.assert_allclose(
        np.mean(runs**2, axis=1)[[10, 50, 200]], exact[[10, 50, 200]], rtol=0.06
    )
    constant = noise.mean_square_error(lam, np.full(2000, 0.1), sigma, x0=1.0)
    assert constant[-1] == pytest.approx(noise.stationary_variance(lam, 0.1, sigma), rel=1e-9)
    assert exact[-1] < noise.stationary_variance(
        lam, 0.2, sigma
    )  # decaying ε goes below ε₀'s floor


def test_stationary_variance_per_coordinate():
    values = noise.stationary_variance([0.2, 4.0], 0.1, 2.0)
    np.testing.assert_allclose(values, [0.1 * 4 / (0.2 * 1.98), 0.1 * 4 / (4 * 1.6)])


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: noise.noisy_gradient(np.array([1.0, 2.0]), 1.0, 0), "grad"),
        (lambda: noise.noisy_gradient(lambda w: w, -1.0, 0), "sigma"),
        (lambda: noise.noisy_gradient(lambda w: w, "1", 0), "sigma"),
        (lambda: noise.noisy_gradient(lambda w: w, 1.0, 1.5), "seed"),
        (lambda: noise.stationary_variance(2.0, 1.0, 1.0), "lr"),
        (lambda: noise.stationary_variance(0.0, 0.1, 1.0), "curvature"),
        (lambda: noise.mean_square_error(2.0, [0.1, -0.1], 1.0, 1.0), "lrs"),
        (lambda: noise.mean_square_error(2.0, [[0.1]], 1.0, 1.0), "lrs"),
    ],
)
def test_bad_input_is_named_in_korean(call, name):
    with pytest.raises(ValueError, match=f"`{name}`"):
        call()


def test_a_gradient_without_return_is_named():
    def grad(w):
        2 * w

    g = noise.noisy_gradient(grad, 1.0, 0)
    with pytest.raises(ValueError, match="return"):
        g(np.zeros(2))
