"""Thin command-line adapter around the build, serve and import functions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ContentError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m build_scripts")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build both languages into site/")
    build.add_argument("--site-dir", type=Path, default=ROOT / "site")
    build.add_argument("--allow-pending", action="store_true",
                       help="build even if some paragraphs are not translated yet")

    serve = sub.add_parser("serve", help="preview with live reload")
    serve.add_argument("--port", type=int, default=8000)

    imp = sub.add_parser("import", help="clean a raw article into content/articles/<slug>/")
    imp.add_argument("raw", type=Path)
    imp.add_argument("--slug", required=True)
    imp.add_argument("--force", action="store_true", help="overwrite an existing article's text")

    sub.add_parser("check", help="load and validate content without writing anything")

    args = parser.parse_args(argv)
    try:
        if args.command == "import":
            from .importer import import_article

            cleaned = import_article(args.raw, args.slug, ROOT / "content", force=args.force)
            print(cleaned.report())
            print(f"wrote content/articles/{args.slug}/ (source.txt, ar.md, article.yml)")
            print("next: fill in article.yml (English title, outlet, date) and write en.md")
        elif args.command == "check":
            from .content import load_site

            site = load_site(ROOT / "content")
            print(f"content OK: {len(site.articles)} articles")
        elif args.command == "build":
            from .build import build

            out = build(ROOT, site_dir=args.site_dir, allow_pending=args.allow_pending)
            print(f"site written to {out}/ (open {out}/index.html)")
        elif args.command == "serve":
            from .serve import serve

            serve(ROOT, port=args.port)
    except ContentError as error:
        print(error, file=sys.stderr)
        print(f"\n{len(error.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    except (FileExistsError, ValueError, FileNotFoundError, UnicodeDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
