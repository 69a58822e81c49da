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

from functools import cache

from soraq.extract.context import DocContext
from soraq.extract.lexicon import LANGUAGES, load


def _stem(phrase: str) -> str | None:
    """The longest word of a lexicon phrase without its "*", lower-case ("sent ... front*" -> "front").

    Any text the phrase matches contains that word, so a substring test keeps
    the filter's recall; words under three letters are too common to help.
    """
    if phrase.startswith("re:"):
        return None
    words = [w.replace("*", "") for w in phrase.lower().replace("...", " ").split()]
    best = max(words, key=len, default="")
    return best if len(best) >= 3 else None


@cache
def _fast_stems() -> tuple[tuple[str, ...], tuple[str, ...]]:
    war: set[str] = set()
    foreign: set[str] = set()
    for lang in LANGUAGES:
        lex = load(lang)
        table = lex.table("relevance")
        war |= {s for p in table.get("war", []) if (s := _stem(p))}
        phrases = table.get("foreign", []) + table.get("labour", [])
        phrases += [p for v in lex.table("citizenship").values() for p in v]
        foreign |= {s for p in phrases if (s := _stem(p))}
    # shorter stems first: they subsume longer ones and are found sooner
    return tuple(sorted(war, key=len)), tuple(sorted(foreign, key=len))


def is_relevant_fast(text: str) -> bool:
    """Cheap pre-filter: could this text be about foreigners in Russia's war? (high recall)

    Plain substring search for the literal stems of the war and foreigner cues of
    all three lexicons; no regular expressions, no models.
    """
    war, foreign = _fast_stems()
    lower = text.lower()
    return any(s in lower for s in war) and any(s in lower for s in foreign)


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
        # a report may say "killed in Ukraine" in one place and "work in Russia" or
        # "Azerbaijani citizen X" (in its opening) in another
        fighting = sorted(war & involved)
        nationals = sorted(k for found in ctx.hits("citizenship").by_key.values() for (k, _, _) in found if k < 3)
        if fighting and (nationals or (len(fighting) >= 2 and labour)):
            return True, fighting[:2] + (nationals or sorted(labour))[:1]
    if not joint or not involved:
        return False, []
    strong = [k for k in joint if k in involved]
    needed = 2 if off else 1
    if len(off) >= 3 and len(strong) < 3:
        return False, []
    return len(strong) >= needed or len(joint) >= needed + 1, strong or joint
