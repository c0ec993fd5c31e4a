"""The exercise registry: every exercise of every notebook is declared once, with a
deliberate tolerance and hints that really fire."""

import json
from pathlib import Path

import numpy as np
import pytest

from course_utils import _editions
from course_utils.exercises import check, evaluate, get, notebook_exercises

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
ALL = [e for path in NOTEBOOKS for e in notebook_exercises(path.name.split("_")[0])]


def test_every_notebook_has_registered_exercises():
    numbers = {path.name.split("_")[0] for path in NOTEBOOKS}
    assert numbers == {e.id.split(".")[0] for e in ALL}


@pytest.mark.parametrize("exercise", ALL, ids=lambda e: e.id)
def test_each_exercise_has_a_targeted_hint_that_fires(exercise):
    assert exercise.hints, f"{exercise.id}: declare at least one hint for a typical slip"
    if exercise.context:
        pytest.skip("needs the notebook's data; the notebook run checks it")
    expected = exercise.expected()
    for hint in exercise.hints:
        example = hint.example(expected)
        outcome = evaluate(exercise.id, example)
        message = hint.message(np.asarray(example)) if callable(hint.message) else hint.message
        assert outcome.status == "wrong" and message in outcome.message, (exercise.id, outcome)


@pytest.mark.parametrize("exercise", ALL, ids=lambda e: e.id)
def test_each_exercise_says_not_answered_for_none(exercise):
    outcome = evaluate(exercise.id, None, context={name: None for name in exercise.context})
    assert outcome.status == "unanswered"


def test_unknown_ids_are_refused_in_korean():
    with pytest.raises(ValueError, match="exercise_id"):
        get("5.1")
    with pytest.raises(ValueError, match="등록된 연습문제가 아닙니다"):
        get("05.99")
    with pytest.raises(ValueError, match="노트북 99"):
        get("99.1")


def test_missing_notebook_context_is_reported_not_raised(capsys):
    contextual = [e for e in ALL if e.context]
    if not contextual:
        pytest.skip("no exercise uses notebook context")
    check(contextual[0].id, 1.0)
    assert "※" in capsys.readouterr().out


def test_editions_share_one_source():
    nb = json.loads((ROOT / "notebooks" / "05_gradient_descent.ipynb").read_text(encoding="utf-8"))
    found = _editions.exercises(nb)
    test = _editions.test_edition(nb)
    answers = [c for c in test["cells"] if _editions.ANSWER_TAG in _editions.tags(c)]
    assert len(answers) == len(found)
    assert all("strict=True" in _editions.source(c) for c in answers)
    student = _editions.student_edition(nb)
    assert not any("<details>" in _editions.source(c) for c in student["cells"])
    assert len(student["cells"]) == len(nb["cells"]) - len(found)
    key = _editions.key_edition(nb)
    assert "my_x3 = 2 + (1 - 2 * 0.25)" in _editions.source(key["cells"][found[0][0]])
