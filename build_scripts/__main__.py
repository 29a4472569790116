"""Command line: `python -m build_scripts {build,serve,import}`."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
