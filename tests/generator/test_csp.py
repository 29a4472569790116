"""The Content-Security-Policy written into every page: 'self' only, inline code by hash."""

from __future__ import annotations

import base64
import hashlib

import pytest

from build_scripts import csp


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_inline_scripts_and_styles_are_allowed_by_their_hash_only():
    html = ('<html><head><meta charset="utf-8"><style>b{}</style>'
            '<script src="x.js"></script><script id="__config" type="application/json">{"a":1}'
            '</script></head><body><script>run(1)</script><script type="module">m()</script>'
            '<script>run(1)</script></body></html>')
    assert csp.policy(html) == (
        f"default-src 'self'; script-src 'self' {' '.join(sorted([sha('run(1)'), sha('m()')]))}; "
        f"style-src 'self' {sha('b{}')}; img-src 'self' data:; object-src 'none'; "
        "base-uri 'self'; form-action 'self'")
    assert "unsafe" not in csp.policy(html)


def test_the_meta_tag_comes_first_and_once():
    html = '<!doctype html><html><head><meta charset="utf-8"><script>a()</script></head></html>'
    once = csp.add_policy(html)
    assert once.index(csp.MARKER) < once.index("<script>")
    assert once.startswith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv=')
    assert csp.add_policy(once) == once
    assert csp.problem(once) is None
    assert csp.problem(once.replace("a()", "b()")) is not None


def test_a_page_without_charset_cannot_carry_it():
    with pytest.raises(ValueError, match="charset"):
        csp.add_policy("<html><script>a()</script></html>")
