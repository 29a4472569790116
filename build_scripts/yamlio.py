"""YAML loading that remembers line numbers, so every error can name `file:line`."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import yaml

from .errors import Problems


class Node(dict):
    """A YAML mapping that knows the line of itself and of each of its keys."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line where `key` is written, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


class Seq(list):
    """A YAML sequence that knows the line of each item."""

    line: int = 1
    item_lines: list[int]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when present
    """SafeLoader that builds `Node`/`Seq` with line numbers and rejects duplicate keys."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Node:
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> Seq:
    result = Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay text: "2024-06-19" and "2024-06" are validated by one rule, not two types.
    return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


MAX_FILE = 2_000_000  # bytes: a content file larger than this is not a student page's text


def read_text(path: Path, problems: Problems) -> str | None:
    """Read a UTF-8 text file, reporting (not raising) anything that is not one.

    A byte-order mark at the start is dropped: editors on Windows add it, and it means nothing.
    """
    try:
        info = path.stat()  # follows links: a loop or a broken link is an OSError
        if stat.S_ISDIR(info.st_mode):
            problems.add(path, 1, "is a folder, expected a text file", "remove or rename it")
            return None
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
            problems.add(path, 1, "is not a regular file (a pipe, socket or device)",
                         "replace it with a plain UTF-8 text file")
            return None
        if info.st_size > MAX_FILE:  # before reading: a 5 GB file must not fill the memory
            problems.add(path, 1, f"file of {info.st_size:,} bytes is too large (at most "
                         f"{MAX_FILE:,})", "split it, or check that the right file was saved here")
            return None
        data = path.read_bytes()
    except OSError as error:
        problems.add(path, 1, f"cannot read file: {error.strerror or error}",
                     "check the path, links and permissions")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(path, 1, "saved as UTF-16, not UTF-8",
                     "save it again as UTF-8 (in the editor's 'Save as…' or 'Encoding' menu)")
        return None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        problems.add(path, line, "contains a NUL byte: this is not a text file",
                     "save it again as plain UTF-8 text")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(path, line, f"not UTF-8 (byte 0x{data[error.start]:02x})",
                     "save the file as UTF-8 in your editor")
        return None


def load(path: Path, problems: Problems) -> Any:
    """Parse a YAML file into `Node`/`Seq` values; report syntax errors with their line."""
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.add(path, 1, "the file is empty",
                     "fill it in (content/README.md shows each file's form), or delete it")
        return None
    try:
        if ("&" in text or "*" in text) and (line := _anchor_line(text)):
            problems.add(path, line, "YAML anchors and aliases (&name, *name) are not used in "
                         "content", "write each value out where it belongs (quote text that "
                         "starts with & or *)")
            return None
        data = yaml.load(text, Loader=_Loader)
    except RecursionError:
        problems.add(path, _deep_line(text), f"values nested more than {MAX_DEPTH} levels deep",
                     "content needs a few levels at most: check the brackets [ ] and { }")
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or str(error)
        problems.add(path, line, f"invalid YAML: {what}",
                     "check indentation, and quote text that contains ': ' or starts with a symbol")
        return None
    if data is None:  # only comments, or a lone '---'
        problems.add(path, 1, "the file holds only comments",
                     "fill it in (content/README.md shows each file's form), or delete it")
    return data


def _anchor_line(text: str) -> int | None:
    """The line of the first anchor or alias: content never needs one, and aliases of aliases
    would let a few lines expand into millions of values."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return event.start_mark.line + 1
    return None


MAX_DEPTH = 50  # how deeply YAML values may nest before the file is refused as not content


def _deep_line(text: str) -> int:
    """The line where the values of `text` nest deeper than MAX_DEPTH."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return 1
