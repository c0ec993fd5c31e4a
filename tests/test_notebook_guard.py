"""The notebook run really fails: on text written to stderr (a missing Hangul
glyph, an overflow warning), on an exercise that prints a verdict the student
did not earn, and on a wrong model answer (guards conftest.py, the kernel's
backend and course_utils._editions)."""

from notebook_runner import (
    code_cell,
    markdown_cell,
    notebook_folder,
    run_notebook_item,
    write_notebook,
)

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


def test_the_notebook_run_fails_on_stderr_unearned_verdicts_and_wrong_answers(request):
    with notebook_folder() as folder:
        failures = {
            name: run_notebook_item(request, write_notebook(folder / f"{name}.ipynb", cells))
            for name, cells in [
                ("stderr", STDERR_AND_UNEARNED),
                ("wrong", WRONG_MODEL_ANSWER),
                ("clean", CLEAN),
            ]
        }
    assert failures["clean"] is None, failures["clean"]
    stderr, wrong = failures["stderr"], failures["wrong"]
    assert stderr is not None and wrong is not None, failures
    # every offending cell of the first notebook is listed, not only the first
    assert "missing from font" in stderr, stderr
    assert "overflow" in stderr, stderr
    assert "답하지 않은 연습문제" in stderr, stderr
    assert "모범답안이 통과하지 못했습니다" in wrong, wrong


def test_each_notebook_starts_from_a_fresh_namespace(request):
    # one kernel serves many notebooks: nothing a notebook defines reaches the next one
    from notebook_runner import run_cells

    first = [
        code_cell(
            "import warnings\nimport matplotlib as mpl\nleftover = 1\n"
            "warnings.simplefilter('ignore')\nmpl.rcParams['lines.linewidth'] = 9"
        )
    ]
    second = [
        code_cell(
            "import warnings\nimport matplotlib as mpl\n"
            "assert 'leftover' not in globals()\n"
            "assert mpl.rcParams['lines.linewidth'] == mpl.rcParamsDefault['lines.linewidth']\n"
            "assert ('ignore', None, Warning, None, 0) not in warnings.filters"
        )
    ]
    assert run_cells(request, first, name="first") is None
    assert run_cells(request, second, name="second") is None
