"""Blocking: which pairs of mentions are compared at all.

Comparing every pair is quadratic; two mentions of one person almost always share a name
key (:func:`soraq.names.search_keys`: skeletons of a pair of name words, any order, any
script, any Russian case). Two rules, the same for every engine:

1. the two mentions share a name-pair key (``n:...``);
2. they share a single-word key (``w:...``, e.g. the surname) AND the same birth year,
   which catches a misspelt or swapped given name;
3. one name word's skeleton is equal and the other's is equal up to one deleted letter
   (``d:...``, SymSpell-style deletion keys): a typo that changes a consonant ("Nurmatov" /
   "Nurmakov") still meets the right spelling, without blocking on a surname alone.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from soraq.link.mention import Mention
from soraq.names.keys import search_keys

#: a full-name key shared by more mentions than this is too common to block on (safety valve)
MAX_BLOCK = 5000
#: the looser keys (rules 2 and 3) are dropped sooner: a common surname and a birth year can
#: gather thousands of mentions of different men, and the full-name key covers the rest
MAX_LOOSE_BLOCK = 500


@lru_cache(maxsize=300_000)
def _name_keys(
    name: str, given: str | None, family: str | None, patronymic: str | None
) -> tuple[frozenset[str], frozenset[str]]:
    """(name-pair keys, single-word keys) of one written name."""
    allk = search_keys(name, given, family, patronymic)
    return (
        frozenset(k for k in allk if k.startswith("n:")),
        frozenset(k[2:] for k in allk if k.startswith("w:")),
    )


def pair_keys(m: Mention) -> frozenset[str]:
    """Name-pair keys of a mention (rule 1)."""
    return _name_keys(m.name, m.given_name, m.family_name, m.patronymic)[0]


def word_year_keys(m: Mention) -> set[str]:
    """Single-word keys combined with the birth year (rule 2; empty without a birth year)."""
    if m.birth_year is None:
        return set()
    words = _name_keys(m.name, m.given_name, m.family_name, m.patronymic)[1]
    return {sys.intern(f"y:{k}|{m.birth_year}") for k in words}


@lru_cache(maxsize=50_000)
def _deletion_keys(pairs: frozenset[str]) -> frozenset[str]:
    """Rule 3 keys from name-pair keys: one skeleton kept, the other with a letter deleted."""
    out: set[str] = set()
    for key in pairs:
        x, _, y = key[2:].partition("+")
        if not y:
            continue
        for keep, vary in ((x, y), (y, x)):
            if len(vary) < 3:
                continue
            out.add(sys.intern(f"d:{keep}|{vary}"))
            for i in range(1, len(vary)):  # the first letter is rarely mistyped
                out.add(sys.intern(f"d:{keep}|{vary[:i]}{vary[i + 1:]}"))
    return frozenset(out)


def blocking_keys(m: Mention) -> set[str]:
    """All blocking keys of a mention, across the three rules."""
    pk = pair_keys(m)
    return set(pk) | word_year_keys(m) | _deletion_keys(pk)


def blocking_key_lists(mentions: Sequence[Mention]) -> list[list[str]]:
    """Each mention's blocking keys, without keys shared by too many mentions.

    Every engine blocks on these lists, so every engine compares the same pairs.
    """
    counts: Counter[str] = Counter()
    per = [sorted(blocking_keys(m)) for m in mentions]
    for keys in per:
        counts.update(keys)
    return [[k for k in keys if counts[k] <= (MAX_BLOCK if k[0] == "n" else MAX_LOOSE_BLOCK)] for keys in per]


def candidate_pairs(mentions: Sequence[Mention]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) that share a blocking key, each once.

    A pair is produced only in the block of the smallest key the two mentions share, so no
    set of seen pairs is needed (memory stays linear in the number of mentions).
    """
    lists = blocking_key_lists(mentions)
    keysets = [frozenset(k) for k in lists]
    index: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(lists):
        for k in keys:
            index[k].append(i)
    for key, members in index.items():
        if len(members) < 2:
            continue
        for x in range(len(members)):
            a = members[x]
            ka = keysets[a]
            for y in range(x + 1, len(members)):
                b = members[y]
                shared = ka & keysets[b]
                if len(shared) == 1 or min(shared) == key:
                    yield (a, b) if a < b else (b, a)


def key_index(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """Blocking key -> mentions, for online matching of one query against many."""
    index: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        for k in blocking_keys(m):
            index[k].append(m)
    return index
