"""Name comparisons: the identifying words of the name, and the patronymic."""

from __future__ import annotations

from soraq.link.compare.base import Outcome
from soraq.link.compare.prepare import Prepared
from soraq.names.compare import EXACT, FUZZY, NONE, PHONETIC, compare_words, initial_matches, word_match


def name_words(a: Prepared, b: Prepared) -> Outcome | None:
    """Names agree when every word of the shorter name (two words or more) is a word of the longer one, in any order and script."""
    if not a.words or not b.words:
        return None
    ag = compare_words(a.words, b.words)
    sa, sb = " ".join(a.words), " ".join(b.words)
    if ag.shorter >= 2 and ag.matched == ag.shorter:
        extra = " (one has an extra name word)" if ag.longer > ag.shorter else ""
        if ag.weakest == EXACT:
            return Outcome("exact", f"same name across spellings: {sa!r} = {sb!r}{extra}")
        if ag.weakest == PHONETIC:
            return Outcome("transliteration", f"name spelled differently but sounds the same: {sa!r} ~ {sb!r}{extra}")
        return Outcome("fuzzy", f"name alike but with a spelling difference: {sa!r} ~ {sb!r}{extra}")
    if ag.shorter == 1 and ag.matched == 1:
        short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
        if short.initials and len(long_.words) > 1:
            rest = [w for w in long_.words if word_match(short.words[0], w) == NONE]
            if rest and any(initial_matches(i, r) for i in short.initials for r in rest):
                return Outcome("fuzzy", f"name with an initial matches: {sa!r} ~ {sb!r}")
        return Outcome("one_word", f"only one name word to compare, and it agrees: {sa!r} ~ {sb!r}")
    if ag.matched >= 1:
        return Outcome("partial", f"names share a word but differ in another: {sa!r} vs {sb!r}")
    return Outcome("different", f"different names: {sa!r} vs {sb!r}")


def patronymic(a: Prepared, b: Prepared) -> Outcome | None:
    """The father's name, where both reports give it, must agree: namesakes are often told apart by it alone."""
    pa, pb = a.patronymic, b.patronymic
    if not pa or not pb:
        pa = pa or _father_given(a)
        pb = pb or _father_given(b)
        if not pa or not pb:
            return None
    s = word_match(pa.split()[0], pb.split()[0])
    if s >= PHONETIC:
        return Outcome("agree", f"same father's name: {pa!r} ~ {pb!r}")
    if s == FUZZY:
        return Outcome("close", f"father's names alike: {pa!r} ~ {pb!r}")
    return Outcome("disagree", f"different father's names: {pa!r} vs {pb!r}")


def _father_given(p: Prepared) -> str | None:
    """The given name of the father named among the relatives, which is the patronymic's source."""
    for rel, words in p.relatives:
        if rel == "father" and words:
            return words[0]
    return None
