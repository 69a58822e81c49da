"""Blocking: which pairs of mentions are compared at all.

Comparing every pair is quadratic; two mentions of one person almost always share a name
key (:func:`soraq.names.search_keys`: skeletons of a pair of name words, any order, any
script, any Russian case). Two rules, the same for every engine:

1. the two mentions share a name-pair key (``n:...``);
2. one name word's skeleton is equal and the other's relaxed form is equal up to one
   deleted letter on either side (``d:...``, SymSpell-style deletion keys): a typo that
   changes a letter ("Nurmatov" / "Nurmakov") still meets the right spelling.

An earlier third rule (one word's skeleton and the same birth year) was dropped: at 300,000
synthetic mentions it added 1.9 million candidate pairs for 0.4 % more true pairs, and its
blocks grow with the data (every man of a common surname born in one year), so its pairs
grow with the square of the data. Keys shared by too many mentions are dropped (full-name
keys above ``MAX_BLOCK``, deletion keys above ``MAX_LOOSE_BLOCK``).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from soraq.link.mention import Mention
from itertools import permutations

from soraq.names.keys import name_words, relaxed, search_keys, word_forms, word_skeletons

#: a full-name key shared by more mentions than this is too common to block on (safety valve)
MAX_BLOCK = 5000
#: the looser deletion keys are dropped sooner: the full-name key covers the rest
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


@lru_cache(maxsize=300_000)
def _deletion_keys(name: str, given: str | None, family: str | None, patronymic: str | None) -> frozenset[str]:
    """Rule 2 keys: one word's skeleton kept, the other word's relaxed form with a letter deleted.

    The varied word is taken in its relaxed form (vowels Russian renderings swap made equal,
    consonants kept apart), not as a skeleton: deletion neighbourhoods of three-letter
    skeletons gather hundreds of different surnames at a million mentions (pairs grow with
    the square of the data), those of relaxed forms stay small.
    """
    words = name_words(name, given, family, patronymic)
    readings = [(word_skeletons(w), {relaxed(f) for f in word_forms(w)}) for w in words]
    out: set[str] = set()
    for (skel_x, _), (_, rel_y) in permutations(readings, 2):
        for keep in skel_x:
            for vary in rel_y:
                if len(vary) < 4:
                    continue
                out.add(sys.intern(f"d:{keep}|{vary}"))
                for i in range(1, len(vary)):  # the first letter is rarely mistyped
                    out.add(sys.intern(f"d:{keep}|{vary[:i]}{vary[i + 1:]}"))
    return frozenset(out)


def blocking_keys(m: Mention) -> set[str]:
    """All blocking keys of a mention, across the two rules."""
    return set(pair_keys(m)) | _deletion_keys(m.name, m.given_name, m.family_name, m.patronymic)


def blocking_key_lists(mentions: Sequence[Mention]) -> list[list[str]]:
    """Each mention's blocking keys, without keys shared by too many mentions.

    Every engine blocks on these lists, so every engine compares the same pairs.
    """
    counts: Counter[str] = Counter()
    per = [sorted(blocking_keys(m)) for m in mentions]
    for keys in per:
        counts.update(keys)
    return [[k for k in keys if counts[k] <= max_block(k)] for keys in per]


def max_block(key: str) -> int:
    """The most mentions a key may gather and still be blocked on."""
    return MAX_BLOCK if key[0] == "n" else MAX_LOOSE_BLOCK


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
