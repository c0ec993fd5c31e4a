"""The course's web font in the browser: its name, and plotly figures that use it.

JupyterLab draws text with the browser's fonts, not matplotlib's, so on a machine without
a Korean font Hangul would be boxes. The small JupyterLab extension in
``jupyterlab-course-font/`` (installed by ``requirements.txt``) gives the browser a
subset of the bundled NanumGothic under the name ``CourseGothic`` (the font licence
reserves the name "Nanum" for the original; see ``course_utils/fonts/FONTLOG.md``) and
makes JupyterLab's text use it.

Plotly writes its layout's font family into each SVG text element, so plotly figures
need that family too: :func:`use_in_plotly` (called by ``cu.setup()``) makes it plotly's
default through a template.
"""

from __future__ import annotations

FAMILY = "CourseGothic"
# The course font first, then the original (in an environment that has it installed,
# e.g. a static image export), then plotly's own default list.
PLOTLY_FONT_FAMILY = f'{FAMILY}, NanumGothic, "Open Sans", verdana, arial, sans-serif'
TEMPLATE = "course_font"


def use_in_plotly():
    """Register a plotly template naming the course font and make it the default.

    The template holds only ``layout.font.family`` and is stacked on plotly's default
    look (``"plotly+course_font"``), so figures look as before except that their text,
    Hangul included, is drawn with the course web font in JupyterLab. Costs about 0.1 s
    (plotly's import and its default template), paid anyway by a notebook's first
    plotly figure.

    Returns
    -------
    str or None
        The default template now in use, or None if plotly is not installed.
    """
    try:
        import plotly.io as pio
    except ImportError:
        return None
    from plotly.graph_objects import layout

    pio.templates[TEMPLATE] = layout.Template(layout={"font": {"family": PLOTLY_FONT_FAMILY}})
    pio.templates.default = f"plotly+{TEMPLATE}"
    return pio.templates.default
