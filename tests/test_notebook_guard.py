"""The notebook run really fails on stderr: a missing Hangul glyph or an overflow
warning in a cell fails pytest (guards conftest.py and the kernel's backend)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def code_cell(source):
    return {"cell_type": "code", "id": f"guard-{abs(hash(source)) % 10**8}", "metadata": {},
            "execution_count": None, "outputs": [], "source": source}


def test_cells_writing_to_stderr_fail(tmp_path):
    folder = ROOT / "tests" / "_guard_tmp"
    folder.mkdir(exist_ok=True)
    notebook = {
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
        "cells": [
            code_cell("import matplotlib.pyplot as plt\nimport numpy as np\nprint('clean')"),
            # no cu.setup(): DejaVu Sans has no Hangul, the figure must be rendered to notice
            code_cell("fig, ax = plt.subplots()\nax.set_title('한글')"),
            code_cell("np.exp(np.array([1000.0]))"),
        ],
    }
    path = folder / "guard.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    try:
        env = {**os.environ, "MPLBACKEND": "Agg"}  # as CI sets it
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(path)],
            cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
        )
    finally:
        shutil.rmtree(folder)
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 1, result.stdout
    assert "2 failed, 1 passed" in summary, result.stdout
    assert "missing from font" in result.stdout and "overflow" in result.stdout
