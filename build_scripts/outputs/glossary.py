"""The glossary: a page per language (alphabetical, letter index, category filter, where each
term appears) and the exports teachers and translators use (CSV for spreadsheets, TBX for CAT
tools), linked from the pages."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

from markupsafe import Markup

from .. import arabic, markup
from ..errors import Problems
from ..i18n import Strings
from ..model import Site, Term
from . import Artefact, BaseOutput, Page
from .common import View, cite_link, pdf_offer

CSV_PATH = "exports/glossary.csv"
TBX_PATH = "exports/glossary.tbx"


class GlossaryPages(BaseOutput):
    """`glossary.md` in every language, and the exports, when the edition has a glossary."""

    name = "glossary"

    def check(self, site: Site, problems: Problems) -> None:
        """A term the texts never use is a typo in its spelling, or does not belong here."""
        if site.broken or not site.articles:
            return  # its mentions may be in the article that did not load
        for term in site.terms:
            usage = site.usage.get(term.id)
            if usage is None or not any(usage.count(lang) for lang in site.config.codes):
                problems.add(term.origin.path, term.origin.line,
                             f"term '{term.id}' occurs in no article",
                             "add the spelling the articles use to its variants, or remove it")

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """The glossary page."""
        if not site.terms and "glossary" not in site.failed:
            return []
        v = View(site, lang, t)
        ordered = sorted(site.terms, key=lambda term: sort_key(term, lang))
        letters: dict[str, list[Term]] = {}
        for term in ordered:
            letters.setdefault(sort_key(term, lang).lstrip("\U0010ffff")[:1].upper(), []
                               ).append(term)
        index = Markup(" ").join(Markup('<a href="#letter-{}">{}</a>').format(n, letter)
                                 for n, letter in enumerate(letters, start=1))
        sections = Markup("\n").join(
            Markup('<section class="letter" id="letter-{}" aria-labelledby="letter-{}-h">'
                   '<h2 id="letter-{}-h">{}</h2>{}</section>').format(
                n, n, n, letter, Markup("").join(entry(term, v) for term in terms))
            for n, (letter, terms) in enumerate(letters.items(), start=1))
        body = (markup.front_matter(t("Glossary")) + f"# {v.ui('Glossary')}\n\n"
                + pdf_offer(v, "booklet.pdf", "This page in the booklet (PDF)", section="glossary")
                + str(Markup('<p class="glossary-intro">{} <a href="../{}" download>{}</a> · '
                             '<a href="../{}" download>{}</a></p>').format(
                    markup.text(t.plural("%(num)s term from the articles, in both languages.",
                                         "%(num)s terms from the articles, in both languages.",
                                         len(site.terms)), rtl=v.rtl), CSV_PATH,
                    v.ui("Download (CSV, for spreadsheets)"), TBX_PATH,
                    v.ui("Download (TBX, for translation tools)"))) + "\n\n"
                + str(filters(site, v)) + "\n\n"
                + str(Markup('<nav class="letter-index" aria-label="{}">{}</nav>').format(
                    v.t("Letter index"), index)) + "\n\n"
                + str(Markup('<div class="glossary">{}</div>').format(sections)) + "\n")
        return [Page("glossary.md", t("Glossary"), body,
                     sources=tuple(term.origin for term in site.terms))]

    def artefacts(self, site: Site, strings: dict[str, Strings]) -> list[Artefact]:
        """The CSV and TBX exports."""
        if not site.terms and "glossary" not in site.failed:
            return []
        origins = tuple(term.origin for term in site.terms)
        return [Artefact(CSV_PATH, to_csv(site), origins),
                Artefact(TBX_PATH, to_tbx(site), origins)]


OUTPUT = GlossaryPages()


def sort_key(term: Term, lang: str) -> str:
    """Alphabetical order in `lang`: Arabic ignores «ال» and hamza forms, English "the"."""
    name = term.name(lang)
    if re.search(r"[\u0600-\u06ff]", name):
        return arabic.sort_key(name)
    latin = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).lower()
    # On a page in Arabic script, names in Latin letters (KN-23) come after the alphabet.
    return "\U0010ffff" + latin if re.search(r"[\u0600-\u06ff]", lang_sample(lang)) else latin


def lang_sample(lang: str) -> str:
    """A letter of `lang`'s script (for ordering names written in another script last)."""
    return {"ar": "ا", "fa": "ا", "ur": "ا"}.get(lang, "a")


def filters(site: Site, v: View) -> Markup:
    """Buttons that show one category at a time (all entries show without JavaScript)."""
    counts = {c.id: sum(t.category == c.id for t in site.terms) for c in site.config.categories}
    buttons = [Markup('<button type="button" data-category="" aria-pressed="true">{} ({})'
                      "</button>").format(v.ui("All"), len(site.terms))]
    buttons += [Markup('<button type="button" data-category="{}" aria-pressed="false">{} ({})'
                       "</button>").format(c.id, v.text(c.label[v.lang]), counts[c.id])
                for c in site.config.categories if counts[c.id]]
    return Markup('<div class="glossary-filter" role="group" aria-label="{}" hidden>{}</div>'
                  ).format(v.t("Show a category"), Markup(" ").join(buttons))


def entry(term: Term, v: View) -> Markup:
    """One entry: both languages, category, spellings, definitions, and where it appears."""
    other = v.site.config.other(v.lang)
    category = next(c for c in v.site.config.categories if c.id == term.category)
    variants = [f for lang in v.site.config.codes for f in term.forms[lang][1:]]
    spellings = Markup('<p class="entry__variants">{}: {}</p>').format(
        v.ui("Also written"), Markup("، " if v.rtl else ", ").join(
            Markup('<span dir="auto">{}</span>').format(f) for f in variants)) if variants else ""
    twin = Markup(' <span class="entry__other" lang="{}" dir="{}">{}</span>').format(
        other, v.dir(other), markup.text(term.name(other), rtl=v.dir(other) == "rtl")) \
        if term.name(other) != term.name(v.lang) else ""
    return Markup(
        '<article class="entry" id="{}" data-category="{}"><h3>{}{}</h3>'
        '<p class="entry__category">{}</p>{}'
        '<p class="entry__short"><strong>{}</strong></p><p>{}</p>{}</article>').format(
        term.id, term.category, v.text(term.name(v.lang)), twin, v.text(category.label[v.lang]),
        spellings, v.text(term.short[v.lang]), definition(term, v), appears_in(term, v))


def definition(term: Term, v: View) -> Markup:
    """The definition with its citations as links to the paragraphs."""
    def cite(refs: str) -> Markup:
        if "#" not in refs:
            return markup.text(f"[¶{refs}]")
        slug, block = refs.split("#", 1)
        return cite_link(v, slug, block, f"¶{block[1:]}", named=True)

    return markup.rich(term.definition[v.lang], rtl=v.rtl, cite=cite)


def appears_in(term: Term, v: View) -> Markup:
    """Every article and paragraph where the term occurs, with counts."""
    usage = v.site.usage.get(term.id)
    by_slug = usage.places.get(v.lang, {}) if usage else {}
    if not by_slug:
        return Markup("")
    rows = []
    for article in v.site.articles:
        blocks = by_slug.get(article.slug)
        if not blocks:
            continue
        links = Markup(" ").join(
            Markup('<a class="cite" dir="ltr" href="articles/{}.html#{}">¶{}</a>{}').format(
                article.slug, block, block[1:], Markup("<sup>×{}</sup>").format(n) if n > 1
                else "") for block, n in blocks)
        rows.append(Markup('<li><a href="articles/{}.html">{}</a> ({}): {}</li>').format(
            article.slug, v.text(article.title[v.lang]), usage.count(v.lang, article.slug),
            links))
    summary = v.t.plural("Appears once", "Appears %(num)s times", usage.count(v.lang))
    return Markup('<details class="appears"><summary>{}</summary><ul>{}</ul></details>').format(
        markup.text(summary, rtl=v.rtl), Markup("").join(rows))


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting with = + - @ (or a tab or carriage
    return) would run as a formula, so it gets a leading apostrophe (OWASP's CSV advice)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(site: Site) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs open the Arabic correctly."""
    codes = site.config.codes
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["id", "category", *[c for lang in codes for c in (lang, f"{lang}_variants")],
                     *[f"short_{lang}" for lang in codes],
                     *[f"definition_{lang}" for lang in codes]])
    for term in sorted(site.terms, key=lambda t: t.id):
        writer.writerow([_cell(value) for value in (
            term.id, term.category,
            *[c for lang in codes for c in (term.forms[lang][0],
                                            " | ".join(term.forms[lang][1:]))],
            *[term.short[lang] for lang in codes],
            *[markup.plain_citations(term.definition[lang]) for lang in codes])])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_tbx(site: Site) -> bytes:
    """TBX-Basic (martif): one termEntry per term, a langSet per language, the preferred
    spelling first and the variants as admitted terms."""
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    root = ET.Element("martif", {"type": "TBX-Basic", xml_lang: site.config.codes[-1]})
    header = ET.SubElement(ET.SubElement(root, "martifHeader"), "fileDesc")
    title = ET.SubElement(ET.SubElement(header, "titleStmt"), "title")
    title.text = " / ".join(site.config.title[lang] for lang in site.config.codes)
    source = ET.SubElement(ET.SubElement(header, "sourceDesc"), "p")
    source.text = f"{site.config.licence.name}: {site.config.licence.url}"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for term in sorted(site.terms, key=lambda t: t.id):
        node = ET.SubElement(body, "termEntry", {"id": term.id})
        subject = ET.SubElement(node, "descrip", {"type": "subjectField"})
        subject.text = term.category
        for lang in site.config.codes:
            lang_set = ET.SubElement(node, "langSet", {xml_lang: lang})
            ET.SubElement(lang_set, "descrip", {"type": "definition"}).text = \
                markup.plain_citations(term.definition[lang])
            for k, written in enumerate(term.forms[lang]):
                tig = ET.SubElement(lang_set, "tig")
                ET.SubElement(tig, "term").text = written
                status = "preferredTerm-admn-sts" if k == 0 else "admittedTerm-admn-sts"
                ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = status
    ET.indent(root)
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            b'<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
            + ET.tostring(root, encoding="utf-8") + b"\n")
