"""Split a person's name into given name, family name and patronymic.

Reports write the same person as "Kamran Mirzayev", "Мирзоев Камран" (Russian lists put the
surname first), "Камран Эльшан оглу Мирзоев" or "Mirzəyev Kamran Elşən oğlu". The
patronymic must be kept apart from the surname: "Elşən" is the father's given name, and
two namesakes are often told apart by it alone. Word order is not trusted: comparison is
order-free over the remaining parts, and ``family`` is only a best guess (the word with a
surname suffix, else the last word of a Latin name or the first of a Russian "Surname Given").
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass, field

from soraq.names.transliterate import is_cyrillic, to_latin

#: words that follow a father's name in Turkic patronymics: "Elşən oğlu", "Эльшан оглы",
#: "Aydın qızı", "Асан уулу" (Kyrgyz), "Rustam o'g'li" (Uzbek)
PATRONYMIC_MARKERS: frozenset[str] = frozenset(
    {
        "oğlu", "oglu", "ogly", "oğlı", "ogli", "ugli", "o'g'li", "o‘g‘li", "oʻgʻli", "угли",
        "оглы", "оглу", "огли", "uulu", "уулу", "улы", "uly",
        "qızı", "qizi", "gizi", "kizi", "kyzy", "кызы", "гызы", "қизи", "кизи", "qiz", "kyz",
    }
)
#: Russian-style patronymic endings: Камранович, Камрановна, Ильич, Kamranovich
_RU_PATRONYMIC = re.compile(r"(ович|евич|ьич|овна|евна|ична|инична|ovich|evich|ovna|evna|yevich|yevna)$")
#: endings that mark a word as a family name in these naming traditions
SURNAME_SUFFIX = re.compile(
    r"(ov|ev|yev|iev|ova|eva|yeva|iyev|in|ina|ly|li|lu|lı|zade|zada|zadə|zadeh|zoda|sky|ski|skiy|"
    r"ов|ев|ёв|ова|ева|ин|ина|ын|лы|ли|заде|зода|ский|ская|ovich|ович)$"
)
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’‘ʻ][^\W\d_]+)*\.?", re.UNICODE)


@dataclass(frozen=True)
class NameParts:
    """The parts of one written name; ``words`` are the non-patronymic words in written order."""

    words: tuple[str, ...]
    given: str | None = None
    family: str | None = None
    patronymic: str | None = None
    initials: tuple[str, ...] = field(default=())


def tokenize(name: str) -> list[str]:
    """Words of a name, punctuation dropped (hyphenated and apostrophe words kept whole).

    A combining dot above (Turkish/Azerbaijani "İ" lower-cased or transliterated as "И̇")
    is dropped rather than allowed to split a word.
    """
    text = unicodedata.normalize("NFC", name or "").replace("\u0307", "")
    return [t for t in _TOKEN.findall(text)]


def is_initial(word: str) -> bool:
    """A one-letter word, with or without a full stop: "T." or "T"."""
    return len(word.rstrip(".")) == 1


def looks_like_surname(word: str) -> bool:
    """True when the word ends like a family name (-ov, -yev, -ova, -zade, -лы...)."""
    w = word.lower().rstrip(".")
    return bool(SURNAME_SUFFIX.search(w) or SURNAME_SUFFIX.search(to_latin(w)))


@lru_cache(maxsize=300_000)
def parse_name(
    name: str,
    given_name: str | None = None,
    family_name: str | None = None,
    patronymic: str | None = None,
) -> NameParts:
    """Parts of a name: explicit fields win, the rest is read from the written name."""
    words = tokenize(name)
    found_patronymic = patronymic
    marked = False
    kept: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w.lower() in PATRONYMIC_MARKERS:
            if kept and found_patronymic is None:
                found_patronymic = kept[-1]
            if kept and (patronymic is None or _same_word(kept[-1], patronymic)):
                kept.pop()
                marked = True
            i += 1
            continue
        if _RU_PATRONYMIC.search(w.lower()) and len(words) >= 3:
            found_patronymic = found_patronymic or w
            i += 1
            continue
        kept.append(w)
        i += 1
    if patronymic and not marked and len(kept) >= 3:
        # "Эльнур Намик Алиев": the patronymic written without a marker (one word removed,
        # so that a son named after his father keeps his given name)
        for k, w in enumerate(kept):
            if _same_word(w, patronymic):
                kept = kept[:k] + kept[k + 1 :]
                break
    initials = tuple(w.rstrip(".") for w in kept if is_initial(w))
    full = [w for w in kept if not is_initial(w)]
    given, family = given_name, family_name
    if family is None or given is None:
        g, f = _guess_order(full, name)
        given = given or g
        family = family or f
    if given_name or family_name:
        extra = [w for w in full if not _same_word(w, given or "") and not _same_word(w, family or "")]
        full = [w for w in (given, family) if w] + extra
    return NameParts(tuple(full), given, family, found_patronymic, initials)


def _same_word(a: str, b: str) -> bool:
    return a.strip(".").lower() == b.strip(".").lower()


def _guess_order(words: list[str], name: str) -> tuple[str | None, str | None]:
    """(given, family) of a name whose order is not stated."""
    if not words:
        return None, None
    if len(words) == 1:
        w = words[0]
        return (None, w) if looks_like_surname(w) else (w, None)
    surnames = [i for i, w in enumerate(words) if looks_like_surname(w)]
    if len(surnames) == 1:
        fi = surnames[0]
        gi = 1 if fi == 0 else 0
        return words[gi], words[fi]
    if is_cyrillic(name) and surnames and surnames[0] == 0:
        return words[1], words[0]
    return words[0], words[-1]
