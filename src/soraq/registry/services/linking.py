"""Linking stored mentions to persons, incrementally and in full, under human rulings.

The matching itself is :mod:`soraq.link`'s; this module decides what the
registry does with its scores:

* a new mention is compared with the mentions of the persons that share a name
  search key with it (blocking through the indexed :class:`PersonNameKey` table);
* it joins the best person when :func:`soraq.link.match` says ``merge``;
* otherwise it starts a new person, and when the best score fell in the
  uncertain band (``review``) the mention goes to the review queue with that
  best match as its ``review_candidate``;
* a :class:`LinkDecision` always wins over a score: "not same" keeps two
  mentions apart, "same" keeps them together, in incremental and full runs alike.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q

from soraq.registry.models import LinkDecision, Mention, Person, PersonNameKey
from soraq.registry.services import rollup
from soraq.report import Report

#: how many candidate mentions one new mention is scored against, at most
CANDIDATE_LIMIT = 200


@dataclass
class LinkOutcome:
    """What happened to one mention: which person it went to and why."""

    mention_id: str
    person_id: int
    created_person: bool
    decision: str  # Mention.LinkOutcome value
    probability: float | None


class ReportCache:
    """Parsed reports of stored documents, so each is validated once per run."""

    #: reports kept at most (least recently used dropped first): bounds memory on long batches
    MAX_REPORTS = 5000

    def __init__(self) -> None:
        self._reports: OrderedDict[str, Report] = OrderedDict()

    def report(self, mention: Mention) -> Report:
        """The stored report, with the document's publication date when the extractor had none."""
        doc = mention.document
        key = doc.text_sha256
        if key in self._reports:
            self._reports.move_to_end(key)
            return self._reports[key]
        report = Report.model_validate(doc.report)
        if report.published is None and doc.published:
            report = report.model_copy(update={"published": doc.published})
        self._reports[key] = report
        if len(self._reports) > self.MAX_REPORTS:
            self._reports.popitem(last=False)
        return report

    def link_mention(self, mention: Mention):
        """The :class:`soraq.link.Mention` for a stored mention, built by the link module itself."""
        from soraq.link import mention_from_person

        return mention_from_person(self.report(mention), mention.index)


def reasons_json(score: Any) -> list[dict[str, Any]]:
    """A PairScore's reasons as plain JSON (feature, weight, text)."""
    out = []
    for reason in getattr(score, "reasons", None) or []:
        if dataclasses.is_dataclass(reason) and not isinstance(reason, type):
            item = dataclasses.asdict(reason)
        elif hasattr(reason, "model_dump"):
            item = reason.model_dump()
        elif isinstance(reason, dict):
            item = dict(reason)
        else:
            item = {"feature": str(reason), "weight": None, "text": str(reason)}
        out.append({k: item.get(k) for k in ("feature", "weight", "text")})
    return out


def decisions_about(mention: Mention) -> tuple[set[int], set[int]]:
    """The mention ids a human ruled the same as this one, and those ruled not the same."""
    same: set[int] = set()
    apart: set[int] = set()
    for a, b, is_same in LinkDecision.objects.filter(
        mention_a=mention.pk
    ).values_list("mention_a", "mention_b", "same").union(
        LinkDecision.objects.filter(mention_b=mention.pk).values_list("mention_a", "mention_b", "same")
    ):
        other = b if a == mention.pk else a
        (same if is_same else apart).add(other)
    return same, apart


def name_keys_of(*names: str | None) -> set[str]:
    """Search keys of each name and of each of its words (so a family name alone finds the person)."""
    from soraq.names import search_keys

    keys: set[str] = set()
    for name in names:
        if not name or not name.strip():
            continue
        keys |= set(search_keys(name))
        words = name.split()
        if len(words) > 1:
            for word in words:
                if len(word) > 1:
                    keys |= set(search_keys(word))
    return {k[:255] for k in keys if k}


def candidate_mentions(mention: Mention) -> list[Mention]:
    """Mentions of persons sharing a name key with this mention, from other documents, best-blocked first."""
    keys = name_keys_of(mention.name, mention.family_name)
    if not keys:
        return []
    person_hits = Counter(
        PersonNameKey.objects.filter(key__in=keys).values_list("person_id", flat=True)
    )
    if not person_hits:
        return []
    # Persons sharing more keys first, so the limit drops the weakest blocks.
    persons = [pid for pid, _n in person_hits.most_common()]
    found = list(
        Mention.objects.filter(person_id__in=persons)
        .exclude(pk=mention.pk)
        .select_related("document")
        .order_by("pk")[: CANDIDATE_LIMIT * 2]
    )
    rank = {pid: i for i, pid in enumerate(persons)}
    found.sort(key=lambda m: (rank.get(m.person_id, len(rank)), m.pk))
    return found[:CANDIDATE_LIMIT]


def _persons_sharing_document(mention: Mention) -> set[int]:
    """Persons already mentioned in this mention's document: two subjects of one report are two people."""
    return set(
        Mention.objects.filter(document_id=mention.document_id, person__isnull=False)
        .exclude(pk=mention.pk)
        .values_list("person_id", flat=True)
    )


def _new_person(mention: Mention) -> Person:
    person = Person.objects.create()
    mention.person = person
    return person


@transaction.atomic
def link_new_mention(mention: Mention, cache: ReportCache | None = None) -> LinkOutcome:
    """Attach one mention to a person: the best match on ``merge``, a new person otherwise."""
    from soraq.link import match

    cache = cache or ReportCache()
    same, apart = decisions_about(mention)
    excluded_persons = _persons_sharing_document(mention)
    if apart:
        excluded_persons |= set(
            Mention.objects.filter(pk__in=apart, person__isnull=False).values_list("person_id", flat=True)
        )

    # A human said "same": that person, whatever the score.
    if same:
        forced = (
            Mention.objects.filter(pk__in=same, person__isnull=False)
            .exclude(person_id__in=excluded_persons)
            .values_list("person_id", flat=True)
            .first()
        )
        if forced is not None:
            mention.person_id = forced
            mention.link_decision = Mention.LinkOutcome.HUMAN
            mention.link_score, mention.link_reasons, mention.review_candidate = None, [], None
            mention.save()
            rollup.refresh_person(mention.person)
            return LinkOutcome(mention.mention_id, forced, False, mention.link_decision, None)

    candidates = [c for c in candidate_mentions(mention) if c.person_id not in excluded_persons]
    by_id = {c.mention_id: c for c in candidates}
    scores = []
    if candidates:
        query = cache.link_mention(mention)
        scores = [s for s in match(query, [cache.link_mention(c) for c in candidates], limit=len(candidates))
                  if s.b_id in by_id]
    choice = choose_person(scores, {mid: c.person_id for mid, c in by_id.items()})

    created = False
    best = choice.best
    if choice.person_id is not None:
        mention.person_id = choice.person_id
        if choice.unsure:
            mention.link_decision = Mention.LinkOutcome.REVIEW
            mention.review_candidate = by_id[best.b_id]
        else:
            mention.link_decision = Mention.LinkOutcome.MERGED
            mention.review_candidate = None
    else:
        _new_person(mention)
        created = True
        if best is not None and best.decision in ("merge", "review"):
            mention.link_decision = Mention.LinkOutcome.REVIEW
            mention.review_candidate = by_id[best.b_id]
        else:
            mention.link_decision = Mention.LinkOutcome.NEW
            mention.review_candidate = None
    mention.link_score = float(best.probability) if best is not None else None
    mention.link_reasons = reasons_json(best) if best is not None else []
    mention.review_state = Mention.ReviewState.MACHINE_SUGGESTED
    mention.save()
    if choice.person_id is not None and not choice.unsure:
        _join_bridged_persons(mention, scores, {mid: c.person_id for mid, c in by_id.items()}, cache)
    rollup.refresh_person(mention.person)
    return LinkOutcome(mention.mention_id, mention.person_id, created, mention.link_decision,
                       mention.link_score)


def _compatible(group_a: list[Mention], group_b: list[Mention], cache: ReportCache) -> bool:
    """Nothing speaks against joining two groups: no human "not same", no two subjects of one
    report, no contradiction short of a merge-level pair (the link module's clustering rule)."""
    from soraq.link import score_pair

    ids_a, ids_b = {m.pk for m in group_a}, {m.pk for m in group_b}
    rulings = LinkDecision.objects.filter(same=False).filter(
        Q(mention_a__in=ids_a, mention_b__in=ids_b) | Q(mention_a__in=ids_b, mention_b__in=ids_a)
    )
    if rulings.exists():
        return False
    for a in group_a:
        for b in group_b:
            if a.document_id == b.document_id:
                return False
            pair = score_pair(cache.link_mention(a), cache.link_mention(b))
            if getattr(pair, "contradiction", False) and pair.decision != "merge":
                return False
    return True


#: persons larger than this are not joined automatically through a bridging mention
BRIDGE_LIMIT = 50


def _join_bridged_persons(mention: Mention, scores: Sequence[Any], person_of: dict[str, int],
                          cache: ReportCache) -> None:
    """A new mention that is a merge-level match for two persons shows they are one: join them.

    Batch clustering does this naturally; incrementally, the second person would otherwise
    stay apart only because its reports arrived first. The join happens only when every
    pair across the two is compatible (see :func:`_compatible`) and no human ruled against it.
    """
    others = []
    for score in scores:
        pid = person_of.get(score.b_id)
        if score.decision == "merge" and pid is not None and pid != mention.person_id and pid not in others:
            others.append(pid)
    for pid in others:
        group = list(Mention.objects.filter(person_id=mention.person_id).select_related("document"))
        other = list(Mention.objects.filter(person_id=pid).select_related("document"))
        if not other or len(group) + len(other) > BRIDGE_LIMIT:
            continue
        if _compatible(group, other, cache):
            merge_persons(keep=mention.person, absorb=Person.objects.get(pk=pid))


def _ambiguity_margin() -> float:
    """The link module's margin (in bits) by which an unsure match must beat its rivals."""
    try:
        from soraq.link.cluster import AMBIGUITY_MARGIN
    except ImportError:  # the link module no longer exposes it: its documented value
        return 3.0
    return float(AMBIGUITY_MARGIN)


@dataclass
class PersonChoice:
    """Which existing person a new mention joins (None: a new person), by which pair, how sure."""

    person_id: int | None
    best: Any  # the PairScore shown as the link's score and reasons (None without candidates)
    unsure: bool = False


def choose_person(scores: Sequence[Any], person_of: dict[str, int]) -> PersonChoice:
    """The person a new mention joins, by the same rules as :func:`soraq.link.link_mentions`' clustering.

    * A ``merge`` pair joins its person, strongest first, unless another report of that
      person contradicts the new one (a veto such as birth years far apart).
    * Failing that, a ``review`` pair joins its person only when nothing speaks against it
      (every report of that person is at least in the review band, none contradicts) and no
      other person comes within the ambiguity margin: a mention known by little more than a
      name joins the one person it fits, but not one of two namesakes. Such a join is
      marked unsure and waits in the review queue.
    * Otherwise the mention starts a new person.
    """
    if not scores:
        return PersonChoice(None, None)
    by_person: dict[int, list[Any]] = defaultdict(list)
    for score in scores:
        by_person[person_of[score.b_id]].append(score)
    ranked = sorted(by_person.items(), key=lambda item: -max(s.match_weight for s in item[1]))
    overall_best = max(scores, key=lambda s: s.match_weight)

    def vetoed(person_scores: list[Any], strict: bool) -> bool:
        for s in person_scores:
            if getattr(s, "contradiction", False) and s.decision != "merge":
                return True
            if strict and s.decision == "apart":
                return True
        return False

    for pid, person_scores in ranked:
        top = max(person_scores, key=lambda s: s.match_weight)
        if top.decision == "merge" and not vetoed(person_scores, strict=False):
            return PersonChoice(pid, top)

    in_band = [(pid, ps) for pid, ps in ranked if any(s.decision in ("merge", "review") for s in ps)]
    if in_band:
        pid, person_scores = in_band[0]
        top = max(person_scores, key=lambda s: s.match_weight)
        rivals = [max(s.match_weight for s in ps) for _other, ps in in_band[1:]]
        clear = all(top.match_weight - w >= _ambiguity_margin() for w in rivals)
        if top.decision == "review" and clear and not vetoed(person_scores, strict=True):
            return PersonChoice(pid, top, unsure=True)
    return PersonChoice(None, overall_best)


# --- human rulings ---------------------------------------------------------------------------------


@transaction.atomic
def apply_decision(decision: LinkDecision) -> None:
    """Make the registry agree with one ruling at once: merge the two persons, or split them."""
    a = Mention.objects.select_related("person").get(pk=decision.mention_a_id)
    b = Mention.objects.select_related("person").get(pk=decision.mention_b_id)
    if decision.same:
        if a.person_id is None:
            a.person = b.person or _new_person(a)
        elif b.person_id is not None and b.person_id != a.person_id:
            merge_persons(keep=a.person, absorb=b.person)
            b.refresh_from_db()
        b.person_id = a.person_id
        for m in (a, b):
            m.link_decision = Mention.LinkOutcome.HUMAN
            m.review_state = Mention.ReviewState.VERIFIED
            m.reviewed_by, m.reviewed_at = decision.decided_by, decision.decided_at
            m.save()
        rollup.refresh_person(a.person)
    elif a.person_id is not None and a.person_id == b.person_id:
        old = a.person
        moved = _mentions_held_with(b, exclude={a.pk})
        person = Person.objects.create()
        Mention.objects.filter(pk__in=moved).update(person=person)
        b.refresh_from_db()
        b.link_decision = Mention.LinkOutcome.HUMAN
        b.review_state = Mention.ReviewState.REJECTED
        b.reviewed_by, b.reviewed_at = decision.decided_by, decision.decided_at
        b.review_candidate = None
        b.save()
        rollup.refresh_person(person)
        rollup.refresh_person(old)


def _mentions_held_with(mention: Mention, exclude: set[int]) -> set[int]:
    """The mention and every mention a human tied to it with "same" (transitively), minus ``exclude``."""
    group, frontier = {mention.pk}, [mention.pk]
    while frontier:
        current = frontier.pop()
        for a, b in LinkDecision.objects.filter(same=True, mention_a=current).values_list(
            "mention_a", "mention_b"
        ).union(LinkDecision.objects.filter(same=True, mention_b=current).values_list("mention_a", "mention_b")):
            other = b if a == current else a
            if other not in group and other not in exclude:
                group.add(other)
                frontier.append(other)
    return group - exclude


def merge_persons(*, keep: Person, absorb: Person) -> Person:
    """Move every mention of ``absorb`` to ``keep`` and delete the emptied person."""
    if keep.pk == absorb.pk:
        return keep
    Mention.objects.filter(person=absorb).update(person=keep)
    Mention.objects.filter(review_candidate__person=keep, person=keep).update(review_candidate=None)
    absorb.delete()
    rollup.refresh_person(keep)
    return keep


# --- full re-link ----------------------------------------------------------------------------------


@dataclass
class RelinkSummary:
    mentions: int = 0
    persons_before: int = 0
    persons_after: int = 0
    moved: int = 0


def _human_decisions() -> list:
    from soraq.link import HumanDecision

    rows = LinkDecision.objects.select_related("mention_a__document", "mention_b__document")
    return [HumanDecision(d.mention_a.mention_id, d.mention_b.mention_id, d.same) for d in rows]


def _assign_clusters(clusters: Sequence[Sequence[str]], stored: dict[str, Mention], pairs: Sequence) -> int:
    """Give each cluster a person, reusing the one most of its mentions already have (stable ids)."""
    best_pair: dict[str, Any] = {}
    cluster_index = {mid: i for i, c in enumerate(clusters) for mid in c}
    for pair in pairs:
        if cluster_index.get(pair.a_id) is None or cluster_index.get(pair.a_id) != cluster_index.get(pair.b_id):
            continue
        for own, other in ((pair.a_id, pair.b_id), (pair.b_id, pair.a_id)):
            if own not in best_pair or pair.probability > best_pair[own][0].probability:
                best_pair[own] = (pair, other)
    moved = 0
    used: set[int] = set()
    touched: set[int] = set()
    for cluster in sorted(clusters, key=len, reverse=True):
        members = [stored[mid] for mid in cluster if mid in stored]
        if not members:
            continue
        current = Counter(m.person_id for m in members if m.person_id is not None)
        person_id = next((pid for pid, _n in current.most_common() if pid not in used), None)
        if person_id is None:
            person_id = Person.objects.create().pk
        used.add(person_id)
        for m in members:
            if m.person_id == person_id:
                continue
            touched.update(p for p in (m.person_id, person_id) if p is not None)
            update: dict[str, Any] = {"person_id": person_id, "review_candidate": None}
            if m.link_decision != Mention.LinkOutcome.HUMAN:
                pair, other = best_pair.get(m.mention_id, (None, None))
                if pair is None:
                    update.update(link_decision=Mention.LinkOutcome.NEW, link_score=None, link_reasons=[])
                else:
                    unsure = pair.decision != "merge"
                    update.update(
                        link_decision=Mention.LinkOutcome.REVIEW if unsure else Mention.LinkOutcome.MERGED,
                        link_score=float(pair.probability), link_reasons=reasons_json(pair),
                        review_candidate=stored[other] if unsure and other in stored else None,
                    )
            Mention.objects.filter(pk=m.pk).update(**update)
            m.person_id = person_id
            moved += 1
    for person in Person.objects.filter(pk__in=touched):
        if person.mentions.exists():
            rollup.refresh_person(person)
    Person.objects.filter(pk__in=touched, mentions__isnull=True).delete()
    return moved


#: below this many mentions a full re-link scores pairs in process; above, through Splink/DuckDB
IN_PROCESS_LIMIT = 2000


@transaction.atomic
def relink_all(*, engine: str | None = None) -> RelinkSummary:
    """Re-cluster every mention of a relevant document with :func:`soraq.link.link_mentions`.

    Human rulings win (they are passed to the linker and enforced again here).
    Persons keep their ids where most of their mentions stay together; each
    moved mention's link score, reasons and outcome are those of its best pair
    inside its new cluster, so unsure joins show in the review queue.
    """
    from soraq.link import link_mentions

    summary = RelinkSummary(persons_before=Person.objects.count())
    stored_mentions = list(
        Mention.objects.filter(document__relevant=True).select_related("document").order_by("pk")
    )
    if not stored_mentions:
        return summary
    cache = ReportCache()
    stored = {m.mention_id: m for m in stored_mentions}
    if engine is None:
        engine = "python" if len(stored_mentions) <= IN_PROCESS_LIMIT else "duckdb"
    result = link_mentions([cache.link_mention(m) for m in stored_mentions], engine=engine,
                           decisions=_human_decisions())
    clusters = enforce_decisions([list(c) for c in result.clusters])
    summary.mentions = len(stored_mentions)
    summary.moved = _assign_clusters(clusters, stored, result.pairs)
    summary.persons_after = Person.objects.count()
    return summary


def enforce_decisions(clusters: Iterable[Iterable[str]]) -> list[list[str]]:
    """Clusters made to obey every stored ruling, whatever the engine returned.

    The link module promises that decisions win; this re-checks it on the
    registry's side, because a wrong merge of two people is the costliest error
    the registry can make: a "not same" pair found in one cluster splits off the
    later mention (with the mentions tied to it by "same"), and "same" pairs in
    different clusters are joined.
    """
    rows = list(LinkDecision.objects.select_related("mention_a__document", "mention_b__document"))
    cluster_of: dict[str, int] = {}
    groups: list[set[str]] = []
    for cluster in clusters:
        groups.append(set(cluster))
        for mid in cluster:
            cluster_of[mid] = len(groups) - 1
    for d in rows:  # "same" first: join
        if not d.same:
            continue
        a, b = d.mention_a.mention_id, d.mention_b.mention_id
        if a in cluster_of and b in cluster_of and cluster_of[a] != cluster_of[b]:
            keep, drop = cluster_of[a], cluster_of[b]
            for mid in groups[drop]:
                cluster_of[mid] = keep
            groups[keep] |= groups[drop]
            groups[drop] = set()
    same_pairs = defaultdict(set)
    for d in rows:
        if d.same:
            same_pairs[d.mention_a.mention_id].add(d.mention_b.mention_id)
            same_pairs[d.mention_b.mention_id].add(d.mention_a.mention_id)
    for d in rows:  # then "not same": split
        if d.same:
            continue
        a, b = d.mention_a.mention_id, d.mention_b.mention_id
        if a in cluster_of and b in cluster_of and cluster_of[a] == cluster_of[b]:
            group, frontier = {b}, [b]
            while frontier:
                for other in same_pairs[frontier.pop()]:
                    if other not in group and other != a and cluster_of.get(other) == cluster_of[b]:
                        group.add(other)
                        frontier.append(other)
            groups[cluster_of[a]] -= group
            groups.append(group)
            for mid in group:
                cluster_of[mid] = len(groups) - 1
    return [sorted(g) for g in groups if g]
