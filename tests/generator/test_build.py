"""Whole-site builds of the small test edition in a temp folder: paths, languages, swaps."""

from __future__ import annotations

import fcntl
import hashlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_scripts.build import build
from build_scripts.cli import main
from build_scripts.errors import ContentError

from ..conftest import REPO


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(edition):
    """A fresh build that a test may change."""
    content = edition()
    return content, build(REPO, content=content, site_dir=content.parent / "site",
                          skip={"pdf"})


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One build, only read by the tests that use it."""
    import shutil

    from ..conftest import SMALL

    content = tmp_path_factory.mktemp("shared") / "content"
    shutil.copytree(SMALL, content)
    return content, build(REPO, content=content, site_dir=content.parent / "site",
                          skip={"pdf"})


def test_every_language_has_the_same_pages(shared):
    _, site = shared
    ar = {p.relative_to(site / "ar").as_posix() for p in (site / "ar").rglob("*.html")}
    en = {p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("*.html")}
    assert ar == en == {"index.html", "404.html", "about.html", "claims.html", "timeline.html",
                        "glossary.html", "downloads.html", "quizzes/city-library-opens.html",
                        "teachers/worksheet-city-library-opens.html",
                        "teachers/answers-city-library-opens.html", "teachers/index.html",
                        "teachers/lesson-city-library-opens.html",
                        "teachers/assign-city-library-opens.html",
                        "teachers/assign-school-science-fair.html",
                        "articles/city-library-opens.html", "articles/school-science-fair.html"}
    assert {"index.html", "404.html", ".nojekyll"} <= {p.name for p in site.iterdir()}


def test_language_switch_points_at_the_same_page(shared):
    _, site = shared
    page = (site / "ar/articles/school-science-fair.html").read_text("utf-8")
    assert 'href="../../en/articles/school-science-fair.html"' in page
    assert 'href="./../ar/index.html"' in (site / "en/index.html").read_text("utf-8")


def test_arabic_search_index_has_folded_fields_and_rules(shared):
    import json

    _, site = shared
    index = json.loads((site / "ar/search/search_index.json").read_text("utf-8"))
    assert index["config"]["fields"]["norm"] == {"boost": 1.0}
    assert index["config"]["pipeline"] == []
    words = " ".join(doc["norm"] for doc in index["docs"]).split()
    assert "مكتبه" in words  # from «المكتبة»: article and taa marbuta folded
    assert "norm" in (site / "ar/search/search_index.js").read_text("utf-8")
    rules = (site / "ar/assets/javascripts/search-fold-rules.js").read_text("utf-8")
    assert rules.startswith("window.SEARCH_FOLD_RULES = ") and '"وبال"' in rules
    assert "search-fold-rules.js" in (site / "ar/index.html").read_text("utf-8")
    assert "search-fold" not in (site / "en/index.html").read_text("utf-8")


def test_build_is_deterministic(built):
    content, site = built
    first = digest(site)
    build(REPO, content=content, site_dir=site)
    assert digest(site) == first


@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(tmp_path):
    """Every file, PDFs, EPUBs and archives included, from two copies of the edition in
    different folders into fresh sites: nothing depends on time, paths or order of work."""
    from ..conftest import SMALL

    sites = []
    for name in ("first", "second-build"):
        content = tmp_path / name / "content"
        shutil.copytree(SMALL, content)
        sites.append(build(REPO, content=content, site_dir=tmp_path / name / "site"))
    first, second = (digest(site) for site in sites)
    assert any(name.endswith(".pdf") for name in first), "the PDFs were built"
    assert {"en/epub/edition.epub", "downloads/site.zip"} <= set(first)
    assert [name for name in first if first[name] != second.get(name)] == []
    assert first == second


def test_failed_build_leaves_previous_site_untouched_and_no_debris(built):
    content, site = built
    before = digest(site)
    (content / "articles/school-science-fair/ar.md").write_text("{#p1} نص\n\n{#p1} مكرر\n",
                                                                "utf-8")
    with pytest.raises(ContentError):
        build(REPO, content=content, site_dir=site)
    assert digest(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == [".site.lock", "content", "site"]


@pytest.mark.slow  # a real command-line build, killed mid-way
def test_a_killed_build_leaves_the_site_and_the_next_build_clears_its_debris(built):
    content, site = built
    before = digest(site)
    command = [sys.executable, "-m", "build_scripts", "build", "--content", str(content),
               "--site-dir", str(site)]
    with subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) as running:
        deadline = time.monotonic() + 120
        while not list(site.parent.glob(".site-*/site")):  # MkDocs is writing the new site
            assert running.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "no staging folder appeared"
            time.sleep(0.02)
        running.kill()  # SIGKILL: no finally clause runs, as when the machine goes down
    assert digest(site) == before
    assert list(site.parent.glob(".site-*")), "the killed build left its staging folder"
    build(REPO, content=content, site_dir=site, skip={"pdf"})
    assert sorted(p.name for p in site.parent.iterdir()) == [".site.lock", "content", "site"]
    assert digest(site) == before


def test_a_build_killed_between_the_two_renames_gets_its_site_back(built):
    content, site = built
    before = digest(site)
    site.rename(site.with_name("site.old"))  # where _swap's fallback would be killed
    (content / "articles/school-science-fair/ar.md").write_text("{#p1} نص\n\n{#p1} مكرر\n",
                                                                "utf-8")
    with pytest.raises(ContentError):  # even a build that fails puts the site back
        build(REPO, content=content, site_dir=site, skip={"pdf"})
    assert digest(site) == before and not site.with_name("site.old").exists()


def test_a_second_build_while_one_runs_is_refused(built):
    content, site = built
    with open(site.parent / ".site.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(ContentError, match="another build is writing this site"):
            build(REPO, content=content, site_dir=site)


def test_draft_build_shows_the_source_with_a_note(edition):
    content = edition({"articles/school-science-fair/en.md": "{#p1} 40 students took part.\n"})
    site = build(REPO, content=content, site_dir=content.parent / "site", allow_pending=True)
    page = (site / "en/articles/school-science-fair.html").read_text("utf-8")
    assert "Translation pending" in page
    assert 'lang="ar" dir="rtl">وعرض الطلاب' in page


def test_new_edition_builds_as_it_is(tmp_path, capsys):
    folder = tmp_path / "second"
    assert main(["new", str(folder)]) == 0
    assert (folder / "site.yml").exists() and (folder / "articles").is_dir()
    out = tmp_path / "site"
    assert main(["build", "--content", str(folder), "--site-dir", str(out)]) == 0
    sample = next((out / "en/articles").glob("*.html")).read_text("utf-8")
    assert '<html dir="ltr" lang="en"' in sample
    assert main(["new", str(folder)]) == 1, "new must not overwrite an edition"
    assert "exists" in capsys.readouterr().err


def test_cli_reports_every_problem_and_exits_non_zero(edition, capsys):
    content = edition({"articles/school-science-fair/article.yml": "title: [x]\n"})
    assert main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert "content/articles/school-science-fair/article.yml:1: title:" in err
    assert "Traceback" not in err and "nothing was written" in err


def test_downloads_page_and_the_site_archive(shared):
    import zipfile

    _, site = shared
    page = (site / "en/downloads.html").read_text("utf-8")
    assert 'href="../downloads/site.zip"' in page and 'href="../en/epub/edition.epub"' in page
    assert "answers" not in page and ".gift" not in page, "teachers' files on a student page"
    teachers = (site / "en/teachers/index.html").read_text("utf-8")
    assert 'href="../../exports/quizzes-en.gift"' in teachers
    with zipfile.ZipFile(site / "downloads/site.zip") as archive:
        names = set(archive.namelist())
        zipped_page = archive.read("site/en/downloads.html").decode("utf-8")
    assert {"site/index.html", "site/ar/index.html", "site/en/search/search_index.js"} <= names
    assert "site/downloads/site.zip" not in names
    # The archive's own size is on the page, and the archive holds that very page.
    shown = re.search(r'<span class="archive-size">([\d.,]+) (KB|MB)</span>', page)
    assert shown, "the archive's size is missing from the downloads page"
    actual = (site / "downloads/site.zip").stat().st_size
    unit = 1000 if shown[2] == "KB" else 1_000_000
    assert abs(float(shown[1].replace(",", "")) - actual / unit) <= (0.5 if unit == 1000 else 0.05)
    assert zipped_page == page
    arabic = (site / "ar/downloads.html").read_text("utf-8")
    assert re.search(r'<span class="archive-size">[^<]*\d[^<]*</span>', arabic)


def test_swap_exchanges_folders_in_one_step(tmp_path):
    from build_scripts.build import _exchange, _swap

    old, new = tmp_path / "site", tmp_path / "new"
    old.mkdir()
    (old / "a.html").write_text("old")
    new.mkdir()
    (new / "a.html").write_text("new")
    if not _exchange(new, old):
        pytest.skip("this system cannot exchange folders in one step")
    assert (old / "a.html").read_text() == "new" and (new / "a.html").read_text() == "old"
    _swap(new, old)
    assert (old / "a.html").read_text() == "old" and not new.exists()


def test_sitemap_lists_the_student_pages_at_the_published_url(shared):
    """With a published URL (site.yml), each language's sitemap has every student page's
    absolute address, and not the teachers' corner or the 404 page."""
    _, site = shared
    sitemap = (site / "ar" / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "https://example.org/city-news/ar/articles/city-library-opens.html" in locs
    assert "https://example.org/city-news/ar/index.html" in locs
    assert not [loc for loc in locs if "/teachers/" in loc or loc.endswith("404.html")]
    assert (site / "en" / "sitemap.xml.gz").exists()


def test_no_sitemap_without_a_published_url(edition):
    """Without a URL a sitemap could only be empty: the build writes none."""
    content = edition()
    config = content / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "url: https://example.org/city-news/\n", ""), encoding="utf-8")
    site = build(REPO, content=content, site_dir=content.parent / "site", skip={"pdf"})
    assert (site / "en" / "index.html").exists()
    assert not list(site.rglob("sitemap.xml*"))
