"""The timeline: every dated event across the articles, each linked to its source paragraphs."""

from __future__ import annotations

from markupsafe import Markup

from .. import markup
from ..i18n import Strings
from ..model import Site
from . import BaseOutput, Page
from .common import View, pdf_offer, source_links, with_refs


class TimelinePage(BaseOutput):
    """`timeline.md`, when the edition has events."""

    name = "timeline"

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """The timeline page, or nothing without events."""
        if not site.timeline and "timeline" not in site.failed:
            return []
        v = View(site, lang, t)
        items = []
        for event in site.timeline:
            inferred = Markup(' <details class="basis"><summary>{}</summary>{}</details>').format(
                v.ui("Date inferred"), with_refs(event.basis[lang], v)) if event.basis else ""
            items.append(Markup(
                '<li class="event" id="{}"><div class="event__when"><time datetime="{}">{}</time>'
                '{}</div><p>{}</p><p class="sources">{}: {}</p></li>').format(
                event.id, event.date, v.t.date(event.date), inferred, v.text(event.text[lang]),
                v.ui("Sources"), source_links(event.sources, v)))
        body = (markup.front_matter(t("Timeline")) + f"# {v.ui('Timeline')}\n\n"
                + pdf_offer(v, "booklet.pdf", "This page in the booklet (PDF)", section="timeline")
                + '<ol class="timeline">\n' + "\n".join(items) + "\n</ol>\n")
        return [Page("timeline.md", t("Timeline"), body,
                     sources=tuple(e.origin for e in site.timeline))]



OUTPUT = TimelinePage()
