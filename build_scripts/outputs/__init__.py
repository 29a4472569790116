"""Outputs plug in here; the core does not grow.

An output is one module with an object that follows `Output`: it checks what it needs from the
validated site, contributes pages (Markdown for MkDocs, with their place in the navigation) for
each language, and artefacts (files beside the pages). `build()` iterates `REGISTRY`; the
navigation is made from the pages the outputs contribute, in the order `site.yml` names them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..errors import Problems
from ..i18n import Strings
from ..model import Origin, Site


@dataclass(frozen=True)
class Page:
    """A page of one language's site."""

    path: str  # relative to the language's docs folder: "articles/x.md"
    title: str  # plain text
    body: str  # Markdown; every content text in it went through `markup`
    sources: tuple[Origin, ...] = ()  # the content it is made from, for problems found later
    nav: bool = True  # listed in the navigation under its output


@dataclass(frozen=True)
class Artefact:
    """A file beside the pages, relative to the site root (e.g. "index.html", "ar/x.pdf")."""

    path: str
    data: bytes
    sources: tuple[Origin, ...] = ()


class Output(Protocol):
    """What every output module provides (`BaseOutput` gives the defaults)."""

    name: str  # the name site.yml's navigation uses

    def check(self, site: Site, problems: Problems) -> None:
        """Validate what this output needs beyond the shared schema (may add problems)."""

    def nav_title(self, t: Strings) -> str | None:
        """The navigation group's title when it has several pages; None for one page or none."""

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """The pages this output adds to the `lang` site."""

    def artefacts(self, site: Site, strings: dict[str, Strings]) -> list[Artefact]:
        """Files this output writes beside the pages (made before the pages, which may list
        them: `site.files`)."""

    def finish(self, site: Site, out: Path) -> None:
        """Work on the whole built site, once MkDocs and every artefact are written."""


class BaseOutput:
    """Defaults for an output: nothing to check, a single navigation entry, no files, no pages."""

    name = ""
    navigable = True

    def check(self, site: Site, problems: Problems) -> None:
        """Nothing beyond the shared validation."""

    def nav_title(self, t: Strings) -> str | None:
        """A single page: no group title."""
        return None

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """No pages."""
        return []

    def artefacts(self, site: Site, strings: dict[str, Strings]) -> list[Artefact]:
        """No files."""
        return []

    def finish(self, site: Site, out: Path) -> None:
        """Nothing to do once the site is built."""


@dataclass
class Registry:
    """The outputs of the generator, in the order they run."""

    outputs: list[Output] = field(default_factory=list)

    def add(self, output: Output) -> Output:
        """Register an output (use as a decorator on an instance or call directly)."""
        self.outputs.append(output)
        return output

    def navigable(self) -> tuple[str, ...]:
        """Names that site.yml's navigation may list."""
        return tuple(o.name for o in self.outputs if getattr(o, "navigable", True))

    def __iter__(self):
        return iter(self.outputs)


REGISTRY = Registry()


def nav(site: Site, lang: str, t: Strings, pages: dict[str, list[Page]]) -> list:
    """The MkDocs navigation: each output named in site.yml, with its pages, in that order.

    Titles go in as text: the theme escapes them in some places and not in others, so the loader
    refuses '<' and '>' in titles instead of escaping them here.
    """
    items: list = []
    for name in site.config.navigation:
        listed = [p for p in pages.get(name, []) if p.nav]
        output = next(o for o in REGISTRY if o.name == name)
        group = output.nav_title(t)
        if group and listed:
            items.append({group: [{p.title: p.path} for p in listed]})
        else:
            items.extend({p.title: p.path} for p in listed)
    return items


def _register_builtin() -> None:
    from . import (
        about,
        articles,
        claims,
        downloads,
        epub,
        glossary,
        home,
        notfound,
        pdf,
        quizzes,
        root,
        teachers,
        timeline,
    )

    for module in (home, articles, quizzes, timeline, claims, glossary, about, teachers,
                   notfound, root, pdf, epub, downloads):
        REGISTRY.add(module.OUTPUT)


_register_builtin()
