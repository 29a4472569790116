"""About these sources: each article's outlet and date as known, and the furniture removed."""

from __future__ import annotations

from markupsafe import Markup

from .. import markup
from ..i18n import Strings
from ..model import Article, Site
from . import BaseOutput, Page
from .common import View, meta_line
from .home import free_text


class AboutPage(BaseOutput):
    """`about.md`."""

    name = "about"

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """The about page."""
        v = View(site, lang, t)
        intro = site.page("about", lang)
        out = [markup.front_matter(t("About these sources")),
               f"# {v.ui('About these sources')}\n\n"]
        if intro:
            out.append(free_text(intro.text, v) + "\n\n")
        for article in site.articles:
            out.append(f"## {v.text(article.title[lang])} {{#{article.slug}}}\n\n")
            out.append(f"{meta_line(article, v)}\n\n")
            out.append(str(Markup('<p>{}: <code>{}</code> · <a href="articles/{}.html">{}</a></p>'
                                  ).format(v.ui("Source file"), article.source_file, article.slug,
                                           v.ui("Article"))) + "\n\n")
            out.append(removed_list(article, v))
        sources = tuple(intro.origin for intro in [intro] if intro)
        return [Page("about.md", t("About these sources"), "".join(out),
                     sources=sources + tuple(a.origin for a in site.articles))]



OUTPUT = AboutPage()


def removed_list(article: Article, v: View) -> str:
    """What the importer removed from this article's raw text (listed by the enrich stage)."""
    if not article.removed:
        return ""
    source = v.site.config.source_lang
    rows = Markup("").join(Markup('<li><span lang="{}" dir="{}">«{}»</span> — {}</li>').format(
        source, v.dir(source), v.text(r.text, source), v.ui(r.reason)) for r in article.removed)
    return str(Markup('<details class="removed"><summary>{}</summary><ul>{}</ul></details>')
               .format(v.ui("Removed as page furniture"), rows)) + "\n\n"
