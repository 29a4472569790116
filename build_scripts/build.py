"""The build, as a pipeline: load → validate → render both languages → MkDocs → post-process →
check → swap into place. Nothing under `site/` changes unless every step succeeds."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import checks, search
from .content import LANGS, load_site
from .errors import ContentError, Problem, Problems
from .i18n import Strings, load_strings
from .render import DIR, OTHER, nav, render_pages


def build(root: Path, *, site_dir: Path, allow_pending: bool = False) -> Path:
    """Build `site_dir/ar`, `site_dir/en` and the root pages from `root/content`."""
    _pin_build_date(root)
    site = load_site(root / "content", allow_pending=allow_pending)          # load + validate
    problems = Problems(root)
    strings = {lang: load_strings(root / "content" / "locales", lang, problems) for lang in LANGS}
    problems.raise_if_any()

    pages = {lang: render_pages(site, lang, strings[lang]) for lang in LANGS}  # render
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        out = staging / "site"
        for lang in LANGS:                                                     # MkDocs
            docs = staging / "docs" / lang
            _write_pages(docs, pages[lang])
            _mkdocs(root, lang, docs, out / lang, nav(site, lang, strings[lang]), strings[lang])
        for lang in LANGS:                                                     # post-process
            _set_html_dir(out / lang, DIR[lang])
        search.rewrite_index(out / "ar")
        _write_root_pages(out, strings)
        problems_found = checks.check_site(out)                                # check
        if problems_found:
            raise ContentError([Problem(p, 1, m) for p, m in problems_found])
        _swap(out, site_dir)                                                   # swap in
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site_dir


def _pin_build_date(root: Path) -> None:
    """Honour SOURCE_DATE_EPOCH; default to the last commit so rebuilds give the same bytes."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, check=True,
                               capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        stamp = ""
    os.environ["SOURCE_DATE_EPOCH"] = stamp or "0"


def _set_html_dir(folder: Path, direction: str) -> None:
    """Put `dir` on `<html>` itself (Material sets it on `<body>` only), for every page."""
    for path in sorted(folder.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        fixed = re.sub(r"<html\b(?![^>]*\bdir=)", f'<html dir="{direction}"', text, count=1)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def _write_pages(docs: Path, pages: dict[str, str]) -> None:
    for rel, text in sorted(pages.items()):
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _mkdocs(root: Path, lang: str, docs: Path, out: Path, pages_nav: list, t: Strings) -> None:
    """Run MkDocs for one language with the shared mkdocs.yml and per-language overrides."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        base = yaml_load(handle)
    other = OTHER[lang]
    theme = {**base["theme"], "language": lang, "direction": DIR[lang],
             "custom_dir": str(root / "overrides")}
    search_options = dict(base["plugins"][0]["search"])
    extra = {**base.get("extra", {}),
             "other_lang": {"code": other, "dir": DIR[other], "name": t("Other language name"),
                            "label": t("Switch language")},
             "t": {"home": t("Home"), "not_found_title": t("Page not found"),
                   "not_found_text": t("Not found text")}}
    if lang == "ar":
        # lunr's stemmers and trimmer mangle Arabic; the folded fields do that job instead.
        search_options.update(lang=["en"], pipeline=[], fields=search.FIELDS)
        extra["search_fold"] = search.FOLD_SCRIPT
    config = load_config(
        config_file=str(root / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(out),
        site_name=t("Site name"), site_description=t("Site description"), nav=pages_nav,
        theme=theme, extra=extra, plugins=[{"search": search_options}, "offline"],
    )
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
    except (Abort, ConfigurationError) as error:
        raise ContentError([Problem("mkdocs.yml", 1, f"MkDocs ({lang}): {error}")]) from error
    finally:
        config.plugins.on_shutdown()


ROOT_INDEX = """<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title_en} · {title_ar}</title>
<script>
  // Send the visitor to the language of their browser; the links below stay for everyone else.
  (function () {{
    var langs = navigator.languages || [navigator.language || ""]
    var ar = langs.some(function (l) {{ return /^ar\\b/i.test(l) }})
    location.replace((ar ? "ar" : "en") + "/index.html" + location.hash)
  }})()
</script>
<style>
  body {{ font: 1.1rem/1.6 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }}
  a {{ display: block; margin: .6rem 0; font-size: 1.3rem; }}
</style>
</head>
<body>
<h1>{choose_en} · <span lang="ar" dir="rtl">{choose_ar}</span></h1>
<a href="ar/index.html" hreflang="ar" lang="ar" dir="rtl">{title_ar} — العربية</a>
<a href="en/index.html" hreflang="en">{title_en} — English</a>
</body>
</html>
"""

ROOT_404 = """<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Page not found · الصفحة غير موجودة</title>
<style>body {{ font: 1.1rem/1.6 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }}</style>
</head>
<body>
<h1>{nf_en}</h1>
<p lang="ar" dir="rtl"><strong>{nf_ar}</strong></p>
<p id="links"><a href="en/index.html">English</a> · <a href="ar/index.html" lang="ar">العربية</a></p>
<script>
  // Served for any missing path: find the site root from the path and show that language's 404.
  (function () {{
    var m = location.pathname.match(/^(.*\\/)(ar|en)\\//)
    if (m) location.replace(m[1] + m[2] + "/404.html")
  }})()
</script>
</body>
</html>
"""


def _write_root_pages(out: Path, strings: dict[str, Strings]) -> None:
    values = {"title_en": strings["en"]("Site name"), "title_ar": strings["ar"]("Site name"),
              "choose_en": strings["en"]("Choose a language"),
              "choose_ar": strings["ar"]("Choose a language"),
              "nf_en": strings["en"]("Page not found"), "nf_ar": strings["ar"]("Page not found")}
    (out / "index.html").write_text(ROOT_INDEX.format(**values), encoding="utf-8")
    (out / "404.html").write_text(ROOT_404.format(**values), encoding="utf-8")
    (out / ".nojekyll").write_text("", encoding="utf-8")


def _swap(new: Path, site_dir: Path) -> None:
    """Replace `site_dir` with `new` in two renames, so a reader never sees half a site."""
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
