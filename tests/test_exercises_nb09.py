"""Notebook 09's exercises tried as a student would: right, rounded, typical slips, None, a string,
the committed scaffold half filled; and the facts the solutions quote."""

import json
from pathlib import Path

import numpy as np
import pytest

from course_utils import _editions
from course_utils.exercises import evaluate, get
from course_utils.exercises.nb09 import stable_lr_limit
from course_utils.functions import ILL_CONDITIONED
from course_utils.optimizers import Momentum, Nesterov, optimize

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "09_momentum_nesterov.ipynb"


def exercise_source(ident):
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    index = next(i for i, found, _ in _editions.exercises(nb) if found == ident)
    return _editions.source(nb["cells"][index])


def scaffold(**lines):
    """The committed 09.2 scaffold with some of its `None` holes filled."""
    code = exercise_source("09.2").rsplit("cu.check", 1)[0]
    for hole, line in lines.items():
        code = code.replace(f"{hole} = None", f"{hole} = {line}")
    namespace = {"np": np}
    exec(code, namespace)
    return namespace["my_nesterov_path"]


# ---- 09.1: terminal velocity


@pytest.mark.parametrize("answer", [-0.75, -0.05 * 3 / (1 - 0.8), np.float64(-0.75), -0.7500])
def test_09_1_right_answers_pass(answer):
    assert evaluate("09.1", answer).status == "correct"


def test_09_1_reference_is_the_geometric_series_limit():
    assert np.isclose(get("09.1").expected(), -0.05 * 3.0 / (1 - 0.8))
    assert np.isclose(-0.05 * 3.0 / (1 - 0.8) / (0.05 * 3.0), -5)  # "GD의 5배"


def test_09_1_slips():
    assert "부호가 반대" in evaluate("09.1", 0.75).message
    assert "GD의 한 걸음" in evaluate("09.1", -0.15).message
    assert "g = 3을 곱하지" in evaluate("09.1", -0.25).message
    assert "α로 나누었습니다" in evaluate("09.1", -0.1875).message
    assert evaluate("09.1", -0.7).status == "wrong"
    assert evaluate("09.1", None).status == "unanswered"
    assert evaluate("09.1", "-0.75").status == "wrong"


# ---- 09.2: Nesterov by hand, from the committed scaffold


def test_09_2_committed_scaffold_is_not_answered_and_filled_scaffold_is_right():
    assert evaluate("09.2", scaffold()).status == "unanswered"
    filled = scaffold(v="alpha * v - lr * 2 * (w + alpha * v)", w="w + v")
    assert evaluate("09.2", filled).status == "correct"
    expanded = scaffold(v="alpha * v - 2 * lr * w - 2 * lr * alpha * v", w="w + v")
    assert evaluate("09.2", expanded).status == "correct"


def test_09_2_half_filled_scaffold_is_never_called_correct_or_unanswered_falsely():
    for half in (scaffold(v="alpha * v - lr * 2 * (w + alpha * v)"), scaffold(w="w + v")):
        outcome = evaluate("09.2", half)
        assert outcome.status == "wrong" and "NoneType" in outcome.message


def test_09_2_slips():
    momentum = scaffold(v="alpha * v - lr * 2 * w", w="w + v")
    assert "Momentum" in evaluate("09.2", momentum).message
    no_alpha = scaffold(v="alpha * v - lr * 2 * (w + v)", w="w + v")
    assert "w + v가 아니라" in evaluate("09.2", no_alpha).message
    no_two = scaffold(v="alpha * v - lr * (w + alpha * v)", w="w + v")
    assert "2w" in evaluate("09.2", no_two).message
    plus = scaffold(v="alpha * v + lr * 2 * (w + alpha * v)", w="w + v")
    assert "더했습니다" in evaluate("09.2", plus).message
    assert evaluate("09.2", lambda w0: None).status == "unanswered"
    assert evaluate("09.2", None).status == "unanswered"
    assert evaluate("09.2", 1.0).status == "wrong"


def test_09_2_reference_is_the_package_nesterov():
    path = get("09.2").expected()(1.0)
    assert len(path) == 11 and path[0] == 1.0
    assert np.allclose(path, optimize(lambda w: 2 * w, 1.0, Nesterov(0.1, 0.9), 10))


# ---- 09.3: the stability limit of Momentum at α = 0.5


@pytest.mark.parametrize("answer", [0.75, 2 * (1 + 0.5) / 4, 3 / 4])
def test_09_3_right_answers_pass(answer):
    assert evaluate("09.3", answer).status == "correct"


def test_09_3_slips():
    assert "GD(α = 0)" in evaluate("09.3", 0.5).message
    assert "Nesterov" in evaluate("09.3", 0.375).message
    assert "가장 큰 곡률" in evaluate("09.3", 3.0).message
    assert "가장 작은 곡률" in evaluate("09.3", 15.0).message
    assert "α = 0.9" in evaluate("09.3", 0.95).message
    assert evaluate("09.3", None).status == "unanswered"


def test_09_3_limit_is_where_momentum_starts_to_diverge():
    # what the old answer cell asserted: 1 % below the limit converges, 1 % above diverges
    max_lr = get("09.3").expected()
    w0 = np.array([-9.0, 2.0])
    assert not optimize(ILL_CONDITIONED.gradient, w0, Momentum(0.99 * max_lr, 0.5), 2000).diverged
    assert optimize(ILL_CONDITIONED.gradient, w0, Momentum(1.01 * max_lr, 0.5), 2000).diverged


@pytest.mark.parametrize("alpha", [0.0, 0.5, 0.9])
def test_stable_lr_limit_follows_the_formula_in_section_7(alpha):
    assert np.isclose(stable_lr_limit(alpha), 2 * (1 + alpha) / 4)
