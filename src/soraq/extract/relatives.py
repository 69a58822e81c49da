"""Relatives of a subject, named in the report with their relation.

A name group that :mod:`roles` marked as a relative is attached to the subject
named in the same sentence, else to the subject the sentence is about.
"""

from __future__ import annotations

from soraq.extract.context import DocContext
from soraq.extract.names import NameGroup
from soraq.extract.roles import Role


def attach(ctx: DocContext, owners: list[list[int]],
           relatives: list[tuple[NameGroup, Role]]) -> dict[int, list[tuple[str, str, int, int]]]:
    """subject index -> [(name, relation, evidence start, evidence end)]."""
    out: dict[int, list[tuple[str, str, int, int]]] = {}
    for group, role in relatives:
        first = group.mentions[0]
        k = ctx.sentence_at(first.start)
        named_here = [i for i, g in enumerate(ctx.subjects)
                      if any(ctx.sentence_at(m.start) == k for m in g.mentions)]
        target = named_here[0] if len(named_here) == 1 else (owners[k][0] if owners[k] else None)
        if target is None:
            continue
        s = ctx.sentences[k]
        entry = (group.best.display, role.relation or "relative", s.start, s.end)
        if all(e[0] != entry[0] for e in out.get(target, [])):
            out.setdefault(target, []).append(entry)
    return out
