"""Measure the course against its speed budgets.

    python tools/benchmark.py                         # every notebook
    python tools/benchmark.py notebooks/05_*.ipynb    # some notebooks
    python tools/benchmark.py --skip-notebooks        # imports and widgets only

Prints, for each notebook, its execution time (sum of cell times, kernel start
excluded), the kernel's peak memory and the slowest cell; the time of
``import course_utils`` next to ``import matplotlib.pyplot, seaborn`` (median
of fresh interpreters); and the median redraw time of every explorer in
``course_utils.widgets``. Exits 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import inspect
import os
import statistics
import subprocess
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Budgets from the issues: (notebook total, slowest cell) in seconds.
BUDGET_EARLY = (10.0, 2.0)  # notebooks 00-07
BUDGET_LATE = (15.0, 3.0)  # notebooks 08-12 (a small network is trained)
IMPORT_RATIO = 1.2
REDRAW_MEDIAN = 0.100

PEAK_MEMORY_CELL = (
    "import resource as _r, sys as _s\n"
    "_kb = _r.getrusage(_r.RUSAGE_SELF).ru_maxrss\n"
    "print(_kb / 1024 if _s.platform != 'darwin' else _kb / 2**20)"
)


def _seconds(meta):
    # nbclient records when the kernel announced the input (iopub.execute_input) and
    # when it replied; the difference is the cell's execution time.
    timing = meta.get("execution", {})
    start = timing.get("iopub.execute_input") or timing.get("shell.execute_reply.started")
    end = timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def run_notebook(path):
    """Execute ``path`` in a fresh kernel; return (total s, peak MiB, slowest (s, index, line))."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY_CELL))
    # kernels inherit the environment: make sure figures are really rendered
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    # as the test command runs them (conftest.py): one BLAS thread per kernel
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    probe = nb.cells.pop()
    peak_mib = float(probe.outputs[0]["text"])
    timings = [
        (
            _seconds(cell.metadata),
            i,
            cell.source.strip().splitlines()[0][:60] if cell.source.strip() else "",
        )
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
    ]
    total = sum(t for t, _, _ in timings)
    slowest = max(timings) if timings else (0.0, -1, "")
    return total, peak_mib, slowest


def import_time(statement, repeats=7):
    """Median seconds for ``statement`` in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    samples = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "MPLBACKEND": "Agg"},
        )
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(samples)


def explorer_redraws(samples=15):
    """{explorer name: median redraw seconds} for every ``*_explorer`` in cu.widgets."""
    import matplotlib

    matplotlib.use("Agg")
    import numpy as np

    import course_utils as cu

    cu.setup()
    results = {}
    for name, factory in inspect.getmembers(cu.widgets, inspect.isfunction):
        if not name.endswith("_explorer"):
            continue
        explorer = factory()
        times = []
        for fraction in np.linspace(0.05, 0.95, samples):
            values = {
                key: control.min + fraction * (control.max - control.min)
                for key, control in explorer.controls.items()
                if hasattr(control, "min")
            }
            times.append(explorer.update(**values))
        results[name] = statistics.median(times)
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--skip-notebooks", action="store_true")
    args = parser.parse_args(argv)
    failures = []

    paths = (
        []
        if args.skip_notebooks
        else (args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb")))
    )
    if paths:
        print(f"{'notebook':34s} {'total s':>8s} {'peak MiB':>9s} {'slowest cell':>13s}")
    grand_total = 0.0
    for path in paths:
        total, peak, (cell_s, index, line) = run_notebook(path)
        grand_total += total
        budget_total, budget_cell = BUDGET_LATE if path.name.split("_")[0] >= "08" else BUDGET_EARLY
        flag = ""
        if total > budget_total or cell_s >= budget_cell:
            flag = "  <-- over budget"
            failures.append(path.name)
        print(f"{path.name:34s} {total:8.2f} {peak:9.0f} {cell_s:8.2f} (#{index}: {line}){flag}")
    if paths:
        print(f"{'all notebooks':34s} {grand_total:8.2f}")

    ours = import_time("import course_utils")
    base = import_time("import matplotlib.pyplot, seaborn")
    ok = ours <= IMPORT_RATIO * base
    print(
        f"\nimport course_utils: {ours * 1000:.0f} ms;  import matplotlib.pyplot, seaborn: "
        f"{base * 1000:.0f} ms  (ratio {ours / base:.2f}, budget ≤ {IMPORT_RATIO}){'' if ok else '  <-- over budget'}"
    )
    if not ok:
        failures.append("import")

    print()
    for name, median in explorer_redraws().items():
        ok = median <= REDRAW_MEDIAN
        print(
            f"widget {name}: median redraw {median * 1000:.0f} ms (budget ≤ {REDRAW_MEDIAN * 1000:.0f} ms)"
            f"{'' if ok else '  <-- over budget'}"
        )
        if not ok:
            failures.append(name)

    if failures:
        print("\nOver budget: " + ", ".join(failures))
        return 1
    print("\nAll budgets hold.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
