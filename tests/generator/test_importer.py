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
                                                   "page button",
                                                   "site header (before the headline)"}


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


ARABIC = "عنوان مقالة جديدة عن المكتبة العامة\n\nافتتحت البلدية مكتبة عامة جديدة في وسط المدينة، بحسب بيان رسمي.\n"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"  \n", "the file is empty"),
    ("binary.bin", b"PK\x03\x04\x00\x00binary", "not a text file"),
    ("english.txt", b"An English article about a library that opened.\n" * 3,
     "no Arabic text to import"),
    ("furniture.txt", "طباعة\nمشاركة\nفيسبوك\nواتساب\nتويتر\nالكلمات المفتاحية\nللأعلى\nاقرأ أيضا: "
     "خبر آخر عن موضوع مختلف تماما\n".encode(), "nothing is left after removing page furniture"),
])
def test_bad_files_are_refused_with_their_name_and_nothing_is_written(tmp_path, capsys, name,
                                                                     data, message):
    raw = tmp_path / name
    raw.write_bytes(data)
    content = tmp_path / "content"
    assert main(["import", str(raw), "--slug", "x", "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert str(raw) in err and message in err and "Traceback" not in err
    assert not content.exists()


def test_a_folder_is_refused(tmp_path, capsys):
    assert main(["import", str(tmp_path), "--slug", "x", "--content", str(tmp_path / "c")]) == 1
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize(("encoding", "note"), [
    ("utf-16", "UTF-16"), ("cp1256", "Windows-1256"), ("utf-8-sig", "byte-order mark")])
def test_other_encodings_are_converted_and_said(tmp_path, encoding, note):
    raw = tmp_path / "raw.txt"
    raw.write_bytes(ARABIC.encode(encoding))
    cleaned = importer.import_article(raw, "library", tmp_path / "content")
    assert any(note in n for n in cleaned.notes)
    assert (tmp_path / "content/articles/library/source.txt").read_text("utf-8") == ARABIC


def test_force_keeps_a_backup_and_the_article_yml_passes_check(edition, tmp_path):
    from build_scripts.build import check

    from ..conftest import REPO

    content = edition()
    raw = tmp_path / "raw.txt"
    raw.write_text(ARABIC, encoding="utf-8")
    importer.import_article(raw, "library-news", content, level="beginner")
    assert check(REPO, content=content, allow_pending=True).article("library-news")
    (content / "articles/library-news/ar.md").write_text("{#p1} تعديل يدوي.\n", "utf-8")
    cleaned = importer.import_article(raw, "library-news", content, force=True, level="beginner")
    backup = content / ".backups/library-news-1"
    assert (backup / "ar.md").read_text("utf-8") == "{#p1} تعديل يدوي.\n"
    assert any(str(backup) in n for n in cleaned.notes)


def test_a_page_without_an_article_is_refused(tmp_path, capsys):
    page = tmp_path / "menu.html"
    page.write_text("<!doctype html><html><head><title>الرئيسية</title></head><body><nav><a>"
                    "الرئيسية</a><a>أخبار</a><a>رياضة</a></nav><footer>جميع الحقوق محفوظة"
                    "</footer></body></html>", "utf-8")
    assert main(["import", str(page), "--slug", "x", "--content", str(tmp_path / "c")]) == 1
    err = capsys.readouterr().err
    assert str(page) in err and "Traceback" not in err
    assert not (tmp_path / "c").exists()


def test_an_address_that_cannot_be_fetched_is_refused_clearly(tmp_path, capsys):
    url = "http://127.0.0.1:9/news/article.html"  # nothing listens on the discard port
    assert main(["import", url, "--slug", "x", "--content", str(tmp_path / "c")]) == 1
    err = capsys.readouterr().err
    assert url in err and "save the page from the browser" in err and "Traceback" not in err


def test_a_saved_page_imports_with_its_metadata_and_passes_check(edition, tmp_path):
    import yaml

    from build_scripts.build import check

    from ..conftest import REPO

    content = edition()
    page = tmp_path / "bus.html"
    page.write_text(
        '<!doctype html><html lang="ar"><head><meta charset="utf-8">'
        "<title>حافلات جديدة في المدينة | صحيفة الواحة</title>"
        '<meta property="og:site_name" content="صحيفة الواحة">'
        '<meta property="article:published_time" content="2026-11-21T09:00:00+03:00">'
        '</head><body><nav>الرئيسية | محليات</nav><article><h1>حافلات جديدة في المدينة</h1>'
        "<p>أعلنت بلدية الواحة تشغيل خمسة خطوط حافلات جديدة تربط الأحياء بوسط المدينة.</p>"
        "<p>وقالت البلدية في بيان إن الخطوط ستعمل من السادسة صباحا حتى منتصف الليل.</p>"
        "<p>وأضافت أن سعر التذكرة لن يتغير خلال الأشهر الستة الأولى من التشغيل.</p>"
        "</article><footer>جميع الحقوق محفوظة © صحيفة الواحة</footer></body></html>", "utf-8")
    cleaned = importer.import_article(page, "city-buses", content, level="beginner")
    folder = content / "articles/city-buses"
    meta = yaml.safe_load((folder / "article.yml").read_text("utf-8"))
    assert cleaned.title == "حافلات جديدة في المدينة"
    assert meta["outlet"]["ar"] == "صحيفة الواحة" and meta["outlet"]["en"] is None
    assert meta["date"]["value"] == "2026-11-21" and meta["date"]["exact"] is True
    assert "metadata" in meta["date"]["basis"]["en"]
    assert (folder / "source.html").read_text("utf-8") == page.read_text("utf-8")
    assert [b.id for b in cleaned.blocks] == ["p1", "p2", "p3"]
    assert check(REPO, content=content, allow_pending=True).article("city-buses")


def test_the_date_and_author_are_read_from_the_lines_under_the_headline(tmp_path):
    import yaml

    raw = tmp_path / "raw.txt"
    raw.write_text("\n".join([
        "صحيفة الواحة", "الثلاثاء 3 ديسمبر 2024",  # the site's "today", not the article's date
        "افتتاح مكتبة عامة جديدة في وسط المدينة",
        "كتب: سامي الحداد", "نشر في 28 نوفمبر 2024 - 10:15", "آخر تحديث: 29 نوفمبر 2024",
        "افتتحت بلدية الواحة مكتبة عامة جديدة في وسط المدينة تضم آلاف الكتب، بحسب بيان رسمي.",
        "وقالت البلدية إن الدخول إلى المكتبة مجاني طوال أيام الأسبوع.",
    ]) + "\n", "utf-8")
    cleaned = importer.import_article(raw, "library", tmp_path / "content")
    meta = yaml.safe_load((tmp_path / "content/articles/library/article.yml").read_text("utf-8"))
    assert meta["date"]["value"] == "2024-11-28" and "نشر في 28" in meta["date"]["basis"]["ar"]
    assert meta["author"] == {"ar": "سامي الحداد"}
    assert meta["outlet"] is None  # a line at the top is not proof of the outlet's name
    assert cleaned.title == "افتتاح مكتبة عامة جديدة في وسط المدينة"
