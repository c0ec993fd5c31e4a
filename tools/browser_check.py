"""Open notebooks in a real JupyterLab in headless Chromium, run them, and check the Hangul.

Maintainer script (not run by pytest or CI). It needs a Chromium and Playwright, which
are not course requirements::

    apt-get install chromium        # Debian; or pass --chromium PATH
    pip install playwright          # Playwright's own browser download is not needed

    python tools/browser_check.py                       # notebooks 00, 05, 07, 12
    python tools/browser_check.py 01 notebooks/08_sgd.ipynb -o /tmp/shots
    python tools/browser_check.py 00 --without-font -o /tmp/before   # the boxes, to compare

For each notebook it starts from a copy of ``notebooks/`` in a temporary folder (JupyterLab
autosaves, and the repository's notebooks must stay without outputs), opens it in
JupyterLab (its own server on 127.0.0.1, a random port and token, empty user settings),
runs Run → Run All Cells from the menu, waits until every code cell has run, then

* screenshots the notebook from top to bottom (``NN_page-K.png`` in the output folder);
* checks that the course web font (``course_utils.webfont.FAMILY``) is a loaded
  ``document.fonts`` face, and that JupyterLab's three font variables name it;
* for markdown, code, printed output, widget labels, plotly text and the table of
  contents, checks that every element holding Hangul has a computed ``font-family`` that
  names the course font, and asks Chromium (DevTools ``CSS.getPlatformFontsForNode``)
  which fonts actually drew a sample of them: the course font must be among them;
* looks for tofu: every distinct non-ASCII character shown in those elements is drawn
  alone with that element's font list, and the font Chromium used for it must have a
  glyph for it (fontTools reads the font file). Characters that no font here has are
  listed as "no glyph".

Prints one report per notebook and exits with 1 if any check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # course_utils without an install, for its font constants

from course_utils import webfont  # noqa: E402
from tools import build_webfont  # noqa: E402

DEFAULT_NOTEBOOKS = ("00", "05", "07", "12")
HANGUL = "[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]"

# Where Hangul appears, and how to find those elements in JupyterLab's DOM.
MARKDOWN_TEXT = "p, li, h1, h2, h3, h4, td, th, summary, strong, em, a, code"
WIDGET_TEXT = ".widget-label, .widget-readout, .widget-button, label, .widget-html-content"
CATEGORIES = {
    "markdown": f".jp-MarkdownCell .jp-RenderedMarkdown :is({MARKDOWN_TEXT})",
    "code": ".jp-CodeCell .jp-InputArea-editor :is(.cm-line, .cm-line span)",
    "output": ".jp-OutputArea-output :is(pre, pre span)",
    "widget": f".jupyter-widgets :is({WIDGET_TEXT})",
    "plotly": ".js-plotly-plot svg text",
    "math": "mjx-container :is(mjx-utext, mjx-mtext, text)",
    "ui": ".jp-TableOfContents-content :is(.jp-tocItem-content, span)",
}

# The page-side half of the checks: elements with Hangul per category, with their
# computed font-family and the characters they show.
COLLECT_JS = r"""
([categories, hangul]) => {
  const re = new RegExp(hangul);
  const result = {};
  for (const [name, selector] of Object.entries(categories)) {
    const found = [];
    for (const el of document.querySelectorAll(selector)) {
      // the element's own text (not its children's), as that is what its font draws
      const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('');
      if (!re.test(own)) continue;
      found.push(el);
    }
    found.forEach((el, i) => el.setAttribute('data-fc', name + '-' + i));
    const families = [...new Set(found.map(el => getComputedStyle(el).fontFamily))];
    const text = found.map(el => el.textContent).join('');
    result[name] = {count: found.length, families, text};
  }
  return result;
}
"""

FONT_FACES_JS = r"""
async (family) => {
  await document.fonts.ready;
  const faces = [...document.fonts].filter(f => f.family.replace(/["']/g, '') === family)
    .map(f => ({weight: f.weight, status: f.status}));
  const root = getComputedStyle(document.body);
  const vars = {};
  for (const v of ['--jp-content-font-family', '--jp-code-font-family', '--jp-ui-font-family'])
    vars[v] = root.getPropertyValue(v).trim();
  return {faces, vars, check: document.fonts.check('16px ' + family, '가')};
}
"""

RUN_STATE_JS = r"""
() => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  if (!panel || !panel.content || !panel.sessionContext) return null;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  const errors = [];
  cells.forEach((c, i) => {
    for (let k = 0; k < c.model.outputs.length; k++) {
      const out = c.model.outputs.get(k);
      if (out.type === 'error') errors.push(`code cell ${i + 1}: ${out.toJSON().ename}`);
      if (out.type === 'stream' && out.toJSON().name === 'stderr')
        errors.push(`code cell ${i + 1} wrote to stderr: ${String(out.toJSON().text).slice(0, 120)}`);
    }
  });
  return {
    status: kernel ? kernel.status : 'none',
    total: cells.length,
    done: cells.filter(c => c.model.executionCount !== null).length,
    errors,
  };
}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_lab(workdir: Path, without_font=False):
    """Start JupyterLab on a random local port; return (process, base_url, token)."""
    port, token = free_port(), secrets.token_hex(16)
    settings = workdir / "settings"
    # No news/update toast over the notebook, and no state from an earlier run.
    notification = settings / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # figures must render inline, as for a student
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        (workdir / name).mkdir()
        env[name] = str(workdir / name)
    if without_font:  # what a student would see without the extension
        labconfig = workdir / "JUPYTER_CONFIG_DIR" / "labconfig"
        labconfig.mkdir()
        disabled = {"disabledExtensions": {"jupyterlab-course-font": True}}
        (labconfig / "page_config.json").write_text(json.dumps(disabled), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={workdir / 'root'}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={workdir / 'workspaces'}",
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp, to read cell states
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # a container's maintainer shell
    log = open(workdir / "jupyter.log", "wb")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"jupyter lab stopped:\n{(workdir / 'jupyter.log').read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                return process, base, token
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("jupyter lab did not answer within 90 s")


def glyph_sets():
    """Code points of each font Chromium may use here, by PostScript and family name."""
    from fontTools.ttLib import TTFont

    by_name = {}
    listing = subprocess.run(
        ["fc-list", "--format", "%{file}\t%{postscriptname}\t%{family}\n"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for line in listing.splitlines():
        path, postscript, families = line.split("\t")
        cmap = None
        for name in [postscript, *families.split(",")]:
            if name and name not in by_name:
                if cmap is None:
                    cmap = set(TTFont(path, fontNumber=0, lazy=True).getBestCmap())
                by_name[name] = cmap
    for path in sorted(build_webfont.STATIC.glob("*.woff2")):
        font = TTFont(path, lazy=True)
        cmap = set(font.getBestCmap())
        by_name[font["name"].getDebugName(6)] = cmap
        by_name[font["name"].getDebugName(1)] = cmap
    return by_name


class FontProbe:
    """Ask Chromium which platform fonts drew the text of DOM nodes."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("DOM.enable")
        self.cdp.send("CSS.enable")

    def fonts_of(self, selector):
        root = self.cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        ids = self.cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
        result = []
        for node in ids["nodeIds"]:
            fonts = self.cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            result.append({f.get("postScriptName") or f["familyName"]: f for f in fonts})
        return result

    def used_fonts(self, category, limit=4):
        """Fonts used by the first ``limit`` Hangul elements of a category, each scrolled in."""
        used = []
        for i in range(limit):
            selector = f'[data-fc="{category}-{i}"]'
            if not self.page.query_selector(selector):
                break
            self.page.eval_on_selector(selector, "el => el.scrollIntoView({block: 'center'})")
            self.page.wait_for_timeout(150)  # content-visibility: let the cell lay out
            for fonts in self.fonts_of(selector):
                used.append(sorted({f["familyName"] for f in fonts.values()}))
        return used

    def tofu(self, family_css, characters, glyphs):
        """Characters that no used font has a glyph for, drawing each one alone."""
        chars = sorted(characters)
        self.page.evaluate(
            """([family, chars]) => {
                const box = document.createElement('div');
                box.id = 'fc-probe';
                box.style.cssText = 'position:fixed;left:0;top:0;z-index:99999;background:#fff';
                box.style.fontFamily = family;
                for (const [i, ch] of chars.entries()) {
                    const span = document.createElement('span');
                    span.setAttribute('data-probe', String(i));
                    span.textContent = ch;
                    box.appendChild(span);
                }
                document.body.appendChild(box);
            }""",
            [family_css, chars],
        )
        self.page.wait_for_timeout(300)
        missing = []
        try:
            for i, ch in enumerate(chars):
                (fonts,) = self.fonts_of(f'#fc-probe [data-probe="{i}"]')
                base = ord(ch)
                if not any(
                    base in glyphs.get(name, glyphs.get(f["familyName"], set()))
                    for name, f in fonts.items()
                ):
                    missing.append(ch)
        finally:
            self.page.evaluate("() => document.getElementById('fc-probe').remove()")
        return missing


def run_all_cells(page, timeout_s):
    """Run → Run All Cells, then wait until every code cell has an execution count."""
    page.click('.lm-MenuBar-itemLabel:text-is("Run")')
    page.click('.lm-Menu-itemLabel:text-is("Run All Cells")')
    start = time.monotonic()
    state = None
    while time.monotonic() - start < timeout_s:
        state = page.evaluate(RUN_STATE_JS)
        if state and state["errors"]:
            break
        if state and state["status"] == "idle" and state["done"] == state["total"]:
            break
        page.wait_for_timeout(500)
    return state, time.monotonic() - start


def screenshots(page, out: Path, stem: str, limit: int):
    """Scroll the notebook from top to bottom, one screenshot per screen."""
    scroller = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"
    paths = []
    position = 0
    for k in range(limit):
        page.eval_on_selector(scroller, f"el => {{ el.scrollTop = {position}; }}")
        page.wait_for_timeout(400)
        path = out / f"{stem}_page-{k:02d}.png"
        page.screenshot(path=str(path))
        paths.append(path)
        top, height, total = page.eval_on_selector(
            scroller, "el => [el.scrollTop, el.clientHeight, el.scrollHeight]"
        )
        if top + height >= total - 2:
            break
        position = top + int(height * 0.9)
    return paths


def check_notebook(page, probe, base, token, name, out, glyphs, args):
    report, failures = [], []
    page.goto(f"{base}/lab/tree/notebooks/{name}?token={token}&reset")
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.sessionContext"
        " && window.jupyterapp.shell.currentWidget.sessionContext.isReady",
        timeout=60_000,
    )
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell")
    state, seconds = run_all_cells(page, args.timeout)
    if not state or state["done"] != state["total"] or state["errors"]:
        failures.append(f"run: {state}")
    report.append(
        f"  ran {state and state['done']}/{state and state['total']} code cells "
        f"in {seconds:.1f} s; errors: {state and state['errors'] or 'none'}"
    )
    page.wait_for_timeout(2500)  # plotly and widget views render after the kernel is idle
    # The table of contents shows the headings in JupyterLab's UI font.
    page.evaluate("() => window.jupyterapp.commands.execute('toc:show-panel')")
    page.wait_for_timeout(800)

    faces = page.evaluate(FONT_FACES_JS, webfont.FAMILY)
    loaded = [f"{f['weight']} {f['status']}" for f in faces["faces"]]
    report.append(f"  document.fonts {webfont.FAMILY}: {', '.join(loaded) or 'no such face'}")
    if not any(f["status"] == "loaded" for f in faces["faces"]) or not faces["check"]:
        failures.append(f"font face {webfont.FAMILY} not loaded")
    for var, value in faces["vars"].items():
        ok = webfont.FAMILY in value
        report.append(f"  {var}: {'names' if ok else 'does NOT name'} {webfont.FAMILY}")
        if not ok:
            failures.append(f"{var} = {value!r}")

    found = page.evaluate(COLLECT_JS, [CATEGORIES, HANGUL])
    no_glyph = set()
    for category, info in found.items():
        if not info["count"]:
            report.append(f"  {category:8s}: no element with Hangul")
            continue
        named = all(webfont.FAMILY in family for family in info["families"])
        used = probe.used_fonts(category)
        drawn = all(webfont.FAMILY in fonts for fonts in used)
        # (variation selectors and other invisible format characters draw nothing)
        chars = {
            ch
            for ch in info["text"]
            if ord(ch) > 127
            and unicodedata.category(ch) != "Cf"
            and not 0xFE00 <= ord(ch) <= 0xFE0F
        }
        missing = set()
        for family in info["families"]:
            missing |= set(probe.tofu(family, chars, glyphs))
        no_glyph |= missing
        verdict = "OK" if named and drawn and used else "FAIL"
        if verdict == "FAIL":
            failures.append(f"{category}: font-family {info['families']}, drawn with {used}")
        fonts = sorted({name for fonts in used for name in fonts})
        report.append(
            f"  {category:8s}: {info['count']:3d} elements with Hangul, font-family "
            f"{'names' if named else 'does NOT name'} {webfont.FAMILY}; drawn with "
            f"{', '.join(fonts)}; {len(chars)} distinct non-ASCII characters  {verdict}"
        )
    hangul_tofu = sorted(ch for ch in no_glyph if re.match(HANGUL, ch))
    if hangul_tofu:
        failures.append(
            f"{len(hangul_tofu)} Hangul characters without a glyph: {''.join(hangul_tofu[:40])}"
        )
    listed = " ".join(f"{ch} U+{ord(ch):04X}" for ch in sorted(set(no_glyph) - set(hangul_tofu)))
    report.append(
        f"  no glyph in any font here (drawn as boxes): {len(hangul_tofu)} Hangul; "
        f"others: {listed or 'none'}"
    )

    shots = screenshots(page, out, name[:2], args.max_screens)
    report.append(f"  {len(shots)} screenshots: {shots[0].parent}/{name[:2]}_page-*.png")
    return report, failures


def resolve(names):
    paths = []
    for name in names:
        path = Path(name)
        if not path.suffix:
            matches = sorted((ROOT / "notebooks").glob(f"{name}_*.ipynb"))
            if not matches:
                raise SystemExit(f"no notebook {name}_*.ipynb")
            path = matches[0]
        paths.append(path.name)
    return paths


def main(argv=None):
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "notebooks",
        nargs="*",
        default=DEFAULT_NOTEBOOKS,
        help="numbers (05) or paths; default: 00 05 07 12",
    )
    parser.add_argument("-o", "--out", type=Path, default=Path("/tmp/browser_check"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--timeout", type=float, default=180, help="seconds to run a notebook")
    parser.add_argument("--max-screens", type=int, default=40)
    parser.add_argument(
        "--without-font",
        action="store_true",
        help="disable the jupyterlab-course-font extension, for comparison",
    )
    args = parser.parse_args(argv)

    names = resolve(args.notebooks)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*_page-*.png"):
        old.unlink()
    glyphs = glyph_sets()
    all_failures = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        shutil.copytree(
            ROOT / "notebooks",
            workdir / "root" / "notebooks",
            ignore=shutil.ignore_patterns(".ipynb_checkpoints"),
        )
        process, base, token = start_lab(workdir, args.without_font)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=args.chromium, args=["--enable-unsafe-swiftshader"]
                )  # WebGL: 3D plots
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                for name in names:
                    page = context.new_page()
                    probe = FontProbe(page)
                    print(f"{name}:", flush=True)
                    report, failures = check_notebook(
                        page, probe, base, token, name, args.out, glyphs, args
                    )
                    print("\n".join(report))
                    print(f"  RESULT: {'FAIL' if failures else 'OK'}", flush=True)
                    for failure in failures:
                        print(f"    - {failure}")
                    all_failures[name] = failures
                    # shut the kernel down so the next notebook has the machine's cores
                    page.evaluate("() => window.jupyterapp.commands.execute('kernelmenu:shutdown')")
                    page.wait_for_timeout(500)
                    page.close()
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    failed = [name for name, failures in all_failures.items() if failures]
    print(f"{len(names) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
