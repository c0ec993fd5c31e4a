"""Checks of a built static site (tools/build_site.py).

The site takes a minute or two to build, so the test command does not build it;
CI builds it and then runs this module with ``COURSE_SITE`` pointing at it::

    python tools/build_site.py /tmp/site && COURSE_SITE=/tmp/site pytest tests/test_site.py

Without ``COURSE_SITE`` the tests are skipped (and say so).
"""

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ["COURSE_SITE"]) if os.environ.get("COURSE_SITE") else None
pytestmark = pytest.mark.skipif(SITE is None, reason="COURSE_SITE not set: build the site first")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
REMOTE = re.compile(r"^(https?:)?//", re.I)


class Page(HTMLParser):
    """Text inside and outside <details>, resources, links and ids of one page."""

    SKIP = {"script", "style"}
    LITERAL = {"pre", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.details = 0
        self.skip = 0
        self.literal = 0
        self.math = []
        self.inside, self.outside, self.prose = [], [], []
        self.resources, self.links, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "details":
            self.details += 1
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.LITERAL:
            self.literal += 1
        if tag == "span" or tag == "div":
            self.math.append("math" in (attrs.get("class") or "").split())
        if tag == "script" and attrs.get("src"):
            self.resources.append(attrs["src"])
        if (
            tag == "link"
            and attrs.get("href")
            and attrs.get("rel") in ("stylesheet", "preload", "icon")
        ):
            self.resources.append(attrs["href"])
        if tag == "img" and attrs.get("src"):
            self.resources.append(attrs["src"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "details":
            self.details -= 1
        if tag in self.SKIP:
            self.skip -= 1
        if tag in self.LITERAL:
            self.literal -= 1
        if tag in ("span", "div") and self.math:
            self.math.pop()

    def handle_data(self, data):
        if self.skip:
            return
        (self.inside if self.details else self.outside).append(data)
        if not self.literal and not any(self.math):
            self.prose.append(data)


def parse(path):
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def normalized(text):
    return " ".join(text.split())


def packed(text):
    return "".join(text.split())


@pytest.fixture(scope="module")
def pages():
    return {path.resolve(): parse(path) for path in SITE.rglob("*.html")}


def test_every_notebook_has_a_page_and_the_site_has_index_and_search():
    for path in NOTEBOOKS:
        assert (SITE / f"{path.stem}.html").is_file(), path.stem
    assert (SITE / "index.html").is_file() and (SITE / "search.html").is_file()
    assert (SITE / "searchindex.js").is_file()


def test_nothing_is_loaded_from_the_network(pages):
    for path, page in pages.items():
        remote = [r for r in page.resources if REMOTE.match(r)]
        assert not remote, f"{path.name}: {remote}"
    for css in SITE.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        remote = re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", text)
        assert not remote, f"{css.relative_to(SITE)}: {remote}"


def test_the_math_renderer_and_the_font_are_local():
    assert (SITE / "_static" / "mathjax" / "tex-chtml.js").is_file()
    assert list((SITE / "_static").glob("CourseGothic*.woff2"))
    page = (SITE / "05_gradient_descent.html").read_text(encoding="utf-8")
    assert "_static/mathjax/tex-chtml.js" in page and "plotly.min.js" in page


def test_no_unrendered_dollar_math(pages):
    for path, page in pages.items():
        text = normalized(" ".join(page.prose))
        found = re.findall(r"\$[^$\s][^$]{0,80}?\$", text)
        assert not found, f"{path.name}: {found[:3]}"


def test_every_internal_link_resolves(pages):
    for path, page in pages.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "javascript:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.exists(), f"{path.name}: {href}"
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                assert unquote(parts.fragment) in ids, f"{path.name}: {href}"


def test_model_answers_appear_only_inside_details(pages):
    from course_utils import _editions

    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        page = pages[(SITE / f"{path.stem}.html").resolve()]
        # without any white space: the highlighter splits code into spaced tokens
        outside, inside = packed(" ".join(page.outside)), packed(" ".join(page.inside))
        code = [packed(_editions.source(c)) for c in nb["cells"] if c["cell_type"] == "code"]
        for _, ident, details in _editions.exercises(nb):
            for line in _editions.model_answer(nb, details).splitlines():
                line = packed(line)
                if len(line) < 8 or any(line in c for c in code):
                    continue  # too short to be telling, or the student's own scaffold
                assert line in inside, f"{path.name} {ident}: answer not in its <details>: {line}"
                assert line not in outside, f"{path.name} {ident}: answer visible: {line}"


def build_site_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_site", ROOT / "tools" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_explorers_are_pictures_with_a_note(pages):
    tool = build_site_module()
    with_explorers = [
        p
        for p in NOTEBOOKS
        if any(
            c["cell_type"] == "code"
            and re.search(r"cu\.widgets\.\w+_explorer\(", "".join(c["source"]))
            for c in json.loads(p.read_text(encoding="utf-8"))["cells"]
        )
    ]
    assert with_explorers
    for path in with_explorers:
        text = normalized(" ".join(pages[(SITE / f"{path.stem}.html").resolve()].outside))
        assert tool.EXPLORER_NOTE in text, f"{path.name}: explorer picture and note"
        assert tool.WIDGET_ONLY_NOTE not in text, f"{path.name}: an explorer without a picture"


def test_figures_are_in_the_pages(pages):
    # the notebooks' matplotlib figures (a kernel on the Agg backend would draw none)
    for stem, at_least in (
        ("01_derivatives", 3),
        ("05_gradient_descent", 5),
        ("12_which_optimizer", 5),
    ):
        images = [r for r in pages[(SITE / f"{stem}.html").resolve()].resources if "_images/" in r]
        assert len(images) >= at_least, (stem, len(images))


def test_site_size_budget():
    size = sum(f.stat().st_size for f in SITE.rglob("*") if f.is_file())
    assert size <= 60 * 2**20, f"{size / 2**20:.1f} MB"
