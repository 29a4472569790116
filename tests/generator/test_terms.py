"""The glossary matcher, rule by rule, with Arabic examples side by side."""

from __future__ import annotations

import pytest

from build_scripts.terms import Matcher, form

GLOSSARY = Matcher([
    form("sanctions", "عقوبة", suffixes=True),
    form("missile", "صاروخ", suffixes=True),
    form("missile", "صواريخ", suffixes=True),
    form("ballistic", "صاروخ باليستي", suffixes=True),
    form("ballistic", "صواريخ البالستية", suffixes=True),
    form("un", "الأمم المتحدة"),
    form("unsc", "مجلس الأمن الدولي"),
    form("security", "الأمن"),
    form("pyongyang", "بيونغ يانغ"),
    form("pyongyang", "بيونج يانج"),
    form("pyongyang", "بيونغيانغ"),
    form("seoul", "سول"),
    form("seoul", "سيئول"),
    form("container", "حاوية", suffixes=True),
    form("kn23", "KN-23"),
    form("us", "US"),
    form("kremlin", "Kremlin"),
    form("sanctions", "sanction"),
    form("putin", "Putin"),
    form("unsc", "UN Security Council"),
    form("un", "UN"),
])


def found(text: str) -> list[tuple[str, str]]:
    return [(m.term, text[m.start:m.end]) for m in GLOSSARY.find(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # folding: diacritics, tatweel, hamza and alef forms, final yaa and taa marbuta
    ("العُقُوبَات", [("sanctions", "العُقُوبَات")]),
    ("الصـــواريخ", [("missile", "الصـــواريخ")]),
    ("سيؤول سيئول", [("seoul", "سيؤول"), ("seoul", "سيئول")]),
    # clitics و ف ب ك ل, the article and لل, in combination
    ("والعقوبات", [("sanctions", "والعقوبات")]),
    ("بالصواريخ", [("missile", "بالصواريخ")]),
    ("للأمم المتحدة", [("un", "للأمم المتحدة")]),
    ("وبيونغ يانغ", [("pyongyang", "وبيونغ يانغ")]),
    ("فبالعقوبات", [("sanctions", "فبالعقوبات")]),
    # regular endings where the entry allows them; broken plurals are listed as variants
    ("عقوبات", [("sanctions", "عقوبات")]),
    ("صواريخها", [("missile", "صواريخها")]),
    ("حاويات", [("container", "حاويات")]),
    ("صاروخًا", [("missile", "صاروخًا")]),
    ("الصواريخ البالستية", [("ballistic", "الصواريخ البالستية")]),
    ("الصاروخ الباليستي", [("ballistic", "الصاروخ الباليستي")]),
    ("صاروخ باليستي", [("ballistic", "صاروخ باليستي")]),
    # whole words only
    ("رسول", []),
    ("الأمنية", []),
    # longest match wins, across a line break
    ("مجلس الأمن الدولي", [("unsc", "مجلس الأمن الدولي")]),
    ("مجلس الأمن\nالدولي", [("unsc", "مجلس الأمن\nالدولي")]),
    ("الأمن", [("security", "الأمن")]),
    ("مجلس، الأمن الدولي", [("security", "الأمن")]),
    # every spelling outlets use
    ("بيونج يانج وبيونغيانغ", [("pyongyang", "بيونج يانج"), ("pyongyang", "وبيونغيانغ")]),
    # English: case, plurals, possessives, hyphen or space, acronyms kept apart from words
    ("the kremlin's view", [("kremlin", "kremlin's")]),
    ("new Sanctions on", [("sanctions", "Sanctions")]),
    ("KN-23 and KN 23", [("kn23", "KN-23"), ("kn23", "KN 23")]),
    ("Putin’s visit", [("putin", "Putin’s")]),
    ("the US told us", [("us", "US")]),
    ("the UN Security Council and the UN", [("unsc", "UN Security Council"), ("un", "UN")]),
    ("Kim Jong Un", []),
])
def test_matcher(text, expected):
    assert found(text) == expected


def test_an_exclusion_covers_a_longer_phrase_or_a_word_with_a_false_clitic():
    from build_scripts.terms import Form, fold_form

    matcher = Matcher([form("seoul", "سول"), form("us", "أمريكا"),
                       Form("", fold_form("كسول"), False),
                       Form("", fold_form("أمريكا اللاتينية"), False)])
    assert [m.term for m in matcher.find("طالب كسول وسول")] == ["seoul"]
    assert [m.term for m in matcher.find("أمريكا اللاتينية وأمريكا")] == ["us"]


def test_hamza_seats_fold_together():
    matcher = Matcher([form("allies", "حلفاء", suffixes=True)])
    assert len(matcher.find("حلفاؤها وحلفائها وحلفاءها")) == 3
