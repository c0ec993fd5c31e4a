"""Notebook 02's exercises tried as a student would: right, equivalent, typical slips, None, a string."""

import numpy as np
import pytest

from course_utils import calculus
from course_utils.exercises import evaluate, get
from course_utils.functions import LECTURE_SURFACE, POLYNOMIAL_2D


def test_02_1_scaffold_and_answers():
    def scaffold(x, y):
        f_x = None
        f_y = None
        return (f_x, f_y)

    def half_filled(x, y):
        f_x = 0.2 * x
        f_y = None
        return (f_x, f_y)

    assert evaluate("02.1", scaffold).status == "unanswered"
    assert evaluate("02.1", half_filled).status == "unanswered"
    assert evaluate("02.1", lambda x, y: (0.2 * x, 4 * y)).status == "correct"
    assert evaluate("02.1", lambda x, y: np.array([0.2 * x, 4.0 * y])).status == "correct"
    assert "지수 2를 곱하세요" in evaluate("02.1", lambda x, y: (0.1 * x, 2 * y)).message
    assert "순서가 바뀌었습니다" in evaluate("02.1", lambda x, y: (4 * y, 0.2 * x)).message
    assert "인자 개수" in evaluate("02.1", lambda w: (0.2 * w[0], 4 * w[1])).message
    assert "shape" in evaluate("02.1", lambda x, y: 0.2 * x).message


def test_02_2_reference_is_the_numerical_gradient_of_the_lecture_surface():
    # moved from the old answer cell: the partials agree with finite differences
    exercise = get("02.2")
    for x, y in exercise.points:
        numeric = calculus.gradient(LECTURE_SURFACE.loss, np.array([x, y]))
        assert np.allclose(exercise.expected()(x, y), numeric, atol=1e-7)


def test_02_2_slips():
    right = lambda x, y: (5 * np.cos(x) - 5 * x * np.sin(x), 4 * (2 * y - 1))  # noqa: E731
    assert evaluate("02.2", right).status == "correct"
    sign = evaluate("02.2", lambda x, y: (5 * np.cos(x) + 5 * x * np.sin(x), 4 * (2 * y - 1)))
    assert "−sin x" in sign.message
    inner = evaluate("02.2", lambda x, y: (5 * np.cos(x) - 5 * x * np.sin(x), 2 * (2 * y - 1)))
    assert "안쪽 2y − 1의 미분 2" in inner.message
    assert evaluate("02.2", None).status == "unanswered"


@pytest.mark.parametrize("answer", [[24, -32], (24.0, -32.0), np.array([24, -32])])
def test_02_3_equivalent_answers_pass(answer):
    assert evaluate("02.3", answer).status == "correct"


def test_02_3_slips():
    assert np.array_equal(get("02.3").expected(), [24, -32])
    assert "순서가 바뀌었습니다" in evaluate("02.3", [-32, 24]).message
    assert "x = −1의 부호" in evaluate("02.3", [24, -8]).message
    assert "y² = 2² = 4" in evaluate("02.3", [18, -32]).message
    assert "−∇f" in evaluate("02.3", [-24, 32]).message
    assert "shape" in evaluate("02.3", 24).message
    assert evaluate("02.3", [24, None]).status == "unanswered"
    assert evaluate("02.3", "24, -32").status == "wrong"


def test_02_4_numbers_quoted_in_the_solution():
    # moved from the old answer cell: ‖∇f(−1, 2)‖ = 40, and the descent slope is −40
    gradient = POLYNOMIAL_2D.gradient(np.array([-1.0, 2.0]))
    assert np.isclose(np.linalg.norm(gradient), 40)
    direction = get("02.4").expected()
    assert np.allclose(direction, [-0.6, 0.8]) and np.isclose(gradient @ direction, -40)


@pytest.mark.parametrize(
    "answer", [[-0.6, 0.8], (-0.6, 0.8), [-24 / 40, 32 / 40], [-0.6000, 0.8000]]
)
def test_02_4_equivalent_answers_pass(answer):
    assert evaluate("02.4", answer).status == "correct"


def test_02_4_slips():
    unnormalised = evaluate("02.4", [-24, 32])
    assert "길이가 1이 아닙니다" in unnormalised.message
    assert "오르막" in evaluate("02.4", [0.6, -0.8]).message
    gradient_itself = evaluate("02.4", [24, -32])
    assert "오르막" in gradient_itself.message and "길이도 1이 아닙니다" in gradient_itself.message
    assert (
        "길이가 1이 아닙니다" in evaluate("02.4", [-24 / 56, 32 / 56]).message
    )  # divided by |f_x| + |f_y|
    assert "순서가 바뀌었습니다" in evaluate("02.4", [0.8, -0.6]).message
    assert "0.6" not in evaluate("02.4", [1.0, 0.0]).message  # never the expected numbers


def test_02_5_numbers_quoted_in_the_solution():
    slope = get("02.5").expected()
    assert np.isclose(slope, -8 / np.sqrt(2)) and np.isclose(slope, -4 * np.sqrt(2))
    assert round(slope, 3) == -5.657
    cos_phi = slope / 40  # ‖u‖ = 1, ‖∇f‖ = 40
    assert round(cos_phi, 3) == -0.141 and round(np.degrees(np.arccos(cos_phi))) == 98
    # the same slope measured with a central difference along (1, 1)/√2
    u = np.array([1.0, 1.0]) / np.sqrt(2)
    p, t = np.array([-1.0, 2.0]), 1e-5
    measured = (POLYNOMIAL_2D.loss(p + t * u) - POLYNOMIAL_2D.loss(p - t * u)) / (2 * t)
    assert np.isclose(measured, slope, rtol=1e-8)


@pytest.mark.parametrize("answer", [-5.657, -5.66, -4 * np.sqrt(2), np.float64(-5.6569)])
def test_02_5_rounded_answers_pass(answer):
    assert evaluate("02.5", answer).status == "correct"


def test_02_5_slips():
    assert "√2" in evaluate("02.5", -8).message
    assert "가장 가파른 오르막" in evaluate("02.5", 40).message
    assert "가장 가파른 내리막" in evaluate("02.5", -40).message
    assert "f_y의 부호" in evaluate("02.5", 39.6).message
    assert "부호가 반대" in evaluate("02.5", 5.657).message
    near_miss = evaluate("02.5", -5.7)
    assert near_miss.status == "wrong" and "거의 맞았습니다" in near_miss.message
    assert evaluate("02.5", None).status == "unanswered"
    assert evaluate("02.5", "-5.657").status == "wrong"
