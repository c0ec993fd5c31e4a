"""The course's plotting style, with a bundled Korean font.

The lecture sets ``plt.rc("font", family="Malgun Gothic")``, a font that exists
only on Windows, and turns ``axes.unicode_minus`` off to hide the missing minus
glyph. Here NanumGothic ships inside the package (SIL Open Font License 1.1,
``fonts/OFL.txt``), so every figure renders the same on Linux, macOS and
Windows. Matplotlib's font fallback takes Latin letters, digits and the real
minus sign (U+2212) from DejaVu Sans and Hangul from NanumGothic.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import _validate, webfont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
KOREAN_FONT = "NanumGothic"
FONT_FAMILY = ["DejaVu Sans", KOREAN_FONT]
CONTEXTS = ("paper", "notebook", "talk", "poster")
# Seaborn's font scales relative to "paper" (0.8, 1, 1.5, 2 → ×1, ×1.25, ×1.875, ×2.5),
# applied to the whole figure instead of the fonts alone.
DISPLAY_SCALE = {"paper": 1.0, "notebook": 1.25, "talk": 1.875, "poster": 2.5}
BASE_DPI = 100


def register_fonts():
    """Add the bundled fonts to matplotlib's font manager (once per process).

    NanumGothic Bold declares weight class 600 in its OS/2 table although its
    style name is "Bold"; it is registered as weight 700 so that ``bold`` text
    finds it exactly instead of logging a weight-fallback warning.

    Returns
    -------
    list of str
        The family names now available from the bundled files.
    """
    import dataclasses

    from matplotlib import font_manager

    manager = font_manager.fontManager
    known = {Path(entry.fname).resolve() for entry in manager.ttflist}
    names = set()
    for path in sorted(FONT_DIR.glob("*.ttf")):
        if path.resolve() not in known:
            manager.addfont(str(path))
            entry = manager.ttflist[-1]
            if path.stem.endswith("Bold") and entry.weight != 700:
                manager.ttflist[-1] = dataclasses.replace(entry, weight=700)
        names.add(font_manager.FontProperties(fname=str(path)).get_name())
    return sorted(names)


_registered_with = None  # the font manager the bundled fonts were added to


def use_korean_fallback():
    """Let Hangul render in any figure, with or without :func:`setup` (cheap to repeat).

    Registers the bundled fonts (once per font manager) and appends
    NanumGothic to ``rcParams["font.family"]`` if it is not there, so
    matplotlib's per-glyph fallback takes Hangul from it while every glyph
    the user's fonts have still comes from them: the style is not otherwise
    changed. The plot helpers and explorers call this before they create text.

    Returns
    -------
    None
    """
    global _registered_with
    import matplotlib as mpl
    from matplotlib import font_manager

    if _registered_with is not font_manager.fontManager:
        register_fonts()
        _registered_with = font_manager.fontManager
    family = mpl.rcParams["font.family"]
    family = [family] if isinstance(family, str) else list(family)
    if KOREAN_FONT not in family:
        mpl.rcParams["font.family"] = [*family, KOREAN_FONT]


# The test command renders notebook figures small and once ("fast", set by conftest.py):
# every artist is still drawn and every text laid out, so a missing glyph or any other
# drawing warning shows all the same, for less work. Nobody looks at those pictures.
FIGURE_FORMAT_VARIABLE = "COURSE_FIGURE_FORMAT"
FAST_DPI = 30


def _use_retina_png():
    """Ask the inline backend for 2x PNGs (the lecture's ``"png2x"``), if in IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    if get_ipython() is None:
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    figure_format = _validate.choice(
        FIGURE_FORMAT_VARIABLE,
        os.environ.get(FIGURE_FORMAT_VARIABLE, "retina"),
        ("retina", "png", "fast"),
    )
    if figure_format == "fast":
        # drawn once (bbox_inches="tight" draws every figure twice to measure it), at
        # under a third of the pixels of 1x
        set_matplotlib_formats("png", bbox_inches=None, dpi=FAST_DPI)
    else:
        set_matplotlib_formats(figure_format)


def _draw_inline_figures_once():
    """Stop the inline backend from drawing every pyplot figure twice, if in IPython.

    After each cell IPython runs pyplot's ``_draw_all_if_interactive`` and then the
    inline backend's ``flush_figures``, in that order. The first renders every new
    figure on an Agg canvas nobody sees; the second renders it again into the PNG
    and closes it. Running ``flush_figures`` first leaves nothing for the redraw,
    so each figure cell costs one draw, not two. Both callbacks stay registered
    (``plt.ioff()`` unregisters the first one), only their order changes.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    mpl.get_backend()  # resolving the backend registers both callbacks
    redraw = getattr(plt, "_draw_all_if_interactive", None)
    callbacks = shell.events.callbacks.get("post_execute", [])
    flush = [callback for callback in callbacks if callback.__name__ == "flush_figures"]
    if redraw in callbacks and flush and callbacks.index(redraw) < callbacks.index(flush[0]):
        shell.events.unregister("post_execute", redraw)
        shell.events.register("post_execute", redraw)


def setup(context="paper"):
    """Apply the course style: the lecture's style cell plus a Korean font.

    Safe to call again at any time; a second call also restores the Korean font
    after a user's own ``sns.set_theme()`` replaced it.

    Parameters
    ----------
    context : {"paper", "notebook", "talk", "poster"}, default "paper"
        How large figures appear. ``"paper"`` is the lecture's setting;
        ``"talk"`` (×1.875) and ``"poster"`` (×2.5) enlarge the whole figure —
        text, lines and size together, through the display resolution — so
        text is large enough for a projector while legends and labels keep
        the same place relative to the data as in ``"paper"`` (growing only
        the fonts, as seaborn's contexts do, made legends cover the data).

    Returns
    -------
    None
    """
    _validate.choice("context", context, CONTEXTS)

    import matplotlib as mpl
    import seaborn as sns

    register_fonts()
    _use_retina_png()
    _draw_inline_figures_once()
    mpl.style.use("default")
    sns.set_theme(context="paper", style="whitegrid", palette="Set2")
    mpl.rcParams.update(
        {
            "figure.constrained_layout.use": True,
            "font.family": FONT_FAMILY,
            "axes.unicode_minus": True,
            "figure.dpi": BASE_DPI * DISPLAY_SCALE[context],
        }
    )
    webfont.use_in_plotly()  # plotly's text in the course's web font, Hangul included
