"""Scalar facts about one subject: birth year, age and citizenship.

Each fact is looked for first in the sentences that name the subject (nearest
to the name wins), then in the sentences attributed to the subject. A birth
year stated outright beats one derived from an age; an age gives
``publication year - age`` (or, when the date is unknown, the year the text
itself points at).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from soraq.extract import countries
from soraq.extract.context import DocContext


@dataclass
class Found:
    value: int | str
    start: int
    end: int


def _nearest(matches: Sequence[tuple[int, int, int | str]], anchors: list[int]) -> Found | None:
    if not matches:
        return None
    best = min(matches, key=lambda m: min((abs(m[0] - a) for a in anchors), default=0))
    return Found(best[2], best[0], best[1])


def _search(ctx: DocContext, key: str, group_name: str, sentence_ids: list[int], anchors: list[int]) -> Found | None:
    pattern = ctx.lexicon.pattern("birth", key)
    if pattern is None:
        return None
    hits = []
    for k in sentence_ids:
        s = ctx.sentences[k]
        for m in pattern.finditer(s.text):
            value = m.group(group_name) if group_name in m.groupdict() else None
            if value:
                hits.append((s.start + m.start(), s.start + m.end(), int(value)))
    return _nearest(hits, anchors)


def birth_year(ctx: DocContext, named: list[int], own: list[int], anchors: list[int]) -> Found | None:
    """An explicit birth year ("born in 1980", "1980 года рождения", "1980-ci il təvəllüdlü")."""
    for ids in (named, own):
        found = _search(ctx, "year", "year", ids, anchors)
        if found and 1900 <= int(found.value) <= 2030:
            return found
    return None


def _kin_follows(ctx: DocContext, end: int) -> bool:
    """An age that belongs to a relative ("their 17-year-old son", "сын, 15 лет")."""
    tail = ctx.text[end : end + 18]
    return any(p is not None and p.match(tail.lstrip(" ,")) for p in ctx.lexicon.patterns("relations").values())


def age(ctx: DocContext, named: list[int], own: list[int], anchors: list[int]) -> Found | None:
    """A stated age ("34-year-old", "46 yaşlı", "34-летний"), not a relative's."""
    pattern = ctx.lexicon.pattern("birth", "age")
    if pattern is None:
        return None
    for ids in (named, own):
        hits = []
        for k in ids:
            s = ctx.sentences[k]
            for m in pattern.finditer(s.text):
                value = int(m.group("age"))
                if 14 <= value <= 90 and not _kin_follows(ctx, s.start + m.end()):
                    hits.append((s.start + m.start(), s.start + m.end(), value))
        found = _nearest(hits, anchors)
        if found:
            return found
    return None


def _stated(ctx: DocContext) -> list[tuple[int, int, int, str]]:
    """(sentence, start, end, code) of citizenship stated with a country's name (CLDR), once per document."""
    if ctx.stated_citizenship is None:
        ctx.stated_citizenship = [(ctx.sentence_at(s), s, e, code)
                                  for s, e, code in countries.stated_citizenships(ctx.text, ctx.lang)]
    return ctx.stated_citizenship


def citizenship(ctx: DocContext, named: list[int], own: list[int], anchors: list[int],
                name_ends: list[int] | None = None) -> Found | None:
    """Country code from a demonym or "citizen of X" near the name, else the report's dominant one.

    A country in brackets right after the name ("Jane Roe (Uganda).") is the strongest
    statement; "citizen of X" / "X vətəndaşı" / "гражданин X" is read for any country CLDR
    names, besides the lexicon's demonyms.
    """
    for end in name_ends or []:
        code = countries.bracketed_country(ctx.text, end)
        if code:
            close = ctx.text.find(")", end)
            return Found(code, end, close + 1 if close > 0 else end)
    table = ctx.hits("citizenship").by_key
    stated = _stated(ctx)
    for ids in (named, own):
        wanted = set(ids)
        hits = [(start, end, code) for code, found in table.items() for (k, start, end) in found if k in wanted]
        hits += [(start, end, code) for (k, start, end, code) in stated if k in wanted]
        found = _nearest(hits, anchors)
        if found:
            return found
    return dominant_citizenship(ctx)


def dominant_citizenship(ctx: DocContext) -> Found | None:
    """The nationality the report talks about most, when one clearly dominates."""
    counts: dict[str, list[tuple[int, int]]] = {}
    for code, found in ctx.hits("citizenship").by_key.items():
        for _, start, end in found:
            counts.setdefault(code, []).append((start, end))
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -len(kv[1]))
    if len(ranked) > 1 and len(ranked[1][1]) * 2 > len(ranked[0][1]):
        return None
    code, spans = ranked[0]
    return Found(code, spans[0][0], spans[0][1])


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def reference_year(ctx: DocContext) -> int | None:
    """The year a stated age refers to: the publication year (unknown publication: none)."""
    if ctx.base_date is not None and ctx.base_is_published:
        return ctx.base_date.year
    return None
