"""The importer on this edition's five source articles (edition tests, not generator tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import importer, textfile

ARTICLES = Path(__file__).resolve().parents[2] / "content" / "articles"


def clean(slug: str) -> importer.Cleaned:
    return importer.clean((ARTICLES / slug / "source.txt").read_text(encoding="utf-8"))


def reasons(cleaned: importer.Cleaned) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for removed in cleaned.removed:
        out.setdefault(removed.reason, []).append(removed.text)
    return out


# Each source article has its own furniture; each row names what must go and what must stay.
CASES = {
    "western-claims-arms-transfers": {
        "removed": {"page button": ["طباعة"], "share buttons": ["مشاركة"],
                    "comment or share count": ["12"], "tags line": ["الكلمات المفتاحية"],
                    "relative timestamp (gives no date)": ["منذ ٣ أشهر"]},
        "headings": ["كسر العزلة", "تعاون لافت", "تداعيات متوقعة"],
        "paragraphs": 33,
    },
    "putin-visit-to-north-korea": {
        "removed": {"site header (before the headline)": ["آسياروسيا"],
                    "related-news prompt": ["مقالات ذات صلة"],
                    "page button": ["زر الذهاب إلى الأعلى"],
                    "page footer (after the article)": ["د. غادة عبد العزيز"]},
        "headings": ["العلاقات الروسية مع كوريا الشمالية", "ختامًا"],
        "items": 19,
        "paragraphs": 50,
    },
    "kim-visit-to-russia": {
        "removed": {"headline of another story (no sentence ending)":
                    ["الرئيس الكورى الشمالى يفتتح اجتماعًا عن الزراعة وسط قلق من نقص الغذاء"]},
        "headings": ["زيارة كيم إلى روسيا", "صفقات أسلحة متبادلة"],
        "paragraphs": 17,
    },
    "seoul-warns-russia": {
        "removed": {"masthead label": ["الإشراف العام", "رئيس التحرير"] * 2,
                    "byline or outlet line": ["صدى البلد"]},
        "headings": ["الخلفية", "التطورات الأخيرة", "الآثار المحتملة"],
        "paragraphs": 10,
    },
    "munitions-for-what": {
        "removed": {"site header (before the headline)": ["سياسة دولية"],
                    "comments": ["التعليقات (0)"]},
        "headings": [],
        "paragraphs": 16,
    },
}


@pytest.mark.parametrize("slug", sorted(CASES))
def test_importer_on_each_source_article(slug):
    case, cleaned = CASES[slug], clean(slug)
    found = reasons(cleaned)
    for reason, texts in case["removed"].items():
        for text in texts:
            assert text in found.get(reason, []), f"{reason}: {text} not removed"
    headings = [b.text for b in cleaned.blocks if b.kind == "heading"]
    for heading in case["headings"]:
        assert heading in headings
    assert sum(b.kind != "heading" for b in cleaned.blocks) == case["paragraphs"]
    if "items" in case:
        assert sum(b.kind == "item" for b in cleaned.blocks) == case["items"]
    texts = " ".join(b.text for b in cleaned.blocks)
    assert "\u0640" not in texts and "\u00a0" not in texts and "  " not in texts


def test_imported_text_matches_the_committed_ar_md():
    """Re-running the importer must reproduce ar.md, so paragraph ids stay stable."""
    for slug in CASES:
        assert textfile.dump(clean(slug).blocks) == (ARTICLES / slug / "ar.md").read_text("utf-8")


def test_report_names_every_removed_line():
    report = clean("seoul-warns-russia").report()
    assert "raw line 1: masthead label: الإشراف العام" in report
    assert "صدى البلد" in report
