"""The typed site model: what the schema step produces and what renderers read.

Every value here is validated; renderers never see YAML dicts or read files. Each object keeps
`origin` (file and line) so a problem found later — by MkDocs or in the built site — can name
the content that produced it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

WORDS_PER_MINUTE = {"ar": 150}  # Arabic words are longer: one carries its clitics
DEFAULT_WORDS_PER_MINUTE = 200


@dataclass(frozen=True, order=True)
class Origin:
    """Where a piece of content was written: a path relative to the project root, and a line."""

    path: str
    line: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Text(Mapping[str, str]):
    """A text in every language of the edition, e.g. `Text({'ar': …, 'en': …})['en']`."""

    by_lang: Mapping[str, str]

    def __getitem__(self, lang: str) -> str:
        return self.by_lang[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_lang)

    def __len__(self) -> int:
        return len(self.by_lang)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.by_lang.items())))


# --- the edition's configuration (content/site.yml) -----------------------------------------

@dataclass(frozen=True)
class Language:
    """A language of the edition; the first one is the language the articles are written in."""

    code: str
    dir: str  # "rtl" or "ltr"


@dataclass(frozen=True)
class Choice:
    """One allowed value of a field (a level, a category, a claim status) with its labels."""

    id: str
    label: Text
    definition: Text | None = None
    names: bool = False  # a category of proper names, which every translation must keep


@dataclass(frozen=True)
class SectionSpec:
    """One section every explainer has, with its heading in each language."""

    id: str
    heading: Text


@dataclass(frozen=True)
class Licence:
    """The licence of what the edition's editors write (explainers, translations …)."""

    name: str
    url: str
    holder: Text


@dataclass(frozen=True)
class Config:
    """The edition: everything edition-specific that is not an article."""

    title: Text
    description: Text
    languages: tuple[Language, ...]
    navigation: tuple[str, ...]
    sections: tuple[SectionSpec, ...]
    categories: tuple[Choice, ...]
    levels: tuple[Choice, ...]
    claim_statuses: tuple[Choice, ...]
    licence: Licence
    abbreviations: tuple[str, ...] = ()
    url: str | None = None  # where the site is published, for QR codes
    origin: Origin = Origin("content/site.yml")

    @property
    def source_lang(self) -> str:
        """The language the articles are written in."""
        return self.languages[0].code

    @property
    def codes(self) -> tuple[str, ...]:
        """Language codes in order."""
        return tuple(lang.code for lang in self.languages)

    def dir(self, lang: str) -> str:
        """Text direction of `lang`."""
        return next(lg.dir for lg in self.languages if lg.code == lang)

    def other(self, lang: str) -> str:
        """The other language of a two-language edition (for the switch and parallel view)."""
        return next(code for code in self.codes if code != lang)

    def level(self, ident: str) -> Choice:
        """The level with this id."""
        return next(c for c in self.levels if c.id == ident)

    def status(self, ident: str) -> Choice:
        """The claim status with this id."""
        return next(c for c in self.claim_statuses if c.id == ident)


# --- articles -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    """One paragraph, heading or list item of an article text."""

    id: str
    kind: str  # "para", "heading" or "item"
    text: str
    line: int  # 1-based line of the block's first line in its file

    @property
    def number(self) -> int:
        """The numeric part of the id (12 for p12)."""
        return int(self.id[1:])


@dataclass(frozen=True)
class Cite:
    """A resolved citation: a paragraph of an article, with what a reader sees on hover."""

    slug: str
    block: str  # "p12"
    label: str  # "¶12" or "¶12–14"
    hint: Text  # the paragraph's opening words, or the article title, per language


@dataclass(frozen=True)
class Segment:
    """A piece of explainer text and the paragraph numbers its closing marker cites."""

    text: str
    refs: tuple[int, ...]
    line: int
    marker: str = ""  # the marker as written, e.g. "[¶12–14]"


@dataclass(frozen=True)
class Section:
    """One `## Heading {#id}` section of an explainer, in one language."""

    id: str
    line: int
    body: tuple[str, ...]  # raw lines (Markdown-like: lists, **emphasis**, [¶n] markers)
    segments: tuple[Segment, ...] = ()

    @property
    def cited(self) -> frozenset[int]:
        """Every paragraph number cited in this section."""
        return frozenset(n for s in self.segments for n in s.refs)


@dataclass(frozen=True)
class Outlet:
    """The outlet, only as the text states it."""

    name: Text
    basis: Text | None = None

    def shown(self, lang: str) -> str:
        """The name in `lang`, or as the source states it when nobody has transliterated it."""
        return self.name.get(lang) or next(iter(self.name.values()))


@dataclass(frozen=True)
class Dated:
    """A date at its precision (YYYY, YYYY-MM or YYYY-MM-DD), exact or approximate."""

    value: str
    exact: bool
    basis: Text | None = None


@dataclass(frozen=True)
class Removed:
    """A raw line the importer dropped, with the reason shown to the editor and on About."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Option:
    """An answer of a choice question."""

    text: Text
    correct: bool = False


@dataclass(frozen=True)
class Pair:
    """One pair of a matching question."""

    left: Text
    right: Text


@dataclass(frozen=True)
class Question:
    """A quiz question in every language, with what answers it and where the text says so."""

    id: str
    type: str  # single, multiple, true-false, order, match, short
    skill: str  # recall, vocabulary, inference, source
    prompt: Text
    explanation: Text
    evidence: tuple[str, ...]  # paragraph ids of the article
    options: tuple[Option, ...] = ()
    answer: bool | None = None  # true-false
    items: tuple[Text, ...] = ()  # order: in the right order
    pairs: tuple[Pair, ...] = ()  # match
    accept: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # short: lang → answers
    generated: bool = False  # made from the glossary or the timeline
    origin: Origin = Origin("")


@dataclass(frozen=True)
class LessonClaim:
    """A claim of the article for the source-evaluation activity."""

    claim: Text
    source: Text  # who makes it
    evidence: Text  # what evidence the article gives
    reply: Text  # who denies or disputes it, or that no reply is reported
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Lesson:
    """The teacher's guide to one article."""

    objectives: tuple[Text, ...]
    discussion: tuple[Text, ...]
    intro: Text
    claims: tuple[LessonClaim, ...]
    origin: Origin = Origin("")


@dataclass(frozen=True)
class Article:
    """One article: metadata, the source text, its translation, and the explainers."""

    slug: str
    folder: str  # relative to the project root
    title: Text  # title in each language (the source language's title stands in while pending)
    source_file: str
    level: str
    blocks: tuple[Block, ...]  # the text in the source language
    translations: Mapping[str, Mapping[str, Block]]  # lang → block id → translated block
    explainers: Mapping[str, tuple[Section, ...]]  # lang → sections
    source_text: str = ""
    outlet: Outlet | None = None
    author: Text | None = None
    date: Dated | None = None
    reading_minutes: int | None = None
    removed: tuple[Removed, ...] = ()
    quiz: tuple[Question, ...] = ()
    lesson: Lesson | None = None
    origin: Origin = Origin("")

    def block(self, ident: str) -> Block | None:
        """The source-language block with this id."""
        return next((b for b in self.blocks if b.id == ident), None)

    def pending(self, lang: str) -> list[str]:
        """Ids of blocks not yet translated into `lang`."""
        done = self.translations.get(lang, {})
        return [b.id for b in self.blocks if b.id not in done]

    def text_of(self, block: Block, lang: str) -> tuple[str, bool]:
        """(text, translated?) of `block` in `lang`; the source text stands in while pending."""
        translated = self.translations.get(lang, {}).get(block.id)
        if translated is None:
            return block.text, False
        return translated.text, True

    def date_key(self) -> str:
        """Sort key: the (approximate) publication date, unknown last."""
        return self.date.value if self.date else "9999"

    def minutes(self, lang: str) -> int:
        """Minutes to read the text in `lang`, from metadata or from the word count."""
        if self.reading_minutes:
            return self.reading_minutes
        words = sum(len(self.text_of(b, lang)[0].split()) for b in self.blocks)
        return max(1, round(words / WORDS_PER_MINUTE.get(lang, DEFAULT_WORDS_PER_MINUTE)))


# --- cross-article content ------------------------------------------------------------------

@dataclass(frozen=True)
class Ref:
    """A paragraph of an article, written `slug#pN` in YAML."""

    slug: str
    block: str

    def __str__(self) -> str:
        return f"{self.slug}#{self.block}"


@dataclass(frozen=True)
class Event:
    """A dated event of the timeline."""

    id: str
    date: str
    text: Text
    sources: tuple[Ref, ...]
    basis: Text | None = None
    origin: Origin = Origin("")


@dataclass(frozen=True)
class Claim:
    """A claim: what, who, when, the denial, and how the articles leave it."""

    id: str
    claim: Text
    claimant: Text
    status: str
    sources: tuple[Ref, ...]
    when: Text | None = None
    denial: Text | None = None
    origin: Origin = Origin("")


@dataclass(frozen=True)
class Term:
    """A glossary entry: its spellings in each language (ours first), and what it means."""

    id: str
    category: str
    forms: Mapping[str, tuple[str, ...]]  # lang → (our spelling, *the variants the texts use)
    short: Text  # one line, for the tooltip
    definition: Text  # a few sentences; facts cite [¶slug#pN]
    suffixes: bool = False  # regular Arabic endings may attach (common nouns)
    exclude: tuple[str, ...] = ()  # words or phrases with a spelling of it that are not it
    origin: Origin = Origin("")

    def name(self, lang: str) -> str:
        """Our spelling in `lang`."""
        return self.forms[lang][0]


@dataclass(frozen=True)
class Usage:
    """Where a term occurs: per article, the paragraphs and how often, per language."""

    term: str
    places: Mapping[str, Mapping[str, tuple[tuple[str, int], ...]]]  # lang → slug → ((block, n),…)

    def count(self, lang: str, slug: str | None = None) -> int:
        """Mentions in `lang`, in one article or in all."""
        by_slug = self.places.get(lang, {})
        slugs = [slug] if slug else list(by_slug)
        return sum(n for s in slugs for _, n in by_slug.get(s, ()))


@dataclass(frozen=True)
class FreePage:
    """An editor-written Markdown page (start page intro, about page intro) in one language."""

    name: str  # "home" or "about"
    lang: str
    text: str
    origin: Origin


@dataclass(frozen=True)
class Site:
    """Everything the outputs need, validated and enriched."""

    root: str  # the project root, for messages only
    content: str  # the content folder relative to the root
    config: Config
    articles: tuple[Article, ...]
    terms: tuple[Term, ...] = ()
    timeline: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    claims_intro: Text | None = None
    pages: Mapping[tuple[str, str], FreePage] = field(default_factory=dict)
    cites: Mapping[str, Cite] = field(default_factory=dict)  # "slug#p3" → resolved citation
    mentions: Mapping[tuple[str, str], tuple] = field(default_factory=dict)  # (lang, text) → spans
    usage: Mapping[str, Usage] = field(default_factory=dict)  # term id → where it occurs
    key_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # slug → term ids
    broken: frozenset[str] = frozenset()  # articles that failed to load (already reported)
    # edition-wide files (timeline, claims, glossary) that failed to load: their pages are
    # still made, so links to them do not add follow-on problems to the ones reported
    failed: frozenset[str] = frozenset()
    outputs: frozenset[str] = frozenset()  # the outputs this build makes (pages link to them)
    files: Mapping[str, int] = field(default_factory=dict)  # files beside the pages → bytes

    def term(self, ident: str) -> Term | None:
        """The glossary entry with this id."""
        return next((t for t in self.terms if t.id == ident), None)

    def article(self, slug: str) -> Article | None:
        """The article with this slug."""
        return next((a for a in self.articles if a.slug == slug), None)

    def page(self, name: str, lang: str) -> FreePage | None:
        """The free page `name` in `lang`, if the edition has one."""
        return self.pages.get((name, lang))
