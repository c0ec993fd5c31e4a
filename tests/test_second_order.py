"""course_utils.second_order: Newton's method, the numerical Hessian and Armijo backtracking,
against closed forms and numerical derivatives."""

import numpy as np
import pytest

import course_utils as cu
from course_utils import second_order as so
from course_utils.functions import QUADRATIC, ROSENBROCK, X_SIN_X


def x_sin_x_second(x):
    return 2 * np.cos(x) - x * np.sin(x)


def rosenbrock_hessian(w):
    x, y = w
    return np.array([[2 - 400 * (y - x**2) + 800 * x**2, -400 * x], [-400 * x, 200.0]])


def test_analytic_second_derivatives_match_numerical_ones():
    xs = np.linspace(-1, 7, 17)
    assert np.allclose(
        x_sin_x_second(xs), cu.calculus.derivative(X_SIN_X.derivative, xs), atol=1e-7
    )
    for point in ([-1.2, 1.0], [0.5, -0.3], [1.0, 1.0]):
        assert np.allclose(
            so.hessian(ROSENBROCK.gradient, point), rosenbrock_hessian(point), rtol=1e-6, atol=1e-4
        )


def test_newton_1d_is_the_formula_and_converges_quadratically():
    path = so.newton_path(X_SIN_X.derivative, x_sin_x_second, 5.0, 3)
    by_hand = [5.0]
    for _ in range(3):
        x = by_hand[-1]
        by_hand.append(x - X_SIN_X.derivative(x) / x_sin_x_second(x))
    np.testing.assert_array_equal(path, by_hand)
    errors = np.abs(np.asarray(path) - X_SIN_X.minima[0])
    limit = abs(
        -2 * np.sin(X_SIN_X.minima[0]) / (2 * x_sin_x_second(X_SIN_X.minima[0]))
    )  # |f‴/2f″|
    # e₂/e₁² (e₃ ≈ 10⁻¹⁴ is at the rounding level of x*): 0.18747 against the limit 0.18796
    assert np.isclose(errors[2] / errors[1] ** 2, limit, rtol=0.01)
    assert 2 * -np.log10(errors[1]) - 1 < -np.log10(errors[2])  # the correct digits about double


def test_newton_from_negative_curvature_goes_to_a_maximum():
    path = so.newton_path(X_SIN_X.derivative, x_sin_x_second, 2.0, 6)
    assert x_sin_x_second(2.0) < 0
    assert abs(X_SIN_X.derivative(path.final)) < 1e-12 and x_sin_x_second(path.final) < 0
    assert X_SIN_X(path.final) > X_SIN_X(2.0)  # it went uphill


def test_one_newton_step_solves_a_quadratic_exactly():
    H = np.array([[2.5, 1.5], [1.5, 2.5]])
    w_star = np.array([1.0, -2.0])
    path = so.newton_path(lambda w: H @ (w - w_star), lambda w: H, [4.0, 3.0], 2)
    np.testing.assert_allclose(path[1], w_star, atol=1e-12)
    np.testing.assert_allclose(path[2], w_star, atol=1e-12)


def test_newton_stops_cleanly_on_a_singular_hessian_or_outside_the_bound():
    flat = so.newton_path(lambda x: 3 * x**2, lambda x: 6 * x, 0.0, 5)  # f″(0) = 0, f′(0) = 0
    assert flat.diverged and flat.n_steps == 0 and "f″ = 0" in flat.reason
    singular = so.newton_path(lambda w: w, lambda w: np.zeros((2, 2)), [1.0, 1.0], 3)
    assert singular.diverged and "특이" in singular.reason
    # near the inflection point of x·sin x (f″ = 0 at x ≈ 1.077) the step is huge
    away = so.newton_path(X_SIN_X.derivative, x_sin_x_second, 1.08, 5, bound=X_SIN_X.domain)
    assert away.diverged and "벗어남" in away.reason and away.n_steps == 0


def test_newton_bad_input_is_named():
    with pytest.raises(ValueError, match="`hessian_fn`"):
        so.newton_path(X_SIN_X.derivative, 5.0, 1.0, 3)
    with pytest.raises(ValueError, match="`x0`"):
        so.newton_path(X_SIN_X.derivative, x_sin_x_second, [[1.0, 2.0]], 3)
    with pytest.raises(ValueError, match="`n_iter`"):
        so.newton_path(X_SIN_X.derivative, x_sin_x_second, 1.0, 3.0)
    with pytest.raises(ValueError, match="`hessian_fn`.*shape"):
        so.newton_path(ROSENBROCK.gradient, lambda w: np.eye(3), [0.0, 0.0], 1)
    with pytest.raises(ValueError, match="return"):
        so.newton_path(X_SIN_X.derivative, lambda x: None, 1.0, 1)
    with pytest.raises(ValueError, match="`x0`"):
        so.newton_path(X_SIN_X.derivative, x_sin_x_second, 9.0, 1, bound=X_SIN_X.domain)


def test_numerical_hessian_of_a_quadratic_and_its_errors():
    H = np.array([[5.0, 2.0], [2.0, 2.0]])
    assert np.allclose(so.hessian(lambda w: H @ w, [0.3, -0.7]), H, atol=1e-8)
    with pytest.raises(ValueError, match="`w`"):
        so.hessian(X_SIN_X.derivative, 1.0)
    with pytest.raises(ValueError, match="`h`"):
        so.hessian(lambda w: w, [1.0], h=0)


def test_backtracking_accepts_the_first_step_meeting_armijo():
    # QUADRATIC from x = 4, g = 4: t = 4, 2, 1 are rejected (t = 1 lands on f(0) = f(4) = 6,
    # no decrease); t = 0.5 lands on the minimum
    w_next, t = so.backtracking_step(QUADRATIC.loss, QUADRATIC.derivative, 4.0, t0=4.0)
    assert (w_next, t) == (2.0, 0.5)
    # the condition by hand for each trial of a 2D run
    w = np.array([-1.2, 1.0])
    g = ROSENBROCK.gradient(w)
    _, t = so.backtracking_step(ROSENBROCK.loss, ROSENBROCK.gradient, w, c=1e-4, beta=0.5)

    def armijo(s):
        return ROSENBROCK.loss(w - s * g) <= ROSENBROCK.loss(w) - 1e-4 * s * g @ g

    assert armijo(t) and not armijo(2 * t)
    assert t == 0.5 ** round(np.log2(1 / t))


def test_backtracking_with_a_direction_and_at_a_stationary_point():
    w = np.array([-1.2, 1.0])
    p = np.linalg.solve(rosenbrock_hessian(w), -ROSENBROCK.gradient(w))
    w_next, t = so.backtracking_step(ROSENBROCK.loss, ROSENBROCK.gradient, w, direction=p)
    assert t == 1.0 and np.allclose(w_next, w + p)
    assert so.backtracking_step(QUADRATIC.loss, QUADRATIC.derivative, 2.0) == (2.0, 0.0)
    with pytest.raises(ValueError, match="`direction`.*내려가는"):
        so.backtracking_step(ROSENBROCK.loss, ROSENBROCK.gradient, w, direction=-p)


@pytest.mark.parametrize(
    "name, value",
    [("c", 0.0), ("c", 1.0), ("beta", 1.0), ("beta", -0.5), ("t0", 0.0), ("max_trials", 0)],
)
def test_backtracking_bad_options_are_named(name, value):
    with pytest.raises(ValueError, match=f"`{name}`"):
        so.backtracking_step(QUADRATIC.loss, QUADRATIC.derivative, 4.0, **{name: value})


def test_line_search_descent_decreases_f_and_needs_no_learning_rate():
    run = so.line_search_descent(X_SIN_X.loss, X_SIN_X.derivative, 2.5, 60)
    losses = X_SIN_X.loss(np.asarray(run.path))
    # f falls at every update, strictly until rounding hides the decrease next to x*
    assert np.all(np.diff(losses) <= 0) and np.all(np.diff(losses[:8]) < 0)
    assert abs(run.path.final - X_SIN_X.minima[0]) < 1e-6
    assert len(run.step_sizes) == run.path.n_steps == 60 and run.newton_steps == 0
    assert run.evaluations == 1 + sum(1 + round(np.log2(1 / t)) for t in run.step_sizes)
    # each accepted t meets Armijo's condition, 2t does not
    path = np.asarray(run.path)
    for x, t in zip(path[:5], run.step_sizes[:5]):
        g = X_SIN_X.derivative(x)

        def ok(s):
            return X_SIN_X(x - s * g) <= X_SIN_X(x) - 1e-4 * s * g * g

        assert ok(t) and (t == 1.0 or not ok(2 * t))


def test_damped_newton_on_rosenbrock_reaches_the_minimum():
    run = so.line_search_descent(
        ROSENBROCK.loss,
        ROSENBROCK.gradient,
        [-1.2, 1.0],
        100,
        hessian_fn=rosenbrock_hessian,
        tol=1e-10,
    )
    assert np.allclose(run.path.final, [1.0, 1.0], atol=1e-9)
    assert run.path.n_steps < 40 and "‖∇f‖" in run.stopped
    assert np.all(np.diff(ROSENBROCK.loss(np.asarray(run.path))) < 0)


def test_damped_newton_falls_back_to_the_gradient_where_newton_goes_uphill():
    # at x = 2 on x·sin x, f″ < 0: the Newton direction goes uphill, so −f′ is used
    def second(w):
        return np.array([[x_sin_x_second(w[0])]])

    run = so.line_search_descent(
        lambda w: X_SIN_X(w[0]), X_SIN_X.derivative, [2.0], 1, hessian_fn=second
    )
    # f′(2) > 0: downhill is to the left, while Newton's step goes right, up to the maximum 2.0288
    newton = 2.0 - X_SIN_X.derivative(2.0) / x_sin_x_second(2.0)
    assert newton > 2.0 and run.newton_steps == 0
    assert run.path.final[0] < 2.0 and X_SIN_X(run.path.final[0]) < X_SIN_X(2.0)


def test_line_search_descent_bad_input():
    with pytest.raises(ValueError, match="`tol`"):
        so.line_search_descent(QUADRATIC.loss, QUADRATIC.derivative, 4.0, 3, tol=-1.0)
    with pytest.raises(ValueError, match="`f`"):
        so.line_search_descent(3.0, QUADRATIC.derivative, 4.0, 3)
    with pytest.raises(ValueError, match="`x0`"):
        so.line_search_descent(lambda w: np.inf, QUADRATIC.derivative, 4.0, 3)
