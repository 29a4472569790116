"""Load every content file once, validate all of it, and return the typed `Site`.

Problems are collected, never raised here: the build goes on with whatever is valid so that
MkDocs and the built-site checks can report theirs in the same run, and stops once at the end.
Something broken is left out of the model, and references to it are not reported again (one
problem, no follow-on noise). Nothing here writes files or imports mkdocs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import arabic, explainer, lesson, quiz, schema, terms, textfile, writing, yamlio
from .errors import Problems
from .markup import PAGE_REF
from .model import (
    Article,
    Block,
    Claim,
    Config,
    Event,
    FreePage,
    Origin,
    Ref,
    Section,
    Site,
    Term,
    Text,
)

FREE_PAGES = ("home", "about", "teachers")
KIND_NAMES = {"para": "a paragraph", "heading": "a heading", "item": "a list item"}
MAX_BLOCK = 8_000  # characters in one paragraph: longer is a paste accident, not a paragraph
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_AUTOLINK = re.compile(r"<([a-z][a-z0-9+.-]*:[^>]*)>", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass
class Loaded:
    """What loading leaves: the site (None when site.yml itself is unusable) and what broke."""

    site: Site | None
    broken: set[str] = field(default_factory=set)  # slugs of articles that could not be loaded


def load_site(content: Path, problems: Problems, *, navigable: tuple[str, ...],
              allow_pending: bool = False) -> Loaded:
    """Read and validate everything under `content`; record every problem in `problems`.

    `navigable` names the page sets the generator has, which site.yml's navigation may list.
    """
    config = load_config(content / "site.yml", problems, navigable)
    if config is None:
        return Loaded(None)
    ctx = schema.Context(config.codes, {
        "levels": tuple(c.id for c in config.levels),
        "claim_statuses": tuple(c.id for c in config.claim_statuses),
        "categories": tuple(c.id for c in config.categories),
    })
    failed = set()

    def watch(name: str, loaded):
        """`loaded`, noting `name` as failed when it loaded nothing but problems."""
        if not (loaded[-1] if isinstance(loaded, tuple) else loaded) and len(problems) > before:
            failed.add(name)
        return loaded

    before = len(problems)
    glossary = watch("glossary", _load_glossary(content / "glossary.yml", config, ctx, problems))
    articles, broken = _load_articles(content, config, ctx, glossary, problems,
                                       allow_pending)
    known = {a.slug: a for a in articles}
    refs = _RefChecker(known, broken, problems)
    before = len(problems)
    timeline = watch("timeline", _load_timeline(content / "timeline.yml", config, ctx, refs,
                                                problems))
    before = len(problems)
    claims_intro, claims = watch("claims", _load_claims(content / "claims.yml", ctx, refs,
                                                        problems))
    pages = _load_pages(content / "pages", config, refs, problems)
    for term in glossary:  # definitions cite the articles: [¶slug#pN]; the tooltip line does not
        for lang in config.codes:
            if PAGE_REF.search(term.short[lang]):
                problems.add(problems.root / term.origin.path, term.origin.line,
                             f"term {term.id}: short.{lang} carries a citation",
                             "the one-line definition is plain text; cite in the definition")
            for match in PAGE_REF.finditer(term.definition[lang]):
                refs([match.group(1)], problems.root / term.origin.path, term.origin.line,
                     f"term {term.id}")
    site = Site(root=str(problems.root), content=_rel(content, problems.root), config=config,
                articles=tuple(articles), terms=tuple(glossary), timeline=tuple(timeline),
                claims=tuple(claims), claims_intro=claims_intro, pages=pages,
                broken=frozenset(broken), failed=frozenset(failed))
    return Loaded(site, broken)


def load_config(path: Path, problems: Problems, navigable: tuple[str, ...]) -> Config | None:
    """Read `site.yml`; None when it is missing or unusable (nothing else can be checked then)."""
    if not _present(path):
        problems.add(path, 1, "the edition's settings file is missing",
                     "create it (python -m build_scripts new <folder> writes a working one)")
        return None
    data = yamlio.load(path, problems)
    if data is None:
        return None
    langs = tuple(lang.get("code") for lang in data.get("languages") or []
                  if isinstance(lang, dict)) if isinstance(data, dict) else ()
    ctx = schema.Context(tuple(c for c in langs if isinstance(c, str)) or ("ar", "en"))
    values = schema.check(data, schema.SITE, path, problems, "", 1, ctx)
    if values is None:
        return None
    ok = True
    for key in ("sections", "categories", "levels", "claim_statuses", "languages"):
        items = values[key]
        ids = [getattr(item, "id", getattr(item, "code", None)) for item in items]
        for i, ident in enumerate(ids):
            if ident in ids[:i]:
                problems.add(path, items.item_lines[i], f"{key}: '{ident}' is listed twice",
                             "give each its own id")
                ok = False
    if None in values["sections"] or None in values["languages"]:
        return None
    for i, name in enumerate(values["navigation"]):
        if name not in navigable:
            problems.add(path, values["navigation"].item_lines[i],
                         f"navigation: no page set called '{name}'",
                         f"use some of: {', '.join(navigable)}")
            ok = False
    _check_title(values["title"], path, problems, "title")
    _check_title(values["description"], path, problems, "description")
    if not ok:
        return None
    return Config(
        title=values["title"], description=values["description"],
        languages=tuple(values["languages"]), navigation=tuple(values["navigation"]),
        sections=tuple(values["sections"]), categories=tuple(c for c in values["categories"] if c),
        levels=tuple(c for c in values["levels"] if c),
        claim_statuses=tuple(c for c in values["claim_statuses"] if c),
        licence=values["licence"], abbreviations=tuple(values.get("abbreviations") or ()),
        url=values.get("url"),
        origin=Origin(_rel(path, problems.root)))


# --- the glossary (also the names table) ----------------------------------------------------

def _load_glossary(path: Path, config: Config, ctx, problems: Problems) -> list[Term]:
    if not _present(path):
        return []
    data = _load_yaml(path, schema.glossary_schema(config.codes), ctx, problems)
    if not data or not data.get("terms"):
        return []
    out, spellings = [], {}
    for entry, line in schema.unique(data["terms"], path, "term", problems):
        forms = {}
        for lang in config.codes:
            kept = []
            for written in (entry[lang], *(entry.get(f"{lang}_variants") or ())):
                key = (lang, terms.fold_form(written))
                if key in spellings and spellings[key] != entry["id"]:
                    problems.add(path, line, f"'{written}' is also a spelling of "
                                 f"'{spellings[key]}'", "give each spelling to one term only")
                    continue
                spellings[key] = entry["id"]
                if written not in kept:
                    kept.append(written)
            forms[lang] = tuple(kept)
        out.append(Term(id=entry["id"], category=entry["category"], forms=forms,
                        short=entry["short"], definition=entry["definition"],
                        suffixes=bool(entry.get("suffixes")),
                        exclude=tuple(entry.get("exclude") or ()),
                        origin=Origin(_rel(path, problems.root), line)))
    return out


class _NameCheck:
    """Which proper names (glossary categories marked `names`) a translation leaves out."""

    def __init__(self, glossary: list[Term], config: Config):
        proper = {c.id for c in config.categories if c.names}
        self.names = {t.id: t for t in glossary if t.category in proper}
        source = config.source_lang
        self.matcher = terms.glossary_matcher(self.names.values(), source)

    def missing(self, source_text: str, translation: str, lang: str) -> list[Term]:
        """Names the source paragraph mentions that the translation does not write."""
        lower = translation.lower()
        found = dict.fromkeys(m.term for m in self.matcher.find(source_text))
        return [self.names[ident] for ident in found
                if not any(form.lower() in lower for form in self.names[ident].forms[lang])]


# --- articles -------------------------------------------------------------------------------

def _load_articles(content: Path, config: Config, ctx, glossary: list[Term], problems: Problems,
                   allow_pending: bool) -> tuple[list[Article], set[str]]:
    folder = content / "articles"
    dirs = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    if not dirs:
        problems.add(folder, 1, "no articles found",
                     "import one with: python -m build_scripts import raw.txt --slug my-article")
    matcher = _NameCheck(glossary, config)
    articles, broken, sources_seen = [], set(), {}
    for path in dirs:
        article = _load_article(path, config, ctx, matcher, problems, allow_pending)
        if article is None:
            broken.add(path.name)
            continue
        if article.source_file in sources_seen:
            problems.add(path / "article.yml", 1, f"source_file '{article.source_file}' is "
                         f"already used by {sources_seen[article.source_file]}",
                         "each raw article is imported once; remove the duplicate folder")
        sources_seen[article.source_file] = path.name
        articles.append(article)
    articles.sort(key=lambda a: (a.date_key(), a.slug))
    return articles, broken


def _load_article(folder: Path, config: Config, ctx, matcher: _NameCheck, problems: Problems,
                  allow_pending: bool) -> Article | None:
    slug = folder.name
    if not schema.SLUG.match(slug):
        problems.add(folder, 1, f"article folder '{slug}' is not a valid slug",
                     "rename it to lowercase words joined by hyphens")
        return None
    source, *others = config.codes
    meta_path = folder / "article.yml"
    meta = _load_yaml(meta_path, schema.article_schema(config.codes), ctx, problems)
    blocks = _load_blocks(folder / f"{source}.md", problems, required=True)
    source_path = folder / "source.txt"
    source_text = yamlio.read_text(source_path, problems) if _present(source_path) else None
    if not _present(source_path) and meta is not None:
        problems.add(meta_path, 1, "source.txt is missing",
                     "keep the raw article as source.txt (the import command copies it)")
    if meta is None or blocks is None:
        return None
    unreadable: set[str] = set()
    _check_title(meta["title"], meta_path, problems)
    for lang in others:
        if not allow_pending and not meta["title"].get(lang):
            problems.add(meta_path, 1, f"title.{lang} is missing", f"add the {lang} title")
    translations = {}
    for lang in others:
        path = folder / f"{lang}.md"
        before = len(problems)
        translated = _load_blocks(path, problems, required=False)
        if len(problems) > before:
            unreadable.add(lang)  # its problems are reported; its gaps are not also "pending"
        translations[lang] = _align(path, blocks, translated or [], matcher, lang, problems)
    article = Article(
        slug=slug, folder=_rel(folder, problems.root), title=_complete_title(meta["title"], config.codes),
        source_file=meta["source_file"], level=meta["level"], blocks=tuple(blocks),
        translations=translations, explainers={}, source_text=source_text or "",
        outlet=meta.get("outlet"), author=meta.get("author"), date=meta.get("date"),
        reading_minutes=meta.get("reading_minutes"),
        origin=Origin(_rel(meta_path, problems.root)))
    explainers = {lang: _load_explainer(article, lang, config, problems)
                  for lang in config.codes}
    _check_explainer_pair(article, explainers, config, problems)
    if not allow_pending:
        _report_pending(article, config, problems, skip=unreadable)
    quiz_path = folder / "quiz.yml"
    questions = quiz.load_quiz(quiz_path, _rel(quiz_path, problems.root), article, ctx, problems,
                               _load_yaml)
    lesson_path = folder / "lesson.yml"
    guide = lesson.load_lesson(lesson_path, _rel(lesson_path, problems.root), article, ctx,
                               problems, _load_yaml)
    return _with(article, explainers=explainers, quiz=questions, lesson=guide)


def _with(article: Article, **changes) -> Article:
    return replace(article, **changes)


def _complete_title(title: Text, codes: tuple[str, ...]) -> Text:
    """A title with every language filled: the source title stands in while untranslated."""
    return Text({lang: title.get(lang) or title[codes[0]] for lang in codes})


def _check_title(title, path: Path, problems: Problems, field: str = "title") -> None:
    """Titles reach the theme's templates, which do not always escape: keep them plain text."""
    for lang, value in title.items():
        if "<" in value or ">" in value or "{{" in value or "{%" in value:
            problems.add(path, 1, f"{field}.{lang}: a title is plain text: '<', '>', '{{{{' and "
                         "'{%' are not allowed", "write it without markup")


def _present(path: Path) -> bool:
    """Whether something is there, a broken or looping link included (reading it reports it)."""
    return path.exists() or path.is_symlink()


def _load_yaml(path: Path, spec: schema.Schema, ctx, problems: Problems, *,
               required: bool = True):
    if not _present(path):
        if required:
            problems.add(path, 1, "file is missing", f"create it ({spec.name})")
        return None
    data = yamlio.load(path, problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.add(path, 1, f"expected {spec.name} (key: value pairs), found "
                     f"{schema._kind(data)}", f"for example:\n{spec.example}" if spec.example
                     else "write key: value pairs")
        return None
    return schema.check(data, spec, path, problems, "", 1, ctx)


def _load_blocks(path: Path, problems: Problems, *, required: bool) -> list[Block] | None:
    if not _present(path):
        if required:
            problems.add(path, 1, "file is missing", "import the article to create it")
        return None
    text = yamlio.read_text(path, problems)
    if text is None:
        return None
    blocks, errors = textfile.parse(text)
    if not blocks and not errors and required:
        # An empty source text is one mistake; every citation of it would be noise.
        problems.add(path, 1, "the file has no paragraphs",
                     "import the article again, or write its blocks ({#p1} …)")
        return None
    for line, message, hint in errors:
        problems.add(path, line, message, hint)
    seen: dict[str, int] = {}
    good = []
    for block in blocks:
        if block.id in seen:
            problems.add(path, block.line, f"duplicate paragraph id '{block.id}' "
                         f"(first on line {seen[block.id]})", "give each block its own id")
            continue
        seen[block.id] = block.line
        bad = arabic.FORBIDDEN.search(block.text)
        if bad:
            problems.add(path, block.line, f"{block.id}: invisible control character "
                         f"U+{ord(bad.group()):04X}",
                         "delete it: the site isolates English names inside Arabic by itself")
        if long := schema.long_word(block.text):
            problems.add(path, block.line, f"{block.id}: {long[0]}", long[1])
        if len(block.text) > MAX_BLOCK:
            problems.add(path, block.line, f"{block.id}: paragraph of {len(block.text)} "
                         f"characters is too long for a page (at most {MAX_BLOCK})",
                         "split it into paragraphs")
        good.append(block)  # reported above, but kept: dropping it would add follow-on noise
    if errors and not good:
        return None
    return good


def _align(path: Path, source: list[Block], translated: list[Block], matcher: _NameCheck,
           lang: str, problems: Problems) -> dict[str, Block]:
    by_id = {b.id: b for b in source}
    order = {b.id: i for i, b in enumerate(source)}
    out: dict[str, Block] = {}
    last = -1
    for block in translated:
        twin = by_id.get(block.id)
        if twin is None:
            problems.add(path, block.line, f"{block.id} has no counterpart in the source text",
                         "use the id of the paragraph it translates, or delete it")
            continue
        if twin.kind != block.kind:
            problems.add(path, block.line, f"{block.id} is {KIND_NAMES[block.kind]} here but "
                         f"{KIND_NAMES[twin.kind]} in the source text",
                         "write it the same way as in the source text")
        if order[block.id] < last:
            problems.add(path, block.line, f"{block.id} is out of order",
                         "keep the blocks in the order of the source text")
        last = max(last, order[block.id])
        missing = explainer.numbers(twin.text) - explainer.numbers(block.text)
        if missing:
            problems.add(path, block.line, f"{block.id}: number(s) {', '.join(sorted(missing))} "
                         "of the source paragraph are missing here",
                         "keep every number of the source in digits")
        for term in matcher.missing(twin.text, block.text, lang):
            problems.add(path, block.line, f"{block.id}: name '{term.name(lang)}' "
                         f"({' / '.join(term.forms[next(iter(term.forms))][:2])}) is missing",
                         "spell names as glossary.yml does")
        out[block.id] = block
    return out


def _load_explainer(article: Article, lang: str, config: Config, problems: Problems
                    ) -> tuple[Section, ...]:
    path = problems.root / article.folder / f"explainer.{lang}.md"
    if not path.exists():
        return ()
    text = yamlio.read_text(path, problems)
    if text is None:
        return ()
    for number, line in enumerate(text.splitlines(), start=1):
        _check_invisible(line, path, number, problems)
    sections, errors = explainer.parse(text, tuple(s.id for s in config.sections),
                                       explainer.abbreviations_rule(config.abbreviations))
    for line, message, hint in errors:
        problems.add(path, line, message, hint)
    paragraphs = {b.number: b for b in article.blocks if b.kind != "heading"}
    for section in sections:
        for segment in section.segments:
            unknown = [n for n in segment.refs if n not in paragraphs]
            if unknown:
                problems.add(path, segment.line, f"cites ¶{', ¶'.join(map(str, unknown))}, which "
                             f"{'does' if len(unknown) == 1 else 'do'} not exist in the text",
                             f"cite one of ¶1–¶{max(paragraphs, default=0)}")
                continue
            _check_writing(segment.text, lang, path, segment.line, problems)
            cited = " ".join(article.text_of(paragraphs[n], lang)[0] for n in segment.refs)
            missing = explainer.numbers(segment.text) - explainer.numbers(cited)
            if missing:
                problems.add(path, segment.line, f"states {', '.join(sorted(missing))}, which "
                             f"¶{', ¶'.join(map(str, segment.refs))} do(es) not contain",
                             "cite the paragraph that gives this number, or correct the number")
        for raw in section.body:
            _check_free_markup(raw, path, section.line, problems, allow_html=False)
    return tuple(sections)


def _check_writing(sentence: str, lang: str, path: Path, line: int, problems: Problems) -> None:
    relative = writing.relative_date(sentence, lang)
    if relative:
        problems.add(path, line, f"relative date '{relative}': a reader next year gets it wrong",
                     "give the date (e.g. 'in August 2023, the month before the article'), or "
                     "'the month before the article was written'")
    words = writing.word_count(sentence)
    if words > writing.LONG_SENTENCE:
        problems.warn(path, line, f"sentence of {words} words (over {writing.LONG_SENTENCE}): "
                      f"'{sentence.strip().lstrip('.!?؟،,;: ')[:50]} …'", "split it for young readers")


def _check_explainer_pair(article: Article, explainers: dict, config: Config,
                          problems: Problems) -> None:
    present = {lang for lang, sections in explainers.items() if sections}
    if present and present != set(config.codes):
        for lang in sorted(set(config.codes) - present):
            problems.add(problems.root / article.folder / f"explainer.{lang}.md", 1,
                         "explainer missing in this language",
                         "write the explainer in every language of the edition")
        return
    source, *others = config.codes
    for lang in others:
        by_id = {s.id: s for s in explainers.get(lang) or ()}
        for section in explainers.get(source) or ():
            twin = by_id.get(section.id)
            if twin is None or section.cited == twin.cited:
                continue
            only_src = sorted(section.cited - twin.cited)
            only_tr = sorted(twin.cited - section.cited)
            problems.add(problems.root / article.folder / f"explainer.{lang}.md", twin.line,
                         f"section '{section.id}' cites differently from the {source} version "
                         f"(only in {source}: {only_src or 'none'}; only in {lang}: "
                         f"{only_tr or 'none'})",
                         "both versions must say the same things with the same citations")


def _report_pending(article: Article, config: Config, problems: Problems, *,
                    skip: set[str]) -> None:
    for lang in config.codes[1:]:
        if lang in skip:
            continue
        missing = article.pending(lang)
        if missing:
            problems.add(problems.root / article.folder / f"{lang}.md", 1,
                         f"{len(missing)} paragraph(s) not translated: {', '.join(missing[:8])}"
                         + (" …" if len(missing) > 8 else ""),
                         f"translate them in {lang}.md (build with --allow-pending to preview "
                         "drafts)")


# --- references, timeline, claims, free pages ------------------------------------------------

class _RefChecker:
    """Checks `slug#pN` references; stays silent about articles that failed to load."""

    def __init__(self, articles: dict[str, Article], broken: set[str], problems: Problems):
        self.articles, self.broken, self.problems = articles, broken, problems

    def __call__(self, refs, path: Path, line: int, where: str) -> tuple[Ref, ...] | None:
        out, ok = [], True
        for ref in refs or []:
            if not isinstance(ref, str) or not schema.REF.match(ref):
                self.problems.add(path, line, f"{where}: '{ref}' is not a paragraph reference",
                                  "write slug#pN, e.g. my-article#p6")
                ok = False
                continue
            slug, ident = ref.split("#", 1)
            if slug in self.broken or not self.articles:  # reported already: no follow-on noise
                ok = False
                continue
            article = self.articles.get(slug)
            block = article.block(ident) if article else None
            if article is None:
                self.problems.add(path, line, f"{where}: no article '{slug}'",
                                  "use a folder name from the articles folder")
                ok = False
            elif block is None or block.kind == "heading":
                self.problems.add(path, line, f"{where}: {slug} has no paragraph {ident}",
                                  "cite an existing paragraph id of its text")
                ok = False
            else:
                out.append(Ref(slug, ident))
        return tuple(out) if ok else None


def _load_timeline(path: Path, config: Config, ctx, refs: _RefChecker, problems: Problems
                   ) -> list[Event]:
    data = _load_yaml(path, schema.timeline_schema(config.codes), ctx, problems, required=False)
    if not data or not data.get("events"):
        return []
    events = []
    for event, line in schema.unique(data["events"], path, "event", problems):
        sources = refs(event["sources"], path, line, f"event {event['id']}")
        if sources is None:
            continue
        events.append(Event(id=event["id"], date=str(event["date"]),
                            text=Text({lang: event[lang] for lang in config.codes}),
                            sources=sources, basis=event.get("basis"),
                            origin=Origin(_rel(path, problems.root), line)))
    return sorted(events, key=lambda e: (e.date, e.id))


def _load_claims(path: Path, ctx, refs: _RefChecker, problems: Problems):
    data = _load_yaml(path, schema.CLAIMS_FILE, ctx, problems, required=False)
    if not data or not data.get("claims"):
        return None, []
    claims = []
    for claim, line in schema.unique(data["claims"], path, "claim", problems):
        sources = refs(claim["sources"], path, line, f"claim {claim['id']}")
        if sources is None:
            continue
        claims.append(Claim(id=claim["id"], claim=claim["claim"], claimant=claim["claimant"],
                            status=claim["status"], sources=sources, when=claim.get("when"),
                            denial=claim.get("denial"),
                            origin=Origin(_rel(path, problems.root), line)))
    return data.get("how_to_read"), claims


def _load_pages(folder: Path, config: Config, refs: _RefChecker, problems: Problems):
    pages = {}
    if not folder.is_dir():
        return pages
    for path in sorted(folder.iterdir()):
        name, _, lang = path.stem.partition(".")
        if path.suffix != ".md" or name not in FREE_PAGES or lang not in config.codes:
            problems.add(path, 1, f"unknown free page '{path.name}'",
                         f"free pages are {', '.join(FREE_PAGES)} as <name>.<lang>.md "
                         f"(lang one of {', '.join(config.codes)})")
            continue
        text = yamlio.read_text(path, problems)
        if text is None:
            continue
        ok = True
        for number, line in enumerate(text.splitlines(), start=1):
            ok &= _check_free_markup(line, path, number, problems, allow_html=False)
            ok &= _check_invisible(line, path, number, problems)
            for match in PAGE_REF.finditer(line):
                ok &= refs([match.group(1)], path, number, "citation") is not None
        if ok:
            pages[(name, lang)] = FreePage(name, lang, text, Origin(_rel(path, problems.root)))
    return pages


def _check_invisible(line: str, path: Path, number: int, problems: Problems) -> bool:
    """Bidi controls, zero-width spaces and NUL are never content (arabic.FORBIDDEN), and no
    word is longer than a line."""
    bad = arabic.FORBIDDEN.search(line)
    if bad:
        problems.add(path, number, f"invisible control character U+{ord(bad.group()):04X}",
                     "delete it (bidi controls, zero-width spaces and NUL are never needed: the "
                     "site isolates English inside Arabic by itself)")
    long = schema.long_word(line)
    if long:
        problems.add(path, number, *long)
    return bad is None and long is None


def _check_free_markup(line: str, path: Path, number: int, problems: Problems, *,
                       allow_html: bool) -> bool:
    """Free text may link to pages of this site only, and may not carry raw HTML (inside a
    `code span` an angle bracket is just text)."""
    ok = True
    line = re.sub(r"`[^`]*`", "", line)
    if not allow_html and _HTML_TAG.search(line):
        problems.add(path, number, f"raw HTML is not allowed: '{_HTML_TAG.search(line).group()}'",
                     "write plain text (Markdown emphasis and lists are fine)")
        ok = False
    for match in [*_MD_LINK.finditer(line), *_AUTOLINK.finditer(line)]:
        target = match.group(1)
        if _SCHEME.match(target) or target.startswith("//"):
            problems.add(path, number, f"link to '{target[:60]}' leaves the site",
                         "link only to pages of this site (e.g. timeline.md); sources are "
                         "credited on the About page")
            ok = False
    return ok


def _rel(path: Path, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()
