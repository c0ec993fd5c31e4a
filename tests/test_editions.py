"""The student edition holds no model answer; the answer key holds every one
(tools/build_editions.py, course_utils/_editions.py)."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "build_editions", ROOT / "tools" / "build_editions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_sources(nb):
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_editions(tmp_path):
    from course_utils import _editions

    written = load_tool().build(tmp_path)
    committed = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
    assert len(written) == 2 * len(committed)
    for path in committed:
        nb = json.loads(path.read_text(encoding="utf-8"))
        answers = [_editions.model_answer(nb, details) for _, _, details in _editions.exercises(nb)]
        student_text = (tmp_path / "student" / path.name).read_text(encoding="utf-8")
        student = json.loads(student_text)
        assert "<details>" not in student_text and _editions.ANSWERS_NOTE not in student_text, (
            path.name
        )
        for answer in answers:
            for line in answer.splitlines():
                # a model answer line that is not also in the student's own scaffold
                if line.strip() and not any(line in code for code in code_sources(nb)):
                    assert json.dumps(line, ensure_ascii=False)[1:-1] not in student_text, (
                        path.name,
                        line,
                    )
        # the student runs exactly the committed code: each check says "not answered"
        # (the notebook test executes that code and checks every exercise cell's verdict)
        assert code_sources(student) == code_sources(nb)
        key = json.loads((tmp_path / "key" / path.name).read_text(encoding="utf-8"))
        for (index, ident, _), answer in zip(_editions.exercises(nb), answers):
            cell = "".join(key["cells"][index]["source"])
            assert answer in cell and f'cu.check("{ident}"' in cell.replace("'", '"')
