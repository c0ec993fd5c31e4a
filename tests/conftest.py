"""Shared test set-up. Unit tests draw off-screen, whatever the machine's default
backend; tests that draw use the ``course_style`` fixture."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import course_utils as cu  # noqa: E402


@pytest.fixture
def course_style():
    """The course style (Korean font) for one test, and no figure left open after it."""
    cu.setup()
    yield
    plt.close("all")


@pytest.fixture(autouse=True)
def small_explorer_pictures(request, monkeypatch):
    """Explorers render at 30 dpi in tests that do not time a redraw.

    Every artist is still drawn and every text laid out (a missing glyph still warns);
    a test whose name says ``fast`` measures the real picture, at the real resolution.
    """
    if "fast" not in request.node.name:
        monkeypatch.setattr(cu.widgets, "RENDER_DPI", 30)
