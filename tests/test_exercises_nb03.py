"""Notebook 03's exercises tried as a student would: right, rounded, typical slips, None, a string."""

import numpy as np
import pytest

from course_utils import calculus
from course_utils.exercises import evaluate, get


def test_03_1_reference_is_the_derivative_of_h():
    def h(x):
        return (x**2 + 1) ** 5

    points = np.array(get("03.1").points)
    assert np.allclose(get("03.1").expected()(points), calculus.derivative(h, points), rtol=1e-8)


@pytest.mark.parametrize(
    "answer",
    [
        lambda x: 10 * x * (x**2 + 1) ** 4,
        lambda x: 5 * (x**2 + 1) ** 4 * 2 * x,  # the chain rule written as it reads
        lambda x: np.multiply(10 * x, np.power(x**2 + 1, 4)),
    ],
)
def test_03_1_equivalent_formulas_pass(answer):
    assert evaluate("03.1", answer).status == "correct"


def test_03_1_slips():
    missing_inner = evaluate("03.1", lambda x: 5 * (x**2 + 1) ** 4)
    assert missing_inner.status == "wrong" and "2x를 곱하세요" in missing_inner.message
    no_return = evaluate("03.1", lambda x: None)
    assert no_return.status == "unanswered" and "return" in no_return.message
    caret = evaluate("03.1", lambda x: 10 * x * (x ^ 2 + 1) ** 4)
    assert caret.status == "wrong" and "**" in caret.message
    assert evaluate("03.1", "10x(x²+1)⁴").status == "wrong"


def test_03_2_reference_is_the_numerical_gradient():
    exercise = get("03.2")

    def loss(p):
        return (p[0] * 2.0 + p[1] - 3.0) ** 2

    for w, b in exercise.points:
        assert np.allclose(
            exercise.expected()(w, b), calculus.gradient(loss, np.array([w, b])), rtol=1e-7
        )


def test_03_2_scaffold_and_slips():
    def half_filled(w, b):
        residual = w * 2.0 + b - 3.0
        dL_dw = 2 * residual * 2.0
        dL_db = None
        return (dL_dw, dL_db)

    assert evaluate("03.2", half_filled).status == "unanswered"
    assert (
        evaluate("03.2", lambda w, b: [4 * (2 * w + b - 3), 2 * (2 * w + b - 3)]).status
        == "correct"
    )
    flipped = evaluate("03.2", lambda w, b: (-4 * (2 * w + b - 3), -2 * (2 * w + b - 3)))
    assert flipped.status == "wrong" and "부호가 반대" in flipped.message
    swapped = evaluate("03.2", lambda w, b: (2 * (2 * w + b - 3), 4 * (2 * w + b - 3)))
    assert "순서가 바뀌었습니다" in swapped.message
    assert "인자 개수" in evaluate("03.2", lambda p: (0.0, 0.0)).message


def test_03_3_numbers_quoted_in_the_solution():
    z = 0.3 * -1.0 + 0.2
    dL_dw, dL_db = get("03.3").expected()
    assert dL_dw > 0 > dL_db and np.isclose(z, -0.1) and round(np.tanh(z), 4) == -0.0997
    assert round(dL_dw, 4) == 1.1874 and round(dL_db, 4) == -1.1874


@pytest.mark.parametrize(
    "answer", [[1.1874, -1.1874], (1.187, -1.187), np.array([1.18742, -1.18742])]
)
def test_03_3_rounded_answers_pass(answer):
    assert evaluate("03.3", answer).status == "correct"


def test_03_3_slips():
    sigmoid_reused = evaluate("03.3", [-0.2207, -0.1471])  # 4.2's dL_dw, dL_db
    assert "시그모이드 뉴런의 그래디언트" in sigmoid_reused.message
    no_tanh_prime = evaluate("03.3", [1.1993, -1.1993])
    assert "1 − tanh²z를 곱하지 않았습니다" in no_tanh_prime.message
    flipped = evaluate("03.3", [-1.1874, 1.1874])
    assert "부호가 반대" in flipped.message
    scalar = evaluate("03.3", 1.1874)
    assert scalar.status == "wrong" and "리스트로" in scalar.message
    assert evaluate("03.3", [None, -1.1874]).status == "unanswered"
    assert evaluate("03.3", "1.1874, -1.1874").status == "wrong"
    assert "1.18" not in evaluate("03.3", [0.5, 0.5]).message  # never the expected numbers
