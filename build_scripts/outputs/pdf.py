"""PDFs with WeasyPrint from our own print template (overrides/pdf/print.css): per article and
language a reader's PDF (title block, explainer, text, key terms, worksheet) and an answer key,
and a booklet per language (cover, contents with page numbers, every article, timeline, claims,
glossary). Generated on both cores; fonts are the repository's OFL TTFs, embedded."""

from __future__ import annotations

import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from markupsafe import Markup

from .. import arabic, markup
from ..enrich import short_title
from ..explainer import parse_refs
from ..i18n import Strings
from ..model import Article, Site, Term
from . import Artefact, BaseOutput, weasyfix
from .common import View, minutes, published
from .quizzes import answer_key_html, worksheet_html

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "fonts"
CSS = Path(__file__).resolve().parents[1] / "pdf_template" / "print.css"  # not a web asset
_OTHER_PAGE_LINK = re.compile(r'<a [^>]*href="(?:\.\./)*(?:articles|glossary|quizzes)[^"]*"[^>]*>'
                              r"(.*?)</a>", re.DOTALL)


class PdfFiles(BaseOutput):
    """`<lang>/pdf/<slug>.pdf`, `<lang>/pdf/<slug>-answers.pdf`, `<lang>/pdf/booklet.pdf`."""

    name = "pdf"
    navigable = False

    def artefacts(self, site: Site, strings: dict[str, Strings]) -> list[Artefact]:
        """Every PDF, rendered two at a time."""
        jobs = []
        for lang in site.config.codes:
            v = View(site, lang, strings[lang], "../")
            for article in site.articles:
                jobs.append((f"{lang}/pdf/{article.slug}.pdf", article_document(article, v)))
                if article.quiz:
                    jobs.append((f"{lang}/pdf/{article.slug}-answers.pdf",
                                 answers_document(article, v)))
            jobs.append((f"{lang}/pdf/booklet.pdf", booklet(site, v)))
        # Longest first (the booklets), so the two workers finish together.
        jobs.sort(key=lambda job: -len(job[1]))
        with ProcessPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(render, [html for _, html in jobs]))
        origins = tuple(a.origin for a in site.articles)
        return [Artefact(path, data, origins) for (path, _), data in zip(jobs, results)]


OUTPUT = PdfFiles()


def render(html: str) -> bytes:
    """One PDF (in a worker process)."""
    from weasyprint import CSS as Style
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    weasyfix.apply()
    fonts = FontConfiguration()
    style = Style(string=CSS.read_text("utf-8"), base_url=f"{FONTS.as_uri()}/",
                  font_config=fonts)
    return HTML(string=html, base_url=f"{FONTS.as_uri()}/").write_pdf(
        stylesheets=[style], font_config=fonts, pdf_tags=True, uncompressed_pdf=False)


def document(title: str, v: View, body: Markup) -> str:
    """A whole HTML document for WeasyPrint, links to web pages kept as text, Arabic words split
    by a tag held together with joiners."""
    footer = v.t("Page %(page)s of %(pages)s", page="\u0001", pages="\u0002")
    footer_css = '"' + footer.replace('"', "'").replace(
        "\u0001", '" counter(page) "').replace("\u0002", '" counter(pages) "') + '"'
    # The footer's words are the catalog's, so its rule is written here, not in print.css; a
    # rule there could not take it off the booklet's cover (the document's own style wins).
    html = Markup('<!doctype html><html lang="{}" dir="{}"><head><meta charset="utf-8">'
                  "<title>{}</title><style>@page {{ @bottom-center {{ content: {}; }} }}"
                  "@page cover {{ @bottom-center {{ content: none; }} }}</style>"
                  "</head><body>{}</body></html>").format(
        v.lang, v.site.config.dir(v.lang), title, Markup(footer_css), body)
    return arabic.join_across_tags(_OTHER_PAGE_LINK.sub(r"\1", str(html)))


def _cite(prefix: str):
    def render_cite(refs: str) -> Markup:
        first = parse_refs(refs)[0]
        return Markup('<a class="cite" href="#{}p{}">¶{}</a>').format(prefix, first, refs.strip())
    return render_cite


def article_body(article: Article, v: View, *, prefix: str = "", level: int = 1) -> Markup:
    """Title block, explainer, text (and in a translation, the original beside it)."""
    h = f"h{level}"
    sub = f"h{level + 1}"
    lang, source = v.lang, v.site.config.source_lang
    outlet = v.text(article.outlet.shown(lang)) if article.outlet else v.ui("not stated")
    meta = Markup('<p>{}: {} · {}: {} · {}: {}</p><p>{}: <bdi dir="ltr">{}</bdi></p>').format(
        v.ui("Outlet"), outlet, v.ui("Published"), published(article, v), v.ui("Reading time"),
        minutes(article, v), v.ui("Source file"), article.source_file)
    head = Markup('<header class="title-block" id="{}top"><{}>{}</{}>{}</header>').format(
        prefix, Markup(h), v.text(article.title[lang]), Markup(h), meta)
    headings = {s.id: s.heading[lang] for s in v.site.config.sections}
    explainer = Markup("").join(
        Markup("<{}>{}</{}>{}").format(Markup(sub), v.text(headings[s.id]), Markup(sub),
                                       markup.blocks(s.body, rtl=v.rtl, cite=_cite(prefix)))
        for s in article.explainers.get(lang, ()))
    blocks = Markup("").join(_block(article, b, lang, v, prefix) for b in article.blocks)
    out = [head, Markup("<{}>{}</{}>").format(Markup(sub), v.ui("Explainer note"), Markup(sub)),
           explainer, Markup("<{}>{}</{}>").format(Markup(sub), v.ui("Original text"),
                                                     Markup(sub)), blocks]
    if lang != source:
        original = Markup("").join(_block(article, b, source, v, prefix + "src-")
                                   for b in article.blocks)
        out.append(Markup('<section class="appendix" lang="{}" dir="{}"><{}>{}</{}>{}</section>'
                          ).format(source, v.site.config.dir(source), Markup(sub),
                                   v.ui("The original text"), Markup(sub), original))
    return Markup("").join(out)


def _block(article: Article, block, lang: str, v: View, prefix: str) -> Markup:
    text, _ = article.text_of(block, lang)
    rtl = v.site.config.dir(lang) == "rtl"
    if block.kind == "heading":
        return Markup('<p class="para heading" id="{}{}">{}</p>').format(
            prefix, block.id, markup.text(text, rtl=rtl))
    return Markup('<p class="para" id="{}{}"><span class="num">¶{}</span>{}</p>').format(
        prefix, block.id, block.number, markup.text(text, rtl=rtl))


def definition(term: Term, v: View, anchors: dict[str, str]) -> Markup:
    """A term's definition, each citation as "short title ¶N": a link to the paragraph when the
    document holds that article (`anchors`: its slug → the link's start, up to the block id)."""
    def cite(refs: str) -> Markup:
        slug, _, block = refs.partition("#")
        article = v.site.article(slug)
        if article is None or not block:  # already reported by the loader
            return markup.text(f"[¶{refs}]")
        label = Markup("{} ¶{}").format(v.text(short_title(article.title[v.lang])), block[1:])
        if slug not in anchors:
            return Markup("({})").format(label)
        return Markup('(<a class="cite" href="{}{}">{}</a>)').format(anchors[slug], block, label)

    return markup.rich(term.definition[v.lang], rtl=v.rtl, cite=cite)


def key_terms(article: Article, v: View, level: int = 2, anchors: dict[str, str] | None = None
              ) -> Markup:
    """The article's key terms with their definitions (citations of this article linked)."""
    anchors = {article.slug: "#"} if anchors is None else anchors
    terms = [v.site.term(i) for i in v.site.key_terms.get(article.slug, ())]
    rows = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(
        v.text(t.name(v.lang)), definition(t, v, anchors)) for t in terms if t)
    if not rows:
        return Markup("")
    return Markup('<h{}>{}</h{}><dl class="terms">{}</dl>').format(
        level, v.ui("Key terms"), level, rows)


def article_document(article: Article, v: View) -> str:
    """The reader's PDF of one article, with its worksheet."""
    parts = [article_body(article, v), key_terms(article, v)]
    if article.quiz:
        parts.append(Markup('<section class="new-page"><h2>{}</h2>{}</section>').format(
            v.ui("Worksheet"), worksheet_html(article, v)))
    return document(article.title[v.lang], v, Markup("").join(parts))


def answers_document(article: Article, v: View) -> str:
    """The answer key of one article (teachers)."""
    title = v.t("Answer key: %(title)s", title=article.title[v.lang])
    return document(title, v, Markup("<h1>{}</h1>{}").format(
        v.text(title), answer_key_html(article, v)))


def booklet(site: Site, v: View) -> str:
    """Cover, contents, every article, the timeline, the claims and the glossary."""
    lang = v.lang
    anchors = {a.slug: f"#{a.slug}-" for a in site.articles}  # paragraph ids in the booklet
    sections = [(f"art-{a.slug}", a.title[lang]) for a in site.articles]
    sections += [("timeline", v.t("Timeline")), ("claims", v.t("Who claims what")),
                 ("glossary", v.t("Glossary"))]
    toc = Markup("").join(Markup('<li><a href="#{}">{}</a></li>').format(i, v.text(t))
                          for i, t in sections)
    cover = Markup('<section class="cover"><h1>{}</h1><p>{}</p><p>{} {}</p></section>'
                   '<section class="toc new-page"><h2>{}</h2><ol>{}</ol></section>').format(
        v.text(site.config.title[lang]), v.text(site.config.description[lang]),
        v.ui("Licence"), site.config.licence.name, v.ui("Contents"), toc)
    articles = Markup("").join(
        Markup('<section class="new-page" id="art-{}">{}{}</section>').format(
            a.slug, article_body(a, v, prefix=f"{a.slug}-"), key_terms(a, v, 3, anchors))
        for a in site.articles)
    events = Markup("").join(Markup('<p class="event"><time>{}</time> — {}</p>').format(
        v.t.date(e.date), v.text(e.text[lang])) for e in site.timeline)
    claims = Markup("").join(Markup(
        '<div class="claim"><p><strong>{}</strong></p><p>{}: {} · {}: {} · {}: {}</p></div>').format(
        v.text(c.claim[lang]), v.ui("Claimant"), v.text(c.claimant[lang]), v.ui("Denial or reply"),
        v.text(c.denial[lang]) if c.denial else v.ui("none reported"), v.ui("Status"),
        v.text(site.config.status(c.status).label[lang])) for c in site.claims)
    glossary = Markup("").join(Markup('<dt>{}</dt><dd><p class="short">{}</p><p>{}</p></dd>').format(
        v.text(t.name(lang)), v.text(t.short[lang]), definition(t, v, anchors))
        for t in sorted(site.terms, key=lambda t: t.name(lang)))
    back = Markup('<section class="new-page" id="timeline"><h1>{}</h1>{}</section>'
                  '<section class="new-page" id="claims"><h1>{}</h1>{}</section>'
                  '<section class="new-page" id="glossary"><h1>{}</h1><dl class="terms">{}</dl>'
                  "</section>").format(v.ui("Timeline"), events, v.ui("Who claims what"), claims,
                                       v.ui("Glossary"), glossary)
    return document(site.config.title[lang], v, cover + articles + back)
