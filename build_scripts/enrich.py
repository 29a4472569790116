"""The enrich stage, between validation and rendering: resolve what renderers should not compute.

- every citable paragraph becomes a `Cite` (target, label, hover hint per language), so an
  explainer marker, a timeline source or a start-page citation is a lookup, not a computation;
- each article's page furniture, as the importer removes it from `source.txt`, for the About page.

Pure: a validated `Site` in, an enriched `Site` out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import importer
from .model import Article, Cite, Removed, Site, Text

HINT_CHARS = 140


def enrich(site: Site) -> Site:
    """Return `site` with citations resolved and removed furniture listed."""
    articles = tuple(_with_removed(article) for article in site.articles)
    cites = {}
    for article in articles:
        for block in article.blocks:
            if block.kind == "heading":
                continue
            hint = Text({lang: _snippet(article.text_of(block, lang)[0])
                         for lang in site.config.codes})
            cites[f"{article.slug}#{block.id}"] = Cite(article.slug, block.id, f"¶{block.number}",
                                                       hint)
    return replace(site, articles=articles, cites=cites)


def short_title(title: str, words: int = 5) -> str:
    """The first words of a title, up to its first colon, question mark or '..'."""
    short = re.split(r"\.\.|…|[:؟?]", title)[0].strip()
    parts = short.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _snippet(text: str) -> str:
    return text if len(text) <= HINT_CHARS else text[:HINT_CHARS].rsplit(" ", 1)[0] + " …"


def _with_removed(article: Article) -> Article:
    if not article.source_text:
        return article
    removed = tuple(Removed(r.line, r.text, r.reason)
                    for r in importer.clean(article.source_text).removed)
    return replace(article, removed=removed)
