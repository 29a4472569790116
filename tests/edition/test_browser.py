"""End-to-end checks in Debian's Chromium, over http://127.0.0.1 and from a folder (file://)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.edition.conftest import CHROMIUM, RECORD_CSP, REPO, csp_violations
from tests.generator.test_arabic import FOLDING

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
# Other spellings and word forms (glossary-aware search): the query's form is not the page's.
SPELLING_CASES = [
    ("ar", "عقوبة", "putin-visit-to-north-korea"),
    ("ar", "حاويات", "munitions-for-what"),
    ("ar", "صاروخا", "putin-visit-to-north-korea"),
    ("ar", "بيونغيانغ", "putin-visit-to-north-korea"),
    ("ar", "بيونج يانج", "putin-visit-to-north-korea"),
    ("ar", "ستولتنبيرغ", "munitions-for-what"),
    ("ar", "سيئول", "seoul-warns-russia"),
    ("ar", "سول", "putin-visit-to-north-korea"),
    ("ar", "فوستوشني", "seoul-warns-russia"),
    ("ar", "فستوتشني", "munitions-for-what"),
    ("ar", "كيم جونج أون", "kim-visit-to-russia"),
    ("ar", "أمريكا", "putin-visit-to-north-korea"),
    ("ar", "بريطانيا", "western-claims-arms-transfers"),
    ("ar", "الصواريخ البالستية", "putin-visit-to-north-korea"),
    ("ar", "صواريخ باليستية", "putin-visit-to-north-korea"),
    ("ar", "ذخائر", "putin-visit-to-north-korea"),
    ("ar", "الذخيرة", "munitions-for-what"),
    ("ar", "قذيفة", "munitions-for-what"),
    ("ar", "أقمار صناعية", "western-claims-arms-transfers"),
    ("ar", "المخابرات", "munitions-for-what"),
    ("ar", "استخبارات", "munitions-for-what"),
    ("ar", "معاهدات", "putin-visit-to-north-korea"),
    ("ar", "الاتفاقيات", "putin-visit-to-north-korea"),
    ("ar", "الردع", "putin-visit-to-north-korea"),
    ("ar", "متعددة الأقطاب", "putin-visit-to-north-korea"),
    ("ar", "التحالفات", "putin-visit-to-north-korea"),
    ("ar", "حلف الناتو", "putin-visit-to-north-korea"),
    ("ar", "للكرملين", "munitions-for-what"),
    ("ar", "فاغنر", "kim-visit-to-russia"),
    ("ar", "مجلس الأمن الدولي", "western-claims-arms-transfers"),
    ("ar", "الشراكة الاستراتيجية", "putin-visit-to-north-korea"),
    ("ar", "شويغو", "kim-visit-to-russia"),
    ("ar", "كوريا الديمقراطية", "putin-visit-to-north-korea"),
    ("ar", "تشانغ هو جين", "seoul-warns-russia"),
    ("ar", "وبالعقوبات", "western-claims-arms-transfers"),
]


@pytest.fixture(scope="session")
def browser(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_CSP)
    yield context
    context.close()


@pytest.fixture
def page(browser):
    """A page that records its requests; the test fails if the page met a CSP violation."""
    page = browser.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    violations = csp_violations(page)
    page.close()
    assert violations == [], "the Content-Security-Policy blocked something"


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


@pytest.mark.parametrize(("lang", "query"), [("ar", "عقوبات"), ("en", "Naryshkin")])
def test_enter_opens_a_search_result_from_the_keyboard(page, base, lang, query):
    """Enter in the search box opens a result; ArrowDown then Enter the one chosen."""
    page.goto(f"{base}/{lang}/index.html")
    links = search(page, query)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/index.html" not in url)
    assert page.url in links
    page.goto(f"{base}/{lang}/index.html")
    links = search(page, query)
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.href")
    assert chosen in links
    page.keyboard.press("Enter")
    page.wait_for_url(chosen)


def test_search_quality(page, http_root, capsys):
    """Measure search on SEARCH_CASES and SPELLING_CASES: the article must be among the results."""
    cases = SEARCH_CASES + SPELLING_CASES
    hits, misses = 0, []
    for lang in ("ar", "en"):
        page.goto(f"{http_root}/{lang}/index.html")
        for case_lang, query, slug in cases:
            if case_lang != lang:
                continue
            links = search(page, query)
            if any(f"/articles/{slug}.html" in link for link in links):
                hits += 1
            else:
                misses.append((query, slug, links[:3]))
    with capsys.disabled():
        print(f"\nsearch quality: {hits}/{len(cases)} queries found their page "
              f"({len(SPELLING_CASES)} in another spelling or word form)")
    assert not misses, misses


def use_search(page) -> None:
    """Focus the search field: the folding scripts load then (search-lazy.js)."""
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => window.searchFold && window.searchTermTokens", timeout=5000)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_search_loads_nothing_until_used(page, base, lang):
    """No search index, worker or folding script on a first visit; all of them on first use."""
    page.goto(f"{base}/{lang}/articles/kim-visit-to-russia.html", wait_until="networkidle")
    lazy = ("search_index", "/workers/search.", "search-fold", "iframe-worker")
    assert [url for url in page.requests if any(part in url for part in lazy)] == []
    links = search(page, "Naryshkin" if lang == "en" else "عقوبات")
    assert links, "search found nothing once used"
    assert any("search_index" in url for url in page.requests)


def test_query_folding_matches_python(page, site):
    """The browser folds a query as the build folded the index: one table, both sides."""
    from build_scripts.arabic import search_words

    page.goto((site / "ar/index.html").as_uri())
    use_search(page)
    for text, _ in FOLDING + [(q, None) for _, q, _ in SPELLING_CASES]:
        if not any("\u0600" <= c <= "\u06ff" for c in text):
            continue  # Latin words go to Material's own tokenizer unchanged
        folded = page.evaluate("q => window.searchFold(q)", text).split()
        words = [w for w in folded if not w.startswith("g")]
        assert words == search_words(text), text


def test_query_terms_match_the_glossary_matcher(page, site):
    """A query's glossary terms, found in the browser, are those the build's matcher finds."""
    from build_scripts import search, terms
    from build_scripts.build import check

    edition = check(REPO)
    matcher = terms.glossary_matcher(edition.terms, "ar")
    page.goto((site / "ar/index.html").as_uri())
    use_search(page)
    for _, query, _ in SPELLING_CASES:
        expected = list(dict.fromkeys(search.term_token(m.term) for m in matcher.find(query)))
        assert page.evaluate("q => window.searchTermTokens(q)", query) == expected, query


@pytest.mark.parametrize(("lang", "width"), [("ar", 1280), ("en", 1280), ("ar", 390),
                                             ("en", 390)])
def test_glossary_tooltips_hover_focus_tap_and_escape(chromium, base, lang, width):
    context = chromium.new_context(viewport={"width": width, "height": 800},
                                   has_touch=width < 500, is_mobile=width < 500)
    context.add_init_script(RECORD_CSP)
    page = context.new_page()
    page.goto(f"{base}/{lang}/articles/seoul-warns-russia.html")
    term = page.locator(".explainer .term").first
    tip = term.locator(".term__tip")
    link = term.locator("a")
    assert link.get_attribute("data-term")
    assert not tip.is_visible()
    if width < 500:
        link.evaluate("e => e.scrollIntoView({block: 'center'})")
        box = link.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert tip.is_visible(), "a tap opens the tooltip"
        assert page.url.endswith("seoul-warns-russia.html"), "the first tap does not navigate"
    else:
        link.hover()
        assert tip.is_visible(), "hover opens the tooltip"
        page.mouse.move(0, 0)
        page.keyboard.press("Tab")
        link.focus()
        assert tip.is_visible(), "keyboard focus opens the tooltip"
    page.wait_for_timeout(250)  # the tooltip is placed just after it shows
    word, box = link.bounding_box(), tip.bounding_box()
    assert box["y"] + box["height"] <= word["y"] + 1, "the tooltip covers the word"
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, "the tooltip leaves the screen"
    page.keyboard.press("Escape")
    assert not tip.is_visible(), "Escape closes the tooltip"
    assert csp_violations(page) == []
    context.close()


def test_glossary_filter_by_keyboard(page, base):
    page.goto(f"{base}/ar/glossary.html")
    people = page.locator(".glossary-filter button[data-category='person']")
    people.focus()
    page.keyboard.press("Enter")
    assert people.get_attribute("aria-pressed") == "true"
    assert page.locator("#kim-jong-un").is_visible()
    assert not page.locator("#sanctions").is_visible()
    page.locator(".glossary-filter button[data-category='']").focus()
    page.keyboard.press("Space")
    assert page.locator("#sanctions").is_visible()


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


def test_words_found_through_folding_are_highlighted(page, base):
    page.goto(f"{base}/ar/index.html")
    search(page, "عقوبة")
    marked = page.eval_on_selector_all(".md-search-result__list mark", "els => els.map(e => e.textContent)")
    assert any(word in marked for word in ("العقوبات", "والعقوبات", "بالعقوبات")), marked


def _right_position(slug: str, question_id: str) -> tuple[int, int]:
    """(display position of the right option, of a wrong one) of a single-choice question."""
    from build_scripts.build import check
    from build_scripts.quiz import shuffled

    article = check(REPO).article(slug)
    q = next(q for q in article.quiz if q.id == question_id)
    order = shuffled(q, len(q.options), slug)
    right = next(k for k, i in enumerate(order) if q.options[i].correct)
    return right, (right + 1) % len(order)


def _choose_by_keyboard(page, form, position: int) -> None:
    form.locator("input").first.focus()
    page.keyboard.press("Space")
    for _ in range(position):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # to the Check button
    page.keyboard.press("Enter")


@pytest.mark.parametrize(("lang", "wrong_word", "right_word", "score"), [
    ("en", "Not quite", "Right", "1 of 22 right · 1 answered"),
    ("ar", "ليس تمامًا", "صحيح", "1 صحيحة من 22 · أُجيب عن 1"),
])
def test_quiz_by_keyboard_right_wrong_reload_and_reset(page, base, lang, wrong_word, right_word,
                                                      score):
    slug, qid = "seoul-warns-russia", "seoul-summons-ambassador"
    right, wrong = _right_position(slug, qid)
    page.goto(f"{base}/{lang}/quizzes/{slug}.html")
    form = page.locator(f"#q-{qid}")
    feedback = form.locator(".quiz__feedback")
    _choose_by_keyboard(page, form, wrong)
    assert "✗" in feedback.inner_text() and wrong_word in feedback.inner_text()
    assert form.locator(".quiz__explanation").is_visible()
    form.locator("[data-retry]").focus()
    page.keyboard.press("Enter")
    assert feedback.inner_text() == ""
    _choose_by_keyboard(page, form, right)
    assert "✓" in feedback.inner_text() and right_word in feedback.inner_text()
    assert page.locator(".quiz__score").inner_text() == score
    page.reload()
    form = page.locator(f"#q-{qid}")
    assert "✓" in form.locator(".quiz__feedback").inner_text(), "progress kept across a reload"
    assert page.locator(".quiz__score").inner_text() == score
    page.locator("[data-reset]").focus()
    page.keyboard.press("Enter")
    assert form.locator(".quiz__feedback").inner_text() == ""
    assert page.evaluate("k => localStorage.getItem(k)", f"quiz:{lang}/{slug}") is None


def test_quiz_short_answer_accepts_arabic_variants(page, base):
    page.goto(f"{base}/ar/quizzes/seoul-warns-russia.html")
    form = page.locator("form[data-type='short']").first
    box = form.locator("input[type=text]")
    box.focus()
    page.keyboard.type("وأُوكرانيا")  # a clitic, a hamza form and a diacritic the key does not have
    page.keyboard.press("Enter")
    assert "✓" in form.locator(".quiz__feedback").inner_text()


def test_quiz_hashes_and_folding_match_python(page, site):
    from build_scripts import quiz

    page.goto((site / "en/quizzes/seoul-warns-russia.html").as_uri())
    for text in ("", "abc", "o1,o3", "l0=r2,l1=r0", "سيول", "x" * 200):
        assert page.evaluate("t => window.quizSha256(t)", text) == \
            __import__("hashlib").sha256(text.encode()).hexdigest()
    rules = page.eval_on_selector(".quiz-rules", "e => e.textContent")
    for typed in ("  Salma   HADDAD ", "سَلمى حدّاد", "والعقوبات", "بيونغ-يانغ", "KN-23",
                  "وأُوكرانيا", "٢٠٢٤"):
        folded = page.evaluate("([r, t]) => window.quizFolder(JSON.parse(r))(t)", [rules, typed])
        assert folded == quiz.fold_answer(typed), typed


def test_no_right_answer_is_in_the_quiz_page_source(http_root):
    """Source and reader mode: the page holds no right option, answer or explanation as text."""
    import urllib.request

    from build_scripts.build import check

    article = check(REPO).article("seoul-warns-russia")
    html = urllib.request.urlopen(f"{http_root}/en/quizzes/seoul-warns-russia.html").read()
    page = html.decode("utf-8")
    quiz_html = page[page.index('<div class="quiz"'):]
    assert not re.search(r"correct\s*[=:\"']|is-right|<input[^>]*\schecked", quiz_html), "an answer marker"
    for q in article.quiz:
        assert q.explanation["en"] not in page
        for answer in q.accept.get("en", ()):
            assert f'value="{answer}"' not in page
