"""The paragraph file format of `ar.md` / `en.md`: one block per paragraph, each with a stable id.

    {#p1} A paragraph. It may run over several lines until a blank line.

    ## {#h1} A heading

    - {#p7} A list item

Ids are `p<n>` for paragraphs and list items and `h<n>` for headings, in reading order.
"""

from __future__ import annotations

import re

from .model import Block

BLOCK = re.compile(r"^(?P<kind>## |- )?\{#(?P<id>[a-z]+\d+)\}\s*(?P<text>.*)$")
# \d also matches Arabic-Indic digits: {#p٢} is read as p2, and reported
_ASCII_DIGITS = {ord(c): str(int(c)) for c in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"}
KINDS = {"## ": "heading", "- ": "item", None: "para"}


def parse(text: str) -> tuple[list[Block], list[tuple[int, str, str]]]:
    """Parse a paragraph file into blocks; return (blocks, [(line, message, hint)])."""
    blocks: list[Block] = []
    errors: list[tuple[int, str, str]] = []
    current: dict | None = None

    def close() -> None:
        nonlocal current
        if current is not None and not current.get("broken"):
            blocks.append(Block(current["id"], current["kind"], " ".join(current["lines"]).strip(),
                                current["line"]))
        current = None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            close()
            continue
        match = BLOCK.match(line)
        if match:
            close()
            kind = KINDS[match["kind"]]
            ident = match["id"]
            if not ident.isascii():
                errors.append((number, f"id '{ident}' is written with Arabic-Indic digits",
                               f"write it with 0–9: {{#{ident.translate(_ASCII_DIGITS)}}}"))
                ident = ident.translate(_ASCII_DIGITS)
            expected = "h" if kind == "heading" else "p"
            broken = False
            if not re.fullmatch(rf"{expected}\d+", ident):
                errors.append((number, f"id '{ident}' does not fit a {kind}",
                               f"use {expected}<number>, e.g. {{#{expected}1}}"))
                broken = True
            if not match["text"].strip():
                errors.append((number, f"block {ident} has no text",
                               "write the text after the id, or delete the block"))
                broken = True
            # A broken block is reported and left out, so nothing else complains about it.
            current = {"id": ident, "kind": kind, "lines": [match["text"]], "line": number,
                       "broken": broken}
        elif current is not None:
            current["lines"].append(line)
        else:
            errors.append((number, f"text without a paragraph id: '{line[:40]}'",
                           "start each block with an id such as {#p12} (headings: ## {#h2})"))
            # the rest of this block is the same mistake: one report per block, not per line
            current = {"broken": True, "lines": []}
    close()
    return blocks, errors


def dump(blocks: list[Block]) -> str:
    """Write blocks back in the paragraph file format."""
    out = []
    for block in blocks:
        prefix = {"heading": "## ", "item": "- ", "para": ""}[block.kind]
        out.append(f"{prefix}{{#{block.id}}} {block.text}")
    # consecutive list items stay together as one list
    text = ""
    for i, line in enumerate(out):
        if i:
            both_items = blocks[i].kind == "item" and blocks[i - 1].kind == "item"
            text += "\n" if both_items else "\n\n"
        text += line
    return text + "\n"
