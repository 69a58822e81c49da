"""Aggregate figures a report states ("20 Azerbaijani citizens", "около 200 кенийцев").

A number is a figure when, within a few words, it is followed by a word for
people (lexicon ``[figures] people``) or a demonym; the demonym (or "of the
country", resolved to the report's dominant nationality) gives the country,
and the rest of the clause says what the number counts.
"""

from __future__ import annotations

import re

from soraq.extract.context import DocContext
from soraq.extract.facts import dominant_citizenship
from soraq.report import Figure

_NUMBER = re.compile(r"(?<![\d.,$€£-])(\d{1,3}(?:[ ,\u00a0]\d{3})+|\d+)(?!\d|[.,]\d|[-–]\s*(?:year|лет|летн|yaş))")


def _age_apposition(text: str, start: int, end: int) -> bool:
    """A number between commas right after a capitalised name is the person's age."""
    return bool(re.search(r"[A-ZÀ-ÞƏĞİŞÇÖÜА-ЯЁ][\w'’-]+,\s*$", text[max(0, start - 40) : start])) and \
        text[end : end + 1] == ","


def find_figures(ctx: DocContext) -> list[Figure]:
    people = ctx.lexicon.pattern("figures", "people")
    outcomes = ctx.lexicon.pattern("figures", "outcomes")
    demonyms = ctx.lexicon.patterns("citizenship")
    dominant = dominant_citizenship(ctx)
    out: list[Figure] = []
    seen: set[tuple[str | None, int]] = set()
    for s in ctx.sentences:
        last_code: str | None = None
        for m in _NUMBER.finditer(s.text):
            digits = re.sub(r"\D", "", m.group(1))
            number = int(digits)
            if number < 2 or (1900 <= number <= 2100 and len(digits) == 4):
                continue
            if _age_apposition(s.text, m.start(), m.end()):
                continue  # "X Y, 27, a Tajik citizen": an age, not a count
            window = s.text[m.end() : m.end() + 45]
            head = re.match(r"\s*(?:\S+\s+){0,3}", window)
            near = window[: head.end() + 20] if head else window
            code = None
            for c, p in demonyms.items():
                if p is not None and p.search(near):
                    code = c
                    break
            if code is None and last_code is not None and outcomes is not None and \
                    outcomes.match(re.sub(r"^\s*(?:\w+\s+)?", "", window, count=1) if not outcomes.match(window.strip())
                                   else window.strip()):
                code = last_code  # "12 Nepalis were killed, and 5 are missing"
            if code is None and not (people is not None and people.match(window.strip()) and dominant):
                continue
            if code is None and dominant is not None:
                code = str(dominant.value)
            if people is not None and not people.search(near) and code is None:
                continue
            clause = re.split(r"[.;]", s.text[m.end() :], maxsplit=1)[0]
            what = " ".join(clause.split()[:8]) or None
            key = (code, number)
            if key in seen:
                continue
            seen.add(key)
            last_code = code
            out.append(Figure(citizenship=code, number=number, what=what))
    return out
