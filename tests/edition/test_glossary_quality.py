"""The matcher against hand-labelled mentions in this edition's articles (labelled by reading,
not by running the matcher): precision and recall, and near-misses that must not match."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from build_scripts import terms
from build_scripts.build import check

REPO = Path(__file__).resolve().parents[2]
LABELS = yaml.safe_load((Path(__file__).parent / "glossary_mentions.yml").read_text("utf-8"))


@pytest.fixture(scope="module")
def edition():
    site = check(REPO)
    matcher = terms.glossary_matcher(site.terms)
    return site, matcher


def paragraph_text(site, ref: str, lang: str) -> str:
    slug, block = ref.split("#")
    article = site.article(slug)
    return article.text_of(article.block(block), lang)[0]


def test_precision_and_recall_on_labelled_mentions(edition, capsys):
    site, matcher = edition
    truth, found = Counter(), Counter()
    misses, extras = [], []
    for paragraph in LABELS["paragraphs"]:
        text = paragraph_text(site, paragraph["ref"], paragraph["lang"])
        want = Counter((paragraph["ref"], paragraph["lang"], m["term"], m["text"])
                       for m in paragraph["mentions"])
        got = Counter((paragraph["ref"], paragraph["lang"], m.term, text[m.start:m.end])
                      for m in matcher.find(text))
        truth += want
        found += got
        misses += list((want - got).elements())
        extras += list((got - want).elements())
    correct = sum((truth & found).values())
    precision = correct / sum(found.values())
    recall = correct / sum(truth.values())
    with capsys.disabled():
        print(f"\nglossary matcher: {sum(truth.values())} labelled mentions, precision "
              f"{precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.97, extras
    assert recall >= 0.97, misses


def test_near_misses_do_not_match(edition, capsys):
    _, matcher = edition
    wrong = [(case["text"], case["not"]) for case in LABELS["near_misses"]
             if any(m.term == case["not"] for m in matcher.find(case["text"]))]
    with capsys.disabled():
        print(f"near-misses: {len(LABELS['near_misses']) - len(wrong)}/"
              f"{len(LABELS['near_misses'])} rightly not matched")
    assert not wrong


def test_the_labelled_set_is_large_enough():
    mentions = sum(len(p["mentions"]) for p in LABELS["paragraphs"])
    assert mentions >= 150 and len(LABELS["near_misses"]) >= 50
