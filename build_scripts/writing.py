"""Rules for the editors' own writing (explainers), per language: readable by a 15-year-old.

- Relative dates ("last month", «الشهر الماضي») are wrong for a reader a year later: outside a
  quotation they are an error — resolve them ("in August 2023, the month before the article").
- Sentences over `LONG_SENTENCE` words are listed as warnings, not failures: split them.
"""

from __future__ import annotations

import re

LONG_SENTENCE = 30
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december")
RELATIVE_DATES = {
    "en": re.compile(rf"\b(?:(?:last|next|this|coming) (?:week|month|year|{_MONTHS}|spring|"
                     r"summer|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|"
                     r"sunday)|yesterday|the day before yesterday|tomorrow|today|recently|"
                     r"\w+ (?:days|weeks|months|years) ago)\b", re.IGNORECASE),
    "ar": re.compile(r"(?:الماضي|الماضية|المنصرم|المنصرمة|أمس|البارحة|المقبل|المقبلة|القادم|"
                     r"القادمة|الجاري|الحالي|هذا العام|هذا الشهر|هذا الأسبوع|غدًا|غدا|اليوم)"
                     r"(?![\w])"),
}
# Quoted words are the article's, kept as it wrote them; the check looks outside quotations.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_MARKUP = re.compile(r"\[¶[^\]]*\]|\*+")


def relative_date(sentence: str, lang: str) -> str | None:
    """The relative-date words of `sentence` outside quotation marks, if any."""
    rule = RELATIVE_DATES.get(lang)
    if rule is None:
        return None
    match = rule.search(_QUOTED.sub(" ", sentence))
    return match.group(0) if match else None


def word_count(sentence: str) -> int:
    """Words of a sentence, citation markers and emphasis left out."""
    return len(re.findall(r"\w+(?:[-'’]\w+)*", _MARKUP.sub(" ", sentence)))
