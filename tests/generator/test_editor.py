"""The editor's workflow: renumber, status, re-import with --force, --keep/--drop (issue #10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import editor, importer, status
from build_scripts.cli import main

from ..conftest import REPO, SMALL

SLUG = "city-library-opens"
FOLDER = f"articles/{SLUG}"


def gapped(content: Path) -> None:
    """What an editor leaves after deleting furniture paragraphs by hand: p3, p4 → p5, p7."""
    edits = {
        f"{FOLDER}/ar.md": [("{#p4}", "{#p7}"), ("{#p3}", "{#p5}")],
        f"{FOLDER}/en.md": [("{#p4}", "{#p7}"), ("{#p3}", "{#p5}")],
        f"{FOLDER}/quiz.yml": [("evidence: [p3]", "evidence: [p5]")],
        f"{FOLDER}/explainer.en.md": [("[¶4]", "[¶7]")],
        f"{FOLDER}/explainer.ar.md": [("[¶4]", "[¶7]")],
    }
    for name, pairs in edits.items():
        path = content / name
        text = path.read_text("utf-8")
        for old, new in pairs:
            assert old in text, (name, old)
            text = text.replace(old, new)
        path.write_text(text, "utf-8")


def snapshot(content: Path) -> dict[str, bytes]:
    return {p.relative_to(content).as_posix(): p.read_bytes()
            for p in sorted(content.rglob("*")) if p.is_file()}


def test_renumber_closes_gaps_and_rewrites_every_reference(edition, capsys):
    content = edition()
    gapped(content)
    before = snapshot(content)
    assert main(["renumber", SLUG, "--dry-run", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert snapshot(content) == before  # a dry run writes nothing
    assert f"content/{FOLDER}/quiz.yml:35: p5 → p3" in out
    assert f"content/{FOLDER}/explainer.en.md:12: 7 → 4" in out
    assert main(["renumber", SLUG, "--content", str(content)]) == 0
    assert snapshot(content) == snapshot(SMALL)  # exactly the edition before the gaps
    assert main(["renumber", SLUG, "--content", str(content)]) == 0
    assert "nothing to do" in capsys.readouterr().out


def test_renumber_refuses_while_a_reference_points_at_a_deleted_paragraph(edition, capsys):
    content = edition()
    ar = content / FOLDER / "ar.md"
    ar.write_text(ar.read_text("utf-8").replace("{#p3} وأضافت أن قاعة خاصة للأطفال تضم كتبًا "
                                                "مصورة وألعابًا تعليمية.\n\n", ""), "utf-8")
    before = snapshot(content)
    assert main(["renumber", SLUG, "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert f"content/{FOLDER}/quiz.yml:35: points at p3, which ar.md does not have" in err
    assert f"content/{FOLDER}/en.md:7: points at p3" in err
    assert snapshot(content) == before


def test_references_are_found_in_every_kind_of_file():
    kinds = {(Path(r.path).name, r.kind) for r in editor.references(SMALL, SLUG)}
    assert kinds >= {("en.md", "translation"), ("explainer.en.md", "citation"),
                     ("quiz.yml", "reference"), ("lesson.yml", "reference"),
                     ("timeline.yml", "reference"), ("glossary.yml", "reference")}


def test_force_reimport_lists_what_points_at_changed_paragraphs(edition, tmp_path):
    content = edition()
    raw = tmp_path / "library.txt"
    text = (content / FOLDER / "source.txt").read_text("utf-8")
    raw.write_text(text.replace("ستة أيام", "سبعة أيام"), "utf-8")  # p2 now reads differently
    cleaned = importer.import_article(raw, SLUG, content, force=True)
    notes = "\n".join(cleaned.notes)
    assert "1 paragraph(s) changed or disappeared: p2" in notes
    assert f"content/{FOLDER}/en.md:5: translates p2, which now reads differently" in notes
    assert f"content/{FOLDER}/lesson.yml:14: points at p2" in notes
    assert "content/glossary.yml:9: points at p2" in notes
    assert (content / ".backups" / f"{SLUG}-1" / "ar.md").read_bytes() == \
        (SMALL / FOLDER / "ar.md").read_bytes()


def test_status_reports_each_article_and_what_blocks_the_build(edition, capsys):
    content = edition()
    assert main(["status", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "city-library-opens — " in out and "translated (en): 5/5 blocks" in out
    assert "make site: nothing blocks it" in out
    en = content / FOLDER / "en.md"
    en.write_text(en.read_text("utf-8").split("{#p4}")[0], "utf-8")  # a draft: p4 untranslated
    assert main(["status", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "translated (en): 4/5 blocks" in out
    assert f"content/{FOLDER}/en.md" in out and "make site: 1 problem(s) block it" in out
    brief = status.status(REPO, content, brief=True)
    assert "city-library-opens" in brief and "school-science-fair" not in brief


@pytest.mark.parametrize("option", ["--keep", "--drop"])
def test_keep_and_drop_reverse_the_importers_decisions(tmp_path, capsys, option):
    raw = tmp_path / "raw.txt"
    raw.write_text("\n".join([
        "عنوان الخبر عن افتتاح الحديقة العامة الجديدة",
        "افتتحت البلدية حديقة عامة جديدة في وسط المدينة يوم الأحد، بحسب بيان رسمي.",
        "مساحات خضراء للعائلات",
        "وتضم الحديقة ملاعب للأطفال ومسارات للمشي وأكثر من مئتي شجرة.",
        "أسعار الذهب اليوم في الأسواق المحلية والعالمية بعد قرار البنك المركزي الأخير",
        "وقالت البلدية إن الدخول إلى الحديقة مجاني طوال أيام الأسبوع.",
    ]) + "\n", "utf-8")
    content = tmp_path / "content"
    line = {"--keep": "5", "--drop": "3"}[option]
    assert main(["import", str(raw), "--slug", "park", "--content", str(content)]) == 0
    report = capsys.readouterr().out
    assert f"raw line {line}: " in report and f"{option} {line}" in report
    ar = (content / "articles/park/ar.md").read_text("utf-8")
    assert main(["import", str(raw), "--slug", "park", "--force", option, line,
                 "--content", str(content)]) == 0
    after = (content / "articles/park/ar.md").read_text("utf-8")
    if option == "--keep":
        assert "أسعار الذهب" not in ar and "أسعار الذهب" in after
    else:
        assert "مساحات خضراء" in ar and "مساحات خضراء" not in after


def test_drafts_never_go_into_the_real_site(edition, capsys):
    content = edition()
    site = REPO / "site"
    assert main(["build", "--allow-pending", "--content", str(content),
                 "--site-dir", str(site)]) == 1
    assert "drafts never go into site/" in capsys.readouterr().err
