"""Numerical derivatives and the exercise self-checks."""

import numpy as np
import pytest

import course_utils as cu
from course_utils import calculus
from course_utils.functions import CHAIN_BOWL, CUBIC


def test_central_difference_is_second_order():
    f, x = np.exp, 1.0
    errors = [abs(calculus.derivative(f, x, h=h) - np.exp(1.0)) for h in (1e-2, 1e-3)]
    assert 80 < errors[0] / errors[1] < 120  # h ↓10 ⇒ error ↓100


def test_forward_difference_is_first_order():
    f, x = np.exp, 1.0
    errors = [
        abs(calculus.derivative(f, x, h=h, method="forward") - np.exp(1.0)) for h in (1e-2, 1e-3)
    ]
    assert 8 < errors[0] / errors[1] < 12
    backward = calculus.derivative(f, x, h=1e-3, method="backward")
    assert backward < np.exp(1.0) < calculus.derivative(f, x, h=1e-3, method="forward")


def test_gradient_of_vector_function():
    w = np.array([0.5, -1.0])
    np.testing.assert_allclose(
        calculus.gradient(CHAIN_BOWL.loss, w), CHAIN_BOWL.gradient(w), rtol=1e-7
    )


def test_tangent_line():
    line = calculus.tangent_line(cu.functions.QUADRATIC, 3.0)
    assert line.slope == pytest.approx(2.0)
    assert line(3.0) == pytest.approx(3.0) and line(4.0) == pytest.approx(5.0)


def test_gradient_check_catches_a_wrong_gradient():
    with pytest.raises(AssertionError, match="기울기 불일치"):
        calculus.gradient_check(
            CHAIN_BOWL.loss, lambda w: CHAIN_BOWL.gradient(w) * 1.01, [[0.0, 0.0]]
        )
    assert calculus.gradient_check(CHAIN_BOWL.loss, CHAIN_BOWL.gradient, [[0.0, 1.0]]) < 1e-6


@pytest.mark.parametrize("h", [0, -1e-3, np.nan])
def test_bad_step(h):
    with pytest.raises(ValueError, match="`h`"):
        calculus.derivative(np.sin, 1.0, h=h)


def test_bad_method():
    with pytest.raises(ValueError, match="`method`.*'left'"):
        calculus.derivative(np.sin, 1.0, method="left")


# --- self-checks (more in test_checks.py) ------------------------------------------


def test_check_function_prints_the_verdict(capsys):
    cu.check_function(lambda x: 9 * x**2 - 2, CUBIC.derivative)
    assert "정답" in capsys.readouterr().out
    cu.check_function(lambda x: 9 * x**2, CUBIC.derivative)
    assert "아직 아닙니다" in capsys.readouterr().out
    cu.check_function(None, CUBIC.derivative)
    assert "아직 답을 입력하지" in capsys.readouterr().out


def test_check_function_with_two_variables(capsys):
    cu.check_function(
        lambda x, y: (6 * (x - 2), 2 * (y - 2)),
        CHAIN_BOWL.partials,
        points=[(0.0, 1.0), (3.0, -2.0)],
    )
    assert "○" in capsys.readouterr().out
    cu.check_function(lambda x, y: (6 * (x - 2), 2 * y), CHAIN_BOWL.partials, points=[(0.0, 1.0)])
    assert "×" in capsys.readouterr().out


def test_strict_mode_fails_loudly_on_a_wrong_model_answer():
    with pytest.raises(AssertionError, match="모범답안"):
        cu.check_function(lambda x: 9 * x**2, CUBIC.derivative, strict=True)
    with pytest.raises(AssertionError):
        cu.check_number(None, 1.0, strict=True)
    with pytest.raises(AssertionError):
        cu.check_number(2.0, 1.0, strict=True)
    cu.check_number(1.0 + 1e-12, 1.0, strict=True)
