"""Notebook 06a's exercises tried as a student: right, equivalent and typical wrong answers,
and the references against independent facts about f(x, y) = 2.5x² + 2xy + y²."""

import numpy as np
import pytest

import course_utils as cu
from course_utils.exercises import evaluate, get


def gradient(w):
    x, y = w
    return np.array([5 * x + 2 * y, 2 * x + 2 * y])


def test_references_are_the_eigenvalues_of_the_hand_hessian():
    hand = np.linalg.eigvalsh(np.array([[5.0, 2.0], [2.0, 2.0]]))
    assert np.allclose(get("06a.1").expected(), hand) and np.allclose(hand, [1.0, 6.0])
    assert np.isclose(get("06a.3").expected(), hand[1] / hand[0])


def test_the_learning_rate_limit_is_where_gradient_descent_stops_converging():
    limit = get("06a.2").expected()
    start = np.array([1.0, -2.0])
    below = cu.optimize(gradient, start, cu.SGD(lr=0.99 * limit), 2000)
    above = cu.optimize(gradient, start, cu.SGD(lr=1.01 * limit), 2000)
    assert np.linalg.norm(below.final) < 1e-3 < np.linalg.norm(above.final)


@pytest.mark.parametrize(
    "exercise, answer",
    [
        ("06a.1", [1, 6]),
        ("06a.1", np.array([1.0, 6.0])),
        ("06a.1", (1.0001, 6.0)),
        ("06a.2", 1 / 3),
        ("06a.2", 0.333),
        ("06a.2", 2 / 6),
        ("06a.3", 6),
        ("06a.3", 6.0),
        ("06a.3", 5.999),
    ],
)
def test_right_and_equivalent_answers_pass(exercise, answer):
    assert evaluate(exercise, answer).status == "correct"


@pytest.mark.parametrize(
    "exercise, answer, words",
    [
        ("06a.1", [6, 1], "순서가 반대"),
        ("06a.1", [2, 5], "대각 원소"),
        ("06a.1", [0.5, 3], "두 번 미분하면 5"),
        ("06a.1", [1.697, 5.303], "xy 계수의 절반"),
        ("06a.1", [7, 6], "대각합과 행렬식"),
        ("06a.1", [[5, 2], [2, 2]], "헤세 행렬 자체"),
        ("06a.2", 1 / 6, "한 번에 없애는"),
        ("06a.2", 0.167, "한 번에 없애는"),
        ("06a.2", 2, "완만한 방향의 한계"),
        ("06a.2", 0.4, "f_xx는 x축 방향의 곡률"),
        ("06a.2", 2 / 7, "가장 좋은 학습률"),
        ("06a.2", 0.5, "발산합니다"),
        ("06a.2", 0.25, "아직 모든 방향이 수렴"),
        ("06a.3", 1 / 6, "나누는 순서"),
        ("06a.3", 2.45, "√κ"),
        ("06a.3", 2.5, "대각 원소의 비"),
        ("06a.3", 5, "차가 아니라 비"),
    ],
)
def test_typical_slips_get_their_hint(exercise, answer, words):
    outcome = evaluate(exercise, answer)
    assert outcome.status == "wrong" and words in outcome.message, outcome.message
    assert len(outcome.message) <= 600


def test_a_named_slip_gets_only_its_own_hint():
    # 1/λ_max is below the limit, but the message is about 1/λ_max, not the generic "too small"
    outcome = evaluate("06a.2", 1 / 6)
    assert len(outcome.hints) == 1


def test_hints_never_state_the_expected_numbers():
    for exercise, answers in [
        ("06a.1", ([6, 1], [2, 5], [7, 6])),
        ("06a.2", (0.5, 0.25, 2)),
        ("06a.3", (1 / 6, 2.5)),
    ]:
        for answer in answers:
            message = evaluate(exercise, answer).message
            for number in ("0.333", "1/3", "2/6", "κ = 6", "[1, 6]"):
                assert number not in message, (exercise, answer, message)
