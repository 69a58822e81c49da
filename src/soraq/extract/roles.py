"""Who is who in a report: its subjects, their relatives, and everybody else.

A report is *about* the people whose fate it tells; relatives who speak for
them, officials, journalists and experts are not subjects. Roles come from the
words right around each mention: a title or a reporting verb ("the minister",
"journalist", "told the agency") marks an official; a kinship word ("his mother
X", "X, her son's wife", "анасы X") marks a relative. A group with any
mention in a subject role (a demonym, a birth year, an age, an event verb) is a
subject even if elsewhere it is quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from soraq.extract.context import DocContext
from soraq.extract.names import NameGroup

ROLE_WINDOW = 45  # characters looked at either side of a mention


@dataclass
class Role:
    kind: str  # "subject", "relative", "official", "other"
    relation: str | None = None
    anchor: int | None = None  # offset of the kinship word or title


def _relation_near(ctx: DocContext, start: int, end: int) -> tuple[str, int] | None:
    """A kinship word right before the name (or right after, set off by a comma)."""
    sent = ctx.sentences[ctx.sentence_at(start)]
    before = ctx.text[max(sent.start, start - ROLE_WINDOW) : start]
    after = ctx.text[end : min(sent.end, end + ROLE_WINDOW)]
    best: tuple[str, int, int] | None = None
    for relation, pattern in ctx.lexicon.patterns("relations").items():
        if pattern is None:
            continue
        for m in pattern.finditer(before):
            gap = before[m.end() :]
            if len(gap) <= 25 and not re.search(r"[.;:!?]", gap):
                distance = len(gap)
                if best is None or distance < best[2]:
                    best = (relation, start - len(before) + m.start(), distance)
        m = pattern.search(after)
        if m and re.match(r"^\s*(?:,|\(|—|–|-)?\s*(?:\w+\s+){0,2}$", after[: m.start()]) and m.start() <= 20:
            if best is None or m.start() < best[2]:
                best = (relation, end + m.start(), m.start() + 1)
    return (best[0], best[1]) if best else None


def _official_near(ctx: DocContext, start: int, end: int) -> bool:
    sent = ctx.sentences[ctx.sentence_at(start)]
    before = ctx.text[max(sent.start, start - ROLE_WINDOW) : start]
    after = ctx.text[end : min(sent.end, end + 30)]
    pattern = ctx.lexicon.pattern("names", "official")
    if pattern is None:
        return False
    for m in pattern.finditer(before):
        gap = before[m.end() :]
        if len(gap) <= 30 and not re.search(r"[.;!?]", gap):
            return True
    m = pattern.search(after)
    return bool(m and m.start() <= 12 and re.match(r"^\s*[,(—–-]", after))


def _subject_cue(ctx: DocContext, start: int, end: int) -> bool:
    """A birth year, an age or a nationality right by the name."""
    sent = ctx.sentences[ctx.sentence_at(start)]
    window = ctx.text[max(sent.start, start - 60) : min(sent.end, end + 60)]
    for key in ("year", "age"):
        p = ctx.lexicon.pattern("birth", key)
        if p is not None and p.search(window):
            return True
    near = ctx.text[max(sent.start, start - 40) : start]
    return any(p is not None and p.search(near) for p in ctx.lexicon.patterns("citizenship").values())


def classify(ctx: DocContext, group: NameGroup) -> Role:
    """The role of one name group in the report."""
    relation: tuple[str, int] | None = None
    official = 0
    cue = False
    for m in group.mentions:
        if _subject_cue(ctx, m.start, m.end):
            cue = True
        rel = _relation_near(ctx, m.start, m.end)
        if rel and relation is None:
            relation = rel
        if _official_near(ctx, m.start, m.end):
            official += 1
    if cue and not (relation and relation[1] < group.mentions[0].start and not _subject_cue(ctx, group.mentions[0].start, group.mentions[0].end)):
        return Role("subject")
    if relation:
        return Role("relative", relation[0], relation[1])
    if official:
        return Role("official")
    if group.best.size == 1 and not cue:
        return Role("other")
    return Role("subject")
