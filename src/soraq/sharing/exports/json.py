"""JSON export: one document with metadata, persons (and documents in the full view).

Keys of each person appear in the same order as the CSV columns; lists stay lists.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import IO, Any

from soraq.sharing.disclosure import PublicPerson
from soraq.sharing.exports.csv import PUBLIC_COLUMNS
from soraq.sharing.records import DocumentRecord, PersonRecord, scalar_fields

FORMAT_NAME = "soraq-persons"
FORMAT_VERSION = 1


def full_person(record: PersonRecord) -> dict[str, Any]:
    consent = record.consent
    return {
        **scalar_fields(record),
        "confirmed": record.confirmed,
        "coercion": list(record.coercion),
        "events": [{"type": e.type, "date": e.date, "place": e.place} for e in record.events],
        "relatives": [{"relation": rel, "name": name} for rel, name in record.relatives],
        "aliases": list(record.aliases),
        "documents": list(record.documents),
        "consent": (
            {"given_by": consent.given_by, "given_at": consent.given_at.isoformat()} if consent else None
        ),
    }


def public_person(person: PublicPerson) -> dict[str, Any]:
    data = asdict(person)
    out = {key: data[key] for key in PUBLIC_COLUMNS}
    out["coercion"] = None if person.coercion is None else list(person.coercion)
    return out


def document(record: DocumentRecord) -> dict[str, Any]:
    return asdict(record)


def as_dict(dataset) -> dict[str, Any]:
    head: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated": dataset.generated.isoformat(),
        "public": dataset.public,
    }
    if dataset.public:
        head["k"] = dataset.result.k
        head["suppressed"] = dataset.result.suppressed
        head["persons"] = [public_person(p) for p in dataset.persons]
    else:
        head["persons"] = [full_person(p) for p in dataset.persons]
        head["documents"] = [document(d) for d in dataset.documents]
    return head


def write(dataset, out: IO[str]) -> None:
    json.dump(as_dict(dataset), out, ensure_ascii=False, indent=1)
    out.write("\n")
