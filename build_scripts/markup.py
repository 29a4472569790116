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


def text(value: str, *, rtl: bool = False) -> Markup:
    """Plain text as HTML; in right-to-left text, runs of Latin letters keep their order (<bdi>)."""
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


def rich(value: str, *, rtl: bool, cite: Cite) -> Markup:
    """Explainer text: text plus **strong**, *emphasis* and citation markers."""
    out: list[Markup] = []
    open_tags: list[str] = []
    parts = _INLINE.split(value)
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(text(part, rtl=rtl))
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


def blocks(lines: tuple[str, ...] | list[str], *, rtl: bool, cite: Cite) -> Markup:
    """A section body: blank-line separated paragraphs, and lists whose items start with -, 1."""
    html: list[Markup] = []
    para: list[str] = []
    items: list[str] = []
    ordered = False

    def flush_para() -> None:
        if para:
            html.append(Markup("<p>{}</p>").format(rich(" ".join(para), rtl=rtl, cite=cite)))
            para.clear()

    def flush_list() -> None:
        if items:
            tag = "ol" if ordered else "ul"
            lis = Markup("").join(Markup("<li>{}</li>").format(rich(i, rtl=rtl, cite=cite))
                                  for i in items)
            html.append(Markup(f"<{tag}>{{}}</{tag}>").format(lis))
            items.clear()

    for raw in lines:
        line = raw.strip()
        item = _LIST_ITEM.match(line)
        if not line:
            flush_para()
            flush_list()
        elif item:
            flush_para()
            ordered = line[0].isdigit()
            items.append(line[item.end():])
        elif items:
            items[-1] += " " + line
        else:
            para.append(line)
    flush_para()
    flush_list()
    return Markup("\n").join(html)


def front_matter(title: str) -> str:
    """YAML front matter for a generated page (the title as quoted text; see `outputs.nav`)."""
    value = title.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'---\ntitle: "{value}"\n---\n\n'
