"""`new`: start an edition from the generator's template, ready to build as it is."""

from __future__ import annotations

import shutil
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "edition"


def new_edition(folder: Path) -> Path:
    """Copy the template edition into `folder` (which must be missing or empty)."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder} exists and is not an empty folder; choose a new one")
    shutil.copytree(TEMPLATE, folder, dirs_exist_ok=True)
    return folder
