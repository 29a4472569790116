"""Turn a raw article as received (copied from a news page) into clean, numbered paragraphs.

`clean()` is a pure function: raw text in, title + blocks + a report of every line it
dropped and why. `import_article()` writes the result into `content/articles/<slug>/`.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import arabic, textfile
from .textfile import Block

# Lines that are page furniture wherever they appear (compared after normalising spaces).
FURNITURE = {
    "طباعة": "print button",
    "مشاركة": "share button",
    "شارك": "share button",
    "تويتر": "share button",
    "فيسبوك": "share button",
    "واتساب": "share button",
    "الكلمات المفتاحية": "keyword label",
    "الكلمات الدالة": "keyword label",
    "وسوم": "keyword label",
    "اظهار أخبار متعلقة": "related-news prompt",
    "إظهار أخبار متعلقة": "related-news prompt",
    "أخبار متعلقة": "related-news prompt",
    "مقالات ذات صلة": "related-news prompt",
    "اقرأ أيضا": "related-news prompt",
    "زر الذهاب إلى الأعلى": "back-to-top button",
    "العودة إلى الأعلى": "back-to-top button",
    "للأعلى": "back-to-top button",
}
FURNITURE_PATTERNS = [
    (re.compile(r"^\d+$"), "comment or share count"),
    (re.compile(r"^التعليقات\s*\(\d+\)$"), "comment count"),
    (re.compile(r"^(اقرأ|إقرأ|اقرا) (أيضا|أيضًا|أيضاً)\s*[:：]"), "related-news prompt"),
    (re.compile(r"^منذ\s+\S+\s+(ثانية|ثوان|دقيقة|دقائق|ساعة|ساعات|يوم|أيام|أسبوع|أسابيع|شهر|أشهر|سنة|سنوات)$"),
     "relative timestamp (gives no date)"),
]
# A label line whose next line is a person's name: both are masthead furniture.
MASTHEAD_LABELS = {"الإشراف العام", "رئيس التحرير", "مدير التحرير", "نائب رئيس التحرير",
                   "رئيس مجلس الإدارة"}
CAPTION_CREDIT = re.compile(r"\s?[-–—]\s*(جيتي|رويترز|أ ف ب|فرانس برس|الأناضول|AFP|Getty|Reuters)$")
BULLET = re.compile(r"^[•●▪◦·∙‣○■□\-–—*]\s*")
TERMINAL = tuple(".!؟?…\"”»)")
HEADING_MAX_WORDS = 10
ORPHAN_HEADLINE_MAX_WORDS = 20


@dataclass
class Removed:
    """A raw line the importer dropped, with the reason shown to the editor."""

    line: int
    text: str
    reason: str


@dataclass
class Cleaned:
    """What `clean()` makes of a raw article."""

    title: str
    blocks: list[Block]
    removed: list[Removed] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # conversions and backups, for the editor

    def report(self) -> str:
        """Explain, line by line, what was dropped."""
        lines = [f"title: {self.title}",
                 (f"kept: {sum(b.kind != 'heading' for b in self.blocks)} paragraphs, "
                 f"{sum(b.kind == 'heading' for b in self.blocks)} headings"),
                 f"removed: {len(self.removed)} lines"]
        lines += [f"  raw line {r.line}: {r.reason}: {r.text}" for r in self.removed]
        if self.byline:
            lines.append("byline/outlet lines (check article.yml): " + " | ".join(self.byline))
        lines += [f"note: {note}" for note in self.notes]
        return "\n".join(lines)


def tidy(line: str) -> str:
    """Remove tatweel, invisible characters and doubled spaces from one line."""
    line = arabic.strip_tatweel(line)
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    line = arabic.BIDI_CONTROLS.sub("", line)
    return re.sub(r"\s+", " ", line).strip()


def words(line: str) -> int:
    """Count the words of a line, ignoring lone punctuation."""
    return len([w for w in line.split() if re.search(r"\w", w)])


def clean(raw: str) -> Cleaned:
    """Clean a raw article: drop furniture, find title, headings, list items; number blocks."""
    removed: list[Removed] = []
    lines = [(n, tidy(text)) for n, text in enumerate(raw.splitlines(), start=1)]
    lines = [(n, text) for n, text in lines if text]

    kept: list[tuple[int, str]] = []
    seen: set[str] = set()
    skip_next = False
    for i, (n, text) in enumerate(lines):
        if skip_next:
            removed.append(Removed(n, text, "masthead name"))
            skip_next = False
            continue
        reason = _furniture_reason(text)
        if text in MASTHEAD_LABELS:
            reason, skip_next = "masthead label", True
        elif reason is None and CAPTION_CREDIT.search(text):
            reason = "photo caption"
        elif reason is None and text in seen:
            reason = "repeated line"
        if reason:
            removed.append(Removed(n, text, reason))
            continue
        seen.add(text)
        kept.append((n, text))

    title, body, byline = _split_title(kept, removed)
    body = _drop_trailing_credits(body, removed)
    blocks = _classify(body, removed)
    return Cleaned(title=title, blocks=blocks, removed=sorted(removed, key=lambda r: r.line),
                   byline=byline)


def _furniture_reason(text: str) -> str | None:
    bare = text.rstrip(":： ").strip()
    if bare in FURNITURE:
        return FURNITURE[bare]
    for pattern, reason in FURNITURE_PATTERNS:
        if pattern.search(text):
            return reason
    return None


def _split_title(kept: list[tuple[int, str]], removed: list[Removed]):
    """The title is the first line of 4+ words; short lines before it are section labels."""
    index = next((i for i, (_, t) in enumerate(kept) if words(t) >= 4), 0)
    for n, text in kept[:index]:
        removed.append(Removed(n, text, "section or category label"))
    title = kept[index][1] if kept else ""
    body = kept[index + 1 :]
    byline = []
    # Short lines right after the title and before the first paragraph: byline or outlet.
    while body and words(body[0][1]) <= 3 and len(body) > 1 and words(body[1][1]) > 8:
        n, text = body.pop(0)
        removed.append(Removed(n, text, "byline or outlet line"))
        byline.append(text)
    return title, body, byline


def _drop_trailing_credits(body: list[tuple[int, str]], removed: list[Removed]):
    """Short lines after the last paragraph are a signature or labels, not text."""
    while body and words(body[-1][1]) <= 6 and not body[-1][1].endswith(TERMINAL[:4]):
        n, text = body.pop()
        removed.append(Removed(n, text, "author signature or trailing label"))
    return body


def _classify(body: list[tuple[int, str]], removed: list[Removed]) -> list[Block]:
    blocks: list[Block] = []
    counts = {"p": 0, "h": 0}

    def add(kind: str, text: str, line: int) -> None:
        prefix = "h" if kind == "heading" else "p"
        counts[prefix] += 1
        blocks.append(Block(f"{prefix}{counts[prefix]}", kind, text, line))

    for i, (n, text) in enumerate(body):
        bullet = BULLET.match(text)
        if bullet and len(text) > bullet.end():
            add("item", text[bullet.end():].strip(), n)
            continue
        count = words(text)
        unfinished = not text.endswith(TERMINAL)
        followed = i + 1 < len(body)
        lead_in = text.endswith((":", "：")) and followed and BULLET.match(body[i + 1][1])
        if lead_in:
            add("para", text, n)
        elif followed and count <= HEADING_MAX_WORDS and (unfinished or text.endswith("؟")):
            add("heading", text.rstrip(":：").strip(), n)
        elif followed and unfinished and count <= ORPHAN_HEADLINE_MAX_WORDS \
                and not text.endswith((":", "،")):
            removed.append(Removed(n, text, "headline of another story (no sentence ending)"))
        else:
            add("para", text, n)
    return blocks


class ImportRefused(ValueError):
    """Raised by `import_article` for a file it will not import; the message names the file."""


def read_raw(raw_path: Path) -> tuple[str, str | None]:
    """The raw article's text, and a note when it was not UTF-8 (converted, so the editor knows).

    Refuses a folder, an empty or binary file, and text with no Arabic in it, naming the file.
    """
    if raw_path.is_dir():
        raise ImportRefused(f"{raw_path}: is a folder; give the saved article's file")
    try:
        data = raw_path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"{raw_path}: cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise ImportRefused(f"{raw_path}: the file is empty")
    note = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, note = data.decode("utf-16"), "UTF-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        text, note = data[3:].decode("utf-8"), "UTF-8 with a byte-order mark"
    elif b"\x00" in data:
        raise ImportRefused(f"{raw_path}: this is not a text file (it holds NUL bytes)")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text, note = data.decode("cp1256"), "Windows-1256 (Arabic)"
            except UnicodeDecodeError:
                raise ImportRefused(f"{raw_path}: not UTF-8, UTF-16 or Windows-1256 text; "
                                    "save it as UTF-8") from None
    if len(re.findall(r"[\u0621-\u064a]", text)) < 20:
        raise ImportRefused(f"{raw_path}: there is no Arabic text to import")
    return text, note


def import_article(raw_path: Path, slug: str, content_dir: Path, *, force: bool = False,
                   level: str = "intermediate") -> Cleaned:
    """Clean `raw_path` and write `<content>/articles/<slug>/` (source.txt, ar.md, article.yml).

    Nothing is written when the file is refused. With `force`, an existing article's files are
    first copied to `<content>/.backups/<slug>-<n>/`, which the cleaned report names.
    """
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise ImportRefused(f"slug '{slug}' must be lowercase words joined by hyphens")
    raw, note = read_raw(raw_path)
    cleaned = clean(raw)
    if not cleaned.blocks:
        raise ImportRefused(f"{raw_path}: nothing is left after removing page furniture; "
                            "is this the article's page?")
    if note:
        cleaned.notes.append(f"{raw_path.name} was {note}; source.txt keeps it as UTF-8")
    target = content_dir / "articles" / slug
    if target.exists() and not force:
        raise FileExistsError(f"{target} exists; pass --force to replace its source and text "
                              "(the old files are kept in a backup)")
    if target.exists():
        n = 1
        while (content_dir / ".backups" / f"{slug}-{n}").exists():
            n += 1
        backup = content_dir / ".backups" / f"{slug}-{n}"
        shutil.copytree(target, backup)
        cleaned.notes.append(f"the previous files are in {backup}")
    target.mkdir(parents=True, exist_ok=True)
    (target / "source.txt").write_text(raw, encoding="utf-8")
    (target / "ar.md").write_text(textfile.dump(cleaned.blocks), encoding="utf-8")
    meta_path = target / "article.yml"
    if not meta_path.exists():
        # Only what the text states: unknowns are null, never guessed (see content/README.md).
        meta = {
            "title": {"ar": cleaned.title, "en": None},
            "source_file": raw_path.name,
            "outlet": None,
            "date": None,
            "level": level,
        }
        meta_path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False),
                             encoding="utf-8")
    return cleaned
