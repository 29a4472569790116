"""The teacher's corner: how to use the site in class, a lesson guide per article, and the
licence and attribution. Outside the students' navigation (a discreet footer link leads here)."""

from __future__ import annotations

from markupsafe import Markup

from .. import markup
from ..i18n import Strings
from ..model import Article, Site
from . import BaseOutput, Page
from .common import View, minutes
from .home import free_text


class TeachersCorner(BaseOutput):
    """`teachers/index.md` and `teachers/lesson-<slug>.md` in every language."""

    name = "teachers"
    navigable = False

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """The corner's front page and a guide per article that has one."""
        v = View(site, lang, t, "../")
        intro = site.page("teachers", lang)
        rows = Markup("").join(article_row(a, v) for a in site.articles)
        body = (markup.front_matter(t("For teachers"), searchable=False)
                + f"# {v.ui('For teachers')}\n\n"
                + (free_text(intro.text, v) + "\n\n" if intro else "")
                + f"## {v.ui('Lessons')} {{#lessons}}\n\n"
                + str(Markup('<ul class="lessons">{}</ul>').format(rows)) + "\n\n"
                + teacher_files(site, v)
                + f"## {v.ui('Licence and attribution')} {{#licence}}\n\n"
                + str(licence(site, v)) + "\n")
        pages = [Page("teachers/index.md", t("For teachers"), body, nav=False,
                      sources=(site.config.origin, *(intro.origin for intro in [intro] if intro)))]
        for article in site.articles:
            if article.lesson:
                pages.append(Page(f"teachers/lesson-{article.slug}.md",
                                  t("Lesson guide: %(title)s", title=article.title[lang]),
                                  guide(article, v), nav=False,
                                  sources=(article.lesson.origin, article.origin)))
            title = t("Assignment: %(title)s", title=article.title[lang])
            pages.append(Page(f"teachers/assign-{article.slug}.md", title,
                              assignment(article, v, title), nav=False,
                              sources=(site.config.origin, article.origin)))
        return pages


OUTPUT = TeachersCorner()


def article_row(article: Article, v: View) -> Markup:
    """One article: its lesson guide, quiz, worksheet and answer key."""
    links = [(f"assign-{article.slug}.html", v.t("Assignment sheet"))]
    if article.lesson:
        links.append((f"lesson-{article.slug}.html", v.t("Lesson guide")))
    if article.quiz:
        links += [(f"../quizzes/{article.slug}.html", v.t("Quiz")),
                  (f"worksheet-{article.slug}.html", v.t("Worksheet")),
                  (f"answers-{article.slug}.html", v.t("Answer key"))]
    if "pdf" in v.site.outputs:  # the article's PDF ends with its worksheet
        links.append((f"../pdf/{article.slug}.pdf", v.t("Article and worksheet (PDF)")))
        if article.quiz:
            links.append((f"../pdf/{article.slug}-answers.pdf", v.t("Answer key (PDF)")))
    return Markup('<li><a href="../articles/{}.html">{}</a>: {}</li>').format(
        article.slug, v.text(article.title[v.lang]), Markup(" · ").join(
            Markup('<a href="{}">{}</a>').format(href, label) for href, label in links))


def guide(article: Article, v: View) -> str:
    """Objectives, level and time, key vocabulary, discussion, source evaluation, links."""
    lesson = article.lesson
    lang = v.lang
    level = v.site.config.level(article.level).label[lang]

    def items(texts) -> Markup:
        return Markup("").join(Markup("<li>{}</li>").format(v.text(x[lang])) for x in texts)

    vocab = Markup("").join(
        Markup('<li><a href="../glossary.html#{}">{}</a> — {}</li>').format(
            t.id, v.text(t.name(lang)), v.text(t.short[lang]))
        for t in (v.site.term(i) for i in v.site.key_terms.get(article.slug, ())) if t)
    claims = Markup("").join(Markup(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
        v.text(c.claim[lang]), v.text(c.source[lang]), v.text(c.evidence[lang]),
        v.text(c.reply[lang]), Markup(" ").join(
            Markup('<a class="cite" dir="ltr" href="../articles/{}.html#{}">¶{}</a>').format(
                article.slug, p, p[1:]) for p in c.paragraphs)) for c in lesson.claims)
    head = Markup("<tr>{}</tr>").format(Markup("").join(
        Markup('<th scope="col">{}</th>').format(v.ui(h)) for h in
        ("Claim", "Who makes it", "Evidence given", "Denial or reply", "Paragraphs")))
    title = v.t("Lesson guide: %(title)s", title=article.title[lang])
    links = article_row(article, v)
    body = Markup(
        '<div class="lesson"><dl class="article-meta"><div><dt>{}</dt><dd>{}</dd></div>'
        "<div><dt>{}</dt><dd>{}</dd></div></dl>"
        '<h2 id="objectives">{}</h2><ul>{}</ul>'
        '<h2 id="vocabulary">{}</h2><ul>{}</ul>'
        '<h2 id="discussion">{}</h2><ol>{}</ol>'
        '<h2 id="sources">{}</h2><p>{}</p><div class="table-wrap"><table class="lesson__claims">'
        "<thead>{}</thead><tbody>{}</tbody></table></div>"
        '<h2 id="materials">{}</h2><ul class="lessons">{}</ul></div>').format(
        v.ui("Level"), v.text(level), v.ui("Reading time"), minutes(article, v),
        v.ui("Learning objectives"), items(lesson.objectives),
        v.ui("Key vocabulary"), vocab, v.ui("Discussion questions"), items(lesson.discussion),
        v.ui("Evaluating the sources"), v.text(lesson.intro[lang]), head, claims,
        v.ui("Materials"), links)
    return (markup.front_matter(title, searchable=False) + f"# {v.text(title)}\n\n" + str(body)
            + "\n")


def teacher_files(site: Site, v: View) -> str:
    """Answer keys as PDFs, and the quizzes for learning platforms, with sizes."""
    from .downloads import TEACHER_FILES, size

    rows = [Markup('<li><a href="../../{}" download>{}</a> ({})</li>').format(
        path, path.rsplit("/", 1)[-1], size(count, v))
        for path, count in sorted(site.files.items())
        if path.endswith(TEACHER_FILES) and (path.startswith((f"{v.lang}/", "exports/")))]
    if not rows:
        return ""
    return (f"## {v.ui('Files for teachers')} {{#files}}\n\n"
            + str(Markup("<ul>{}</ul>").format(Markup("").join(rows))) + "\n\n")


def licence(site: Site, v: View) -> Markup:
    """Our writing's licence, the sources' credits, and how to cite a page."""
    lic = site.config.licence
    credits = Markup("").join(Markup("<li>{}: {}</li>").format(
        v.text(a.title[v.lang]), v.text(a.outlet.shown(v.lang)) if a.outlet
        else v.ui("outlet not stated in the text")) for a in site.articles)
    return Markup(
        '<p>{} <a href="{}" data-external rel="license">{}</a> ({}).</p>'
        "<p>{}</p><ul>{}</ul><p>{}</p>").format(
        v.ui("Licence text"), lic.url, lic.name, v.text(lic.holder[v.lang]),
        v.ui("The articles belong to their outlets:"), credits, v.ui("How to cite a page"))


def qr_svg(url: str, label: str) -> Markup:
    """A QR code of `url` as inline SVG, made at build time (segno)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=2, xmldecl=False,
                                    svgns=True, title=label, svgclass="qr", lineclass=None)
    return Markup(buffer.getvalue().decode())


def assignment(article: Article, v: View, title: str) -> str:
    """A printable sheet: for each student page of the article, its stable link and QR code."""
    targets = [(v.t("Article"), f"articles/{article.slug}.html")]
    if article.quiz:
        targets.append((v.t("Quiz"), f"quizzes/{article.slug}.html"))
    url = v.site.config.url
    rows = []
    for label, path in targets:
        address = f"{url}{v.lang}/{path}" if url else f"{v.lang}/{path}"
        code = qr_svg(address, f"{label}: {article.title[v.lang]}") if url else Markup("")
        rows.append(Markup('<div class="assign__item"><h2>{}</h2>{}<p class="assign__link" '
                           'dir="ltr"><a href="../{}">{}</a></p></div>').format(
            v.text(label), code, path, address))
    note = "" if url else Markup('<p class="assign__note">{}</p>').format(v.ui("QR needs url"))
    body = Markup('<div class="assign"><p>{}</p>{}{}</div>').format(
        v.text(article.title[v.lang]), note, Markup("").join(rows))
    return markup.front_matter(title, searchable=False) + f"# {v.text(title)}\n\n" + str(body)
