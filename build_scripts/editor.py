"""The editor's tools around one article's paragraph ids: who refers to them, renumbering, status.

Paragraph ids (`p7`, `h2`) are how the rest of the content points into an article:

- the translations (`en.md`) carry the same ids, block for block;
- the article's explainers cite `[¶7]`, `[¶4, 9–11]`;
- the article's own YAML files (quiz, lesson) list ids such as `evidence: [p7]`;
- every other file (timeline, claims, glossary, free pages, other explainers) writes `slug#p7`.

`references()` finds them all; `references_to_changed()` tells a re-import which of them now point
at different text; `renumber()` closes gaps after an editor deletes paragraphs by hand and
rewrites every reference. (The morning report is `status.py`.)
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import textfile
from .explainer import MARKER, parse_refs

BLOCK_ID = re.compile(r"\{#([ph])(\d+)\}")
LOCAL_ID = re.compile(r"(?<![\w#])([ph])(\d+)(?![\w])")
NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Reference:
    """One place in the content that points at a paragraph of the article."""

    path: Path
    line: int
    id: str      # "p7"
    kind: str    # "translation", "citation", "reference"


def _cross(slug: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(slug)}#([ph])(\d+)\b")


def _text_files(content: Path):
    for path in sorted(content.rglob("*")):
        if path.suffix in (".md", ".yml", ".yaml") and path.is_file() \
                and ".backups" not in path.relative_to(content).parts:
            yield path


def references(content: Path, slug: str) -> list[Reference]:
    """Every place under `content` that points at one of the article's paragraph ids."""
    folder = content / "articles" / slug
    cross = _cross(slug)
    found: list[Reference] = []
    for path in _text_files(content):
        local = path.parent == folder
        for number, line in enumerate(path.read_text("utf-8", "replace").splitlines(), 1):
            for match in cross.finditer(line):
                found.append(Reference(path, number, match.group(1) + match.group(2), "reference"))
            if not local or path.name == "ar.md" or path.name == "source.txt":
                continue
            if path.suffix == ".md" and path.name.startswith("explainer."):
                for marker in MARKER.finditer(line):
                    for n in parse_refs(marker.group("refs")):
                        found.append(Reference(path, number, f"p{n}", "citation"))
            elif path.suffix == ".md":
                found += [Reference(path, number, m.group(1) + m.group(2), "translation")
                          for m in BLOCK_ID.finditer(line)]
            elif path.name != "article.yml":
                found += [Reference(path, number, m.group(1) + m.group(2), "reference")
                          for m in LOCAL_ID.finditer(cross.sub("", line))]
    return found


def references_to_changed(content: Path, slug: str, old: list, new: list) -> list[str]:
    """After a re-import: the references whose paragraph's text changed or disappeared."""
    before = {b.id: b.text for b in old}
    after = {b.id: b.text for b in new}
    changed = {i for i, text in before.items() if after.get(i) != text}
    if not changed:
        return ["no paragraph's text changed: translations and references still fit"]
    root = content.parent
    hits = [r for r in references(content, slug) if r.id in changed]
    notes = [f"{len(changed)} paragraph(s) changed or disappeared: "
             + ", ".join(sorted(changed, key=_order))]
    for ref in hits:
        what = {"translation": "translates", "citation": "cites"}.get(ref.kind, "points at")
        state = "now reads differently" if ref.id in after else "no longer exists"
        notes.append(f"{_rel(ref.path, root)}:{ref.line}: {what} {ref.id}, which {state} — "
                     "check it against the new text")
    return notes


def _order(ident: str) -> tuple[str, int]:
    return ident[0], int(ident[1:])


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


# --- renumber --------------------------------------------------------------------------------

class RenumberRefused(ValueError):
    """ar.md cannot be read, or a reference would be left pointing at nothing."""


def renumber(content: Path, slug: str, *, dry_run: bool = False) -> list[str]:
    """Close the gaps in an article's ids (p1, p2, … in reading order) and rewrite every
    reference to them across the content. Returns the changes, one `path:line: old → new` each.

    References to an id that ar.md no longer has are listed, not guessed: they are the editor's
    to fix (nothing is written while any exists).
    """
    folder = content / "articles" / slug
    ar = folder / "ar.md"
    if not ar.is_file():
        raise RenumberRefused(f"{ar}: not found; is '{slug}' the article's folder name?")
    blocks, errors = textfile.parse(ar.read_text("utf-8"))
    if errors:
        line, message, hint = errors[0]
        raise RenumberRefused(f"{ar}:{line}: {message} — {hint}")
    mapping, counts = {}, {"p": 0, "h": 0}
    for block in blocks:
        prefix = block.id[0]
        counts[prefix] += 1
        mapping[block.id] = f"{prefix}{counts[prefix]}"
    moves = {old: new for old, new in mapping.items() if old != new}
    root = content.parent
    dangling = [r for r in references(content, slug) if r.id not in mapping]
    if dangling:
        raise RenumberRefused("\n".join(
            f"{_rel(r.path, root)}:{r.line}: points at {r.id}, which ar.md does not have — "
            "remove or correct that reference first" for r in dangling))
    if not moves:
        return []
    changes: list[str] = []
    for path in _text_files(content):
        text = path.read_text("utf-8")
        new_text = _rewrite(path, text, folder, slug, moves)
        if new_text == text:
            continue
        for number, (a, b) in enumerate(zip(text.splitlines(), new_text.splitlines()), 1):
            if a != b:
                changes.append(f"{_rel(path, root)}:{number}: {_diff(a, b)}")
        if not dry_run:
            _write(path, new_text)
    return changes


def _rewrite(path: Path, text: str, folder: Path, slug: str, moves: dict[str, str]) -> str:
    def move(prefix: str, number: str) -> str:
        return moves.get(prefix + number, prefix + number)

    text = _cross(slug).sub(lambda m: f"{slug}#{move(m.group(1), m.group(2))}", text)
    if path.parent != folder or path.name == "source.txt":
        return text
    if path.suffix == ".md" and path.name.startswith("explainer."):
        return MARKER.sub(lambda m: m.group(0).replace(m.group("refs"), NUMBER.sub(
            lambda n: move("p", n.group(0))[1:], m.group("refs"))), text)
    if path.suffix == ".md":
        return BLOCK_ID.sub(lambda m: "{#" + move(m.group(1), m.group(2)) + "}", text)
    if path.name == "article.yml":
        return text
    lines = []
    for line in text.splitlines(keepends=True):
        if _cross(slug).search(line):  # already rewritten above; local ids only elsewhere
            lines.append(line)
        else:
            lines.append(LOCAL_ID.sub(lambda m: move(m.group(1), m.group(2)), line))
    return "".join(lines)


def _diff(a: str, b: str) -> str:
    olds = re.findall(r"[ph]\d+|\d+", a)
    news = re.findall(r"[ph]\d+|\d+", b)
    pairs = [f"{x} → {y}" for x, y in zip(olds, news) if x != y]
    return ", ".join(pairs) or "rewritten"


def _write(path: Path, text: str) -> None:
    """Replace a file in one step, so an interrupted renumber never leaves half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)
