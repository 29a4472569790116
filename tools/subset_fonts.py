"""Regenerate the web fonts (overrides/assets/fonts/*.woff2) from the full TTFs in fonts/.

    .venv/bin/python tools/subset_fonts.py

Each WOFF2 keeps the characters any edition needs (ASCII, Latin-1, general punctuation, the
Arabic letters, marks, digits and punctuation) and every other character this edition's text
and catalogs use, with the layout features Arabic shaping needs (fontTools' defaults), without
hinting. That makes a page's fonts about a third of their full size. The output is the same for
the same input (no timestamp). tests/edition/test_fonts.py fails when content uses a character
the full font has and the subset lacks: then run this again and commit the fonts.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "fonts"
TARGET = REPO / "overrides" / "assets" / "fonts"
FONTS = ("NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold", "NotoSans-Regular", "NotoSans-Bold",
         "NotoSans-Italic")
# What any edition may need, whatever its text: printable ASCII, Latin-1 and Extended-A, general
# punctuation,
# the Arabic letters with their marks, digits and punctuation, ornate parentheses.
BASE = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2000, 0x2070), *range(0x600, 0x653),
        *range(0x660, 0x66E), 0x670, 0x6D4, 0xFD3E, 0xFD3F,
        # Latin Extended-A (names such as Erdoğan, Łódź) and the letters Arabic news uses for
        # foreign sounds (پ چ ژ ڤ ک گ ی), so another edition's names keep the site's face
        0x67E, 0x686, 0x698, 0x6A4, 0x6A9, 0x6AF, 0x6CC]
TEXT_FILES = ("*.md", "*.yml", "*.po")


def used_characters(roots: list[Path]) -> set[int]:
    """Every character of the text files (Markdown, YAML, catalogs) under `roots`."""
    chars: set[int] = set()
    for root in roots:
        for pattern in TEXT_FILES:
            for path in sorted(root.rglob(pattern)):
                chars.update(map(ord, path.read_text(encoding="utf-8")))
    return {c for c in chars if c >= 0x20}


def text_roots() -> list[Path]:
    return [REPO / "content", REPO / "build_scripts" / "locales"]


def subset(source: Path, target: Path, unicodes: set[int]) -> None:
    from fontTools import subset as ft

    options = ft.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.name_IDs = ["*"]  # keep the copyright and licence (OFL) names
    options.name_languages = ["*"]
    font = ft.load_font(str(source), options)
    font.recalcTimestamp = False  # the same input gives the same bytes
    subsetter = ft.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    ft.save_font(font, str(target), options)


def main(argv: list[str]) -> int:
    unicodes = set(BASE) | used_characters(text_roots())
    for name in FONTS:
        source, target = SOURCES / f"{name}.ttf", TARGET / f"{name}.woff2"
        before = target.stat().st_size if target.exists() else 0
        subset(source, target, unicodes)
        print(f"{target.relative_to(REPO)}: {before / 1000:.0f} KB → "
              f"{target.stat().st_size / 1000:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
