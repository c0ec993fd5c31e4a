"""ruff (lint and format, configured in pyproject.toml) over the package, the tests,
the tools and the notebooks' code cells: a new lint error fails the test command."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ["course_utils", "tests", "tools", "conftest.py", "notebooks"]


def ruff(*args):
    executable = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    return subprocess.run([executable, *args, *TARGETS], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check():
    result = ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format():
    result = ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, "run `ruff format`:\n" + result.stdout + result.stderr
