"""Sentence splitting with character offsets.

Russian goes through razdel (it knows Russian abbreviations and quotes); for
Azerbaijani and English a simple rule is enough: a full stop, question or
exclamation mark followed by space and a capital letter or a quote, or a line
break. Offsets always refer to the original text, so evidence can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”»’)]?\s+(?=[\"“«‘(]?[A-ZА-ЯЁƏÜÖĞŞÇİ0-9])|\n+")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Jr|Sr|Gen|Col|Lt|Capt|Prof|vs|etc|e\.g|i\.e|b)\.|\b[A-Z]\.)$")


def _simple(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0).strip() or "\n" not in m.group(0):
            if _ABBREV.search(text[max(0, m.start() - 6) : m.start()]):
                continue
        _add(out, text, start, m.start())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if chunk:
        out.append(Sentence(start + lead, start + lead + len(chunk), chunk))


def _razdel(text: str) -> list[Sentence]:
    from razdel import sentenize

    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        for s in sentenize(para.group(0)):
            _add(out, text, para.start() + s.start, para.start() + s.stop)
    return out


def split(text: str, lang: str) -> list[Sentence]:
    """The sentences of ``text`` (headlines and paragraph breaks end a sentence too)."""
    return _razdel(text) if lang == "ru" else _simple(text)
