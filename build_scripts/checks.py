"""Checks on the built site before it replaces the old one.

Every page: the right `<html lang dir>`, its Content-Security-Policy, nothing loaded from another host, no link that leaves the
site unless marked as a deliberate source link (`data-external`), and every internal link, `src`
and `#anchor` resolves. A problem names the content file (and line, where the link's text can be
found there) that produced the page, not the built file.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
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


# A start tag and its attributes. The pages are parsed with these rather than html.parser,
# which takes most of a large build's checking time; raw text (scripts, styles) and comments
# are blanked first, as a browser ignores tags there.
_RAW = re.compile(r"<!--.*?-->|<(script|style)\b([^>]*)>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_VALUE = r"""\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
_TAG = re.compile(r"""<([a-zA-Z][a-zA-Z0-9-]*)(\s(?:[^>"']+|"[^"]*"|'[^']*')*)?>""")
_ATTR = re.compile(rf"""([^\s"'=<>/`]+)(?:{_VALUE})?""")


class _Page:
    """A page's ids, its <html> attributes and the URLs it links to or loads."""

    def __init__(self, text: str):
        self.ids: set[str] = set()
        self.html_attrs: dict[str, str] = {}
        self.urls: list[tuple[str, str, bool]] = []  # (tag, url, marked external)
        text = _RAW.sub(lambda m: f"<{m[1]}{m[2]}>" if m[1] else "", text)
        for match in _TAG.finditer(text):
            tag, raw = match[1].lower(), match[2]
            if not raw or (tag not in _LINKING and tag != "html" and "id" not in raw
                           and "ID" not in raw):
                continue  # nothing here to check
            values: dict[str, str | None] = {}
            for attr in _ATTR.finditer(raw):
                value = next((v for v in attr.groups()[1:] if v is not None), None)
                values[attr[1].lower()] = None if value is None else html.unescape(value)
            self.add(tag, values)

    def add(self, tag: str, values: dict[str, str | None]) -> None:
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
    return _Page(html).ids


def check_site(out: Path, expected: dict[str, tuple[str, str]], locate: Locate,
               problems: Problems, *, skip: set[tuple[str, str]] = frozenset()) -> None:
    """Check every page under `out`; `expected` maps a language folder to its (lang, dir).

    `skip` holds (page, url) pairs already reported (by MkDocs), so each is reported once.
    """
    parsed: dict[str, _Page] = {}
    for path in sorted(out.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        rel = path.relative_to(out).as_posix()
        parsed[rel] = _Page(html)
        wrong = csp.problem(html)
        if wrong:
            _add(problems, Origin(f"site/{rel}"), f"site/{rel}: {wrong}",
                 "add it as the last step that changes the page (build_scripts/csp.py)")
    tree = _Tree(out)
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
            _check_url(tree, rel, tag, url, marked, parsed, locate, problems)
    for path in sorted(out.rglob("*.css")):
        if _CSS_EXTERNAL.search(path.read_text(encoding="utf-8", errors="replace")):
            rel = path.relative_to(out).as_posix()
            _add(problems, Origin(f"site/{rel}"), "stylesheet loads from another host",
                 "self-host the file under overrides/assets/")


class _Tree:
    """The files and folders of the built site, listed once; each link target is resolved once
    per folder (every page of a folder carries the same navigation)."""

    def __init__(self, out: Path):
        self.files: set[str] = set()
        self.dirs: set[str] = {""}
        for folder, dirs, files in os.walk(out):
            rel = Path(folder).relative_to(out).as_posix()
            prefix = "" if rel == "." else rel + "/"
            self.dirs.update(prefix + d for d in dirs)
            self.files.update(prefix + f for f in files)
        self._targets: dict[tuple[str, str], str | None] = {}
        self.verdicts: dict[tuple, tuple[str, str] | None] = {}

    def target(self, rel: str, path: str) -> str | None:
        """The file a link's path from page `rel` names (a folder's index.html), or None."""
        folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
        key = (folder if path else rel, path)
        if key not in self._targets:
            target = rel if not path else _normalise(  # a root-absolute path: from the top
                unquote(path) if path.startswith("/") else f"{folder}/{unquote(path)}")
            if target is not None and target in self.dirs:
                target = f"{target.rstrip('/')}/index.html" if target else "index.html"
            elif target is not None and target not in self.files:
                target = None
            self._targets[key] = target
        return self._targets[key]


def _check_url(tree: _Tree, rel: str, tag: str, url: str, marked: bool, parsed: dict,
               locate: Locate, problems: Problems) -> None:
    # The verdict depends on the page's folder, not the page, unless the link has no path.
    folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
    key = (folder if url[:1] not in ("", "#", "?") else rel, tag, url, marked)
    if key not in tree.verdicts:
        tree.verdicts[key] = _verdict(tree, rel, tag, url, marked, parsed)
    verdict = tree.verdicts[key]
    if verdict is not None:
        _add(problems, locate(rel, url), f"site/{rel}: {verdict[0]}", verdict[1])


def _verdict(tree: _Tree, rel: str, tag: str, url: str, marked: bool, parsed: dict
             ) -> tuple[str, str] | None:
    """What is wrong with a link or a loaded URL of page `rel` (message, hint), or None."""
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel") or (parts.scheme == "data" and tag != "a"):
        return None  # a data: URL is in the page itself (the root pages' empty icon), not fetched
    if parts.scheme or parts.netloc or url.startswith("//"):
        if parts.scheme not in ("http", "https", "") or tag != "a" or not marked:
            what = "links to" if tag == "a" else "loads"
            return (f"{what} another host: {url[:80]}",
                    "nothing may leave the site except source links marked data-external")
        return None
    if parts.path.endswith(".md"):
        return None  # a Markdown link MkDocs could not resolve: MkDocs reports it with its text
    target = tree.target(rel, parts.path)
    if target is None:
        return f"broken link '{url}' (no such file)", "link to a page or file that exists"
    if parts.fragment and target in parsed and unquote(parts.fragment) not in parsed[target].ids:
        return (f"broken link '{url}' (no #{parts.fragment} in {target})",
                "link to an id that exists (paragraphs are #p1, #p2 …)")
    return None


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
