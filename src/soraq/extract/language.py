"""Language of a document: lingua, restricted to the languages Soraq reads.

The detector is built once, lazily, and only over the languages in play so that
short texts are not mistaken for a neighbour language (Turkish for Azerbaijani,
Ukrainian for Russian). A script check answers only when lingua abstains.
"""

from __future__ import annotations

import re
from functools import cache

#: ISO 639-1 codes the extractor has lexicons for
SUPPORTED = ("az", "ru", "en")

_AZ_LETTERS = re.compile(r"[əƏğĞıİşŞçÇöÖüÜ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


@cache
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.AZERBAIJANI, Language.RUSSIAN, Language.ENGLISH
    ).build()


def _by_script(head: str) -> str:
    """Fallback when lingua abstains: Cyrillic is Russian, Azerbaijani letters are Azerbaijani."""
    cyr = len(_CYRILLIC.findall(head))
    lat = len(_LATIN.findall(head))
    if cyr > lat:
        return "ru"
    if lat and len(_AZ_LETTERS.findall(head)) > 0.02 * lat:
        return "az"
    return "en"


def detect(text: str, sample: int = 600) -> str:
    """``az``, ``ru`` or ``en`` for a text, by lingua over its first ``sample`` characters."""
    head = text[:sample]
    if not head.strip():
        return "en"
    found = _detector().detect_language_of(head)
    if found is None:
        return _by_script(head)
    return found.iso_code_639_1.name.lower()
