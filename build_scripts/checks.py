"""Checks on the built site before it replaces the old one.

Every page: the right `<html lang dir>`, its Content-Security-Policy, nothing loaded from another host, no link that leaves the
site unless marked as a deliberate source link (`data-external`), and every internal link, `src`
and `#anchor` resolves. A problem names the content file (and line, where the link's text can be
found there) that produced the page, not the built file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import csp
from .errors import Problems
from .model import Origin

_CSS_EXTERNAL = re.compile(r"""url\(\s*["']?(?:[a-z]+:)?//|@import\s+["']?(?:[a-z]+:)?//""",
                           re.IGNORECASE)
_LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src",
            "source": "src", "video": "src", "audio": "src"}

Locate = Callable[[str, str], Origin]  # (built file, snippet) → where the content was written


class _Page(HTMLParser):
    """Collects a page's ids, its <html> attributes and the URLs it links to or loads."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.html_attrs: dict[str, str] = {}
        self.urls: list[tuple[str, str, bool]] = []  # (tag, url, marked external)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html" and not self.html_attrs:
            self.html_attrs = {k: v or "" for k, v in values.items()}
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        attr = _LINKING.get(tag)
        if attr and values.get(attr) is not None:
            self.urls.append((tag, values[attr] or "", "data-external" in values))


def page_ids(html: str) -> set[str]:
    """The ids (and `<a name>`s) in `html` that a link's #anchor may point at."""
    page = _Page()
    page.feed(html)
    return page.ids


def check_site(out: Path, expected: dict[str, tuple[str, str]], locate: Locate,
               problems: Problems, *, skip: set[tuple[str, str]] = frozenset()) -> None:
    """Check every page under `out`; `expected` maps a language folder to its (lang, dir).

    `skip` holds (page, url) pairs already reported (by MkDocs), so each is reported once.
    """
    parsed: dict[str, _Page] = {}
    for path in sorted(out.rglob("*.html")):
        page = _Page()
        html = path.read_text(encoding="utf-8")
        page.feed(html)
        rel = path.relative_to(out).as_posix()
        parsed[rel] = page
        wrong = csp.problem(html)
        if wrong:
            _add(problems, Origin(f"site/{rel}"), f"site/{rel}: {wrong}",
                 "add it as the last step that changes the page (build_scripts/csp.py)")
    for rel, page in parsed.items():
        top = rel.split("/", 1)[0]
        if top in expected:
            found = (page.html_attrs.get("lang"), page.html_attrs.get("dir"))
            if found != expected[top]:
                _add(problems, locate(rel, ""), f"site/{rel}: <html> has lang/dir {found}, "
                     f"expected {expected[top]}", "report this: the theme override is broken")
        for tag, url, marked in page.urls:
            if (rel, url) in skip:
                continue
            _check_url(out, rel, tag, url, marked, parsed, locate, problems)
    for path in sorted(out.rglob("*.css")):
        if _CSS_EXTERNAL.search(path.read_text(encoding="utf-8", errors="replace")):
            rel = path.relative_to(out).as_posix()
            _add(problems, Origin(f"site/{rel}"), "stylesheet loads from another host",
                 "self-host the file under overrides/assets/")


def _check_url(out: Path, rel: str, tag: str, url: str, marked: bool, parsed: dict,
               locate: Locate, problems: Problems) -> None:
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel") or (parts.scheme == "data" and tag != "a"):
        return  # a data: URL is in the page itself (the root pages' empty icon), not fetched
    if parts.scheme or parts.netloc or url.startswith("//"):
        if parts.scheme not in ("http", "https", "") or tag != "a" or not marked:
            what = "links to" if tag == "a" else "loads"
            _add(problems, locate(rel, url), f"site/{rel}: {what} another host: {url[:80]}",
                 "nothing may leave the site except source links marked data-external")
        return
    if parts.path.endswith(".md"):
        return  # a Markdown link MkDocs could not resolve: MkDocs reports it with its text
    target = rel if not parts.path else \
        (Path(rel).parent / unquote(parts.path)).as_posix()
    target = _normalise(target)
    if target is None or not (out / target).exists():
        _add(problems, locate(rel, url), f"site/{rel}: broken link '{url}' (no such file)",
             "link to a page or file that exists")
        return
    if (out / target).is_dir():
        target = f"{target.rstrip('/')}/index.html"
    if parts.fragment and target in parsed and unquote(parts.fragment) not in parsed[target].ids:
        _add(problems, locate(rel, url), f"site/{rel}: broken link '{url}' (no #{parts.fragment} "
             f"in {target})", "link to an id that exists (paragraphs are #p1, #p2 …)")


def _normalise(path: str) -> str | None:
    parts: list[str] = []
    for piece in path.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts)


def _add(problems: Problems, origin: Origin, message: str, hint: str) -> None:
    problems.add(origin.path, origin.line, message, hint)
