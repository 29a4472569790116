"""The start page: the edition's title and description, the editors' intro, one card per article."""

from __future__ import annotations

import re

from markupsafe import Markup

from .. import markup
from ..i18n import Strings
from ..markup import PAGE_REF
from ..model import Article, Site
from . import BaseOutput, Page
from .common import View, cite_link, minutes, published


class HomePage(BaseOutput):
    """`index.md` of each language."""

    name = "home"

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """The start page."""
        v = View(site, lang, t)
        intro = site.page("home", lang)
        title = site.config.title[lang]
        out = [markup.front_matter(title), f"# {v.text(title)}\n\n",
               f"{v.text(site.config.description[lang])}\n\n"]
        if intro:
            out.append(free_text(intro.text, v) + "\n\n")
        out.append(f"## {v.ui('Articles')} {{#articles}}\n\n{v.ui('Articles intro')}\n\n")
        out.append('<div class="cards">\n')
        out.extend(f"{card(a, v)}\n" for a in site.articles)
        out.append("</div>\n")
        sources = (*(intro.origin for intro in [intro] if intro), site.config.origin)
        return [Page("index.md", t("Home"), "".join(out), sources=sources)]



OUTPUT = HomePage()


def free_text(text: str, v: View) -> str:
    """An editor's Markdown page with `[¶slug#pN]` citations made into named links.

    The loader refused raw HTML and links that leave the site, so the Markdown is passed on.
    """
    def cite(match: re.Match[str]) -> str:
        slug, block = match.group(1).split("#", 1)
        return str(cite_link(v, slug, block, f"¶{block[1:]}", named=True))

    return PAGE_REF.sub(cite, text)


def card(article: Article, v: View) -> Markup:
    """One article card."""
    outlet = v.text(article.outlet.shown(v.lang)) if article.outlet else v.ui("not stated")
    level = v.text(v.site.config.level(article.level).label[v.lang])
    return Markup('<a class="card" href="articles/{}.html"><span class="card__title">{}</span>'
                  '<span class="card__meta">{}: {}</span><span class="card__meta">{}: {}</span>'
                  '<span class="card__meta">{}: {} · {}: {}</span></a>').format(
        article.slug, v.text(article.title[v.lang]), v.ui("Outlet"), outlet,
        v.ui("Published"), published(article, v), v.ui("Reading time"), minutes(article, v),
        v.ui("Level"), level)
