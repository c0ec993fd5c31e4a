"""cu.plots.show: the plotly notebook bundle, without importing nbformat."""

import subprocess
import sys

import pytest


def test_show_displays_the_plotly_bundle_without_nbformat():
    code = (
        "import sys\n"
        "from unittest import mock\n"
        "import plotly.graph_objects as go\n"
        "import course_utils as cu\n"
        "fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout={'title': {'text': '한글'}})\n"
        "shown = []\n"
        "with mock.patch('IPython.display.display', lambda b, raw: shown.append(b)):\n"
        "    cu.plots.show(fig)\n"
        "bundle = shown[0]['application/vnd.plotly.v1+json']\n"
        "assert bundle['data'][0]['y'] == [3, 4] and bundle['layout']['title']['text'] == '한글'\n"
        "assert 'nbformat' not in sys.modules and 'jsonschema' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_show_refuses_a_matplotlib_figure():
    import matplotlib.figure

    import course_utils as cu

    with pytest.raises(ValueError, match="`fig`"):
        cu.plots.show(matplotlib.figure.Figure())
