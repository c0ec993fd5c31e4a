"""Project-wide pytest hooks.

nbval (run with --nbval-lax) fails a notebook cell only when it raises. The
course also forbids any text on stderr (a missing-glyph warning, an overflow
RuntimeWarning, a DeprecationWarning): this hook turns it into a failure.
"""

import os

import pytest


def pytest_configure(config):
    # Notebook kernels inherit this process's environment. With MPLBACKEND=Agg
    # (headless CI) a kernel would never render its figures, so a missing glyph
    # could never show up; the inline backend is just as headless and renders
    # every figure to PNG, as JupyterLab does.
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"


def stderr_text(outputs):
    """The text a cell wrote to stderr, from nbval's collected outputs."""
    return "".join(
        output.get("text", "")
        for output in outputs or ()
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    written = stderr_text(getattr(item, "test_outputs", None))
    if written.strip():
        pytest.fail(f"셀이 stderr에 출력했습니다 (경고 금지):\n{written}", pytrace=False)
    return result
