"""Article pages: metadata, the explainer, a view switch, and the text with paragraph ids."""

from __future__ import annotations

from markupsafe import Markup

from .. import markup
from ..i18n import Strings
from ..model import Article, Block, Site
from . import BaseOutput, Page
from .common import Linker, View, local_cite, meta_line, pdf_offer


class ArticlePages(BaseOutput):
    """One page per article and language, at the same path in every language."""

    name = "articles"

    def nav_title(self, t: Strings) -> str:
        """Articles are grouped under one heading."""
        return t("Articles")

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """Every article of the edition."""
        return [Page(f"articles/{a.slug}.md", a.title[lang], article_page(a, View(site, lang, t,
                                                                                   "../")),
                     sources=(a.origin,)) for a in site.articles]



OUTPUT = ArticlePages()


def article_page(article: Article, v: View) -> str:
    """The whole page as Markdown with HTML blocks."""
    title = article.title[v.lang]
    out = [markup.front_matter(title), f"# {v.text(title)}\n\n", f"{meta_line(article, v)}\n\n"]
    links = Linker(v)
    out.append(pdf_offer(v, f"{article.slug}.pdf", "Download this article (PDF)"))
    out.append(key_terms(article, v))
    sections = article.explainers.get(v.lang)
    if sections:
        headings = {s.id: s.heading[v.lang] for s in v.site.config.sections}
        cite = local_cite(v, article)
        out.append(f'<div class="explainer" markdown>\n\n'
                   f'<p class="explainer__note">{v.ui("Explainer note")}</p>\n\n')
        for section in sections:
            links.section()
            out.append(f"## {v.text(headings[section.id])} {{#{section.id}}}\n\n")
            out.append(f"{markup.blocks(section.body, rtl=v.rtl, cite=cite, marks=links.marks)}"
                       "\n\n")
        out.append("</div>\n\n")
    out.append(f"## {v.ui('Original text')} {{#text}}\n\n")
    out.append(str(view_switch(v)))
    out.append('<div class="article-text" data-view="text">\n\n')
    links.section()
    for block in article.blocks:
        if block.kind == "heading":
            links.section()  # each part of the text links its terms again
        out.append(f"{render_block(article, block, v, links)}\n\n")
    out.append("</div>\n")
    return "".join(out)


def key_terms(article: Article, v: View) -> str:
    """The glossary terms the article uses most, for readers, quizzes and teachers."""
    ids = v.site.key_terms.get(article.slug)
    if not ids:
        return ""
    items = Markup("").join(
        Markup('<li><a href="../glossary.html#{}" data-term="{}" title="{}">{}</a></li>').format(
            ident, ident, markup.attr(v.site.term(ident).short[v.lang]),
            v.text(v.site.term(ident).name(v.lang))) for ident in ids)
    return str(Markup('<aside class="key-terms" aria-labelledby="key-terms"><h2 id="key-terms">'
                      "{}</h2><ul>{}</ul></aside>").format(v.ui("Key terms"), items)) + "\n\n"


def view_switch(v: View) -> Markup:
    """Buttons to show the text alone or both languages side by side."""
    return Markup('<div class="view-switch" role="group" aria-label="{}" data-search-exclude>'
                  '<button type="button" data-view="text" aria-pressed="true">{}</button>'
                  '<button type="button" data-view="parallel" aria-pressed="false">{}</button>'
                  "</div>\n\n").format(v.t("View"), v.ui("Text only"), v.ui("Side by side"))


def _shown(article: Article, block: Block, lang: str, source: str) -> tuple[str, str, bool]:
    """(text, its language, pending) of a block as shown on the `lang` site."""
    if lang == source:
        return block.text, source, False
    text, translated = article.text_of(block, lang)
    return (text, lang, False) if translated else (text, source, True)


def render_block(article: Article, block: Block, v: View, links: Linker | None = None) -> Markup:
    """One row: the block in the page language, and the other language for parallel view."""
    source = v.site.config.source_lang
    main, main_lang, pending = _shown(article, block, v.lang, source)
    second, second_lang, _ = _shown(article, block, v.site.config.other(v.lang), source)
    has_second = second_lang != main_lang
    if block.kind == "heading":
        twin = Markup('<p class="para__other heading-twin" lang="{}" dir="{}" '
                      "data-search-exclude>{}</p>").format(
            second_lang, v.dir(second_lang), v.text(second, second_lang)) if has_second else ""
        attrs = Markup(' lang="{}" dir="{}"').format(main_lang, v.dir(main_lang)) \
            if main_lang != v.lang else ""
        return Markup('<div class="para para--heading">\n<h3 id="{}"{}>{}</h3>{}\n</div>').format(
            block.id, attrs, v.text(main, main_lang), twin)
    note = Markup('<p class="pending" role="note"><strong>{}</strong> — {}</p>').format(
        v.ui("Translation pending"), v.ui("Not translated yet: the Arabic original is shown.")
    ) if pending else ""
    marks = links.marks(main, main_lang) if links else None
    main_html = Markup('<p class="para__main" lang="{}" dir="{}">{}</p>').format(
        main_lang, v.dir(main_lang), markup.text(main, rtl=v.dir(main_lang) == "rtl",
                                                 marks=marks))
    second_html = Markup('<p class="para__other" lang="{}" dir="{}" data-search-exclude>{}</p>'
                         ).format(second_lang, v.dir(second_lang), v.text(second, second_lang)) \
        if has_second else ""
    kind = " para--item" if block.kind == "item" else ""
    # List items are rows too (each has its own id and link), drawn as bullets by CSS.
    return Markup('<div class="para{}" id="{}"><a class="para__anchor" dir="ltr" href="#{}" '
                  'aria-label="{}" title="{}">¶{}</a>{}{}{}</div>').format(
        kind, block.id, block.id, v.t("Paragraph %(n)s", n=block.number),
        v.t("Link to this paragraph"), block.number, note, main_html, second_html)
