"""Notebook 04's exercises tried as a student would: right, equivalent, typical slips, None, a string."""

import numpy as np
import pytest

from course_utils import calculus
from course_utils.exercises import evaluate, get


def test_04_1_reference_is_the_minimum_of_g():
    x_star, g_star = get("04.1").expected()

    def g(x):
        return 2 * x**2 - 8 * x + 3

    assert (
        abs(calculus.derivative(g, x_star)) < 1e-8 and g(x_star) == g_star == -5
    )  # as the solution says
    xs = np.linspace(-10, 10, 20001)
    assert g(xs).min() >= g_star


@pytest.mark.parametrize("answer", [[2, -5], (2.0, -5.0), np.array([2, -5])])
def test_04_1_equivalent_answers_pass(answer):
    assert evaluate("04.1", answer).status == "correct"


def test_04_1_slips():
    assert "순서가 바뀌었습니다" in evaluate("04.1", [-5, 2]).message
    assert "괄호 밖의 2" in evaluate("04.1", [2, -1]).message
    assert "리스트로" in evaluate("04.1", 2).message
    assert evaluate("04.1", [2, None]).status == "unanswered"
    assert evaluate("04.1", "[2, -5]").status == "wrong"


def test_04_2_count_quoted_in_the_solution():
    assert get("04.2").expected() == 9
    assert 100**8 / 1e9 < 365.25 * 24 * 3600 < 100**9 / 1e9  # 10⁷ s (≈ 116 days) < 1 year < 10⁹ s
    assert round(100**8 / 1e9 / 86400) == 116 and round(100**9 / 1e9 / (365.25 * 86400), 1) == 31.7


def test_04_2_slips():
    assert evaluate("04.2", 9.0).status == "correct"
    assert "10⁹로 나눈" in evaluate("04.2", 4).message
    assert "정수" in evaluate("04.2", 8.25).message
    assert "1년" in evaluate("04.2", 8).message
    assert "9" not in evaluate("04.2", 8).message.replace("10⁹", "")  # never the expected count


def test_04_3_value_quoted_in_the_solution():
    assert get("04.3").expected() == 1.75


def test_04_3_slips():
    assert evaluate("04.3", 7 / 4).status == "correct"
    assert "x₂" in evaluate("04.3", 1.5).message
    assert "부호" in evaluate("04.3", -4.75).message
    assert "x₀ = 4" in evaluate("04.3", 2.25).message
    assert evaluate("04.3", "1.75").status == "wrong"
