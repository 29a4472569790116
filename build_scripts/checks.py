"""Checks on the built HTML before it replaces the old site: language, direction, no other hosts."""

from __future__ import annotations

import re
from pathlib import Path

HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
EXTERNAL = re.compile(r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*?\b(?:src|href)=["']?"""
                      r"""(?:https?:)?//""", re.IGNORECASE)
CSS_EXTERNAL = re.compile(r"""url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""", re.IGNORECASE)
EXPECTED = {"ar": ("ar", "rtl"), "en": ("en", "ltr")}


def check_site(out: Path) -> list[tuple[str, str]]:
    """Return (path, problem) for every page with a wrong `<html lang dir>` or a remote resource."""
    problems = []
    for path in sorted(out.rglob("*.html")):
        rel = path.relative_to(out).as_posix()
        text = path.read_text(encoding="utf-8")
        top = rel.split("/", 1)[0]
        if top in EXPECTED:
            tag = HTML_TAG.search(text)
            lang = re.search(r'\blang="([^"]+)"', tag.group(0)) if tag else None
            direction = re.search(r'\bdir="([^"]+)"', tag.group(0)) if tag else None
            found = (lang and lang.group(1), direction and direction.group(1))
            if found != EXPECTED[top]:
                problems.append((f"site/{rel}",
                                 f"<html> has lang/dir {found}, expected {EXPECTED[top]}"))
        for match in EXTERNAL.finditer(text):
            problems.append((f"site/{rel}", f"loads a resource from another host: {match.group(0)}"))
    for path in sorted(out.rglob("*.css")):
        if CSS_EXTERNAL.search(path.read_text(encoding="utf-8", errors="replace")):
            problems.append((f"site/{path.relative_to(out).as_posix()}",
                             "stylesheet loads from another host"))
    return problems
