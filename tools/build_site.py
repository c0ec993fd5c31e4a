"""Build the static, offline reading copy of the course.

    python tools/build_site.py            # writes site/ (ignored by git)
    python tools/build_site.py OUT        # writes OUT/

1. Every notebook is executed afresh (a new kernel each, as many at once as there
   are cores), as a student finds it: exercises unanswered, model answers folded
   in their ``<details>`` boxes.
2. Outputs are made static: a plotly figure becomes a ``<div>`` drawn by one
   ``plotly.min.js`` shared by the whole site (copied from the plotly package);
   an explorer shows the PNG of its initial state (``Explorer._repr_mimebundle_``)
   with a one-line note that the sliders move in JupyterLab; check cells (which
   verify the prose) are left out and helper cells' drawing code is folded.
3. Sphinx with myst-nb (notebooks as pages) and sphinx-book-theme (navigation
   sidebar, previous/next, full-text search) writes the HTML. Everything is
   local: math is rendered by MathJax 3 copied from the ``sphinx-mathjax-offline``
   package, and Hangul by the course web font (CourseGothic), so the site reads
   the same on a machine with no internet and no Korean font.

Why Sphinx + myst-nb + sphinx-book-theme: all three install from PyPI and build
offline; mystmd / Jupyter Book 2 download their theme at build time.
``tests/test_site.py`` checks a built site (run by CI after the build).
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PLOTLY_JSON = "application/vnd.plotly.v1+json"
EXPLORER_NOTE = (
    "이 그림은 탐색기의 처음 상태입니다. 슬라이더는 JupyterLab에서 이 셀을 실행하면 "
    "움직일 수 있습니다."
)
WIDGET_ONLY_NOTE = "이 위젯은 JupyterLab에서 셀을 실행하면 나타납니다."
PART_TWO_FROM = "13"  # notebooks 13– are part 2, "강의 너머"
# MathJax 3 pieces the pages use: the TeX → CommonHTML component, the extensions it
# loads on demand, and its fonts (the whole package is 24 MB; this is about 2 MB)
MATHJAX_PARTS = ("tex-chtml.js", "input/tex/extensions", "output/chtml/fonts/woff-v2")


def notebook_paths(only=None):
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]*_*.ipynb"))
    return [p for p in paths if not only or p.name.split("_")[0] in only]


def execute(path):
    """Run ``path`` in a fresh kernel; return the executed notebook (a dict) and seconds."""
    import nbformat
    from nbclient import NotebookClient

    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    # The test command runs notebooks with lighter figures (conftest.py); this run is the
    # one with every figure as students get it, so a warning here fails the build too.
    written = [
        f"셀 {index}: {''.join(output['text']).strip()[:300]}"
        for index, cell in enumerate(nb.cells)
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    ]
    if written:
        raise SystemExit(f"{path.name} wrote to stderr:\n" + "\n".join(written))
    return nbformat.from_dict(nb), time.perf_counter() - start


def plotly_html(figure):
    """A plotly figure's JSON as a div drawn by the site's shared plotly.js."""
    import plotly.io as pio

    return pio.to_html(
        figure,
        include_plotlyjs=False,
        full_html=False,
        validate=False,
        default_width="100%",
        default_height=figure.get("layout", {}).get("height", 480),
    )


def make_static(nb):
    """Rewrite outputs that need a live kernel into static HTML or pictures."""
    import nbformat

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.setdefault("tags", [])
        if "check" in tags:  # verification of the prose: out of the reading path here too
            tags.append("remove-cell")
        elif "helper" in tags:  # long drawing code, collapsed in JupyterLab: the figure stays
            tags.append("hide-input")
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if PLOTLY_JSON in data:
                data = {"text/html": plotly_html(data[PLOTLY_JSON])}
                output["data"] = data
            elif WIDGET_VIEW in data:
                if "image/png" in data:
                    output["data"] = {"image/png": data["image/png"]}
                    outputs.append(output)
                    note = EXPLORER_NOTE
                else:
                    note = WIDGET_ONLY_NOTE
                outputs.append(
                    nbformat.from_dict(
                        {
                            "output_type": "display_data",
                            "metadata": {},
                            "data": {
                                "text/html": f'<p class="explorer-note">{html.escape(note)}</p>'
                            },
                        }
                    )
                )
                continue
            outputs.append(output)
        cell["outputs"] = outputs
    # widget state is not saved: drop the metadata myst-nb would try to render
    nb.metadata.pop("widgets", None)
    return nb


def font_files():
    """The course web fonts (woff2, regular and bold) that the JupyterLab extension ships."""
    found = sorted(ROOT.glob("jupyterlab-course-font/**/*.woff2"))
    if not found:
        raise SystemExit("course web font not found under jupyterlab-course-font/")
    return found


def font_faces(files):
    return "\n".join(
        f'@font-face {{ font-family: "CourseGothic"; src: url("{f.name}") format("woff2"); '
        f"font-weight: {700 if 'Bold' in f.stem else 400}; font-display: swap; }}"
        for f in files
    )


def mathjax_dir():
    import importlib.util

    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None:
        raise SystemExit(
            "sphinx-mathjax-offline is not installed (pip install -r requirements.txt)"
        )
    return Path(spec.origin).parent / "static" / "mathjax"


CONF = """
project = "딥러닝을 위한 미분과 최적화"
author = "강좌 «딥러닝을 위한 미분과 최적화»"
copyright = "강좌 저자들. 글꼴: NanumGothic © NAVER Corporation (SIL OFL 1.1), 데이터: Palmer penguins (CC0)"
language = "ko"
extensions = ["myst_nb", "sphinx.ext.mathjax"]
html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_js_files = ["plotly.min.js"]
html_theme_options = {{"show_toc_level": 2, "use_download_button": False,
                      "use_fullscreen_button": False, "use_repository_button": False}}
html_show_sourcelink = False
mathjax_path = "mathjax/tex-chtml.js"
mathjax3_config = {{"tex": {{"inlineMath": [["\\\\(", "\\\\)"]], "displayMath": [["\\\\[", "\\\\]"]]}}}}
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
nb_execution_mode = "off"
nb_render_markdown_format = "myst"  # markdown printed by cells (tables with $…$) gets math too
nb_output_stderr = "remove"
nb_mime_priority_overrides = [("html", "{widget}", None)]
suppress_warnings = ["myst.header", "misc.highlighting_failure"]
root_doc = "index"
exclude_patterns = ["_build"]
"""

CSS = """
{faces}
:root {{
  --pst-font-family-base: "CourseGothic", system-ui, sans-serif;
  --pst-font-family-heading: "CourseGothic", system-ui, sans-serif;
  --pst-font-family-monospace: "DejaVu Sans Mono", ui-monospace, monospace, "CourseGothic";
}}
body, .bd-content, .cell_output, pre, code, summary {{ font-family: var(--pst-font-family-base); }}
pre, code, .highlight pre {{ font-family: var(--pst-font-family-monospace); }}
.explorer-note {{ font-size: 0.9em; color: #555; }}
details {{ border: 1px solid #ddd; border-radius: 4px; padding: 0.3em 0.8em; margin: 0.5em 0; }}
summary {{ cursor: pointer; font-weight: bold; }}
"""


def index_page(entries):
    part_one = [e for e in entries if e["number"] < PART_TWO_FROM]
    part_two = [e for e in entries if e["number"] >= PART_TWO_FROM]
    lines = [
        "# 딥러닝을 위한 미분과 최적화",
        "",
        "미분에서 시작해 Adam까지, 딥러닝의 옵티마이저가 왜 그렇게 움직이는지 계산하고 그려 보는 한국어 강좌의 "
        "읽기용 사본입니다. 코드를 실행하고 슬라이더를 움직이려면 저장소의 노트북을 JupyterLab에서 여세요.",
        "",
    ]
    for caption, part in (("강의", part_one), ("강의 너머", part_two)):
        if part:
            lines += ["```{toctree}", f":caption: {caption}", ":maxdepth: 1", ""]
            lines += [e["stem"] for e in part]
            lines += ["```", ""]
    return "\n".join(lines)


def build(out, jobs=None, only=None):
    import nbformat
    from sphinx.cmd.build import build_main

    # Kernels inherit the environment: with MPLBACKEND=Agg (headless CI) they would draw
    # no figure at all; the inline backend renders every figure, as JupyterLab does.
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"

    out = Path(out).resolve()
    paths = notebook_paths(only)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        executed = list(pool.map(execute, paths))
    print(f"executed {len(paths)} notebooks in {time.perf_counter() - start:.1f} s")

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp)
        static = source / "_static"
        static.mkdir()
        import plotly

        shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", static)
        fonts = font_files()
        for font in fonts:
            shutil.copy(font, static / font.name)
        (static / "course.css").write_text(CSS.format(faces=font_faces(fonts)), encoding="utf-8")
        entries = []
        for path, (nb, _seconds) in zip(paths, executed):
            nbformat.write(make_static(nb), source / path.name)
            entries.append({"stem": path.stem, "number": path.name.split("_")[0]})
        (source / "index.md").write_text(index_page(entries), encoding="utf-8")
        (source / "conf.py").write_text(CONF.format(widget=WIDGET_VIEW), encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        status = build_main(
            ["-b", "html", "-q", "-j", str(jobs or os.cpu_count() or 1), str(source), str(out)]
        )
        if status:
            raise SystemExit(f"sphinx-build failed ({status})")
    target = out / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        origin = mathjax_dir() / part
        if origin.is_dir():
            shutil.copytree(origin, target / part, dirs_exist_ok=True)
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(origin, target / part)
    for leftover in (".doctrees", ".buildinfo", "_sources"):
        path = out / leftover
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(
        f"site written to {out}: {size / 2**20:.1f} MB, {time.perf_counter() - start:.1f} s in all"
    )
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--jobs", type=int, default=None, help="notebooks executed at once")
    parser.add_argument("--only", nargs="*", help="notebook numbers to include (a quick preview)")
    args = parser.parse_args(argv)
    build(args.out, args.jobs, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
