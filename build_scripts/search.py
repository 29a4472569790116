"""Arabic search: folded fields in Material's search index, and the matching query folding.

Material's worker appends `*` to every query word and skips lunr's pipeline, so «عقوبات*»
never matches «والعقوبات». The build adds `norm`/`ntitle` fields holding the folded,
clitic-stripped words of each section (`arabic.search_terms`); `search-fold.js` folds the query
with the same tables, which the build writes to `RULES_SCRIPT` from `arabic.js_rules()`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from . import terms as glossary
from .arabic import search_terms, search_words
from .model import Term

FIELDS = {"ntitle": {"boost": 1000.0}, "norm": {"boost": 1.0}}
FOLD_SCRIPT = "assets/javascripts/search-fold.js"
RULES_SCRIPT = "assets/javascripts/search-fold-rules.js"


def strip_tags(text: str) -> str:
    """Plain text of an HTML fragment."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def term_token(ident: str) -> str:
    """The word that stands for a glossary term in the index: one token, whatever its spelling."""
    return "g" + ident.replace("-", "")


def add_folded_fields(entries: list[dict], matcher: glossary.Matcher | None = None
                      ) -> list[dict]:
    """Give each search entry folded `norm` and `ntitle` fields; with a glossary, each term found
    in a section adds its token, so a query in any of the term's spellings finds it."""
    for entry in entries:
        title, text = strip_tags(entry.get("title", "")), strip_tags(entry.get("text", ""))
        entry["ntitle"] = " ".join(search_terms(title))
        words = search_words(text)
        if matcher is not None:
            found = dict.fromkeys(term_token(m.term) for m in matcher.find(f"{title}\n{text}"))
            words.extend(found)
        entry["norm"] = " ".join(words)
    return entries


def query_rules(terms: Iterable[Term], lang: str) -> dict:
    """What the browser needs to turn a query word into a term's token: every folded spelling
    (first word without «ال»), and for terms that take endings, their stems and the endings."""
    forms: dict[str, str] = {}
    stems: dict[str, str] = {}
    for term in terms:
        for written in term.forms.get(lang, ()):
            words = glossary.fold_form(written)
            key = " ".join([words[0], *(glossary.without_article(w) for w in words[1:])])
            forms.setdefault(key, term_token(term.id))
            if term.suffixes and len(words) == 1:
                stems.setdefault(glossary.stem(words[0]), term_token(term.id))
    return {"forms": forms, "stems": stems, "tails": list(glossary.TAILS)}
