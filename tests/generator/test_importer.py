"""The importer's rules on made-up input (generator tests)."""

from __future__ import annotations

import pytest

from build_scripts import importer
from build_scripts.cli import main


def test_repeated_captions_and_related_prompts_go():
    raw = "\n".join([
        "قسم", "عنوان المقالة الطويل عن موضوع مهم", "صورة الاجتماع - رويترز", "صورة الاجتماع - رويترز",
        "الفقرة الأولى من النص الذي نريد الاحتفاظ به كاملا.",
        "اقرأ أيضا: خبر آخر لا علاقة له بالموضوع",
        "عنوان فرعي قصير",
        "• بند أول في القائمة.", "● بند ثان في القائمة.",
        "الفقرة الأخيرة من النص وفيها كلمة ممـــدودة.",
        "للأعلى",
    ])
    cleaned = importer.clean(raw)
    assert cleaned.title == "عنوان المقالة الطويل عن موضوع مهم"
    kinds = [(b.id, b.kind) for b in cleaned.blocks]
    assert kinds == [("p1", "para"), ("h1", "heading"), ("p2", "item"), ("p3", "item"),
                     ("p4", "para")]
    assert cleaned.blocks[-1].text.endswith("ممدودة.")
    assert {r.reason for r in cleaned.removed} >= {"photo caption", "related-news prompt",
                                                   "back-to-top button", "section or category label"}


def test_import_command_writes_article_folder(tmp_path, capsys):
    raw = tmp_path / "new.txt"
    raw.write_text("عنوان مقالة جديدة عن القمة\n\nنص الفقرة الأولى هنا.\n", encoding="utf-8")
    content = tmp_path / "content"
    cleaned = importer.import_article(raw, "new-article", content)
    folder = content / "articles" / "new-article"
    assert (folder / "source.txt").read_bytes() == raw.read_bytes()
    assert (folder / "ar.md").read_text("utf-8") == "{#p1} نص الفقرة الأولى هنا.\n"
    assert "عنوان مقالة جديدة" in (folder / "article.yml").read_text("utf-8")
    assert cleaned.title.startswith("عنوان")
    with pytest.raises(FileExistsError):
        importer.import_article(raw, "new-article", content)


def test_import_command_rejects_bad_slug(tmp_path, capsys):
    raw = tmp_path / "x.txt"
    raw.write_text("عنوان\n", encoding="utf-8")
    assert main(["import", str(raw), "--slug", "Bad Slug", "--content", str(tmp_path)]) == 1
    assert "slug" in capsys.readouterr().err
