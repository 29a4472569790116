"""`status`: what an editor asks every morning — per article, what is done and what is pending,
and every problem that stops `make site` now (the check's own list)."""

from __future__ import annotations

import re
from pathlib import Path

NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)+)\b")


def status(root: Path, content: Path, *, brief: bool = False) -> str:
    """What an editor asks every morning, per article, and what stops `make site` now.

    `brief` (the preview server's log) lists only the articles with something pending."""
    from .build import check
    from .errors import ContentError, Problems
    from .load import load_site
    from .outputs import REGISTRY

    problems = Problems(content.parent)
    site = load_site(content, problems, navigable=REGISTRY.navigable(), allow_pending=True).site
    try:
        check(root, content=content)
        blockers: list = []
    except ContentError as error:
        blockers = list(error.problems)
    if site is None:
        return "\n".join(["site.yml cannot be read; nothing else can be checked:",
                          *[f"  {p}" for p in blockers]])
    config = site.config
    source, others = config.source_lang, [c for c in config.codes if c != config.source_lang]
    forms = [f.lower() for term in site.terms for lang in others for f in term.forms.get(lang, ())]
    out = [f"{len(site.articles)} article(s) in {content.name}"]
    for article in site.articles:
        paragraphs = [b for b in article.blocks if b.kind != "heading"]
        start, pending = len(out), False
        out.append(f"\n{article.slug} — {article.title[source]}")
        for lang in others:
            done = sum(1 for b in article.blocks if b.id in article.translations.get(lang, {}))
            pending |= done < len(article.blocks)
            out.append(f"  translated ({lang}): {done}/{len(article.blocks)} blocks")
        for lang in config.codes:
            sections = {s.id for s in article.explainers.get(lang, ())}
            wanted = [s.id for s in config.sections]
            cited = sum(len(seg.refs) > 0 for s in article.explainers.get(lang, ())
                        for seg in s.segments)
            missing = [s for s in wanted if s not in sections]
            pending |= bool(missing)
            out.append(f"  explainer ({lang}): {len(wanted) - len(missing)}/{len(wanted)} "
                       f"sections, {cited} cited sentences"
                       + (f"; missing: {', '.join(missing)}" if missing else ""))
        names = sorted({m.group(1) for lang in others
                        for b in article.translations.get(lang, {}).values()
                        for m in NAME.finditer(b.text)
                        if not any(m.group(1).lower() in f or f in m.group(1).lower()
                                   for f in forms)})
        if names:
            out.append(f"  names in the translation not in the glossary: {', '.join(names)}")
        events = sum(any(r.slug == article.slug for r in e.sources) for e in site.timeline)
        claims = sum(any(r.slug == article.slug for r in c.sources) for c in site.claims)
        out.append(f"  quiz questions: {len(article.quiz)}; timeline events: {events}; "
                   f"claims: {claims}; paragraphs: {len(paragraphs)}")
        own = [p for p in blockers if p.path.startswith(f"{article.folder}/")]
        if own:
            out.append(f"  blocks make site ({len(own)}):")
            out += [f"    {p}" for p in own]
        if brief and not (pending or own):
            del out[start:]
    rest = [p for p in blockers if not any(p.path.startswith(f"{a.folder}/")
                                           for a in site.articles)]
    out.append("")
    if not blockers:
        out.append("make site: nothing blocks it")
    else:
        out.append(f"make site: {len(blockers)} problem(s) block it"
                   + (":" if rest else " (listed under their articles)"))
        out += [f"  {p}" for p in rest]
    return "\n".join(out)
