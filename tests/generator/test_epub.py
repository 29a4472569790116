"""The EPUB of each language passes epubcheck and reads right to left in Arabic."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from build_scripts.build import build

from ..conftest import REPO, SMALL

EPUBCHECK = shutil.which("epubcheck")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(EPUBCHECK is None or shutil.which("java") is None,
                                 reason="needs Debian's epubcheck and java")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("epub") / "content"
    shutil.copytree(SMALL, content)
    return build(REPO, content=content, site_dir=content.parent / "site", skip={"pdf"})


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_epub_passes_epubcheck(site, lang):
    # Debian installs epubcheck as a jar: run it with java whatever binfmt says.
    run = subprocess.run(["java", "-jar", EPUBCHECK, str(site / f"{lang}/epub/edition.epub")],
                         capture_output=True, text=True, check=False)
    assert "0 fatals / 0 errors" in run.stdout + run.stderr, run.stdout + run.stderr


def test_arabic_epub_reads_right_to_left_with_fonts(site):
    with zipfile.ZipFile(site / "ar/epub/edition.epub") as book:
        opf = book.read("EPUB/content.opf").decode()
        chapter = book.read("EPUB/city-library-opens.xhtml").decode()
        names = book.namelist()
    assert 'page-progression-direction="rtl"' in opf
    assert 'dir="rtl"' in chapter and "مكتبة" in chapter
    assert "EPUB/fonts/NotoNaskhArabic-Regular.ttf" in names
    assert names[0] == "mimetype"
