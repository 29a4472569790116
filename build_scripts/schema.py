"""Declarative schemas for the YAML content: each field says its type, whether it is required, and why.

`check()` walks a loaded `yamlio.Node` against a schema, reports every problem with its line,
and returns plain Python values.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problems
from .yamlio import Node, Seq

DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
REF = re.compile(r"^[a-z0-9-]+#p\d+$")


@dataclass(frozen=True)
class F:
    """One field of a schema."""

    doc: str
    kind: Any = str  # a Python type, a `Schema`, or `ListOf(...)`
    required: bool = True
    nullable: bool = False
    choices: tuple = ()
    pattern: re.Pattern | None = None
    pattern_hint: str = ""


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


def check(value: Any, schema: Any, path: Path, problems: Problems, where: str, line: int) -> Any:
    """Validate `value` against `schema`; record problems; return the plain value."""
    if isinstance(schema, Schema):
        return _check_mapping(value, schema, path, problems, where, line)
    if isinstance(schema, ListOf):
        if not isinstance(value, list):
            problems.add(path, line, f"{where}: expected a list, found {_kind(value)}",
                         "write one item per line, each starting with '- '")
            return []
        if len(value) < schema.min_items:
            problems.add(path, line, f"{where}: needs at least {schema.min_items} item(s)",
                         "add the missing items")
        lines = getattr(value, "item_lines", [line] * len(value))
        out = Seq(check(item, schema.kind, path, problems, f"{where}[{i}]", lines[i])
                  for i, item in enumerate(value))
        out.line, out.item_lines = getattr(value, "line", line), list(lines)
        return out
    expected = schema
    if expected is int and isinstance(value, bool) or not isinstance(value, expected):
        problems.add(path, line, f"{where}: expected {_kind_name(expected)}, found {_kind(value)}",
                     "fix the value's type")
        return None
    return value


def _check_mapping(value, schema: Schema, path, problems, where, line):
    if not isinstance(value, dict):
        example = f"; for example:\n{schema.example}" if schema.example else ""
        problems.add(path, line, f"{where}: expected {schema.name} (a mapping), found {_kind(value)}",
                     f"write it as key: value pairs{example}")
        return None
    node_line = getattr(value, "line", line)
    key_line = value.line_of if isinstance(value, Node) else (lambda k: node_line)
    out: dict[str, Any] = {}
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
            out[key] = None
            continue
        item = value[key]
        if item is None:
            out[key] = None
            continue
        item_line = item.line if isinstance(item, Seq) else key_line(key)
        checked = check(item, spec.kind, path, problems, here, item_line)
        if checked is not None and spec.choices and checked not in spec.choices:
            problems.add(path, key_line(key), f"{here}: '{checked}' is not one of "
                         f"{', '.join(map(str, spec.choices))}", "pick one of the listed values")
        if isinstance(checked, str) and spec.pattern and not spec.pattern.match(checked):
            problems.add(path, key_line(key), f"{here}: '{checked}' has the wrong form",
                         spec.pattern_hint)
        out[key] = checked
    for rule in schema.rules:
        message = rule(out)
        if message:
            problems.add(path, node_line, f"{where}: {message}")
    return out


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else str(key)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", Node: "a mapping", list: "a list", Seq: "a list", str: "text",
            int: "a number", float: "a number", bool: "true/false"}.get(type(value), type(value).__name__)


def _kind_name(kind: Any) -> str:
    if isinstance(kind, tuple):
        return " or ".join(_kind_name(k) for k in kind)
    return {str: "text", int: "a whole number", bool: "true or false"}.get(kind, str(kind))


# --- the schemas -----------------------------------------------------------------------------

TEXT = Schema("a text in both languages", {
    "ar": F("the Arabic text"),
    "en": F("the English text"),
}, example="  ar: …\n  en: …")

TEXT_AR_FIRST = Schema("a text in both languages", {
    "ar": F("the Arabic text"),
    "en": F("the English text (null until translated)", required=False, nullable=True),
}, example="  ar: …\n  en: …")

DATE_SPEC = F("YYYY, YYYY-MM or YYYY-MM-DD", kind=(str, int), pattern=DATE,
              pattern_hint="write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-06")

ARTICLE = Schema("article metadata", {
    "title": F("the headline in Arabic and English", kind=TEXT_AR_FIRST),
    "source_file": F("the raw file the article was imported from"),
    "outlet": F("the outlet, only as the text states it", required=False, nullable=True,
                kind=Schema("an outlet", {
                    "ar": F("the outlet's name in Arabic"),
                    "en": F("the outlet's name in English"),
                    "basis": F("where the text states it", kind=TEXT, required=False)})),
    "author": F("the author, only if the text names one", kind=TEXT, required=False,
                nullable=True),
    "date": F("the publication date, as known", required=False, nullable=True,
              kind=Schema("a date", {
                  "value": DATE_SPEC,
                  "exact": F("true only when the text states its own date", kind=bool),
                  "basis": F("the sentence that dates it", kind=TEXT, required=False)},
                  rules=(lambda d: None if d.get("exact") or d.get("basis") else
                         "an approximate date needs a 'basis' quoting the sentence that dates it",))),
    "level": F("reading level", choices=("introductory", "intermediate", "advanced")),
    "reading_minutes": F("reading time; computed from the text when absent", kind=int,
                         required=False),
}, example="title: {ar: …, en: …}\nsource_file: 000_x.txt\nlevel: intermediate")

EVENT = Schema("a timeline event", {
    "id": F("a stable kebab-case id", pattern=re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$"),
            pattern_hint="lowercase words joined by hyphens"),
    "date": DATE_SPEC,
    "basis": F("how an inferred year or month was worked out", kind=TEXT, required=False),
    "en": F("a one-sentence English description"),
    "ar": F("a one-sentence Arabic description"),
    "sources": F("paragraphs that mention it, as slug#pN",
                 kind=ListOf(str, min_items=1)),
})

CLAIM = Schema("a claim", {
    "id": F("a stable kebab-case id", pattern=re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$"),
            pattern_hint="lowercase words joined by hyphens"),
    "claim": F("what is claimed", kind=TEXT),
    "claimant": F("who claims it", kind=TEXT),
    "when": F("when it was claimed, as the source gives it", kind=TEXT, nullable=True,
              required=False),
    "denial": F("who denied or disputed it", kind=TEXT, nullable=True, required=False),
    "status": F("as the articles leave it",
                choices=("claimed", "denied", "disputed", "unverified")),
    "sources": F("paragraphs stating the claim or its denial, as slug#pN",
                 kind=ListOf(str, min_items=1)),
})

TIMELINE_FILE = Schema("the timeline", {"events": F("the events", kind=ListOf(EVENT, 1))})
CLAIMS_FILE = Schema("the claims", {
    "how_to_read": F("a short note for students on reading claims", kind=TEXT),
    "claims": F("the claims", kind=ListOf(CLAIM, 1)),
})

NAME = Schema("a name", {
    "en": F("the one English spelling"),
    "en_short": F("shorter English forms used after the first mention", kind=ListOf(str),
                  required=False),
    "ar": F("every Arabic spelling the sources use; the first is ours", kind=ListOf(str, 1)),
    "role": F("who they are", kind=TEXT, required=False),
    "note": F("a short English note", required=False),
})
NAMES_FILE = Schema("the names table", {
    "people": F("people", kind=ListOf(NAME)),
    "places": F("places", kind=ListOf(NAME)),
    "organisations": F("organisations and things", kind=ListOf(NAME)),
})
