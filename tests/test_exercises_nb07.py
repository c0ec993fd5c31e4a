"""Notebook 07's exercises tried as a student would: right, equivalent, typical slips, None, a string;
and the numbers the solutions quote."""

import math

import numpy as np
import pytest

from course_utils import calculus
from course_utils.exercises import evaluate, get
from course_utils.functions import LECTURE_SURFACE

# ---- 07.1: a rectangular grid from np.outer


def model_grid(xs, ys):
    X = np.outer(np.ones(len(ys)), xs)
    Y = np.outer(ys, np.ones(len(xs)))
    return np.stack([X, Y])


@pytest.mark.parametrize(
    "answer",
    [
        model_grid,
        lambda xs, ys: np.array([np.outer(np.ones_like(ys), xs), np.outer(ys, np.ones_like(xs))]),
        lambda xs, ys: [
            np.outer(np.ones(len(ys)), xs).tolist(),
            np.outer(ys, np.ones(len(xs))).tolist(),
        ],
    ],
)
def test_07_1_equivalent_answers_pass(answer):
    assert evaluate("07.1", answer).status == "correct"


def test_07_1_reference_is_meshgrid_and_points_include_a_square():
    exercise = get("07.1")
    shapes = [(len(ys), len(xs)) for xs, ys in exercise.points]
    assert (4, 4) in shapes and any(rows != columns for rows, columns in shapes)
    xs, ys = exercise.points[0]
    assert np.array_equal(exercise.expected()(xs, ys), np.stack(np.meshgrid(xs, ys)))


def test_07_1_slips():
    ij = evaluate(
        "07.1",
        lambda xs, ys: np.stack([np.outer(xs, np.ones(len(ys))), np.outer(np.ones(len(xs)), ys)]),
    )
    assert ij.status == "wrong" and '"ij" 방향' in ij.message
    swapped = evaluate("07.1", lambda xs, ys: model_grid(xs, ys)[::-1])
    assert "뒤바뀌었습니다" in swapped.message
    # the lecture's trick, Y = X.T, cannot even be stacked for a rectangle: the error is named
    transposed = evaluate(
        "07.1",
        lambda xs, ys: np.stack(
            [np.outer(np.ones(len(ys)), xs)] * 1 + [np.outer(np.ones(len(ys)), xs).T]
        ),
    )
    assert transposed.status == "wrong" and "오류" in transposed.message
    half_filled = evaluate("07.1", lambda xs, ys: None)
    assert half_filled.status == "unanswered" and "return" in half_filled.message
    assert evaluate("07.1", None).status == "unanswered"
    assert evaluate("07.1", "np.meshgrid(xs, ys)").status == "wrong"
    assert len(ij.message) <= 600


# ---- 07.2: bisection for the critical points of g(x) = 5x·cos x


def g_prime(x):
    return 5 * np.cos(x) - 5 * x * np.sin(x)


def bisection(a, b, width=1e-10):
    while b - a > width:
        middle = (a + b) / 2
        if g_prime(a) * g_prime(middle) <= 0:
            b = middle
        else:
            a = middle
    return (a + b) / 2


def test_07_2_right_answer_and_other_stopping_rules_pass():
    assert evaluate("07.2", bisection).status == "correct"
    assert evaluate("07.2", lambda a, b: bisection(a, b, width=1e-12)).status == "correct"

    def fixed_count(a, b):
        for _ in range(40):
            middle = (a + b) / 2
            a, b = (a, middle) if g_prime(a) * g_prime(middle) <= 0 else (middle, b)
        return a

    assert evaluate("07.2", fixed_count).status == "correct"
    # a coarse stopping rule is not enough
    assert evaluate("07.2", lambda a, b: bisection(a, b, width=1e-3)).status == "wrong"


def test_07_2_numbers_quoted_in_the_solution():
    reference = get("07.2").expected()
    ridges = [reference(0.0, 2.0), reference(-4.0, -2.0)]
    assert [round(r, 4) for r in ridges] == [0.8603, -3.4256]

    def g_second(x):
        return calculus.derivative(g_prime, x)

    assert all(g_second(r) < 0 for r in ridges)  # ridges are maxima
    assert all(g_second(reference(a, b)) > 0 for a, b in [(-2.0, 0.0), (2.0, 4.0)])  # valleys
    assert math.ceil(math.log2(2 / 1e-10)) == 35  # "약 35번이면 충분"
    for a, b in get("07.2").points:
        assert g_prime(a) * g_prime(b) < 0  # every interval brackets a root


def test_07_2_slips():
    def wrong_half(a, b):
        while b - a > 1e-10:
            middle = (a + b) / 2
            if g_prime(a) * g_prime(middle) <= 0:
                a = middle
            else:
                b = middle
        return (a + b) / 2

    def rising_only(a, b):
        for _ in range(45):
            middle = (a + b) / 2
            if g_prime(middle) > 0:
                b = middle
            else:
                a = middle
        return (a + b) / 2

    assert "근이 있는 쪽을 버렸습니다" in evaluate("07.2", wrong_half).message
    assert "골짜기에서만 맞습니다" in evaluate("07.2", rising_only).message
    assert "한 번만 나눴습니다" in evaluate("07.2", lambda a, b: (a + b) / 2).message
    assert evaluate("07.2", lambda a, b: None).status == "unanswered"
    assert "인자 개수" in evaluate("07.2", lambda a: a).message


# ---- 07.3: the second derivative f_xx


def test_07_3_reference_is_the_second_derivative():
    f_xx = get("07.3").expected()
    for x in get("07.3").points:
        assert np.isclose(f_xx(x), -10 * np.sin(x) - 5 * x * np.cos(x), atol=1e-7)


def test_07_3_answers_and_slips():
    assert evaluate("07.3", lambda x: -10 * np.sin(x) - 5 * x * np.cos(x)).status == "correct"
    assert evaluate("07.3", lambda x: -5 * (2 * np.sin(x) + x * np.cos(x))).status == "correct"
    product_rule = evaluate("07.3", lambda x: -5 * np.sin(x) - 5 * x * np.cos(x))
    assert "곱의 미분법" in product_rule.message
    cos_sign = evaluate("07.3", lambda x: -5 * x * np.cos(x))
    assert "(cos x)′ = −sin x" in cos_sign.message
    flipped = evaluate("07.3", lambda x: 10 * np.sin(x) + 5 * x * np.cos(x))
    assert "부호가 반대" in flipped.message
    caret = evaluate("07.3", lambda x: -10 * np.sin(x) - 5 * x ^ 2)
    assert caret.status == "wrong"
    assert evaluate("07.3", None).status == "unanswered"
    assert evaluate("07.3", -10.39).status == "wrong"  # a number, not a function


def test_07_3_numbers_quoted_in_the_solution():
    f_xx = get("07.3").expected()
    ridge = -LECTURE_SURFACE.minima[1][0]  # 0.8603, mirror of the left minimum
    assert round(float(f_xx(ridge)), 2) == -10.39
    assert all(f_xx(m[0]) > 0 for m in LECTURE_SURFACE.minima)
