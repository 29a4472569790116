"""The build, as a pipeline: load → validate → enrich → render every language → MkDocs → check →
swap into place.

Every stage adds its problems to one list and the build stops once, at the end, with all of them:
content, catalogs, MkDocs warnings and built-site checks come out in a single run, each as
`path:line: what — how to fix`. Nothing under `site/` changes unless the list is empty.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import logging
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from . import checks, search, terms
from .enrich import enrich
from .errors import ContentError, Problem, Problems
from .i18n import Strings, load_strings
from .load import load_site
from .mkdocs_plugin import ReaderPlugin
from .model import Origin, Site
from .outputs import REGISTRY, Page, nav

FOLDING_LANGS = {"ar"}  # languages whose search index gets folded fields (see search.py)
_DOC_FILE = re.compile(r"Doc file '(?P<page>[^']+)'")
_QUOTED = re.compile(r"'([^']+)'")
_WARNED_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)'")


def build(root: Path, *, site_dir: Path, content: Path | None = None,
          allow_pending: bool = False, warnings: list[Problem] | None = None,
          skip: frozenset[str] | set[str] = frozenset(), url: str | None = None) -> Path:
    """Build every language of the edition in `content` (default `root/content`) into `site_dir`.

    Warnings (things to improve that do not stop the build) are appended to `warnings`;
    `skip` names outputs to leave out (the live preview skips the PDFs); `url` is where the
    site will be published (QR codes), when site.yml does not say.
    """
    outputs = [o for o in REGISTRY if o.name not in skip]
    content = (content or root / "content").resolve()
    _pin_build_date(root)
    problems = Problems(content.parent)  # content paths read as "content/articles/…"
    site = load_site(content, problems, navigable=REGISTRY.navigable(),  # load + validate
                     allow_pending=allow_pending).site
    if site is None:
        problems.raise_if_any()
    strings = {lang: load_strings(content / "locales", lang, problems)
               for lang in site.config.codes}
    site = enrich(site)                                                      # enrich
    site = replace(site, outputs=frozenset(o.name for o in outputs))
    if url and not site.config.url:
        site = replace(site, config=replace(site.config, url=url.rstrip("/") + "/"))
    for output in outputs:
        output.check(site, problems)
    try:
        artefacts = [a for output in outputs for a in output.artefacts(site, strings)]  # files
        site = replace(site, files={a.path: len(a.data) for a in artefacts})
        pages = {lang: {o.name: o.pages(site, lang, strings[lang]) for o in outputs}  # render
                 for lang in site.config.codes}
    except Exception:
        # Rendering goes on past bad content to find MkDocs' and the site's problems too; if
        # broken content still trips a renderer, report the content problems, not a traceback.
        problems.raise_if_any()
        raise
    _missing_strings(strings, problems)

    site_dir = site_dir.resolve()
    warned: set[tuple[str, str]] = set()  # (built page, link) MkDocs has already reported
    with _lock(site_dir):
        _clear_debris(site_dir)  # what a killed build left behind
        with _staging(site_dir) as out:
            built = _mkdocs_languages(root, site, out, pages, strings, problems, warned)  # MkDocs
            for artefact in artefacts:                                           # artefacts
                path = out / artefact.path
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(artefact.data)
            for output in outputs:                                               # finish
                output.finish(site, out)
            expected = {lang: (lang, site.config.dir(lang)) for lang in site.config.codes}
            if built:  # a language MkDocs could not build would only add follow-on noise
                checks.check_site(out, expected, _locator(problems.root, pages), problems,  # check
                                  skip=warned)
            problems.raise_if_any()
            _swap(out, site_dir)                                                 # swap in
    if warnings is not None:
        warnings.extend(sorted(problems.warnings))
    return site_dir


def check(root: Path, *, content: Path | None = None, allow_pending: bool = False,
          warnings: list[Problem] | None = None) -> Site:
    """Load and validate everything, catalogs included; write nothing. `allow_pending`
    accepts untranslated drafts (a freshly imported article)."""
    content = (content or root / "content").resolve()
    problems = Problems(content.parent)
    site = load_site(content, problems, navigable=REGISTRY.navigable(),
                     allow_pending=allow_pending).site
    if site is not None:
        for lang in site.config.codes:
            load_strings(content / "locales", lang, problems)
        enriched = enrich(site)
        for output in REGISTRY:
            output.check(enriched, problems)
    problems.raise_if_any()
    if warnings is not None:
        warnings.extend(sorted(problems.warnings))
    return site


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


def _missing_strings(strings: dict[str, Strings], problems: Problems) -> None:
    from .i18n import GENERATOR_LOCALES

    for lang, t in strings.items():
        if not t.known:  # no catalog at all: reported once by load_strings, not per string
            continue
        for message in sorted(t.missing):
            problems.add(GENERATOR_LOCALES / lang / "LC_MESSAGES" / "messages.po", 1,
                         f"the site uses the string '{message}', which this catalog lacks",
                         f'add msgid "{message}" with its msgstr')


def _write_pages(docs: Path, pages: dict[str, list[Page]]) -> None:
    for page in (p for group in pages.values() for p in group):
        path = docs / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.body, encoding="utf-8")


_LANGUAGE_JOB: tuple = ()  # what a forked MkDocs worker needs (inherited, not pickled)


def _mkdocs_languages(root: Path, site: Site, out: Path, pages: dict, strings: dict[str, Strings],
                      problems: Problems, warned: set[tuple[str, str]]) -> bool:
    """Run MkDocs for every language; returns whether all of them built.

    The languages share nothing while MkDocs builds them, so where the system can fork and has
    two cores each runs in its own process (MkDocs is single-threaded Python: the wall time of a
    build is mostly this); their problems come back to this process. Elsewhere, in turn.
    """
    global _LANGUAGE_JOB
    codes = list(site.config.codes)
    if len(codes) < 2 or (os.cpu_count() or 1) < 2 or \
            "fork" not in multiprocessing.get_all_start_methods():
        results = [_mkdocs_language(lang, root, site, out, pages, strings, problems.root)
                   for lang in codes]
    else:
        _LANGUAGE_JOB = (root, site, out, pages, strings, problems.root)
        try:
            with ProcessPoolExecutor(max_workers=len(codes),
                                     mp_context=multiprocessing.get_context("fork")) as pool:
                results = list(pool.map(_mkdocs_forked, codes))
        finally:
            _LANGUAGE_JOB = ()
    for finished, found, warnings, seen in results:
        problems.extend(found)
        problems.warnings.extend(warnings)
        warned.update(seen)
    return all(finished for finished, *_ in results)


def _mkdocs_forked(lang: str):
    return _mkdocs_language(lang, *_LANGUAGE_JOB)


def _mkdocs_language(lang: str, root: Path, site: Site, out: Path, pages: dict,
                     strings: dict[str, Strings], problems_root: Path):
    """Write one language's pages and build them; (built?, problems, warnings, warned links)."""
    problems, warned = Problems(problems_root), set()
    docs = out.parent / "docs" / lang
    _write_pages(docs, pages[lang])
    finished = _mkdocs(root, site, lang, docs, out / lang, pages[lang], strings, problems, warned)
    return finished, list(problems), problems.warnings, warned


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings, with their text, for the one list of problems."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _mkdocs(root: Path, site: Site, lang: str, docs: Path, out: Path, pages: dict[str, list[Page]],
            strings: dict[str, Strings], problems: Problems, warned: set[tuple[str, str]]
            ) -> bool:
    """Run MkDocs for one language with the shared mkdocs.yml and the reader plugin.

    Its warnings (and errors) become problems, with their text; returns whether it built.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    t = strings[lang]
    config_file = root / "mkdocs.yml"
    with open(config_file, encoding="utf-8") as handle:
        base = yaml_load(handle)
    other = site.config.other(lang)
    theme = {**base["theme"], "language": lang, "direction": site.config.dir(lang),
             "custom_dir": str(root / "overrides")}
    plugins = [dict(p) if isinstance(p, dict) else p for p in base.get("plugins", [])]
    search_options = next(p["search"] for p in plugins if isinstance(p, dict) and "search" in p)
    extra = {**base.get("extra", {}),
             "other_lang": {"code": other, "dir": site.config.dir(other),
                            "name": strings[other]("Language name"),
                            "label": t("Switch language")},
             "t": {"home": t("Home"), "not_found_title": t("Page not found"),
                   "not_found_text": t("Not found text"), "search": t("Search"),
                   "dark_mode": t("Switch to dark mode"),
                   "light_mode": t("Switch to light mode")},
             "footer": {"teachers": t("For teachers"), "licence": t("Licence"),
                        "booklet": t("All articles in one booklet (PDF)")
                        if "pdf" in site.outputs else "",
                        "licence_url": site.config.licence.url,
                        "licence_name": site.config.licence.name}}
    # the sitemap needs absolute addresses: without the published URL there is none
    extra["sitemap_base"] = f"{site.config.url}{lang}/" if site.config.url else ""
    fold = lang in FOLDING_LANGS
    if fold:
        # lunr's stemmers and trimmer mangle Arabic; the folded fields do that job instead.
        search_options.update(lang=["en"], pipeline=[], fields=search.FIELDS)
        extra["search_fold"] = search.FOLD_SCRIPT
        extra["search_fold_rules"] = search.RULES_SCRIPT
    collect = _Collect()
    finished = False
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    logger.addHandler(collect)
    config = None
    try:
        config = load_config(
            config_file=str(config_file), docs_dir=str(docs), site_dir=str(out),
            site_name=site.config.title[lang], site_description=site.config.description[lang],
            nav=nav(site, lang, t, pages), theme=theme, extra=extra, plugins=plugins)
        config.plugins["reader"] = ReaderPlugin(
            direction=site.config.dir(lang), fold_search=fold,
            matcher=terms.glossary_matcher(site.terms, lang) if fold and site.terms else None,
            query_terms=search.query_rules(site.terms, lang) if fold else None)
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        finished = True
    except ConfigurationError as error:
        if not collect.messages:  # MkDocs usually logs it too; report it once
            collect.messages.append(str(error))
    except Abort:
        # Strict mode stops after the build with its warnings (reported below); a bad setting
        # stops it before, while loading the configuration.
        finished = config is not None
    finally:
        if config is not None:
            config.plugins.on_shutdown()
        logger.removeHandler(collect)
        logger.setLevel(level)
    sources = {p.path: p.sources for group in pages.values() for p in group}
    for message in collect.messages:
        link = _WARNED_LINK.search(message)
        if link:
            warned.add((f"{lang}/{link['page'][:-3]}.html", link["link"]))
        origin = _origin_of_warning(problems.root, message, sources)
        if origin is None:
            problems.add(config_file, 1, f"MkDocs ({lang}): {message.strip()}",
                         "fix the setting it names in mkdocs.yml")
            continue
        problems.add(origin.path, origin.line, f"MkDocs ({lang}): {message.strip()}",
                     "fix the link or text it names")
    return finished


def _origin_of_warning(root: Path, message: str, sources: dict[str, tuple[Origin, ...]]
                       ) -> Origin | None:
    """The content line a MkDocs warning is about; None when it is about MkDocs' settings."""
    page = _DOC_FILE.search(message)
    if page is None or page["page"] not in sources:
        return None
    quoted = [q for q in _QUOTED.findall(message) if q != page["page"]]
    return _find(root, sources[page["page"]], quoted[0] if quoted else "")


def _find(root: Path, origins: tuple[Origin, ...], snippet: str) -> Origin:
    """The first content line among `origins` that contains `snippet` (else the first origin).

    A built link is also looked for as the author wrote it: `x.md` for `x.html`, or its anchor.
    """
    candidates = [snippet]
    if ".html" in snippet:
        candidates.append(snippet.replace(".html", ".md"))
    if "#" in snippet:
        candidates.append("#" + snippet.split("#", 1)[1])
    for candidate in (c for c in candidates if c):
        for origin in origins:
            try:
                lines = (root / origin.path).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            for number, line in enumerate(lines, start=1):
                if candidate in line:
                    return Origin(origin.path, number)
    return origins[0] if origins else Origin("mkdocs.yml")


def _locator(root: Path, pages: dict[str, dict[str, list[Page]]]):
    """Map a built file and a snippet of it back to the content line that produced it."""
    sources = {f"{lang}/{p.path[:-3]}.html": p.sources
               for lang, groups in pages.items() for group in groups.values() for p in group}

    def locate(built: str, snippet: str) -> Origin:
        origins = sources.get(built)
        if not origins:
            return Origin(f"site/{built}")
        return _find(root, origins, snippet)

    return locate


@contextlib.contextmanager
def _lock(site_dir: Path) -> Iterator[None]:
    """One build at a time per output folder: a second one is refused with a clear message."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    path = site_dir.parent / f".{site_dir.name}.lock"
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            problems = Problems(site_dir.parent)
            problems.add(path, 1, "another build is writing this site right now",
                         "wait for it to finish, then build again")
            raise ContentError(list(problems)) from None
        _HELD_LOCKS.add(handle.fileno())
        _BUILD[0] = os.getpid()
        try:
            yield
        finally:
            _HELD_LOCKS.discard(handle.fileno())


# A forked worker (MkDocs per language, the PDF renderers) inherits the lock's descriptor, and a
# lock lives while any descriptor of it is open: a build killed outright would leave its workers
# holding it, and writing into a staging folder the next build has cleared. So each worker points
# its copy at /dev/null (only the build holds the lock) and, on Linux, dies with the build.
_HELD_LOCKS: set[int] = set()
_BUILD = [0]  # the process that holds the lock
_PR_SET_PDEATHSIG = 1


def _in_forked_worker() -> None:
    if not _HELD_LOCKS:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    for fd in _HELD_LOCKS:
        os.dup2(null, fd)
    os.close(null)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the lock is released all the same
        return
    if os.getppid() != _BUILD[0]:  # the build died before the request took effect
        os._exit(1)


os.register_at_fork(after_in_child=_in_forked_worker)


def _clear_debris(site_dir: Path) -> None:
    """Remove what a killed build left beside `site_dir` (staging folders, a `.old` site): the
    caller holds the lock, so no running build owns them."""
    for path in site_dir.parent.glob(f".{site_dir.name}-*"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
    old = site_dir.with_name(site_dir.name + ".old")
    if old.is_dir() and not site_dir.exists():  # killed between the two renames of _swap
        old.rename(site_dir)
    elif old.is_dir():
        shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def _staging(site_dir: Path) -> Iterator[Path]:
    """A fresh folder beside `site_dir` for the new site, removed whatever happens."""
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        yield staging / "site"
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, site_dir: Path) -> None:
    """Put `new` in place of `site_dir` without a moment in which `site_dir` is missing: on Linux
    the two folders are exchanged in one step (renameat2); elsewhere, two quick renames."""
    if site_dir.exists() and _exchange(new, site_dir):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the previous site
        return
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2 with RENAME_EXCHANGE); False if unable."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
