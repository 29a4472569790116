"""Quizzes: one bilingual source per article (`quiz.yml`) → typed questions, checked once;
questions made from data (a vocabulary match from the article's key terms, an ordering question
from its timeline events); the folding and hashing that keep answers out of the page.

Hand-written hashing: the page keeps only salted SHA-256 hashes of the correct responses; the
quiz script computes the same hash of the reader's response (SubtleCrypto is missing on a plain
http school server, so the script carries its own SHA-256; tested against hashlib).
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

from . import arabic, schema
from .errors import Problems
from .model import Article, Event, Option, Origin, Pair, Question, Site, Text

TYPES = ("single", "multiple", "true-false", "order", "match", "short")
SKILLS = ("recall", "vocabulary", "inference", "source")
GENERATED_TERMS = 4
GENERATED_EVENTS = 5


def quiz_schema(languages: tuple[str, ...]) -> schema.Schema:
    """The schema of `quiz.yml`."""
    option = schema.Schema("an answer option", {
        **{lang: schema.F(f"the option in {lang}") for lang in languages},
        "correct": schema.F("true for a correct option", kind=bool, required=False),
    }, make=lambda correct=False, **text: Option(Text(text), bool(correct)))
    item = schema.Schema("an item", {lang: schema.F(f"the item in {lang}") for lang in languages},
                         make=lambda **text: Text(text))
    pair = schema.Schema("a matching pair", {
        "left": schema.F("what is matched", kind=schema.TextIn()),
        "right": schema.F("its partner", kind=schema.TextIn()),
    }, make=Pair)
    accept = schema.Schema("accepted answers", {
        lang: schema.F(f"answers accepted in {lang}", kind=schema.ListOf(str, 1))
        for lang in languages})
    question = schema.Schema("a question", {
        "id": schema.F("a stable kebab-case id", pattern=schema.SLUG,
                       pattern_hint="lowercase words joined by -"),
        "type": schema.F("the kind of question", choices=TYPES),
        "skill": schema.F("what it exercises", choices=SKILLS),
        "prompt": schema.F("the question", kind=schema.TextIn()),
        "options": schema.F("single and multiple: the options", kind=schema.ListOf(option),
                            required=False),
        "answer": schema.F("true-false: true or false", kind=bool, required=False),
        "items": schema.F("order: the items in the right order", kind=schema.ListOf(item),
                          required=False),
        "pairs": schema.F("match: the pairs", kind=schema.ListOf(pair), required=False),
        "accept": schema.F("short: the answers accepted", kind=accept, required=False),
        "explanation": schema.F("shown after answering", kind=schema.TextIn()),
        "evidence": schema.F("paragraph ids that answer it", kind=schema.ListOf(str, 1)),
    }, example="  - id: summit-place\n    type: single\n    skill: recall")
    return schema.Schema("the quiz", {"questions": schema.F("the questions",
                                                          kind=schema.ListOf(question, 1))})


def load_quiz(path: Path, rel: str, article: Article, ctx: schema.Context, problems: Problems,
              load_yaml) -> tuple[Question, ...]:
    """Read and check `quiz.yml`; every problem is recorded, broken questions are left out."""
    data = load_yaml(path, quiz_schema(ctx.languages), ctx, problems, required=False)
    if not data or not data.get("questions"):
        return ()
    paragraphs = {b.id for b in article.blocks if b.kind != "heading"}
    out = []
    for raw, line in schema.unique(data["questions"], path, "question", problems):
        where = f"question {raw['id']}"
        ok = _check_kind(raw, path, line, where, problems)
        for ident in raw["evidence"]:
            if ident not in paragraphs:
                problems.add(path, line, f"{where}: evidence '{ident}' is not a paragraph of "
                             f"{article.slug}", "cite a paragraph id of its text, e.g. p3")
                ok = False
        if not ok:
            continue
        accept = {lang: tuple(v) for lang, v in (raw.get("accept") or {}).items()}
        out.append(Question(
            id=raw["id"], type=raw["type"], skill=raw["skill"], prompt=raw["prompt"],
            explanation=raw["explanation"], evidence=tuple(raw["evidence"]),
            options=tuple(raw.get("options") or ()), answer=raw.get("answer"),
            items=tuple(raw.get("items") or ()), pairs=tuple(raw.get("pairs") or ()),
            accept=accept, origin=Origin(rel, line)))
    return tuple(out)


def _check_kind(raw: dict, path: Path, line: int, where: str, problems: Problems) -> bool:
    kind = raw["type"]
    needs = {"single": "options", "multiple": "options", "true-false": "answer",
             "order": "items", "match": "pairs", "short": "accept"}[kind]
    if raw.get(needs) is None:
        problems.add(path, line, f"{where}: a {kind} question needs '{needs}'",
                     f"add {needs}: (see content/README.md)")
        return False
    if isinstance(raw[needs], list) and any(x is None for x in raw[needs]):
        return False  # a broken item is reported; counting without it would blame the rest
    if kind in ("single", "multiple"):
        correct = sum(o.correct for o in raw["options"] if o)
        if correct == 0:
            problems.add(path, line, f"{where}: no option is marked correct: true",
                         "mark the right answer with correct: true")
            return False
        if kind == "single" and correct > 1:
            problems.add(path, line, f"{where}: {correct} options are correct in a single-choice "
                         "question", "mark only one, or make it type: multiple")
            return False
        if len(raw["options"]) < 2:
            problems.add(path, line, f"{where}: needs at least two options", "add options")
            return False
    if kind in ("order", "match") and len(raw[needs]) < 2:
        problems.add(path, line, f"{where}: needs at least two {needs}", f"add {needs}")
        return False
    return all(x is not None for x in raw[needs]) if isinstance(raw[needs], list) else True


# --- questions made from data ----------------------------------------------------------------

def generated(site: Site, article: Article) -> tuple[Question, ...]:
    """A vocabulary match from the article's key terms and an ordering question from its
    timeline events, in every language."""
    out = []
    codes = site.config.codes
    proper = {c.id for c in site.config.categories if c.names}
    ranked = [site.term(t) for t in site.key_terms.get(article.slug, ())]
    # Vocabulary means words more than names: concepts and things first, names to fill up.
    terms = sorted((t for t in ranked if t), key=lambda t: t.category in proper)[:GENERATED_TERMS]
    if len(terms) >= 3:
        usage = {t.id: site.usage.get(t.id) for t in terms}
        evidence = sorted({b for t in terms if usage[t.id]
                           for b, _ in usage[t.id].places.get(codes[0], {}).get(article.slug, ())},
                          key=lambda b: (int(b[1:]), b))[:4]
        out.append(Question(
            id="key-terms-match", type="match", skill="vocabulary",
            prompt=_ui(codes, "Match each term to what it means."),
            explanation=_ui(codes, "The glossary explains each of these terms."),
            evidence=tuple(evidence),
            pairs=tuple(Pair(Text({c: t.name(c) for c in codes}), t.short) for t in terms),
            generated=True, origin=Origin(terms[0].origin.path, terms[0].origin.line)))
    events = _events_of(site.timeline, article.slug)
    if len(events) >= 3:
        out.append(Question(
            id="timeline-order", type="order", skill="recall",
            prompt=_ui(codes, "Put these events in the order they happened."),
            explanation=_ui(codes, "The timeline gives each event's date and its source."),
            evidence=tuple(sorted({r.block for e in events for r in e.sources
                                   if r.slug == article.slug}, key=lambda b: int(b[1:]))),
            items=tuple(e.text for e in events), generated=True, origin=events[0].origin))
    return tuple(out)


def _events_of(timeline: tuple[Event, ...], slug: str) -> list[Event]:
    """Up to five of the article's events, each on its own date, spread over its span."""
    mine, dates = [], set()
    for event in timeline:  # sorted by date already
        if any(r.slug == slug for r in event.sources) and event.date not in dates:
            dates.add(event.date)
            mine.append(event)
    if len(mine) <= GENERATED_EVENTS:
        return mine
    step = (len(mine) - 1) / (GENERATED_EVENTS - 1)
    return [mine[round(i * step)] for i in range(GENERATED_EVENTS)]


# The generated questions' own words live in the catalogs; these are their message ids.
GENERATED_TEXTS = ("Match each term to what it means.",
                   "The glossary explains each of these terms.",
                   "Put these events in the order they happened.",
                   "The timeline gives each event's date and its source.")


def localized(question: Question, value: Text, lang: str, t) -> str:
    """A question's text in `lang`; a generated question's texts are catalog message ids."""
    text = value[lang]
    return t(text) if question.generated and text in GENERATED_TEXTS else text


def _ui(codes: tuple[str, ...], message: str) -> Text:
    """A placeholder: the renderer translates generated questions' texts from the catalogs."""
    return Text({c: message for c in codes})


# --- answers that stay out of the page ---------------------------------------------------------

def fold_answer(text: str) -> str:
    """A typed answer as the checker compares it: Arabic folded and without clitics (the search
    module's rules), Latin lower-cased; punctuation and spacing ignored."""
    words = arabic.TOKEN.findall(arabic.normalise(text))
    return " ".join(arabic.stem(w) if re.search("[\u0600-\u06ff]", w) else w for w in words)


def salt(slug: str, question: Question) -> str:
    """A salt per question (fixed, so the same content builds the same bytes)."""
    return hashlib.sha256(f"{slug}/{question.id}".encode()).hexdigest()[:16]


def digest(salt_value: str, response: str) -> str:
    """What the page keeps of a correct response."""
    return hashlib.sha256(f"{salt_value}|{response}".encode()).hexdigest()


def shuffled(question: Question, count: int, seed: str) -> list[int]:
    """A stable order of `count` things for a question (correct options are not always first)."""
    order = list(range(count))
    random.Random(f"{seed}/{question.id}").shuffle(order)
    if question.type == "order" and order == sorted(order) and count > 1:
        order = order[1:] + order[:1]  # never show an ordering question already solved
    return order


def correct_responses(question: Question, lang: str) -> list[str]:
    """Every response that counts as right, in the form the quiz script builds."""
    if question.type == "single":
        return [f"o{i}" for i, o in enumerate(question.options) if o.correct]
    if question.type == "multiple":
        return [",".join(f"o{i}" for i, o in enumerate(question.options) if o.correct)]
    if question.type == "true-false":
        return ["true" if question.answer else "false"]
    if question.type == "order":
        return [",".join(f"i{i}" for i in range(len(question.items)))]
    if question.type == "match":
        return [",".join(f"l{i}=r{i}" for i in range(len(question.pairs)))]
    return sorted({fold_answer(a) for a in question.accept.get(lang, ())})
