"""Exercises of notebook 14 tried as a student would: the right answer, the answer as printed
in the solution box, typical slips, None and a string."""

import numpy as np

import course_utils as cu
from course_utils.exercises import evaluate, get


def test_sgd_step_with_weight_decay():
    assert evaluate("14.1", [1.85, -0.98])  # the box's hand computation
    assert evaluate("14.1", (1 - 0.05) * np.array([2.0, -1.0]) - 0.1 * np.array([0.5, 0.3]))
    assert "감쇠를 빼먹었습니다" in evaluate("14.1", [1.95, -1.03]).message
    assert "1 − λ가 아니라" in evaluate("14.1", [0.95, -0.53]).message
    assert "(λ/2)w가 아니라" in evaluate("14.1", [1.9 - 0.05 + 0.05, -0.975 - 0.03]).message
    assert "부호가 반대" in evaluate("14.1", [1.95, -0.92]).message
    assert evaluate("14.1", None).status == "unanswered"
    assert evaluate("14.1", "1.85, -0.98").status == "wrong"


def test_the_reference_is_the_packages_sgd_and_the_box_numbers():
    np.testing.assert_allclose(get("14.1").expected(), [1.85, -0.98], rtol=1e-12)
    path = cu.optimize(
        lambda w: np.array([0.5, 0.3]), [2.0, -1.0], cu.SGD(lr=0.1, weight_decay=0.5), 1
    )
    np.testing.assert_allclose(path[1], [1.85, -0.98], rtol=1e-12)


def test_effective_decay_of_adam_with_l2():
    assert evaluate("14.2", [5e-7, 1e-3])  # δ left out, as the box says
    assert evaluate("14.2", 1e-5 / (1e-8 + np.sqrt([400.0, 1e-4])))
    assert "제곱근이 빠졌습니다" in evaluate("14.2", [2.5e-8, 0.1]).message
    assert "곱하지 말고" in evaluate("14.2", [2e-4, 1e-7]).message
    assert "AdamW의 감쇠율" in evaluate("14.2", [1e-5, 1e-5]).message
    assert "길이 2" in evaluate("14.2", 5e-4).message
    assert evaluate("14.2", [1e-3, 5e-7]).status == "wrong"  # coordinates swapped
    assert evaluate("14.2", None).status == "unanswered"


def test_the_box_ratios_against_adamw():
    decay = get("14.2").expected()
    np.testing.assert_allclose(1e-5 / decay, [20, 0.01], rtol=1e-5)  # "1/20" and "100 times"


def test_keras_l2_as_torch_weight_decay():
    assert evaluate("14.3", 1e-3)
    assert evaluate("14.3", 2 * 5e-4)
    assert "1/2이 없습니다" in evaluate("14.3", 5e-4).message
    assert "반대 방향" in evaluate("14.3", 2.5e-4).message
    assert evaluate("14.3", None).status == "unanswered"
    assert evaluate("14.3", "1e-3").status == "wrong"


def test_keras_penalty_gradient_is_twice_l2():
    # d/dw of l2·Σw² (keras.regularizers.L2) is 2·l2·w: the torch λ of exercise 14.3
    l2, w = 5e-4, np.array([0.3, -1.2, 2.0])
    penalty = lambda v: l2 * np.sum(v**2)  # noqa: E731
    np.testing.assert_allclose(
        cu.calculus.gradient(penalty, w), get("14.3").expected() * w, rtol=1e-6
    )
