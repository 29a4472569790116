"""Errors the build reports to the editor. Every one names a file and a line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent


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
    """Raised once, at the end of a build or check, with every problem of every stage.

    Raised only by `Problems.raise_if_any()`; when it is raised, nothing has been written.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems(list):
    """A list of `Problem`s that knows where paths are relative to."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root
        self.warnings: list[Problem] = []  # shown after a successful build; never stop it

    def add(self, path: Path | str, line: int, message: str, hint: str = "") -> None:
        """Record a problem at `path:line`."""
        self.append(Problem(self._rel(path), line, message, hint))

    def warn(self, path: Path | str, line: int, message: str, hint: str = "") -> None:
        """Record something worth fixing that does not stop the build."""
        self.warnings.append(Problem(self._rel(path), line, message, hint))

    def raise_if_any(self) -> None:
        """Stop with every problem collected so far."""
        if self:
            raise ContentError(list(self))

    def _rel(self, path: Path | str) -> str:
        path = Path(path)
        if not path.is_absolute():
            return path.as_posix()  # already relative to the project root
        # abspath, not resolve(): a symlink loop must be reported, not raise here
        for base in (self.root, GENERATOR):  # content first, then the generator's own files
            try:
                return Path(os.path.abspath(path)).relative_to(os.path.abspath(base)).as_posix()
            except ValueError:
                continue
        return path.as_posix()
