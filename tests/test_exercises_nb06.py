"""Notebook 06's exercises tried as a student would: right, rounded, typical slips, None, a string."""

import numpy as np
import pytest

from course_utils import calculus, functions
from course_utils.exercises import evaluate, get
from course_utils.exercises.nb06 import X_RIDGE

f = functions.X_SIN_X


def test_the_ridge_and_the_slope_quoted_in_06_1():
    assert abs(f.derivative(X_RIDGE)) < 1e-12 and calculus.derivative(f.derivative, X_RIDGE) < 0
    assert round(float(f.derivative(2.0)), 3) == 0.077  # > 0: left of the ridge, downhill is left
    assert abs(get("06.1").expected()) < 1e-6


@pytest.mark.parametrize("answer", [0, 0.0, -0.0005, np.float64(0.0)])
def test_06_1_the_local_minimum_passes(answer):
    assert evaluate("06.1", answer).status == "correct"


def test_06_1_slips():
    assert "능선 x ≈ 2.029의 어느 쪽" in evaluate("06.1", 4.913).message
    assert "극댓값" in evaluate("06.1", 2.03).message
    assert "시작점" in evaluate("06.1", 2).message
    assert evaluate("06.1", "0").status == "wrong"


def test_06_2_reference_is_the_derivative_of_f_prime():
    points = np.array(get("06.2").points)
    assert np.allclose(
        get("06.2").expected()(points), calculus.derivative(f.derivative, points), atol=1e-8
    )


def test_06_2_slips():
    assert evaluate("06.2", lambda x: 2 * np.cos(x) - x * np.sin(x)).status == "correct"
    assert (
        "cos x가 하나 빠졌습니다" in evaluate("06.2", lambda x: np.cos(x) - x * np.sin(x)).message
    )
    assert "f′(x)입니다" in evaluate("06.2", f.derivative).message
    assert "return" in evaluate("06.2", lambda x: None).message
    assert evaluate("06.2", 5.213).status == "wrong"


def test_06_3_value_quoted_in_the_notebook():
    want = get("06.3").expected()
    assert round(want, 4) == 0.3836 and round(2 / want, 3) == 5.213


@pytest.mark.parametrize("answer", [0.3836, 0.384, 2 / (2 * np.cos(4.913) - 4.913 * np.sin(4.913))])
def test_06_3_rounded_answers_pass(answer):
    assert evaluate("06.3", answer).status == "correct"


def test_06_3_slips():
    assert "1/f″(x*)" in evaluate("06.3", 0.1918).message
    assert "국소 최솟값 x = 0" in evaluate("06.3", 1).message
    assert "격자 줄" in evaluate("06.3", 0.375).message
    assert "양수" in evaluate("06.3", -0.4529).message
    assert "0.38" not in evaluate("06.3", 0.1918).message  # never the expected number
    assert evaluate("06.3", None).status == "unanswered"
