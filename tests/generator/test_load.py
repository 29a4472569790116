"""The loader's typed model, and files that cannot be read at all."""

from __future__ import annotations

import dataclasses

import pytest

from build_scripts.build import check
from build_scripts.errors import ContentError
from build_scripts.model import Article, Claim, Text

from ..conftest import REPO


def test_the_model_is_typed_and_frozen(edition):
    site = check(REPO, content=edition())
    article = site.article("city-library-opens")
    assert isinstance(article, Article) and isinstance(article.title, Text)
    assert article.title["en"] == "A new library opens in Al-Waha"
    assert [b.id for b in article.blocks] == ["p1", "h1", "p2", "p3", "p4"]
    assert article.translations["en"]["p2"].text.startswith("The library's director")
    assert [s.id for s in article.explainers["ar"]] == ["brief", "happened", "open"]
    assert isinstance(site.claims[0], Claim) and site.claims[0].status == "reported"
    assert str(site.claims[0].sources[0]) == "school-science-fair#p3"
    assert site.config.dir("ar") == "rtl" and site.config.source_lang == "ar"
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.slug = "x"


def test_a_file_that_is_a_link_to_itself_is_reported(edition):
    content = edition()
    target = content / "articles/school-science-fair/article.yml"
    target.unlink()
    target.symlink_to(target)
    with pytest.raises(ContentError) as error:
        check(REPO, content=content)
    assert [str(p) for p in error.value.problems] == [
        "content/articles/school-science-fair/article.yml:1: cannot read file: Too many levels "
        "of symbolic links — check the path, links and permissions"]


def test_a_byte_order_mark_is_not_content(edition):
    content = edition()
    path = content / "articles/school-science-fair/ar.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert check(REPO, content=content).article("school-science-fair").blocks[0].id == "p1"


def test_a_file_too_large_for_a_page_is_refused(edition):
    content = edition()
    (content / "timeline.yml").write_text("# x\n" * 600_000, "utf-8")
    with pytest.raises(ContentError) as error:
        check(REPO, content=content)
    assert [str(p) for p in error.value.problems] == [
        "content/timeline.yml:1: file of 2,400,000 bytes is too large (at most 2,000,000) — "
        "split it, or check that the right file was saved here"]
