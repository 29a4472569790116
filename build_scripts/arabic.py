"""The one Arabic folding module: normalisation for matching, clitic stripping, bidi wrapping.

The loader (name checks), the search index and the query folding in the browser all fold with
these rules: `js_rules()` hands the same tables to `search-fold.js`, so there is no second copy.
"""

from __future__ import annotations

import functools
import re

TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, superscript alef and Quranic marks.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# Alef forms; final yaa and taa marbuta; hamza on a seat (ؤ ئ) as the bare hamza, so حلفاؤها,
# حلفائها and حلفاءها are one word.
FOLDS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء"}
ALEF_VARIANTS = str.maketrans(FOLDS)
ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Prefix clitics, longest first. Each is stripped only if a stem of 2+ letters remains.
PREFIXES = ("وبال", "وكال", "وال", "بال", "كال", "فال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل")
MIN_STEM = {1: 3}  # a one-letter clitic needs 3 letters left (وكالة stays a word of 4)
DEFAULT_MIN_STEM = 2

# Bidi embedding, override and isolate controls: never allowed in content (use <bdi>).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What content text may never contain: bidi controls, zero-width characters that split a word
# invisibly (ZWJ/ZWNJ are real Arabic typography and stay), a BOM inside text, C0 controls.
FORBIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\x00-\x08\x0b-\x1f\x7f]")

TOKEN = re.compile(r"\w+")  # letters and digits: Arabic punctuation (، ؛ ؟) ends a word
_LATIN_WORD = r"[A-Za-z0-9](?:[A-Za-z0-9\-.'’/#_]*[A-Za-z0-9])?"
LATIN_RUN = re.compile(rf"{_LATIN_WORD}(?: {_LATIN_WORD})*")


def js_rules() -> dict:
    """The folding tables as JSON-ready values, for the browser's query folding."""
    return {
        "diacritics": DIACRITICS.pattern[1:-1] + TATWEEL,
        "fold": dict(FOLDS),
        "prefixes": list(PREFIXES),
        "minStem": {str(k): v for k, v in MIN_STEM.items()},
        "defaultMinStem": DEFAULT_MIN_STEM,
        "tails": list(TAILS),
    }


def strip_tatweel(text: str) -> str:
    """Remove the decorative tatweel (kashida) stretch character."""
    return text.replace(TATWEEL, "")


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Fold diacritics, tatweel, alef/yaa/taa-marbuta variants and digits for matching."""
    text = DIACRITICS.sub("", strip_tatweel(text))
    return text.translate(ALEF_VARIANTS).translate(ARABIC_INDIC_DIGITS).lower()


def stem(word: str) -> str:
    """Strip one prefix clitic sequence (و ف ب ك ل ال لل …) from a normalised word."""
    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= MIN_STEM.get(len(prefix), DEFAULT_MIN_STEM):
            return rest
    return word


@functools.lru_cache(maxsize=65536)
def clitic_readings(word: str) -> frozenset[str]:
    """Every way to read a folded word as clitics + stem: conjunction (و ف), preposition
    (ب ك ل), article (ال; ل + ال is written لل). وبالعقوبات → وبالعقوبات, بالعقوبات, العقوبات,
    عقوبات. A one-letter prefix leaves 3 letters at least, a longer one 2."""
    out = {word}
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ك", "ل"):
            for article in ("", "ال"):
                prefix = conj + ("لل" if prep == "ل" and article else prep + article)
                rest = word[len(prefix):]
                if prefix and word.startswith(prefix) and \
                        len(rest) >= MIN_STEM.get(len(prefix), DEFAULT_MIN_STEM):
                    out.add(rest)
                    if article:
                        out.add("ال" + rest)
    return frozenset(out)


def sort_key(text: str) -> str:
    """Dictionary order of Arabic: «ال» and hamza forms ignored (after folding, the Unicode order
    of the Arabic letters is the alphabet's order: ا ب ت ث ج ح خ … ن ه و ي)."""
    folded = normalise(text).replace("ء", "")
    return folded[2:] if folded.startswith("ال") and len(folded) > 3 else folded


# Regular endings a noun or adjective may take, after folding (ة → ه), longest first: plural and
# dual, nisba, attached pronouns, tanween's written alef. Shared by the glossary and search.
TAILS = ("اتهما", "اتهم", "اتها", "يات", "يون", "يين", "تان", "تين", "هما", "ات", "ون", "ين",
         "ان", "يه", "ها", "هم", "ته", "ي", "ه", "ا")


def light_stem(word: str) -> str:
    """A folded Arabic word without one regular ending and a final ه/ي, for search only:
    حاويات, حاوية → حاو; عقوبات, عقوبة → عقوب. Broken plurals (صواريخ) need the glossary."""
    for tail in TAILS:
        if word.endswith(tail) and len(word) - len(tail) >= 3:
            word = word[: -len(tail)]
            break
    if word.endswith(("ه", "ي")) and len(word) >= 4:
        word = word[:-1]
    return word


def search_terms(text: str) -> list[str]:
    """Return the normalised, prefix-stripped tokens of `text`, in order."""
    return [stem(token) for token in TOKEN.findall(normalise(text))]


def search_words(text: str) -> list[str]:
    """What the search index holds for `text` (and what a query becomes): each folded word
    without its clitics, followed by its light stem where that differs."""
    out: list[str] = []
    for token in TOKEN.findall(normalise(text)):
        out.extend(_index_words(token))
    return out


# Letters that join the letter after them (Unicode joining type D, and the tatweel); the
# right-joining ones (ا أ إ آ د ذ ر ز و ؤ ة) and the hamza ء never do, so no joiner goes after them.
_JOINS_NEXT = ("[\u0620\u0626\u0628\u062a-\u062e\u0633-\u063f\u0640-\u0647\u0649\u064a\u066e"
               "\u066f\u0678-\u0687\u069a-\u06bf\u06c1\u06c2\u06cc\u06ce\u06d0\u06d1\u06fa-\u06fc"
               "\u06ff]")
_JOINS_PREVIOUS = "[\u0620\u0622-\u064a\u066e\u066f\u0671-\u06d3\u06fa-\u06fc\u06ff]"
_INLINE_TAGS = ("(?:</?(?:a|abbr|b|bdi|cite|code|dfn|em|i|mark|q|s|small|span|strong|sub|sup|"
                "time|u)\\b[^>]*>)+")
_SPLIT_WORD = re.compile(
    f"({_JOINS_NEXT}{DIACRITICS.pattern}*)({_INLINE_TAGS})(?={_JOINS_PREVIOUS})")
ZWJ = "\u200d"


def join_across_tags(html: str) -> str:
    """A zero-width joiner on both sides of inline tags that split an Arabic word (الكت<em>اب</em>),
    so a renderer that shapes each element's text apart (WeasyPrint) still joins the letters."""
    return _SPLIT_WORD.sub(lambda m: f"{m[1]}{ZWJ}{m[2]}{ZWJ}", html)


@functools.lru_cache(maxsize=65536)
def _index_words(token: str) -> tuple[str, ...]:
    """`search_words` of one folded token (a site repeats its words: each is worked out once)."""
    word = stem(token)
    if re.search("[\u0600-\u06ff]", word) and light_stem(word) != word:
        return word, light_stem(word)
    return (word,)
