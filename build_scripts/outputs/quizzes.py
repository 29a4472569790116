"""Quizzes: an interactive quiz per article and language; for teachers, a printable worksheet and
an answer key (pages no student page links to); and the LMS files (Moodle GIFT, Canvas QTI).

The quiz page holds no answer: only salted hashes of the correct responses, and the explanation
encoded, shown after a check (build_scripts/quiz.py, overrides/assets/javascripts/quiz.js).
"""

from __future__ import annotations

import base64
import hashlib
import json

from markupsafe import Markup

from .. import arabic, lms, markup
from ..i18n import Strings
from ..model import Article, Question, Site, Text
from ..quiz import correct_responses, digest, localized, salt, shuffled
from . import Artefact, BaseOutput, Page
from .common import View, pdf_offer

LETTERS = {"ar": "أبجدهوزحطي", "en": "ABCDEFGHIJ"}


class Quizzes(BaseOutput):
    """`quizzes/<slug>.md`, `teachers/worksheet-<slug>.md`, `teachers/answers-<slug>.md`."""

    name = "quizzes"

    def nav_title(self, t: Strings) -> str:
        """Quizzes are grouped under one heading."""
        return t("Quizzes")

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """A quiz, a worksheet and an answer key per article that has questions."""
        out = []
        for article in site.articles:
            if not article.quiz:
                continue
            sources = (article.origin, *(q.origin for q in article.quiz[:1]))
            title = t("Quiz: %(title)s", title=article.title[lang])
            out.append(Page(f"quizzes/{article.slug}.md", article.title[lang],
                            quiz_page(article, View(site, lang, t, "../"), title),
                            sources=sources))
            out.append(Page(f"teachers/worksheet-{article.slug}.md",
                            t("Worksheet: %(title)s", title=article.title[lang]),
                            worksheet(article, View(site, lang, t, "../")), sources=sources,
                            nav=False))
            out.append(Page(f"teachers/answers-{article.slug}.md",
                            t("Answer key: %(title)s", title=article.title[lang]),
                            answer_key(article, View(site, lang, t, "../")), sources=sources,
                            nav=False))
        return out

    def artefacts(self, site: Site, strings: dict[str, Strings]) -> list[Artefact]:
        """GIFT and QTI files per language."""
        if not any(a.quiz for a in site.articles):
            return []
        origins = tuple(q.origin for a in site.articles for q in a.quiz[:1])
        out = []
        for lang in site.config.codes:
            t = strings[lang]
            out.append(Artefact(f"exports/quizzes-{lang}.gift", lms.to_gift(site, lang, t),
                                origins))
            out.append(Artefact(f"exports/quizzes-{lang}-qti.zip", lms.to_qti(site, lang, t),
                                origins))
        return out


OUTPUT = Quizzes()


def text(question: Question, value: Text, v: View) -> str:
    """A question's text in the page's language."""
    return localized(question, value, v.lang, v.t)


def _encode(html: str, key: str) -> str:
    """Explanation HTML, not readable in the page source: XOR with a key stream, base64."""
    data = html.encode("utf-8")
    stream = hashlib.sha256(key.encode()).digest()
    return base64.b64encode(bytes(b ^ stream[i % len(stream)] for i, b in enumerate(data))
                            ).decode()


def letter(v: View, i: int) -> str:
    """Option letters: أ ب ج د in Arabic, A B C D in English."""
    letters = LETTERS.get(v.lang, LETTERS["en"])
    return letters[i] if i < len(letters) else str(i + 1)


def evidence_links(article: Article, question: Question, v: View) -> Markup:
    """Links to the paragraphs that answer the question."""
    return Markup(" ").join(
        Markup('<a class="cite" dir="ltr" href="{}articles/{}.html#{}">¶{}</a>').format(
            v.root, article.slug, b, b[1:]) for b in question.evidence)


def quiz_page(article: Article, v: View, title: str) -> str:
    """The interactive quiz."""
    lang = v.lang
    rules = {"arabic": arabic.js_rules()}
    questions = Markup("\n").join(question_form(article, q, n, v)
                                  for n, q in enumerate(article.quiz, start=1))
    count = len(article.quiz)
    body = Markup(
        '<div class="quiz" data-quiz="{}/{}" data-lang="{}" data-right="{}" data-wrong="{}" '
        'data-empty="{}" data-distinct="{}">'
        '<p class="quiz__intro">{} {} <a href="../articles/{}.html">{}</a></p>'
        '<p class="quiz__score" role="status" aria-live="polite" data-template="{}" '
        'data-count="{}"></p>{}'
        '<p class="quiz__end"><button type="button" class="md-button" data-reset>{}</button></p>'
        '<script type="application/json" class="quiz-rules">{}</script></div>').format(
        lang, article.slug, lang, v.t("Right"), v.t("Not quite"), v.t("Choose an answer first."),
        v.t("Give each item a different place."),
        markup.text(v.t.plural("%(num)s question.", "%(num)s questions.", count), rtl=v.rtl),
        v.ui("Quiz intro"), article.slug, v.ui("Read the article first"),
        v.t("%(right)s of %(total)s right · %(done)s answered"), count, questions,
        v.ui("Start again"), Markup(json.dumps(rules, ensure_ascii=False)))
    # Out of search: quiz questions would crowd the articles out of the results.
    return (markup.front_matter(title, script="quiz", searchable=False) + f"# {v.text(title)}\n\n"
            + pdf_offer(v, f"{article.slug}.pdf", "Article and worksheet (PDF)") + str(body) + "\n")


def question_form(article: Article, q: Question, n: int, v: View) -> Markup:
    """One question: a form with a fieldset, its controls, a check button and feedback."""
    lang = v.lang
    key = salt(article.slug, q)
    hashes = " ".join(digest(key, r) for r in correct_responses(q, lang))
    explanation = Markup('<p>{}</p><p class="quiz__evidence">{}: {}</p>').format(
        v.text(text(q, q.explanation, v)), v.ui("Where the article says so"),
        evidence_links(article, q, v))
    controls = CONTROLS[q.type](article, q, v)
    return Markup(
        '<form class="quiz__q" id="q-{}" data-q="{}" data-type="{}" data-salt="{}" '
        'data-hashes="{}" data-explanation="{}" novalidate><fieldset><legend>'
        '<span class="quiz__num">{}.</span> {}</legend>{}</fieldset>'
        '<div class="quiz__actions"><button type="submit" class="md-button md-button--primary">{}'
        '</button> <button type="button" class="md-button" data-retry hidden>{}</button></div>'
        '<div class="quiz__feedback" role="status" aria-live="polite"></div>'
        '<div class="quiz__explanation" hidden></div></form>').format(
        q.id, q.id, q.type, key, hashes, _encode(str(explanation), key + "/explanation"), n,
        v.text(text(q, q.prompt, v)), controls, v.ui("Check"), v.ui("Try again"))


def _choices(article: Article, q: Question, v: View, kind: str) -> Markup:
    order = shuffled(q, len(q.options), article.slug)
    items = Markup("").join(
        Markup('<li><label><input type="{}" name="{}" value="o{}"> <span class="quiz__letter" '
               'aria-hidden="true">{}</span> <span>{}</span></label></li>').format(
            kind, q.id, i, letter(v, k), v.text(q.options[i].text[v.lang]))
        for k, i in enumerate(order))
    return Markup('<ul class="quiz__options">{}</ul>').format(items)


def _single(article, q, v):
    return _choices(article, q, v, "radio")


def _multiple(article, q, v):
    return Markup('<p class="quiz__hint">{}</p>').format(v.ui("Choose every right answer.")) + \
        _choices(article, q, v, "checkbox")


def _true_false(article, q, v):
    return Markup('<ul class="quiz__options">{}</ul>').format(Markup("").join(
        Markup('<li><label><input type="radio" name="{}" value="{}"> {}</label></li>').format(
            q.id, value, v.ui(label)) for value, label in (("true", "True"), ("false", "False"))))


def _order(article, q, v):
    order = shuffled(q, len(q.items), article.slug)
    count = len(q.items)
    rows = Markup("").join(
        Markup('<li data-item="i{}"><label><span class="quiz__pos">{}</span> <select>'
               '<option value="">—</option>{}</select></label> <span>{}</span></li>').format(
            i, v.ui("Position"), Markup("").join(
                Markup('<option value="{}">{}</option>').format(p, v.t.number(p))
                for p in range(1, count + 1)), v.text(text(q, q.items[i], v)))
        for i in order)
    return Markup('<p class="quiz__hint">{}</p><ul class="quiz__order">{}</ul>').format(
        v.ui("Give each item its place: 1 for the first."), rows)


def _match(article, q, v):
    order = shuffled(q, len(q.pairs), article.slug)
    options = Markup("").join(Markup('<option value="r{}">{}</option>').format(
        i, text(q, q.pairs[i].right, v)) for i in order)
    rows = Markup("").join(
        Markup('<li><label><span class="quiz__left">{}</span> <select data-left="l{}">'
               '<option value="">—</option>{}</select></label></li>').format(
            v.text(text(q, pair.left, v)), i, options) for i, pair in enumerate(q.pairs))
    return Markup('<ul class="quiz__match">{}</ul>').format(rows)


def _short(article, q, v):
    return Markup('<label class="quiz__short">{} <input type="text" name="{}" autocomplete="off" '
                  'spellcheck="false" dir="auto"></label>').format(v.ui("Your answer"), q.id)


CONTROLS = {"single": _single, "multiple": _multiple, "true-false": _true_false,
            "order": _order, "match": _match, "short": _short}


# --- for teachers -------------------------------------------------------------------------------

def worksheet(article: Article, v: View) -> str:
    """The worksheet page."""
    return _teachers_page(v, v.t("Worksheet: %(title)s", title=article.title[v.lang]),
                          pdf_offer(v, f"{article.slug}.pdf", "Article and worksheet (PDF)"),
                          worksheet_html(article, v))


def _teachers_page(v: View, title: str, offer: str, html: Markup) -> str:
    """A page for teachers: out of search, its PDF offered above the content."""
    return (markup.front_matter(title, searchable=False) + f"# {v.text(title)}\n\n"
            + offer + str(html) + "\n")


def worksheet_html(article: Article, v: View) -> Markup:
    """Numbered questions, options, lines for answers; no answers."""
    blocks = []
    for n, q in enumerate(article.quiz, start=1):
        head = Markup('<h2 class="ws__q"><span>{}.</span> {}</h2>').format(
            n, v.text(text(q, q.prompt, v)))
        if q.type in ("single", "multiple"):
            order = shuffled(q, len(q.options), article.slug)
            body = Markup('<ol class="ws__options" role="list">{}</ol>').format(Markup("").join(
                Markup("<li><span>{}</span> {}</li>").format(
                    letter(v, k), v.text(q.options[i].text[v.lang])) for k, i in enumerate(order)))
            if q.type == "multiple":
                body = Markup('<p class="ws__hint">{}</p>').format(
                    v.ui("Choose every right answer.")) + body
        elif q.type == "true-false":
            body = Markup('<p class="ws__tf">{} ☐ &nbsp; {} ☐</p>').format(v.ui("True"),
                                                                          v.ui("False"))
        elif q.type == "order":
            order = shuffled(q, len(q.items), article.slug)
            body = Markup('<ul class="ws__order">{}</ul>').format(Markup("").join(
                Markup('<li><span class="ws__blank">____</span> {}</li>').format(
                    v.text(text(q, q.items[i], v))) for i in order))
        elif q.type == "match":
            order = shuffled(q, len(q.pairs), article.slug)
            left = Markup("").join(Markup("<li>{} <span class=\"ws__blank\">____</span></li>")
                                   .format(v.text(text(q, p.left, v))) for p in q.pairs)
            right = Markup("").join(Markup("<li><span>{}</span> {}</li>").format(
                letter(v, k), v.text(text(q, q.pairs[i].right, v))) for k, i in enumerate(order))
            body = Markup('<div class="ws__match"><ol>{}</ol><ol role="list">{}</ol></div>'
                          ).format(left, right)
        else:
            body = Markup('<p class="ws__lines"><span></span><span></span></p>')
        blocks.append(Markup('<section class="ws__item">{}{}</section>').format(head, body))
    top = Markup('<p class="ws__name">{}: ______________________ &nbsp; {}: __________</p>'
                 ).format(v.ui("Name"), v.ui("Date"))
    return Markup('<div class="worksheet">{}{}</div>').format(top, Markup("\n").join(blocks))


def answer_key(article: Article, v: View) -> str:
    """The answer key page (teachers only: never in the search that student pages offer)."""
    return _teachers_page(v, v.t("Answer key: %(title)s", title=article.title[v.lang]),
                          pdf_offer(v, f"{article.slug}-answers.pdf", "Answer key (PDF)"),
                          answer_key_html(article, v))


def answer_key_html(article: Article, v: View) -> Markup:
    """The answers, explanations and evidence, for teachers only."""
    rows = []
    for n, q in enumerate(article.quiz, start=1):
        rows.append(Markup(
            '<section class="key__item" id="{}"><h2><span>{}.</span> {}</h2>'
            '<p class="key__answer"><strong>{}:</strong> {}</p><p>{}</p>'
            '<p class="quiz__evidence">{}: {}</p></section>').format(
            q.id, n, v.text(text(q, q.prompt, v)), v.ui("Answer"), right_answer(article, q, v),
            v.text(text(q, q.explanation, v)), v.ui("Where the article says so"),
            evidence_links(article, q, v)))
    note = Markup('<p class="key__note">{}</p>').format(v.ui("Answer key note"))
    return Markup('<div class="answer-key">{}{}</div>').format(note, Markup("\n").join(rows))


def right_answer(article: Article, q: Question, v: View) -> Markup:
    """The right answer as a teacher reads it."""
    if q.type in ("single", "multiple"):
        order = shuffled(q, len(q.options), article.slug)
        return Markup("; ").join(Markup("{} {}").format(letter(v, k),
                                                        v.text(q.options[i].text[v.lang]))
                                 for k, i in enumerate(order) if q.options[i].correct)
    if q.type == "true-false":
        return v.ui("True" if q.answer else "False")
    if q.type == "order":
        return Markup(" → ").join(v.text(text(q, item, v)) for item in q.items)
    if q.type == "match":
        return Markup("; ").join(Markup("{} — {}").format(v.text(text(q, p.left, v)),
                                                         v.text(text(q, p.right, v)))
                                 for p in q.pairs)
    return Markup(" / ").join(v.text(a) for a in q.accept.get(v.lang, ()))

