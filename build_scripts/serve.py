"""Live preview: rebuild both languages when content/ or overrides/ change, and reload the page.

Drafts build (`allow_pending`: untranslated paragraphs show the source text) into a temporary
folder, never into site/; after each rebuild the log shows what is still pending (`status`)."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from .build import build
from .errors import ContentError
from .status import status


def serve(root: Path, *, content: Path | None = None, port: int = 8000) -> None:
    """Serve a preview build on localhost:`port`; a failed rebuild keeps the last good one."""
    from mkdocs.livereload import LiveReloadServer

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    out = Path(tempfile.mkdtemp(prefix="reader-preview-")) / "site"

    def rebuild() -> None:
        try:
            build(root, site_dir=out, content=content, allow_pending=True, skip={"pdf"})
            print(f"rebuilt: http://127.0.0.1:{port}/en/ and http://127.0.0.1:{port}/ar/")
            print(status(root, (content or root / "content").resolve(), brief=True))
        except ContentError as error:
            print(f"{error}\n\n{len(error.problems)} problem(s); still showing the last good build.")

    rebuild()
    server = LiveReloadServer(builder=rebuild, host="127.0.0.1", port=port, root=str(out))
    for path in (content or root / "content", root / "overrides", root / "build_scripts",
                 root / "mkdocs.yml"):
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
