"""The enrich stage, between validation and rendering: resolve what renderers should not compute.

- every citable paragraph becomes a `Cite` (target, label, hover hint per language), so an
  explainer marker, a timeline source or a start-page citation is a lookup, not a computation;
- glossary terms are found (`terms.Matcher`) in every paragraph, translation and explainer text:
  the spans renderers link, where each term occurs (with counts), each article's key terms;
- each article's page furniture, as the importer removes it from `source.txt`, for the About page.

Pure: a validated `Site` in, an enriched `Site` out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from . import importer, markup, quiz, terms
from .model import Article, Cite, Removed, Site, Text, Usage

HINT_CHARS = 140
KEY_TERMS = 10


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
    site = replace(site, articles=articles, cites=cites)
    if site.terms:
        site = _with_terms(site)
    return replace(site, articles=tuple(
        replace(a, quiz=a.quiz + quiz.generated(site, a)) if a.quiz else a
        for a in site.articles))


def _with_terms(site: Site) -> Site:
    matcher = terms.glossary_matcher(site.terms)
    mentions: dict[tuple[str, str], tuple] = {}
    places: dict[str, dict[str, dict[str, list]]] = {}
    key_terms: dict[str, tuple[str, ...]] = {}

    def find(lang: str, text: str) -> tuple:
        if (lang, text) not in mentions:
            mentions[(lang, text)] = tuple(matcher.find(text))
        return mentions[(lang, text)]

    source = site.config.source_lang
    for article in site.articles:
        first_seen: dict[str, int] = {}
        counts: Counter = Counter()
        for position, block in enumerate(article.blocks):
            for lang in site.config.codes:
                text, translated = article.text_of(block, lang)
                if lang != source and not translated:
                    continue
                found = Counter(m.term for m in find(lang, text))
                for term, n in found.items():
                    places.setdefault(term, {}).setdefault(lang, {}).setdefault(
                        article.slug, []).append((block.id, n))
                    if lang == source:
                        counts[term] += n
                        first_seen.setdefault(term, position)
        for lang, sections in article.explainers.items():
            for section in sections:
                for _, texts in markup.paragraphs(section.body):
                    for text in texts:
                        find(lang, text)
        ranked = sorted(counts, key=lambda t: (-counts[t], first_seen[t], t))
        key_terms[article.slug] = tuple(ranked[:KEY_TERMS])
    usage = {t.id: Usage(t.id, {lang: {slug: tuple(blocks) for slug, blocks in by_slug.items()}
                                for lang, by_slug in places.get(t.id, {}).items()})
             for t in site.terms}
    return replace(site, mentions=mentions, usage=usage, key_terms=key_terms)


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
