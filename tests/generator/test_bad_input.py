"""The bad-input gate from outside: the real command line, run on broken content against a site
that is already built, must exit non-zero, print every problem as `path:line: message` and
nothing else of note (no traceback), and leave every byte of the existing site as it was.

The whole corpus (scenarios/*.yml) runs in-process through `check` in test_scenarios.py; here a
sample of it, one case per kind of failure, goes through `python -m build_scripts build`. And
what should be accepted is: Windows line endings and byte-order marks build the same site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.build import build

from ..conftest import NO_PDF, REPO, SMALL
from .test_build import digest
from .test_scenarios import CASES, make_case

# One case per kind of failure: unreadable file, encoding, YAML syntax, schema, calendar,
# invisible characters, catalog, size limit, follow-on noise, a problem only MkDocs finds.
SAMPLE = [
    "en.md that is a link to itself, ar.md a link to nothing",
    "a translation saved as UTF-16, Arabic text saved as Windows-1256",
    "YAML anchors and aliases (a few lines that would expand to millions of values)",
    "a title given as a list",
    "an impossible day in article.yml and in the timeline",
    "bidi controls in timeline, claims, glossary and quiz text",
    "an unterminated msgstr (it used to swallow the next entry and shorten a label)",
    "a translation far too large for a page, and a huge raw source",
    "an empty ar.md is one problem, not one for each citation of it",
    "a Markdown link to a page that does not exist (MkDocs' warning, with its text)",
]
BY_NAME = {case["name"]: case for case in CASES}


@pytest.fixture(scope="module")
def existing_site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A site built from the unchanged small edition, and the digest of every file in it."""
    content = tmp_path_factory.mktemp("existing") / "content"
    shutil.copytree(SMALL, content)
    with pytest.MonkeyPatch.context() as patch:  # the build date the tests pin (conftest.py)
        patch.setenv("SOURCE_DATE_EPOCH", "1718755200")
        site = build(REPO, content=content, site_dir=content.parent / "site", skip=NO_PDF)
    return site, digest(site)


def test_the_sample_is_in_the_corpus():
    assert set(SAMPLE) <= set(BY_NAME)
    assert len([c for c in CASES if "problems" in c]) >= 50, "the corpus has at least 50 cases"


@pytest.mark.slow
@pytest.mark.parametrize("name", SAMPLE)
def test_cli_refuses_bad_input_and_leaves_the_site_alone(name, edition, existing_site, tmp_path):
    case = BY_NAME[name]
    content = make_case(edition, case)
    site = tmp_path / "site"
    shutil.copytree(existing_site[0], site, symlinks=True)
    assert digest(site) == existing_site[1]
    command = [sys.executable, "-m", "build_scripts", "build", "--content", str(content),
               "--site-dir", str(site)]
    run = subprocess.run(command, check=False, cwd=REPO, capture_output=True, text=True,
                         timeout=300,
                         env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    summary = f"{len(case['problems'])} problem(s); nothing was written."
    assert lines == [*case["problems"], "", summary]
    assert digest(site) == existing_site[1], "a failed build changed the existing site"
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == [".site.lock", "content", "site"], "staging folders left behind"


def test_windows_line_endings_and_byte_order_marks_build_the_same_site(edition, tmp_path,
                                                                       existing_site):
    content = edition()
    for path in content.rglob("*"):
        if path.is_file() and path.suffix in {".md", ".yml", ".txt", ".po"}:
            data = path.read_bytes().replace(b"\n", b"\r\n")
            path.write_bytes(b"\xef\xbb\xbf" + data)
    site = build(REPO, content=content, site_dir=tmp_path / "site", skip=NO_PDF)
    assert digest(site) == existing_site[1]
