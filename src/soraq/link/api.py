"""Linking entry points: score pairs, match one query, link many mentions."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

import numpy as np

from soraq.link.batch import NAME, ScoredArrays, candidate_arrays, labels_of, name_level_codes, score_arrays
from soraq.link.block import pair_keys
from soraq.link.cluster import cluster
from soraq.link.frequency import ADJUSTED_LEVELS, NameFrequencies
from soraq.link.mention import Mention
from soraq.link.results import HumanDecision, LinkResult, PairScore
from soraq.link.model import REVIEW_THRESHOLD, weight_for
from soraq.link.score import outcomes, pair_from_levels, score_pair, score_pair_fast

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
    freqs = NameFrequencies.of(ms)
    if engine == "python" or len(ms) < 2:
        pairs = score_candidates_python(ms, full_reasons=keep_apart, keep_apart=keep_apart, freqs=freqs)
    else:
        from soraq.link.splink_engine import score_candidates_splink

        pairs = score_candidates_splink(ms, engine, keep_apart=keep_apart, freqs=freqs)
    by_id = {m.mention_id: m for m in ms}
    clusters = cluster(
        ids,
        pairs,
        lambda x, y: score_pair_fast(by_id[x], by_id[y], freqs),
        decisions,
        bare=lambda mid: is_bare(by_id[mid]),
        name_keys=(lambda mid: pair_keys(by_id[mid])) if freqs is not None else None,
        uncommon=freqs.uncommon if freqs is not None else None,
    )
    if not keep_apart:  # pairs kept apart served the clustering only
        pairs = [p for p in pairs if p.decision != "apart"]
    return LinkResult(clusters, pairs)


def is_bare(m: Mention) -> bool:
    """A mention with no fact of identity beyond its name and citizenship."""
    return not (
        m.birth_year or m.age or m.patronymic or m.home or m.location_abroad or m.relatives or m.sex == "female"
    )


def score_candidates_python(
    ms: Sequence[Mention], full_reasons: bool = True, keep_apart: bool = True, freqs: NameFrequencies | None = None
) -> list[PairScore]:
    """Score every blocked candidate pair in process, vectorised (:mod:`soraq.link.batch`).

    Pairs kept apart are dropped unless ``keep_apart``. Reasons are in words when
    ``full_reasons`` (inputs under ``KEEP_APART_BELOW`` mentions); otherwise they name the
    level ("birth_year: same"), and :func:`soraq.link.score_pair` puts any pair in words on
    demand (at a million mentions, words for every kept pair would cost minutes).
    """
    I, J = candidate_arrays(ms)
    scored = score_arrays(ms, I, J, freqs)
    return pairs_from_arrays(ms, scored, keep_apart=keep_apart, full_reasons=full_reasons)


def hopeful_mask(scored: ScoredArrays) -> np.ndarray:
    """Pairs without a contradiction whose full name agrees (:func:`soraq.link.cluster.is_hopeful`)."""
    names = scored.levels[NAME]
    full = np.isin(names, np.asarray(name_level_codes(ADJUSTED_LEVELS), dtype=names.dtype))
    return full & ~scored.contradiction


def pairs_from_arrays(
    ms: Sequence[Mention], scored: ScoredArrays, *, keep_apart: bool, full_reasons: bool
) -> list[PairScore]:
    """PairScore objects for the scored pairs worth keeping."""
    review_w = weight_for(REVIEW_THRESHOLD)
    keep = np.ones(len(scored.I), dtype=bool) if keep_apart else (scored.weights >= review_w - 1e-9) | hopeful_mask(scored)
    out = []
    for k in np.flatnonzero(keep).tolist():
        a, b = ms[int(scored.I[k])], ms[int(scored.J[k])]
        labels = labels_of(scored.levels, k)
        adjust = scored.adjustment(k)
        values = scored.value_adjustment(k, a, b)
        if full_reasons:
            pair = pair_from_levels(a.mention_id, b.mention_id, labels, outcomes(a, b), adjust=adjust, value_adjust=values)
        else:
            pair = pair_from_levels(a.mention_id, b.mention_id, labels, adjust=adjust, value_adjust=values)
        out.append(pair)
    return out
