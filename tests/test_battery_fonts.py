"""Hangul renders in plot helpers and explorers without cu.setup(), with no glyph warning.

Each check runs in a fresh interpreter (no cu.setup(), nothing registered yet)
with warnings as errors, and actually draws the figures.
"""

import subprocess
import sys
import textwrap

HEADER = """
import io, warnings
warnings.simplefilter("error")
import matplotlib
matplotlib.use("Agg")
import matplotlib as mpl
import matplotlib.pyplot as plt
"""


def run(code):
    return subprocess.run(
        [sys.executable, "-c", HEADER + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_plain_matplotlib_without_the_font_warns():
    # the control: this is the failure the helpers must avoid, and the check detects it
    result = run("""
        fig, ax = plt.subplots()
        ax.set_title("학습률")
        fig.savefig(io.BytesIO(), format="png")
    """)
    assert result.returncode != 0 and "missing from font" in result.stderr


def test_helpers_and_explorers_render_hangul_without_setup():
    result = run("""
        import numpy as np
        import course_utils as cu
        before = dict(mpl.rcParams)
        f = cu.functions.ROSENBROCK
        path = cu.optimize(f.gradient, [-1.2, 1.0], cu.Adam(lr=0.05), 50)
        axes = cu.plots.plot_paths_and_losses(f, {"아담": path})
        axes[0].set_title("사용자가 붙인 한글 제목")
        axes[0].figure.savefig(io.BytesIO(), format="png")
        for explorer in (cu.widgets.gd_explorer(), cu.widgets.secant_explorer(),
                         cu.widgets.basin_explorer(resolution=(24, 16), n_iter=20),
                         cu.widgets.momentum_explorer(steps=20)):
            assert explorer.image.value[1:4] == b"PNG"  # drawn on creation
        changed = {k for k in before if mpl.rcParams[k] != before[k]}
        assert changed == {"font.family"}, changed
        assert mpl.rcParams["font.family"] == ["sans-serif", "NanumGothic"]
        # a style applied later is honoured, and the next helper restores the fallback only
        mpl.style.use("ggplot")
        ax = cu.plots.plot_curve(cu.functions.QUADRATIC)
        ax.set_xlabel("시작점 x₀")
        ax.figure.savefig(io.BytesIO(), format="png")
        assert mpl.rcParams["axes.facecolor"] == "#E5E5E5"
        print("drawn")
    """)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "drawn" and result.stderr == ""
