"""Who claims what: each claim with claimant, date, denial, status and sources."""

from __future__ import annotations

from markupsafe import Markup

from .. import markup
from ..i18n import Strings
from ..model import Site
from . import BaseOutput, Page
from .common import View, pdf_offer, source_links


class ClaimsPage(BaseOutput):
    """`claims.md`, when the edition has claims."""

    name = "claims"

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """The claims page, or nothing without claims."""
        if not site.claims and "claims" not in site.failed:
            return []
        v = View(site, lang, t)
        statuses = Markup("").join(
            Markup('<div><dt><span class="status status--{}">{}</span></dt><dd>{}</dd></div>')
            .format(s.id, v.text(s.label[lang]), v.text(s.definition[lang]))
            for s in site.config.claim_statuses if s.definition)
        intro = Markup("<p>{}</p>").format(v.text(site.claims_intro[lang])) \
            if site.claims_intro else ""
        aside = Markup('<aside class="how-to-read" aria-labelledby="how-to-read">'
                       '<h2 id="how-to-read">{}</h2>{}<dl class="statuses">{}</dl></aside>').format(
            v.ui("How to read a claim"), intro, statuses)
        cards = []
        for claim in site.claims:
            status = site.config.status(claim.status)
            when = v.text(claim.when[lang]) if claim.when else v.ui("unknown")
            denial = v.text(claim.denial[lang]) if claim.denial else v.ui("none reported")
            cards.append(Markup(
                '<article class="claim claim--{}" id="{}"><p class="claim__text">{}</p><dl>'
                "<div><dt>{}</dt><dd>{}</dd></div><div><dt>{}</dt><dd>{}</dd></div>"
                "<div><dt>{}</dt><dd>{}</dd></div>"
                '<div><dt>{}</dt><dd><span class="status status--{}">{}</span></dd></div>'
                "<div><dt>{}</dt><dd>{}</dd></div></dl></article>").format(
                claim.status, claim.id, v.text(claim.claim[lang]), v.ui("Claimant"),
                v.text(claim.claimant[lang]), v.ui("When"), when, v.ui("Denial or reply"), denial,
                v.ui("Status"), claim.status, v.text(status.label[lang]), v.ui("Sources"),
                source_links(claim.sources, v)))
        body = (markup.front_matter(t("Who claims what")) + f"# {v.ui('Who claims what')}\n\n"
                + pdf_offer(v, "booklet.pdf", "This page in the booklet (PDF)", section="claims")
                + f"{aside}\n\n" + '<div class="claims">\n' + "\n".join(cards) + "\n</div>\n")
        return [Page("claims.md", t("Who claims what"), body,
                     sources=(site.config.origin, *(c.origin for c in site.claims)))]



OUTPUT = ClaimsPage()
