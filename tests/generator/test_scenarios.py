"""Scenario files: small YAML cases of changed files in, and either the whole list of problems
or HTML fragments of the built pages out. One parametrized test runs them all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from build_scripts.build import build, check
from build_scripts.errors import ContentError

from ..conftest import REPO

FOLDER = Path(__file__).parent / "scenarios"
CASES = [case for path in sorted(FOLDER.glob("*.yml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def problems_of(content: Path, *, full: bool) -> list[str]:
    """Every problem the check (or the whole build) reports, as `path:line: message — hint`."""
    try:
        if full:
            build(REPO, content=content, site_dir=content.parent / "site")
        else:
            check(REPO, content=content)
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


# Words that stand for text too large to write in a scenario file.
STAND_INS = {
    "LONGTEXT": "نص " * 8000,  # a paste accident: one paragraph of 8,000 words
    "HUGETEXT": "نص " * 500_000,  # 2.5 MB: a file far too large for a page
    "DEEPLY_NESTED": "how_to_read: {ar: نص, en: text}\nclaims: " + "[" * 3000 + "]" * 3000,
}


def expand(files: dict | None) -> dict:
    """Scenario files as written, with the stand-ins replaced."""
    out = {}
    for path, text in (files or {}).items():
        if isinstance(text, str):
            for word, long in STAND_INS.items():
                text = text.replace(word, long)
        out[path] = text
    return out


def make_case(edition, case: dict) -> Path:
    """The small edition changed as the case says: files, symbolic links, named pipes."""
    content = edition(expand(case.get("files")))
    for rel, target in (case.get("links") or {}).items():
        (content / rel).unlink(missing_ok=True)
        (content / rel).symlink_to(target)
    for rel in case.get("pipes") or ():
        (content / rel).unlink(missing_ok=True)
        os.mkfifo(content / rel)
    return content


@pytest.fixture(scope="module")
def unchanged_site(tmp_path_factory):
    """One build of the unchanged small edition, shared by the cases that change nothing."""
    import shutil

    from ..conftest import SMALL

    content = tmp_path_factory.mktemp("unchanged") / "content"
    shutil.copytree(SMALL, content)
    return build(REPO, content=content, site_dir=content.parent / "site", skip={"pdf"})


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_scenario(edition, case, request):
    if "problems" in case:
        content = make_case(edition, case)
        assert problems_of(content, full=case.get("build", False)) == case["problems"]
        return
    if case.get("files"):
        content = edition(expand(case["files"]))
        site = build(REPO, content=content, site_dir=content.parent / "site")
    else:
        site = request.getfixturevalue("unchanged_site")
    for rel, fragments in case["output"].items():
        html = (site / rel).read_text(encoding="utf-8")
        position = 0
        for fragment in fragments:  # in the order listed
            found = html.find(fragment, position)
            assert found >= 0, f"{rel} lacks (after the previous fragment): {fragment}"
            position = found + len(fragment)
    for rel, fragments in (case.get("absent") or {}).items():
        html = (site / rel).read_text(encoding="utf-8")
        for fragment in fragments:
            assert fragment not in html, f"{rel} must not contain: {fragment}"
