"""PDFs of the small edition: fonts embedded, text in logical order, bookmarks, page counts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from build_scripts.build import build

from ..conftest import REPO, SMALL

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler-utils")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("pdf") / "content"
    shutil.copytree(SMALL, content)
    return build(REPO, content=content, site_dir=content.parent / "site")


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def test_every_pdf_is_built_and_linked(site):
    names = {p.relative_to(site).as_posix() for p in site.rglob("*.pdf")}
    assert names == {f"{lang}/pdf/{name}.pdf" for lang in ("ar", "en") for name in (
        "booklet", "city-library-opens", "city-library-opens-answers", "school-science-fair")}
    page = (site / "ar/articles/city-library-opens.html").read_text("utf-8")
    assert 'href="../pdf/city-library-opens.pdf"' in page
    for part in ("timeline", "claims", "glossary"):  # the booklet, opened at that part
        assert f'href="pdf/booklet.pdf#{part}"' in (site / f"en/{part}.html").read_text("utf-8")
    for page, pdf in (("quizzes/city-library-opens", "city-library-opens.pdf"),
                      ("teachers/worksheet-city-library-opens", "city-library-opens.pdf"),
                      ("teachers/answers-city-library-opens", "city-library-opens-answers.pdf")):
        assert f'href="../pdf/{pdf}"' in (site / f"ar/{page}.html").read_text("utf-8"), page
    quiz = (site / "en/quizzes/city-library-opens.html").read_text("utf-8")
    assert "answers.pdf" not in quiz, "an answer key offered to students"


def test_fonts_are_embedded(site):
    for pdf in site.rglob("*.pdf"):
        rows = run("pdffonts", str(pdf)).splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), (pdf, rows)


def test_text_is_in_logical_order_with_page_footers(site):
    arabic = run("pdftotext", "-layout", str(site / "ar/pdf/city-library-opens.pdf"), "-")
    assert "سلمى حداد" in arabic.replace("\u200f", "").replace("\u202b", "").replace("\u202c", "")
    english = run("pdftotext", str(site / "en/pdf/city-library-opens.pdf"), "-")
    assert "The library's director, Salma Haddad, said" in english
    assert "Page 1 of" in english


def test_booklet_has_bookmarks_and_pages(site):
    info = run("pdfinfo", str(site / "en/pdf/booklet.pdf"))
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages"))) >= 5
    outline = run("pdftotext", "-f", "2", "-l", "2", str(site / "en/pdf/booklet.pdf"), "-")
    assert "A new library opens in Al-Waha" in outline and "Glossary" in outline


def inflated(path: Path) -> bytes:
    """A PDF's bytes followed by its decompressed streams (where the structure and links are)."""
    import re
    import zlib

    data = path.read_bytes()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            data += zlib.decompress(stream)
        except zlib.error:
            continue
    return data


def test_pdfs_are_tagged_with_language_and_bookmarks(site):
    path = site / "ar/pdf/booklet.pdf"
    assert "Tagged:          yes" in run("pdfinfo", str(path))
    data = inflated(path)
    assert b"/Lang (ar)" in data and b"/Outlines" in data


def test_every_link_in_a_pdf_leads_to_a_place_in_it(site):
    import re

    for path in (site / "ar/pdf/booklet.pdf", site / "en/pdf/city-library-opens.pdf"):
        data = inflated(path)
        targets = set(re.findall(rb"/Subtype /Link.{0,120}?/Dest \(([^)]*)\)", data, re.DOTALL))
        names = {line.split('"')[1].encode() for line in run("pdfinfo", "-dests", str(path))
                 .splitlines()[1:] if '"' in line}
        assert targets and targets <= names, (path, targets - names)
        if path.name == "booklet.pdf":  # contents, citations in explainers, key terms, glossary
            assert {b"art-city-library-opens", b"glossary"} <= targets
            assert any(re.fullmatch(rb"[a-z-]+-p\d+", t) for t in targets)
