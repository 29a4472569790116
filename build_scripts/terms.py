"""Find glossary terms in text, Arabic word forms included.

Hand-written because no library does this for Arabic: a glossary form must be found whatever
clitics are attached (و ف ب ك ل, the article ال and لل, in combination), with the regular
suffixes a common noun takes (plural and dual, nisba, attached pronouns), in any of the
spellings outlets use, as whole words only, longest match first, across spaces and line breaks.
Stemmers (ISRI, Snowball) conflate far more than a glossary wants and return roots, not words.

The folding is `arabic.normalise`, the same as search and the loader use. English matching is
case-insensitive (except for acronyms), with plurals, possessives and hyphen/space variants.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import arabic

TAILS = arabic.TAILS  # the regular endings a common noun may take (one list, with search)
MIN_STEM = 2
# A word with its diacritics and tatweel; a hyphen separates words: KN-23 and KN 23 alike.
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670]+(?:['’]\w+)*")
_GAP = re.compile(r"[\s\-]{1,3}")  # what may stand between the words of one term
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True)
class Form:
    """One written form of a term, folded into words. A form with the term "" is an exclusion:
    a word or phrase that contains a term's spelling but is something else (كسول, Latin America);
    where it matches at least as long as a term, nothing is found there."""

    term: str
    words: tuple[str, ...]
    suffixes: bool  # regular endings allowed (Arabic common nouns)
    exact_case: bool = False  # English acronyms: "US" is not "us"


@dataclass(frozen=True)
class Mention:
    """A term found in a text: characters start:end of the original text."""

    term: str
    start: int
    end: int


def without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def stem(word: str) -> str:
    """The part of a folded form to which regular endings attach (صاروخ، عقوب، باليست)."""
    if word.endswith(("ه", "ي")) and len(word) > MIN_STEM + 1:
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def _fold(token: str) -> str:
    """`arabic.normalise` of one word; a text repeats its words, and so do the articles."""
    return arabic.normalise(token)


@functools.lru_cache(maxsize=65536)
def _arabic_word_matches(form_word: str, token_readings: frozenset[str], suffixes: bool,
                         first: bool) -> bool:
    target = form_word if first else without_article(form_word)
    readings = token_readings if first else {without_article(r) for r in token_readings}
    if target in readings:
        return True
    if not suffixes:
        return False
    base = stem(target)
    return any(r.startswith(base) and r[len(base):] in TAILS for r in readings)


class Matcher:
    """All the forms of a glossary, indexed for one pass over a text."""

    def __init__(self, forms: Iterable[Form]):
        self.arabic: dict[str, list[Form]] = {}
        self.latin: dict[str, list[Form]] = {}
        self._candidates: dict[str, list[Form]] = {}  # per folded word, longest first
        for form in forms:
            if not form.words:
                continue
            if _ARABIC.search(form.words[0]):
                key = stem(form.words[0]) if form.suffixes else form.words[0]
                self.arabic.setdefault(key[:2], []).append(form)
            else:
                self.latin.setdefault(form.words[0].lower(), []).append(form)

    def find(self, text: str) -> list[Mention]:
        """Every mention in `text`, longest first where they overlap, left to right."""
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        folded = [_fold(t) for _, _, t in tokens]
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            best = self._best_at(i, tokens, folded, text)
            if best is None:
                i += 1
                continue
            form, count = best
            if form.term:  # an exclusion covers its words and finds nothing
                mentions.append(Mention(form.term, tokens[i][0], tokens[i + count - 1][1]))
            i += count
        return mentions

    def _best_at(self, i: int, tokens, folded, text: str) -> tuple[Form, int] | None:
        best: tuple[Form, int] | None = None
        word = folded[i]
        candidates = self._candidates.get(word)
        if candidates is None:
            candidates = self._candidates[word] = self._forms_for(word)
        for form in candidates:
            count = len(form.words)
            if i + count > len(tokens) or (best and count <= best[1]):
                continue
            if self._matches(form, i, tokens, folded, text):
                best = (form, count)
        return best

    def _forms_for(self, word: str) -> list[Form]:
        """The forms that may start at a folded word; longest first, and at equal length an
        exclusion ("") first, so that it wins."""
        if _ARABIC.search(word):
            readings = arabic.clitic_readings(word)
            candidates = {f for r in readings for f in self.arabic.get(r[:2], [])}
        else:
            candidates = set(self.latin.get(word.lower(), []))
            candidates |= set(self.latin.get(_english_base(word.lower()), []))
        return sorted(candidates, key=lambda f: (-len(f.words), f.term))

    def _matches(self, form: Form, i: int, tokens, folded, text: str) -> bool:
        for k, form_word in enumerate(form.words):
            word = folded[i + k]
            if k and not _GAP.fullmatch(text[tokens[i + k - 1][1]:tokens[i + k][0]]):
                return False
            if _ARABIC.search(form_word):
                readings = arabic.clitic_readings(word) if k == 0 else frozenset({word})
                if not _arabic_word_matches(form_word, readings, form.suffixes, k == 0):
                    return False
            elif not _english_matches(form_word, tokens[i + k][2], form.exact_case,
                                      last=k == len(form.words) - 1):
                return False
        return True


def _english_base(word: str) -> str:
    for ending in ("'s", "’s", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


def _english_matches(form_word: str, token: str, exact_case: bool, *, last: bool) -> bool:
    if exact_case:
        return token == form_word or (last and token.rstrip("s’'") == form_word)
    word, form_word = token.lower(), form_word.lower()
    if word == form_word:
        return True
    return last and _english_base(word) == form_word or word in (form_word + "'s",
                                                                 form_word + "’s")


def fold_form(text: str) -> tuple[str, ...]:
    """A written form as folded words: «الصواريخ الباليستية» → (صواريخ, الباليستيه)."""
    words = [m.group() for m in _WORD.finditer(text)]
    out = []
    for k, w in enumerate(words):
        if _ARABIC.search(w):
            folded = arabic.normalise(w)
            out.append(without_article(folded) if k == 0 else folded)
        else:
            out.append(w)
    return tuple(out)


def form(term: str, written: str, *, suffixes: bool = False) -> Form:
    """The matcher's form of a written spelling; short all-capital English forms are acronyms."""
    words = fold_form(written)
    acronym = len(words) == 1 and words[0].isupper() and len(words[0]) <= 6
    return Form(term, words, suffixes, exact_case=acronym)


def glossary_matcher(glossary: Iterable, lang: str | None = None) -> Matcher:
    """The matcher of a glossary (`model.Term`s): every spelling, in one language or all, and
    every exclusion."""
    forms = [form(t.id, written, suffixes=t.suffixes) for t in glossary
             for code, spellings in t.forms.items() if lang in (None, code)
             for written in spellings]
    forms += [Form("", fold_form(written), False) for t in glossary for written in t.exclude]
    return Matcher(forms)
