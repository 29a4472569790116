"""The glossary's exports, read back with real readers, and search that shares the matcher."""

from __future__ import annotations

import csv
import io
import json

import pytest
from translate.storage import tbx

from build_scripts import arabic, search


@pytest.fixture(scope="module")
def site(small_site):
    return small_site


def test_csv_opens_in_a_spreadsheet_with_arabic_intact(site):
    data = (site / "exports/glossary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "spreadsheets need the byte-order mark for Arabic"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["al-waha", "library", "salma-haddad", "solar-energy",
                                       "youssef-noman"]
    haddad = rows[2]
    assert (haddad["category"], haddad["ar"], haddad["ar_variants"], haddad["en"],
            haddad["en_variants"]) == ("person", "سلمى حداد", "حداد", "Salma Haddad", "Haddad")
    assert haddad["definition_en"] == ("The director of the new public library "
                                       "(city-library-opens ¶2).")


def test_tbx_reads_back_with_a_real_tbx_reader(site):
    store = tbx.tbxfile.parsefile(str(site / "exports/glossary.tbx"))
    pairs = {unit.getid(): (unit.source, unit.target) for unit in store.units}
    assert pairs == {"al-waha": ("الواحة", "Al-Waha"), "library": ("مكتبة", "library"),
                     "salma-haddad": ("سلمى حداد", "Salma Haddad"),
                     "solar-energy": ("طاقة شمسية", "solar energy"),
                     "youssef-noman": ("يوسف نعمان", "Youssef Noman")}
    text = (site / "exports/glossary.tbx").read_text("utf-8")
    assert '<martif type="TBX-Basic"' in text and "admittedTerm-admn-sts" in text


def test_the_glossary_page_links_to_its_exports(site):
    page = (site / "en/glossary.html").read_text("utf-8")
    assert 'href="../exports/glossary.csv"' in page and 'href="../exports/glossary.tbx"' in page


def test_search_index_holds_light_stems_and_term_tokens(site):
    index = json.loads((site / "ar/search/search_index.json").read_text("utf-8"))
    words = " ".join(doc["norm"] for doc in index["docs"]).split()
    assert {"مكتبه", "مكتب", "glibrary", "galwaha"} <= set(words)


@pytest.mark.parametrize(("word", "stem"), [
    ("حاويات", "حاو"), ("حاويه", "حاو"), ("عقوبات", "عقوب"), ("عقوبه", "عقوب"),
    ("صاروخا", "صاروخ"), ("صواريخ", "صواريخ"), ("كيم", "كيم"),
])
def test_light_stem_for_search(word, stem):
    assert arabic.light_stem(word) == stem


def test_query_rules_give_every_spelling_of_a_term():
    from build_scripts.model import Term, Text

    term = Term("pyongyang", "place", {"ar": ("بيونغ يانغ", "بيونغيانغ"), "en": ("Pyongyang",)},
                Text({"ar": "", "en": ""}), Text({"ar": "", "en": ""}))
    rules = search.query_rules([term], "ar")
    assert rules["forms"] == {"بيونغ يانغ": "gpyongyang", "بيونغيانغ": "gpyongyang"}


def test_csv_cells_never_run_as_spreadsheet_formulas():
    from types import SimpleNamespace

    from build_scripts.outputs.glossary import to_csv

    term = SimpleNamespace(id="t", category="=cmd|' /C calc'!A0",
                           forms={"ar": ("+س",), "en": ("@SUM(A1)", "-x")},
                           short={"ar": "نص", "en": "=HYPERLINK(\"http://x\")"},
                           definition={"ar": "نص", "en": "plain"})
    site = SimpleNamespace(config=SimpleNamespace(codes=("ar", "en")), terms=[term])
    rows = list(csv.reader(io.StringIO(to_csv(site).decode("utf-8-sig"))))
    assert rows[1][:5] == ["t", "'=cmd|' /C calc'!A0", "'+س", "", "'@SUM(A1)"]
    assert rows[1][5] == "'-x" and rows[1][7] == "'=HYPERLINK(\"http://x\")"
