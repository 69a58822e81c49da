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
    sa, sb = _Words(a.words), _Words(b.words)
    if ag.shorter >= 2 and ag.matched == ag.shorter:
        extra = " (one has an extra name word)" if ag.longer > ag.shorter else ""
        if ag.weakest == EXACT:
            return Outcome("exact", "same name across spellings: {!r} = {!r}{}", (sa, sb, extra))
        if ag.weakest == PHONETIC:
            return Outcome("transliteration", "name spelled differently but sounds the same: {!r} ~ {!r}{}", (sa, sb, extra))
        return Outcome("fuzzy", "name alike but with a spelling difference: {!r} ~ {!r}{}", (sa, sb, extra))
    if ag.shorter == 1 and ag.matched == 1:
        short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
        if short.initials and len(long_.words) > 1:
            rest = [w for w in long_.words if word_match(short.words[0], w) == NONE]
            if rest and any(initial_matches(i, r) for i in short.initials for r in rest):
                return Outcome("fuzzy", "name with an initial matches: {!r} ~ {!r}", (sa, sb))
        return Outcome("one_word", "only one name word to compare, and it agrees: {!r} ~ {!r}", (sa, sb))
    if ag.matched >= 1:
        return Outcome("partial", "names share a word but differ in another: {!r} vs {!r}", (sa, sb))
    return Outcome("different", "different names: {!r} vs {!r}", (sa, sb))


class _Words(tuple):
    """Name words that print as the written name (formatted only when a reason is read)."""

    def __repr__(self) -> str:
        return repr(" ".join(self))


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
        return Outcome("agree", "same father's name: {!r} ~ {!r}", (pa, pb))
    if s == FUZZY:
        return Outcome("close", "father's names alike: {!r} ~ {!r}", (pa, pb))
    return Outcome("disagree", "different father's names: {!r} vs {!r}", (pa, pb))


def _father_given(p: Prepared) -> str | None:
    """The given name of the father named among the relatives, which is the patronymic's source."""
    for rel, words in p.relatives:
        if rel == "father" and words:
            return words[0]
    return None
