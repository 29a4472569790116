"""The built-site checks on small hand-made sites, and the stages only a build reaches."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts import checks, csp, i18n
from build_scripts.build import build
from build_scripts.errors import ContentError, Problems
from build_scripts.model import Origin

from ..conftest import REPO, write_tree

PAGE = ('<!doctype html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8">{head}</head>'
        '<body>{body}</body></html>')


def run(tmp_path: Path, files: dict[str, str]) -> list[str]:
    out = write_tree(tmp_path / "site", files)
    problems = Problems(tmp_path)
    checks.check_site(out, {"ar": ("ar", "rtl"), "en": ("en", "ltr")},
                      lambda built, snippet: Origin(f"content/{built}.md"), problems)
    return [str(p) for p in sorted(problems)]


def page(lang="en", direction="ltr", head="", body="") -> str:
    return csp.add_policy(PAGE.format(lang=lang, dir=direction, head=head, body=body))


def test_a_page_without_its_policy_or_with_a_stale_one(tmp_path):
    stale = page(body="<script>go()</script>").replace("go()", "went()")
    assert run(tmp_path, {"en/a.html": PAGE.format(lang="en", dir="ltr", head="", body=""),
                          "en/b.html": stale}) == [
        "site/en/a.html:1: site/en/a.html: has no Content-Security-Policy <meta> — add it as the "
        "last step that changes the page (build_scripts/csp.py)",
        "site/en/b.html:1: site/en/b.html: its Content-Security-Policy does not match its inline "
        "scripts and styles — add it as the last step that changes the page (build_scripts/csp.py)"]


def test_a_clean_site_passes(tmp_path):
    assert run(tmp_path, {
        "en/index.html": page(body='<a href="a.html#x">a</a> <a href="#top" id="top">t</a>'),
        "en/a.html": page(body='<p id="x">x</p><a href="../ar/a.html">ar</a>'),
        "ar/a.html": page("ar", "rtl", head='<link rel="stylesheet" href="s.css">'),
        "ar/s.css": "body { color: red }",
        "en/source.html": page(body='<a data-external href="https://example.org/">source</a>'),
    }) == []


def test_wrong_language_or_direction_on_html(tmp_path):
    assert run(tmp_path, {"ar/a.html": page("ar", "ltr")}) == [
        "content/ar/a.html.md:1: site/ar/a.html: <html> has lang/dir ('ar', 'ltr'), expected "
        "('ar', 'rtl') — report this: the theme override is broken"]


def test_resources_and_links_to_other_hosts(tmp_path):
    assert run(tmp_path, {
        "en/a.html": page(head='<script src="https://cdn.example/x.js"></script>',
                          body='<a href="//example.org/">x</a>'),
        "en/s.css": "@import url('https://fonts.example/css');",
    }) == [
        "content/en/a.html.md:1: site/en/a.html: links to another host: //example.org/ — nothing "
        "may leave the site except source links marked data-external",
        "content/en/a.html.md:1: site/en/a.html: loads another host: https://cdn.example/x.js — "
        "nothing may leave the site except source links marked data-external",
        "site/en/s.css:1: stylesheet loads from another host — self-host the file under "
        "overrides/assets/"]


def test_broken_files_and_anchors(tmp_path):
    assert run(tmp_path, {
        "en/a.html": page(body='<a href="b.html">b</a><a href="a.html#nope">n</a>'
                               '<img src="../../outside.png">'),
    }) == [
        "content/en/a.html.md:1: site/en/a.html: broken link '../../outside.png' (no such file) "
        "— link to a page or file that exists",
        "content/en/a.html.md:1: site/en/a.html: broken link 'a.html#nope' (no #nope in "
        "en/a.html) — link to an id that exists (paragraphs are #p1, #p2 …)",
        "content/en/a.html.md:1: site/en/a.html: broken link 'b.html' (no such file) — link to a "
        "page or file that exists"]


def test_a_string_the_site_uses_but_the_catalog_lacks(edition, tmp_path, monkeypatch):
    locales = tmp_path / "locales"
    shutil.copytree(i18n.GENERATOR_LOCALES, locales)
    po = locales / "en" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8").replace('msgid "Timeline"\nmsgstr "Timeline"\n', ""),
                  "utf-8")
    monkeypatch.setattr(i18n, "GENERATOR_LOCALES", locales)
    content = edition()
    with pytest.raises(ContentError) as error:
        build(REPO, content=content, site_dir=tmp_path / "site")
    assert [str(p) for p in error.value.problems] == [
        "locales/en/LC_MESSAGES/messages.po:1: the site uses the string 'Timeline', which this catalog lacks — add msgid "
        '"Timeline" with its msgstr']


def test_an_invalid_mkdocs_setting_is_reported_not_raised(edition, tmp_path):
    root = tmp_path / "generator"
    shutil.copytree(REPO / "overrides", root / "overrides")
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(text.replace("use_directory_urls: false",
                                                  "use_directory_urls: maybe"), "utf-8")
    content = edition()
    with pytest.raises(ContentError) as error:
        build(root, content=content, site_dir=tmp_path / "site")
    messages = [str(p) for p in error.value.problems]
    assert len(messages) == 2 and all("use_directory_urls" in m for m in messages), messages
    assert messages[0].startswith("generator/mkdocs.yml:1: MkDocs (ar): Config value "
                                  "'use_directory_urls'")
