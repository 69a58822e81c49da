"""Is a report about foreign nationals brought into the Russian forces, or their fate?

Two stages. :func:`is_relevant_fast` is a lexical pre-filter over all three
languages at once (thousands of documents a second): it only drops texts that
lack both a war cue and a migrant/foreigner cue. :func:`decide` is the fuller
decision on the language's own lexicon: a sentence (or two neighbouring ones)
must join a foreigner/migrant/prisoner cue with a war cue, and the report must
say someone was involved (recruited, sent, fought, died, captured ...).
Near-topic reports (remittances, Karabakh commemorations, Ukrainian prisoner
exchanges, migration paperwork) need clearly more evidence.
"""

from __future__ import annotations

import re
from functools import cache

from soraq.extract.context import DocContext
from soraq.extract.lexicon import LANGUAGES, compile_phrases, load


@cache
def _fast_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    war: list[str] = []
    foreign: list[str] = []
    for lang in LANGUAGES:
        table = load(lang).table("relevance")
        war += table.get("war", [])
        foreign += table.get("foreign", []) + [p for v in load(lang).table("citizenship").values() for p in v]
    w, f = compile_phrases(war), compile_phrases(foreign)
    assert w is not None and f is not None
    return w, f


def is_relevant_fast(text: str) -> bool:
    """Cheap pre-filter: could this text be about foreigners in Russia's war? (high recall)"""
    war, foreign = _fast_patterns()
    return war.search(text) is not None and foreign.search(text) is not None


def decide(ctx: DocContext) -> tuple[bool, list[int]]:
    """Full relevance decision; returns (relevant, indexes of the supporting sentences)."""
    rel = ctx.hits("relevance")
    war, involved, off, labour = (rel.sentences(k) for k in ("war", "involved", "off_topic", "labour"))
    foreign = rel.sentences("foreign")
    for found in ctx.hits("citizenship").by_key.values():
        foreign |= {k for (k, _, _) in found}
    n = len(ctx.sentences)
    joint: list[int] = []
    for k in range(n):
        pair = {k, k + 1} if k + 1 < n else {k}
        if k in war and k in foreign:
            joint.append(k)
        elif pair & war and pair & foreign and pair & involved:
            joint.append(k)
    if not joint and not off:
        # a report may say "killed in Ukraine" in one place and "work in Russia" in another
        fighting = sorted(war & involved)
        if len(fighting) >= 2 and labour:
            return True, fighting[:2] + sorted(labour)[:1]
    if not joint or not involved:
        return False, []
    strong = [k for k in joint if k in involved]
    needed = 2 if off else 1
    if len(off) >= 3 and len(strong) < 3:
        return False, []
    return len(strong) >= needed or len(joint) >= needed + 1, strong or joint
