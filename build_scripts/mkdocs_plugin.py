"""The small MkDocs plugin through which the build adjusts what MkDocs makes, as it makes it.

A thin adapter: each event calls a plain function (here or in `search`) that tests call directly.
It is added to the configuration by `build.py`, not installed, so it carries the build's state.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from . import arabic, csp, search

_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_CHECKBOX = re.compile(r"""<input\b[^>]*\btype=["']?checkbox\b[^>]*>""", re.IGNORECASE)
_AUTOCOMPLETE = re.compile(r"""\s+autocomplete=(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


def set_html_dir(html: str, direction: str) -> str:
    """Put `dir` on `<html>` itself (Material sets it on `<body>` only)."""
    tag = _HTML_TAG.search(html)
    if tag is None or " dir=" in tag.group(0):
        return html
    fixed = tag.group(0).replace("<html", f'<html dir="{direction}"', 1)
    return html[: tag.start()] + fixed + html[tag.end():]


def drop_checkbox_autocomplete(html: str) -> str:
    """Remove `autocomplete` from checkboxes: HTML allows it on text-like inputs only, and
    Material puts it on its drawer and search toggles in base.html, outside any block."""
    return _CHECKBOX.sub(lambda tag: _AUTOCOMPLETE.sub("", tag.group(0)), html)


class ReaderPlugin(BasePlugin):
    """Per-language adjustments: `<html dir>`, the CSP, folded Arabic search fields, the fold rules."""

    def __init__(self, *, direction: str, fold_search: bool, matcher=None, query_terms=None):
        super().__init__()
        self.direction = direction
        self.fold_search = fold_search
        self.matcher = matcher  # glossary terms, found in the index (terms.Matcher)
        self.query_terms = query_terms or {}  # the same terms, for the query (search.query_rules)

    @event_priority(-100)  # last: the policy hashes the page's final inline scripts
    def on_post_page(self, output: str, *, page, config) -> str:
        """Every page gets its direction on the root element, valid toggles and its
        Content-Security-Policy."""
        return csp.add_policy(drop_checkbox_autocomplete(set_html_dir(output, self.direction)))

    @event_priority(100)  # before the search plugin writes its index (priority 0)
    def on_post_build(self, *, config) -> None:
        """Drop an empty sitemap and the theme's files no page uses; add folded fields to the
        search entries and write the browser's folding rules."""
        if not config.extra.get("sitemap_base"):  # no published URL: no absolute addresses
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (Path(config.site_dir) / name).unlink(missing_ok=True)
        drop_unused_assets(Path(config.site_dir), _search_languages(config))
        if not self.fold_search:
            return
        index = _search_index(config)
        if index is not None:
            search.add_folded_fields(index.entries, self.matcher)
        rules = Path(config.site_dir) / search.RULES_SCRIPT
        rules.parent.mkdir(parents=True, exist_ok=True)
        tables = {**arabic.js_rules(), "terms": self.query_terms}
        rules.write_text("window.SEARCH_FOLD_RULES = "
                         + json.dumps(tables, ensure_ascii=False, sort_keys=True)
                         + "\n", encoding="utf-8")


def drop_unused_assets(site_dir: Path, search_languages: list[str]) -> None:
    """Remove what the theme copies but no visitor uses: source maps (for the theme's own
    developers, 1.3 MB a language) and, when search is English only (the Arabic site folds its
    own fields, search.py), lunr's language packs, which the search worker loads only for other
    languages (1 MB)."""
    for path in sorted(site_dir.glob("assets/**/*.map")):
        path.unlink()
    if search_languages and all(lang == "en" for lang in search_languages):
        shutil.rmtree(site_dir / "assets" / "javascripts" / "lunr", ignore_errors=True)


def _search_languages(config) -> list[str]:
    """The languages Material's search worker will load lunr support for."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "search" and hasattr(plugin, "search_index"):
            lang = plugin.config.lang
            return [lang] if isinstance(lang, str) else list(lang or [])
    return []


def _search_index(config):
    """Material's search index, found by the plugin's name rather than its position."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "search" and hasattr(plugin, "search_index"):
            return plugin.search_index
    return None
