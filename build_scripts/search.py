"""Arabic search: folded fields in Material's search index, and the matching query folding.

Material's worker appends `*` to every query word and skips lunr's pipeline, so «عقوبات*»
never matches «والعقوبات». The build adds `norm`/`ntitle` fields holding the folded,
clitic-stripped words of each section (`arabic.search_terms`); `search-fold.js` folds the query
with the same tables, which the build writes to `RULES_SCRIPT` from `arabic.js_rules()`.
"""

from __future__ import annotations

import html
import re

from .arabic import search_terms

FIELDS = {"ntitle": {"boost": 1000.0}, "norm": {"boost": 1.0}}
FOLD_SCRIPT = "assets/javascripts/search-fold.js"
RULES_SCRIPT = "assets/javascripts/search-fold-rules.js"


def strip_tags(text: str) -> str:
    """Plain text of an HTML fragment."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def add_folded_fields(entries: list[dict]) -> list[dict]:
    """Give each search entry folded `norm` and `ntitle` fields."""
    for entry in entries:
        entry["ntitle"] = " ".join(search_terms(strip_tags(entry.get("title", ""))))
        entry["norm"] = " ".join(search_terms(strip_tags(entry.get("text", ""))))
    return entries
