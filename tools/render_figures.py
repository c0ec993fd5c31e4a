"""Execute a notebook and save every figure it shows as a PNG, to look at them.

    python tools/render_figures.py notebooks/05_gradient_descent.ipynb -o /tmp/fig05

Writes ``cellNN_K.png`` for each image output (matplotlib) and ``cellNN_K.html``
for each plotly figure (open in a browser, or screenshot with headless
Chromium), and prints anything a cell wrote to stderr. Nothing is written
into the notebook itself.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    import nbformat
    from nbclient import NotebookClient

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("-o", "--out", type=Path, default=Path("/tmp/figures"))
    args = parser.parse_args(argv)

    # The kernel inherits the environment; with MPLBACKEND=Agg it would show no figure.
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    nb = nbformat.read(args.notebook, as_version=4)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(args.notebook.parent)}},
    ).execute()
    args.out.mkdir(parents=True, exist_ok=True)
    for old in [*args.out.glob("cell*.png"), *args.out.glob("cell*.html")]:
        old.unlink()  # figures of an earlier run would be mistaken for this one's
    count = 0
    for i, cell in enumerate(nb.cells):
        for k, output in enumerate(cell.get("outputs", [])):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                print(f"[stderr] cell {i}: {output['text']}", file=sys.stderr)
            data = output.get("data", {})
            if "image/png" in data:
                path = args.out / f"cell{i:02d}_{k}.png"
                path.write_bytes(base64.b64decode(data["image/png"]))
                count += 1
            if "application/vnd.plotly.v1+json" in data:
                figure = json.dumps(data["application/vnd.plotly.v1+json"])
                html = (
                    "<html><head><script src='plotly.min.js'></script></head><body>"
                    f"<div id='f'></div><script>var f={figure};"
                    "Plotly.newPlot('f', {data: f.data, layout: f.layout, frames: f.frames || []});"
                    "</script></body></html>"
                )
                (args.out / f"cell{i:02d}_{k}.html").write_text(html, encoding="utf-8")
                count += 1
    if any(args.out.glob("*.html")):
        import plotly

        bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
        (args.out / "plotly.min.js").write_bytes(bundle.read_bytes())
    print(f"{count} figure(s) written to {args.out}")


if __name__ == "__main__":
    main()
