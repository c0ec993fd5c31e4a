"""One term per idea (GLOSSARY.md) and clean Korean spacing, in every notebook and the README."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
QUOTE_MARK = "<!-- glossary: quote -->"
PARTICLES = "이|가|은|는|을|를|의|에|에서|에게|로|으로|와|과|도|만|보다|처럼|까지|부터"


def forbidden_terms():
    rows = re.findall(
        r"^\|([^|\n]+)\|([^|\n]+)\|([^|\n]*)\|$",
        (ROOT / "GLOSSARY.md").read_text(encoding="utf-8"),
        re.M,
    )
    terms = {}
    for term, _english, variants in rows[2:]:  # skip the header and the |---| row
        for variant in variants.split(","):
            if variant.strip():
                terms[variant.strip()] = term.strip()
    return terms


FORBIDDEN = forbidden_terms()


def prose(text):
    """Text with code spans, code blocks, HTML comments and quoted lecture lines removed."""
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = "\n".join(line for line in text.splitlines() if QUOTE_MARK not in line)
    return re.sub(r"`[^`\n]*`", " ", text)


def texts():
    for path in NOTEBOOKS:
        for index, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                yield f"{path.name} 셀 {index}", prose(source)
            else:  # comments and strings of code cells are prose too
                yield (
                    f"{path.name} 셀 {index}",
                    "\n".join(re.findall(r"#.*$|\"[^\"\n]*\"|'[^'\n]*'", source, re.M)),
                )
    yield "README.md", prose((ROOT / "README.md").read_text(encoding="utf-8"))


def test_glossary_has_terms():
    assert {"초기값", "함수값", "방향도함수", "헤시안", "파머 펭귄"} <= set(FORBIDDEN)


def test_no_forbidden_variant():
    found = [
        f"{where}: '{variant}' → '{FORBIDDEN[variant]}'"
        for where, text in texts()
        for variant in FORBIDDEN
        if variant in text
    ]
    assert not found, "GLOSSARY.md의 용어를 쓰세요:\n" + "\n".join(found)


# a bold span ending a sentence ("**보여 주는 것.** 이 그림은") is followed by a new word, not a particle
BOLD_THEN_PARTICLE = re.compile(rf"\*\*[^*\n]*[^*\n.:!?]\*\* ({PARTICLES})(?=[\s.,)!?]|$)", re.M)
# "이" is also the determiner "this" ("7.4 이 결과"), so it is left out after numbers and symbols
AFTER_SYMBOL = PARTICLES.replace("이|", "")
SPACE_BEFORE_PARTICLE = re.compile(rf"[0-9A-Za-z₀-₉ⁿᵏ)\]$] ({AFTER_SYMBOL})(?=[\s.,)!?]|$)", re.M)


@pytest.mark.parametrize(
    "pattern, what",
    [
        (BOLD_THEN_PARTICLE, '굵은 글씨와 조사 사이의 공백 ("**현(chord)** 이")'),
        (SPACE_BEFORE_PARTICLE, '숫자·기호와 조사 사이의 공백 ("x₀ = 1 에서")'),
    ],
)
def test_no_space_before_a_particle(pattern, what):
    found = [
        f"{where}: …{m.string[max(0, m.start() - 25) : m.end()]!r}"
        for where, text in texts()
        for m in pattern.finditer(text)
    ]
    assert not found, f"{what}:\n" + "\n".join(found)
