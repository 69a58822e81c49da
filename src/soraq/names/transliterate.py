"""Cyrillic and Azerbaijani-Latin names to one lower-case ASCII Latin spelling.

Why our own table rather than ``normality.ascii_text``: normality goes through ICU's
ISO 9 transliteration, which turns ``ш`` into ``s`` and ``ж``/``з`` alike into ``z``, so
"Шамиль" and "Самиль" fold together while the English spelling "Shamil" does not. Outlets
that write these names in Latin use BGN/PCGN- or ICAO-like digraphs (``sh``, ``kh``, ``zh``,
``ch``, ``ya``); the table below produces those, so that a Russian spelling lands close to
the English one. Letters of Kazakh, Kyrgyz, Tajik, Uzbek and Azerbaijani Cyrillic are
included because the people this project traces come largely from those countries. Any
other script (Devanagari, Arabic, Georgian...) falls back to ``normality`` (ICU), which is
good enough for search keys though not for phonetic comparison.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from normality import ascii_text

#: Russian and Central Asian Cyrillic letters, BGN/PCGN-style digraphs (GOST/ICAO
#: differ on ``х`` (kh/h), ``ц`` (ts/c), ``й`` (y/i), ``ю``/``я`` (yu/iu, ya/ia); the
#: comparison layer treats those alternatives as equivalent, see ``keys.phonetic``).
CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Azerbaijani (pre-1991) / Kazakh / Kyrgyz / Tajik / Uzbek Cyrillic
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ү": "u", "ұ": "u", "һ": "h",
    "і": "i", "ӣ": "i", "ӯ": "u", "ҳ": "h", "ҷ": "j", "ҹ": "j", "ў": "o", "ј": "y",
    "ҝ": "g", "є": "ye", "ї": "yi", "ґ": "g",
}

#: Azerbaijani and Turkish Latin letters and other diacritics seen in these names.
LATIN: dict[str, str] = {
    "ə": "a", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "gh", "ö": "o", "ü": "u",
    "ä": "a", "ñ": "n", "ß": "ss", "đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe",
    "ž": "zh", "š": "sh", "č": "ch", "ǧ": "g", "ḩ": "h",
}

_TABLE = {**CYRILLIC, **{k.upper(): v for k, v in CYRILLIC.items()}}
_TABLE.update(LATIN)
_TABLE.update({k.upper(): v for k, v in LATIN.items()})
_TABLE["İ"] = "i"
_TABLE["I"] = "i"

_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=200_000)
def to_latin(text: str) -> str:
    """Any name into lower-case ASCII Latin, words separated by single spaces."""
    text = unicodedata.normalize("NFC", text or "").replace("\u0307", "")
    out = []
    for ch in text:
        rep = _TABLE.get(ch)
        if rep is None:
            rep = _TABLE.get(ch.lower())
        out.append(rep if rep is not None else ch)
    latin = "".join(out).lower()
    if not latin.isascii():
        latin = (ascii_text(latin) or "").lower()
    return " ".join(_NON_WORD.sub(" ", latin).split())


def is_cyrillic(text: str) -> bool:
    """True when the text has more Cyrillic letters than Latin ones."""
    cyr = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return cyr > lat


def looks_azerbaijani_latin(text: str) -> bool:
    """True when a Latin-script word uses letters only Azerbaijani (or Turkish) spelling has."""
    return any(ch in "əƏıİğĞşŞçÇxXqQ" for ch in text) and not is_cyrillic(text)
