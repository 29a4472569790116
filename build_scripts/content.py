"""Load every content file, validate all of it, and return one `Site` — or raise with every problem.

Nothing here writes files or imports mkdocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import arabic, explainer, schema, textfile, yamlio
from .errors import Problems
from .textfile import Block

WORDS_PER_MINUTE = {"ar": 150, "en": 200}
LANGS = ("ar", "en")
# A citation on a free page: [¶slug#pN]. Loose on purpose, so a malformed one is reported.
PAGE_REF = re.compile(r"\[¶([^\]]*)\]")


@dataclass
class Article:
    """One article: metadata, the Arabic text, its translation, and the explainers."""

    slug: str
    path: Path
    meta: dict
    ar: list[Block]
    en: dict[str, Block]
    explainers: dict[str, list[explainer.Section]] = field(default_factory=dict)

    def block(self, ident: str) -> Block | None:
        """The Arabic block with this id."""
        return next((b for b in self.ar if b.id == ident), None)

    @property
    def pending(self) -> list[str]:
        """Ids of Arabic blocks that have no translation yet."""
        return [b.id for b in self.ar if b.id not in self.en]

    def reading_minutes(self, lang: str) -> int:
        """Minutes to read the text in `lang`, from metadata or from the word count."""
        if self.meta.get("reading_minutes"):
            return self.meta["reading_minutes"]
        blocks = self.ar if lang == "ar" else [self.en.get(b.id, b) for b in self.ar]
        words = sum(len(b.text.split()) for b in blocks)
        return max(1, round(words / WORDS_PER_MINUTE[lang]))

    def title(self, lang: str) -> str:
        """The title in `lang`, falling back to Arabic while untranslated."""
        return self.meta["title"].get(lang) or self.meta["title"]["ar"]

    def date_key(self) -> str:
        """Sort key: the (approximate) publication date, unknown last."""
        date = self.meta.get("date") or {}
        return str(date.get("value") or "9999")


@dataclass
class Site:
    """Everything the renderers need, already validated."""

    root: Path
    articles: list[Article]
    names: dict
    timeline: list[dict]
    claims: dict
    pending: dict[str, list[str]] = field(default_factory=dict)

    def article(self, slug: str) -> Article | None:
        """The article with this slug."""
        return next((a for a in self.articles if a.slug == slug), None)


def load_site(content_dir: Path, *, allow_pending: bool = False) -> Site:
    """Load and validate all content under `content_dir`; raise `ContentError` listing every problem."""
    problems = Problems(content_dir.parent)
    names_path = content_dir / "names.yml"
    names = _load_yaml(names_path, schema.NAMES_FILE, problems) or {}
    articles = []
    article_dirs = sorted(p for p in (content_dir / "articles").iterdir() if p.is_dir()) \
        if (content_dir / "articles").is_dir() else []
    if not article_dirs:
        problems.add(content_dir / "articles", 1, "no articles found",
                     "import one with: python -m build_scripts import raw.txt --slug my-article")
    sources_seen: dict[str, Path] = {}
    for folder in article_dirs:
        article = _load_article(folder, problems, names)
        if article is None:
            continue
        source = article.meta.get("source_file")
        if source in sources_seen:
            problems.add(folder / "article.yml", 1,
                         f"source_file '{source}' is already used by {sources_seen[source].name}",
                         "each raw article is imported once; remove the duplicate folder")
        sources_seen[source] = folder
        articles.append(article)
    articles.sort(key=lambda a: (a.date_key(), a.slug))

    site = Site(content_dir.parent, articles, names, [], {})
    site.timeline = _load_timeline(content_dir / "timeline.yml", site, problems)
    site.claims = _load_claims(content_dir / "claims.yml", site, problems)
    _check_page_refs(content_dir / "pages", site, problems)
    site.pending = {a.slug: a.pending for a in articles if a.pending}
    if not allow_pending:
        for article in articles:
            missing = article.pending
            if missing:
                problems.add(article.path / "en.md", 1,
                             f"{len(missing)} paragraph(s) not translated: {', '.join(missing[:8])}"
                             + (" …" if len(missing) > 8 else ""),
                             "translate them in en.md (build with --allow-pending to preview drafts)")
            if not article.meta["title"].get("en"):
                problems.add(article.path / "article.yml", 1, "title.en is missing",
                             "add the English title")
    problems.raise_if_any()
    return site


def _load_yaml(path: Path, spec: schema.Schema, problems: Problems, *, required: bool = True):
    if not path.exists():
        if required:
            problems.add(path, 1, "file is missing", f"create it ({spec.name})")
        return None
    data = yamlio.load(path, problems)
    if data is None:
        return None
    return schema.check(data, spec, path, problems, "", 1)


def _load_blocks(path: Path, problems: Problems, *, required: bool) -> list[Block] | None:
    if not path.exists():
        if required:
            problems.add(path, 1, "file is missing", "import the article to create it")
        return None
    text = yamlio.read_text(path, problems)
    if text is None:
        return None
    blocks, errors = textfile.parse(text)
    for line, message, hint in errors:
        problems.add(path, line, message, hint)
    seen: dict[str, int] = {}
    for block in blocks:
        if block.id in seen:
            problems.add(path, block.line, f"duplicate paragraph id '{block.id}' "
                         f"(first on line {seen[block.id]})", "give each block its own id")
        seen.setdefault(block.id, block.line)
        bidi = arabic.BIDI_CONTROLS.search(block.text)
        if bidi:
            problems.add(path, block.line, f"{block.id}: invisible bidi control character "
                         f"U+{ord(bidi.group()):04X}",
                         "delete it: the site isolates English names inside Arabic by itself")
    return blocks


def _load_article(folder: Path, problems: Problems, names: dict) -> Article | None:
    slug = folder.name
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        problems.add(folder, 1, f"article folder '{slug}' is not a valid slug",
                     "rename it to lowercase words joined by hyphens")
    meta = _load_yaml(folder / "article.yml", schema.ARTICLE, problems)
    ar = _load_blocks(folder / "ar.md", problems, required=True)
    en_blocks = _load_blocks(folder / "en.md", problems, required=False) or []
    if meta is None or ar is None:
        return None
    if meta.get("source_file") and not (folder / "source.txt").exists():
        problems.add(folder / "article.yml", 1, "source.txt is missing",
                     "keep the raw article as source.txt (the import command copies it)")
    by_id = {b.id: b for b in ar}
    order = [b.id for b in ar]
    en: dict[str, Block] = {}
    last = -1
    for block in en_blocks:
        twin = by_id.get(block.id)
        path = folder / "en.md"
        if twin is None:
            problems.add(path, block.line, f"{block.id} has no Arabic counterpart in ar.md",
                         "use the id of the Arabic paragraph it translates, or delete it")
            continue
        if twin.kind != block.kind:
            problems.add(path, block.line, f"{block.id} is a {block.kind} here but a {twin.kind} "
                         "in ar.md", "write it the same way as in ar.md")
        if order.index(block.id) < last:
            problems.add(path, block.line, f"{block.id} is out of order",
                         "keep the blocks in the order of ar.md")
        last = order.index(block.id)
        missing = explainer.numbers(twin.text) - explainer.numbers(block.text)
        if missing:
            problems.add(path, block.line, f"{block.id}: number(s) {', '.join(sorted(missing))} of "
                         "the Arabic paragraph are missing here",
                         "keep every number of the Arabic in digits")
        for problem in _missing_names(twin.text, block.text, names):
            problems.add(path, block.line, f"{block.id}: {problem}",
                         "spell names as content/names.yml does")
        en[block.id] = block
    article = Article(slug, folder, meta, ar, en)
    for lang in LANGS:
        article.explainers[lang] = _load_explainer(article, lang, problems)
    _check_explainer_pair(article, problems)
    return article


def _missing_names(ar_text: str, en_text: str, names: dict) -> list[str]:
    out = []
    folded = arabic.normalise(ar_text)
    for group in ("people", "places", "organisations"):
        for entry in names.get(group) or []:
            if not entry:
                continue
            spellings = [arabic.normalise(a) for a in entry["ar"]]
            if any(re.search(rf"(?<!\w)(و|ف|ب|ل|ك|لل|ال)?{re.escape(s)}(?!\w)", folded)
                   for s in spellings):
                forms = [entry["en"], *(entry.get("en_short") or [])]
                if not any(f.lower() in en_text.lower() for f in forms):
                    out.append(f"name '{entry['en']}' ({entry['ar'][0]}) is missing")
    return out


def _load_explainer(article: Article, lang: str, problems: Problems):
    path = article.path / f"explainer.{lang}.md"
    if not path.exists():
        return []
    text = yamlio.read_text(path, problems)
    if text is None:
        return []
    sections, errors = explainer.parse(text)
    for line, message, hint in errors:
        problems.add(path, line, message, hint)
    paragraphs = {b.number: b for b in article.ar if b.kind != "heading"}
    for section in sections:
        for segment in section.segments:
            unknown = [n for n in segment.refs if n not in paragraphs]
            if unknown:
                problems.add(path, segment.line, f"cites ¶{', ¶'.join(map(str, unknown))}, which "
                             f"{'does' if len(unknown) == 1 else 'do'} not exist in ar.md",
                             f"cite one of ¶1–¶{max(paragraphs, default=0)}")
                continue
            cited_text = " ".join(
                (paragraphs[n].text if lang == "ar" else
                 article.en.get(paragraphs[n].id, paragraphs[n]).text) for n in segment.refs)
            missing = explainer.numbers(segment.text) - explainer.numbers(cited_text)
            if missing:
                problems.add(path, segment.line, f"states {', '.join(sorted(missing))}, which "
                             f"¶{', ¶'.join(map(str, segment.refs))} do(es) not contain",
                             "cite the paragraph that gives this number, or correct the number")
    return sections


def _check_explainer_pair(article: Article, problems: Problems) -> None:
    ar, en = article.explainers.get("ar") or [], article.explainers.get("en") or []
    if bool(ar) != bool(en):
        missing = "en" if ar else "ar"
        problems.add(article.path / f"explainer.{missing}.md", 1, "explainer missing in this "
                     "language", "write both language versions of the explainer")
        return
    en_by_id = {s.id: s for s in en}
    for section in ar:
        twin = en_by_id.get(section.id)
        if twin is None:
            continue
        if section.cited != twin.cited:
            only_ar = sorted(section.cited - twin.cited)
            only_en = sorted(twin.cited - section.cited)
            problems.add(article.path / "explainer.en.md", twin.line,
                         f"section '{section.id}' cites differently from the Arabic "
                         f"(only in Arabic: {only_ar or 'none'}; only in English: {only_en or 'none'})",
                         "both versions must say the same things with the same citations")


def parse_ref(ref: str) -> tuple[str, str]:
    """`'slug#p3'` → `('slug', 'p3')`."""
    slug, _, ident = ref.partition("#")
    return slug, ident


def _check_refs(refs, site: Site, path: Path, line: int, where: str, problems: Problems) -> None:
    for ref in refs or []:
        if not schema.REF.match(ref):
            problems.add(path, line, f"{where}: '{ref}' is not a paragraph reference",
                         "write slug#pN, e.g. seoul-warns-russia#p6")
            continue
        slug, ident = parse_ref(ref)
        article = site.article(slug)
        if article is None:
            problems.add(path, line, f"{where}: no article '{slug}'",
                         "use a folder name from content/articles/")
        elif article.block(ident) is None or article.block(ident).kind == "heading":
            problems.add(path, line, f"{where}: {slug} has no paragraph {ident}",
                         "cite an existing paragraph id of its ar.md")


def _load_timeline(path: Path, site: Site, problems: Problems) -> list[dict]:
    data = _load_yaml(path, schema.TIMELINE_FILE, problems, required=False)
    if not data:
        return []
    seen = set()
    events = []
    for event, line in zip(data["events"] or [], data["events"].item_lines):
        if not event:
            continue
        events.append(event)
        _check_refs(event.get("sources"), site, path, line, f"event {event.get('id')}", problems)
        if event.get("id") in seen:
            problems.add(path, line, f"duplicate event id '{event['id']}'", "make ids unique")
        seen.add(event.get("id"))
        event["date"] = str(event.get("date"))
    return sorted(events, key=lambda e: (e["date"], e["id"]))


def _load_claims(path: Path, site: Site, problems: Problems) -> dict:
    data = _load_yaml(path, schema.CLAIMS_FILE, problems, required=False)
    if not data:
        return {}
    seen = set()
    for claim, line in zip(data["claims"] or [], data["claims"].item_lines):
        if not claim:
            continue
        _check_refs(claim.get("sources"), site, path, line, f"claim {claim.get('id')}", problems)
        if claim.get("id") in seen:
            problems.add(path, line, f"duplicate claim id '{claim['id']}'", "make ids unique")
        seen.add(claim.get("id"))
    return data



def _check_page_refs(folder: Path, site: Site, problems: Problems) -> None:
    """Free pages cite paragraphs of any article as [¶slug#pN]; check that each exists."""
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        text = yamlio.read_text(path, problems) or ""
        for number, line in enumerate(text.splitlines(), start=1):
            for match in PAGE_REF.finditer(line):
                _check_refs([match.group(1)], site, path, number, "citation", problems)
