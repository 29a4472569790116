"""Shared helpers: the small test edition in a temp folder, changed per test, and its builds."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SMALL = Path(__file__).resolve().parent / "editions" / "small"


def write_tree(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write `files` ({relative path: text}) below `root`; None deletes a file."""
    for rel, text in files.items():
        path = root / rel
        if text is None:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def edition(tmp_path: Path):
    """Return a function that copies the small edition to `tmp/content`, applies changes to it
    ({path below content/: text, or None to delete}), and returns the content folder."""

    def make(changes: dict[str, str | bytes | None] | None = None) -> Path:
        content = tmp_path / "content"
        shutil.copytree(SMALL, content, dirs_exist_ok=True)
        return write_tree(content, changes or {})

    return make


# PDFs take seconds each: the tests that are not about them build without (tests/…/test_pdf.py).
NO_PDF = frozenset({"pdf"})


@pytest.fixture(autouse=True)
def _pinned_build_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718755200")


@pytest.fixture(autouse=True)
def _no_pdf_unless_asked(request, monkeypatch):
    """Leave the PDF output out of builds, except in tests marked `slow` (the PDF tests)."""
    if request.node.get_closest_marker("slow"):
        return
    from build_scripts.outputs import REGISTRY

    monkeypatch.setattr(REGISTRY, "outputs", [o for o in REGISTRY.outputs if o.name != "pdf"])


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    """The small edition, built once per test module (for tests that only read the site)."""
    from build_scripts.build import build

    content = tmp_path_factory.mktemp("small") / "content"
    shutil.copytree(SMALL, content)
    return build(REPO, content=content, site_dir=content.parent / "site", skip=NO_PDF)
