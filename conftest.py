"""Project-wide pytest hooks: every notebook is a test.

Each ``notebooks/NN_*.ipynb`` (and any ``.ipynb`` given on the command line)
becomes one test item that executes the notebook's *test edition* in a fresh
kernel (``course_utils._editions.test_edition``: the committed notebook with
each exercise's model answer and a strict check inserted after the student's
cell) and then fails if

- a cell raises (a wrong model answer raises ``AssertionError``);
- a cell writes anything to stderr (a missing-glyph warning, an overflow
  RuntimeWarning, a DeprecationWarning): every such cell is listed;
- an exercise cell, run as the student finds it, prints anything but the
  "not answered" verdict ☞ (no ○ or × a student did not earn);
- a model answer does not print ○.

One item per notebook (not per cell) lets pytest-xdist run notebooks in
parallel without splitting a kernel's cells across workers; each worker reuses
one kernel, reset to a fresh state before every notebook (see FRESH_STATE).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

# nbclient imports nbformat, which imports jsonschema, which imports rfc3987_syntax if it
# is installed (JupyterLab's jupyter-events pulls it in) to check "iri" strings, building
# a parser for 1.3 s in every worker. No schema used here has an IRI; jsonschema skips
# that one check when the import fails.
sys.modules.setdefault("rfc3987_syntax", None)

ROOT = Path(__file__).resolve().parent
CELL_TIMEOUT = 120  # seconds; the speed budgets are far below, this only stops a hang
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def pytest_configure(config):
    # Notebook kernels inherit this process's environment. With MPLBACKEND=Agg
    # (headless CI) a kernel would never render its figures, so a missing glyph
    # could never show up; the inline backend is just as headless and renders
    # every figure to PNG, as JupyterLab does.
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    # One BLAS thread per process: pytest-xdist already runs one notebook per core, and
    # the course's matrices are small, so threaded OpenBLAS only fights for the cores
    # (a 1000-row product: 8 ms threaded under load against 0.05 ms on one thread).
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    # Figures are still rendered (that is where a missing glyph shows), but small and once
    # (no "tight" bounding box, which draws each figure twice), not retina as students see.
    os.environ.setdefault("COURSE_FIGURE_FORMAT", "fast")


def pytest_collection_modifyitems(session, config, items):
    # pytest-xdist's worksteal scheduler first hands each worker an equal, contiguous
    # share of this list and later steals from the end of the longest queue. So every
    # share starts with its notebooks (the longest first, spread so that the shares'
    # notebook time is about equal) and ends with unit tests, which are cheap to steal.
    # A notebook's size is a fair proxy for its running time.
    workers = int(getattr(config, "workerinput", {}).get("workercount", 1))
    notebooks = sorted(
        (item for item in items if isinstance(item, NotebookItem)),
        key=lambda item: item.path.stat().st_size,
        reverse=True,
    )
    units = [item for item in items if not isinstance(item, NotebookItem)]
    shares = [[] for _ in range(workers)]
    for notebook in notebooks:  # each to the share with the least notebook time so far
        min(shares, key=lambda share: sum(i.path.stat().st_size for i in share)).append(notebook)
    size = -(-len(items) // workers)
    for share in shares:
        room = max(size - len(share), 0)
        share.extend(units[:room])
        del units[:room]
    items[:] = [item for share in shares for item in share] + units


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".ipynb" and ".ipynb_checkpoints" not in file_path.parts:
        return NotebookFile.from_parent(parent, path=file_path)
    return None


class NotebookFile(pytest.File):
    def collect(self):
        yield NotebookItem.from_parent(self, name="run")


class NotebookFailure(Exception):
    pass


def stream_text(cell, name):
    """The text a cell wrote to ``name`` ("stdout" or "stderr")."""
    return "".join(
        "".join(output.get("text", ""))
        for output in cell.get("outputs", ())
        if output.get("output_type") == "stream" and output.get("name") == name
    )


def first_line(cell):
    text = "".join(cell.get("source", ""))
    return text.strip().splitlines()[0][:70] if text.strip() else ""


# One kernel per pytest(-xdist) worker, reused from notebook to notebook: starting a
# kernel and importing numpy, matplotlib and the course costs about 2 s per notebook,
# a third of the suite. Before each notebook the kernel is returned to a fresh state:
# a reset (as %reset -f) empties the user namespace, matplotlib's defaults and the
# warning filters of a new kernel come back, and the working directory is the notebook's. A kernel that
# timed out or died is shut down, so the next notebook starts on a new one.
_KERNEL = {}
FRESH_STATE = """\
import os as _os
_os.chdir({folder!r})  # first: the reset needs a working directory that still exists


def _reset():
    # %reset -f without its two full garbage collections (0.2 s each in a kernel that
    # has imported the course's libraries; Python collects the cycles by itself later)
    import gc

    collect, gc.collect = gc.collect, lambda generation=2: 0
    try:
        get_ipython().reset(new_session=False)
    finally:
        gc.collect = collect


_reset()
import builtins as _builtins, warnings as _warnings
import matplotlib as _mpl
if not hasattr(_builtins, "_course_test_warning_filters"):
    _builtins._course_test_warning_filters = list(_warnings.filters)
_warnings.filters[:] = _builtins._course_test_warning_filters
_mpl.rcdefaults()
del _builtins, _warnings, _mpl
import matplotlib.layout_engine as _layout
# No constrained-layout pass (a tenth of the run): it only places the axes, and what it
# could warn about is caught where notebooks run as students run them: the site build
# (tools/build_site.py) executes every notebook with it and fails on any stderr.
_layout.ConstrainedLayoutEngine.execute = lambda self, fig: None
del _layout
"""


def _kernel_manager():
    from jupyter_client.manager import KernelManager

    km = _KERNEL.get("km")
    if km is None or not km.is_alive():
        _drop_kernel()
        km = KernelManager(kernel_name="python3")
        km.start_kernel(cwd=str(ROOT / "notebooks"))
        _KERNEL["km"] = km
    return km


def _drop_kernel():
    kc, km = _KERNEL.pop("kc", None), _KERNEL.pop("km", None)
    if kc is not None:
        kc.stop_channels()
    if km is not None:
        km.shutdown_kernel(now=True)


def _keep_kernel_if_alive(client):
    if client.km.is_alive():
        _KERNEL["kc"] = client.kc
    else:
        _drop_kernel()


def pytest_sessionfinish(session):
    _drop_kernel()


class NotebookItem(pytest.Item):
    def runtest(self):
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError

        from course_utils import _editions
        from course_utils.checks import MARKS

        committed = json.loads(self.path.read_text(encoding="utf-8"))
        edition = _editions.test_edition(committed)
        edition["cells"].insert(
            0,
            {
                "cell_type": "code",
                "id": "fresh-state",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": FRESH_STATE.format(folder=str(self.path.parent)),
            },
        )
        nb = nbformat.reads(json.dumps(edition), as_version=4)
        client = NotebookClient(
            nb,
            km=_kernel_manager(),
            timeout=CELL_TIMEOUT,
            resources={"metadata": {"path": str(self.path.parent)}},
        )
        client.kc = _KERNEL.get(
            "kc"
        )  # the worker's open client, if any (None: nbclient starts one)
        try:
            client.execute()
        except CellExecutionError as error:
            # a cell raised: the kernel itself is fine, and FRESH_STATE resets it for
            # the next notebook (a new kernel would cost about 2 s)
            _keep_kernel_if_alive(client)
            raise NotebookFailure(ANSI.sub("", str(error))[-3000:]) from None
        except Exception:  # a timeout, a dead kernel: start the next notebook afresh
            _drop_kernel()
            raise
        _KERNEL["kc"] = client.kc
        nb.cells.pop(0)  # cell numbers below are the committed notebook's

        problems = []
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            label = f"셀 {index} ({first_line(cell)!r})"
            written = stream_text(cell, "stderr")
            if written.strip():
                problems.append(f"{label}이 stderr에 출력했습니다 (경고 금지):\n{written}")
            printed = stream_text(cell, "stdout")
            if _editions.exercise_id(cell) and _editions.ANSWER_TAG not in _editions.tags(cell):
                others = [m for s, m in MARKS.items() if s != "unanswered" and m in printed]
                if not printed.lstrip().startswith(MARKS["unanswered"]) or others:
                    problems.append(
                        f"{label}: 답하지 않은 연습문제가 '아직 답을 입력하지 않았습니다'(☞) "
                        f"아닌 것을 출력했습니다:\n{printed}"
                    )
            if _editions.ANSWER_TAG in _editions.tags(cell) and MARKS["correct"] not in printed:
                problems.append(f"{label}: 모범답안이 ○를 출력하지 않았습니다:\n{printed}")
        if problems:
            raise NotebookFailure("\n\n".join(problems))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, NotebookFailure):
            return f"{self.path.name}:\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"notebook {self.path.name}"
