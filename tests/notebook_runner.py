"""Run a small synthetic notebook exactly as the test command runs a course notebook:
collected by the project's ``conftest.py`` and executed on this worker's kernel."""

import itertools
import json
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CELL_IDS = itertools.count()  # nbformat refuses a notebook with two equal cell ids


def code_cell(source, tags=()):
    return {
        "cell_type": "code",
        "id": f"cell-{next(CELL_IDS)}",
        "metadata": {"tags": list(tags)},
        "execution_count": None,
        "outputs": [],
        "source": source,
    }


def markdown_cell(source):
    return {
        "cell_type": "markdown",
        "id": f"cell-{next(CELL_IDS)}",
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


def run_notebook_item(request, path):
    """Collect ``path`` with the project's hook and run it, as ``pytest path`` would.

    In this process, so the notebook runs on this worker's kernel like any other.
    Returns the failure message, or None if the notebook passed.
    """
    (project_hooks,) = [
        plugin
        for plugin in request.config.pluginmanager.get_plugins()
        if getattr(plugin, "__file__", None) == str(ROOT / "conftest.py")
    ]
    collector = project_hooks.pytest_collect_file(parent=request.session, file_path=path)
    (item,) = collector.collect()
    try:
        item.runtest()
    except Exception as error:
        return item.repr_failure(pytest.ExceptionInfo.from_exception(error))
    return None


@contextmanager
def notebook_folder():
    """A folder inside the repository (so the project's hook applies), removed after."""
    folder = ROOT / "tests" / f"_notebooks_tmp_{os.getpid()}"
    folder.mkdir(exist_ok=True)
    try:
        yield folder
    finally:
        for item in folder.iterdir():
            item.unlink()
        folder.rmdir()


def run_cells(request, cells, name="synthetic"):
    """Write ``cells`` as a notebook and run it; the failure message, or None."""
    with notebook_folder() as folder:
        return run_notebook_item(request, write_notebook(folder / f"{name}.ipynb", cells))
