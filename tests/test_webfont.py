"""The course web font in JupyterLab: installed, wired up, renamed, complete.

Whether a browser really draws Hangul with it is checked by the maintainer script
``tools/browser_check.py`` (headless Chromium); these tests check everything it relies
on, without a browser.
"""

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

import course_utils as cu
from course_utils import webfont

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jupyterlab-course-font"
EXTENSION = PACKAGE / "labextension"
NAME = "jupyterlab-course-font"
INSTALLED = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / NAME
CSS = (EXTENSION / "static" / "course-font.css").read_text(encoding="utf-8")
HANGUL_SYLLABLES = range(0xAC00, 0xD7A4)


def load_build_webfont():
    spec = importlib.util.spec_from_file_location(
        "build_webfont", ROOT / "tools" / "build_webfont.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_webfont = load_build_webfont()
FONT_FILES = sorted((EXTENSION / "static").glob("*.woff2"))


@pytest.fixture(scope="module")
def fonts():
    """Each committed face's code points and name records."""
    faces = {}
    for path in FONT_FILES:
        with TTFont(path) as font:
            names = [(r.nameID, r.toUnicode()) for r in font["name"].names]
            faces[path.name] = {"cmap": set(font.getBestCmap()), "names": names}
    return faces


def notebook_characters():
    """Every character of every notebook's markdown and code cells."""
    chars = set()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            chars.update("".join(cell["source"]))
    return {ch for ch in chars if ch.isprintable()}


def test_requirements_install_the_extension_as_a_regular_package():
    lines = [
        line.split("#")[0].strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    ]
    # pip installs data files (share/jupyter/...) only in a regular, not an editable, install
    assert f"./{NAME}" in lines and f"-e ./{NAME}" not in lines


def test_extension_is_installed_in_this_environment_as_in_the_repository():
    assert (INSTALLED / "package.json").exists(), "run `pip install -r requirements.txt`"
    for source in sorted(EXTENSION.rglob("*")):
        if source.is_file():
            installed = INSTALLED / source.relative_to(EXTENSION)
            assert installed.exists() and installed.read_bytes() == source.read_bytes(), (
                f"{installed} is not the repository's {source.name}: "
                "run `pip install -r requirements.txt`"
            )


def test_jupyterlab_lists_it_as_a_prebuilt_extension_with_a_style():
    from jupyter_core.paths import jupyter_path
    from jupyterlab_server.config import get_federated_extensions

    found = get_federated_extensions(jupyter_path("labextensions"))
    assert NAME in found
    build = found[NAME]["jupyterlab"]["_build"]
    assert build["style"] == "./style"
    assert (Path(found[NAME]["ext_path"]) / build["load"]).is_file()


@pytest.mark.skipif(shutil.which("node") is None, reason="node.js runs the extension's script")
def test_remote_entry_is_a_federated_container_that_adds_the_stylesheet():
    # The contract JupyterLab's bootstrap.js and index.js use: after the script runs,
    # window._JUPYTERLAB[name].init(scope), then get("./style") resolves to a factory
    # whose call adds course-font.css; an unknown module is refused.
    script = (EXTENSION / "static" / "remoteEntry.js").read_text(encoding="utf-8")
    harness = """
    const added = [];
    global.window = {};
    global.document = {
      currentScript: {src: 'http://127.0.0.1:1/lab/extensions/jupyterlab-course-font/static/remoteEntry.js'},
      querySelector: () => added.find(Boolean) || null,
      createElement: () => ({setAttribute(k, v) { this[k] = v; }}),
      head: {appendChild: el => added.push(el)},
      fonts: {load: () => Promise.resolve([])},
    };
    eval(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const container = window._JUPYTERLAB['jupyterlab-course-font'];
      await container.init({});
      const factory = await container.get('./style');
      const instance = factory();
      instance.__scope__ = 'jupyterlab-course-font';  // as createModule does
      factory();  // a second call adds nothing
      let refused = false;
      await container.get('./extension').catch(() => { refused = true; });
      console.log(JSON.stringify({links: added.map(el => [el.rel, el.href]), refused}));
    })();
    """
    result = subprocess.run(
        ["node", "-e", harness],
        input=script,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    report = json.loads(result.stdout)
    css_url = "http://127.0.0.1:1/lab/extensions/jupyterlab-course-font/static/course-font.css"
    assert report == {"links": [["stylesheet", css_url]], "refused": True}


def test_css_declares_the_font_files_that_exist():
    faces = re.findall(r"@font-face\s*{(.*?)}", CSS, re.S)
    assert len(faces) == 2
    referenced = set()
    for face in faces:
        assert f'font-family: "{webfont.FAMILY}"' in face
        (url,) = re.findall(r'url\("([^"]+)"\)', face)
        assert (EXTENSION / "static" / url).is_file()
        referenced.add(url)
    assert referenced == {path.name for path in FONT_FILES}
    assert {re.search(r"font-weight: (\d+)", face).group(1) for face in faces} == {"400", "700"}


def test_css_puts_the_font_into_jupyterlabs_three_font_lists():
    variables = dict(re.findall(r"(--jp-[\w-]+-font-family(?:-default)?):\s*([^;]+);", CSS))
    for name in (
        "--jp-ui-font-family",
        "--jp-content-font-family",
        "--jp-code-font-family-default",
    ):
        families = [f.strip().strip('"') for f in variables[name].split(",")]
        assert webfont.FAMILY in families, name
        # Latin first (a monospace font for code), the generic family after the course font
        generic = "monospace" if "code" in name else "sans-serif"
        assert 0 < families.index(webfont.FAMILY) < families.index(generic), name
    assert "DejaVu Sans Mono" in variables["--jp-code-font-family-default"]
    assert variables["--jp-code-font-family"].strip() == "var(--jp-code-font-family-default)"


def test_font_names_are_not_the_reserved_nanum(fonts):
    for name, font in fonts.items():
        names = font["names"]
        # family, unique ID, full, PostScript and typographic names, every platform and language
        naming = [text for name_id, text in names if name_id in (1, 3, 4, 6, 16, 17, 21)]
        reserved = [text for text in naming if "nanum" in text.lower() or "나눔" in text]
        assert naming and not reserved, (name, reserved)
        assert {text for name_id, text in names if name_id == 1} == {webfont.FAMILY}
        assert {text for name_id, text in names if name_id == 6} == {name.removesuffix(".woff2")}
        copyright_notices = [text for name_id, text in names if name_id == 0]
        assert copyright_notices and "NHN Corporation" in copyright_notices[0]  # kept


def test_licence_and_fontlog_go_with_the_fonts():
    for name in ("OFL.txt", "FONTLOG.md"):
        copy = (EXTENSION / "static" / name).read_bytes()
        assert copy == (ROOT / "course_utils" / "fonts" / name).read_bytes(), name
    licence = (EXTENSION / "static" / "OFL.txt").read_text(encoding="utf-8")
    assert "Reserved Font Name Nanum" in licence and "Version 1.1" in licence


def test_font_covers_hangul_and_every_character_of_the_notebooks(fonts):
    with TTFont(ROOT / "course_utils" / "fonts" / "NanumGothic.ttf", lazy=True) as source:
        nanum = set(source.getBestCmap())
    used = notebook_characters()
    for name, font in fonts.items():
        cmap = font["cmap"]
        assert set(HANGUL_SYLLABLES) <= cmap, name
        assert set(range(0x3131, 0x318F)) & nanum <= cmap  # compatibility jamo ㄱ…ㆎ
        assert set(range(0x20, 0x7F)) <= cmap
        absent = sorted(ch for ch in used if ord(ch) not in cmap and ord(ch) in nanum)
        assert not absent, f"{name} lacks {absent}: run `python tools/build_webfont.py`"
    # what no face can have (NanumGothic lacks it) must not be Hangul
    assert not [ch for ch in used if ord(ch) in HANGUL_SYLLABLES and ord(ch) not in nanum]


def test_committed_fonts_are_what_the_build_script_makes():
    assert build_webfont.check() == []
    assert build_webfont.FAMILY == webfont.FAMILY


def test_plotly_template_names_the_course_font_first_on_the_current_look():
    import plotly.graph_objects as go
    import plotly.io as pio

    before = pio.templates.default
    try:
        pio.templates.default = "plotly"
        assert webfont.apply_to_plotly() == f"plotly+{webfont.TEMPLATE}"
        assert webfont.apply_to_plotly() == f"plotly+{webfont.TEMPLATE}"  # applied once
        layout = go.Figure(layout_title_text="학습률 ε").layout.template.layout
        assert layout.font.family.split(",")[0].strip() == webfont.FAMILY
        assert layout.colorway == pio.templates["plotly"].layout.colorway  # plotly's look kept
        pio.templates.default = "plotly_dark"  # a student's own choice is kept too
        assert webfont.apply_to_plotly() == f"plotly_dark+{webfont.TEMPLATE}"
    finally:
        pio.templates.default = before


def test_setup_defers_the_template_until_a_cell_has_loaded_plotly():
    # In a fresh interpreter with IPython's real event manager: setup() must not import
    # plotly (0.5-1 s in a kernel), and the cell after the one that imports it gets the font.
    code = """
import sys
import IPython
from IPython.core.events import EventManager, available_events

class Shell:
    events = EventManager(None, available_events)

shell = Shell()
IPython.get_ipython = lambda: shell
from course_utils import webfont

callbacks = shell.events.callbacks["post_run_cell"]
assert webfont.use_in_plotly() is False and len(callbacks) == 1
assert webfont.use_in_plotly() is False and len(callbacks) == 1  # replaced, not added
shell.events.trigger("post_run_cell", None)  # a cell without plotly
assert "plotly" not in sys.modules and len(callbacks) == 1
import plotly.graph_objects as go  # a student's cell imports plotly
shell.events.trigger("post_run_cell", None)
assert callbacks == []
print(go.Figure().layout.template.layout.font.family)
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(",")[0] == webfont.FAMILY


def test_setup_asks_for_the_plotly_font(monkeypatch):
    calls = []
    monkeypatch.setattr(webfont, "use_in_plotly", lambda: calls.append(True))
    cu.setup()
    assert calls == [True]  # (which imports nothing: the test above)


def test_plot_helpers_apply_the_font_themselves():
    import plotly.io as pio

    from course_utils import functions

    before = pio.templates.default
    try:
        pio.templates.default = "plotly"
        fig = cu.plots.surface_3d(functions.LECTURE_SURFACE, n=5)
        assert fig.layout.template.layout.font.family == webfont.PLOTLY_FONT_FAMILY
    finally:
        pio.templates.default = before


def test_without_plotly_there_is_no_template(monkeypatch):
    monkeypatch.setitem(sys.modules, "plotly.io", None)  # `import plotly.io` now fails
    assert webfont.apply_to_plotly() is None
