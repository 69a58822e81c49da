"""A family's tracing request as a dated, sourced claim in the registry.

The request becomes a registry :class:`~soraq.registry.models.Document`
(``intake-srq-…``) holding a short *generated* statement - never the family's
testimony or contacts, which stay encrypted in case work - and one report
person built with the contract's :class:`soraq.report.Report`. The registry's
own services store the mention and link it, so the family's claim sits beside
every news report about the same person, with the matcher's reasons.
"""

from __future__ import annotations

import hashlib
import logging

from django.db import transaction
from django.utils import timezone

from soraq.registry import dates as registry_dates
from soraq.registry.models import Document, Mention
from soraq.registry.services import ingest as registry_ingest
from soraq.registry.services import linking
from soraq.report import Event, EventType, Evidence, Person, Report, Status

log = logging.getLogger(__name__)

SOURCE_KIND = "family_tracing_request"


def statement(req) -> tuple[str, list[Evidence], list[Event]]:
    """The generated, non-confidential text of the claim, with evidence spans and events."""
    parts: list[str] = []
    evidence: list[Evidence] = []
    events: list[Event] = []

    def add(sentence: str, *marks: tuple[str, str]) -> None:
        offset = sum(len(p) + 1 for p in parts)
        parts.append(sentence)
        for field, marked in marks:
            start = offset + sentence.index(marked)
            evidence.append(Evidence(field=field, start=start, end=start + len(marked)))

    filed = timezone.localdate(req.submitted_at).isoformat()
    add(f"Tracing request {req.reference} was filed by a relative on {filed}.")
    add(f"The relative reports that {req.name} is missing.", ("name", req.name), ("status", "is missing"))
    if req.birth_date:
        add(f"Date or year of birth given: {req.birth_date}.", ("birth_year", req.birth_date))
    if req.home_district:
        add(f"Home: {req.home_district}.", ("home", req.home_district))
    if req.work_abroad:
        add(f"Worked abroad in: {req.work_abroad}.", ("location_abroad", req.work_abroad),
            (f"events[{len(events)}]", req.work_abroad))
        events.append(Event(type=EventType.DEPARTURE, date=None, place=req.work_abroad))
    if req.last_contact:
        add(f"Last contact with the family: {req.last_contact}.", (f"events[{len(events)}]", req.last_contact))
        events.append(Event(type=EventType.CONTACT, date=req.last_contact))
    if req.went_missing:
        add(f"Contact lost since: {req.went_missing}.", (f"events[{len(events)}]", req.went_missing))
        events.append(Event(type=EventType.DISAPPEARANCE, date=req.went_missing))
    events.append(Event(type=EventType.APPEAL, date=filed))
    return "\n".join(parts), evidence, events


def build_report(req) -> Report:
    """The contract's report for one request: one person, status ``missing`` as of the filing date."""
    text, evidence, events = statement(req)
    birth_year = int(req.birth_date[:4]) if req.birth_date else None
    person = Person(
        name=req.name, birth_year=birth_year, citizenship=req.citizenship or None,
        home=req.home_district or None, location_abroad=req.work_abroad or None,
        status=Status.MISSING, events=events, evidence=evidence,
    )
    return Report(
        doc_id=req.doc_id, lang=req.lang if len(req.lang) == 2 else "en",
        published=timezone.localdate(req.submitted_at).isoformat(), relevant=True, text=text,
        source={"kind": SOURCE_KIND, "reference": req.reference}, persons=[person],
    )


@transaction.atomic
def file_claim(req) -> Mention:
    """Store the request as a registry document and mention through the registry's one ingest path.

    A matcher failure must not lose the family's request: the mention then stays
    unlinked until the next ``soraq link`` (``keep_unlinked``).
    """
    report = build_report(req)
    result = registry_ingest.ingest_report(
        report, origin=SOURCE_KIND, title=f"Tracing request {req.reference}", outlet="Soraq intake",
        version="casework-intake", keep_unlinked=True,
    )
    if result.outcome != registry_ingest.NEW:
        raise RuntimeError(f"tracing request {req.reference} not stored: {result.outcome} {result.reason}")
    return Mention.objects.select_related("person").get(document__doc_id=result.doc_id, index=0)
