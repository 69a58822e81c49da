"""Azerbaijani case and possessive suffixes, stripped so that names and dates match.

Azerbaijani glues case endings to words ("Zeynalovu", "oğlunun", "yanvarın
15-də", "oktyabrında"). Name look-up and date parsing need the bare stem; this
module knows the endings (by vowel harmony, longest first) and nothing else.
"""

from __future__ import annotations

import re

# Case, possessive and copula endings, longest first. Buffer consonants (n, y, s) included.
SUFFIXES: tuple[str, ...] = tuple(sorted({
    # possessive 3rd person + case
    "sının", "sinin", "sunun", "sünün", "ının", "inin", "unun", "ünün",
    "sına", "sinə", "suna", "sünə", "ına", "inə", "una", "ünə",
    "sında", "sində", "sunda", "sündə", "ında", "ində", "unda", "ündə",
    "sından", "sindən", "sundan", "sündən", "ından", "indən", "undan", "ündən",
    "sını", "sini", "sunu", "sünü", "ını", "ini", "unu", "ünü",
    # genitive, dative, accusative, locative, ablative, instrumental
    "nın", "nin", "nun", "nün", "ın", "in", "un", "ün",
    "ya", "yə", "a", "ə",
    "nı", "ni", "nu", "nü", "yı", "yi", "yu", "yü", "ı", "i", "u", "ü",
    "da", "də", "ta", "tə", "dan", "dən", "tan", "tən",
    "yla", "ylə", "la", "lə",
    # possessive 3rd person alone
    "sı", "si", "su", "sü",
    # copula
    "dır", "dir", "dur", "dür",
}, key=len, reverse=True))

_HYPHEN_NUMBER = re.compile(r"\b(\d+)-(?:[a-zəıöüğşç]+)\b", re.IGNORECASE)


def strip_number_suffixes(text: str) -> str:
    """'15-də', '24-ü', '2023-cü' -> '15', '24', '2023' (suffixes written after a hyphen)."""
    return _HYPHEN_NUMBER.sub(r"\1", text)


def stems(word: str, min_stem: int = 3) -> list[str]:
    """Possible stems of ``word`` with one or two case/possessive endings removed, longest stem first."""
    out: list[str] = []
    lower = word.lower()
    for suffix in SUFFIXES:
        if lower.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            stem = word[: len(word) - len(suffix)]
            out.append(stem)
            for inner in SUFFIXES:
                if len(inner) <= 2 and stem.lower().endswith(inner) and len(stem) - len(inner) >= min_stem:
                    out.append(stem[: len(stem) - len(inner)])
    seen: set[str] = set()
    ordered = []
    for s in sorted(out, key=len, reverse=True):
        if s not in seen:
            seen.add(s)
            ordered.append(s)
    return ordered


def strip_word(word: str, accept) -> str:  # type: ignore[no-untyped-def]
    """``word`` itself if ``accept(word)``, else its longest stem ``accept`` agrees to, else ``word``."""
    if accept(word):
        return word
    for stem in stems(word):
        if accept(stem):
            return stem
    return word
