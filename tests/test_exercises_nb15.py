"""Notebook 15's exercises tried as a student: right, equivalent and typical wrong answers,
and the references against independent computations."""

import numpy as np
import pytest

import course_utils as cu
from course_utils.exercises import evaluate, get


def test_references_against_hand_computations():
    x0 = 4.5
    by_hand = x0 - (np.sin(x0) + x0 * np.cos(x0)) / (2 * np.cos(x0) - x0 * np.sin(x0))
    assert np.isclose(get("15.1").expected(), by_hand) and round(by_hand, 4) == 4.9843
    assert np.allclose(get("15.2").expected(), [4 / 3, -11 / 6], atol=1e-9)
    x, y = get("15.2").expected()
    assert np.allclose([5 * x + 2 * y - 3, 2 * x + 2 * y + 1], 0, atol=1e-9)  # the minimum: ∇f = 0
    f = cu.functions.QUADRATIC

    def armijo(t):
        return f(4 - 4 * t) <= f(4.0) - 1e-4 * t * 16

    assert get("15.3").expected() == 0.5 and armijo(0.5) and not any(armijo(t) for t in (4, 2, 1))
    assert get("15.4").expected() == 4000


@pytest.mark.parametrize(
    "exercise, answer",
    [
        ("15.1", 4.984),
        ("15.1", 4.9843),
        ("15.1", np.float64(4.984276809483338)),
        ("15.2", [1.3333, -1.8333]),
        ("15.2", np.array([4 / 3, -11 / 6])),
        ("15.2", (1.333, -1.833)),
        ("15.3", 0.5),
        ("15.3", 1 / 2),
        ("15.4", 4000),
        ("15.4", 4e3),
        ("15.4", 4000.0),
    ],
)
def test_right_and_equivalent_answers_pass(exercise, answer):
    assert evaluate(exercise, answer).status == "correct"


@pytest.mark.parametrize(
    "exercise, answer, words",
    [
        ("15.1", 4.0157, "부호가 반대"),
        ("15.1", 6.4261, "학습률 1인 경사하강법"),
        ("15.1", 4.5 - 4.5 * np.sin(4.5) / (np.sin(4.5) + 4.5 * np.cos(4.5)), "뉴턴–랩슨"),
        ("15.1", 4.5 + 3.9773 / 1.9261, "뒤집혔습니다"),
        ("15.1", 0.4843, "걸음"),
        ("15.1", 4.9132, "최솟값 x* 자체"),
        ("15.2", [-3, -4], "학습률 1인 경사하강법"),
        ("15.2", [0.2, -1.5], "대각 원소로만"),
        ("15.2", [2 / 3, 23 / 6], "부호가 반대"),
        ("15.2", [1 / 3, -17 / 6], "걸음 p"),
        ("15.2", [-4 / 3, 11 / 6], "부호 반대의 p"),
        ("15.3", 1, "전혀 줄지 않습니다"),
        ("15.3", 4, "t₀ = 4를 그대로"),
        ("15.3", 2, "f = 38"),
        ("15.3", 0.25, "첫"),
        ("15.4", 4e12, "바이트 수"),
        ("15.4", 8000, "float64"),
        ("15.4", 0.004, "그래디언트"),
        ("15.4", 3725.29, "GiB"),
        ("15.4", 2000, "절반"),
        ("15.4", 4, "TB"),
    ],
)
def test_typical_slips_get_their_hint(exercise, answer, words):
    outcome = evaluate(exercise, answer)
    assert outcome.status == "wrong" and words in outcome.message, outcome.message
    assert len(outcome.message) <= 600


def test_hints_never_state_the_expected_numbers():
    for exercise, answers, numbers in [
        ("15.1", (4.0157, 6.4261, 0.4843), ("4.98",)),
        ("15.2", ([-3, -4], [0.2, -1.5]), ("1.33", "4/3", "-1.83", "−1.83")),
        ("15.3", (1, 4, 2, 0.25), ("0.5", "1/2")),
        ("15.4", (4e12, 8000, 2000), ("4000", "4,000")),
    ]:
        for answer in answers:
            message = evaluate(exercise, answer).message
            for number in numbers:
                assert number not in message.split("입력")[-1].split("힌트:")[-1], (
                    exercise,
                    answer,
                    message,
                )
