"""Scenario files: small YAML cases of changed files in, and either the whole list of problems
or HTML fragments of the built pages out. One parametrized test runs them all."""

from __future__ import annotations

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


LONG = "نص " * 8000


def expand(files: dict | None) -> dict:
    """Scenario files as written, with LONGTEXT standing for a paste accident."""
    return {path: text.replace("LONGTEXT", LONG) if isinstance(text, str) else text
            for path, text in (files or {}).items()}


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
        content = edition(expand(case.get("files")))
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
