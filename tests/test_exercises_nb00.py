"""Notebook 00's exercises tried as a student would: right, equivalent, typical slips, None, a string."""

import numpy as np
import pytest

from course_utils.exercises import evaluate, get


def test_00_1_reference_is_f_of_3():
    assert get("00.1").expected() == 3**2 - 4 * 3 + 6 == 3


@pytest.mark.parametrize("answer", [3, 3.0, np.float64(3.0), 9 - 12 + 6])
def test_00_1_equivalent_answers_pass(answer):
    assert evaluate("00.1", answer).status == "correct"


@pytest.mark.parametrize(
    "answer, words",
    [
        (27, "−4x 항의 부호"),
        (0, "3·2가 아니라 3·3"),
        (2, "f′(3)"),
    ],
)
def test_00_1_slips_get_their_hint(answer, words):
    outcome = evaluate("00.1", answer)
    assert outcome.status == "wrong" and words in outcome.message


def test_00_1_other_answers():
    assert evaluate("00.1", None).status == "unanswered"
    string = evaluate("00.1", "3")
    assert string.status == "wrong" and "따옴표" in string.message
    assert evaluate("00.1", [3, 3]).status == "wrong"
    assert evaluate("00.1", True).status == "wrong"


@pytest.mark.parametrize(
    "answer",
    [
        lambda x: x**2 - 4 * x + 6,
        lambda x: x * x - 4 * x + 6,
        lambda x: (x - 2) ** 2 + 2,  # completed square: the same function
    ],
)
def test_00_2_equivalent_functions_pass(answer):
    assert evaluate("00.2", answer).status == "correct"


def test_00_2_slips():
    caret = evaluate("00.2", lambda x: x ^ 2 - 4 * x + 6)
    assert caret.status == "wrong" and "`**`" in caret.message
    assert "부호가 반대" in evaluate("00.2", lambda x: x**2 + 4 * x + 6).message
    assert "상수항" in evaluate("00.2", lambda x: x**2 - 4 * x).message

    def no_return(x):
        x**2 - 4 * x + 6

    missing = evaluate("00.2", no_return)
    assert missing.status == "unanswered" and "return" in missing.message
    assert evaluate("00.2", 3).status == "wrong"
    assert evaluate("00.2", None).status == "unanswered"
