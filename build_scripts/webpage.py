"""Read a saved news page (HTML) or an address: the article's text and what the page states.

trafilatura (made for the job) finds the main text and the page's own metadata: headline, site
name, author, and the publication date through htmldate, limited to what the page's markup states
(no guessing from the address or from dates in the text). Each value keeps where it came from,
so article.yml can say so (`basis`); a value the page does not state stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ARABIC = re.compile(r"[\u0621-\u064a]")
BYLINE = re.compile(r"^\s*(?:كتبت|كتب|بقلم|إعداد|تحرير|by)\s*[:：\-–—]?\s*", re.IGNORECASE)
MARKS = re.compile(r"^(?:#{1,6}\s+|>\s*)|\*\*|__")


@dataclass
class PageFacts:
    """What a saved page gives the importer."""

    text: str                      # the main text, one paragraph per line, headline first
    title: str | None = None
    date: str | None = None        # YYYY-MM-DD, only when the page's markup states it
    outlet: str | None = None
    author: str | None = None
    found: list[str] = field(default_factory=list)  # "outlet «…» (page metadata)" for the report
    outlet_from: str = "site name"  # which part of the page states the outlet
    near_headline: list[str] = field(default_factory=list)  # visible lines just below the headline


class PageRefused(ValueError):
    """The page has no article text trafilatura can find."""


def looks_like_html(text: str) -> bool:
    """A saved web page rather than copied text."""
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<head" in head


def read_page(html: str) -> PageFacts:
    """Extract the main text and the metadata the page states."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        _without_pull_quotes(html), with_metadata=True, include_formatting=True, include_comments=False,
        include_tables=False, include_images=False, include_links=False, deduplicate=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    visible = None
    if doc is None or not (doc.text or "").strip():
        # trafilatura wants some page structure; for a bare page, clean its visible lines with
        # the text rules instead (they drop what is not the article).
        visible = _visible_lines(html)
        if not visible:
            raise PageRefused("no article text found in the page")
    title = _visible_headline(html) or (_clean(doc.title) if doc is not None else None)
    source = "\n".join(visible) if visible is not None else doc.text
    lines = [_clean(MARKS.sub("", line)) for line in source.splitlines()]
    lines = [line for line in lines if line]
    if title and lines and _same(lines[0], title):
        lines = lines[1:]
    facts = PageFacts(text="\n\n".join(([title] if title else []) + lines) + "\n", title=title)
    if title:
        facts.found.append(f"headline «{title}» (the page's metadata or main heading)")
    if visible is not None:
        facts.found.append("no main text recognised: the page's visible lines were cleaned one "
                           "by one")
        facts.near_headline = _below_headline(html, title)
        return facts
    if doc.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date):
        facts.date = doc.date
        facts.found.append(f"date {doc.date} (the page's metadata, read by htmldate)")
    sitename = _clean(doc.sitename)
    if sitename and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", sitename, re.IGNORECASE):  # not a bare host
        facts.outlet = sitename
        facts.found.append(f"outlet «{sitename}» (the page's site name)")
    elif site_from_title(html, title):
        facts.outlet, facts.outlet_from = site_from_title(html, title), "title"
        facts.found.append(f"outlet «{facts.outlet}» (the page's title)")
    facts.near_headline = _below_headline(html, title)
    author = _clean(BYLINE.sub("", doc.author or ""))
    if author:
        facts.author = author
        facts.found.append(f"author «{author}» (the page's metadata)")
    return facts


PULL_QUOTE = re.compile(r"\bpull-?quote\b|\bpull\b|\bpullout\b", re.IGNORECASE)


def _without_pull_quotes(html: str) -> str:
    """Drop pull quotes (a sentence of the text repeated large): trafilatura keeps them as text."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, SyntaxError, etree.ParserError):
        return html
    pulls = [e for e in tree.iter("blockquote", "aside", "div", "p", "figure")
             if PULL_QUOTE.search(e.get("class") or "")]
    if not pulls:
        return html
    for element in pulls:
        element.drop_tree()
    return lxml_html.tostring(tree, encoding="unicode")


def _visible_headline(html: str) -> str | None:
    """The page's one `<h1>` as readers see it (og:title is sometimes a shorter social version)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        heads = lxml_html.fromstring(html).xpath("//body//h1")
    except (ValueError, SyntaxError, etree.ParserError):
        return None
    texts = [_clean(h.text_content()) for h in heads]
    texts = [t for t in texts if t and ARABIC.search(t) and len(t.split()) >= 3]
    return texts[0] if len(texts) == 1 else None


def _below_headline(html: str, headline: str | None, count: int = 8) -> list[str]:
    """The page's visible lines right after the headline, where bylines and date lines stand
    (trafilatura leaves them out of the main text)."""
    if not headline:
        return []
    tree = _tree(html)
    if tree is None:
        return []
    lines = _lines_of(tree)
    at = next((i for i, line in enumerate(lines) if _same(line, headline)), None)
    return [] if at is None else lines[at + 1: at + 1 + count]


def _visible_lines(html: str) -> list[str]:
    tree = _tree(html)
    return [] if tree is None else _lines_of(tree)


def _tree(html: str):
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(html)
    except (ValueError, SyntaxError, etree.ParserError):
        return None


def _lines_of(tree) -> list[str]:
    """The visible text of a parsed page, one line per block element."""
    for junk in tree.xpath("//script|//style|//noscript|//template"):
        junk.drop_tree()
    blocks = ("p", "div", "h1", "h2", "h3", "h4", "li", "time", "span", "header", "section",
              "article", "figcaption", "address", "td", "br")
    for element in tree.iter(*blocks):
        element.tail = "\n" + (element.tail or "")
        if element.text is not None:
            element.text = "\n" + element.text
    body = tree.find("body") if tree.find("body") is not None else tree
    return [line for line in (_clean(t) for t in body.text_content().splitlines()) if line]


def fetch(url: str) -> str:
    """Download a page; raises PageRefused with the reason when it cannot."""
    import trafilatura

    html = trafilatura.fetch_url(url)
    if not html:
        raise PageRefused("could not be downloaded (offline, or the site refused); save the "
                          "page from the browser and import the .html file")
    return html


def _clean(value: str | None) -> str | None:
    value = re.sub(r"\s+", " ", value or "").strip()
    return value or None


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a) == re.sub(r"\W+", "", b)


# Month names as Arabic outlets write them: Egyptian/Gulf, Levantine, Maghrebi (Algeria, Tunisia,
# Morocco). Keys are folded the way `arabic.normalise` folds text.
MONTHS = {
    1: "يناير كانون الثاني جانفي janvier", 2: "فبراير شباط فيفري فبراير février",
    3: "مارس آذار mars", 4: "أبريل إبريل ابريل نيسان أفريل avril", 5: "مايو أيار ماي mai",
    6: "يونيو يونيه حزيران جوان يونيو juin", 7: "يوليو يوليه تموز جويلية يوليوز juillet",
    8: "أغسطس آب أوت غشت août", 9: "سبتمبر أيلول شتنبر septembre",
    10: "أكتوبر اكتوبر تشرين الأول octobre", 11: "نوفمبر تشرين الثاني نونبر novembre",
    12: "ديسمبر كانون الأول دجنبر décembre",
}


def _month_names() -> list[tuple[str, int]]:
    from . import arabic

    names = []
    for number, spelled in MONTHS.items():
        for name in re.findall(r"(?:كانون|تشرين) \S+|\S+", spelled):
            names.append((arabic.normalise(name), number))
    return sorted(set(names), key=lambda item: -len(item[0]))  # "كانون الثاني" before "كانون"


def stated_date(line: str) -> str | None:
    """The Gregorian date a page's date line states (day, month name, year), as YYYY-MM-DD.

    Only a full date written with a month name counts: "01/12/2026" may be day-first or
    month-first, and a Hijri date needs a calendar; those stay for the editor.
    """
    from . import arabic

    text = arabic.normalise(line)
    for name, month in _month_names():
        match = re.search(rf"(?<!\w)(\d{{1,2}})\s+{re.escape(name)}(?:\s*/\s*\S+)?[\s،,]+(\d{{4}})",
                          text)
        if match and 1 <= int(match.group(1)) <= 31:
            return f"{match.group(2)}-{month:02d}-{int(match.group(1)):02d}"
    return None


def site_from_title(html: str, headline: str | None) -> str | None:
    """The site's name from a `<title>` like "Headline | Site" (the page states it there)."""
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.DOTALL | re.IGNORECASE)
    if not match or not headline:
        return None
    import html as entities

    title = _clean(entities.unescape(match.group(1))) or ""
    parts = [p.strip() for p in re.split(r"\s+[|\-–—:«»]\s+", title) if p.strip()]
    if len(parts) < 2 or not _same(parts[0], headline):
        return None
    arabic_parts = [p for p in parts[1:] if ARABIC.search(p)]
    return (arabic_parts or parts[1:])[0]
