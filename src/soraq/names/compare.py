"""How alike two written names are, across scripts, spellings, case forms and word order.

Words are compared by their canonical forms (:func:`soraq.names.keys.word_forms`, every
Russian case reading included) at three strengths: the same canon ("Mirzayev" =
"Мирзаева"), the same skeleton with close canons ("Həsənov" ~ "Гасанов": h/g), or a
small edit distance (a typo, "Jamshed" ~ "Jamshid"). Whole names are compared order-free:
the words of the shorter name are matched one to one against the longer one, and an extra
word in the longer name is a middle name or second surname ("Joseph Kamau Otieno").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.fuzz import ratio

from soraq.names.keys import relaxed, skeleton, word_forms
from soraq.names.variants import variant_names

#: word match strengths, strongest first
EXACT, PHONETIC, FUZZY, NONE = 3, 2, 1, 0
#: rapidfuzz ratio (0..100) of two canons above which differing words count as a typo
FUZZY_RATIO = 80.0
#: ratio above which words with the same skeleton count as a transliteration variant
PHONETIC_RATIO = 70.0


@dataclass(frozen=True, slots=True)
class _WordInfo:
    forms: tuple[str, ...]
    form_set: frozenset[str]
    relaxed: tuple[str, ...]
    relaxed_set: frozenset[str]
    skeletons: frozenset[str]
    starts: frozenset[str]
    variants: frozenset[int]


@lru_cache(maxsize=500_000)
def _info(word: str) -> _WordInfo:
    forms = word_forms(word)
    return _WordInfo(
        forms,
        frozenset(forms),
        tuple(relaxed(f) for f in forms),
        frozenset(relaxed(f) for f in forms),
        frozenset(s for s in (skeleton(f) for f in forms) if s),
        frozenset(_start_class(f) for f in forms if f),
        variant_names(forms),
    )


def word_info(word: str) -> _WordInfo:
    """Everything :func:`word_match` reads of a word: two words with equal infos match every
    other word alike (batch scoring compares each class of words once)."""
    return _info(word)


def _start_class(form: str) -> str:
    """First sound of a canon form: a vowel as written (Emil is not Amil), a consonant by class
    (Həşimli = Гашимли: h/g/k/q one class, as in the skeleton)."""
    first = form[0]
    if first in "aeiou":
        return first
    return skeleton(form)[:1] or first


def word_match(a: str, b: str) -> int:
    """Strength with which two written words are the same name word (EXACT..NONE)."""
    if a == b:
        return EXACT if a else NONE
    return _word_match(a, b) if a < b else _word_match(b, a)


@lru_cache(maxsize=1_000_000)
def _word_match(a: str, b: str) -> int:
    ia, ib = _info(a), _info(b)
    fa, fb = ia.forms, ib.forms
    if not fa or not fb:
        return NONE
    if not ia.form_set.isdisjoint(ib.form_set):
        return EXACT
    # the usual Russian rendering of an Azerbaijani name (Həşimli = Гашимли, Məmmədov = Мамедов)
    if not ia.relaxed_set.isdisjoint(ib.relaxed_set):
        return EXACT
    # one name in two languages (Məhəmməd = Магомед, Ömər = Umar): a listed variant
    if not ia.variants.isdisjoint(ib.variants):
        return PHONETIC
    # "Emil" and "Amil" are two names: a transliteration variant keeps the first letter
    if not ia.starts.isdisjoint(ib.starts) and not ia.skeletons.isdisjoint(ib.skeletons):
        for x in ia.relaxed:
            for y in ib.relaxed:
                if ratio(x, y, score_cutoff=PHONETIC_RATIO) and shape(x) == shape(y):
                    return PHONETIC
    # typos are judged on the faithful canon: "Emil" and "Amil" are two names, not a typo
    shortest = min(len(fa[0]), len(fb[0]))
    if shortest >= 4:
        for x in fa:
            for y in fb:
                if ratio(x, y, score_cutoff=FUZZY_RATIO):
                    return FUZZY
    if shortest >= 5:
        for x in fa:
            for y in fb:
                if JaroWinkler.similarity(x, y, score_cutoff=0.9):
                    return FUZZY
    return NONE


@lru_cache(maxsize=500_000)
def shape(relaxed_form: str) -> tuple[int, int]:
    """(syllables, consonant sounds) of a relaxed form: a rendering keeps both.

    Russian and English renderings change vowels (Həsənov = Гасанов) and write one sound
    with two letters (ş = sh = ш), but do not add or drop syllables or consonants; two names
    with one consonant frame and another shape are two names (Məhəmməd, three syllables, is
    not Mahmud, two; Sakir is not Shahriyor).
    """
    w = _DIGRAPHS.sub("S", relaxed_form)
    return len(_VOWEL_GROUPS.findall(w)), len(_CONSONANTS.findall(w))


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_CONSONANTS = re.compile(r"[^aeiouy]")
_DIGRAPHS = re.compile(r"sh|ch|zh|kh|gh|dj|ts")


def initial_matches(initial: str, word: str) -> bool:
    """An initial ("T.") stands for a word when the word starts with that letter in any script."""
    from soraq.names.keys import canon

    ci, cw = canon(initial), canon(word)
    return bool(ci) and bool(cw) and ci[0] == cw[0]


@dataclass(frozen=True)
class NameAgreement:
    """Result of an order-free comparison of the identifying words of two names."""

    matched: int  # words of the shorter name matched to distinct words of the longer
    shorter: int  # number of words in the shorter name
    longer: int
    weakest: int  # weakest strength among matched words (EXACT..FUZZY), NONE if none matched


@lru_cache(maxsize=500_000)
def compare_words(a: tuple[str, ...], b: tuple[str, ...]) -> NameAgreement:
    """Best one-to-one matching of the words of two names (any order)."""
    if len(a) > len(b):
        a, b = b, a
    if not a:
        return NameAgreement(0, 0, len(b), NONE)
    table = [[word_match(x, y) for y in b] for x in a]
    best: tuple[int, int] = (0, NONE)  # (matched count, weakest strength)
    if len(b) <= 6:
        for perm in permutations(range(len(b)), len(a)):
            strengths = [table[i][j] for i, j in enumerate(perm) if table[i][j] > NONE]
            cand = (len(strengths), min(strengths) if strengths else NONE)
            if cand > best:
                best = cand
    else:  # very long names: greedy
        used: set[int] = set()
        strengths = []
        for i in range(len(a)):
            j = max((j for j in range(len(b)) if j not in used), key=lambda j: table[i][j], default=None)
            if j is not None and table[i][j] > NONE:
                used.add(j)
                strengths.append(table[i][j])
        best = (len(strengths), min(strengths) if strengths else NONE)
    return NameAgreement(best[0], len(a), len(b), best[1])
