"""Scoring many candidate pairs at once: each comparison runs once per distinct pair of values.

At a million mentions the blocked candidate pairs number in the millions, and calling nine
comparison functions per pair in Python is most of the cost. But a comparison reads only a
few values of a mention (the birth-year comparison reads the birth year and the age, the
home comparison the home's place words): two mentions with the same *signature* for a
comparison get the same level against any third. So each mention's signature is numbered,
the distinct (signature, signature) pairs among the candidates are found with numpy, the
comparison function itself is called once for each of those, and the levels are spread back
to every pair. The levels are therefore exactly those of :func:`soraq.link.score.score_pair`
(the same functions decide), at a fraction of the calls. Candidate pairs are generated the
same way: blocks grouped by size, pairs of each size class produced as arrays, and
duplicates dropped with ``np.unique``.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from soraq.link import frequency, model, value_frequency
from soraq.link.block import blocking_keys, max_block
from soraq.link.compare.names import _father_given
from soraq.link.compare.prepare import Prepared, prepare
from soraq.link.mention import Mention
from soraq.names.compare import EXACT, FUZZY, PHONETIC, word_info, word_match

#: what each comparison reads of a mention; equal signatures give equal levels (tested)
SIGNATURES: dict[str, Callable[[Prepared], Hashable]] = {
    "name": lambda p: (_word_classes(p.words), p.initials),
    "patronymic": lambda p: (p.patronymic, None if p.patronymic else _father_given(p)),
    "birth_year": lambda p: (p.mention.birth_year, p.mention.age),
    "sex": lambda p: p.mention.sex,
    "citizenship": lambda p: p.mention.citizenship,
    "home": lambda p: p.home,
    "location_abroad": lambda p: p.abroad,
    "relatives": lambda p: p.relatives,
    "status": lambda p: p.mention.status,
}

def _word_classes(words: tuple[str, ...]) -> tuple[int, ...]:
    """The name's words as sorted word-class numbers: words with the same readings (canon
    forms, relaxed forms, skeletons) compare alike with every other word, and the name
    comparison is order-free."""
    return tuple(sorted(_class_of(w) for w in words))


_CLASSES: dict[object, int] = {}
_WORD_CLASS: dict[str, int] = {}


def _class_of(word: str) -> int:
    c = _WORD_CLASS.get(word)
    if c is None:
        info = word_info(word)
        c = _WORD_CLASS[word] = _CLASSES.setdefault(info, len(_CLASSES)) if info.forms else -1 - len(_WORD_CLASS)
    return c


#: level code for "not comparable" (the comparison returned None)
NOT_COMPARABLE = -1


def level_names(comp: model.Comparison) -> list[str]:
    """A comparison's level labels in model order; a level's code is its index here."""
    return list(comp.levels)


def weight_table(comp: model.Comparison) -> np.ndarray:
    """Weights by level code, with the "not comparable" weight 0 in the last slot (code -1)."""
    return np.array([lv.weight for lv in comp.levels.values()] + [0.0])


def veto_table(comp: model.Comparison) -> np.ndarray:
    return np.array([lv.veto for lv in comp.levels.values()] + [False])


def candidate_arrays(mentions: Sequence[Mention], key_lists: list[list[str]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Index arrays (I, J), I < J, of every pair of mentions sharing a blocking key, each once.

    Without ``key_lists`` the keys come from :func:`soraq.link.block.blocking_keys`, and the
    keys shared by too many mentions are dropped here with numpy (the same rule as
    :func:`soraq.link.block.blocking_key_lists`, without a Python list per mention).
    """
    n = len(mentions)
    key_id: dict[str, int] = {}
    ids = array("q")
    sizes = array("q")
    for ks in key_lists if key_lists is not None else (blocking_keys(m) for m in mentions):
        sizes.append(len(ks))
        ids.extend(key_id.setdefault(k, len(key_id)) for k in ks)
    keys_a = np.frombuffer(ids, dtype=np.int64).copy() if len(ids) else np.empty(0, np.int64)
    total = len(keys_a)
    owner_a = np.repeat(np.arange(n, dtype=np.int64), np.frombuffer(sizes, dtype=np.int64)) if n else keys_a
    del ids, sizes
    if total == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    if key_lists is None:  # drop keys gathering too many mentions
        limit = np.fromiter((max_block(k) for k in key_id), dtype=np.int64, count=len(key_id))
        ok = np.bincount(keys_a, minlength=len(key_id)) <= limit
        keep = ok[keys_a]
        keys_a, owner_a = keys_a[keep], owner_a[keep]
    del key_id
    order = np.argsort(keys_a, kind="stable")
    owner_a, keys_a = owner_a[order], keys_a[order]
    if len(keys_a) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    starts = np.flatnonzero(np.r_[True, keys_a[1:] != keys_a[:-1]])
    block_sizes = np.diff(np.r_[starts, len(keys_a)])
    codes: list[np.ndarray] = []
    for size in np.unique(block_sizes):
        if size < 2:
            continue
        block_starts = starts[block_sizes == size]
        x, y = np.triu_indices(int(size), k=1)
        for chunk in range(0, len(block_starts), max(1, 2_000_000 // len(x))):
            bs = block_starts[chunk : chunk + max(1, 2_000_000 // len(x))]
            members = owner_a[bs[:, None] + np.arange(size)[None, :]]  # (blocks, size)
            a, b = members[:, x].ravel(), members[:, y].ravel()
            lo, hi = np.minimum(a, b), np.maximum(a, b)
            keep = lo != hi
            codes.append(np.unique(lo[keep] * n + hi[keep]))
    if not codes:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    allc = np.unique(np.concatenate(codes))
    return allc // n, allc % n


def _signature_codes(prepared: Sequence[Prepared], sig: Callable[[Prepared], Hashable]) -> tuple[np.ndarray, list[Prepared]]:
    """Each mention's signature number, and one representative mention per signature."""
    ids: dict[Hashable, int] = {}
    reps: list[Prepared] = []
    codes = np.empty(len(prepared), dtype=np.int64)
    for k, p in enumerate(prepared):
        s = sig(p)
        c = ids.get(s)
        if c is None:
            c = ids[s] = len(reps)
            reps.append(p)
        codes[k] = c
    return codes, reps


class LevelScorer:
    """Level codes of pairs of one list of mentions; signatures numbered once, levels memoised.

    Called once for all pairs (the in-process engine) or once per batch of pairs (Splink's
    UDF): a (signature, signature) pair already decided in an earlier batch is not decided
    again. Two-word names against two-word names (most pairs) are compared word by word
    with numpy (:meth:`_two_word_names`), by the same rule as
    :func:`soraq.link.compare.names.name_words`.
    """

    def __init__(self, mentions: Sequence[Mention]) -> None:
        prepared = [prepare(m) for m in mentions]
        self.codes: list[np.ndarray] = []
        self.reps: list[list[Prepared]] = []
        self.memo: list[dict[int, int]] = []
        for comp in model.COMPARISONS:
            codes, reps = _signature_codes(prepared, SIGNATURES[comp.name])
            self.codes.append(codes)
            self.reps.append(reps)
            self.memo.append({})
        # two-word names: the two word classes of each mention (-1: not a plain two-word name)
        self.w1 = np.full(len(prepared), -1, dtype=np.int64)
        self.w2 = np.full(len(prepared), -1, dtype=np.int64)
        self.word_of: dict[int, str] = {}
        for k, p in enumerate(prepared):
            if len(p.words) == 2:
                c1, c2 = (_class_of(w) for w in p.words)
                if c1 < 0 or c2 < 0:  # a word without readings: the general path
                    continue
                self.word_of.setdefault(c1, p.words[0])
                self.word_of.setdefault(c2, p.words[1])
                self.w1[k], self.w2[k] = c1, c2
        self.word_memo: dict[int, int] = {}
        names = level_names(model.COMPARISONS[NAME])
        # best (matched, weakest) encoded as matched * 4 + weakest -> level code
        self.name_level = np.full(12, -2, dtype=np.int8)
        self.name_level[0] = names.index("different")
        for weakest in (FUZZY, PHONETIC, EXACT):
            self.name_level[4 + weakest] = names.index("partial")
        self.name_level[8 + FUZZY] = names.index("fuzzy")
        self.name_level[8 + PHONETIC] = names.index("transliteration")
        self.name_level[8 + EXACT] = names.index("exact")

    def __call__(self, I: np.ndarray, J: np.ndarray) -> np.ndarray:
        out = np.full((len(model.COMPARISONS), len(I)), NOT_COMPARABLE, dtype=np.int8)
        if len(I) == 0:
            return out
        for c, comp in enumerate(model.COMPARISONS):
            if c == NAME:
                two = (self.w1[I] >= 0) & (self.w1[J] >= 0)
                out[c, two] = self._two_word_names(I[two], J[two])
                rest = ~two
                out[c, rest] = self._by_signature(c, comp, I[rest], J[rest])
            else:
                out[c] = self._by_signature(c, comp, I, J)
        return out

    def _by_signature(self, c: int, comp: model.Comparison, I: np.ndarray, J: np.ndarray) -> np.ndarray:
        if len(I) == 0:
            return np.empty(0, dtype=np.int8)
        codes, reps, memo = self.codes[c], self.reps[c], self.memo[c]
        width = len(reps)
        uniq, inverse = np.unique(codes[I] * width + codes[J], return_inverse=True)
        index = {label: k for k, label in enumerate(comp.levels)}
        fn = comp.function
        lv = np.empty(len(uniq), dtype=np.int8)
        for u, code in enumerate(uniq.tolist()):
            level = memo.get(code)
            if level is None:
                o = fn(reps[code // width], reps[code % width])
                level = memo[code] = NOT_COMPARABLE if o is None else index[o.level]
            lv[u] = level
        return lv[inverse.ravel()]

    def _word_strength(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """word_match strength of word classes x[k], y[k]."""
        width = max(self.word_of) + 1 if self.word_of else 1
        uniq, inverse = np.unique(x * width + y, return_inverse=True)
        st = np.empty(len(uniq), dtype=np.int8)
        memo, word_of = self.word_memo, self.word_of
        for u, code in enumerate(uniq.tolist()):
            s = memo.get(code)
            if s is None:
                a, b = divmod(code, width)
                s = memo[code] = EXACT if a == b else word_match(word_of[a], word_of[b])
            st[u] = s
        return st[inverse.ravel()]

    def _two_word_names(self, I: np.ndarray, J: np.ndarray) -> np.ndarray:
        """Name levels of two-word against two-word names: the better of the two pairings."""
        if len(I) == 0:
            return np.empty(0, dtype=np.int8)
        a1, a2, b1, b2 = self.w1[I], self.w2[I], self.w1[J], self.w2[J]
        best = _pairing(self._word_strength(a1, b1), self._word_strength(a2, b2))
        other = best < 8 + EXACT  # the crossed pairing can only do better where this one is not perfect
        if other.any():
            crossed = _pairing(self._word_strength(a1[other], b2[other]), self._word_strength(a2[other], b1[other]))
            best[other] = np.maximum(best[other], crossed)
        return self.name_level[best]


def _pairing(s: np.ndarray, t: np.ndarray) -> np.ndarray:
    """(matched words, weakest matched strength) of one pairing, as matched * 4 + weakest."""
    s, t = s.astype(np.int64), t.astype(np.int64)
    both = (s > 0) & (t > 0)
    one = (s > 0) ^ (t > 0)
    return np.where(both, 8 + np.minimum(s, t), np.where(one, 4 + np.maximum(s, t), 0))


def level_codes(mentions: Sequence[Mention], I: np.ndarray, J: np.ndarray) -> np.ndarray:
    """Level codes (comparisons × pairs, int8; -1 = not comparable) of the pairs (I[k], J[k])."""
    return LevelScorer(mentions)(I, J)


@dataclass
class ScoredArrays:
    """Candidate pairs as arrays: indices, level codes, match weights, contradiction flags."""

    I: np.ndarray
    J: np.ndarray
    levels: np.ndarray
    weights: np.ndarray
    contradiction: np.ndarray
    #: the name-frequency adjustment of each pair (bits), and the name count behind it
    adjust: np.ndarray | None = None
    counts: np.ndarray | None = None
    mean_count: float = 0.0
    #: the birth-year and place frequency adjustment of each pair (bits), and its source
    value_adjust: np.ndarray | None = None
    values: "value_frequency.ValueFrequencies | None" = None

    def adjustment(self, k: int) -> tuple[float, str | None]:
        """Pair ``k``'s name-frequency adjustment and its reason in words (None: none)."""
        if self.adjust is None or self.counts is None or self.adjust[k] == 0:
            return 0.0, None
        return float(self.adjust[k]), frequency.reason_text(int(self.counts[k]), self.mean_count)

    def value_adjustment(self, k: int, a: Mention, b: Mention) -> tuple[float, str | None]:
        """Pair ``k``'s birth-year and place frequency adjustment and its reason (None: none)."""
        if self.value_adjust is None or self.values is None or self.value_adjust[k] == 0:
            return 0.0, None
        labels = dict(zip((c.name for c in model.COMPARISONS), labels_of(self.levels, k)))
        return self.values.for_pair(a, b, labels)


def name_level_codes(labels: Sequence[str]) -> list[int]:
    """Codes of the given levels of the name comparison."""
    names = level_names(model.COMPARISONS[NAME])
    return [names.index(x) for x in labels]


#: position of the name comparison in the model
NAME = next(k for k, c in enumerate(model.COMPARISONS) if c.name == "name")


def score_arrays(
    mentions: Sequence[Mention], I: np.ndarray, J: np.ndarray, freqs: frequency.NameFrequencies | None = None
) -> ScoredArrays:
    """Match weights of many pairs: prior + each comparison's level weight (+ the name-frequency adjustment)."""
    levels = level_codes(mentions, I, J)
    total = np.full(len(I), model.prior_weight())
    veto = np.zeros(len(I), dtype=bool)
    for c, comp in enumerate(model.COMPARISONS):
        total += weight_table(comp)[levels[c]]
        veto |= veto_table(comp)[levels[c]]
    out = ScoredArrays(I, J, levels, total, veto)
    if freqs is not None and len(I):
        out.adjust = freqs.pair_adjustment(I, J, levels[NAME], name_level_codes(frequency.ADJUSTED_LEVELS))
        out.counts = np.maximum(freqs.counts[I], freqs.counts[J])
        out.mean_count = freqs.reference
        out.weights = total + out.adjust
        if freqs.values is not None:
            masks = {
                comp: levels[c] == level_names(model.COMPARISONS[c]).index(level)
                for comp, level in value_frequency.ADJUSTED
                for c in [_POSITION[comp]]
            }
            out.values = freqs.values
            out.value_adjust = freqs.values.pair_adjustment(I, J, masks)
            out.weights = out.weights + out.value_adjust
    return out


_POSITION = {c.name: k for k, c in enumerate(model.COMPARISONS)}


_LABELS = [level_names(c) for c in model.COMPARISONS]


def labels_of(levels: np.ndarray, k: int) -> list[str | None]:
    """The level labels of pair ``k`` in model order (None: not comparable)."""
    return [None if code == NOT_COMPARABLE else _LABELS[c][code] for c, code in enumerate(levels[:, k].tolist())]
