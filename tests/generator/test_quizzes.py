"""Quizzes: pages, worksheets, answer keys and LMS files from one source; answers out of sight."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace

import pytest
from pygiftparser import parser as gift_parser

from build_scripts import quiz
from build_scripts.enrich import enrich
from build_scripts.i18n import load_strings
from build_scripts.outputs.common import View
from build_scripts.outputs.quizzes import question_form

from ..conftest import REPO


@pytest.fixture(scope="module")
def site(small_site):
    return small_site


def test_quiz_worksheet_and_answer_key_in_every_language(site):
    for lang in ("ar", "en"):
        assert (site / f"{lang}/quizzes/city-library-opens.html").exists()
        worksheet = (site / f"{lang}/teachers/worksheet-city-library-opens.html").read_text("utf-8")
        key = (site / f"{lang}/teachers/answers-city-library-opens.html").read_text("utf-8")
        assert 'class="worksheet"' in worksheet and 'class="answer-key"' in key
    key = (site / "en/teachers/answers-city-library-opens.html").read_text("utf-8")
    assert "<strong>Answer:</strong> Salma Haddad / Haddad" in key
    student_pages = [p for p in site.rglob("*.html") if "/teachers/" not in p.as_posix()]
    for page in student_pages:
        assert "teachers/answers-" not in page.read_text("utf-8"), page


def test_generated_vocabulary_question(site):
    page = (site / "en/quizzes/city-library-opens.html").read_text("utf-8")
    assert 'data-q="key-terms-match" data-type="match"' in page
    assert "Match each term to what it means." in page


def test_gift_reads_back_with_a_real_parser(site):
    for lang in ("ar", "en"):
        text = (site / f"exports/quizzes-{lang}.gift").read_text("utf-8")
        questions = gift_parser.parseFile(io.StringIO(text))
        kinds = {q.title: type(q.answers).__name__ for q in questions}
        assert kinds == {"city-library-opens-how-many-books": "SelectSet",
                         "city-library-opens-entry-is-free": "TrueFalseSet",
                         "city-library-opens-who-is-director": "ShortSet",
                         "city-library-opens-what-is-there": "MultipleChoicesSet",
                         "city-library-opens-key-terms-match": "MatchingSet"}
        single = next(q for q in questions if q.title.endswith("how-many-books"))
        assert [a.answer for a in single.answers.answers if a.fraction == 100] == ["12000"]
    assert '[html]<p dir="rtl">' in (site / "exports/quizzes-ar.gift").read_text("utf-8")


def test_qti_package_is_well_formed_and_complete(site):
    with zipfile.ZipFile(site / "exports/quizzes-en-qti.zip") as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        hrefs = [r.get("href") for r in manifest.iter() if r.tag.endswith("resource")]
        assert hrefs == ["city-library-opens-en/city-library-opens-en.xml"]
        root = ET.fromstring(archive.read(hrefs[0]))
    ns = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    items = root.findall(".//q:item", ns)
    assert [i.get("ident") for i in items] == [
        "city-library-opens-how-many-books", "city-library-opens-entry-is-free",
        "city-library-opens-who-is-director", "city-library-opens-what-is-there",
        "city-library-opens-key-terms-match"]
    types = [i.find(".//q:fieldentry", ns).text for i in items]
    assert types == ["multiple_choice_question", "true_false_question", "short_answer_question",
                     "multiple_answers_question", "matching_question"]


def test_nothing_in_the_page_depends_on_which_answer_is_right(tmp_path, edition):
    """Move the right answer: only the opaque hashes and the encoded explanation change."""
    from build_scripts.build import check

    site = enrich(check(REPO, content=edition()))
    article = site.article("city-library-opens")
    question = article.quiz[0]
    moved = replace(question, options=tuple(replace(o, correct=not o.correct) if k < 2 else o
                                            for k, o in enumerate(question.options)))
    view = View(site, "en", load_strings(tmp_path, "en", __import__(
        "build_scripts.errors").errors.Problems(tmp_path)), "../")
    strip = re.compile(r' data-(hashes|explanation)="[^"]*"')
    one, two = (strip.sub("", str(question_form(article, q, 1, view))) for q in (question, moved))
    assert one == two
    assert "holds 12000 books" not in str(question_form(article, question, 1, view))


@pytest.mark.parametrize(("typed", "folded"), [
    ("  Salma   HADDAD ", "salma haddad"), ("سَلمى حدّاد", "سلمي حداد"),
    ("والعقوبات", "عقوبات"), ("بيونغ-يانغ", "يونغ يانغ"), ("KN-23", "kn 23"),
])
def test_typed_answers_fold_like_search(typed, folded):
    assert quiz.fold_answer(typed) == folded


def test_quizzes_worksheets_and_keys_stay_out_of_search(site):
    import json

    for lang in ("ar", "en"):
        index = json.loads((site / f"{lang}/search/search_index.json").read_text("utf-8"))
        places = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert not {p for p in places if p.startswith(("teachers/", "quizzes/"))}, places
