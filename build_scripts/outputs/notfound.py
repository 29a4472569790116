"""The per-language 404 page, as an ordinary page so that its links are relative like all others.

(MkDocs' own 404 template uses root-absolute URLs, which break from a folder and on a project
subpath; the root 404 page sends a visitor to `<lang>/404.html`, where these links work.)
"""

from __future__ import annotations

from .. import markup
from ..i18n import Strings
from ..model import Site
from . import BaseOutput, Page
from .common import View


class NotFoundPage(BaseOutput):
    """`404.md` of each language, outside the navigation."""

    name = "not-found"
    navigable = False

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """The page."""
        v = View(site, lang, t)
        body = (markup.front_matter(t("Page not found")) + f"# {v.ui('Page not found')}\n\n"
                f"{v.ui('Not found text')}\n\n"
                f'<p><a href="index.html">{v.ui("Home")}</a></p>\n')
        return [Page("404.md", t("Page not found"), body, sources=(site.config.origin,),
                     nav=False)]



OUTPUT = NotFoundPage()
