"""Interface strings from Babel message catalogs, and locale-aware dates and numbers.

Catalogs live in `content/locales/<lang>/LC_MESSAGES/messages.po`; they are compiled in
memory at build time, so no binary `.mo` file is kept in the repository.
"""

from __future__ import annotations

import datetime
import gettext
import io
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from .errors import Problems


@dataclass
class Strings:
    """The interface strings and formatters of one language."""

    lang: str
    translations: gettext.NullTranslations

    def __call__(self, message: str, **values) -> str:
        """Translate `message` and fill in `%(name)s` values."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def plural(self, singular: str, plural: str, n: int, **values) -> str:
        """Translate with the language's plural rules (Arabic has six forms)."""
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


def load_strings(locales_dir: Path, lang: str, problems: Problems) -> Strings:
    """Compile `<lang>/LC_MESSAGES/messages.po` and return its `Strings`."""
    path = locales_dir / lang / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        problems.add(path, 1, "message catalog missing", "copy the English catalog and translate it")
        return Strings(lang, gettext.NullTranslations())
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    for message in catalog:
        if message.id and not message.string or (isinstance(message.string, tuple)
                                                 and not all(message.string)):
            problems.add(path, message.lineno, f"untranslated string '{_first(message.id)}'",
                         "write its msgstr")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Strings(lang, gettext.GNUTranslations(buffer))


def _first(message_id) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id
