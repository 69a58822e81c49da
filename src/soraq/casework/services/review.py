"""The reviewer's queue: machine suggestions a person should decide, most valuable first.

Two kinds of suggestion:

* **links** - a mention the matcher placed in the uncertain band (the
  registry's ``awaiting_review`` queue, with its best candidate), and a
  case's open candidate matches;
* **facts** - extracted facts of persons with a case where the sources
  disagree (status, birth year, citizenship, home), not yet ruled on.

Value (the order): suggestions touching a case come first (a family is
waiting), then those whose probability is nearest 0.5 (a decision teaches the
most), then the newest. Link rulings are the registry's
:class:`~soraq.registry.models.LinkDecision` (automatic runs never override
them); fact rulings are :class:`~soraq.casework.models.FactReview` rows keyed
by document and mention index, so they survive re-extraction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from soraq.casework import audit
from soraq.casework.models import CandidateMatch, Case, FactReview
from soraq.registry.models import LinkDecision, Mention, Person
from soraq.registry.services import linking

FACT_FIELDS = ("status", "birth_year", "citizenship", "home")
QUEUE_LIMIT = 200


@dataclass
class Suggestion:
    kind: str  # "link" | "candidate" | "fact"
    key: str
    value: tuple
    mention: Mention | None = None
    other: Mention | None = None
    probability: float | None = None
    reasons: list | None = None
    candidate: CandidateMatch | None = None
    case: Case | None = None
    field: str = ""
    machine_value: Any = None
    alternatives: list | None = None


def _persons_with_cases() -> set[int]:
    return set(Case.objects.filter(hidden=False, mention__person__isnull=False)
               .values_list("mention__person_id", flat=True))


def _value(touches_case: bool, probability: float | None, stamp: float) -> tuple:
    uncertainty = abs((probability if probability is not None else 0.5) - 0.5)
    return (0 if touches_case else 1, round(uncertainty, 3), -stamp)


def link_suggestions(case_persons: set[int]) -> list[Suggestion]:
    out = []
    qs = (Mention.objects.awaiting_review().filter(review_candidate__isnull=False)
          .select_related("document", "person", "review_candidate__document", "review_candidate__person")
          .order_by("-pk")[:QUEUE_LIMIT])
    for m in qs:
        touches = m.person_id in case_persons or m.review_candidate.person_id in case_persons
        out.append(Suggestion("link", f"link-{m.pk}", _value(touches, m.link_score, m.pk), mention=m,
                              other=m.review_candidate, probability=m.link_score, reasons=m.link_reasons))
    return out


def candidate_suggestions() -> list[Suggestion]:
    out = []
    qs = (CandidateMatch.objects.filter(verdict="", case__hidden=False)
          .select_related("case__mention__document", "person").order_by("-probability")[:QUEUE_LIMIT])
    for c in qs:
        other = (c.person.mentions.select_related("document").order_by("-document__published_sort").first())
        if other is None or c.case.mention is None:
            continue
        out.append(Suggestion("candidate", f"candidate-{c.pk}", _value(True, c.probability, c.pk),
                              mention=c.case.mention, other=other, probability=c.probability,
                              reasons=c.reasons, candidate=c, case=c.case))
    return out


def fact_suggestions(case_persons: set[int]) -> list[Suggestion]:
    """Disagreeing facts of persons with a case, one suggestion per (mention, field) not yet ruled on."""
    ruled = set(FactReview.objects.values_list("doc_id", "mention_index", "field"))
    mentions = (Mention.objects.filter(person_id__in=case_persons)
                .select_related("document").order_by("person_id", "pk"))
    by_person: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_person[m.person_id].append(m)
    out = []
    for person_id, ms in by_person.items():
        for field in FACT_FIELDS:
            values = {getattr(m, field) for m in ms if getattr(m, field) not in (None, "")}
            if len(values) < 2:
                continue
            for m in ms:
                value = getattr(m, field)
                if value in (None, "") or (m.document.doc_id, m.index, field) in ruled:
                    continue
                out.append(Suggestion("fact", f"fact-{m.pk}-{field}", _value(True, None, m.pk), mention=m,
                                      field=field, machine_value=value,
                                      alternatives=sorted(str(v) for v in values if v != value)))
    return out


def queue(limit: int = 50) -> list[Suggestion]:
    """Every open suggestion, most valuable first."""
    case_persons = _persons_with_cases()
    items = link_suggestions(case_persons) + candidate_suggestions() + fact_suggestions(case_persons)
    items.sort(key=lambda s: s.value)
    return items[:limit]


def quote_for(mention: Mention, field: str) -> tuple[str, str, str] | None:
    """(before, marked, after): the sentence of the mention's document supporting ``field``."""
    from soraq.registry.services.text import Quote, find_name, valid_span

    text = mention.document.text
    for ev in mention.evidence or []:
        if ev.get("field") == field and (span := valid_span(text, ev.get("start"), ev.get("end"))):
            q = Quote.of(text, *span)
            return q.before, q.marked, q.after
    span = find_name(text, mention.name)
    if span:
        q = Quote.of(text, *span)
        return q.before, q.marked, q.after
    return None


# --- decisions --------------------------------------------------------------------------------------


@transaction.atomic
def decide_link(user, mention: Mention, other: Mention, same: bool, note: str = "") -> LinkDecision:
    """Record and apply a ruling on two mentions (the registry keeps it across automatic runs)."""
    decision = LinkDecision.record(mention, other, same=same, user=user, note=note)
    decision.refresh_from_db()
    with audit.acting_as(user):
        linking.apply_decision(decision)
    if not same and mention.needs_review:
        Mention.objects.filter(pk=mention.pk).update(review_state=Mention.ReviewState.REJECTED,
                                                     reviewed_by=user, reviewed_at=timezone.now())
    audit.record(user, "review.link", decision, {"same": same, "a": decision.mention_a_id, "b": decision.mention_b_id})
    return decision


@transaction.atomic
def decide_candidate(user, candidate: CandidateMatch, same: bool) -> None:
    """A case's candidate is (not) the person sought: rule on the anchor mention and the person's newest."""
    other = candidate.person.mentions.order_by("-document__published_sort", "-pk").first()
    anchor = candidate.case.mention
    if other is not None and anchor is not None:
        decide_link(user, anchor, other, same)
    candidate.verdict = CandidateMatch.Verdict.SAME if same else CandidateMatch.Verdict.DIFFERENT
    candidate.decided_by, candidate.decided_at = user, timezone.now()
    candidate.save()
    if same:
        CandidateMatch.objects.filter(case=candidate.case, person_id=anchor.person_id if anchor else None,
                                      verdict="").delete()


@transaction.atomic
def correct_link(user, mention: Mention, person: Person, candidate: CandidateMatch | None = None) -> LinkDecision:
    """Neither suggestion is right: the mention belongs to ``person`` (a "same" ruling with their newest mention)."""
    target = person.mentions.exclude(pk=mention.pk).order_by("-document__published_sort", "-pk").first()
    if target is None:
        raise ValueError("that person has no other report to link to")
    if candidate is not None:
        candidate.verdict = CandidateMatch.Verdict.DIFFERENT
        candidate.decided_by, candidate.decided_at = user, timezone.now()
        candidate.save()
    return decide_link(user, mention, target, True)


@transaction.atomic
def decide_fact(user, mention: Mention, field: str, verdict: str, value: Any = None) -> FactReview:
    """Accept, reject or correct one extracted fact; the source's own text is never changed."""
    if field not in FACT_FIELDS and field not in {"name", "occupation", "location_abroad", "sex", "age"}:
        raise ValueError(f"not a reviewable field: {field}")
    if verdict not in FactReview.Verdict.values:
        raise ValueError(f"not a verdict: {verdict}")
    review, _created = FactReview.objects.update_or_create(
        doc_id=mention.document.doc_id, mention_index=mention.index, field=field,
        defaults={"verdict": verdict, "machine_value": getattr(mention, field),
                  "value": value if verdict == FactReview.Verdict.CORRECTED else None,
                  "decided_by": user, "decided_at": timezone.now()},
    )
    audit.record(user, "review.fact", review, {"verdict": verdict, "field": field})
    return review


def fact_rulings(mentions) -> dict[tuple[int, str], FactReview]:
    """Rulings on the given mentions' facts, by (mention pk, field)."""
    mentions = list(mentions)
    doc_ids = {m.document.doc_id for m in mentions}
    index = {(m.document.doc_id, m.index): m.pk for m in mentions}
    out = {}
    for r in FactReview.objects.filter(doc_id__in=doc_ids):
        pk = index.get((r.doc_id, r.mention_index))
        if pk is not None:
            out[(pk, r.field)] = r
    return out


@transaction.atomic
def merge(user, keep: Person, absorb: Person) -> Person:
    """Two persons are one: a "same" ruling between their newest mentions, applied by the registry."""
    a = keep.mentions.order_by("-pk").first()
    b = absorb.mentions.order_by("-pk").first()
    if a is None or b is None or keep.pk == absorb.pk:
        raise ValueError("both persons need at least one mention, and must differ")
    decide_link(user, a, b, True)
    a.refresh_from_db()
    audit.record(user, "person.merge", a.person, {"absorbed": absorb.pk})
    return a.person


@transaction.atomic
def split(user, person: Person, mention_ids: list[int]) -> Person:
    """Move the chosen mentions off ``person`` onto one new person.

    The rulings are stored as the registry's LinkDecisions ("not same" between each
    moved mention and each kept one, "same" among the moved), so later automatic
    runs keep the split.
    """
    from soraq.registry.services import rollup

    chosen = list(person.mentions.filter(pk__in=mention_ids).order_by("pk"))
    kept = list(person.mentions.exclude(pk__in=mention_ids).order_by("pk"))
    if not chosen or not kept:
        raise ValueError("choose some, but not all, of the person's mentions")
    for m in chosen:
        for k in kept:
            LinkDecision.record(m, k, same=False, user=user)
    for m in chosen[1:]:
        LinkDecision.record(chosen[0], m, same=True, user=user)
    new = Person.objects.create()
    now = timezone.now()
    with audit.acting_as(user):
        Mention.objects.filter(pk__in=[m.pk for m in chosen]).update(
            person=new, link_decision=Mention.LinkOutcome.HUMAN, review_state=Mention.ReviewState.VERIFIED,
            reviewed_by=user, reviewed_at=now)
        rollup.refresh_person(new)
        rollup.refresh_person(person)
    audit.record(user, "person.split", person, {"moved": [m.pk for m in chosen], "to": new.pk})
    return new
