"""The writing rules for explainers, side by side, and the warning list they feed."""

from __future__ import annotations

import pytest

from build_scripts import writing
from build_scripts.build import check

from ..conftest import REPO


@pytest.mark.parametrize(("sentence", "lang", "found"), [
    ("It happened last month [¶1].", "en", "last month"),
    ("The fair opened in September 2023, the month before the article [¶1].", "en", None),
    ("The article says “last September” [¶1].", "en", None),
    ("Two days ago, he spoke [¶2].", "en", "Two days ago"),
    ("افتُتح المعرض في سبتمبر الماضي [¶1].", "ar", "الماضي"),
    ("قال إن الزيارة «الشهر الماضي» كانت ناجحة [¶1].", "ar", None),
    ("وصرح أمس بأن [¶2].", "ar", "أمس"),
    ("في أغسطس 2023، أي قبل المقال بشهر [¶3].", "ar", None),
])
def test_relative_dates_are_found_outside_quotations(sentence, lang, found):
    assert writing.relative_date(sentence, lang) == found


def test_word_count_ignores_markers_and_emphasis():
    assert writing.word_count("**Kim Jong-un's** visit, in 2023 [¶1–3].") == 5


def test_long_sentences_are_warnings_not_failures(edition):
    long = " ".join(["word"] * 31)
    content = edition({"articles/city-library-opens/explainer.en.md": f"""\
        ## {{#brief}}

        The city of Al-Waha opened a new public library with 12000 books [¶1]. {long} [¶2].

        ## {{#happened}}

        The municipality opened the library on Saturday [¶1]. It opens six days [¶2].

        ## {{#open}}

        The article does not state what the project cost [¶4].
        """})
    warnings: list = []
    check(REPO, content=content, warnings=warnings)
    assert [str(w) for w in warnings] == [(
        "content/articles/city-library-opens/explainer.en.md:3: sentence of 31 words (over 30): "
        "'word word word word word word word word word word  …' — split it for young readers")]
