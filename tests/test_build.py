from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from build_scripts.build import build
from build_scripts.errors import ContentError


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(tiny_site, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718755200")
    root = tiny_site()
    return root, build(root, site_dir=root / "site")


def test_both_languages_have_the_same_pages(built):
    _, site = built
    ar = {p.relative_to(site / "ar").as_posix() for p in (site / "ar").rglob("*.html")}
    en = {p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("*.html")}
    assert ar == en
    assert {"index.html", "404.html", "about.html", "articles/tiny.html"} <= ar
    assert (site / "index.html").exists() and (site / "404.html").exists()
    assert "الصفحة غير موجودة" in (site / "ar/404.html").read_text("utf-8")
    assert "Page not found" in (site / "en/404.html").read_text("utf-8")


def test_html_has_lang_and_dir_on_the_root_element(built):
    _, site = built
    assert '<html dir="rtl" lang="ar"' in (site / "ar/articles/tiny.html").read_text("utf-8")
    assert '<html dir="ltr" lang="en"' in (site / "en/articles/tiny.html").read_text("utf-8")


def test_article_page_has_paragraph_ids_and_isolated_latin(built):
    _, site = built
    page = (site / "ar/articles/tiny.html").read_text("utf-8")
    assert 'id="p1"' in page and 'href="#p1"' in page and 'id="h1"' in page
    assert '<bdi dir="ltr">KCNA</bdi>' in page
    assert 'lang="en" dir="ltr" data-search-exclude>Countries imposed' in page
    assert "<li>" not in page.split('class="article-text"')[1], "list items must not nest in <p>"


def test_language_switch_points_at_the_same_page(built):
    _, site = built
    page = (site / "ar/articles/tiny.html").read_text("utf-8")
    assert 'href="../../en/articles/tiny.html"' in page
    assert 'href="./../ar/index.html"' in (site / "en/index.html").read_text("utf-8")


def test_arabic_search_index_has_folded_fields(built):
    _, site = built
    index = json.loads((site / "ar/search/search_index.json").read_text("utf-8"))
    assert index["config"]["fields"]["norm"] == {"boost": 1.0}
    assert index["config"]["pipeline"] == []
    text = " ".join(doc["norm"] for doc in index["docs"])
    assert "عقوبات" in text.split()  # from «العقوبات»
    offline = (site / "ar/search/search_index.js").read_text("utf-8")
    assert offline.startswith("var __index = ") and "norm" in offline
    assert "search-fold.js" in (site / "ar/index.html").read_text("utf-8")
    assert "search-fold.js" not in (site / "en/index.html").read_text("utf-8")


def test_nothing_is_loaded_from_another_host(built):
    _, site = built
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, page


def test_build_is_deterministic(built):
    root, site = built
    first = digest(site)
    build(root, site_dir=root / "site")
    assert digest(site) == first


def test_failed_build_leaves_previous_site_untouched(built):
    root, site = built
    before = digest(site)
    (root / "content/articles/tiny/ar.md").write_text("{#p1} نص\n\n{#p1} مكرر\n", "utf-8")
    with pytest.raises(ContentError):
        build(root, site_dir=site)
    assert digest(site) == before
    assert not list(root.glob(".site-*")), "staging folder left behind"


def test_untranslated_paragraph_shows_arabic_with_note_in_draft_mode(tiny_site, monkeypatch):
    root = tiny_site({"content/articles/tiny/en.md": "{#p1} Sanctions in 2006, says KCNA.\n"})
    site = build(root, site_dir=root / "site", allow_pending=True)
    page = (site / "en/articles/tiny.html").read_text("utf-8")
    assert "Translation pending" in page
    assert 'lang="ar" dir="rtl">وقال بوتين' in page
