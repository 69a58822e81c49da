"""Candidate matches for a case: registry persons who may be the one the family is looking for.

Blocking and scoring are the registry's and :mod:`soraq.link`'s (the same
keys and the same scores as automatic linking), so a caseworker sees exactly
the reasons the matcher used. Every person sharing a name key is scored
against the case's anchor mention; the best score per person is kept with its
reasons. A reviewer's verdict on a candidate is kept when candidates are
recomputed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction

from soraq.registry.models import Mention
from soraq.registry.services import linking

log = logging.getLogger(__name__)

#: candidates below this probability are not shown
MIN_PROBABILITY = 0.05
LIMIT = 10


@dataclass
class Candidate:
    person_id: int
    mention: Mention
    probability: float
    reasons: list[dict]


def score_candidates(anchor: Mention, limit: int = LIMIT) -> list[Candidate]:
    """Best-scored other persons for the anchor mention, best first (empty without the matcher)."""
    try:
        from soraq.link import match
    except ImportError:
        log.warning("soraq.link is not available: no candidate matches computed")
        return []
    pool = [m for m in linking.candidate_mentions(anchor)
            if m.person_id is not None and m.person_id != anchor.person_id]
    if not pool:
        return []
    cache = linking.ReportCache()
    by_id = {m.mention_id: m for m in pool}
    scores = match(cache.link_mention(anchor), [cache.link_mention(m) for m in pool], limit=len(pool))
    best: dict[int, Candidate] = {}
    for score in scores:
        m = by_id.get(score.b_id)
        if m is None or score.probability < MIN_PROBABILITY:
            continue
        if m.person_id not in best or best[m.person_id].probability < score.probability:
            best[m.person_id] = Candidate(m.person_id, m, float(score.probability), linking.reasons_json(score))
    return sorted(best.values(), key=lambda c: -c.probability)[:limit]


@transaction.atomic
def refresh_candidates(case) -> int:
    """Recompute a case's candidates; decided ones keep their verdict. Returns how many are open."""
    from soraq.casework.models import CandidateMatch

    if case.mention_id is None:
        return 0
    anchor = Mention.objects.select_related("document").get(pk=case.mention_id)
    found = score_candidates(anchor)
    seen = set()
    for cand in found:
        seen.add(cand.person_id)
        CandidateMatch.objects.update_or_create(
            case=case, person_id=cand.person_id,
            defaults={"probability": cand.probability, "reasons": cand.reasons},
        )
    # undecided candidates that no longer score (e.g. merged away) are dropped; decided ones stay
    CandidateMatch.objects.filter(case=case, verdict="").exclude(person_id__in=seen).delete()
    if anchor.person_id:
        CandidateMatch.objects.filter(case=case, person_id=anchor.person_id, verdict="").delete()
    return CandidateMatch.objects.filter(case=case, verdict="").count()
