"""Shared fixtures: a tiny valid site in a temp dir, and the real site built once per session."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

TINY = {
    "content/names.yml": "people: []\nplaces: []\norganisations: []\n",
    "content/articles/tiny/source.txt": "عنوان تجريبي طويل بما يكفي هنا\n\nفقرة أولى.\n",
    "content/articles/tiny/article.yml": """\
        title: {ar: عنوان تجريبي, en: A test title}
        source_file: tiny.txt
        outlet: null
        date: {value: 2024-06, exact: false, basis: {ar: أساس, en: basis}}
        level: intermediate
        """,
    "content/articles/tiny/ar.md": """\
        {#p1} فرضت الدول العقوبات على كوريا الشمالية في 2006 بحسب KCNA.

        ## {#h1} عنوان فرعي

        {#p2} وقال بوتين إن التعاون مستمر.
        """,
    "content/articles/tiny/en.md": """\
        {#p1} Countries imposed sanctions on North Korea in 2006, according to KCNA.

        ## {#h1} A subheading

        {#p2} Putin said cooperation continues.
        """,
}


def write_tree(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write `files` ({relative path: text}) below `root`; None deletes a file."""
    for rel, text in files.items():
        path = root / rel
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def tiny_site(tmp_path: Path):
    """Return a function that builds a tiny project (the repo's theme + TINY content + changes)."""

    def make(changes: dict[str, str | bytes | None] | None = None) -> Path:
        shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
        shutil.copytree(REPO / "overrides", tmp_path / "overrides", dirs_exist_ok=True)
        shutil.copytree(REPO / "content" / "locales", tmp_path / "content" / "locales",
                        dirs_exist_ok=True)
        return write_tree(tmp_path, {**TINY, **(changes or {})})

    return make
