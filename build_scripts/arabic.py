"""Arabic text helpers: normalisation for matching, light stemming, and bidi wrapping.

The same rules are mirrored in `overrides/assets/javascripts/workers/search-ar.js`
(query side of search); `tests/test_arabic.py` runs both on one table of cases.
"""

from __future__ import annotations

import html
import re

TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, superscript alef and Quranic marks.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
ALEF_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Prefix clitics, longest first. Each is stripped only if a stem of 2+ letters remains.
PREFIXES = ("وبال", "وكال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل")
MIN_STEM = {1: 3}  # a one-letter clitic needs 3 letters left (وكالة stays a word of 4)

# Bidi embedding, override and isolate controls: never allowed in content (use <bdi>).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

TOKEN = re.compile(r"[\w\u0600-\u06ff]+", re.UNICODE)
_LATIN_WORD = r"[A-Za-z0-9](?:[A-Za-z0-9\-.'’/]*[A-Za-z0-9])?"
LATIN_RUN = re.compile(rf"{_LATIN_WORD}(?: {_LATIN_WORD})*")


def strip_tatweel(text: str) -> str:
    """Remove the decorative tatweel (kashida) stretch character."""
    return text.replace(TATWEEL, "")


def normalise(text: str) -> str:
    """Fold diacritics, tatweel, alef/yaa/taa-marbuta variants and digits for matching."""
    text = DIACRITICS.sub("", strip_tatweel(text))
    return text.translate(ALEF_VARIANTS).translate(ARABIC_INDIC_DIGITS).lower()


def stem(word: str) -> str:
    """Strip one prefix clitic sequence (و ف ب ك ل ال لل …) from a normalised word."""
    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= MIN_STEM.get(len(prefix), 2):
            return rest
    return word


def search_terms(text: str) -> list[str]:
    """Return the normalised, prefix-stripped tokens of `text`, in order."""
    return [stem(token) for token in TOKEN.findall(normalise(text))]


def isolate_latin(text_html: str) -> str:
    """Wrap runs of Latin letters and digits in `<bdi>` so they keep their order in RTL text.

    Works on HTML text: markup inside tags is left alone.
    """
    parts = re.split(r"(<[^>]+>)", text_html)
    for i, part in enumerate(parts):
        if part.startswith("<"):
            continue
        parts[i] = LATIN_RUN.sub(_wrap_run, part)
    return "".join(parts)


def _wrap_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if run.isdigit():  # bare numbers sit fine in RTL text; only mixed runs need isolating
        return run
    return f'<bdi dir="ltr">{run}</bdi>'


def escape(text: str) -> str:
    """HTML-escape text without touching quotes (keeps the source's quotation marks)."""
    return html.escape(text, quote=False)
