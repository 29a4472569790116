"""Render the validated `Site` into Markdown pages for one language (pure: returns text).

Each language gets the same page paths; MkDocs then turns them into HTML.
"""

from __future__ import annotations

import html
import re

from . import arabic, explainer, importer
from .content import PAGE_REF, Article, Site, parse_ref
from .i18n import Strings
from .textfile import Block

OTHER = {"ar": "en", "en": "ar"}
DIR = {"ar": "rtl", "en": "ltr"}


def render_pages(site: Site, lang: str, t: Strings) -> dict[str, str]:
    """Return {docs-relative path: markdown} for every page of the `lang` site."""
    pages = {"index.md": home(site, lang, t)}
    for article in site.articles:
        pages[f"articles/{article.slug}.md"] = article_page(article, lang, t)
    if site.timeline:
        pages["timeline.md"] = timeline_page(site, lang, t)
    if site.claims:
        pages["claims.md"] = claims_page(site, lang, t)
    pages["about.md"] = about_page(site, lang, t)
    return pages


def nav(site: Site, lang: str, t: Strings) -> list:
    """The navigation, identical in shape for both languages."""
    items: list = [{t("Home"): "index.md"}]
    items.append({t("Articles"): [{a.title(lang): f"articles/{a.slug}.md"} for a in site.articles]})
    if site.timeline:
        items.append({t("Timeline"): "timeline.md"})
    if site.claims:
        items.append({t("Who claims what"): "claims.md"})
    items.append({t("About these sources"): "about.md"})
    return items


# --- text helpers ----------------------------------------------------------------------------

def inline(text: str, lang: str) -> str:
    """Escape text for HTML and isolate Latin runs inside Arabic."""
    escaped = arabic.escape(text)
    return arabic.isolate_latin(escaped) if lang == "ar" else escaped


def front_matter(title: str, **extra: str) -> str:
    """YAML front matter for a generated page (title quoted for any character)."""
    lines = [f"title: {_yaml_str(title)}"] + [f"{k}: {_yaml_str(v)}" for k, v in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def published(article: Article, t: Strings) -> str:
    """The publication date at its precision, marked as approximate unless the text states it."""
    date = article.meta.get("date")
    if not date:
        return t("not stated")
    shown = t.date(date["value"])
    return shown if date.get("exact") else t("approximately %(date)s", date=shown)


def meta_line(article: Article, lang: str, t: Strings) -> str:
    """Outlet, author, date, reading time and level as a definition list in HTML."""
    meta = article.meta
    rows = []
    outlet = meta.get("outlet")
    rows.append((t("Outlet"), inline(outlet[lang], lang) if outlet else
                 f'<span class="unknown">{t("not stated")}</span>'))
    if meta.get("author"):
        rows.append((t("Author"), inline(meta["author"][lang], lang)))
    date = meta.get("date")
    shown = published(article, t)
    if date and not date.get("exact"):
        basis = (date.get("basis") or {}).get(lang, "")
        shown += (f' <details class="basis"><summary>{t("How we know")}</summary>'
                  f"{inline(basis, lang)}</details>")
    rows.append((t("Published"), shown if date else f'<span class="unknown">{shown}</span>'))
    minutes = article.reading_minutes(lang)
    rows.append((t("Reading time"), t.plural("%(num)s minute", "%(num)s minutes", minutes)))
    rows.append((t("Level"), t(meta["level"])))
    items = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in rows)
    return f'<dl class="article-meta">{items}</dl>\n\n'


# --- pages -----------------------------------------------------------------------------------

def home(site: Site, lang: str, t: Strings) -> str:
    """Start page: overview and one card per article."""
    out = [front_matter(t("Site name")), f"# {t('Site name')}\n\n", f"{t('Site description')}\n\n"]
    intro = site.root / "content" / "pages" / f"home.{lang}.md"
    if intro.exists():
        out.append(cite_links(intro.read_text(encoding="utf-8"), site, lang) + "\n\n")
    out.append(f"## {t('Articles')} {{#articles}}\n\n{t('Articles intro')}\n\n")
    out.append('<div class="cards">\n')
    for article in site.articles:
        out.append(card(article, lang, t))
    out.append("</div>\n")
    return "".join(out)


def card(article: Article, lang: str, t: Strings) -> str:
    """One article card for the home page."""
    when = published(article, t)
    outlet = article.meta.get("outlet")
    return (f'<a class="card" href="articles/{article.slug}.html">'
            f'<span class="card__title">{inline(article.title(lang), lang)}</span>'
            f'<span class="card__meta">{t("Outlet")}: '
            f'{inline(outlet[lang], lang) if outlet else t("not stated")}</span>'
            f'<span class="card__meta">{t("Published")}: {when}</span>'
            f'<span class="card__meta">{t("Reading time")}: '
            f'{t.plural("%(num)s minute", "%(num)s minutes", article.reading_minutes(lang))}'
            f' · {t("Level")}: {t(article.meta["level"])}</span></a>\n')


def article_page(article: Article, lang: str, t: Strings) -> str:
    """The article: metadata, explainer, view switch and the text with paragraph ids."""
    out = [front_matter(article.title(lang)), f"# {inline(article.title(lang), lang)}\n\n",
           meta_line(article, lang, t)]
    sections = article.explainers.get(lang)
    if sections:
        out.append(f'<div class="explainer" markdown>\n\n'
                   f'<p class="explainer__note">{t("Explainer note")}</p>\n\n')
        for section in sections:
            out.append(f"## {section.title} {{#{section.id}}}\n\n")
            out.append(cite_links("\n".join(section.body).strip(), None, lang, article) + "\n\n")
        out.append("</div>\n\n")
    out.append(f"## {t('Original text')} {{#text}}\n\n")
    out.append(view_switch(t))
    out.append('<div class="article-text" data-view="text">\n\n')
    other = OTHER[lang]
    for block in article.ar:
        out.append(render_block(article, block, lang, other, t))
    out.append("</div>\n")
    return "".join(out)


def view_switch(t: Strings) -> str:
    """Buttons to show the text alone or both languages side by side."""
    return (f'<div class="view-switch" role="group" aria-label="{t("View")}" data-search-exclude>'
            f'<button type="button" data-view="text" aria-pressed="true">{t("Text only")}</button>'
            f'<button type="button" data-view="parallel" aria-pressed="false">'
            f'{t("Side by side")}</button></div>\n\n')


def _texts(article: Article, block: Block, lang: str) -> tuple[str, str, bool]:
    """(text, its language, pending) of a block as shown on the `lang` site."""
    if lang == "ar":
        return block.text, "ar", False
    translated = article.en.get(block.id)
    if translated is None:
        return block.text, "ar", True
    return translated.text, "en", False


def render_block(article: Article, block: Block, lang: str, other: str, t: Strings) -> str:
    """One row: the block in the page language, and the other language for parallel view."""
    main, main_lang, pending = _texts(article, block, lang)
    second, second_lang, _ = _texts(article, block, other)
    if second_lang == main_lang:  # untranslated: nothing to put beside it
        second = None
    note = (f'<p class="pending" role="note"><strong>{t("Translation pending")}</strong> — '
            f'{t("Not translated yet: the Arabic original is shown.")}</p>' if pending else "")
    label = t("Paragraph %(n)s", n=block.number)
    if block.kind == "heading":
        heading = inline(main, main_lang)
        twin = (f'<p class="para__other heading-twin" lang="{second_lang}" '
                f'dir="{DIR[second_lang]}" data-search-exclude>{inline(second, second_lang)}</p>'
                if second else "")
        attrs = f' lang="{main_lang}" dir="{DIR[main_lang]}"' if main_lang != lang else ""
        return (f'<div class="para para--heading">\n<h3 id="{block.id}"{attrs}>{heading}</h3>'
                f"{twin}\n</div>\n\n")
    # List items are rows too (each has its own id and link), drawn as bullets by CSS.
    main_html = (f'<p class="para__main" lang="{main_lang}" dir="{DIR[main_lang]}">'
                 f"{inline(main, main_lang)}</p>")
    second_html = (f'<p class="para__other" lang="{second_lang}" dir="{DIR[second_lang]}" '
                   f'data-search-exclude>{inline(second, second_lang)}</p>' if second else "")
    kind = " para--item" if block.kind == "item" else ""
    return (f'<div class="para{kind}" id="{block.id}">'
            f'<a class="para__anchor" dir="ltr" href="#{block.id}" aria-label="{label}" '
            f'title="{t("Link to this paragraph")}">¶{block.number}</a>'
            f"{note}{main_html}{second_html}</div>\n\n")


def cite_links(markdown: str, site: Site | None, lang: str, article: Article | None = None) -> str:
    """Turn `[¶12–14]` markers (and, with `site`, `[¶slug#p3]` across articles) into links."""
    if article is not None:
        def local(match: re.Match[str]) -> str:
            refs = explainer.parse_refs(match["refs"])
            label = match.group(0)[1:-1]
            first = refs[0]
            quote = html.escape(_snippet(article, f"p{first}", lang), quote=True)
            return f'<a class="cite" dir="ltr" href="#p{first}" title="{quote}">{label}</a>'
        markdown = explainer.MARKER.sub(local, markdown)
    if site is not None:
        def cross(match: re.Match[str]) -> str:
            slug, ident = parse_ref(match[1])  # shape already checked by content.load_site
            title = html.escape(site.article(slug).title(lang), quote=True)
            return (f'<a class="cite" dir="ltr" href="articles/{slug}.html#{ident}" '
                    f'title="{title}">¶{ident[1:]}</a>')
        markdown = PAGE_REF.sub(cross, markdown)
    return markdown


def _snippet(article: Article, ident: str, lang: str, size: int = 140) -> str:
    block = article.block(ident)
    if block is None:
        return ""
    text = article.en[ident].text if lang == "en" and ident in article.en else block.text
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " …"


def source_links(refs: list[str], site: Site, lang: str) -> str:
    """Links to source paragraphs, labelled with the article's short title and ¶ number."""
    links = []
    for ref in refs:
        slug, ident = parse_ref(ref)
        article = site.article(slug)
        title = html.escape(article.title(lang), quote=True)
        links.append(f'<a class="cite" dir="auto" href="articles/{slug}.html#{ident}" title="{title}">'
                     f"{_short_title(article, lang)} ¶{ident[1:]}</a>")
    return " ".join(links)


def _short_title(article: Article, lang: str) -> str:
    title = article.title(lang)
    short = re.split(r"\.\.|…|[:؟?]", title)[0].strip()
    words = short.split()
    return inline(" ".join(words[:5]) + (" …" if len(words) > 5 else ""), lang)


def timeline_page(site: Site, lang: str, t: Strings) -> str:
    """Every dated event in order, each linked to its source paragraphs."""
    out = [front_matter(t("Timeline")), f"# {t('Timeline')}\n\n", '<ol class="timeline">\n']
    for event in site.timeline:
        basis = event.get("basis")
        inferred = (f' <details class="basis"><summary>{t("Date inferred")}</summary>'
                    f"{inline(basis[lang], lang)}</details>" if basis else "")
        out.append(f'<li class="event" id="{event["id"]}"><time datetime="{event["date"]}">'
                   f'{t.date(event["date"])}</time>{inferred}'
                   f'<p>{inline(event[lang], lang)}</p>'
                   f'<p class="sources">{t("Sources")}: '
                   f'{source_links(event["sources"], site, lang)}</p></li>\n')
    out.append("</ol>\n")
    return "".join(out)


def claims_page(site: Site, lang: str, t: Strings) -> str:
    """The central claims with claimant, date, denial and status."""
    data = site.claims
    out = [front_matter(t("Who claims what")), f"# {t('Who claims what')}\n\n",
           (f'<aside class="how-to-read" aria-labelledby="how-to-read"><h2 id="how-to-read">'
           f'{t("How to read a claim")}</h2><p>{inline(data["how_to_read"][lang], lang)}</p>'
           "</aside>\n\n"), '<div class="claims">\n']
    for claim in data["claims"]:
        when = inline(claim["when"][lang], lang) if claim.get("when") else t("unknown")
        denial = inline(claim["denial"][lang], lang) if claim.get("denial") else t("none reported")
        out.append(
            f'<article class="claim claim--{claim["status"]}" id="{claim["id"]}">'
            f'<p class="claim__text">{inline(claim["claim"][lang], lang)}</p>'
            f'<dl><div><dt>{t("Claimant")}</dt><dd>{inline(claim["claimant"][lang], lang)}</dd></div>'
            f'<div><dt>{t("When")}</dt><dd>{when}</dd></div>'
            f'<div><dt>{t("Denial or reply")}</dt><dd>{denial}</dd></div>'
            f'<div><dt>{t("Status")}</dt><dd><span class="status status--{claim["status"]}">'
            f'{t(claim["status"])}</span></dd></div>'
            f'<div><dt>{t("Sources")}</dt><dd>{source_links(claim["sources"], site, lang)}</dd>'
            "</div></dl></article>\n")
    out.append("</div>\n")
    return "".join(out)


def removed_list(article: Article, lang: str, t: Strings) -> str:
    """What the importer drops from this article's raw text, re-derived from source.txt."""
    raw = (article.path / "source.txt").read_text(encoding="utf-8")
    rows = "".join(f'<li><span lang="ar" dir="rtl">«{arabic.escape(r.text)}»</span> — {t(r.reason)}</li>'
                   for r in importer.clean(raw).removed)
    if not rows:
        return ""
    return (f'<details class="removed"><summary>{t("Removed as page furniture")}</summary>'
            f"<ul>{rows}</ul></details>\n\n")


def about_page(site: Site, lang: str, t: Strings) -> str:
    """Each article's outlet and date as known, and how the site was made."""
    out = [front_matter(t("About these sources")), f"# {t('About these sources')}\n\n"]
    intro = site.root / "content" / "pages" / f"about.{lang}.md"
    if intro.exists():
        out.append(intro.read_text(encoding="utf-8") + "\n\n")
    for article in site.articles:
        out.append(f"## {inline(article.title(lang), lang)} {{#{article.slug}}}\n\n")
        out.append(meta_line(article, lang, t))
        out.append(f'<p>{t("Source file")}: <code>{article.meta["source_file"]}</code> · '
                   f'<a href="articles/{article.slug}.html">{t("Article")}</a></p>\n\n')
        out.append(removed_list(article, lang, t))
    return "".join(out)
