"""Notebook 01's exercises tried as a student would: right, equivalent, typical slips, None, a string."""

import numpy as np
import pytest

from course_utils import calculus
from course_utils.exercises import evaluate, get
from course_utils.functions import CUBIC


def test_01_1_reference_is_the_numerical_derivative_of_the_quadratic():
    points = np.array(get("01.1").points)

    def f(x):
        return x**2 - 4 * x + 6

    assert np.allclose(get("01.1").expected()(points), calculus.derivative(f, points), atol=1e-8)


@pytest.mark.parametrize(
    "answer", [lambda x: 2 * x - 4, lambda x: 2 * (x - 2), lambda x: -4 + x * 2]
)
def test_01_1_equivalent_formulas_pass(answer):
    assert evaluate("01.1", answer).status == "correct"


@pytest.mark.parametrize(
    "answer, words",
    [
        (lambda x: 2 * x + 2, "상수의 미분은 0"),
        (lambda x: 2 * x, "−4를 빠뜨렸습니다"),
        (lambda x: 2 * x + 4, "부호"),
        (lambda x: x**2 - 4 * x + 6, "f(x) 자체"),
    ],
)
def test_01_1_slips(answer, words):
    outcome = evaluate("01.1", answer)
    assert outcome.status == "wrong" and words in outcome.message


def test_01_1_missing_return_and_non_functions():
    def no_return(x):
        2 * x - 4

    assert evaluate("01.1", no_return).status == "unanswered"
    assert "return" in evaluate("01.1", no_return).message
    assert evaluate("01.1", None).status == "unanswered"
    assert evaluate("01.1", "2x - 4").status == "wrong"
    assert evaluate("01.1", 2.0).status == "wrong"


def test_01_2_reference_is_the_numerical_derivative_of_x_sin_x():
    # moved from the old answer cell: the reference agrees with finite differences
    xs = np.linspace(-1, 7, 50)
    expected = get("01.2").expected()
    assert np.allclose(expected(xs), calculus.derivative(lambda x: x * np.sin(x), xs), atol=1e-8)
    assert np.allclose(expected(xs), np.sin(xs) + xs * np.cos(xs))


def test_01_2_slips():
    assert evaluate("01.2", lambda x: np.sin(x) + x * np.cos(x)).status == "correct"
    assert "u′v = 1·sin x" in evaluate("01.2", lambda x: x * np.cos(x)).message
    assert "u′·v′" in evaluate("01.2", lambda x: np.cos(x)).message
    assert "+cos x" in evaluate("01.2", lambda x: np.sin(x) - x * np.cos(x)).message
    assert evaluate("01.2", lambda x: x * np.sin(x)).status == "wrong"  # f itself


def test_01_3_reference_and_slips():
    assert get("01.3").expected() == 2.5
    for answer in (2.5, 5 / 2, 2.50):
        assert evaluate("01.3", answer).status == "correct"
    assert "f′(3)" in evaluate("01.3", 2).message
    assert "나누지 않았습니다" in evaluate("01.3", 1.25).message
    assert evaluate("01.3", "2.5").status == "wrong"
    assert evaluate("01.3", None).status == "unanswered"
    assert "2.5" not in evaluate("01.3", 2.4).message.replace("입력: 2.4", "")


def test_01_4_measured_error_is_the_predicted_0_03():
    # moved from the old answer cell: f‴/6 · h² = 18/6 · 0.01 is what the central difference gives
    measured = calculus.derivative(CUBIC, 1.0, h=0.1) - CUBIC.derivative(1.0)
    assert np.isclose(measured, 18 / 6 * 0.1**2, rtol=1e-12)
    assert np.isclose(get("01.4").expected(), 0.03, rtol=1e-12)


def test_01_4_slips():
    assert evaluate("01.4", 0.03).status == "correct"
    assert evaluate("01.4", 3e-2).status == "correct"
    assert "전진 차분" in evaluate("01.4", 0.93).message
    assert "h²에 비례" in evaluate("01.4", 0.3).message
    assert "1/6" in evaluate("01.4", 0.18).message
    assert "근삿값입니다" in evaluate("01.4", 7.03).message
    assert "부호가 반대" in evaluate("01.4", -0.03).message
