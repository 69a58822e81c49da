"""Which subject of the report a sentence speaks about.

A sentence naming one subject is about that subject; a sentence naming none
continues the last subject named (pronouns and "the man" refer back); a report
with one subject gives it every sentence. Sentences before any subject is named
go to the first subject, since reports usually open with their main case.
"""

from __future__ import annotations

from soraq.extract.context import DocContext


def sentence_owners(ctx: DocContext) -> list[list[int]]:
    """For each sentence, the indexes (into ``ctx.subjects``) of the subjects it is about."""
    n = len(ctx.sentences)
    if not ctx.subjects:
        return [[] for _ in range(n)]
    if len(ctx.subjects) == 1:
        return [[0] for _ in range(n)]
    named: list[set[int]] = [set() for _ in range(n)]
    for i, group in enumerate(ctx.subjects):
        for m in group.mentions:
            named[ctx.sentence_at(m.start)].add(i)
    owners: list[list[int]] = []
    last: list[int] = [0]
    for k in range(n):
        if named[k]:
            last = sorted(named[k])
        owners.append(list(last))
    return owners


def sentences_of(ctx: DocContext, owners: list[list[int]], subject: int) -> list[int]:
    return [k for k, own in enumerate(owners) if subject in own]


def named_in(ctx: DocContext, subject: int) -> list[int]:
    """Sentences that name the subject explicitly."""
    return sorted({ctx.sentence_at(m.start) for m in ctx.subjects[subject].mentions})
