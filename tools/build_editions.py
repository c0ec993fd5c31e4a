"""Write the student edition and the answer key of every notebook.

    python tools/build_editions.py            # writes editions/student/ and editions/key/
    python tools/build_editions.py OUT        # writes OUT/student/ and OUT/key/

Both come from the committed notebooks (course_utils/_editions.py):

- ``student/``: every ``<details>`` box with a model answer is removed, so no
  model answer is anywhere in the files (for handing out or grading); the code
  cells are the committed ones, so each check prints "☞ 아직 답을 입력하지
  않았습니다" until the student answers (the notebook tests prove that run);
- ``key/``: each exercise cell holds its model answer and its check (○ when run),
  with the explanations kept.

The editions are generated output: ``editions/`` is ignored by git.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from course_utils import _editions

ROOT = Path(__file__).resolve().parent.parent


def dump(nb):
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def build(out):
    out = Path(out)
    written = []
    for edition, make in (("student", _editions.student_edition), ("key", _editions.key_edition)):
        folder = out / edition
        folder.mkdir(parents=True, exist_ok=True)
        for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            target = folder / path.name
            target.write_text(dump(make(nb)), encoding="utf-8")
            written.append(target)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", nargs="?", default=str(ROOT / "editions"))
    args = parser.parse_args(argv)
    written = build(args.out)
    print(f"{len(written)} notebooks written under {args.out}/student and {args.out}/key")


if __name__ == "__main__":
    main()
