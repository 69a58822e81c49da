"""Matching a described person against the registry (``POST /api/match``).

Blocking is the registry's: persons sharing a name search key with the query
(:func:`soraq.registry.services.linking.name_keys_of`); scoring is
:func:`soraq.link.match` against each candidate person's mentions, and a
person's score is that of their best-matching mention.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

#: persons scored at most per query (the most key-sharing first)
CANDIDATE_PERSONS = 100


def match_registry(query: dict[str, Any], limit: int = 10) -> list[dict[str, Any]]:
    from soraq.link import Mention as LinkMention
    from soraq.link import match
    from soraq.registry.models import Mention, Person, PersonNameKey
    from soraq.registry.services.linking import ReportCache, name_keys_of, reasons_json

    keys = name_keys_of(query.get("name"), query.get("family_name"))
    if not keys:
        return []
    hits = Counter(PersonNameKey.objects.filter(key__in=keys).values_list("person_id", flat=True))
    person_ids = [pid for pid, _ in hits.most_common(CANDIDATE_PERSONS)]
    if not person_ids:
        return []
    cache = ReportCache()
    candidates = []
    person_of: dict[str, int] = {}
    for mention in Mention.objects.filter(person_id__in=person_ids).select_related("document"):
        try:
            candidate = cache.link_mention(mention)
        except Exception:  # a stored report that no longer validates is skipped, not fatal
            continue
        candidates.append(candidate)
        person_of[candidate.mention_id] = mention.person_id
    probe = LinkMention(mention_id="query", **{k: v for k, v in query.items() if v is not None})
    scores = match(probe, candidates, limit=max(limit * 5, 50))
    best: dict[int, Any] = {}
    for score in scores:
        person_id = person_of.get(score.b_id) or person_of.get(score.a_id)
        if person_id is not None and (person_id not in best or score.probability > best[person_id].probability):
            best[person_id] = score
    ranked = sorted(best.items(), key=lambda item: -item[1].probability)[:limit]
    names = {p.pk: p.display_name for p in Person.objects.filter(pk__in=[pid for pid, _ in ranked])}
    return [
        {
            "person_id": pid,
            "name": names.get(pid, ""),
            "probability": float(score.probability),
            "match_weight": float(score.match_weight) if score.match_weight is not None else None,
            "decision": score.decision,
            "best_mention": score.b_id if score.b_id != "query" else score.a_id,
            "reasons": reasons_json(score),
        }
        for pid, score in ranked
    ]
