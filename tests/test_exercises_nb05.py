"""Notebook 05's exercises tried as a student would: right, rounded, typical slips, None, a string."""

import pytest

from course_utils.exercises import evaluate, get


def test_05_values_quoted_in_the_solutions():
    assert get("05.1").expected() == 2.25
    assert get("05.3").expected() == 29 and 2 * 0.6**29 < 1e-6 < 2 * 0.6**28


@pytest.mark.parametrize(
    "exercise, answer",
    [
        ("05.1", 2.25),
        ("05.1", 9 / 4),
        ("05.2", 1 / 6),
        ("05.2", 0.167),
        ("05.3", 29),
        ("05.3", 29.0),
    ],
)
def test_05_right_and_equivalent_answers_pass(exercise, answer):
    assert evaluate(exercise, answer).status == "correct"


def test_05_slips():
    assert "ε = 0.2" in evaluate("05.1", 2 + 0.6**3 * 2).message
    assert "1 − 2ε" in evaluate("05.1", 2 + 0.75**3 * 2).message
    assert "2보다 큽니다" in evaluate("05.1", 1.75).message
    assert "g″(x)" in evaluate("05.2", 6).message
    assert "정수" in evaluate("05.3", 28.4).message
    assert evaluate("05.3", "29").status == "wrong"
    assert evaluate("05.1", None).status == "unanswered"


@pytest.mark.parametrize(
    "exercise, wrong",
    [("05.1", 1.75), ("05.1", 2.5), ("05.2", 6), ("05.2", 1 / 3), ("05.3", 28), ("05.3", 30)],
)
def test_05_hints_never_state_the_answer(exercise, wrong):
    message = evaluate(exercise, wrong).message
    assert {"05.1": "2.25", "05.2": "1/6", "05.3": "29"}[exercise] not in message
