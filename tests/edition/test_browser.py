"""End-to-end checks in Debian's Chromium, over http://127.0.0.1 and from a folder (file://)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from build_scripts.build import build
from tests.generator.test_arabic import FOLDING

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")]

# (language, query, page that must be among the results) — measured by test_search_quality.
SEARCH_CASES = [
    ("ar", "عقوبات", "western-claims-arms-transfers"),
    ("ar", "والعقوبات", "western-claims-arms-transfers"),
    ("ar", "بالعقوبات", "munitions-for-what"),
    ("ar", "عُقُوبَات", "western-claims-arms-transfers"),
    ("ar", "فستوتشني", "western-claims-arms-transfers"),
    ("ar", "فوستوشني", "munitions-for-what"),
    ("ar", "ناريشكين", "munitions-for-what"),
    ("ar", "ستولتنبرغ", "munitions-for-what"),
    ("ar", "بيسكوف", "western-claims-arms-transfers"),
    ("ar", "أنكسام", "western-claims-arms-transfers"),
    ("ar", "فاجنر", "kim-visit-to-russia"),
    ("ar", "اسكندر", "kim-visit-to-russia"),
    ("ar", "فلاديفوستوك", "kim-visit-to-russia"),
    ("ar", "تشانج", "seoul-warns-russia"),
    ("ar", "سفير", "seoul-warns-russia"),
    ("ar", "ذخيرة", "munitions-for-what"),
    ("ar", "حاوية", "munitions-for-what"),
    ("ar", "اقمار", "western-claims-arms-transfers"),
    ("ar", "زاخاروفا", "putin-visit-to-north-korea"),
    ("ar", "روزفلت", "putin-visit-to-north-korea"),
    ("ar", "أوشاكوف", "putin-visit-to-north-korea"),
    ("ar", "مُعاهدة", "putin-visit-to-north-korea"),
    ("ar", "والصين", "putin-visit-to-north-korea"),
    ("ar", "بالصواريخ", "putin-visit-to-north-korea"),
    ("ar", "٧٠٠٠", "munitions-for-what"),
    ("ar", "كيربي", "western-claims-arms-transfers"),
    ("ar", "بوريل", "western-claims-arms-transfers"),
    ("ar", "الشويغو", "kim-visit-to-russia"),
    ("en", "sanctions", "western-claims-arms-transfers"),
    ("en", "Vostochny", "munitions-for-what"),
    ("en", "Naryshkin", "munitions-for-what"),
    ("en", "Wagner", "kim-visit-to-russia"),
    ("en", "Iskander", "kim-visit-to-russia"),
    ("en", "Zakharova", "putin-visit-to-north-korea"),
    ("en", "ambassador", "seoul-warns-russia"),
    ("en", "containers", "munitions-for-what"),
    ("en", "Peskov", "western-claims-arms-transfers"),
    ("en", "treaty", "putin-visit-to-north-korea"),
]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    return build(REPO, site_dir=tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def http_root(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")), executable_path=CHROMIUM, args=ARGS,
            headless=True, viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    page.close()


@pytest.fixture(params=["http", "file"])
def base(request, site, http_root):
    return http_root if request.param == "http" else site.as_uri()


def local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("file", "data", "blob", "about") or parsed.hostname in (
        "127.0.0.1", "localhost")


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_article_page_lang_dir_and_no_outside_requests(page, base, lang, direction):
    page.goto(f"{base}/{lang}/articles/western-claims-arms-transfers.html")
    page.wait_for_load_state("networkidle")
    assert page.eval_on_selector("html", "e => [e.lang, e.dir]") == [lang, direction]
    assert page.locator("#p18").count() == 1
    anchor = page.locator("#p18 .para__anchor").bounding_box()
    text = page.locator("#p18 .para__main").bounding_box()
    assert (anchor["x"] > text["x"]) == (direction == "rtl"), "¶ link on the wrong side"
    outside = [url for url in page.requests if not local(url)]
    assert outside == []


@pytest.mark.parametrize(("start", "target"), [("ar", "en"), ("en", "ar")])
def test_language_switch_opens_the_same_page(page, base, start, target):
    page.goto(f"{base}/{start}/articles/seoul-warns-russia.html#p6")
    page.click("[data-lang-switch]")
    page.wait_for_load_state()
    assert page.url.endswith(f"/{target}/articles/seoul-warns-russia.html#p6")
    assert page.eval_on_selector("html", "e => e.lang") == target


def test_root_page_sends_visitor_to_a_language(page, base):
    page.goto(f"{base}/index.html")
    page.wait_for_url("**/en/index.html")
    assert page.eval_on_selector("html", "e => e.lang") == "en"


def search(page, query: str) -> list[str]:
    """Type `query` into Material's search box; return the result links.

    Arabic characters reach the box as text input without key events, so a key press
    follows: Material starts a search on keyup, as a real keyboard gives it.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " return m && /[0-9٠-٩]|نتائج|result|No matching|لا توجد/i.test(m.textContent) }",
        arg=query, timeout=5000)
    page.wait_for_timeout(200)
    return page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")


@pytest.mark.parametrize(("lang", "query", "found"), [
    ("ar", "عقوبات", "والعقوبات"), ("en", "Naryshkin", "Naryshkin")])
def test_search_works_in_each_language(page, base, lang, query, found):
    page.goto(f"{base}/{lang}/index.html")
    links = search(page, query)
    assert links, f"no results for {query}"
    assert all(f"/{lang}/" in link for link in links), "search left the page's language"
    shown = page.inner_text(".md-search-result__list")
    assert found in shown, f"the results do not show «{found}»"
    outside = [url for url in page.requests if not local(url)]
    assert outside == []


def test_search_quality(page, http_root, capsys):
    """Measure search on SEARCH_CASES: the expected article must be among the results."""
    hits, misses = 0, []
    for lang in ("ar", "en"):
        page.goto(f"{http_root}/{lang}/index.html")
        for case_lang, query, slug in SEARCH_CASES:
            if case_lang != lang:
                continue
            links = search(page, query)
            if any(f"/articles/{slug}.html" in link for link in links):
                hits += 1
            else:
                misses.append((query, slug, links[:3]))
    with capsys.disabled():
        print(f"\nsearch quality: {hits}/{len(SEARCH_CASES)} queries found their page")
    assert not misses, misses


def test_query_folding_matches_python(page, site):
    page.goto((site / "ar/index.html").as_uri())
    for text, expected in FOLDING:
        if not any("\u0600" <= c <= "\u06ff" for c in text):
            continue  # Latin words go to Material's own tokenizer unchanged
        folded = page.evaluate("q => window.searchFold(q)", text)
        assert folded.split() == expected, text


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_parallel_view_toggle_keyboard_and_memory(page, base, lang):
    page.goto(f"{base}/{lang}/articles/munitions-for-what.html")
    other = page.locator("#p3 .para__other")
    assert not other.is_visible()
    button = page.locator(".view-switch button[data-view='parallel']")
    button.focus()
    page.keyboard.press("Enter")
    assert other.is_visible()
    assert button.get_attribute("aria-pressed") == "true"
    main = page.locator("#p3 .para__main").bounding_box()
    second = other.bounding_box()
    arabic, english = (main, second) if lang == "ar" else (second, main)
    assert arabic["x"] > english["x"], "Arabic column must be on the right"
    page.reload()
    assert page.locator("#p3 .para__other").is_visible(), "choice not remembered"
    page.locator(".view-switch button[data-view='text']").focus()
    page.keyboard.press("Space")
    assert not page.locator("#p3 .para__other").is_visible()
