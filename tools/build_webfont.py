"""Build the course's web font: a renamed subset of the bundled NanumGothic, as WOFF2.

Maintainer script. fontTools comes with matplotlib; WOFF2 needs brotli (in
requirements.txt, because the tests read the font too)::

    python tools/build_webfont.py           # rebuild both faces, print sizes and gaps
    python tools/build_webfont.py --check   # only check the committed faces are current

JupyterLab draws the course in the browser, which has no Korean font on a machine without
one installed. The JupyterLab extension in ``jupyterlab-course-font/`` gives it these
files (``labextension/static/CourseGothic-{Regular,Bold}.woff2``). They hold every
Hangul syllable (U+AC00-U+D7A3) and jamo, ASCII, Latin-1, Greek, the arrows, math
operators and symbols NanumGothic has, and every character of the notebooks and of
``course_utils``'s sources (so messages, labels and titles) that NanumGothic has. The
characters the course uses that NanumGothic lacks (the minus sign U+2212, some sub- and
superscripts) come from the next font in the browser's list; the script prints them.

The files are committed, like the TTFs they come from: students need no font tools and
no build step at install time. Run this script again when a notebook starts using a new
character (``tests/test_webfont.py`` fails until then). The SIL Open Font License
reserves the name "Nanum" for the original, so the subset is renamed ``CourseGothic``
in its name table; ``course_utils/fonts/FONTLOG.md`` documents the derivation, and the
script copies it and ``OFL.txt`` next to the web fonts, as the licence requires.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "course_utils" / "fonts"
EXTENSION = ROOT / "jupyterlab-course-font" / "labextension"
STATIC = EXTENSION / "static"
FAMILY = "CourseGothic"  # the same name as course_utils.webfont.FAMILY (a test checks)
# style name -> source TTF
FACES = {"Regular": "NanumGothic.ttf", "Bold": "NanumGothicBold.ttf"}
LICENCE_FILES = ("OFL.txt", "FONTLOG.md")

# Unicode blocks kept whole (as far as NanumGothic has them), whatever the notebooks use.
RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 punctuation and letters: § · × ² ³ é
    (0x0370, 0x03FF),  # Greek: ε α δ ρ λ κ η φ θ Δ Σ
    (0x1100, 0x11FF),  # Hangul jamo
    (0x2000, 0x206F),  # general punctuation: – — … ‖ ′ ″
    (0x2070, 0x209F),  # super- and subscripts: ⁻ ₁ ₂ (NanumGothic lacks ₀ ⁰ ⁶ ₅)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators: ∇ ∂ √ ∑ ≈ ≤ ≥ ∞ ⊙
    (0x2460, 0x24FF),  # enclosed alphanumerics: ① ②
    (0x25A0, 0x25FF),  # geometric shapes: ▶ ◆ ○
    (0x2600, 0x26FF),  # miscellaneous symbols: ★
    (0x3000, 0x303F),  # CJK punctuation: 「 」
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0xAC00, 0xD7A3),  # all 11,172 Hangul syllables
)
# Name-table entries that carry the font's name; all are replaced (every platform and
# language, including the Korean "나눔고딕" ones).
NAME_IDS = (1, 2, 3, 4, 5, 6, 16, 17, 18, 20, 21, 22, 25)


def output_path(style):
    return STATIC / f"{FAMILY}-{style}.woff2"


def course_characters():
    """Every character in the notebooks' cells and in course_utils's sources."""
    chars = set()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            chars.update("".join(cell["source"]))
    for path in sorted((ROOT / "course_utils").rglob("*.py")):
        chars.update(path.read_text(encoding="utf-8"))
    return {ch for ch in chars if ch.isprintable() or ch == "\ufe0f"}


def wanted_codepoints():
    wanted = {ord(ch) for ch in course_characters()}
    for low, high in RANGES:
        wanted.update(range(low, high + 1))
    return wanted


@functools.cache
def source_cmap(style):
    from fontTools.ttLib import TTFont

    with TTFont(SOURCE_DIR / FACES[style], lazy=True) as font:
        return frozenset(font.getBestCmap())


def subset_codepoints(style):
    """What the web font of a style must map: the wanted characters NanumGothic has."""
    return wanted_codepoints() & source_cmap(style)


def missing_characters(style):
    """Characters the course uses that NanumGothic has no glyph for."""
    return sorted(
        ch for ch in course_characters() if ord(ch) > 0x7F and ord(ch) not in source_cmap(style)
    )


def expected_names(style, version):
    """The new name records: the family is CourseGothic, never a Reserved Font Name."""
    return {
        1: FAMILY,
        2: style,
        3: f"{FAMILY}-{style};{version}",
        4: f"{FAMILY} {style}",
        5: f"Version {version}",
        6: f"{FAMILY}-{style}",
        10: (
            f"{FAMILY} {style}: a subset of NanumGothic by NAVER (Hangul syllables and "
            "jamo, Latin and the symbols of the course), hinting removed, WOFF2, renamed "
            "under the SIL Open Font License's Reserved Font Name clause."
        ),
        13: "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        14: "https://openfontlicense.org",
    }


def rename(font, style):
    table = font["name"]
    source_version = table.getDebugName(5).split(";")[0].replace("Version ", "").strip()
    version = f"{source_version}-course1"
    table.names = [
        record
        for record in table.names
        if record.nameID not in NAME_IDS and record.nameID not in (10, 13, 14)
    ]
    for name_id, text in expected_names(style, version).items():
        # Windows, Unicode BMP, English (US): the only platform the subsetter keeps
        table.setName(text, name_id, 3, 1, 0x409)


def build_face(style):
    """The subset, renamed font of one style, as a fontTools TTFont (WOFF2 flavour)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # TrueType instructions: half the size; browsers hint anyway
    options.legacy_kern = True  # NanumGothic's spacing lives in a legacy kern table
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]  # VTT sources
    # recalcTimestamp=False: the same input gives the same file
    font = TTFont(SOURCE_DIR / FACES[style], recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset_codepoints(style))
    subsetter.subset(font)
    rename(font, style)
    font.flavor = "woff2"
    return font


def check():
    """Problems of the committed web fonts and licence copies (empty when current)."""
    from fontTools.ttLib import TTFont

    problems = []
    for style in FACES:
        path = output_path(style)
        if not path.exists():
            problems.append(f"{path.name} missing")
            continue
        with TTFont(path) as font:
            cmap = set(font.getBestCmap())
            names = {record.nameID: record.toUnicode() for record in font["name"].names}
        if cmap != subset_codepoints(style):
            problems.append(
                f"{path.name}: its characters differ from the course's "
                "(run `python tools/build_webfont.py`)"
            )
        if names.get(1) != FAMILY or names.get(6) != f"{FAMILY}-{style}":
            problems.append(f"{path.name}: family {names.get(1)!r}, PostScript {names.get(6)!r}")
    for name in LICENCE_FILES:
        copy = STATIC / name
        if not copy.exists() or copy.read_bytes() != (SOURCE_DIR / name).read_bytes():
            problems.append(f"{copy.relative_to(ROOT)} is not a copy of course_utils/fonts/{name}")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only check that the committed files are current"
    )
    args = parser.parse_args(argv)
    if not args.check:
        STATIC.mkdir(parents=True, exist_ok=True)
        for style in FACES:
            font = build_face(style)
            font.save(output_path(style))
            print(
                f"{output_path(style).relative_to(ROOT)}: {len(font.getBestCmap())} "
                f"characters, {output_path(style).stat().st_size / 1024:.0f} KiB"
            )
        for name in LICENCE_FILES:
            shutil.copyfile(SOURCE_DIR / name, STATIC / name)
        gaps = missing_characters("Regular")
        print(
            "used by the course but not in NanumGothic (the browser takes them from the "
            "next font in its list):"
        )
        print("  " + " ".join(f"{ch} U+{ord(ch):04X}" for ch in gaps))
    problems = check()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
