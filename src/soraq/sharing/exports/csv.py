"""CSV export: one row per person, columns in a fixed, documented order.

List-valued fields are joined with "; " (events as "type date @ place").
"""

from __future__ import annotations

import csv
from typing import IO

from soraq.sharing.disclosure import PublicPerson
from soraq.sharing.records import PersonRecord, scalar_fields

#: the operator's export (docs/sharing.md documents each column)
FULL_COLUMNS = (
    "person_id", "name", "given_name", "family_name", "patronymic", "sex", "birth_year",
    "citizenship", "home", "occupation", "location_abroad", "status", "confirmed", "coercion",
    "events", "relatives", "aliases", "documents", "consent_given_by", "consent_given_at",
)
#: the public dataset
PUBLIC_COLUMNS = (
    "public_id", "name", "photo_url", "citizenship", "region", "birth_band", "status",
    "confirmed", "coercion",
)


def _event_text(event) -> str:
    text = event.type
    if event.date:
        text += f" {event.date}"
    if event.place:
        text += f" @ {event.place}"
    return text


def full_row(record: PersonRecord) -> dict[str, object]:
    consent = record.consent
    return {
        **scalar_fields(record),
        "confirmed": "yes" if record.confirmed else "no",
        "coercion": "; ".join(record.coercion),
        "events": "; ".join(_event_text(e) for e in record.events),
        "relatives": "; ".join(f"{relation}: {name}" for relation, name in record.relatives),
        "aliases": "; ".join(record.aliases),
        "documents": "; ".join(record.documents),
        "consent_given_by": consent.given_by if consent else None,
        "consent_given_at": consent.given_at.isoformat() if consent else None,
    }


def public_row(person: PublicPerson) -> dict[str, object]:
    return {
        "public_id": person.public_id,
        "name": person.name,
        "photo_url": person.photo_url,
        "citizenship": person.citizenship,
        "region": person.region,
        "birth_band": person.birth_band,
        "status": person.status,
        "confirmed": "yes" if person.confirmed else "no",
        "coercion": "*" if person.coercion is None else "; ".join(person.coercion),
    }


def write(dataset, out: IO[str]) -> None:
    if dataset.public:
        columns, rows = PUBLIC_COLUMNS, (public_row(p) for p in dataset.persons)
    else:
        columns, rows = FULL_COLUMNS, (full_row(p) for p in dataset.persons)
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
