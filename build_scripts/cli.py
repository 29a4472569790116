"""Thin command-line adapter around the build, check, serve, new and import functions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ContentError

ROOT = Path(__file__).resolve().parent.parent


def _lines(value: str) -> frozenset[int]:
    try:
        return frozenset(int(n) for n in value.split(",") if n.strip())
    except ValueError:
        raise argparse.ArgumentTypeError("give raw line numbers, e.g. 14 or 14,20") from None


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one command; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m build_scripts")
    sub = parser.add_subparsers(dest="command", required=True)

    def content_option(command: argparse.ArgumentParser) -> None:
        command.add_argument("--content", type=Path, default=ROOT / "content",
                             help="the edition's content folder (default: content/)")

    build = sub.add_parser("build", help="build every language into site/")
    content_option(build)
    build.add_argument("--site-dir", type=Path, default=None,
                       help="where to write (default: site/, or site.preview/ for drafts)")
    build.add_argument("--allow-pending", action="store_true",
                       help="preview drafts: untranslated paragraphs show the source text; "
                       "written to site.preview/, never to site/")
    build.add_argument("--url", help="where the site will be published (for QR codes), "
                       "when site.yml does not say")

    serve = sub.add_parser("serve", help="preview with live reload")
    content_option(serve)
    serve.add_argument("--port", type=int, default=8000)

    check = sub.add_parser("check", help="load and validate content without writing anything")
    content_option(check)
    check.add_argument("--allow-pending", action="store_true",
                       help="accept paragraphs not translated yet (drafts)")

    new = sub.add_parser("new", help="start a new edition in a folder (then build --content)")
    new.add_argument("folder", type=Path)

    imp = sub.add_parser("import", help="clean a raw article (text, saved .html page or an "
                         "https:// address) into <content>/articles/<slug>/")
    content_option(imp)
    imp.add_argument("raw", help="the saved text or page, or the article's address")
    imp.add_argument("--slug", required=True)
    imp.add_argument("--force", action="store_true", help="replace an existing article's text "
                     "(the old files are backed up; the report lists references to changed text)")
    imp.add_argument("--keep", type=_lines, default=frozenset(), metavar="N[,N…]",
                     help="raw lines to keep although the importer dropped them (see its report)")
    imp.add_argument("--drop", type=_lines, default=frozenset(), metavar="N[,N…]",
                     help="raw lines to drop although the importer kept them")

    ren = sub.add_parser("renumber", help="close gaps in an article's paragraph ids and rewrite "
                         "every reference to them")
    content_option(ren)
    ren.add_argument("slug")
    ren.add_argument("--dry-run", action="store_true", help="list the changes, write nothing")

    stat = sub.add_parser("status", help="per article: translation, explainers, citations, "
                          "quiz, timeline and claims; what blocks make site")
    content_option(stat)

    args = parser.parse_args(argv)
    content = args.content.resolve() if getattr(args, "content", None) else None
    warnings: list = []
    try:
        if args.command == "import":
            from .errors import Problems
            from .importer import import_article
            from .load import load_config
            from .outputs import REGISTRY

            config = load_config(content / "site.yml", Problems(content.parent),
                                 REGISTRY.navigable()) if (content / "site.yml").exists() else None
            level = config.levels[len(config.levels) // 2].id if config else "intermediate"
            raw = args.raw if args.raw.startswith(("http://", "https://")) else Path(args.raw)
            cleaned = import_article(raw, args.slug, content, force=args.force, level=level,
                                     keep=args.keep, drop=args.drop)
            print(cleaned.report())
            print(f"wrote {content / 'articles' / args.slug}/ (source.txt, ar.md, article.yml)")
            print("next: fill in article.yml (English title, outlet, date) and write en.md")
        elif args.command == "renumber":
            from .editor import renumber

            changes = renumber(content, args.slug, dry_run=args.dry_run)
            print("\n".join(changes) if changes else f"{args.slug}: ids have no gaps; nothing to do")
            if changes:
                print(f"{len(changes)} line(s) {'would change' if args.dry_run else 'changed'}")
        elif args.command == "status":
            from .status import status

            print(status(ROOT, content))
        elif args.command == "check":
            from .build import check as check_content

            site = check_content(ROOT, content=content, warnings=warnings,
                                 allow_pending=args.allow_pending)
            print(f"content OK: {len(site.articles)} articles")
        elif args.command == "build":
            from .build import build as build_site

            site_dir = args.site_dir or ROOT / ("site.preview" if args.allow_pending else "site")
            if args.allow_pending and site_dir.resolve() == (ROOT / "site").resolve():
                raise ValueError("drafts never go into site/: leave out --site-dir (they go to "
                                 "site.preview/) or use make serve")
            out = build_site(ROOT, site_dir=site_dir, content=content,
                             allow_pending=args.allow_pending, warnings=warnings, url=args.url)
            print(f"site written to {out}/ (open {out}/index.html)")
        elif args.command == "serve":
            from .serve import serve as serve_site

            serve_site(ROOT, content=content, port=args.port)
        elif args.command == "new":
            from .scaffold import new_edition

            folder = new_edition(args.folder.resolve())
            print(f"new edition in {folder}/")
            print(f"build it: python -m build_scripts build --content {args.folder} "
                  f"(or make site CONTENT={args.folder})")
        if warnings:
            print(f"\n{len(warnings)} warning(s), not stopping the build:", file=sys.stderr)
            for warning in warnings:
                print(f"  {warning}", file=sys.stderr)
    except ContentError as error:
        print(error, file=sys.stderr)
        print(f"\n{len(error.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    except (FileExistsError, ValueError, FileNotFoundError, UnicodeDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
