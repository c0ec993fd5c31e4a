"""Notebook 10's exercises tried as a student would: right, rounded as the course prints them,
typical slips, None, a string; and the numbers the solutions quote."""

import numpy as np
import pytest

from course_utils.exercises import evaluate, get

# ---- 10.1: Adagrad's effective rate after 100 steps of g = 2


@pytest.mark.parametrize("answer", [0.005, 0.1 / np.sqrt(100 * 2.0**2), 0.1 / 20, 5e-3])
def test_10_1_right_answers_pass(answer):
    assert evaluate("10.1", answer).status == "correct"


def test_10_1_reference_matches_the_solution():
    assert np.isclose(get("10.1").expected(), 0.1 / 20, rtol=1e-9)  # "√r = 20", δ = 1e-12


def test_10_1_slips():
    assert "g² = 4" in evaluate("10.1", 0.01).message
    assert "제곱근을 빠뜨렸습니다" in evaluate("10.1", 0.00025).message
    assert "첫 걸음 뒤" in evaluate("10.1", 0.05).message
    assert "분모" in evaluate("10.1", 20).message
    assert evaluate("10.1", None).status == "unanswered"
    assert evaluate("10.1", "0.005").status == "wrong"


# ---- 10.2: RMSProp's r after 10 steps, from r = 0


@pytest.mark.parametrize("answer", [2.605, 2.6053, (1 - 0.9**10) * 4])
def test_10_2_right_answers_pass_including_the_quoted_2_605(answer):
    assert evaluate("10.2", answer).status == "correct"


def test_10_2_reference_matches_the_solution():
    assert np.isclose(get("10.2").expected(), (1 - 0.9**10) * 2.0**2)
    assert round(get("10.2").expected(), 3) == 2.605


def test_10_2_slips():
    assert "r이 다가가는 값" in evaluate("10.2", 4.0).message
    assert "채워지지 않은 부분" in evaluate("10.2", 0.9**10 * 4).message
    assert "Adagrad" in evaluate("10.2", 40).message
    assert "9걸음" in evaluate("10.2", (1 - 0.9**9) * 4).message
    too_rough = evaluate("10.2", 2.6)
    assert too_rough.status == "wrong" and "상대오차" in too_rough.message
    assert evaluate("10.2", None).status == "unanswered"


# ---- 10.3: RMSProp's first step ε/√(1 − ρ)


@pytest.mark.parametrize("answer", [0.1, 0.01 / np.sqrt(1 - 0.99), 0.0999])
def test_10_3_right_answers_pass(answer):
    assert evaluate("10.3", answer).status == "correct"


def test_10_3_reference_is_ten_times_lr():
    assert np.isclose(get("10.3").expected(), 10 * 0.01, rtol=1e-5)  # "ε의 10배" (δ = 1e-6)


def test_10_3_slips():
    assert "그것은 ε입니다" in evaluate("10.3", 0.01).message
    assert "제곱근을 빠뜨렸습니다" in evaluate("10.3", 1.0).message
    assert "양수" in evaluate("10.3", -0.1).message
    assert evaluate("10.3", [0.1, 0.1]).status == "wrong"
    assert evaluate("10.3", None).status == "unanswered"
