"""From scored pairs to persons, without chaining false merges.

Plain connected components over "merge" edges chain: A~B and B~C put A and C together even
when A and C were born fifteen years apart. Here merge edges are taken strongest first and
two groups are joined only if no pair across them is a contradiction (a veto level such as
different patronymics, birth years far apart, a different mother, without enough other
evidence to clear the merge threshold) or a human "not the same". Then review-band edges
join a group to its best candidate only when no rival candidate comes close and EVERY pair
across them is at least in the review band (nothing speaks against the merge): a mention
known by its name alone joins the one person with that name, but not one of two namesakes. Human "same" decisions are applied first and always hold.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

from soraq.link.model import COMPARISONS
from soraq.link.results import HumanDecision, PairScore

ScoreFn = Callable[[str, str], PairScore]

#: a review-band candidate must beat every other candidate by this many bits (8x the odds)
AMBIGUITY_MARGIN = 3.0


class Groups:
    """Union-find over ids that also keeps each group's members (``members``: root -> ids)."""

    def __init__(self, ids: Sequence[Hashable]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in ids}

    def find(self, x: Hashable) -> Hashable:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


#: comparisons whose disagreement means "maybe someone else" (not status: situations change)
IDENTITY_FACTS = frozenset({"patronymic", "birth_year", "sex", "citizenship", "home", "location_abroad", "relatives"})


def speaks_against(pair: PairScore) -> bool:
    """A fact of identity disagrees (weight below -0.5 bits): not enough for a name-only join."""
    return any(r.weight <= -0.5 and r.feature in IDENTITY_FACTS for r in pair.reasons)


def names_agree(pair: PairScore) -> bool:
    """The names agree at least as one word or a spelling variant (the name weight is positive)."""
    return any(r.feature == "name" and r.weight > 0 for r in pair.reasons)


def same_report(a_id: str, b_id: str) -> bool:
    """Two persons of one report are two people: a report lists each subject once."""
    return a_id.rpartition("#")[0] == b_id.rpartition("#")[0] and "#" in a_id


def cluster(
    ids: Sequence[str],
    pairs: Iterable[PairScore],
    score: ScoreFn,
    decisions: Iterable[HumanDecision] = (),
    *,
    bare: Callable[[str], bool] = lambda mention_id: True,
    max_group: int = 200,
    name_keys: Callable[[str], frozenset[str]] | None = None,
    uncommon: Callable[[str], bool] | None = None,
) -> list[list[str]]:
    """Clusters of mention ids; ``score`` scores any pair on demand (cross-group checks)."""
    decisions = list(decisions)
    groups = Groups(ids)
    known = set(groups.parent)
    apart: set[frozenset[str]] = set()
    for d in decisions:
        if d.a_id not in known or d.b_id not in known:
            continue
        if d.same:
            groups.union(d.a_id, d.b_id)
        else:
            apart.add(frozenset((d.a_id, d.b_id)))
    cache: dict[frozenset[str], PairScore] = {}
    forced = {frozenset((d.a_id, d.b_id)) for d in decisions if d.same}

    def pair(x: str, y: str) -> PairScore:
        k = frozenset((x, y))
        if k not in cache:
            cache[k] = score(x, y)
        return cache[k]

    memo: dict[tuple[str, int, str, int, bool], bool] = {}

    def compatible(ra: str, rb: str, strict: bool) -> bool:
        """No pair across the two groups forbids joining them (memoised while both groups stay as they are)."""
        ma, mb = groups.members[ra], groups.members[rb]
        key = (ra, len(ma), rb, len(mb), strict)
        known_answer = memo.get(key)
        if known_answer is None:
            known_answer = memo[key] = _compatible(ma, mb, strict)
        return known_answer

    def _compatible(ma: list[str], mb: list[str], strict: bool) -> bool:
        if len(ma) * len(mb) > max_group * max_group:
            return False
        for x in ma:
            for y in mb:
                if frozenset((x, y)) in apart:
                    return False
                if same_report(x, y) and frozenset((x, y)) not in forced:
                    return False
                s = pair(x, y)
                if s.contradiction and s.decision != "merge":
                    return False
                if strict and (speaks_against(s) or (s.decision == "apart" and not names_agree(s))):
                    return False
        return True

    scored = sorted(pairs, key=lambda p: -p.match_weight)
    for p in scored:
        cache.setdefault(frozenset((p.a_id, p.b_id)), p)
    for p in scored:
        if p.decision != "merge" or p.a_id not in known or p.b_id not in known:
            continue
        ra, rb = groups.find(p.a_id), groups.find(p.b_id)
        if ra != rb and compatible(ra, rb, strict=False):
            groups.union(ra, rb)
    rare = _rare_name_test(groups, ids, name_keys, compatible, pair, uncommon) if name_keys is not None else None
    hopeful = [p for p in scored if p.decision == "review" or is_hopeful(p)]
    _promote_unique_reviews(groups, hopeful, compatible, known, bare, rare)
    out = [sorted(m) for m in groups.members.values()]
    return sorted(out, key=lambda c: (-len(c), c[0]))


#: a name is still rare when at most this many other groups carry it, none of them a
#: different person from the two (a third report of the same man, not yet joined)
MAX_RARE_OTHERS = 2
#: the weakest name level that is still the full name (a typo: "fuzzy")
FULL_NAME_WEIGHT = min(
    lv.weight for k, lv in next(c for c in COMPARISONS if c.name == "name").levels.items()
    if k in ("exact", "transliteration", "fuzzy")
)


def is_hopeful(p: PairScore) -> bool:
    """Kept apart by the pair model, yet the full name agrees and no fact contradicts: a
    candidate for the unique-choice rules (a name-only report, a typo in a rare name)."""
    return p.decision == "apart" and not p.contradiction and _name_weight(p) >= FULL_NAME_WEIGHT - 1e-9


def _name_weight(p: PairScore) -> float:
    return next((r.weight for r in p.reasons if r.feature == "name"), 0.0)


def _rare_name_test(
    groups: Groups,
    ids: Sequence[str],
    name_keys: Callable[[str], frozenset[str]],
    compatible,
    pair: ScoreFn,
    uncommon: Callable[[str], bool] | None = None,
) -> Callable[[str, str], bool]:
    """A test: do two groups share a name that no third group in the data carries?

    Cluster-level term-frequency evidence. The pair model prices an agreeing full name at its
    average chance of coincidence; but when, after every confident merge, exactly two groups
    in the whole data carry a name (every spelling of it: the coarse skeleton key), there is
    no namesake candidate left. Two groups of one rare name are then far more often one man
    whose reports gave different facts than two men of that name both in the registry.
    """
    def _same_full_name(a: str, b: str) -> bool:
        """Every pair across agrees on the name, and one at least on the full name (a typo allowed)."""
        weights = [_name_weight(pair(x, y)) for x in groups.members[a] for y in groups.members[b]]
        return min(weights) > 0 and max(weights) >= FULL_NAME_WEIGHT

    bearers: dict[str, list[str]] = {}
    for mid in ids:
        for k in name_keys(mid):
            bearers.setdefault(k, []).append(mid)

    def rare(a: str, b: str) -> bool:
        if uncommon is not None and not all(uncommon(m) for m in groups.members[a] + groups.members[b]):
            return False
        keys_a = {k for m in groups.members[a] for k in name_keys(m)}
        keys_b = {k for m in groups.members[b] for k in name_keys(m)}
        if not _same_full_name(a, b):
            return False
        others = {groups.find(m) for k in keys_a | keys_b for m in bearers[k]} - {a, b}
        return len(others) <= MAX_RARE_OTHERS and all(
            compatible(o, a, True) and compatible(o, b, True) for o in others
        )

    return rare


def _promote_unique_reviews(
    groups: Groups,
    reviews: list[PairScore],
    compatible,
    known: set[str],
    bare: Callable[[str], bool],
    rare: Callable[[str, str], bool] | None = None,
) -> None:
    """Join two groups linked by review-band pairs when each is the other's unambiguous choice.

    Pairs kept apart whose full name agrees without a contradiction (:func:`is_hopeful`:
    typically a typo in the name and nothing else in common) are candidates too: the
    rules below decide whether the data leave any other choice.

    A group's candidates are the groups it shares a review-band pair with; a candidate fits
    when nothing speaks against it (every pair across is at least in the review band and no
    fact of identity disagrees). A group chooses its best fitting candidate unless a *rival*
    (another candidate that cannot be the same person as the best one) comes within
    ``AMBIGUITY_MARGIN`` bits. Two groups join only when each chooses the other: a mention
    known by its name alone joins the one person of that name, but stays alone between two
    namesakes (a missed link is better than a false merge). One of the two groups must be
    *bare* (no fact of identity beyond name and citizenship), or their name *rare*: carried
    by no third group in the data (``rare``); two groups that each carry facts, none shared,
    of a name other people bear too, are as likely two namesakes as one man.
    """

    def is_bare(g: str) -> bool:
        return all(bare(m) for m in groups.members[g])

    cand: dict[str, dict[str, float]] = {}
    for p in reviews:
        if p.a_id not in known or p.b_id not in known:
            continue
        ra, rb = groups.find(p.a_id), groups.find(p.b_id)
        if ra == rb:
            continue
        for x, y in ((ra, rb), (rb, ra)):
            cur = cand.setdefault(x, {})
            cur[y] = max(cur.get(y, float("-inf")), p.match_weight)

    def choice(g: str) -> str | None:
        ranked = sorted(((w, c) for c, w in cand.get(g, {}).items()), reverse=True)
        fitting = [(w, c) for w, c in ranked if compatible(g, c, strict=True)]
        if not fitting:
            return None
        w1, c1 = fitting[0]
        rivals = [w for w, c in ranked if c != c1 and not compatible(c1, c, strict=True)]
        if rivals and w1 - max(rivals) < AMBIGUITY_MARGIN:
            return None
        return c1

    def join(a: str, b: str) -> str:
        groups.union(a, b)
        root = groups.find(a)
        other = b if root == a else a
        merged = cand.setdefault(root, {})
        for c, w in cand.pop(other, {}).items():
            merged[c] = max(merged.get(c, float("-inf")), w)
        merged.pop(root, None)
        merged.pop(other, None)
        for c, w in list(merged.items()):
            back = cand.setdefault(c, {})
            back.pop(other, None)
            back[root] = max(back.get(root, float("-inf")), w)
        return root

    pending = sorted(cand, key=lambda g: -max(cand[g].values(), default=float("-inf")))
    changed = True
    while changed:
        changed = False
        for g in pending:
            if g not in cand or groups.find(g) != g:
                continue
            c = choice(g)
            if c is not None and choice(c) == g and (is_bare(g) or is_bare(c) or (rare is not None and rare(g, c))):
                join(g, c)
                changed = True
        pending = [g for g in cand if groups.find(g) == g and cand[g]]
