"""The Content-Security-Policy every page carries, as a `<meta>` tag written at build time.

Everything is restricted to the site itself ('self'): no other host, no plugins, no inline event
handlers or `style` attributes. The page's own inline `<script>` and `<style>` elements (Material's
few lines of start-up code, the root pages' redirect) are allowed one by one, by the SHA-256 of
their text, so no 'unsafe-inline' is needed. Images may also be `data:` URLs (Material's icons
are SVG data URLs in its stylesheet); nothing else is.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Each inline element's text, exactly as the browser hashes it (between the tags).
_INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# Scripts of these types run; others (application/json data blocks) are not subject to the policy.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_META = '<meta http-equiv="Content-Security-Policy" content="{}">'
MARKER = 'http-equiv="Content-Security-Policy"'
_FOUND = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def digest(text: str) -> str:
    """The CSP source expression that allows the inline element whose text is `text`."""
    value = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{value}'"


def policy(html: str) -> str:
    """The policy for `html`: 'self' for everything, its inline scripts and styles by hash."""
    scripts, styles = [], []
    for match in _INLINE.finditer(html):
        tag, attrs, text = match.group(1).lower(), match.group(2), match.group(3)
        if tag == "script":
            kind = _TYPE.search(attrs)
            if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _SCRIPT_TYPES):
                continue
            scripts.append(digest(text))
        else:
            styles.append(digest(text))
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *sorted(set(scripts))]),
        " ".join(["style-src 'self'", *sorted(set(styles))]),
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def add_policy(html: str) -> str:
    """Put the policy's `<meta>` tag right after `<meta charset>` (before any script), once."""
    if MARKER in html:
        return html
    charset = _CHARSET.search(html)
    if charset is None:
        raise ValueError("a page without <meta charset> cannot carry the policy before its scripts")
    tag = _META.format(policy(html))
    return html[: charset.end()] + tag + html[charset.end():]


def problem(html: str) -> str | None:
    """What is wrong with the policy of a finished page, or None: it must be there, and allow
    exactly the page's inline scripts and styles (a change after hashing would block them)."""
    found = _FOUND.search(html)
    if found is None:
        return "has no Content-Security-Policy <meta>"
    expected = policy(html[: found.start()] + html[found.end():])
    if found.group(1) != expected:
        return "its Content-Security-Policy does not match its inline scripts and styles"
    return None
