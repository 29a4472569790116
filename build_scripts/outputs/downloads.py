"""Downloads: a page per language listing the files a reader can take away (PDFs, the EPUB,
the glossary), with sizes, and the whole site as a zip that works from a folder (file://). The
zip holds the download pages, so its size is written into them once it is made (`finish`).
Files for teachers only (answer keys, quiz files for learning platforms) are listed in the
teacher's corner instead."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from babel.numbers import format_decimal
from markupsafe import Markup, escape

from .. import markup
from ..i18n import Strings
from ..model import Site
from . import BaseOutput, Page
from .common import View

ARCHIVE = "downloads/site.zip"
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
TEACHER_FILES = ("-answers.pdf", ".gift", "-qti.zip")
ARCHIVE_SIZE = re.compile(r'(<span class="archive-size">).*?(</span>)', re.DOTALL)


class Downloads(BaseOutput):
    """`downloads.md` in every language, and `downloads/site.zip`."""

    name = "downloads"

    def __init__(self) -> None:
        self.views: dict[str, View] = {}  # the languages of the pages, for the archive's size

    def pages(self, site: Site, lang: str, t: Strings) -> list[Page]:
        """The list of files, with sizes (the archive's is filled in by `finish`)."""
        v = self.views[lang] = View(site, lang, t)
        rows = [Markup('<li><a href="../{}" download>{}</a> (<span class="archive-size">{}</span>)'
                       "</li>").format(ARCHIVE, v.ui("The whole site, to use from a folder"),
                                       v.ui("zip archive"))]
        for path in sorted(site.files):
            if (path.startswith((f"{lang}/", "exports/"))) and \
                    not path.endswith(TEACHER_FILES) and path.split("/")[-1][:1] != ".":
                rows.append(Markup('<li><a href="../{}" download>{}</a> ({})</li>').format(
                    path, label(site, path, v), size(site.files[path], v)))
        body = (markup.front_matter(t("Downloads")) + f"# {v.ui('Downloads')}\n\n"
                + f"{v.ui('Downloads intro')}\n\n"
                + str(Markup('<ul class="downloads-list">{}</ul>').format(Markup("").join(rows)))
                + "\n")
        return [Page("downloads.md", t("Downloads"), body, sources=(site.config.origin,))]

    def finish(self, site: Site, out: Path) -> None:
        """Zip the whole site and write the zip's size into the download pages, then zip again
        with those pages, until the size shown no longer changes (at the second try: the pages
        change by a few bytes, the size is shown in KB or MB)."""
        target = out / ARCHIVE
        for _ in range(4):
            zip_site(out, target)
            changed = False
            for lang in site.config.codes:
                page = out / lang / "downloads.html"
                if lang not in self.views or not page.is_file():
                    continue
                html = page.read_text("utf-8")
                label = size(target.stat().st_size, self.views[lang])
                filled = ARCHIVE_SIZE.sub(lambda m, label=label: f"{m[1]}{escape(label)}{m[2]}", html)
                if filled != html:
                    page.write_text(filled, "utf-8")
                    changed = True
            if not changed:
                return


OUTPUT = Downloads()


def zip_site(out: Path, target: Path) -> None:
    """The whole built site as `target` (fixed dates and order: the same site, the same bytes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in out.rglob("*") if p.is_file() and p != target)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"site/{path.relative_to(out).as_posix()}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


def size(count: int, v: View) -> str:
    """A file size a reader can judge (KB or MB, in the page's number format)."""
    if count >= 1_000_000:
        return v.t("%(n)s MB", n=format_decimal(round(count / 1_000_000, 1), locale=v.lang))
    return v.t("%(n)s KB", n=format_decimal(max(1, round(count / 1000)), locale=v.lang))


def label(site: Site, path: str, v: View) -> str:
    """What a file is, in the page's language."""
    name = path.rsplit("/", 1)[-1]
    if name == "booklet.pdf":
        return v.t("All articles in one booklet (PDF)")
    if name.endswith(".pdf"):
        article = site.article(name[:-4])
        return f"{article.title[v.lang]} (PDF)" if article else name
    if name.endswith(".epub"):
        return v.t("The whole edition as an e-book (EPUB)")
    if name == "glossary.csv":
        return v.t("Glossary for spreadsheets (CSV)")
    if name == "glossary.tbx":
        return v.t("Glossary for translation tools (TBX)")
    return name
