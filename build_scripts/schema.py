"""Declarative schemas for the YAML content: each field says its type, whether it is required, why.

`check()` walks a loaded `yamlio.Node` against a schema, reports every problem with its line, and
returns typed values: a `Schema` with `make` builds its model object (`model.Text`, `model.Claim`…).
Choices that belong to the edition (levels, claim statuses) are named, e.g. `choices="levels"`, and
looked up in the `Context` the loader passes, which holds `content/site.yml`'s lists.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import arabic
from .errors import Problems
from .model import Choice, Dated, Language, Licence, Outlet, SectionSpec, Text
from .yamlio import Node, Seq

DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
REF = re.compile(r"^[a-z0-9-]+#p\d+$")
MAX_TEXT = 20_000  # characters in one YAML text value: longer is a paste accident, not content
MAX_WORD = 120  # characters without a space: longer cannot break well on a phone or in a PDF
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def long_word(text: str) -> tuple[str, str] | None:
    """(what, how to fix) when `text` holds a run of letters no line can hold."""
    found = _LONG_WORD.search(text)
    if found is None:
        return None
    word = found.group()
    return (f"a word of {len(word):,} characters ('{word[:20]}…') is longer than a line can "
            f"hold (at most {MAX_WORD})", "add the missing spaces, or remove it")


@dataclass(frozen=True)
class F:
    """One field of a schema."""

    doc: str
    kind: Any = str  # a Python type, a `Schema`, `ListOf(...)` or `TextIn`
    required: bool = True
    nullable: bool = False
    choices: tuple | str = ()  # fixed values, or the name of an edition list in the `Context`
    pattern: re.Pattern | None = None
    pattern_hint: str = ""
    valid: Callable[[str], tuple[str, str] | None] | None = None  # (what, how to fix) if not


@dataclass(frozen=True)
class ListOf:
    """A YAML list whose items all follow `kind`."""

    kind: Any
    min_items: int = 0


@dataclass(frozen=True)
class Schema:
    """A YAML mapping with known keys; unknown keys are typos and are reported."""

    name: str
    fields: dict[str, F]
    example: str = ""
    rules: tuple[Callable[[dict], str | None], ...] = field(default_factory=tuple)
    make: Callable[..., Any] | None = None  # builds the model object from the checked fields


class TextIn:
    """A text in every language of the edition (`{ar: …, en: …}`), checked against `Context`."""

    def __init__(self, *, optional: tuple[str, ...] = ()):
        self.optional = optional  # "source": only the source language is required


@dataclass
class Context:
    """What a schema check needs to know about the edition."""

    languages: tuple[str, ...] = ("ar", "en")
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def check(value: Any, spec: Any, path: Path, problems: Problems, where: str, line: int,
          ctx: Context | None = None) -> Any:
    """Validate `value` against `spec`; record problems; return the typed value (None if broken)."""
    ctx = ctx or Context()
    if isinstance(spec, Schema):
        return _check_mapping(value, spec, path, problems, where, line, ctx)
    if isinstance(spec, TextIn):
        return _check_text(value, spec, path, problems, where, line, ctx)
    if isinstance(spec, ListOf):
        if not isinstance(value, list):
            problems.add(path, line, f"{where}: expected a list, found {_kind(value)}",
                         "write one item per line, each starting with '- '")
            return None
        if len(value) < spec.min_items:
            problems.add(path, line, f"{where}: needs at least {spec.min_items} item(s)",
                         "add the missing items")
        lines = getattr(value, "item_lines", [line] * len(value))
        out = Seq(check(item, spec.kind, path, problems, f"{where}[{i}]", lines[i], ctx)
                  for i, item in enumerate(value))
        out.line, out.item_lines = getattr(value, "line", line), list(lines)
        return out
    # YAML reads yes/no/true as true/false: only a field of that kind takes them
    kinds = spec if isinstance(spec, tuple) else (spec,)
    if isinstance(value, bool) and bool not in kinds or not isinstance(value, spec):
        problems.add(path, line, f"{where}: expected {_kind_name(spec)}, found {_kind(value)}",
                     _type_hint(spec, value))
        return None
    if isinstance(value, str):
        return _check_string(value, path, problems, where, line)
    return value


def _check_string(value: str, path, problems, where, line) -> str | None:
    bad = arabic.FORBIDDEN.search(value)
    if bad:
        problems.add(path, line, f"{where}: invisible control character U+{ord(bad.group()):04X}",
                     "delete it (bidi controls, zero-width spaces and NUL are never needed: the "
                     "site isolates English inside Arabic by itself)")
        return None
    if len(value) > MAX_TEXT:
        problems.add(path, line, f"{where}: text of {len(value)} characters is too long "
                     f"(at most {MAX_TEXT})", "shorten it or split it")
        return None
    if wrong := long_word(value):
        problems.add(path, line, f"{where}: {wrong[0]}", wrong[1])
        return None
    return value


def _check_text(value, spec: TextIn, path, problems, where, line, ctx: Context):
    if not isinstance(value, dict):
        problems.add(path, line, f"{where}: expected a text in each language, found {_kind(value)}",
                     "write it as {" + ", ".join(f"{c}: …" for c in ctx.languages) + "}")
        return None
    key_line = value.line_of if isinstance(value, Node) else (lambda k: line)
    out: dict[str, str] = {}
    ok = True
    for key in value:
        if key not in ctx.languages:
            problems.add(path, key_line(key), f"{_join(where, key)}: '{key}' is not a language "
                         "of this edition", f"use {', '.join(ctx.languages)} (content/site.yml)")
            ok = False
    for i, lang in enumerate(ctx.languages):
        text = value.get(lang)
        optional = "source" in spec.optional and i > 0
        if text is None or (isinstance(text, str) and not text.strip()):
            if not optional:
                problems.add(path, key_line(lang) if lang in value else getattr(value, "line", line),
                             f"{_join(where, lang)}: missing text in '{lang}'",
                             f"write the {lang} text")
                ok = False
            continue
        if not isinstance(text, (str, int, float)) or isinstance(text, bool):
            problems.add(path, key_line(lang), f"{_join(where, lang)}: expected text, found "
                         f"{_kind(text)}", "write the text on one line, or quote it")
            ok = False
            continue
        checked = _check_string(str(text), path, problems, _join(where, lang), key_line(lang))
        if checked is None:
            ok = False
            continue
        out[lang] = checked
    return Text(out) if ok else None


def _check_mapping(value, schema: Schema, path, problems, where, line, ctx: Context):
    if not isinstance(value, dict):
        example = f"; for example:\n{schema.example}" if schema.example else ""
        problems.add(path, line, f"{where or 'file'}: expected {schema.name} (a mapping), found "
                     f"{_kind(value)}", f"write it as key: value pairs{example}")
        return None
    node_line = getattr(value, "line", line)
    key_line = value.line_of if isinstance(value, Node) else (lambda k: node_line)
    out: dict[str, Any] = {}
    broken = False
    for key in value:
        if key not in schema.fields:
            close = difflib.get_close_matches(str(key), schema.fields, n=1)
            hint = f"did you mean '{close[0]}'?" if close else \
                f"known keys: {', '.join(schema.fields)}"
            problems.add(path, key_line(key), f"{_join(where, key)}: unknown key '{key}'", hint)
    for key, spec in schema.fields.items():
        here = _join(where, key)
        if key not in value or (value[key] is None and not spec.nullable):
            if spec.required:
                problems.add(path, key_line(key) if key in value else node_line,
                             f"{here}: missing required field ({spec.doc})",
                             f"add '{key}:' to {schema.name}")
                broken = True
            out[key] = None
            continue
        item = value[key]
        if item is None:
            out[key] = None
            continue
        item_line = item.line if isinstance(item, Seq) else key_line(key)
        checked = check(item, spec.kind, path, problems, here, item_line, ctx)
        if checked is None:
            broken = True  # a wrong value is not an absent one: nothing is built on a guess
            out[key] = None
            continue
        choices = ctx.choices.get(spec.choices, ()) if isinstance(spec.choices, str) \
            else spec.choices
        if spec.choices and checked not in choices:
            source = " (content/site.yml)" if isinstance(spec.choices, str) else ""
            problems.add(path, key_line(key), f"{here}: '{checked}' is not one of "
                         f"{', '.join(map(str, choices))}",
                         f"pick one of the listed values{source}")
            broken = broken or spec.required
        written = str(checked) if isinstance(checked, (str, int)) else None  # 2024 is a number
        if written is not None and spec.pattern and not spec.pattern.match(written):
            problems.add(path, key_line(key), f"{here}: '{written}' has the wrong form",
                         spec.pattern_hint)
            broken = broken or spec.required
        elif written is not None and spec.valid and (wrong := spec.valid(written)):
            problems.add(path, key_line(key), f"{here}: {wrong[0]}", wrong[1])
            broken = broken or spec.required
        out[key] = checked
    for rule in schema.rules:
        message = rule(out)
        if message:
            problems.add(path, node_line, f"{where or 'file'}: {message}")
            broken = True
    if broken:
        return None
    return schema.make(**out) if schema.make else out


def unique(items, path: Path, kind: str, problems: Problems):
    """(item, line) for each checked item of a list, leaving out broken ones and repeated ids
    (each repeat reported once, with the line of the first)."""
    seen: dict[str, int] = {}
    for item, line in zip(items or (), getattr(items, "item_lines", ())):
        if not item:
            continue
        if item["id"] in seen:
            problems.add(path, line, f"duplicate {kind} id '{item['id']}' (first on line "
                         f"{seen[item['id']]})", f"give each {kind} its own id")
            continue
        seen[item["id"]] = line
        yield item, line


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else str(key)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", Node: "a mapping", list: "a list", Seq: "a list", str: "text",
            int: "a number", float: "a number", bool: "true/false"}.get(type(value),
                                                                       type(value).__name__)


def _kind_name(kind: Any) -> str:
    if isinstance(kind, tuple):
        return " or ".join(_kind_name(k) for k in kind)
    return {str: "text", int: "a whole number", bool: "true or false"}.get(kind, str(kind))


def _type_hint(spec: Any, value: Any) -> str:
    if spec is str and isinstance(value, list):
        return "write one text, not a list (remove the '- ' or the [ ])"
    if spec is str and isinstance(value, dict):
        return "write one text, not key: value pairs; quote it if it contains ': '"
    if isinstance(value, bool):
        return "YAML reads an unquoted yes, no, on, off, true or false as true/false — write " \
            "the value itself, quoted if it is one of those words"
    return "fix the value's type"


# --- the edition: content/site.yml ----------------------------------------------------------

CHOICE = Schema("a choice", {
    "id": F("a stable kebab-case id", pattern=SLUG, pattern_hint="lowercase words joined by -"),
    "label": F("what readers see", kind=TextIn()),
    "definition": F("what it means, shown to readers", kind=TextIn(), required=False),
    "names": F("categories only: proper names, which every translation must keep", kind=bool,
               required=False),
}, example="  - {id: intermediate, label: {ar: متوسط, en: intermediate}}",
    make=lambda names=None, **fields: Choice(**fields, names=bool(names)))

SECTION_SPEC = Schema("an explainer section", {
    "id": F("the id explainers write as {#id}", pattern=SLUG,
            pattern_hint="lowercase words joined by -"),
    "heading": F("the heading shown in each language", kind=TextIn()),
}, make=SectionSpec)

LANGUAGE = Schema("a language", {
    "code": F("an ISO 639-1 code such as ar or en", pattern=re.compile(r"^[a-z]{2}$"),
              pattern_hint="two lowercase letters, e.g. ar"),
    "dir": F("the writing direction", choices=("rtl", "ltr")),
}, make=Language)

LICENCE = Schema("a licence", {
    "name": F("its short name, e.g. CC BY 4.0"),
    "url": F("where its text is", pattern=re.compile(r"^https://"),
             pattern_hint="an https:// address"),
    "holder": F("who holds the rights to what the editors write", kind=TextIn()),
}, make=Licence)

SITE = Schema("the edition's settings", {
    "title": F("the site's title in each language", kind=TextIn()),
    "description": F("one sentence under the title, in each language", kind=TextIn()),
    "languages": F("the languages; the first is the articles' language",
                   kind=ListOf(LANGUAGE, 2)),
    "navigation": F("the order of the top-level pages", kind=ListOf(str, 1)),
    "sections": F("the sections every explainer has, in order", kind=ListOf(SECTION_SPEC, 1)),
    "categories": F("categories of names and terms", kind=ListOf(CHOICE, 1)),
    "levels": F("reading levels an article may have", kind=ListOf(CHOICE, 1)),
    "claim_statuses": F("how the articles leave a claim, with definitions",
                        kind=ListOf(CHOICE, 1)),
    "licence": F("the licence of the editors' own writing", kind=LICENCE),
    "url": F("the published site's address (for QR codes), e.g. https://example.org/reader/",
             required=False, nullable=True, pattern=re.compile(r"^https?://\S+/$"),
             pattern_hint="a full address ending in /, e.g. https://example.org/reader/"),
    "abbreviations": F("words ending in '.' that do not end a sentence (Dr., U.S.)",
                       kind=ListOf(str), required=False),
}, example="title: {ar: …, en: …}\nlanguages: [{code: ar, dir: rtl}, {code: en, dir: ltr}]")

# --- articles and cross-article files -------------------------------------------------------

def _real_day(value: str) -> tuple[str, str] | None:
    """A YYYY-MM-DD that matches the pattern but not the calendar (2024-02-30)."""
    if len(value) != 10:
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        year, month, _ = map(int, value.split("-"))
        days = calendar.monthrange(year, month)[1]
        return (f"'{value}' is not a day of the calendar ({calendar.month_name[month]} {year} "
                f"has {days} days)", "correct the day, or write only YYYY-MM if unsure")
    return None


DATE_SPEC = F("YYYY, YYYY-MM or YYYY-MM-DD", kind=(str, int), pattern=DATE,
              pattern_hint="write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-06", valid=_real_day)


def _dated(value, exact, basis=None) -> Dated:
    return Dated(str(value), exact, basis)


def _outlet(basis=None, **names) -> Outlet:
    return Outlet(Text({lang: name for lang, name in names.items() if name}), basis)


def _outlet_schema(languages: tuple[str, ...]) -> Schema:
    # Only the source language's name is required: an import states it as the page does, and
    # the editor adds the English spelling later (pages show the source's name until then).
    fields = {lang: F(f"the outlet's name in {lang}", required=i == 0, nullable=i > 0)
              for i, lang in enumerate(languages)}
    fields["basis"] = F("where the text states it", kind=TextIn(), required=False)
    return Schema("an outlet", fields, make=_outlet)


def article_schema(languages: tuple[str, ...]) -> Schema:
    """The schema of `article.yml` for an edition with these languages."""
    return Schema("article metadata", {
        "title": F("the headline in each language (only the source's until translated)",
                   kind=TextIn(optional=("source",))),
        "source_file": F("the raw file the article was imported from"),
        "outlet": F("the outlet, only as the text states it", required=False, nullable=True,
                    kind=_outlet_schema(languages)),
        "author": F("the author, only if the text names one", kind=TextIn(optional=("source",)),
                    required=False,
                    nullable=True),
        "date": F("the publication date, as known", required=False, nullable=True,
                  kind=Schema("a date", {
                      "value": DATE_SPEC,
                      "exact": F("true only when the text states its own date", kind=bool),
                      "basis": F("the sentence that dates it", kind=TextIn(), required=False)},
                      rules=(lambda d: None if d.get("exact") or d.get("basis") else
                             "an approximate date needs a 'basis' quoting the sentence that "
                             "dates it",), make=_dated)),
        "level": F("reading level", choices="levels"),
        "reading_minutes": F("reading time; computed from the text when absent", kind=int,
                             required=False),
    }, example="title: {ar: …, en: …}\nsource_file: 000_x.txt\nlevel: intermediate")


REFS = F("paragraphs that state it, as slug#pN", kind=ListOf(str, min_items=1))

def event_schema(languages: tuple[str, ...]) -> Schema:
    """The schema of a timeline event: one sentence per language under the language's code."""
    fields = {
        "id": F("a stable kebab-case id", pattern=SLUG,
                pattern_hint="lowercase words joined by -"),
        "date": DATE_SPEC,
        "basis": F("how an inferred year or month was worked out", kind=TextIn(),
                   required=False),
    }
    fields.update({lang: F(f"one sentence in {lang}") for lang in languages})
    fields["sources"] = REFS
    return Schema("a timeline event", fields)


CLAIM = Schema("a claim", {
    "id": F("a stable kebab-case id", pattern=SLUG, pattern_hint="lowercase words joined by -"),
    "claim": F("what is claimed", kind=TextIn()),
    "claimant": F("who claims it", kind=TextIn()),
    "when": F("when it was claimed, as the source gives it", kind=TextIn(), nullable=True,
              required=False),
    "denial": F("who denied or disputed it", kind=TextIn(), nullable=True, required=False),
    "status": F("as the articles leave it", choices="claim_statuses"),
    "sources": REFS,
})



def timeline_schema(languages: tuple[str, ...]) -> Schema:
    """The schema of `timeline.yml`."""
    return Schema("the timeline", {
        "events": F("the events", kind=ListOf(event_schema(languages), 1))})


CLAIMS_FILE = Schema("the claims", {
    "how_to_read": F("a short note for students on reading claims", kind=TextIn()),
    "claims": F("the claims", kind=ListOf(CLAIM, 1)),
})

def glossary_schema(languages: tuple[str, ...]) -> Schema:
    """The schema of `glossary.yml`: terms with their spellings in every language."""
    fields = {
        "id": F("a stable kebab-case id", pattern=SLUG, pattern_hint="lowercase words joined by -"),
        "category": F("one of site.yml's categories", choices="categories"),
    }
    for lang in languages:
        fields[lang] = F(f"our {lang} spelling")
        fields[f"{lang}_variants"] = F(f"other {lang} spellings the texts use", kind=ListOf(str),
                                       required=False)
    fields["suffixes"] = F("true if regular Arabic endings may attach", kind=bool, required=False)
    fields["exclude"] = F("words or phrases that contain a spelling but are something else",
                          kind=ListOf(str), required=False)
    fields["short"] = F("one line for the tooltip", kind=TextIn())
    fields["definition"] = F("a few sentences; facts cite [¶slug#pN]", kind=TextIn())
    term = Schema("a glossary term", fields, example="  - id: sanctions\n    category: concept")
    return Schema("the glossary", {"terms": F("the terms", kind=ListOf(term, 1))})
