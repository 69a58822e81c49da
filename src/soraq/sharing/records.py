"""Plain records: what the sharing layer knows of a person and a document.

Exports, disclosure control and statistics work on these frozen dataclasses
rather than on Django models, so that the rules that decide what leaves the
registry are pure functions that can be tested (and property-tested) without a
database. :mod:`soraq.sharing.source` fills them from the registry's models;
:func:`records_from_reports` fills them from report-contract objects (used for
files that were never stored, and in tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from soraq.report import Report


@dataclass(frozen=True)
class Consent:
    """A family's consent to publish a person's name and photo: who gave it and when."""

    given_by: str
    given_at: datetime
    recorded_by: str = ""


@dataclass(frozen=True)
class EventRecord:
    type: str
    date: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class DocumentRecord:
    doc_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    lang: str | None = None
    media_type: str | None = None
    relevant: bool = True


@dataclass(frozen=True)
class PersonRecord:
    """One person as the registry knows them (the operator's full view)."""

    person_id: str
    name: str
    given_name: str | None = None
    family_name: str | None = None
    patronymic: str | None = None
    sex: str | None = None
    birth_year: int | None = None
    citizenship: str | None = None
    home: str | None = None
    occupation: str | None = None
    location_abroad: str | None = None
    status: str | None = None
    events: tuple[EventRecord, ...] = ()
    coercion: tuple[str, ...] = ()
    #: (relation, name): never leaves the registry in a public output
    relatives: tuple[tuple[str, str], ...] = ()
    #: ids of the documents that mention this person
    documents: tuple[str, ...] = ()
    #: other spellings of the name seen in documents
    aliases: tuple[str, ...] = ()
    #: at least one mention of this person was verified by a reviewer
    confirmed: bool = False
    consent: Consent | None = None
    photo_url: str | None = None
    #: free text kept by caseworkers: never public
    notes: str | None = None
    updated: datetime | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def first_event(self, event_type: str) -> EventRecord | None:
        for event in self.events:
            if event.type == event_type:
                return event
        return None


def records_from_reports(reports: Iterable[Report]) -> Iterator[PersonRecord]:
    """One unlinked person record per person mention of each report (``DOC#i`` ids)."""
    for report in reports:
        for index, person in enumerate(report.persons):
            yield PersonRecord(
                person_id=f"{report.doc_id}#{index}",
                name=person.name,
                given_name=person.given_name,
                family_name=person.family_name,
                patronymic=person.patronymic,
                sex=person.sex,
                birth_year=person.birth_year,
                citizenship=person.citizenship,
                home=person.home,
                occupation=person.occupation,
                location_abroad=person.location_abroad,
                status=person.status,
                events=tuple(EventRecord(e.type, e.date, e.place) for e in person.events),
                coercion=tuple(person.coercion),
                relatives=tuple((r.relation, r.name) for r in person.relatives),
                documents=(report.doc_id,),
            )


#: the plain fields of a person record, in export column order
SCALAR_FIELDS: tuple[str, ...] = (
    "person_id", "name", "given_name", "family_name", "patronymic", "sex", "birth_year",
    "citizenship", "home", "occupation", "location_abroad", "status",
)


def scalar_fields(record: PersonRecord) -> dict[str, object]:
    """The record's plain fields by name, in export column order (shared by the CSV and JSON exports)."""
    return {name: getattr(record, name) for name in SCALAR_FIELDS}
