"""The self-check engine: verdicts, messages, hints (course_utils.checks)."""

import numpy as np
import pytest

from course_utils import checks
from course_utils.checks import compare_function, compare_number
from course_utils.functions import CUBIC, QUADRATIC


def number(answer, expected=2.25, rtol=1e-4, atol=0.0, hints=()):
    return compare_number(answer, expected, rtol, atol, hints)


def test_right_wrong_and_not_answered():
    assert number(2.25).status == "correct"
    assert number(2.2501).status == "correct"
    assert number(2.5).status == "wrong"
    assert number(None).status == "unanswered"
    assert checks.NOT_ANSWERED in number(None).text


@pytest.mark.parametrize(
    "answer, words",
    [
        ("2.25", ["문자열", "따옴표"]),
        (True, ["True/False"]),
        (np.True_, ["True/False"]),
        (lambda x: x, ["함수", "호출"]),
        ({"x": 1}, ["dict"]),
        ([[1.0, 2.0], [3.0]], ["길이"]),
        (["a", 1.0], ["숫자가 아닌"]),
        (1 + 2j, ["복소수"]),
        (np.nan, ["NaN"]),
        (np.array([True, False]), ["True/False"]),
    ],
)
def test_what_is_not_a_number_is_said(answer, words):
    outcome = number(answer)
    assert outcome.status == "wrong"
    for word in words:
        assert word in outcome.message, outcome.message


def test_a_none_inside_is_not_answered_yet():
    outcome = compare_number([24.0, None], [24.0, -32.0], 1e-6, 0)
    assert outcome.status == "unanswered" and "None" in outcome.message


def test_the_echo_is_what_the_student_gave_and_never_the_expected_value():
    outcome = number(2.5)
    assert "2.5" in outcome.message and "2.25" not in outcome.message


def test_small_values_keep_significant_digits():
    outcome = compare_number(1e-7, 3e-6, 1e-6, 0)
    assert "1e-07" in outcome.message and "0.0" not in outcome.message


def test_a_rounded_value_is_told_about_precision():
    outcome = number(2.2505)  # rounded one digit too early: told about precision
    assert "상대오차" in outcome.message and "0.0001" in outcome.message
    assert "상대오차" not in number(2.3).message  # plainly wrong: no "almost"


def test_shapes_are_compared_not_reshaped_and_both_are_named():
    outcome = compare_number([[1.0, 2.0]], [1.0, 2.0], 1e-6, 0)
    assert outcome.status == "wrong" and "(1, 2)" in outcome.message and "(2,)" in outcome.message


def test_big_arrays_are_summarised():
    outcome = compare_number(np.zeros((200, 60)), np.ones((201, 60)), 1e-6, 0)
    assert len(outcome.message) <= checks.MAX_MESSAGE
    assert "(200, 60)" in outcome.message and "..." in outcome.message


def test_function_right_wrong_and_missing_return():
    assert compare_function(lambda x: 9 * x**2 - 2, CUBIC.derivative, (0.5, 2.0), 1e-9, 1e-12)
    wrong = compare_function(lambda x: 9 * x**2, CUBIC.derivative, (0.5, 2.0), 1e-9, 1e-12)
    assert wrong.status == "wrong" and "0.5" in wrong.message
    missing = compare_function(lambda x: None, CUBIC.derivative, (0.5,), 1e-9, 1e-12)
    assert missing.status == "unanswered" and "return" in missing.message
    assert compare_function(None, CUBIC.derivative, (0.5,), 1e-9, 1e-12).status == "unanswered"


def test_function_slips_are_named():
    xor = compare_function(lambda x: x ^ 2, QUADRATIC, (1.5,), 1e-9, 0)
    assert "**" in xor.message and "XOR" in xor.message
    xor_array = compare_function(lambda x: x ^ 2, QUADRATIC, (np.array([1.5, 2.0]),), 1e-9, 0)
    assert "**" in xor_array.message
    arity = compare_function(lambda x, y: x, QUADRATIC, (1.5,), 1e-9, 0)
    assert "인자 개수" in arity.message
    raised = compare_function(lambda x: 1 / 0, QUADRATIC, (1.5,), 1e-9, 0)
    assert "ZeroDivisionError" in raised.message and "1.5" in raised.message
    not_callable = compare_function(3.0, QUADRATIC, (1.5,), 1e-9, 0)
    assert "함수가 필요합니다" in not_callable.message


def test_list_and_array_points_are_one_argument_and_tuples_are_unpacked():
    norm = lambda v: float(np.linalg.norm(v))  # noqa: E731
    assert compare_function(norm, norm, [[3.0, 4.0], np.array([1.0, 0.0])], 1e-9, 0)
    assert compare_function(lambda x, y: x * y, lambda x, y: x * y, [(2.0, 3.0)], 1e-9, 0)


def test_strict_raises_unless_correct(capsys):
    with pytest.raises(AssertionError):
        checks.check_number(2.5, 2.25, strict=True)
    with pytest.raises(AssertionError):
        checks.check_number(None, 2.25, strict=True)
    assert checks.check_number(2.25, 2.25, strict=True) is None  # no Out: True/False
    assert "○" in capsys.readouterr().out


@pytest.mark.parametrize(
    "hint, want",
    [
        (checks.sign_flipped(), np.array([0.6, -0.8])),
        (checks.unnormalized(), np.array([-0.6, 0.8])),
        (checks.missing_start(), np.linspace(0, 1, 11)),
        (checks.near(0.25, "남은 거리"), np.asarray(2.25)),
    ],
)
def test_hint_factories_fire_on_their_example_and_not_on_the_answer(hint, want):
    example = np.asarray(hint.example(want), dtype=float)
    assert hint.applies(example, want)
    assert not hint.applies(want, want)
    outcome = compare_number(example, want, 1e-6, 0, [hint])
    assert hint.message in outcome.message


def test_a_function_hint_fires():
    hint = checks.matches(lambda x: 3 * (2 * x - 1) ** 2, "안쪽 함수의 미분")
    outcome = compare_function(
        lambda x: 3 * (2 * x - 1) ** 2, lambda x: 6 * (2 * x - 1) ** 2, (0.0, 1.0), 1e-9, 0, [hint]
    )
    assert "안쪽 함수의 미분" in outcome.message
