"""Explainers: split into the edition's sections, find citation markers, check each sentence.

A marker is `[¶12]`, `[¶12–14]` or `[¶3, 7]`; it cites the sentence that ends at it. The section
ids and their headings come from `content/site.yml`; a heading line is `## {#id}` (any text
before the id is for the editor: the site shows the heading from site.yml).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import arabic
from .model import Section as ModelSection
from .model import Segment as ModelSegment

HEADING = re.compile(r"^##\s+(?P<title>.*?)\s*\{#(?P<id>[a-z0-9-]+)\}\s*$")
MARKER = re.compile(r"\[¶\s*(?P<refs>\d+(?:\s*[–—-]\s*\d+)?(?:\s*[,،]\s*\d+(?:\s*[–—-]\s*\d+)?)*)\s*\]")
NUMBER = re.compile(r"\d+(?:[,.]\d+)*")
SENTENCE_END = re.compile(r"[.!?؟](?=\s+\S)")


@dataclass
class Segment:
    """A piece of explainer text and the paragraph numbers its closing marker cites."""

    text: str
    refs: list[int]
    line: int
    marker: str = ""


@dataclass
class Section:
    """One section while it is being parsed (`model.Section` once done)."""

    id: str
    title: str
    line: int
    body: list[str] = field(default_factory=list)  # raw markdown lines
    segments: list[Segment] = field(default_factory=list)

    def freeze(self) -> ModelSection:
        """The typed, immutable section."""
        return ModelSection(self.id, self.line, tuple(self.body),
                            tuple(ModelSegment(s.text, tuple(s.refs), s.line, s.marker)
                                  for s in self.segments))


def abbreviations_rule(words: tuple[str, ...]) -> re.Pattern:
    """A pattern that finds an abbreviation (from site.yml) at the end of a text."""
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(w.rstrip(".")) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\.$")


def parse_refs(refs: str) -> list[int]:
    """`'12–14, 20'` → `[12, 13, 14, 20]`."""
    out: list[int] = []
    for part in re.split(r"\s*[,،]\s*", refs.strip()):
        bounds = [int(b) for b in re.split(r"\s*[–—-]\s*", part)]
        out.extend(range(bounds[0], bounds[-1] + 1) if len(bounds) == 2 else bounds)
    return out


@functools.lru_cache(maxsize=16384)
def numbers(text: str) -> frozenset[str]:
    """The digit-numbers in `text`, with Arabic-Indic digits and thousands separators folded
    (remembered: the loader asks again for the same paragraphs)."""
    text = text.translate(arabic.ARABIC_INDIC_DIGITS).replace("٬", ",").replace("٫", ".")
    return frozenset(n.replace(",", "") for n in NUMBER.findall(text))


def parse(text: str, sections_ids: tuple[str, ...], abbreviations: re.Pattern
          ) -> tuple[list[ModelSection], list[tuple[int, str, str]]]:
    """Split an explainer into sections and cited segments; return (sections, problems)."""
    SECTIONS = sections_ids
    sections: list[Section] = []
    problems: list[tuple[int, str, str]] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if block and sections:
            _segment_block(block, sections[-1], problems, abbreviations)
        block.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        match = HEADING.match(line)
        if line.startswith("#") and not match:
            problems.append((number, f"heading without a section id: '{line.strip()}'",
                             "write it as '## Title {#id}' with id one of " + ", ".join(SECTIONS)))
            continue
        if match:
            flush()
            if match["id"] not in SECTIONS:
                problems.append((number, f"unknown section id '{match['id']}'",
                                 "use one of " + ", ".join(SECTIONS)))
            sections.append(Section(match["id"], match["title"], number))
            continue
        if not sections:
            if line.strip():
                problems.append((number, "text before the first section",
                                 "start the file with '## In brief {#brief}'"))
            continue
        sections[-1].body.append(line)
        stripped = line.strip()
        if not stripped or stripped.startswith(("- ", "* ")) or re.match(r"^\d+\.\s", stripped):
            flush()
        if stripped:
            block.append((number, stripped))
    flush()

    seen = [s.id for s in sections]
    for sid in SECTIONS:
        if sid not in seen:
            problems.append((len(text.splitlines()) or 1, f"section '{sid}' is missing",
                             f"add '## … {{#{sid}}}' with its text"))
    for sid in {s for s in seen if seen.count(s) > 1}:
        dup = [s for s in sections if s.id == sid][1]
        problems.append((dup.line, f"section '{sid}' appears twice", "merge the two sections"))
    return [s.freeze() for s in sections], problems


def _segment_block(block: list[tuple[int, str]], section: Section, problems,
                   abbreviations: re.Pattern) -> None:
    text = " ".join(line for _, line in block)
    first_line = block[0][0]
    text = re.sub(r"^([-*]|\d+\.)\s+", "", text)
    position = 0
    for match in MARKER.finditer(text):
        segment = text[position : match.start()]
        line = first_line + _line_offset(block, match.start())
        section.segments.append(Segment(segment, parse_refs(match["refs"]), line, match.group(0)))
        _check_one_sentence(segment, line, problems, abbreviations)
        position = match.end()
    rest = re.sub(r"[\s.!?؟،,;:*_)\]»”\"'—–-]", "", text[position:])
    if rest:
        quoted = text[position:].strip().lstrip(".!?؟،,;: ")[:60]
        problems.append((first_line, f"sentence without a citation: '{quoted}'",
                         "end each sentence with the paragraph(s) it rests on, e.g. [¶12]"))


def _check_one_sentence(segment: str, line: int, problems, abbreviations: re.Pattern) -> None:
    sentence = segment.strip().lstrip(".!?؟،,;: ")
    for end in SENTENCE_END.finditer(sentence):
        before = sentence[: end.start() + 1]
        if abbreviations.search(before):
            continue
        problems.append((line, f"sentence without its own citation: '{before[-60:]}'",
                         "put a marker such as [¶12] before the full stop of every sentence"))
        return


def _line_offset(block: list[tuple[int, str]], index: int) -> int:
    length = 0
    for offset, (_, line) in enumerate(block):
        length += len(line) + 1
        if index < length:
            return block[offset][0] - block[0][0]
    return block[-1][0] - block[0][0]
