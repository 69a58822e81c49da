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

from soraq.extract.lexicon import LANGUAGES, compile_phrases, load
from soraq.extract.sentences import Sentence


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


def _hits(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def decide(sentences: list[Sentence], lang: str, named_subjects: int = 0) -> tuple[bool, list[int]]:
    """Full relevance decision; returns (relevant, indexes of the supporting sentences)."""
    lex = load(lang)
    rel = lex.patterns("relevance")
    demonyms = [p for p in lex.patterns("citizenship").values() if p is not None]
    war, foreign, involved, off = rel.get("war"), rel.get("foreign"), rel.get("involved"), rel.get("off_topic")

    def is_foreign(t: str) -> bool:
        return _hits(foreign, t) or any(p.search(t) for p in demonyms)

    joint: list[int] = []
    involvement = False
    off_topic = 0
    for k, s in enumerate(sentences):
        window = s.text if k + 1 >= len(sentences) else s.text + " " + sentences[k + 1].text
        if _hits(war, s.text) and is_foreign(s.text):
            joint.append(k)
        elif _hits(war, window) and is_foreign(window) and _hits(involved, window):
            joint.append(k)
        involvement = involvement or _hits(involved, s.text)
        off_topic += _hits(off, s.text)
    if not joint and not off_topic:
        # a report may say "killed in Ukraine" in one place and "work in Russia" in another
        fighting = [k for k, s in enumerate(sentences) if _hits(war, s.text) and _hits(involved, s.text)]
        labour = [k for k, s in enumerate(sentences) if _hits(rel.get("labour"), s.text)]
        if len(fighting) >= 2 and labour:
            return True, fighting[:2] + labour[:1]
    if not joint or not involvement:
        return False, []
    strong = [k for k in joint if _hits(involved, sentences[k].text)]
    needed = 2 if off_topic else 1
    if off_topic >= 3 and len(strong) < 3:
        return False, []
    return len(strong) >= needed or len(joint) >= needed + 1, strong or joint
