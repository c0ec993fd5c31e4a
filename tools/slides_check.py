"""Present notebooks as slides in a real JupyterLab and screenshot them.

Maintainer script (not run by pytest or CI). It needs Chromium and Playwright, which
are not course requirements::

    apt-get install chromium && pip install playwright
    python tools/slides_check.py                 # notebooks 05 and 09
    python tools/slides_check.py 12 -o /tmp/slides --slides 8

Slides are shown by jupyterlab-slideshow (installed by requirements.txt), which
presents the live notebook: widgets redraw and plotly figures rotate during the
talk, and nothing is loaded from the network. The slide structure is the
``slideshow`` metadata that ``tools/build_nav.py`` writes from the headings.

For each notebook, in a copy of ``notebooks/`` (JupyterLab autosaves), it opens
the notebook, runs all cells, starts the deck (command ``deck:start``), and
screenshots the first slides (``NN_slide-K.png``), checking on each that the
course web font is loaded and that the math is typeset (MathJax containers, no
raw ``$``). Prints a line per slide; exits 1 if a check failed.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT = "CourseGothic"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(workdir, settings):
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(settings),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={workdir}",
            "--LabApp.expose_app_in_browser=True",
            "--allow-root",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            return process, base, token
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("JupyterLab did not start")


def apply_slides(folder):
    """The slideshow metadata build_nav.py writes (so a stale checkout still presents)."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("build_nav", ROOT / "tools" / "build_nav.py")
    build_nav = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_nav)
    for path in folder.glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        build_nav.set_slides(nb)
        path.write_text(build_nav.dump(nb), encoding="utf-8")


def resolve(names):
    paths = []
    for name in names:
        found = sorted((ROOT / "notebooks").glob(f"{name}_*.ipynb")) or [Path(name)]
        paths.append(found[0])
    return paths


def run(page, command, args=None):
    return page.evaluate(
        "([c, a]) => window.jupyterapp.commands.execute(c, a || {})", [command, args]
    )


def wait_idle(page, timeout_s=120):
    page.wait_for_function(
        "() => { const s = document.querySelector('.jp-Notebook-ExecutionIndicator');"
        " const busy = document.querySelectorAll('.jp-InputArea-prompt').length &&"
        " Array.from(document.querySelectorAll('.jp-InputArea-prompt')).some(p => p.textContent.includes('*'));"
        " return !busy; }",
        timeout=timeout_s * 1000,
    )


def check_slide(page):
    return page.evaluate(f"""() => {{
        const fonts = Array.from(document.fonts).filter(f => f.family.replace(/"/g, '') === '{FONT}');
        const loaded = fonts.some(f => f.status === 'loaded');
        const math = document.querySelectorAll('.jp-Notebook mjx-container').length;
        const text = Array.from(document.querySelectorAll('.jp-RenderedMarkdown'))
            .filter(e => e.offsetParent !== null).map(e => e.innerText).join(' ');
        const raw = (text.match(/\\$[^$\\s][^$]{{0,60}}\\$/g) || []).length;
        const hangul = (text.match(/[\\uac00-\\ud7a3]/g) || []).length;
        return {{loaded, math, raw, hangul}};
    }}""")


def main(argv=None):
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", default=["05", "09"])
    parser.add_argument("-o", "--out", default="/tmp/course-slides")
    parser.add_argument("--slides", type=int, default=6, help="slides to screenshot per notebook")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        workdir, settings = Path(tmp) / "notebooks", Path(tmp) / "settings"
        shutil.copytree(ROOT / "notebooks", workdir)
        settings.mkdir()
        # no "notified about Jupyter news?" pop-up over the slides
        notification = (
            settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
        )
        notification.parent.mkdir(parents=True)
        notification.write_text(
            '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8"
        )
        apply_slides(workdir)
        process, base, token = start_lab(workdir, settings)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                for path in resolve(args.notebooks):
                    stem = path.name.split("_")[0]
                    page.goto(f"{base}/lab/tree/{path.name}?token={token}")
                    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
                    page.wait_for_function(
                        "() => window.jupyterapp && "
                        "document.querySelector('.jp-Notebook-ExecutionIndicator')",
                        timeout=60_000,
                    )
                    time.sleep(3)  # kernel start
                    run(page, "notebook:run-all-cells")
                    time.sleep(2)
                    wait_idle(page)
                    # the deck opens on the active cell's slide: start from the title
                    page.click(".jp-Notebook .jp-Cell >> nth=0")
                    page.keyboard.press("Escape")
                    run(page, "deck:start")
                    time.sleep(2)
                    for k in range(args.slides):
                        time.sleep(1.5)
                        shot = out / f"{stem}_slide-{k}.png"
                        page.screenshot(path=str(shot))
                        result = check_slide(page)
                        ok = result["loaded"] and result["raw"] == 0
                        failed |= not ok
                        print(
                            f"{path.name} slide {k}: font loaded={result['loaded']}, "
                            f"math containers={result['math']}, raw $={result['raw']}, "
                            f"Hangul characters={result['hangul']} -> {shot}"
                            + ("" if ok else "  FAILED")
                        )
                        run(page, "deck:forward")
                    run(page, "deck:stop")
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
