"""Generate the course's navigation: previous/index/next links, the index's
table of contents and the README's notebook table.

Run after adding, renaming or retitling a notebook::

    python tools/build_nav.py          # rewrite what is stale
    python tools/build_nav.py --check  # exit 1 if anything is stale (tests use this)

Sources of truth, per notebook ``notebooks/NN_name.ipynb``:
- the title: the first ``# `` heading of the first markdown cell;
- the one-line summary: ``metadata["course"]["summary"]``.

Generated cells carry the tag ``navigation`` (last cell of every notebook) or
``toc`` (in ``00_index.ipynb``); they are replaced, never edited by hand.

Slides come from the same structure: every cell gets ``metadata.slideshow.slide_type``
from the headings (``#``/``##`` → a new slide, ``###`` → a sub-slide, anything else
continues the slide before it; check cells and the navigation are skipped), so the
slides of a notebook never go stale (see INSTRUCTORS.md for presenting them). The
README table sits between ``<!-- notebooks:start -->`` and ``<!-- notebooks:end -->``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
README = ROOT / "README.md"
INDEX = "00_index.ipynb"
README_START, README_END = "<!-- notebooks:start -->", "<!-- notebooks:end -->"


def notebook_paths():
    """Numbered notebooks ``NN_*.ipynb``, in course order."""
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]*_*.ipynb"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def dump(notebook):
    # the same layout nbformat writes (sorted keys, indent 1), so a notebook saved by
    # nbformat or JupyterLab and one saved here never differ in key order alone
    return json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def title_of(notebook, path):
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
            break
    raise SystemExit(f"{path.name}: the first markdown cell needs a '# ' title")


def summary_of(notebook):
    return notebook.get("metadata", {}).get("course", {}).get("summary", "")


def source_lines(text):
    lines = text.splitlines(keepends=True)
    return lines


def navigation_markdown(entries, i):
    parts = []
    if i > 0:
        parts.append(f"[← 이전: {entries[i - 1]['title']}]({entries[i - 1]['file']})")
    if entries[i]["file"] != INDEX:
        parts.append(f"[목차]({INDEX})")
    if i + 1 < len(entries):
        parts.append(f"[다음: {entries[i + 1]['title']} →]({entries[i + 1]['file']})")
    return "---\n\n" + " | ".join(parts) + "\n"


def toc_markdown(entries):
    def rows(part):
        lines = ["| # | 노트북 | 내용 |", "|---|---|---|"]
        lines += [
            f"| {e['number']} | [{without_number(e['title'])}]({e['file']}) | {e['summary']} |"
            for e in part
        ]
        return "\n".join(lines)

    listed = [e for e in entries if e["file"] != INDEX]
    part_one = [e for e in listed if e["number"] < PART_TWO_FROM]
    part_two = [e for e in listed if e["number"] >= PART_TWO_FROM]
    text = "## 노트북 목록\n\n" + rows(part_one) + "\n"
    if part_two:
        text += "\n### 강의 너머\n\n" + rows(part_two) + "\n"
    return text


def without_number(title):
    """``"01. 미분"`` → ``"미분"``: the table's first column already has the number."""
    number, _, rest = title.partition(". ")
    return rest if number.isdigit() and rest else title


def readme_table(entries):
    rows = ["| # | notebook | 내용 |", "|---|---|---|"]
    for entry in entries:
        rows.append(
            f"| {entry['number']} | [`{entry['file']}`](notebooks/{entry['file']}) | "
            f"**{without_number(entry['title'])}** — {entry['summary']} |"
        )
    return "\n".join(rows)


def tagged_cell(tag, text):
    return {
        "cell_type": "markdown",
        "metadata": {"tags": [tag], "editable": False},
        "source": source_lines(text),
    }


def set_tagged_cell(notebook, tag, text, position):
    """Replace the cell tagged ``tag`` (or insert it at ``position``)."""
    cells = notebook["cells"]
    new = tagged_cell(tag, text)
    for i, cell in enumerate(cells):
        if tag in cell.get("metadata", {}).get("tags", []):
            new["id"] = cell.get("id", new.get("id"))
            if "id" not in cell:
                new.pop("id", None)
            cells[i] = new
            return
    if notebook.get("nbformat", 4) >= 4 and notebook.get("nbformat_minor", 0) >= 5:
        new["id"] = f"{tag}-cell"
    cells.insert(len(cells) if position == "end" else position, new)


PART_TWO_FROM = "13"  # notebooks 13– are part 2, "강의 너머"


def slide_type(cell):
    """The slideshow role of a cell, from its heading (or its tags)."""
    tags = cell.get("metadata", {}).get("tags", [])
    if "navigation" in tags or "check" in tags:
        return "skip"
    if cell["cell_type"] == "markdown":
        first = "".join(cell["source"]).lstrip().split("\n", 1)[0]
        if first.startswith(("# ", "## ")):
            return "slide"
        if first.startswith("### "):
            return "subslide"
    return "-"


def set_slides(notebook):
    for cell in notebook["cells"]:
        cell.setdefault("metadata", {})["slideshow"] = {"slide_type": slide_type(cell)}


def build(check=False):
    """Regenerate navigation; return the list of files that were (or would be) changed."""
    paths = notebook_paths()
    notebooks = {path: load(path) for path in paths}
    entries = [
        {
            "file": path.name,
            "number": path.name.split("_")[0],
            "title": title_of(nb, path),
            "summary": summary_of(nb),
        }
        for path, nb in notebooks.items()
    ]
    stale = []
    for i, (path, nb) in enumerate(notebooks.items()):
        before = dump(nb)
        set_tagged_cell(nb, "navigation", navigation_markdown(entries, i), "end")
        if path.name == INDEX:
            # the table of contents goes just before the navigation cell
            set_tagged_cell(nb, "toc", toc_markdown(entries), len(nb["cells"]) - 1)
        set_slides(nb)
        after = dump(nb)
        if after != before:
            stale.append(path)
            if not check:
                path.write_text(after, encoding="utf-8")

    readme = README.read_text(encoding="utf-8") if README.exists() else ""
    pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.S)
    if pattern.search(readme):
        new_readme = pattern.sub(
            lambda _: f"{README_START}\n{readme_table(entries)}\n{README_END}", readme
        )
        if new_readme != readme:
            stale.append(README)
            if not check:
                README.write_text(new_readme, encoding="utf-8")
    return stale


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    stale = build(check=args.check)
    for path in stale:
        print(f"{'stale' if args.check else 'updated'}: {path.relative_to(ROOT)}")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
