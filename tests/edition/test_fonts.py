"""The web fonts are subsets (tools/subset_fonts.py): nothing this edition writes may be missing
from them while the full font (fonts/*.ttf) has it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))

import subset_fonts


@pytest.mark.parametrize("name", subset_fonts.FONTS)
def test_web_font_has_every_character_the_text_uses(name):
    full = set(TTFont(subset_fonts.SOURCES / f"{name}.ttf").getBestCmap())
    web = set(TTFont(subset_fonts.TARGET / f"{name}.woff2").getBestCmap())
    wanted = subset_fonts.used_characters(subset_fonts.text_roots()) | set(subset_fonts.BASE)
    missing = sorted((wanted & full) - web)
    assert not missing, (f"{name}.woff2 lacks {', '.join(f'U+{c:04X}' for c in missing[:20])}: "
                         "run tools/subset_fonts.py and commit the fonts")


def test_arabic_web_font_still_shapes():
    """Joining forms come from the font's GSUB: the subset keeps init/medi/fina."""
    font = TTFont(subset_fonts.TARGET / "NotoNaskhArabic-Regular.woff2")
    features = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina", "rlig"} <= features
