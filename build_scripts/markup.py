"""Text becomes HTML here, and only here.

Content is text. Every function returns `markupsafe.Markup`, so a value is escaped exactly once:
a renderer that puts a plain `str` into `Markup.format()` gets it escaped, a `Markup` passes as
is. What markup a field may carry is declared by the function that renders it:

- `text()`: titles, names, timeline and claim sentences — nothing but text;
- `rich()`: explainer sentences — `**strong**`, `*emphasis*` and citation markers `[¶12]`;
- `blocks()`: an explainer section body — paragraphs and `- ` / `1. ` lists of `rich()` text.

Escaped text is also inert for Markdown (MkDocs reads our pages as Markdown): the characters
Markdown would act on are written as character references, so a title cannot become a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

from . import arabic

# One pass, so nothing is escaped twice: HTML's special characters, and the characters that
# Markdown or its extensions (attr_list, toc) would interpret inside text, as references.
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                       **{c: f"&#{ord(c)};" for c in "\\`*_[]{}#!|~^$"}})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;",
                       **{c: f"&#{ord(c)};" for c in "\\`*_[]{}#!|~^$"}})
MARKER = re.compile(r"\[¶\s*(?P<refs>[^\]]*)\]")
# A citation across articles, on a free page: [¶slug#pN]. Loose, so a malformed one is reported.
PAGE_REF = re.compile(r"\[¶([^\]]*)\]")
_INLINE = re.compile(r"(\*\*|\*|\[¶[^\]]*\])")
_LIST_ITEM = re.compile(r"^(?:[-*]|\d+\.)\s+")


def _inert(text: str) -> Markup:
    """HTML-escape `text` and neutralise Markdown syntax in it."""
    return Markup(text.translate(_TEXT))


Wrap = Callable[[Markup], Markup]  # makes a marked span into, e.g., a glossary link
Marks = list[tuple[int, int, Wrap]]  # (start, end, wrap) over the raw text


def text(value: str, *, rtl: bool = False, marks: Marks | None = None) -> Markup:
    """Plain text as HTML; in right-to-left text, runs of Latin letters keep their order (<bdi>).

    `marks` wrap spans of the raw text (glossary terms) once they are escaped.
    """
    if marks:
        out, position = [], 0
        for start, end, wrap in sorted(marks, key=lambda m: m[0]):
            if start < position or end > len(value):
                continue
            out.append(text(value[position:start], rtl=rtl))
            out.append(wrap(text(value[start:end], rtl=rtl)))
            position = end
        out.append(text(value[position:], rtl=rtl))
        return Markup("").join(out)
    if not rtl:
        return _inert(value)
    out, position = [], 0
    for match in arabic.LATIN_RUN.finditer(value):
        out.append(_inert(value[position : match.start()]))
        run = match.group(0)
        out.append(_inert(run) if run.isdigit() else
                   Markup('<bdi dir="ltr">{}</bdi>').format(_inert(run)))
        position = match.end()
    out.append(_inert(value[position:]))
    return Markup("").join(out)


def attr(value: str) -> Markup:
    """Text for an attribute value (title, aria-label): escaped, quotes included."""
    return Markup(value.translate(_ATTR))


Cite = Callable[[str], Markup]  # the marker's inside ("12–14") → a link


def rich(value: str, *, rtl: bool, cite: Cite, marks: Marks | None = None) -> Markup:
    """Explainer text: text plus **strong**, *emphasis* and citation markers."""
    out: list[Markup] = []
    open_tags: list[str] = []
    parts = _INLINE.split(value)
    offset = 0
    for i, part in enumerate(parts):
        start, offset = offset, offset + len(part)
        if i % 2 == 0:
            inside = [(a - start, b - start, w) for a, b, w in marks or ()
                      if start <= a and b <= start + len(part)]
            out.append(text(part, rtl=rtl, marks=inside))
        elif part.startswith("[¶"):
            out.append(cite(MARKER.match(part)["refs"]))
        else:
            tag = "strong" if part == "**" else "em"
            if open_tags and open_tags[-1] == tag:
                open_tags.pop()
                out.append(Markup(f"</{tag}>"))
            elif part in "".join(parts[i + 1 :]):
                open_tags.append(tag)
                out.append(Markup(f"<{tag}>"))
            else:  # an unpaired star is a star
                out.append(text(part))
    out.extend(Markup(f"</{tag}>") for tag in reversed(open_tags))
    return Markup("").join(out)


def paragraphs(lines: tuple[str, ...] | list[str]) -> list[tuple[str, list[str]]]:
    """A section body as ("p", [text]), ("ul", [items]) or ("ol", [items]): blank lines separate
    paragraphs, list items start with "- " or "1. " and may continue on the next lines."""
    out: list[tuple[str, list[str]]] = []
    para: list[str] = []
    for raw in lines:
        line = raw.strip()
        item = _LIST_ITEM.match(line)
        if not line:
            if para:
                out.append(("p", [" ".join(para)]))
                para = []
            if out and out[-1][0] != "p":
                out.append(("", []))  # a blank line ends a list
        elif item:
            if para:
                out.append(("p", [" ".join(para)]))
                para = []
            kind = "ol" if line[0].isdigit() else "ul"
            if out and out[-1][0] == kind:
                out[-1][1].append(line[item.end():])
            else:
                out.append((kind, [line[item.end():]]))
        elif out and out[-1][0] in ("ul", "ol"):
            out[-1][1][-1] += " " + line
        else:
            para.append(line)
    if para:
        out.append(("p", [" ".join(para)]))
    return [(kind, texts) for kind, texts in out if kind]


def blocks(lines: tuple[str, ...] | list[str], *, rtl: bool, cite: Cite,
           marks: Callable[[str], Marks] | None = None) -> Markup:
    """A section body as HTML; `marks(text)` gives the spans to wrap in each paragraph or item."""
    html: list[Markup] = []
    for kind, texts in paragraphs(lines):
        parts = [rich(t, rtl=rtl, cite=cite, marks=marks(t) if marks else None) for t in texts]
        if kind == "p":
            html.append(Markup("<p>{}</p>").format(parts[0]))
        else:
            items = Markup("").join(Markup("<li>{}</li>").format(p) for p in parts)
            html.append(Markup(f"<{kind}>{{}}</{kind}>").format(items))
    return Markup("\n").join(html)


def plain_citations(text: str) -> str:
    """Text for a file outside the site (CSV, TBX): [¶slug#p3] becomes (slug ¶3)."""
    return PAGE_REF.sub(lambda m: "(" + m.group(1).replace("#p", " ¶") + ")", text)


def front_matter(title: str, *, script: str | None = None, searchable: bool = True) -> str:
    """YAML front matter for a generated page (the title as quoted text; see `outputs.nav`);
    `script` names a page script the theme loads on that page only (overrides/main.html);
    a page that is not `searchable` stays out of the search index."""
    value = title.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    extra = f"script: {script}\n" if script else ""
    extra += "" if searchable else "search:\n  exclude: true\n"
    return f'---\ntitle: "{value}"\n{extra}---\n\n'
