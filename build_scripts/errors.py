"""Errors the build reports to the editor. Every one names a file and a line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, as `path:line: what — how to fix`."""

    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        fix = f" — {self.hint}" if self.hint else ""
        return f"{self.path}:{self.line}: {self.message}{fix}"


class ContentError(Exception):
    """Raised by the loader and validators once all problems are collected; nothing is written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems(list):
    """A list of `Problem`s that knows where paths are relative to."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root

    def add(self, path: Path | str, line: int, message: str, hint: str = "") -> None:
        """Record a problem at `path:line`."""
        self.append(Problem(self._rel(path), line, message, hint))

    def raise_if_any(self) -> None:
        """Stop with every problem collected so far."""
        if self:
            raise ContentError(list(self))

    def _rel(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
