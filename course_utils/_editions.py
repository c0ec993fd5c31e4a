"""Editions of a notebook, derived from the one committed source.

An exercise is three cells in the committed notebook:

1. a markdown cell ``### 연습문제 k. …`` with the task;
2. the exercise cell (tag ``exercise``): the student's ``None`` placeholders,
   ending with one call ``cu.check("NN.k", answer)``;
3. a markdown cell with ``<details><summary>정답과 풀이 보기</summary>`` holding
   the explanation and the model answer as a ``python`` code block.

From that source:

- :func:`test_edition` inserts after every exercise cell the model answer
  followed by the same check with ``strict=True`` (the tests run this one: the
  student's cell must say "not answered", the model answer must pass);
- :func:`key_edition` replaces each exercise cell by its model answer and the
  check (an answer key that prints ○ everywhere);
- :func:`student_edition` removes the ``<details>`` boxes (no model answer
  anywhere in the file).
"""

from __future__ import annotations

import ast
import copy
import re

EXERCISE_TAG = "exercise"
ANSWER_TAG = "model-answer"
DETAILS = "<details>"
# The sentence under "## 연습문제" in every notebook; the student edition replaces it.
ANSWERS_NOTE = "정답과 풀이는 각 문제 아래의 접힌 칸(**정답과 풀이 보기**)에 있습니다. 먼저 풀어 본 뒤에 여세요."
STUDENT_NOTE = "이 학생용 판에는 정답과 풀이가 없습니다. 풀이는 강사에게 받으세요."
CODE_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def source(cell):
    """A cell's source as one string."""
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def check_call(code):
    """The ``cu.check("NN.k", answer)`` call at the end of an exercise cell, as an AST node."""
    tree = ast.parse(code)
    last = tree.body[-1] if tree.body else None
    if not (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)):
        return None
    call = last.value
    func = call.func
    if not (
        isinstance(func, ast.Attribute)
        and func.attr == "check"
        and isinstance(func.value, ast.Name)
        and func.value.id == "cu"
    ):
        return None
    if not (
        call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
    ):
        return None
    return call


def exercise_id(cell):
    """The id ``"NN.k"`` an exercise cell checks, or None for other cells."""
    if cell.get("cell_type") != "code":
        return None
    try:
        call = check_call(source(cell))
    except SyntaxError:
        return None
    return call.args[0].value if call is not None else None


def strict_call(cell):
    """The exercise cell's check call, with ``strict=True``."""
    call = check_call(source(cell))
    call = copy.deepcopy(call)
    call.keywords = [k for k in call.keywords if k.arg != "strict"]
    call.keywords.append(ast.keyword(arg="strict", value=ast.Constant(True)))
    return ast.unparse(call)


def plain_call(cell):
    """The exercise cell's check call as written (one line)."""
    return ast.unparse(check_call(source(cell)))


def exercises(nb):
    """``[(index of exercise cell, id, index of its <details> cell or None)]``."""
    found = []
    cells = nb["cells"]
    for i, cell in enumerate(cells):
        ident = exercise_id(cell)
        if ident is None:
            continue
        details = None
        for j in range(i + 1, len(cells)):
            if exercise_id(cells[j]) is not None or source(cells[j]).lstrip().startswith("### "):
                break
            if cells[j]["cell_type"] == "markdown" and DETAILS in source(cells[j]):
                details = j
                break
        found.append((i, ident, details))
    return found


def model_answer(nb, details_index):
    """The model answer code: the ``python`` blocks of the ``<details>`` cell, joined."""
    if details_index is None:
        return None
    blocks = CODE_BLOCK.findall(source(nb["cells"][details_index]))
    return "\n".join(block.rstrip() for block in blocks) if blocks else None


def _code_cell(text, cell_tags):
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": None,
        "metadata": {"tags": list(cell_tags)},
        "outputs": [],
        "source": text,
    }


def _with_ids(nb, prefix):
    for n, cell in enumerate(nb["cells"]):
        if cell.get("id") is None:
            cell["id"] = f"{prefix}-{n}"
    return nb


def test_edition(nb):
    """The notebook with each model answer and its strict check inserted after the exercise cell."""
    nb = copy.deepcopy(nb)
    for i, ident, details in reversed(exercises(nb)):
        answer = model_answer(nb, details)
        if answer is None:
            raise ValueError(
                f"연습문제 {ident}: <details> 안에 ```python 모범답안 블록이 없습니다."
            )
        cell = _code_cell(f"{answer}\n{strict_call(nb['cells'][i])}", [ANSWER_TAG])
        cell["metadata"]["exercise"] = ident
        nb["cells"].insert(i + 1, cell)
    return _with_ids(nb, "answer")


def key_edition(nb):
    """The answer key: each exercise cell holds its model answer and the check."""
    nb = copy.deepcopy(nb)
    for i, ident, details in exercises(nb):
        answer = model_answer(nb, details)
        nb["cells"][i]["source"] = f"{answer}\n{plain_call(nb['cells'][i])}"
    return nb


def student_edition(nb):
    """The notebook without any model answer: the ``<details>`` cells are removed."""
    nb = copy.deepcopy(nb)
    drop = {details for _, _, details in exercises(nb) if details is not None}
    nb["cells"] = [c for k, c in enumerate(nb["cells"]) if k not in drop]
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and ANSWERS_NOTE in source(cell):
            cell["source"] = source(cell).replace(ANSWERS_NOTE, STUDENT_NOTE)
    return nb
