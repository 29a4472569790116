"""The untrusted-text gate: content is text, whoever wrote it.

Every kind of content field of the small edition gets the same hostile text — a script tag, an
attribute break-out with an event handler, a javascript: link, template syntax ({{ }}, {% %})
and the longest word allowed — tagged with the field's name. Each field either refuses it with a
clear problem (titles, explainers and free pages take no HTML and no outside links) or shows
it as plain text: in the pages (tooltips and the quiz included), the EPUBs, the PDFs and the
CSV, TBX, GIFT and QTI exports. And no page is wider than a phone.
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import lxml.html
import pytest
import yaml
from lxml import etree

from build_scripts.build import build, check
from build_scripts.errors import ContentError
from build_scripts.schema import MAX_WORD

from ..conftest import REPO, SMALL

LONG = "Supercalifragilistic" * 6  # the longest word content may hold (schema.MAX_WORD)
SCRIPT = "<script>alert(document.domain)</script>"  # no digits: numbers are checked facts


def hostile(tag: str) -> str:
    """The whole attack, for fields that are plain text."""
    return (f"{tag} {SCRIPT} \"><img src=x onerror=alert(document.domain)> "
            f"[x](javascript:alert(document.domain)) {{{{ config }}}} {{% raw %}} {LONG}")


def prose(tag: str) -> str:
    """What Markdown fields (explainers, free pages) accept: no HTML, no links out."""
    return f"{tag} [x] (javascript) & ' \" {{{{ config }}}} {{% raw %}} {LONG}"


def heading(tag: str) -> str:
    """What a title accepts: no < > {{ {%."""
    return f"{tag} [x](javascript:alert(document.domain)) & ' \" {LONG}"


def _yaml(path: Path):
    return yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6),
                    "utf-8")


def both(make, field: str) -> dict[str, str]:
    return {lang: make(f"TAG{lang.upper()}{field}") for lang in ("ar", "en")}


def make_hostile(content: Path, *, text=hostile, title=heading, markdown=prose) -> set[str]:
    """Write the attack into every kind of field; return the tags written."""
    library = content / "articles/city-library-opens"
    fair = content / "articles/school-science-fair"
    tags = set()

    def tagged(make, field):
        values = both(make, field)
        tags.update(value.split()[0] for value in values.values())
        return values

    for lang, anchor in (("ar", "بحسب المنظمين."), ("en", "according to the organisers.")):
        path = fair / f"{lang}.md"  # the source text and its translation
        path.write_text(path.read_text("utf-8").replace(
            anchor, f"{anchor} {tagged(text, 'PARA')[lang]}"), "utf-8")
        path = fair / f"explainer.{lang}.md"
        path.write_text(path.read_text("utf-8").replace(
            "[¶2]", f"{tagged(markdown, 'EXPLAINER')[lang]} [¶2]", 1), "utf-8")
        path = content / f"pages/home.{lang}.md"
        path.write_text(path.read_text("utf-8") + "\n" + tagged(markdown, "HOME")[lang] + "\n",
                        "utf-8")
    meta = _yaml(fair / "article.yml")
    meta["title"] = tagged(title, "TITLE")
    _dump(fair / "article.yml", meta)
    timeline = _yaml(content / "timeline.yml")
    timeline["events"][0].update(tagged(text, "EVENT"), basis=tagged(text, "BASIS"))
    _dump(content / "timeline.yml", timeline)
    claims = _yaml(content / "claims.yml")
    claims["how_to_read"] = tagged(text, "HOWTOREAD")
    claims["claims"][0].update(claim=tagged(text, "CLAIM"), claimant=tagged(text, "CLAIMANT"),
                               denial=tagged(text, "DENIAL"))
    _dump(content / "claims.yml", claims)
    glossary = _yaml(content / "glossary.yml")
    term = next(t for t in glossary["terms"] if t["id"] == "library")
    term.update(short=tagged(text, "SHORT"), definition=tagged(text, "DEFINITION"))
    _dump(content / "glossary.yml", glossary)
    quiz = _yaml(library / "quiz.yml")
    first = quiz["questions"][0]
    first.update(prompt=tagged(text, "PROMPT"), explanation=tagged(text, "EXPLANATION"))
    first["options"][1] = tagged(text, "OPTION")
    quiz["questions"][2]["accept"]["en"].append(text("TAGENACCEPT"))
    tags.add("TAGENACCEPT")

    def common():  # new objects each time: shared ones would be dumped as YAML aliases
        return {"skill": "recall", "explanation": {"ar": "شرح.", "en": "Why."}, "evidence": ["p1"]}

    quiz["questions"] += [
        {"id": "order-it", "type": "order", "prompt": {"ar": "رتب.", "en": "Put in order."},
         "items": [tagged(text, "ITEM"), {"ar": "ثانيًا", "en": "second"}], **common()},
        {"id": "match-it", "type": "match", "prompt": {"ar": "صل.", "en": "Match."},
         "pairs": [{"left": tagged(text, "LEFT"), "right": tagged(text, "RIGHT")},
                   {"left": {"ar": "ب", "en": "b"}, "right": {"ar": "ج", "en": "c"}}],
         **common()}]
    _dump(library / "quiz.yml", quiz)
    lesson = _yaml(library / "lesson.yml")
    lesson["objectives"][0] = tagged(text, "OBJECTIVE")
    lesson["discussion"][0] = tagged(text, "DISCUSSION")
    _dump(library / "lesson.yml", lesson)
    return tags


def expected_text(tag: str) -> str:
    """The attack as a reader must see it: the field's tag tells which form it got."""
    if tag.endswith(("EXPLAINER", "HOME")):
        return prose(tag)
    return heading(tag) if tag.endswith("TITLE") else hostile(tag)


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, set[str]]:
    content = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(SMALL, content)
    tags = make_hostile(content)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1718755200")
        site = build(REPO, content=content, site_dir=content.parent / "site", skip={"pdf"})
    return site, tags


def test_markdown_fields_and_titles_refuse_html_and_links_out(edition):
    content = edition()
    make_hostile(content, title=hostile, markdown=hostile)
    with pytest.raises(ContentError) as caught:
        check(REPO, content=content)
    problems = [str(p) for p in caught.value.problems]
    fair, out = "content/articles/school-science-fair", "leaves the site — link only to pages"
    assert [p.split(" — ")[0] for p in problems] == [
        f"{fair}/article.yml:1: title.ar: a title is plain text: '<', '>', '{{{{' and '{{%' "
        "are not allowed",
        f"{fair}/article.yml:1: title.en: a title is plain text: '<', '>', '{{{{' and '{{%' "
        "are not allowed",
        f"{fair}/explainer.ar.md:5: link to 'javascript:alert(document.domain' leaves the site",
        f"{fair}/explainer.ar.md:5: raw HTML is not allowed: '<script>'",
        f"{fair}/explainer.en.md:5: link to 'javascript:alert(document.domain' leaves the site",
        f"{fair}/explainer.en.md:5: raw HTML is not allowed: '<script>'",
        "content/pages/home.ar.md:5: link to 'javascript:alert(document.domain' leaves the site",
        "content/pages/home.ar.md:5: raw HTML is not allowed: '<script>'",
        "content/pages/home.en.md:5: link to 'javascript:alert(document.domain' leaves the site",
        "content/pages/home.en.md:5: raw HTML is not allowed: '<script>'"]
    assert all(" — " in p for p in problems) and sum(out in p for p in problems) == 4


def test_a_word_of_three_thousand_letters_is_refused_in_every_field(edition):
    """No line, on a phone or in a PDF, can hold it (WeasyPrint takes minutes to try)."""
    content = edition()
    word = "x" * 3000
    # a title with it would make its whole article fail, leaving the article's texts unread
    tags = make_hostile(content, text=lambda tag: f"{tag} {word}",
                        title=lambda tag: f"{tag} fair", markdown=lambda tag: f"{tag} {word}")
    tags -= {"TAGARTITLE", "TAGENTITLE"}  # a title's: in the bad-input corpus
    with pytest.raises(ContentError) as caught:
        check(REPO, content=content)
    problems = [str(p) for p in caught.value.problems]
    refusal = (f"a word of 3,000 characters ('{'x' * 20}…') is longer than a line can hold "
               f"(at most {MAX_WORD}) — add the missing spaces, or remove it")
    assert all(p.endswith(refusal) for p in problems), problems
    assert len(problems) == len(tags)
    files = {p.split(":")[0] for p in problems}
    assert {"content/timeline.yml", "content/claims.yml", "content/glossary.yml",
            "content/pages/home.en.md", "content/articles/school-science-fair/en.md",
            "content/articles/school-science-fair/explainer.ar.md",
            "content/articles/school-science-fair/explainer.en.md"} <= files


def _live_markup(root, where: str) -> list[str]:
    """Anything in a parsed document that would run or load: handlers, javascript: URLs,
    scripts that are not the site's own, the injected image."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        for key, value in element.attrib.items():
            key = etree.QName(key).localname.lower()
            if key.startswith("on"):
                found.append(f"{where}: <{name} {key}=…>")
            if key in ("href", "src", "action", "formaction") and \
                    value.strip().lower().startswith("javascript:"):
                found.append(f"{where}: <{name} {key}='{value[:30]}'>")
        if name == "script" and "alert(" in (element.text or ""):
            found.append(f"{where}: an injected <script>")
        if name == "img" and element.get("src") == "x":
            found.append(f"{where}: the injected <img>")
    return found


def test_pages_show_every_field_as_text(hostile_site):
    site, tags = hostile_site
    live, texts = [], {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        root = lxml.html.fromstring(path.read_bytes())
        live += _live_markup(root, rel)
        for element in root.xpath("//script|//style"):
            element.drop_tree()
        texts[rel] = plain(root.text_content())
    assert live == []
    for tag in sorted(tags):
        pages = [rel for rel, text in texts.items() if expected_text(tag) in text]
        assert pages, f"{tag}: not shown as text on any page"
    tooltip = '<span class="term__tip" role="tooltip"'
    page = (site / "en/articles/city-library-opens.html").read_text("utf-8")
    assert f'{tooltip} id="tip-' in page and "TAGENSHORT &lt;script&gt;" in page
    quiz = texts["en/quizzes/city-library-opens.html"]
    for tag in ("TAGENPROMPT", "TAGENOPTION", "TAGENITEM", "TAGENLEFT", "TAGENRIGHT"):
        assert expected_text(tag) in quiz, f"{tag} not on the quiz page as text"


def test_search_index_keeps_markup_escaped(hostile_site):
    site, _ = hostile_site
    for lang in ("ar", "en"):
        index = (site / f"{lang}/search/search_index.json").read_text("utf-8")
        assert "TAG" in index and "<script>alert" not in index and "<img src=x" not in index


def test_epubs_show_the_fields_as_text(hostile_site):
    site, _ = hostile_site
    for lang in ("ar", "en"):
        text, live = "", []
        with zipfile.ZipFile(site / f"{lang}/epub/edition.epub") as book:
            for name in book.namelist():
                if name.endswith(".xhtml"):
                    root = etree.fromstring(book.read(name))  # well-formed, or it raises
                    live += _live_markup(root, name)
                    text += plain("".join(root.itertext()))
        assert live == []
        upper = lang.upper()
        for field in ("PARA", "TITLE", "EXPLAINER", "EVENT", "CLAIM", "CLAIMANT", "DEFINITION"):
            assert expected_text(f"TAG{upper}{field}") in text, f"{lang} EPUB lacks {field}"


def test_exports_carry_the_fields_as_text(hostile_site):
    site, _ = hostile_site
    rows = list(csv.reader(io.StringIO((site / "exports/glossary.csv").read_text("utf-8-sig"))))
    cells = {cell for row in rows for cell in row}
    assert {hostile("TAGARSHORT"), hostile("TAGENSHORT"), hostile("TAGENDEFINITION")} <= cells
    tbx = ET.fromstring((site / "exports/glossary.tbx").read_bytes())
    texts = {plain(node.text or "") for node in tbx.iter()}
    assert hostile("TAGENDEFINITION") in texts and hostile("TAGARDEFINITION") in texts
    assert not [n for n in tbx.iter() if n.tag.split("}")[-1] in ("script", "img")]
    for lang in ("ar", "en"):
        gift = (site / f"exports/quizzes-{lang}.gift").read_text("utf-8")
        # question text, options and feedback are HTML to an LMS: escaped once, GIFT-escaped;
        # short answers and the right side of a match are plain text to it: left as written
        raw = [line for line in gift.splitlines() if "<script>" in line or "<img" in line]
        assert raw and all(line.startswith("=TAGENACCEPT ") or
                           re.match(r"=.* -> TAG[A-Z]+ <script>", line) for line in raw), raw
        upper = lang.upper()
        assert f"TAG{upper}PROMPT &lt;script&gt;alert(document.domain)&lt;/script&gt;" in gift
        assert f"TAG{upper}OPTION &lt;script&gt;" in gift
        with zipfile.ZipFile(site / f"exports/quizzes-{lang}-qti.zip") as package:
            xml = next(n for n in package.namelist() if n.endswith(f"-{lang}.xml"))
            root = ET.fromstring(package.read(xml))
        for node in (n for n in root.iter() if n.tag.endswith("mattext") and n.text):
            if node.get("texttype") == "text/html":  # HTML for the LMS: parse it as such
                fragment = lxml.html.fragment_fromstring(node.text, create_parent="div")
                assert _live_markup(fragment, xml) == []
        shown = {plain(lxml.html.fragment_fromstring(n.text, create_parent="div").text_content()
                       if n.get("texttype") == "text/html" else n.text)
                 for n in root.iter() if n.tag.endswith("mattext") and n.text}
        assert hostile(f"TAG{upper}PROMPT") in shown and hostile(f"TAG{upper}OPTION") in shown


@pytest.mark.slow
def test_pdfs_show_the_fields_as_text(tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext (poppler-utils)")
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    make_hostile(content)
    site = build(REPO, content=content, site_dir=tmp_path / "site")
    pdfs = sorted(site.rglob("*.pdf"))
    assert pdfs
    found = set()
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        # a 3,000-letter word is broken over many lines; pdftotext marks right-to-left runs
        squeezed = re.sub(r"[\s\u202a-\u202e]+", "", text)
        for tag in set(re.findall(r"TAG[A-Z]+", text)):
            # a word at a time: columns interleave lines, and Latin inside Arabic comes out in
            # visual order with its < > ( ) mirrored
            words = ["script", "img", "onerror", "javascript", "config", "raw", LONG]
            if tag.endswith(("EXPLAINER", "HOME")):
                words = ["javascript", "config", "raw", LONG]
            elif tag.endswith("TITLE"):
                words = ["javascript", LONG]
            elif tag.startswith("TAGEN"):
                words += ["<script>alert(document.domain)</script>", "<imgsrc=xonerror="]
            assert all(word in squeezed for word in words), f"{pdf.name}: {tag}"
            found.add(tag)
    assert {"TAGARPARA", "TAGENPARA", "TAGARTITLE", "TAGENEXPLAINER", "TAGENPROMPT",
            "TAGENOPTION"} <= found


@pytest.mark.browser
def test_no_page_is_wider_than_a_phone(hostile_site):
    """At 375 px, nothing in the content area reaches past the screen's edges (a 3,000-letter
    word included), and the page does not scroll sideways."""
    from playwright.sync_api import sync_playwright

    from tests.edition.conftest import ARGS, CHROMIUM

    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian chromium")
    site, _ = hostile_site
    # Playwright's sync API refuses a thread with a running event loop (the browser gates'
    # async fixtures may have left one): the browser is driven from a thread of its own.
    with concurrent.futures.ThreadPoolExecutor(1) as worker:
        wide = worker.submit(_too_wide, site, sync_playwright, ARGS, CHROMIUM).result()
    assert wide == []


def _too_wide(site: Path, sync_playwright, args: list[str], chromium: str) -> list[str]:
    wide = []
    ARGS, CHROMIUM = args, chromium  # the names of tests/edition/conftest.py
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_context(viewport={"width": 375, "height": 800}).new_page()
        for path in sorted(site.glob("*/**/*.html")):
            page.goto(path.as_uri())
            found = page.evaluate("""() => {
                const width = document.documentElement.clientWidth;
                const out = [...document.querySelectorAll('.md-content *')]
                  .map(e => [e, e.getBoundingClientRect()])
                  .filter(([e, r]) => r.width > 0 && (r.right > width + 1 || r.left < -1))
                  .map(([e, r]) => `${e.tagName}.${e.className} ${Math.round(r.left)}…${Math.round(r.right)}`);
                if (document.documentElement.scrollWidth > width) out.push('scrolls sideways');
                return out.slice(0, 3); }""")
            wide += [f"{path.relative_to(site)}: {what}" for what in found]
        browser.close()
    return wide
