"""An EPUB 3 per language (`<lang>/epub/edition.epub`, with ebooklib): the articles with their
explainers, the timeline, the claims and the glossary; the fonts embedded; right-to-left page
progression for Arabic. `epubcheck` validates it in the tests."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from markupsafe import Markup

from .. import arabic
from ..i18n import Strings
from ..model import Site
from . import Artefact, BaseOutput
from .common import View
from .pdf import FONTS, article_body, definition

CSS = """@font-face { font-family: "Reader Arabic"; src: url(fonts/NotoNaskhArabic-Regular.ttf); }
@font-face { font-family: "Reader Arabic"; font-weight: bold;
  src: url(fonts/NotoNaskhArabic-Bold.ttf); }
@font-face { font-family: "Reader Latin"; src: url(fonts/NotoSans-Regular.ttf); }
@font-face { font-family: "Reader Latin"; font-weight: bold; src: url(fonts/NotoSans-Bold.ttf); }
body { font-family: "Reader Arabic", "Reader Latin", serif; line-height: 1.7; }
html[lang="en"] body { font-family: "Reader Latin", "Reader Arabic", serif; line-height: 1.5; }
.para .num { font-size: .7em; color: #666; padding: 0 .3em; }
.cite { font-size: .8em; }
.title-block p { font-size: .85em; color: #444; }
dt { font-weight: bold; margin-top: .6em; }
"""
FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", "NotoSans-Regular.ttf",
              "NotoSans-Bold.ttf")
FIXED_DATE = "2024-01-01T00:00:00Z"


class EpubFiles(BaseOutput):
    """`<lang>/epub/edition.epub`."""

    name = "epub"
    navigable = False

    def artefacts(self, site: Site, strings: dict[str, Strings]) -> list[Artefact]:
        """One book per language."""
        origins = tuple(a.origin for a in site.articles)
        return [Artefact(f"{lang}/epub/edition.epub", book(site, View(site, lang, strings[lang])),
                         origins) for lang in site.config.codes]


OUTPUT = EpubFiles()


def _chapter(epub, name: str, title: str, lang: str, direction: str, body: Markup):
    chapter = epub.EpubHtml(title=title, file_name=name, lang=lang, direction=direction)
    html = Markup('<html xmlns="http://www.w3.org/1999/xhtml" lang="{}" xml:lang="{}" dir="{}">'
                  "<head><title>{}</title></head><body>{}</body></html>").format(
        lang, lang, direction, title, body)
    chapter.content = arabic.join_across_tags(str(html))  # some e-readers shape per element too
    chapter.add_link(href="style.css", rel="stylesheet", type="text/css")
    return chapter


def book(site: Site, v: View) -> bytes:
    """The EPUB's bytes."""
    from ebooklib import epub

    lang = v.lang
    direction = site.config.dir(lang)
    doc = epub.EpubBook()
    doc.set_identifier(f"reader-{lang}-{site.config.title[site.config.source_lang]}")
    doc.set_title(site.config.title[lang])
    doc.set_language(lang)
    doc.set_direction(direction)
    doc.add_metadata("DC", "rights", f"{site.config.licence.name} {site.config.licence.url}")
    doc.add_item(epub.EpubItem(uid="style", file_name="style.css", media_type="text/css",
                               content=CSS.encode()))
    for name in FONT_FILES:
        doc.add_item(epub.EpubItem(uid=name.split(".")[0], file_name=f"fonts/{name}",
                                   media_type="font/ttf", content=(FONTS / name).read_bytes()))
    chapters = []
    for article in site.articles:
        body = _links_as_text(article_body(article, v, prefix="", level=1))
        chapters.append(_chapter(epub, f"{article.slug}.xhtml", article.title[lang], lang,
                                 direction, body))
    events = Markup("").join(Markup("<p><strong>{}</strong> — {}</p>").format(
        v.t.date(e.date), v.text(e.text[lang])) for e in site.timeline)
    claims = Markup("").join(Markup("<p><strong>{}</strong><br/>{}: {} · {}: {}</p>").format(
        v.text(c.claim[lang]), v.ui("Claimant"), v.text(c.claimant[lang]), v.ui("Status"),
        v.text(site.config.status(c.status).label[lang])) for c in site.claims)
    chapter_of = {a.slug: f"{a.slug}.xhtml#" for a in site.articles}  # citations link there
    terms = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(
        v.text(t.name(lang)), definition(t, v, chapter_of))
        for t in sorted(site.terms, key=lambda t: t.name(lang)))
    for name, title, body in (("timeline.xhtml", v.t("Timeline"), events),
                              ("claims.xhtml", v.t("Who claims what"), claims),
                              ("glossary.xhtml", v.t("Glossary"),
                               Markup("<dl>{}</dl>").format(terms))):
        if body:
            chapters.append(_chapter(epub, name, title, lang, direction,
                                     Markup("<h1>{}</h1>{}").format(v.text(title), body)))
    for chapter in chapters:
        doc.add_item(chapter)
    doc.toc = chapters
    doc.add_item(epub.EpubNcx())
    doc.add_item(epub.EpubNav())
    doc.spine = ["nav", *chapters]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edition.epub"
        epub.write_epub(str(path), doc, {"epub3_pages": False})
        return _fixed_zip_dates(path.read_bytes())


def _links_as_text(body: Markup) -> Markup:
    """Links to web pages mean nothing in a book: keep their words (in-chapter links stay)."""
    import re

    return Markup(re.sub(r'<a [^>]*href="(?!#)[^"]*"[^>]*>(.*?)</a>', r"\1", str(body), flags=re.DOTALL))


def _fixed_zip_dates(data: bytes) -> bytes:
    """The same content gives the same bytes: rewrite the archive with fixed dates, mimetype
    first and stored (as EPUB requires)."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in sorted(source.infolist(), key=lambda i: (i.filename != "mimetype",
                                                            i.filename)):
            fixed = zipfile.ZipInfo(info.filename, (2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" \
                else zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename.endswith(".opf"):  # ebooklib stamps the time of writing
                content = re.sub(rb'(<meta property="dcterms:modified">)[^<]*', rb"\g<1>"
                                 + FIXED_DATE.encode(), content)
            target.writestr(fixed, content)
    return out.getvalue()
