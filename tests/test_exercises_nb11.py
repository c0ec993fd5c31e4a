"""Exercises of notebook 11 tried as a student would: right, equivalent, typical slips; and the
numbers the answer boxes quote, computed from the registry's references."""

import numpy as np
import pytest

from course_utils.exercises import evaluate, get


def test_first_step_accepts_the_quoted_value_and_names_the_slips():
    g1 = np.array([4.0, -0.001])
    assert evaluate("11.1", -0.1 * g1 / (1e-8 + np.abs(g1)))
    assert evaluate("11.1", [-0.1, 0.099999])  # as the answer box quotes it
    assert "δ = 10⁻⁸을 빼고" in evaluate("11.1", [-0.1, 0.1]).message
    assert "편향 보정" in evaluate("11.1", [-0.316, 0.316]).message
    assert "SGD의 걸음" in evaluate("11.1", -0.1 * g1).message
    assert "부호가 반대" in evaluate("11.1", [0.1, -0.099999]).message
    assert "shape" in evaluate("11.1", -0.1).message
    assert evaluate("11.1", "-0.1").status == "wrong"


def test_first_step_numbers_of_the_answer_box():
    step = get("11.1").expected()
    assert np.allclose(step, [-0.1, 0.099999], rtol=1e-7)
    assert abs(step[0] + 0.1) < 1e-8  # "거의 정확히 ε"


def moments(k, g):
    return np.array([(1 - 0.9**k) * g, (1 - 0.999**k) * g**2])


def test_moments_right_half_filled_and_slips():
    assert evaluate("11.2", moments)
    assert evaluate("11.2", lambda k, g: list(moments(k, g)))  # a list is as good as an array
    assert evaluate("11.2", lambda k, g: np.array([(1 - 0.9**k) * g, None])).status == "unanswered"
    assert evaluate("11.2", lambda k, g: None).status == "unanswered"
    assert "보정한 값" in evaluate("11.2", lambda k, g: np.array([g, g**2])).message
    assert "지수가 하나" in evaluate("11.2", lambda k, g: moments(k + 1, g)).message
    assert (
        "ρ₁과 ρ₂"
        in evaluate(
            "11.2", lambda k, g: np.array([(1 - 0.999**k) * g, (1 - 0.9**k) * g**2])
        ).message
    )


def test_moments_numbers_of_the_answer_box():
    reference = get("11.2").expected()
    assert np.isclose(reference(7, 1.0)[0], 0.522, atol=5e-4)  # s_7 = 0.522 g
    assert np.isclose(reference(6, 1.0)[0], 0.469, atol=5e-4)  # ... the first above one half
    assert np.isclose(reference(693, 1.0)[1], 0.500, atol=5e-4)  # r_693 = 0.500 g²


def test_keras_delta_right_and_slips():
    assert evaluate("11.3", lambda e, k: e / np.sqrt(1 - 0.999**k))
    assert "제곱근" in evaluate("11.3", lambda e, k: e / (1 - 0.999**k)).message
    assert "곱하지 말고" in evaluate("11.3", lambda e, k: e * np.sqrt(1 - 0.999**k)).message
    assert "ρ₂" in evaluate("11.3", lambda e, k: e / np.sqrt(1 - 0.9**k)).message
    outcome = evaluate("11.3", lambda e, k: e)
    assert outcome.status == "wrong" and "극한" in outcome.message


@pytest.mark.parametrize("k", [1, 2, 50, 3000])
def test_keras_reference_is_the_formula_of_the_answer_box(k):
    reference = get("11.3").expected()
    assert np.isclose(reference(1e-7, k), 1e-7 / np.sqrt(1 - 0.999**k), rtol=1e-8)


def test_keras_first_step_factor():
    assert np.isclose(get("11.3").expected()(1e-7, 1) / 1e-7, 31.6, atol=0.05)  # "≈ 31.6 δ̂"
