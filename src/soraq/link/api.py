"""Linking entry points: score pairs, match one query, link many mentions."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from soraq.link.block import candidate_pairs
from soraq.link.cluster import cluster
from soraq.link.mention import Mention
from soraq.link.results import HumanDecision, LinkResult, PairScore
from soraq.link.score import score_pair, score_pair_fast

ENGINES = ("duckdb", "spark", "python")
#: below this many mentions, LinkResult.pairs also lists the pairs kept apart
KEEP_APART_BELOW = 50_000


def match(query: Mention, candidates: Iterable[Mention], limit: int = 10) -> list[PairScore]:
    """The best-scoring candidates for one query mention, best first.

    Candidates can come from anywhere (a reports file, a database query by search key).
    """
    scored = (score_pair(query, c) for c in candidates if c.mention_id != query.mention_id)
    return heapq.nlargest(limit, scored, key=lambda s: s.match_weight)


def link_mentions(
    mentions: Iterable[Mention],
    *,
    engine: str = "duckdb",
    decisions: Iterable[HumanDecision] = (),
    keep_apart: bool | None = None,
) -> LinkResult:
    """Group mentions into persons; human decisions always win.

    ``engine`` chooses where candidate pairs are blocked and scored: "duckdb" and "spark" run
    the same model through Splink, "python" in process (small inputs). All give the same
    decisions; clustering is shared.

    ``LinkResult.pairs`` holds the scored candidate pairs in the merge and review bands and,
    when ``keep_apart`` (default: inputs under ``KEEP_APART_BELOW`` mentions), the pairs
    kept apart too. Clustering never needs the latter, and at a million mentions they would
    be most of the memory.
    """
    if keep_apart is None:
        keep_apart = len(mentions) < KEEP_APART_BELOW if isinstance(mentions, Sequence) else True
    ms = list(mentions)
    ids = [m.mention_id for m in ms]
    if len(set(ids)) != len(ids):
        raise ValueError("mention ids must be unique")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "python" or len(ms) < 2:
        pairs = score_candidates_python(ms, full_reasons=keep_apart, keep_apart=keep_apart)
    else:
        from soraq.link.splink_engine import score_candidates_splink

        pairs = score_candidates_splink(ms, engine, keep_apart=keep_apart)
    by_id = {m.mention_id: m for m in ms}
    clusters = cluster(
        ids,
        pairs,
        lambda x, y: score_pair_fast(by_id[x], by_id[y]),
        decisions,
        bare=lambda mid: is_bare(by_id[mid]),
    )
    return LinkResult(clusters, pairs)


def is_bare(m: Mention) -> bool:
    """A mention with no fact of identity beyond its name and citizenship."""
    return not (
        m.birth_year or m.age or m.patronymic or m.home or m.location_abroad or m.relatives or m.sex == "female"
    )


def score_candidates_python(
    ms: Sequence[Mention], full_reasons: bool = True, keep_apart: bool = True
) -> list[PairScore]:
    """Score every blocked candidate pair in process (reasons in words for all, or only for
    pairs in the merge and review bands); pairs kept apart are dropped unless ``keep_apart``."""
    scorer = score_pair if full_reasons else score_pair_fast
    out = []
    for i, j in candidate_pairs(ms):
        pair = scorer(ms[i], ms[j])
        if keep_apart or pair.decision != "apart":
            out.append(pair)
    return out
