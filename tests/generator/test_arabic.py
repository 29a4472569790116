from __future__ import annotations

import pytest

from build_scripts import arabic

# (input, expected search terms) — the same table drives the JS query folding in test_browser.py.
FOLDING = [
    ("عقوبات", ["عقوبات"]),
    ("والعقوبات", ["عقوبات"]),
    ("بالعقوبات", ["عقوبات"]),
    ("العقوبات", ["عقوبات"]),
    ("للعقوبات", ["عقوبات"]),
    ("عُقُوبَات", ["عقوبات"]),
    ("أوكرانيا", ["اوكرانيا"]),
    ("وأوكرانيا", ["اوكرانيا"]),
    ("إسكندر", ["اسكندر"]),
    ("مـــوسكو", ["موسكو"]),
    ("الكورية", ["كوريه"]),
    ("وكالة", ["كاله"]),
    ("فستوتشني", ["ستوتشني"]),
    ("٢٠٢٤", ["2024"]),
    ("KN-23", ["kn", "23"]),
    ("في", ["في"]),
]


@pytest.mark.parametrize(("text", "expected"), FOLDING)
def test_search_terms_fold_prefixes_and_variants(text, expected):
    assert arabic.search_terms(text) == expected


def test_normalise_removes_diacritics_and_tatweel():
    assert arabic.normalise("أحمــد صَبْري") == "احمد صبري"


def test_stem_keeps_short_words_whole():
    assert arabic.stem("ولد") == "ولد"  # three letters: و is not stripped
    assert arabic.stem("بها") == "بها"


def test_bidi_controls_are_detected():
    assert arabic.BIDI_CONTROLS.search("نص\u202bمخفي")
    assert not arabic.BIDI_CONTROLS.search("نص عادي")


def test_a_joiner_goes_where_an_inline_tag_splits_a_word():
    zwj = arabic.ZWJ
    assert arabic.join_across_tags("الكت<em>اب</em>ة") == f"الكت{zwj}<em>{zwj}اب{zwj}</em>{zwj}ة"
    # A diacritic before the tag stays on its letter; several tags in a row get one pair.
    assert arabic.join_across_tags('كَ<a href="#x"><strong>تب</strong></a>') == \
        f'كَ{zwj}<a href="#x"><strong>{zwj}تب</strong></a>'
    # Letters that never join the next one, spaces, Latin text and block tags are left alone.
    for html in ("و<strong>كيم</strong>", "الدار<em>ة</em>", "كتب <em>اب</em>",
                 "<p>كتب</p><p>باب</p>", "Kim<em>Jong</em>", "كتب<br>باب"):
        assert arabic.join_across_tags(html) == html
