"""Given names and surname shapes: the generic evidence that a capitalised word is a name.

Given names come from Faker's maintained locale data (Azerbaijani, Russian,
Ukrainian, Uzbek, Turkish, Persian, Georgian, Armenian, Nepali, Hindi, Kenyan,
Swahili, English, Spanish ...), folded to a script-independent skeleton so a
Cyrillic or accented spelling finds its Latin entry. Surnames are recognised by
their morphology (-ov, -yev, -ova, -li, -zade, -ян, -швили ...), which is how
post-Soviet surnames are built, rather than by a list.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from functools import cache, lru_cache

#: Faker locales whose given names are used (only those Faker ships)
FAKER_LOCALES = (
    "az_AZ", "ru_RU", "uk_UA", "uz_UZ", "tr_TR", "fa_IR", "ka_GE", "hy_AM", "ne_NP", "hi_IN",
    "en_IN", "en_KE", "sw", "en_NG", "en_US", "en_GB", "en", "es_ES", "ar_AA",
    # other countries whose citizens are recruited: Latin America, West and Southern Africa,
    # Sri Lanka, Bangladesh, Pakistan and India's other languages
    "es_MX", "es_CO", "pt_BR", "fr_FR", "tw_GH", "yo_NG", "ig_NG", "ha_NG", "zu_ZA", "si_LK",
    "ta_IN", "bn_BD", "en_PK", "gu_IN", "mr_IN", "ar_SA",
)

_CYR = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқөүһұі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "a", "g",
     "q", "o", "u", "h", "u", "i"],
))
_SKELETON = (("sh", "s"), ("ch", "s"), ("kh", "h"), ("x", "h"), ("yev", "ev"), ("yu", "u"), ("ya", "a"), ("iy", "i"),
             ("q", "g"), ("j", "zh"), ("dzh", "c"), ("y", "i"), ("w", "v"), ("ee", "i"))

SURNAME_SUFFIX = re.compile(
    r"(?:[oe]v|[oe]va|yev|yeva|[oe]vs?kaya|[sc]ky|[sc]kiy|ski|ska|zad[əe]|zoda|yan|ian|shvili|dze|"
    r"enko|ov|[lI](?:ı|i|u|ü)|uulu|kyzy|bekov|ова|ева|ов|ев|ёв|ин|ина|ский|ская|ян|дзе|швили|енко|"
    r"заде|зода|уулу|кызы)$",
    re.IGNORECASE,
)
_STRICT_SURNAME = re.compile(
    r"(?:[oe]v|[oe]va|yev|yeva|zad[əe]|zoda|shvili|dze|enko|uulu|ова|ева|ов|ев|ёв|ский|ская|"
    r"швили|дзе|енко|заде|зода|уулу)$",
    re.IGNORECASE,
)
_FEMALE_SURNAME = re.compile(r"(?:[oe]va|yeva|skaya|ova|ова|ева|ина|ская|кызы|qızı|kyzy)$", re.IGNORECASE)


_FOLD_TABLE = str.maketrans({**_CYR, "ə": "a", "ı": "i", "ç": "ch", "ş": "sh"})
_NON_WORD = re.compile(r"[^\w ]|_")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case Latin skeleton of a word: script, accents and common spelling variants removed.

    Cached: the same few thousand name words are folded again and again (name lists at
    start-up, every mention of every document).
    """
    text = (text or "").lower().translate(_FOLD_TABLE)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if ch.isalnum() or ch == " ")
    else:
        text = _NON_WORD.sub("", text)
    for a, b in _SKELETON:
        if a in text:
            text = text.replace(a, b)
    return " ".join(text.split())


_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_DEVANAGARI_VOWEL_END = re.compile(r"[\u093E-\u094C\u0905-\u0914\u0902\u0903]$")


def _latin(name: str) -> str:
    """Latin spelling of a Devanagari name (Faker's Nepali and Hindi lists), final schwa dropped."""
    if not _DEVANAGARI.search(name):
        return name
    from normality import ascii_text

    latin = ascii_text(name) or ""
    if latin.endswith("a") and not _DEVANAGARI_VOWEL_END.search(name):
        latin = latin[:-1]
    return latin


def _names_of(provider: type, attr: str) -> list[str]:
    value = getattr(provider, attr, None) or ()
    return [_latin(str(v)) for v in value]


@cache
def given_names() -> dict[str, str | None]:
    """Folded given name -> ``male``, ``female`` or ``None`` (used for both), from Faker."""
    sexes: dict[str, set[str]] = {}
    for locale in FAKER_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, sex in (("first_names_male", "male"), ("first_names_female", "female")):
            for name in _names_of(provider, attr):
                for part in name.split():
                    key = fold(part)
                    if len(key) >= 2:
                        sexes.setdefault(key, set()).add(sex)
    return {k: (next(iter(v)) if len(v) == 1 else None) for k, v in sexes.items()}


@cache
def known_surnames() -> frozenset[str]:
    """Folded surnames Faker knows for the same locales (weak evidence, used with capitals)."""
    out: set[str] = set()
    for locale in FAKER_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in ("last_names", "last_names_male", "last_names_female"):
            for name in _names_of(provider, attr):
                key = fold(name)
                if len(key) >= 3:
                    out.add(key)
    return frozenset(out)


def is_given_name(word: str) -> bool:
    return fold(word) in given_names()


def given_name_sex(word: str) -> str | None:
    return given_names().get(fold(word))


def looks_like_surname(word: str, strict: bool = False) -> bool:
    """True when the word is built like a surname (or is one Faker knows)."""
    if len(word) < 4:
        return False
    if (_STRICT_SURNAME if strict else SURNAME_SUFFIX).search(word):
        return True
    return not strict and fold(word) in known_surnames()


def surname_sex(word: str) -> str | None:
    """``female`` for -ova/-eva/-ская surnames, ``male`` for -ov/-ev/-ский, else ``None``."""
    if _FEMALE_SURNAME.search(word):
        return "female"
    if re.search(r"(?:[oe]v|yev|sky|skiy|ов|ев|ёв|ский|oğlu|oglu|оглы|оглу|uulu|уулу)$", word, re.I):
        return "male"
    return None
