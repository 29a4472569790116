"""YAML loading that remembers line numbers, so every error can name `file:line`."""

from __future__ import annotations

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


class _Loader(yaml.SafeLoader):
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


def read_text(path: Path, problems: Problems) -> str | None:
    """Read a UTF-8 text file, reporting (not raising) a file that is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add(path, 1, f"cannot read file: {error.strerror}", "check the path and permissions")
        return None
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
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or str(error)
        problems.add(path, line, f"invalid YAML: {what}",
                     "check indentation, and quote text that contains ': ' or starts with a symbol")
        return None
