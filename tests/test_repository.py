"""The repository's promises: clean notebooks of one shape, fresh navigation,
one source of truth for dependencies, and a README whose commands CI runs."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
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
    assert md[0].startswith(f"# {path.name[:2]}. "), "first cell: '# NN. title'"
    headings = [line for text in md for line in text.splitlines() if line.startswith("## ")]
    assert "## 학습 목표" in headings
    if path.name != "00_index.ipynb":
        assert headings.index("## 요약") < headings.index("## 연습문제")
    assert "import course_utils as cu" in code[0] and "cu.setup(" in code[0]
    for text in code:
        assert "sys.path" not in text and not re.search(r"import \*", text)
    assert "navigation" in nb["cells"][-1]["metadata"].get("tags", [])


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name != "00_index.ipynb"],
                         ids=lambda p: p.name)
def test_exercises_are_self_checked_with_hidden_strict_answers(path):
    all_cells = cells(path)
    start = next(i for i, c in enumerate(all_cells)
                 if c["cell_type"] == "markdown" and "## 연습문제" in source(c))
    exercise_cells = all_cells[start:]
    student = [c for c in exercise_cells if c["cell_type"] == "code"
               and "answer" not in c["metadata"].get("tags", [])]
    answers = [c for c in exercise_cells if "answer" in c["metadata"].get("tags", [])]
    assert len(answers) >= 2, "at least two exercises with model answers"
    assert len(student) >= len(answers)
    for cell in student:
        assert "cu.check_" in source(cell)
    for cell in answers:
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True
        assert "strict=True" in source(cell) and "cu.check_" in source(cell)
    details = [c for c in exercise_cells if c["cell_type"] == "markdown"
               and "<details>" in source(c)]
    assert len(details) >= len(answers)


def test_navigation_and_index_are_fresh():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_nav.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, "run `python tools/build_nav.py`:\n" + result.stdout


def test_environment_yml_only_installs_requirements():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    dependencies = text.split("dependencies:", 1)[1]
    entries = [line.strip() for line in dependencies.splitlines()
               if line.strip().startswith("- ")]
    names = [e[2:].split("=")[0].split(">")[0].strip() for e in entries]
    assert names == ["python", "pip", "pip:", "-r requirements.txt"], entries


def test_requirements_use_ranges_and_install_the_package():
    lines = [line.split("#")[0].strip() for line in
             (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    assert "-e ." in lines
    for line in lines:
        if line != "-e .":
            assert "==" not in line and re.search(r"~=|>=", line), line
    needed = {"numpy", "matplotlib", "seaborn", "plotly", "jupyterlab", "ipywidgets", "nbval",
              "pytest"}
    assert needed <= {re.split(r"[~<>=]", line)[0] for line in lines}


def test_readme_has_the_two_commands_ci_runs():
    commands = re.findall(r"```bash\n(.*?)```", README, re.S)
    quickstart = [c.strip() for c in commands[:2]]
    assert quickstart[0].startswith("pip install -r requirements.txt") and "jupyter lab" in quickstart[0]
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
    readme.write_text(readme.read_text(encoding="utf-8").replace("| 01 |", "| 1 |"),
                      encoding="utf-8")
    assert set(build_nav.build(check=True)) == {first, readme}
    assert set(build_nav.build()) == {first, readme}
    assert build_nav.build() == []  # a second run changes nothing
    assert "[목차](00_index.ipynb)" in "".join(
        json.loads(first.read_text(encoding="utf-8"))["cells"][-1]["source"])


def test_package_dependencies_are_the_same_lines_as_requirements():
    # (no tomllib: it needs Python 3.11, the course supports 3.10)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies = \[(.*?)^\]", pyproject, re.S | re.M).group(1)
    declared = set(re.findall(r'"([^"]+)"', block))
    requirements = {line.split("#")[0].strip() for line in
                    (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()}
    assert declared and declared <= requirements
