"""Explorers leave a picture in saved outputs (Explorer._repr_mimebundle_): a reopened,
converted or static copy shows the last state and says how to bring the sliders back."""

import base64
import io

import PIL.Image
import pytest

import course_utils as cu
from course_utils import widgets

pytestmark = pytest.mark.usefixtures("course_style")


def test_bundle_has_the_widget_a_picture_and_the_hint():
    explorer = cu.widgets.gd_explorer()
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == widgets.RERUN_HINT and "다시 실행" in widgets.RERUN_HINT
    picture = PIL.Image.open(io.BytesIO(base64.b64decode(bundle["image/png"])))
    live = PIL.Image.open(io.BytesIO(explorer.image.value))
    # the live image plus a caption band underneath
    assert picture.width == live.width and picture.height > live.height


def test_the_picture_follows_the_sliders():
    explorer = cu.widgets.gd_explorer()
    first = explorer._repr_mimebundle_()["image/png"]
    explorer.update(lr=0.9)
    assert explorer._repr_mimebundle_()["image/png"] != first


def test_explorers_grow_in_talk_mode():
    cu.setup()
    paper = PIL.Image.open(io.BytesIO(cu.widgets.gd_explorer().image.value)).width
    cu.setup("talk")
    talk = PIL.Image.open(io.BytesIO(cu.widgets.gd_explorer().image.value)).width
    cu.setup()
    assert talk == pytest.approx(1.875 * paper, rel=0.02)
