"""Quiz files for school learning platforms: Moodle GIFT and QTI 1.2 as Canvas imports it.

Question names and identifiers come from the stable ids (`<slug>-<question id>`), so importing
again updates instead of duplicating. Neither format has ordering questions: they become
matching questions (each item → its position), which the answer key says.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

from .i18n import Strings
from .model import Question, Site
from .quiz import localized

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
ZIP_DATE = (2024, 1, 1, 0, 0, 0)  # fixed, so the same content builds the same bytes


def _gift(text: str, *, html: bool = True) -> str:
    """Text for a GIFT file. Question text, options and feedback are HTML to an LMS (Moodle
    reads them so with or without [html]): content is text, so its < > & are escaped. Short
    answers and the right side of a match are compared or listed as plain text: `html=False`."""
    text = " ".join(text.split())
    return _GIFT_SPECIAL.sub(r"\\\1", _html(text) if html else text)


def _positions(question: Question, t: Strings) -> list[str]:
    return [t("Position %(n)s", n=t.number(i + 1)) for i in range(len(question.items))]


def to_gift(site: Site, lang: str, t: Strings) -> bytes:
    """One GIFT file for all articles, a category per article."""
    rtl = site.config.dir(lang) == "rtl"
    out = [f"// {site.config.title[lang]} — {site.config.licence.name}\n"]
    for article in site.articles:
        if not article.quiz:
            continue
        category = _gift(article.title[lang], html=False).replace("/", "-")
        out.append(f"\n$CATEGORY: $course$/{category}\n\n")
        for q in article.quiz:
            prompt = _gift(localized(q, q.prompt, lang, t))
            if rtl:
                prompt = f'[html]<p dir="rtl">{prompt}</p>'
            feedback = _gift(localized(q, q.explanation, lang, t))
            out.append(f"::{article.slug}-{q.id}::{prompt} {{\n{_gift_answers(q, lang, t)}"
                       f"####{feedback}\n}}\n\n")
    return "".join(out).encode("utf-8")


def _gift_answers(q: Question, lang: str, t: Strings) -> str:
    if q.type == "single":
        return "".join(f"{'=' if o.correct else '~'}{_gift(o.text[lang])}\n" for o in q.options)
    if q.type == "multiple":
        right = sum(o.correct for o in q.options)
        wrong = len(q.options) - right
        lines = []
        for o in q.options:
            weight = _weight(100 / right) if o.correct else _weight(-100 / max(wrong, 1))
            lines.append(f"~%{weight}%{_gift(o.text[lang])}\n")
        return "".join(lines)
    if q.type == "true-false":
        return "TRUE\n" if q.answer else "FALSE\n"
    if q.type == "short":
        return "".join(f"={_gift(a, html=False)}\n" for a in q.accept.get(lang, ()))
    if q.type == "match":
        return "".join(f"={_gift(localized(q, p.left, lang, t))} -> "
                       f"{_gift(localized(q, p.right, lang, t), html=False)}\n" for p in q.pairs)
    positions = _positions(q, t)  # order → match each item to its position
    return "".join(f"={_gift(localized(q, item, lang, t))} -> {_gift(positions[i], html=False)}\n"
                   for i, item in enumerate(q.items))


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


# --- QTI 1.2 (Canvas) ------------------------------------------------------------------------------

QTI_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
             "true-false": "true_false_question", "short": "short_answer_question",
             "match": "matching_question", "order": "matching_question"}


def to_qti(site: Site, lang: str, t: Strings) -> bytes:
    """A zip with one QTI 1.2 assessment per article and the IMS manifest Canvas reads."""
    buffer = io.BytesIO()
    resources = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for article in site.articles:
            if not article.quiz:
                continue
            ident = f"{article.slug}-{lang}"
            path = f"{ident}/{ident}.xml"
            _write(archive, path, _assessment(article, lang, t, ident,
                                              site.config.dir(lang) == "rtl"))
            resources.append((ident, path))
        _write(archive, "imsmanifest.xml", _manifest(resources, site, lang))
    return buffer.getvalue()


def _write(archive: zipfile.ZipFile, name: str, root: ET.Element) -> None:
    ET.indent(root)
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"


def _assessment(article, lang: str, t: Strings, ident: str, rtl: bool) -> ET.Element:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = ET.SubElement(root, "assessment", {"ident": ident,
                                                    "title": article.title[lang]})
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    for q in article.quiz:
        section.append(_item(article.slug, q, lang, t, rtl))
    return root


def _mattext(parent: ET.Element, text: str, rtl: bool = False) -> None:
    material = ET.SubElement(parent, "material")
    node = ET.SubElement(material, "mattext", {"texttype": "text/html" if rtl else "text/plain"})
    node.text = f'<div dir="rtl">{_html(text)}</div>' if rtl else text


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _item(slug: str, q: Question, lang: str, t: Strings, rtl: bool) -> ET.Element:
    item = ET.Element("item", {"ident": f"{slug}-{q.id}", "title": q.id})
    meta = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", QTI_TYPES[q.type]), ("points_possible", "1")):
        field = ET.SubElement(meta, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry
    presentation = ET.SubElement(item, "presentation")
    _mattext(presentation, localized(q, q.prompt, lang, t), rtl)
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", {"maxvalue": "100", "minvalue": "0", "varname": "SCORE",
                                       "vartype": "Decimal"})
    if q.type in ("single", "multiple", "true-false"):
        options = ([(f"o{i}", o.text[lang], o.correct) for i, o in enumerate(q.options)]
                   if q.type != "true-false" else
                   [("true", t("True"), q.answer is True), ("false", t("False"), q.answer is False)])
        cardinality = "Multiple" if q.type == "multiple" else "Single"
        lid = ET.SubElement(presentation, "response_lid", {"ident": "response1",
                                                          "rcardinality": cardinality})
        choices = ET.SubElement(lid, "render_choice")
        for ident, label, _ in options:
            label_node = ET.SubElement(choices, "response_label", {"ident": ident})
            _mattext(label_node, label, rtl)
        condition = ET.SubElement(processing, "respcondition", {"continue": "No"})
        test = ET.SubElement(condition, "conditionvar")
        if q.type == "multiple":
            test = ET.SubElement(test, "and")
            for ident, _, right in options:
                node = test if right else ET.SubElement(test, "not")
                ET.SubElement(node, "varequal", {"respident": "response1"}).text = ident
        else:
            right = next(ident for ident, _, ok in options if ok)
            ET.SubElement(test, "varequal", {"respident": "response1"}).text = right
        ET.SubElement(condition, "setvar", {"action": "Set", "varname": "SCORE"}).text = "100"
    elif q.type == "short":
        ET.SubElement(ET.SubElement(presentation, "response_str",
                                    {"ident": "response1", "rcardinality": "Single"}),
                      "render_fib")
        condition = ET.SubElement(processing, "respcondition", {"continue": "No"})
        test = ET.SubElement(condition, "conditionvar")
        for answer in q.accept.get(lang, ()):
            ET.SubElement(test, "varequal", {"respident": "response1"}).text = answer
        ET.SubElement(condition, "setvar", {"action": "Set", "varname": "SCORE"}).text = "100"
    else:  # match, and order as matching each item to its position
        if q.type == "match":
            lefts = [localized(q, p.left, lang, t) for p in q.pairs]
            rights = [localized(q, p.right, lang, t) for p in q.pairs]
        else:
            lefts, rights = [localized(q, i, lang, t) for i in q.items], _positions(q, t)
        share = _weight(100 / len(lefts))
        for i, left in enumerate(lefts):
            lid = ET.SubElement(presentation, "response_lid", {"ident": f"response_l{i}"})
            _mattext(lid, left, rtl)
            choices = ET.SubElement(lid, "render_choice")
            for k, right in enumerate(rights):
                label_node = ET.SubElement(choices, "response_label", {"ident": f"r{k}"})
                _mattext(label_node, right, rtl)
            condition = ET.SubElement(processing, "respcondition")
            ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal",
                          {"respident": f"response_l{i}"}).text = f"r{i}"
            ET.SubElement(condition, "setvar", {"action": "Add", "varname": "SCORE"}).text = share
    feedback = ET.SubElement(item, "itemfeedback", {"ident": "general_fb"})
    _mattext(ET.SubElement(feedback, "flow_mat"), localized(q, q.explanation, lang, t), rtl)
    return item


def _manifest(resources: list[tuple[str, str]], site: Site, lang: str) -> ET.Element:
    ns = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
    root = ET.Element("manifest", {"identifier": f"quizzes-{lang}", "xmlns": ns})
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    node = ET.SubElement(root, "resources")
    for ident, path in resources:
        resource = ET.SubElement(node, "resource", {"identifier": ident,
                                                    "type": "imsqti_xmlv1p2", "href": path})
        ET.SubElement(resource, "file", {"href": path})
    return root
