"""Interface strings from Babel message catalogs, and locale-aware dates and numbers.

The generator's own strings live in `build_scripts/locales/<lang>/LC_MESSAGES/messages.po`; an
edition may override any of them in `<content>/locales/<lang>/LC_MESSAGES/messages.po`. Catalogs
are compiled in memory at build time, so no binary `.mo` file is kept in the repository.
"""

from __future__ import annotations

import datetime
import gettext
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.core import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.numbers import format_decimal

from .arabic import FORBIDDEN
from .errors import Problems
from .yamlio import read_text

_PO_STRING_LINE = re.compile(r'^\s*(msgid|msgid_plural|msgstr(\[\d+\])?|msgctxt)?\s*"')
_PO_STRING_OK = re.compile(r'^\s*(msgid|msgid_plural|msgstr(\[\d+\])?|msgctxt)?\s*"(?:[^"\\]|\\.)*"\s*$')
_MARKUP = re.compile(r"[<>]|\{\{|\{%")  # what the theme's templates would take for markup
GENERATOR_LOCALES = Path(__file__).resolve().parent / "locales"


@dataclass
class Strings:
    """The interface strings and formatters of one language.

    A message that no catalog has is recorded in `missing`, so the build can report it instead
    of showing the English message id on an Arabic page.
    """

    lang: str
    translations: gettext.NullTranslations
    known: frozenset[str] = frozenset()
    missing: set[str] = field(default_factory=set)

    def __call__(self, message: str, **values) -> str:
        """Translate `message` and fill in `%(name)s` values."""
        if message not in self.known:
            self.missing.add(message)
        text = self.translations.gettext(message)
        return text % values if values else text

    def plural(self, singular: str, plural: str, n: int, **values) -> str:
        """Translate with the language's plural rules (Arabic has six forms)."""
        if singular not in self.known:
            self.missing.add(singular)
        text = self.translations.ngettext(singular, plural, n)
        return text % {"num": self.number(n), **values}

    def number(self, n: int) -> str:
        """A number in the locale's format."""
        return format_decimal(n, locale=self.lang)

    def date(self, value: str) -> str:
        """Format YYYY, YYYY-MM or YYYY-MM-DD at the precision it has."""
        parts = [int(p) for p in str(value).split("-")]
        if len(parts) == 3:
            return format_date(datetime.date(*parts), "long", locale=self.lang)
        if len(parts) == 2:
            return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=self.lang)
        return str(parts[0])


def direction(lang: str) -> str:
    """'rtl' or 'ltr' for a language code, from the CLDR data Babel ships."""
    return "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr"


def load_strings(content_locales: Path, lang: str, problems: Problems) -> Strings:
    """The generator's catalog for `lang`, overridden by the edition's, compiled in memory."""
    base_path = GENERATOR_LOCALES / lang / "LC_MESSAGES" / "messages.po"
    catalog = _read(base_path, lang, problems)
    if catalog is None:
        if not base_path.exists():
            problems.add(base_path, 1, f"no interface strings for language '{lang}'",
                         "copy build_scripts/locales/en and translate it")
        return Strings(lang, gettext.NullTranslations())
    override_path = content_locales / lang / "LC_MESSAGES" / "messages.po"
    override = _read(override_path, lang, problems) if override_path.exists() else None
    for message in override or []:
        if message.id:
            if message.id in catalog:  # Babel's __setitem__ would keep the old string
                catalog.delete(message.id)
            catalog[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    known = frozenset(m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id)
    return Strings(lang, gettext.GNUTranslations(buffer), known)


def _read(path: Path, lang: str, problems: Problems) -> Catalog | None:
    if not (path.exists() or path.is_symlink()):  # a broken or looping link is reported
        return None
    text = read_text(path, problems)  # size, NUL, encoding; a BOM is dropped
    if text is None:
        return None
    try:
        for number, line in enumerate(text.splitlines(), start=1):
            if _PO_STRING_LINE.match(line) and not _PO_STRING_OK.match(line):
                problems.add(path, number, "a quoted string is not closed",
                             'end the line with a closing " (write \\" for a quote inside)')
                return None
        catalog = read_po(io.StringIO(text), locale=lang, abort_invalid=True)
    except PoFileError as error:
        line = getattr(error, "lineno", 1) or 1
        problems.add(path, line, f"invalid catalog: {error}",
                     'each entry is msgid "…" then msgstr "…", every quote closed')
        return None
    rejected = []  # reported, and left out: the pages use the generator's own wording
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not all(strings):
            problems.add(path, message.lineno, f"untranslated string '{_first(message.id)}'",
                         "write its msgstr")
        if message.id and any(_MARKUP.search(text) for text in strings if text):
            rejected.append(message.id)
            problems.add(path, message.lineno, f"'{_first(message.id)}': an interface string is "
                         "plain text: '<', '>', '{{' and '{%' are not allowed",
                         "write it without markup")
        bad = next((m for m in map(FORBIDDEN.search, strings) if m), None)
        if message.id and bad:
            rejected.append(message.id)
            problems.add(path, message.lineno, f"'{_first(message.id)}': invisible control "
                         f"character U+{ord(bad.group()):04X}", "delete it (bidi controls, "
                         "zero-width spaces and NUL are never needed: the site isolates English "
                         "inside Arabic by itself)")
    for message_id in rejected:
        catalog.delete(message_id)
    return catalog


def _first(message_id) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id
