"""The notebook run really fails: on text written to stderr (a missing Hangul
glyph, an overflow warning), on an exercise that prints a verdict the student
did not earn, and on a wrong model answer (guards conftest.py, the kernel's
backend and course_utils._editions)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def code_cell(source, tags=()):
    return {
        "cell_type": "code",
        "id": f"guard-{abs(hash(source)) % 10**8}",
        "metadata": {"tags": list(tags)},
        "execution_count": None,
        "outputs": [],
        "source": source,
    }


def markdown_cell(source):
    return {
        "cell_type": "markdown",
        "id": f"guard-md-{abs(hash(source)) % 10**8}",
        "metadata": {},
        "source": source,
    }


def write_notebook(path, cells):
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "cells": cells,
    }
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


STDERR_AND_UNEARNED = [
    code_cell("import matplotlib.pyplot as plt\nimport numpy as np\nimport course_utils as cu"),
    # no cu.setup(): DejaVu Sans has no Hangul; the inline backend renders the figure
    code_cell("fig, ax = plt.subplots()\nax.set_title('한글')"),
    code_cell("np.exp(np.array([1000.0]))"),
    # an exercise cell that is already answered prints ○: a verdict nobody earned
    code_cell('my_x3 = 2.25\n\ncu.check("05.1", my_x3)', tags=["exercise"]),
    markdown_cell(
        "<details><summary>정답과 풀이 보기</summary>\n\n```python\nmy_x3 = 2.25\n```\n\n</details>"
    ),
]
WRONG_MODEL_ANSWER = [
    code_cell("import course_utils as cu"),
    code_cell('my_x3 = None\n\ncu.check("05.1", my_x3)', tags=["exercise"]),
    markdown_cell(
        "<details><summary>정답과 풀이 보기</summary>\n\n```python\nmy_x3 = 2.5\n```\n\n</details>"
    ),
]
CLEAN = [
    code_cell("import course_utils as cu"),
    code_cell('my_x3 = None\n\ncu.check("05.1", my_x3)', tags=["exercise"]),
    markdown_cell(
        "<details><summary>정답과 풀이 보기</summary>\n\n```python\n"
        "my_x3 = 2 + 0.5**3 * 2\n```\n\n</details>"
    ),
]


def test_the_notebook_run_fails_on_stderr_unearned_verdicts_and_wrong_answers():
    # inside the repository, so the project's conftest.py applies to the notebooks
    folder = ROOT / "tests" / "_guard_tmp"
    folder.mkdir(exist_ok=True)
    try:
        paths = [
            write_notebook(folder / f"{name}.ipynb", cells)
            for name, cells in [
                ("stderr", STDERR_AND_UNEARNED),
                ("wrong", WRONG_MODEL_ANSWER),
                ("clean", CLEAN),
            ]
        ]
        env = {**os.environ, "MPLBACKEND": "Agg"}  # as CI sets it
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-n",
                "0",
                "-p",
                "no:cacheprovider",
                "-rfE",
                *map(str, paths),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=180,
        )
    finally:
        for item in folder.iterdir():
            item.unlink()
        folder.rmdir()
    out = result.stdout
    assert result.returncode == 1, out
    assert "2 failed, 1 passed" in out.strip().splitlines()[-1], out
    assert "FAILED tests/_guard_tmp/stderr.ipynb::run" in out
    assert "FAILED tests/_guard_tmp/wrong.ipynb::run" in out
    # every offending cell of the first notebook is listed, not only the first
    assert "missing from font" in out and "overflow" in out and "답하지 않은 연습문제" in out
    assert "모범답안이 통과하지 못했습니다" in out
