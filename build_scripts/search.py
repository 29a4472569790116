"""Arabic search: add prefix- and diacritic-folded fields to Material's search index.

Material's worker appends `*` to every query word and skips lunr's pipeline, so «عقوبات*»
never matches «والعقوبات». The build adds `norm`/`ntitle` fields holding the folded,
clitic-stripped words of each section; `search-fold.js` folds the query the same way.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .arabic import search_terms

FIELDS = {"ntitle": {"boost": 1000.0}, "norm": {"boost": 1.0}}
FOLD_SCRIPT = "assets/javascripts/search-fold.js"


def strip_tags(text: str) -> str:
    """Plain text of an HTML fragment."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def add_folded_fields(index: dict) -> dict:
    """Give each search document folded `norm` and `ntitle` fields."""
    for doc in index["docs"]:
        doc["ntitle"] = " ".join(search_terms(strip_tags(doc.get("title", ""))))
        doc["norm"] = " ".join(search_terms(strip_tags(doc.get("text", ""))))
    return index


def rewrite_index(site_lang_dir: Path) -> int:
    """Add the folded fields to search_index.json and the offline search_index.js; return docs."""
    path = site_lang_dir / "search" / "search_index.json"
    index = add_folded_fields(json.loads(path.read_text(encoding="utf-8")))
    data = json.dumps(index, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    path.write_text(data, encoding="utf-8")
    (site_lang_dir / "search" / "search_index.js").write_text(f"var __index = {data}",
                                                               encoding="utf-8")
    return len(index["docs"])
