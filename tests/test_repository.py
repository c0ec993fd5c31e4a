"""The repository's promises: clean notebooks of one shape, fresh navigation,
one source of truth for dependencies, and a README whose commands CI runs."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"])


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:5] == [
        "00_index.ipynb",
        "01_derivatives.ipynb",
        "02_partial_derivatives.ipynb",
        "03_chain_rule.ipynb",
        "04_training_as_optimization.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_saved_without_outputs(path):
    for cell in cells(path):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"outputs saved in {path.name}"
            assert cell.get("execution_count") is None, f"execution count saved in {path.name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_shape(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert nb["metadata"].get("course", {}).get("summary"), "metadata.course.summary missing"
    md = [source(c) for c in nb["cells"] if c["cell_type"] == "markdown"]
    code = [source(c) for c in nb["cells"] if c["cell_type"] == "code"]
    assert md[0].startswith(f"# {path.name.split('_')[0]}. "), "first cell: '# NN. title'"
    headings = [line for text in md for line in text.splitlines() if line.startswith("## ")]
    assert "## 학습 목표" in headings
    if path.name != "00_index.ipynb":
        assert headings.index("## 요약") < headings.index("## 연습문제")
    assert "import course_utils as cu" in code[0] and "cu.setup(" in code[0]
    for text in code:
        assert "sys.path" not in text and not re.search(r"import \*", text)
    assert "navigation" in nb["cells"][-1]["metadata"].get("tags", [])


def assigned_names(code):
    """Names a cell binds at top level (assignments, defs, imports)."""
    import ast

    try:
        tree = ast.parse(code)
    except SyntaxError:  # IPython magics: none in exercise cells
        return set()
    names = set()
    for node in tree.body:
        targets = []
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        for target in targets:
            names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_exercises_go_through_the_registry(path):
    from course_utils import _editions
    from course_utils.exercises import notebook_exercises

    nb = json.loads(path.read_text(encoding="utf-8"))
    number = path.name.split("_")[0]
    found = _editions.exercises(nb)
    assert len(found) >= 2, "at least two exercises"
    ids = [ident for _, ident, _ in found]
    assert ids == [f"{number}.{k}" for k in range(1, len(ids) + 1)], ids
    assert ids == [e.id for e in notebook_exercises(number)], "registry and notebook differ"
    for index, ident, details in found:
        cell = nb["cells"][index]
        text = source(cell)
        assert "exercise" in cell["metadata"].get("tags", []), f"{ident}: tag 'exercise'"
        # the student's cell computes nothing from course_utils but the check itself
        assert text.count("cu.") == 1 and "strict" not in text, f"{ident}: {text}"
        assert details is not None and _editions.model_answer(nb, details), (
            f"{ident}: <details> with a ```python model answer"
        )
        student_names = assigned_names(text)
        for other, cell_other in enumerate(nb["cells"]):
            if other != index and cell_other["cell_type"] == "code":
                clash = student_names & assigned_names(source(cell_other))
                assert not clash, f"{ident}: cell {other} overwrites the student's {clash}"
    heading = next(source(c) for c in nb["cells"] if source(c).startswith("## 연습문제"))
    assert _editions.ANSWERS_NOTE in heading, "the standard sentence on where the answers are"
    assert not any("answer" in c["metadata"].get("tags", []) for c in nb["cells"]), (
        "model answers live in <details>, not in executed cells"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_collapsed_cells_show_only_a_comment(path):
    # JupyterLab shows the first line of a collapsed cell
    for index, cell in enumerate(cells(path)):
        if cell["metadata"].get("jupyter", {}).get("source_hidden"):
            lines = [line for line in source(cell).splitlines() if line.strip()]
            assert lines and lines[0].lstrip().startswith("#"), f"cell {index}: {lines[:1]}"


def test_navigation_and_index_are_fresh():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_nav.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "run `python tools/build_nav.py`:\n" + result.stdout


def test_environment_yml_only_installs_requirements():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    dependencies = text.split("dependencies:", 1)[1]
    entries = [line.strip() for line in dependencies.splitlines() if line.strip().startswith("- ")]
    names = [e[2:].split("=")[0].split(">")[0].strip() for e in entries]
    assert names == ["python", "pip", "pip:", "-r requirements.txt"], entries


def test_requirements_use_ranges_and_install_the_package():
    lines = [
        line.split("#")[0].strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    ]
    lines = [line for line in lines if line]
    assert "-e ." in lines
    for line in lines:
        if line != "-e ." and not line.startswith("./"):  # ./: a package in this repository
            assert "==" not in line and re.search(r"~=|>=", line), line
    needed = {
        "numpy",
        "matplotlib",
        "seaborn",
        "plotly",
        "jupyterlab",
        "ipywidgets",
        "nbclient",
        "pytest",
        "pytest-xdist",
    }
    assert needed <= {re.split(r"[~<>=]", line)[0] for line in lines}


def test_readme_has_the_two_commands_ci_runs():
    commands = re.findall(r"```bash\n(.*?)```", README, re.S)
    quickstart = [c.strip() for c in commands[:2]]
    assert (
        quickstart[0].startswith("pip install -r requirements.txt")
        and "jupyter lab" in quickstart[0]
    )
    assert quickstart[1].startswith("pip install -r requirements.txt")
    test_command = quickstart[1].split("&&", 1)[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci, f"CI must run the README's test command: {test_command}"


def test_build_nav_is_idempotent_and_repairs_a_stale_notebook(tmp_path, monkeypatch):
    import importlib.util
    import shutil

    spec = importlib.util.spec_from_file_location("build_nav", ROOT / "tools" / "build_nav.py")
    build_nav = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_nav)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    monkeypatch.setattr(build_nav, "NOTEBOOKS", tmp_path / "notebooks")
    monkeypatch.setattr(build_nav, "README", tmp_path / "README.md")
    monkeypatch.setattr(build_nav, "ROOT", tmp_path)

    assert build_nav.build(check=True) == []
    # break one notebook's navigation and the README table; one build repairs both
    first = tmp_path / "notebooks" / "01_derivatives.ipynb"
    nb = json.loads(first.read_text(encoding="utf-8"))
    nb["cells"][-1]["source"] = ["stale\n"]
    first.write_text(json.dumps(nb), encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("| 01 |", "| 1 |"), encoding="utf-8"
    )
    assert set(build_nav.build(check=True)) == {first, readme}
    assert set(build_nav.build()) == {first, readme}
    assert build_nav.build() == []  # a second run changes nothing
    assert "[목차](00_index.ipynb)" in "".join(
        json.loads(first.read_text(encoding="utf-8"))["cells"][-1]["source"]
    )


def test_package_dependencies_are_the_same_lines_as_requirements():
    # (no tomllib: it needs Python 3.11, the course supports 3.10)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies = \[(.*?)^\]", pyproject, re.S | re.M).group(1)
    declared = set(re.findall(r'"([^"]+)"', block))
    requirements = {
        line.split("#")[0].strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    }
    assert declared and declared <= requirements


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_checks_sit_out_of_the_reading_path(path):
    # CONTRIBUTING.md: a cell that verifies the prose is tagged "check", collapsed, and
    # says on its first line what it checks; no assert stands in a teaching cell.
    for index, cell in enumerate(cells(path)):
        if cell["cell_type"] != "code":
            continue
        text = source(cell)
        is_check = "check" in cell["metadata"].get("tags", [])
        if re.search(r"^\s*assert\b", text, re.M):
            assert is_check, f"cell {index}: assert outside a check cell: {text[:80]!r}"
        if is_check:
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, (
                f"cell {index}: a check cell is collapsed"
            )
            assert text.lstrip().startswith("# 확인:"), f"cell {index}: starts with '# 확인: …'"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_slides_follow_the_headings(path):
    # build_nav.py writes them; this says what they mean
    for index, cell in enumerate(cells(path)):
        kind = cell["metadata"].get("slideshow", {}).get("slide_type")
        first = source(cell).lstrip().split("\n", 1)[0]
        tags = cell["metadata"].get("tags", [])
        if "check" in tags or "navigation" in tags:
            assert kind == "skip", index
        elif cell["cell_type"] == "markdown" and first.startswith(("# ", "## ")):
            assert kind == "slide", index
        elif cell["cell_type"] == "markdown" and first.startswith("### "):
            assert kind == "subslide", index
        else:
            assert kind == "-", index


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_plotly_figures_are_shown_with_cu_plots_show(path):
    for index, cell in enumerate(cells(path)):
        if cell["cell_type"] == "code":
            assert not re.search(r"\.show\(\s*\)", source(cell)), (
                f"cell {index}: use cu.plots.show(fig)"
            )
