from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_scripts.content import load_site
from build_scripts.errors import ContentError

SCENARIOS = yaml.safe_load((Path(__file__).parent / "scenarios" / "content_errors.yml")
                           .read_text(encoding="utf-8"))


def test_tiny_site_is_valid(tiny_site):
    site = load_site(tiny_site() / "content")
    article = site.articles[0]
    assert [b.id for b in article.ar] == ["p1", "h1", "p2"]
    assert set(article.en) == {"p1", "h1", "p2"}
    assert article.reading_minutes("ar") == 1


@pytest.mark.parametrize("case", SCENARIOS, ids=[c["name"] for c in SCENARIOS])
def test_bad_content_is_reported_with_file_and_line(tiny_site, case):
    root = tiny_site(case["files"])
    with pytest.raises(ContentError) as error:
        load_site(root / "content")
    report = str(error.value)
    for expected in case["errors"]:
        assert expected in report, f"missing: {expected}\n--- report:\n{report}"
    for line in report.splitlines():
        assert line.split(":", 2)[1].isdigit(), f"no line number: {line}"


def test_file_that_is_not_utf8_is_reported(tiny_site):
    root = tiny_site({"content/articles/tiny/en.md": "{#p1} caf\xe9\n".encode("latin-1")})
    with pytest.raises(ContentError, match=r"en.md:1: not UTF-8 \(byte 0xe9\)"):
        load_site(root / "content")


def test_pending_translation_allowed_in_draft_mode(tiny_site):
    root = tiny_site({"content/articles/tiny/en.md": "{#p1} Sanctions in 2006, says KCNA.\n"})
    site = load_site(root / "content", allow_pending=True)
    assert site.pending == {"tiny": ["h1", "p2"]}


def test_real_content_is_valid():
    site = load_site(Path(__file__).resolve().parent.parent / "content")
    assert len(site.articles) == 5
    assert not site.pending
