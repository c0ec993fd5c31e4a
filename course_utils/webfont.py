"""The course's web font in the browser: its name, and plotly figures that use it.

JupyterLab draws text with the browser's fonts, not matplotlib's, so on a machine without
a Korean font Hangul would be boxes. The small JupyterLab extension in
``jupyterlab-course-font/`` (installed by ``requirements.txt``) gives the browser a
subset of the bundled NanumGothic under the name ``CourseGothic`` (the font licence
reserves the name "Nanum" for the original; see ``course_utils/fonts/FONTLOG.md``) and
makes JupyterLab's text use it.

Plotly writes its layout's font family into each SVG text element, so plotly figures
need that family too, through a template (:func:`apply_to_plotly`). Building a template
imports plotly's figure classes, which costs 0.5-1 s in a Jupyter kernel, so
``cu.setup()`` does not do it in the ten notebooks that never use plotly: it calls
:func:`use_in_plotly`, which applies the template at once only if plotly is already
loaded, and otherwise right after the first cell that loads it. The course's plotly
helpers (``cu.plots.surface_3d`` and the others) apply it before they draw.
"""

from __future__ import annotations

import sys

FAMILY = "CourseGothic"
# The course font first, then the original (in an environment that has it installed,
# e.g. a static image export), then plotly's own default list.
PLOTLY_FONT_FAMILY = f'{FAMILY}, NanumGothic, "Open Sans", verdana, arial, sans-serif'
TEMPLATE = "course_font"
# What a cell must have loaded before a plotly figure can exist (plotly.express loads
# the second).
PLOTLY_FIGURES = ("plotly.graph_objects", "plotly.graph_objs")

_waiting = None  # the IPython callback of use_in_plotly, while plotly is not loaded


def apply_to_plotly():
    """Add a template naming the course font to plotly's default template.

    The template holds only ``layout.font.family`` and is stacked on the current default
    (``"plotly"`` becomes ``"plotly+course_font"``; a student's ``"plotly_dark"`` becomes
    ``"plotly_dark+course_font"``), so figures look as before except that their text,
    Hangul included, is drawn with the course web font. Cheap when already applied.

    Returns
    -------
    str or plotly.graph_objects.layout.Template or None
        plotly's default template now, or None if plotly is not installed.
    """
    try:
        import plotly.io as pio
    except ImportError:
        return None
    if TEMPLATE not in pio.templates:
        from plotly.graph_objects import layout

        font = {"family": PLOTLY_FONT_FAMILY}
        pio.templates[TEMPLATE] = layout.Template(layout={"font": font})
    current = pio.templates.default
    if current is None or current == "":
        pio.templates.default = TEMPLATE
    elif isinstance(current, str):
        if TEMPLATE not in current.split("+"):
            pio.templates.default = f"{current}+{TEMPLATE}"
    else:  # a Template object set by the user
        pio.templates.default = pio.templates.merge_templates(current, pio.templates[TEMPLATE])
    return pio.templates.default


def use_in_plotly():
    """Apply :func:`apply_to_plotly` now if plotly is loaded, else once a cell loads it.

    In IPython a one-shot ``post_run_cell`` callback checks after each cell whether
    plotly's figure classes have been imported (a dictionary look-up) and then applies
    the template, so figures from the next cell on name the course font. Calling this
    again replaces the waiting callback instead of adding another.

    Returns
    -------
    bool
        True if the template was applied now, False if it is deferred (or plotly is
        not installed, or there is no IPython to wait in).
    """
    global _waiting
    if _plotly_loaded():
        return apply_to_plotly() is not None
    shell = _ipython()
    if shell is None:
        return False
    if _waiting is not None:
        _stop_waiting(shell)

    def apply_once_plotly_is_loaded(result=None):
        if _plotly_loaded():
            _stop_waiting(shell)
            apply_to_plotly()

    _waiting = apply_once_plotly_is_loaded
    shell.events.register("post_run_cell", apply_once_plotly_is_loaded)
    return False


def _plotly_loaded():
    return any(name in sys.modules for name in PLOTLY_FIGURES)


def _stop_waiting(shell):
    global _waiting
    if _waiting in shell.events.callbacks["post_run_cell"]:
        shell.events.unregister("post_run_cell", _waiting)
    _waiting = None


def _ipython():
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    return get_ipython()
