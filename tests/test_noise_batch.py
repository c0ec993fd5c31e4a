"""course_utils.noise for notebook 16: mini-batch gradient variance and Momentum's noise floor."""

import itertools

import numpy as np
import pytest

from course_utils import noise


def test_without_replacement_equals_the_average_over_every_batch():
    # n = 7 two-dimensional gradients: enumerate all C(7, B) batches, the exact expectation
    rng = np.random.default_rng(0)
    grads = rng.standard_normal((7, 2)) * [1.0, 3.0] + [0.5, -2.0]
    full = grads.mean(axis=0)
    for size in range(1, 8):
        batches = [
            grads[list(rows)].mean(axis=0) for rows in itertools.combinations(range(7), size)
        ]
        exact = np.mean([np.sum((g - full) ** 2) for g in batches])
        assert np.isclose(noise.minibatch_variance(grads, size), exact, rtol=1e-12, atol=1e-15)
    assert noise.minibatch_variance(grads, 7) == 0.0  # the whole data set is the full gradient


def test_with_replacement_equals_the_average_over_every_ordered_draw():
    grads = np.array([0.0, 1.0, 5.0, -2.0])
    full = grads.mean()
    draws = [grads[list(rows)].mean() for rows in itertools.product(range(4), repeat=3)]
    exact = np.mean([(g - full) ** 2 for g in draws])
    assert np.isclose(noise.minibatch_variance(grads, 3, replace=True), exact, rtol=1e-12)
    assert np.isclose(
        noise.minibatch_variance(grads, 1), noise.minibatch_variance(grads, 1, replace=True)
    )
    # with replacement B may exceed n
    assert np.isclose(noise.minibatch_variance(grads, 8, replace=True), np.var(grads) / 8)


def test_minibatch_variance_bad_input():
    grads = np.arange(6.0)
    with pytest.raises(ValueError, match="`batch_size`"):
        noise.minibatch_variance(grads, 7)
    with pytest.raises(ValueError, match="`batch_size`"):
        noise.minibatch_variance(grads, 0)
    with pytest.raises(ValueError, match="`batch_size`"):
        noise.minibatch_variance(grads, 2.0)
    with pytest.raises(ValueError, match="`per_sample`"):
        noise.minibatch_variance([1.0], 1)
    with pytest.raises(ValueError, match="`per_sample`"):
        noise.minibatch_variance(np.zeros((3, 2, 2)), 1)
    with pytest.raises(ValueError, match="`per_sample`"):
        noise.minibatch_variance([1.0, np.nan], 1)
    with pytest.raises(ValueError, match="`replace`"):
        noise.minibatch_variance(grads, 2, replace="no")


def lyapunov_variance(lam, lr, alpha, sigma):
    # E[x²] of the AR(2) state (x_k, x_{k-1}): P = A P Aᵀ + Q solved as a linear system
    A = np.array([[1 + alpha - lr * lam, -alpha], [1.0, 0.0]])
    Q = np.array([[lr**2 * sigma**2, 0.0], [0.0, 0.0]])
    P = np.linalg.solve(np.eye(4) - np.kron(A, A), Q.ravel()).reshape(2, 2)
    return P[0, 0]


@pytest.mark.parametrize(
    "lam, lr, alpha, sigma",
    [(1.0, 0.1, 0.9, 1.0), (3.0, 0.2, 0.5, 0.7), (10.0, 0.35, 0.8, 2.0), (2.0, 0.05, 0.0, 1.0)],
)
def test_momentum_floor_solves_the_lyapunov_equation(lam, lr, alpha, sigma):
    assert np.isclose(
        noise.momentum_stationary_variance(lam, lr, alpha, sigma),
        lyapunov_variance(lam, lr, alpha, sigma),
        rtol=1e-10,
    )


def test_momentum_floor_reduces_to_sgd_and_to_the_effective_rate():
    assert np.isclose(
        noise.momentum_stationary_variance(2.0, 0.3, 0.0, 1.5),
        noise.stationary_variance(2.0, 0.3, 1.5),
        rtol=1e-12,
    )
    # small ελ: Momentum(ε, α) ≈ SGD(ε/(1 − α))
    ratio = noise.momentum_stationary_variance(1.0, 1e-4, 0.9, 1.0) / noise.stationary_variance(
        1.0, 1e-3, 1.0
    )
    assert abs(ratio - 1) < 1e-3
    per_coordinate = noise.momentum_stationary_variance([1.0, 10.0], 0.01, 0.9, 1.0)
    assert per_coordinate.shape == (2,) and per_coordinate[0] > per_coordinate[1]


def test_momentum_floor_matches_simulation():
    # the course's own Momentum with noisy_gradient, 4000 runs side by side
    import course_utils as cu

    lam, lr, alpha, sigma = 2.0, 0.05, 0.8, 1.0
    grad = noise.noisy_gradient(lambda w: lam * w, sigma=sigma, seed=0)
    path = cu.optimize(grad, np.zeros(4000), cu.Momentum(lr=lr, alpha=alpha), 400)
    measured = np.mean(np.asarray(path)[200:] ** 2)
    assert abs(measured / noise.momentum_stationary_variance(lam, lr, alpha, sigma) - 1) < 0.03


def test_momentum_floor_bad_input():
    with pytest.raises(ValueError, match="`lr`"):
        noise.momentum_stationary_variance(10.0, 0.4, 0.9, 1.0)  # ελ = 4 ≥ 2(1 + α) = 3.8
    with pytest.raises(ValueError, match="`alpha`"):
        noise.momentum_stationary_variance(1.0, 0.1, 1.0, 1.0)
    with pytest.raises(ValueError, match="`curvature`"):
        noise.momentum_stationary_variance([1.0, -1.0], 0.1, 0.5, 1.0)
    with pytest.raises(ValueError, match="`sigma`"):
        noise.momentum_stationary_variance(1.0, 0.1, 0.5, -1.0)
    with pytest.raises(ValueError, match="`lr`"):
        noise.momentum_stationary_variance(1.0, 0.0, 0.5, 1.0)
