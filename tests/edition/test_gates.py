"""The browser-side quality gates (issue 11), on every page of the built site in both languages.

One sweep opens every page over http and from the folder (file://) in Debian's Chromium, a few
pages at a time, and records what each did: its requests, failed loads, Content-Security-Policy
violations, script errors, the links it holds and, over http, axe-core's accessibility findings
in the light and the dark colour scheme (quiz pages also after answering, article pages also with
a glossary tooltip open). The tests below each judge one aspect of that record. The Nu HTML
Checker reads every page in one run of its own.

axe-core and the checker come from npm (package.json; `npm ci` — the Makefile's install step).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from build_scripts import checks, csp
from tests.edition.conftest import ARGS, CHROMIUM, RECORD_CSP, REPO

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")]

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PARALLEL = 3  # pages open at once: the machine has two cores; waiting on loads overlaps
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
PHONE = 375  # px

# (axe rule, CSS selector of the node) → why it cannot be fixed. Keep this empty if you can.
AXE_ALLOWED: dict[tuple[str, str], str] = {}

COLLECT_LINKS = """() => ({
  links: Array.from(document.querySelectorAll("a[href]:not([data-external])"), a => a.href),
  loads: Array.from(document.querySelectorAll("[src], link[href]"), e => e.src || e.href),
  external: Array.from(document.querySelectorAll("a[data-external]"), a => a.href),
  fonts: Array.from(document.fonts, f => `${f.family} ${f.weight} ${f.status}`),
  width: document.documentElement.scrollWidth,
})"""

# Every rule in the light scheme; in the dark one only those that depend on colours (the rest
# see the same document twice).
# Paragraphs far down an article are laid out only as they near the screen (content-visibility:
# auto), and Chromium leaves their styles as they were until then (the colour scheme included):
# axe is shown each one laid out, as the reader sees it on scrolling there.
RUN_AXE = """async (rules) => {
  for (const e of document.querySelectorAll("*"))
    if (getComputedStyle(e).contentVisibility === "auto") e.style.contentVisibility = "visible"
  document.body.getBoundingClientRect()
  const options = {resultTypes: ["violations"]}
  if (rules) options.runOnly = rules
  const result = await axe.run(document, options)
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))}))
}"""

# Answer every question of a quiz page (the first option, a word, the second of each list), so
# that the feedback, the explanations and the retry buttons are on the page for axe.
ANSWER_QUIZ = """() => {
  for (const form of document.querySelectorAll("form.quiz__q")) {
    const choice = form.querySelector("input[type=radio], input[type=checkbox]")
    if (choice) choice.checked = true
    form.querySelectorAll("input[type=text]").forEach(box => { box.value = "x" })
    form.querySelectorAll("select").forEach(list => { list.selectedIndex = 1 })
    form.requestSubmit()
  }
}"""
ANSWERED = """() => Array.from(document.querySelectorAll("form.quiz__q .quiz__feedback"))
  .every(f => f.textContent.trim() !== "")"""


@dataclass
class Visit:
    """What one page did in the browser."""

    base: str  # "http" or "file"
    rel: str  # the page, relative to the site root
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # loads that failed or answered >= 400
    violations: list[str] = field(default_factory=list)  # CSP
    errors: list[str] = field(default_factory=list)  # script errors, console errors
    links: list[str] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    axe: dict[str, list[dict]] = field(default_factory=dict)  # state → violations
    final_url: str = ""
    scroll_width: int = 0  # of the document, at the visit's viewport width
    seconds: float = 0.0


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the site, relative to its root."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


async def _visit(browser, root: str, base: str, rel: str, axe_source: str | None) -> Visit:
    visit = Visit(base, rel)
    started = time.monotonic()
    # From the folder at a phone's width (no page may scroll sideways), over http at a desk's.
    width = PHONE if base == "file" else 1280
    context = await browser.new_context(viewport={"width": width, "height": 900})
    try:
        await _visit_in(context, visit, f"{root}/{rel}", axe_source)
    except Exception as error:  # noqa: BLE001 — one page's failure is that page's finding
        visit.errors.append(f"the visit failed: {error}")
    finally:
        await context.close()
    visit.seconds = time.monotonic() - started
    return visit


async def _visit_in(context, visit: Visit, url: str, axe_source: str | None) -> None:
    await context.add_init_script(RECORD_CSP)
    if axe_source:
        await context.add_init_script(axe_source)  # not an inline script: the CSP stays on
    context.on("request", lambda r: visit.requests.append(r.url))
    context.on("requestfailed", lambda r: visit.failed.append(f"{r.url} ({r.failure})"))
    context.on("response", lambda r: r.status >= 400 and not r.url.endswith("/404.html")
               and visit.failed.append(f"{r.url} ({r.status})"))
    page = await context.new_page()
    page.on("pageerror", lambda e: visit.errors.append(f"script error: {e}"))
    page.on("console", lambda m: m.type == "error" and visit.errors.append(
        f"{m.text} ({m.location.get('url', '')})"))
    await page.goto(url, wait_until="load")
    await page.evaluate("() => document.fonts.ready.then(() => null)")
    visit.final_url = page.url
    found = await page.evaluate(COLLECT_LINKS)
    visit.links, visit.loads = found["links"], found["loads"]
    visit.external, visit.fonts = found["external"], found["fonts"]
    visit.scroll_width = found["width"]
    # Over http axe sees each page in the light and the dark scheme, in the state after
    # interaction (what interaction adds is hidden before it, and axe skips hidden content).
    # From file:// the page only has to load: the interaction tests (test_browser.py) and
    # test_palette_* run there too.
    if axe_source:
        interacted = await _interact(page)
        state = f", {interacted}" if interacted else ""
        visit.axe["light" + state] = await page.evaluate(RUN_AXE, None)
        toggle = page.locator("label[for='__palette_1']")
        if await toggle.count():
            await toggle.click()
            await page.wait_for_selector("body[data-md-color-scheme='slate']", state="attached")
            await _interact(page)
            visit.axe["dark" + state] = await page.evaluate(RUN_AXE, COLOUR_RULES)
    await page.wait_for_timeout(100)  # late requests (the search index) are recorded too
    for frame in page.frames:
        visit.violations += await _frame_violations(frame)


async def _frame_violations(frame) -> list[str]:
    from playwright.async_api import Error

    try:
        return await frame.evaluate("() => window.__cspViolations || []")
    except Error:  # the frame is gone (the search worker's): it has nothing more to say
        return []


async def _interact(page) -> str | None:
    """Put the page in the state axe must also see: quiz answered, a glossary tooltip open."""
    if await page.locator("form.quiz__q").count():
        if not await page.evaluate(ANSWERED):
            await page.evaluate(ANSWER_QUIZ)
            await page.wait_for_function(ANSWERED)
        return "quiz answered"
    term = page.locator(".term a[data-term]").first
    if await term.count():
        await term.scroll_into_view_if_needed()
        await term.focus()
        await page.locator(".term__tip").first.wait_for(state="visible")
        await page.wait_for_timeout(250)  # the tooltip is placed just after it shows
        return "tooltip open"
    return None


async def _sweep(site: Path, http_root: str) -> list[Visit]:
    from playwright.async_api import async_playwright

    axe_source = AXE.read_text(encoding="utf-8")
    rels = pages_of(site)
    limit = asyncio.Semaphore(PARALLEL)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)

        async def one(base: str, rel: str) -> Visit:
            async with limit:
                root = http_root if base == "http" else site.as_uri()
                return await _visit(browser, root, base, rel,
                                    axe_source if base == "http" else None)

        visits = await asyncio.gather(*(one(base, rel) for base in ("http", "file")
                                        for rel in rels))
        await browser.close()
    return list(visits)


@pytest.fixture(scope="module")
def sweep(site, http_root) -> list[Visit]:
    """Every page, over http and from file://, visited once (in a thread of its own: Playwright's
    async API beside the sync one the other browser tests use)."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing — run `npm ci` in the repository")
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["visits"] = asyncio.run(_sweep(site, http_root))
        except BaseException as error:  # noqa: BLE001 — re-raised in the test's thread
            result["error"] = error

    started = time.monotonic()
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    visits = result["visits"]
    print(f"\nbrowser gates: {len(visits)} page loads "
          f"({sum(len(v.axe) for v in visits)} axe runs) in {time.monotonic() - started:.1f} s")
    return visits


def _where(visit: Visit) -> str:
    return f"{visit.base} {visit.rel}"


def test_every_page_is_visited(sweep, site):
    """The gates below see every page both ways (a sweep that missed pages would pass them)."""
    rels = pages_of(site)
    assert len(rels) > 20
    assert sorted(_where(v) for v in sweep) == sorted(f"{b} {r}" for b in ("http", "file")
                                                      for r in rels)
    assert all(v.axe for v in sweep if v.base == "http"), "axe did not run on every page"


def test_accessibility_axe_zero_violations(sweep):
    """axe-core: no violation at any impact, light and dark, quizzes answered, tooltips open."""
    found = []
    for visit in (v for v in sweep if v.base == "http"):
        for state, violations in visit.axe.items():
            for v in violations:
                nodes = [n for n in v["nodes"] if (v["id"], n["target"]) not in AXE_ALLOWED]
                found += [f"{visit.rel} [{state}] {v['id']} ({v['impact']}): {v['help']} — "
                          f"{n['target']}: {n['summary']}" for n in nodes]
    assert found == [], f"{len(found)} axe findings:\n" + "\n".join(found[:60])


def test_dark_scheme_and_interactions_were_checked(sweep):
    """The states the gate promises: dark on every page, answered quizzes, open tooltips."""
    http = {v.rel: v for v in sweep if v.base == "http"}
    assert all("dark" in " ".join(v.axe) for rel, v in http.items()
               if rel.startswith(("ar/", "en/"))), "a page was not checked in the dark scheme"
    for lang in ("ar", "en"):
        assert "dark, quiz answered" in http[f"{lang}/quizzes/seoul-warns-russia.html"].axe
        assert "light, tooltip open" in http[f"{lang}/articles/seoul-warns-russia.html"].axe


def test_content_security_policy_on_every_page_and_nothing_blocked(sweep, site):
    """Every page carries the policy (no 'unsafe-inline'), and no page meets a violation."""
    for rel in pages_of(site):
        html = (site / rel).read_text(encoding="utf-8")
        assert csp.MARKER in html, f"{rel}: no Content-Security-Policy"
        assert "unsafe-inline" not in html and "unsafe-eval" not in html, rel
    blocked = [f"{_where(v)}: {x}" for v in sweep for x in v.violations]
    blocked += [f"{_where(v)}: {e}" for v in sweep for e in v.errors
                if "Content Security Policy" in e]
    assert blocked == []


def test_no_script_errors_or_failed_loads(sweep):
    """Every page's scripts run and every file it loads is there, over http and from file://.

    One exception: from file:// Chromium refuses the CORS-mode *preload* of the page's font
    (origin 'null'); the font itself loads through @font-face, checked by `fonts` below.
    """
    def preload_refused(visit: Visit, text: str) -> bool:
        return visit.base == "file" and ".woff2" in text and (
            "net::ERR_FAILED" in text or "CORS policy" in text or "Failed to load resource" in text)

    problems = [f"{_where(v)}: {x}" for v in sweep for x in v.failed + v.errors
                if not preload_refused(v, x)]
    problems += [f"{_where(v)}: font {f}" for v in sweep for f in v.fonts if f.endswith("error")]
    assert problems == []


def test_nothing_is_requested_from_another_host(sweep):
    """No page, over http or from its folder, asks another host for anything."""
    def local(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("file", "data", "blob", "about") or parts.hostname == "127.0.0.1"

    outside = [f"{_where(v)}: {url}" for v in sweep for url in v.requests if not local(url)]
    assert outside == []
    unmarked = [f"{_where(v)}: {url}" for v in sweep for url in v.links + v.loads
                if not local(url) and not url.startswith("mailto:")]
    assert unmarked == [], "only links marked data-external may leave the site"


def test_every_link_src_and_anchor_resolves_in_the_browser(sweep, site, http_root):
    """Each link and loaded file as the browser resolved it (http and file://), the 404 pages
    included: the file exists and its #anchor is an id of that page."""
    ids: dict[str, set[str]] = {}
    broken = []
    for visit in sweep:
        root = http_root if visit.base == "http" else site.as_uri()
        for url in visit.links + visit.loads:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about", "mailto", "javascript"):
                continue
            target = unquote(url[len(root):].split("#")[0].split("?")[0]).lstrip("/")
            path = site / target
            if path.is_dir():
                path = path / "index.html"
            if not url.startswith(root) or not path.is_file():
                broken.append(f"{_where(visit)}: {url} (no such file)")
                continue
            if parts.fragment and path.suffix == ".html":
                if path not in ids:
                    ids[path] = checks.page_ids(path.read_text(encoding="utf-8"))
                if unquote(parts.fragment) not in ids[path]:
                    broken.append(f"{_where(visit)}: {url} (no #{parts.fragment})")
    assert broken == []


def test_no_page_scrolls_sideways_on_a_phone(sweep):
    """At 375 px (the file:// visits) no page is wider than the screen: long words break, tables
    and the claims page fit."""
    wide = [f"{v.rel}: {v.scroll_width} px" for v in sweep
            if v.base == "file" and v.scroll_width > PHONE]
    assert wide == []


def test_static_link_check_passes_on_the_built_site(site):
    """The build's own check (every page, the 404s and root pages included) finds nothing."""
    from build_scripts.errors import Problems
    from build_scripts.model import Origin

    problems = Problems(site.parent)
    expected = {lang: (lang, "rtl" if lang == "ar" else "ltr") for lang in ("ar", "en")}
    checks.check_site(site, expected, lambda built, snippet: Origin(f"site/{built}"), problems)
    assert list(problems) == []


@pytest.mark.parametrize("missing", ["en/no-such-page.html", "ar/articles/no-such-article.html",
                                     "no-such-file.html"])
def test_missing_pages_show_a_working_404(chromium, http_root, missing):
    """A missing path gets the root 404 page (as on GitHub Pages), which sends a missing page
    in a language folder to that language's 404 page; its styles load and its links work."""
    context = chromium.new_context()
    context.add_init_script(RECORD_CSP)
    failed = []
    # The missing page itself answers 404, and its script may replace it while it still loads.
    context.on("requestfailed", lambda r: r.url != f"{http_root}/{missing}"
               and failed.append(r.url))
    context.on("response", lambda r: r.status >= 400 and r.url != f"{http_root}/{missing}"
               and failed.append(f"{r.url} {r.status}"))
    page = context.new_page()
    page.goto(f"{http_root}/{missing}")
    page.wait_for_load_state("networkidle")
    lang = missing.split("/")[0] if "/" in missing else None
    if lang:
        assert page.url == f"{http_root}/{lang}/404.html"
        assert page.eval_on_selector("html", "e => e.lang") == lang
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")\
            in ("sticky", "fixed"), "the 404 page is unstyled"
    links = page.eval_on_selector_all("a[href]:not([data-external])", "els => els.map(e => e.href)")
    assert links
    for link in links:
        target = site_path = link[len(http_root):].split("#")[0].lstrip("/")
        assert link.startswith(http_root), link
        response = page.request.get(f"{http_root}/{site_path}")
        assert response.status == 200, f"{target}: {response.status}"
    assert failed == []
    assert page.evaluate("() => window.__cspViolations || []") == []
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("base_kind", ["http", "file"])
def test_palette_toggle_in_the_page_language_and_remembered(chromium, site, http_root, lang,
                                                           base_kind):
    """The colour-scheme toggle is labelled from our catalogs in the page's language, switches
    to dark and back, and the choice survives a reload — under the CSP, over http and file://."""
    from build_scripts.errors import Problems
    from build_scripts.i18n import load_strings

    t = load_strings(REPO / "content" / "locales", lang, Problems(REPO))
    base = http_root if base_kind == "http" else site.as_uri()
    context = chromium.new_context()
    context.add_init_script(RECORD_CSP)
    page = context.new_page()
    page.goto(f"{base}/{lang}/articles/seoul-warns-russia.html")
    to_dark = page.locator("label[for='__palette_1']")
    assert to_dark.get_attribute("title") == t("Switch to dark mode")
    assert page.get_attribute("#__palette_0", "aria-label") == t("Switch to dark mode")
    to_dark.click()
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.reload()
    assert page.get_attribute("body", "data-md-color-scheme") == "slate", "choice not kept"
    to_light = page.locator("label[for='__palette_0']")
    assert to_light.get_attribute("title") == t("Switch to light mode")
    to_light.click()
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert page.evaluate("() => window.__cspViolations || []") == []
    context.close()


def test_csp_violations_are_noticed(chromium, site):
    """The recorder the gates rely on does see a blocked inline script under the policy."""
    context = chromium.new_context()
    context.add_init_script(RECORD_CSP)
    page = context.new_page()
    page.goto((site / "en/index.html").as_uri())
    page.evaluate("""() => { const s = document.createElement("script")
                             s.textContent = "window.ran = true"; document.body.append(s) }""")
    page.wait_for_timeout(100)
    assert page.evaluate("() => window.ran") is None, "an inline script ran despite the policy"
    assert page.evaluate("() => window.__cspViolations.length") == 1
    context.close()


def test_html_is_valid_nu_checker(site):
    """The Nu HTML Checker, one run over every page: no error."""
    java = shutil.which("java")
    if not VNU.exists() or java is None:
        pytest.fail("the Nu HTML Checker needs java and `npm ci` (node_modules/vnu-jar)")
    started = time.monotonic()
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                          *[str(site / rel) for rel in pages_of(site)]],
                         capture_output=True, text=True, check=False)
    print(f"\nNu HTML Checker: {len(pages_of(site))} pages in {time.monotonic() - started:.1f} s")
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == [], f"{len(errors)} errors:\n" + "\n".join(errors[:40])
