"""Pieces several pages share: metadata lines, citation links, source lists. Layout only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from .. import markup
from ..enrich import short_title
from ..i18n import Strings
from ..model import Article, Ref, Site


@dataclass(frozen=True)
class View:
    """One page being rendered: the site, its language, strings, and the way back to the root."""

    site: Site
    lang: str
    t: Strings
    root: str = ""  # "" for pages at the top, "../" for articles/x.md

    @property
    def rtl(self) -> bool:
        """Whether the page's language runs right to left."""
        return self.site.config.dir(self.lang) == "rtl"

    def text(self, value: str, lang: str | None = None) -> Markup:
        """Content text in `lang` (the page's by default) as HTML."""
        lang = lang or self.lang
        return markup.text(value, rtl=self.site.config.dir(lang) == "rtl")

    def ui(self, message: str, **values) -> Markup:
        """An interface string as HTML."""
        return markup.text(self.t(message, **values), rtl=self.rtl)

    def dir(self, lang: str) -> str:
        """Direction of `lang`."""
        return self.site.config.dir(lang)


def published(article: Article, v: View) -> Markup:
    """The publication date at its precision, marked as approximate unless the text states it."""
    if not article.date:
        return v.ui("not stated")
    shown = v.t.date(article.date.value)
    if article.date.exact:
        return markup.text(shown, rtl=v.rtl)
    return v.ui("approximately %(date)s", date=shown)


def minutes(article: Article, v: View) -> Markup:
    """Reading time with the language's plural rules."""
    n = article.minutes(v.lang)
    return markup.text(v.t.plural("%(num)s minute", "%(num)s minutes", n), rtl=v.rtl)


def meta_line(article: Article, v: View) -> Markup:
    """Outlet, author, date, reading time and level as a definition list."""
    unknown = Markup('<span class="unknown">{}</span>').format(v.ui("not stated"))
    rows = [(v.ui("Outlet"), v.text(article.outlet.shown(v.lang)) if article.outlet else unknown)]
    if article.author:
        rows.append((v.ui("Author"), v.text(article.author.get(v.lang) or next(iter(article.author.values())))))
    shown = published(article, v)
    if article.date and not article.date.exact and article.date.basis:
        shown += Markup(' <details class="basis"><summary>{}</summary>{}</details>').format(
            v.ui("How we know"), with_refs(article.date.basis[v.lang], v))
    rows.append((v.ui("Published"), shown if article.date else unknown))
    rows.append((v.ui("Reading time"), minutes(article, v)))
    rows.append((v.ui("Level"), v.text(v.site.config.level(article.level).label[v.lang])))
    items = Markup("").join(Markup("<div><dt>{}</dt><dd>{}</dd></div>").format(k, val)
                            for k, val in rows)
    return Markup('<dl class="article-meta">{}</dl>').format(items)


def pdf_offer(v: View, name: str, label: str, *, section: str = "") -> str:
    """The page's PDF (`<lang>/pdf/<name>`) offered above its content, as Markdown: a download,
    or with `section` the booklet opened at that part; nothing when this build makes no PDFs."""
    if "pdf" not in v.site.outputs:
        return ""
    if section:
        link = Markup('<a href="{}pdf/{}#{}">{}</a>').format(v.root, name, section, v.ui(label))
    else:
        link = Markup('<a href="{}pdf/{}" download>{}</a>').format(v.root, name, v.ui(label))
    return str(Markup('<p class="downloads">{}</p>').format(link)) + "\n\n"


def cite_link(v: View, slug: str, block: str, label: str, *, named: bool = False,
              same_page: bool = False) -> Markup:
    """A citation chip linking to a paragraph; `named` adds the article's short title."""
    article = v.site.article(slug)
    cite = v.site.cites.get(f"{slug}#{block}")
    if cite is None or article is None:  # already reported by the loader; the build will stop
        return markup.text(label)
    href = f"#{block}" if same_page else f"{v.root}articles/{slug}.html#{block}"
    title = article.title[v.lang]
    if named:
        shown = Markup("{} {}").format(v.text(short_title(title)), label)
        hint = title
    else:
        shown = markup.text(label)
        hint = cite.hint[v.lang] if same_page else title
    return Markup('<a class="cite" dir="{}" href="{}" title="{}">{}</a>').format(
        "auto" if named else "ltr", href, markup.attr(hint), shown)


_INLINE_REF = re.compile(r"\b([a-z0-9]+(?:-[a-z0-9]+)*)#(p\d+)\b")


def with_refs(value: str, v: View) -> Markup:
    """A note that names paragraphs as `slug#pN` (a date's basis): those become citation links."""
    out, position = [], 0
    for match in _INLINE_REF.finditer(value):
        if v.site.article(match[1]) is None:
            continue
        out.append(v.text(value[position : match.start()]))
        out.append(cite_link(v, match[1], match[2], f"¶{match[2][1:]}", named=True))
        position = match.end()
    out.append(v.text(value[position:]))
    return Markup("").join(out)


def source_links(refs: tuple[Ref, ...], v: View) -> Markup:
    """Links to source paragraphs, labelled with the article's short title and ¶ number."""
    return Markup(" ").join(cite_link(v, r.slug, r.block, f"¶{r.block[1:]}", named=True)
                            for r in refs)


def local_cite(v: View, article: Article):
    """The citation renderer for an explainer marker such as `12–14`: links to the first one."""
    from ..explainer import parse_refs

    def render(refs: str) -> Markup:
        numbers = parse_refs(refs)
        label = "¶" + refs.strip()
        return cite_link(v, article.slug, f"p{numbers[0]}", label, same_page=True)

    return render


class Linker:
    """Links the first mention of each glossary term in a section, with its tooltip.

    One per page: tooltip ids are numbered through the page; `section()` starts a new section.
    """

    def __init__(self, v: View):
        self.v = v
        self.seen: set[str] = set()
        self.count = 0

    def section(self) -> None:
        """A new section: every term may be linked again once."""
        self.seen = set()

    def marks(self, text: str, lang: str | None = None) -> markup.Marks:
        """Spans of `text` to link: first mentions not yet linked in this section."""
        out: markup.Marks = []
        for mention in self.v.site.mentions.get((lang or self.v.lang, text), ()):
            if mention.term in self.seen:
                continue
            self.seen.add(mention.term)
            out.append((mention.start, mention.end, self._wrapper(mention.term)))
        return out

    def _wrapper(self, ident: str):
        term = self.v.site.term(ident)

        def wrap(word: Markup) -> Markup:
            self.count += 1
            tip = f"tip-{self.count}"
            return Markup('<span class="term"><a href="{}glossary.html#{}" data-term="{}" '
                          'aria-describedby="{}">{}</a><span class="term__tip" role="tooltip" '
                          'id="{}" data-search-exclude>{}</span></span>').format(
                self.v.root, ident, ident, tip, word, tip, self.v.text(term.short[self.v.lang]))

        return wrap
