"""PFIF (People Finder Interchange Format) 1.4 export and 1.2-1.4 import.

PFIF is what person-finder tools exchange after disasters; a Soraq person is a
PFIF ``person`` with one nested ``note`` carrying the status. Status mapping
(Soraq -> PFIF): missing -> believed_missing, killed -> believed_dead,
returned -> believed_alive; every other status (detained, in_unit, at_front,
captured, wounded, unknown) -> information_sought, its Soraq word kept in the
note text. Record ids are ``DOMAIN/person.ID`` and ``DOMAIN/note.ID``, DOMAIN
coming from the ``SORAQ_PFIF_DOMAIN`` setting.

The public view holds only the people whose family consented to publication
(PFIF requires a full name), with the generalised fields of the public dataset.

Parsing uses defusedxml: a PFIF file comes from outside, and entity expansion
or external entities must never be honoured.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO

import defusedxml.ElementTree as SafeET

from soraq.report import Person, Report, Status

NS = {
    "1.1": "http://zesty.ca/pfif/1.1",
    "1.2": "http://zesty.ca/pfif/1.2",
    "1.3": "http://zesty.ca/pfif/1.3",
    "1.4": "http://zesty.ca/pfif/1.4",
}
NS_14 = NS["1.4"]

#: child elements of <person> in PFIF 1.4, in the order the format requires (notes follow)
PERSON_FIELDS_14 = (
    "person_record_id", "entry_date", "expiry_date", "author_name", "author_email",
    "author_phone", "source_name", "source_date", "source_url", "full_name", "given_name",
    "family_name", "alternate_names", "description", "sex", "date_of_birth", "age",
    "home_street", "home_neighborhood", "home_city", "home_state", "home_postal_code",
    "home_country", "photo_url", "profile_urls",
)
#: child elements of <note> in PFIF 1.4, in order
NOTE_FIELDS_14 = (
    "note_record_id", "person_record_id", "linked_person_record_id", "entry_date",
    "author_name", "author_email", "author_phone", "source_date", "author_made_contact",
    "status", "email_of_found_person", "phone_of_found_person", "last_known_location",
    "text", "photo_url",
)
PERSON_REQUIRED_14 = ("person_record_id", "entry_date", "source_date", "full_name")
NOTE_REQUIRED_14 = ("note_record_id", "entry_date", "author_name", "source_date")
NOTE_STATUSES = (
    "information_sought", "is_note_author", "believed_alive", "believed_missing", "believed_dead",
)

STATUS_TO_PFIF = {
    Status.MISSING.value: "believed_missing",
    Status.KILLED.value: "believed_dead",
    Status.RETURNED.value: "believed_alive",
}
#: PFIF -> Soraq; believed_alive says nothing of where the person is, so it stays unknown
PFIF_TO_STATUS = {
    "believed_missing": Status.MISSING.value,
    "believed_dead": Status.KILLED.value,
}
#: fields renamed since PFIF 1.3 (old name -> 1.4 name)
RENAMED = {"first_name": "given_name", "last_name": "family_name", "other": "description",
           "found": "author_made_contact"}

SOURCE_NAME = "Soraq registry"


def status_to_pfif(status: str | None) -> str:
    """The PFIF note status of a Soraq status (information_sought when PFIF has no word for it)."""
    return STATUS_TO_PFIF.get(status or "", "information_sought")


def _timestamp(value: datetime) -> str:
    """xs:dateTime in UTC, as PFIF requires: 2026-01-15T10:00:00Z (naive times are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ET.Element, name: str, value: object) -> None:
    if value is None or value == "":
        return
    child = ET.SubElement(parent, f"{{{NS_14}}}{name}")
    child.text = str(value)


def _person_element(root: ET.Element, fields: dict[str, object], note: dict[str, object]) -> None:
    person = ET.SubElement(root, f"{{{NS_14}}}person")
    for name in PERSON_FIELDS_14:
        _add(person, name, fields.get(name))
    note_el = ET.SubElement(person, f"{{{NS_14}}}note")
    for name in NOTE_FIELDS_14:
        _add(note_el, name, note.get(name))


def _full_entries(dataset, domain: str):
    urls = {d.doc_id: d.url for d in getattr(dataset, "documents", [])}
    entry = _timestamp(dataset.generated)
    for record in dataset.persons:
        pid = f"{domain}/person.{record.person_id}"
        source_date = _timestamp(record.updated) if record.updated else entry
        source_url = next((urls[d] for d in record.documents if urls.get(d)), None)
        description = "; ".join(
            part
            for part in (
                f"occupation: {record.occupation}" if record.occupation else "",
                f"abroad: {record.location_abroad}" if record.location_abroad else "",
                f"coercion: {', '.join(record.coercion)}" if record.coercion else "",
            )
            if part
        )
        events = "; ".join(
            " ".join(x for x in (e.type, e.date or "", f"@ {e.place}" if e.place else "") if x)
            for e in record.events
        )
        fields = {
            "person_record_id": pid,
            "entry_date": entry,
            "source_name": SOURCE_NAME,
            "source_date": source_date,
            "source_url": source_url,
            "full_name": record.name,
            "given_name": record.given_name,
            "family_name": record.family_name,
            "alternate_names": "\n".join(record.aliases) or None,
            "description": description or None,
            "sex": record.sex,
            "date_of_birth": record.birth_year,
            "home_city": record.home,
            "home_country": record.citizenship,
            "photo_url": record.photo_url if record.consent else None,
        }
        note = {
            "note_record_id": f"{domain}/note.{record.person_id}.status",
            "person_record_id": pid,
            "entry_date": entry,
            "author_name": SOURCE_NAME,
            "source_date": source_date,
            "author_made_contact": "false",
            "status": status_to_pfif(record.status),
            "text": f"status: {record.status or 'unknown'}" + (f"; events: {events}" if events else ""),
        }
        yield fields, note


def _public_entries(dataset, domain: str):
    entry = _timestamp(dataset.generated)
    for person in dataset.persons:
        if not person.name:  # PFIF needs a full name: only consented persons are exchanged
            continue
        pid = f"{domain}/person.{person.public_id}"
        fields = {
            "person_record_id": pid,
            "entry_date": entry,
            "source_name": SOURCE_NAME,
            "source_date": entry,
            "full_name": person.name,
            "description": (
                f"coercion: {', '.join(person.coercion)}" if person.coercion else None  # None: withheld
            ),
            "home_state": person.region,
            "home_country": person.citizenship,
            "photo_url": person.photo_url,
        }
        note = {
            "note_record_id": f"{domain}/note.{person.public_id}.status",
            "person_record_id": pid,
            "entry_date": entry,
            "author_name": SOURCE_NAME,
            "source_date": entry,
            "author_made_contact": "false",
            "status": status_to_pfif(person.status),
            "text": f"status: {person.status or 'unknown'}",
        }
        yield fields, note


def build(dataset, domain: str) -> ET.Element:
    ET.register_namespace("pfif", NS_14)
    root = ET.Element(f"{{{NS_14}}}pfif")
    entries = _public_entries(dataset, domain) if dataset.public else _full_entries(dataset, domain)
    for fields, note in entries:
        _person_element(root, fields, note)
    return root


def write(dataset, out: IO[str], *, domain: str) -> None:
    root = build(dataset, domain)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


# --- validation ---------------------------------------------------------------------------------


def validate_14(root: ET.Element) -> list[str]:
    """Problems with a PFIF 1.4 tree: unknown, missing, repeated or out-of-order elements."""
    problems: list[str] = []
    if root.tag != f"{{{NS_14}}}pfif":
        return [f"root element is {root.tag}, not pfif:pfif in {NS_14}"]
    for index, child in enumerate(root):
        where = f"element {index + 1}"
        if child.tag == f"{{{NS_14}}}person":
            problems += _check_record(child, PERSON_FIELDS_14, PERSON_REQUIRED_14, where, nested="note")
            for note in child.findall(f"{{{NS_14}}}note"):
                problems += _check_record(note, NOTE_FIELDS_14, NOTE_REQUIRED_14, f"{where} note")
        elif child.tag == f"{{{NS_14}}}note":
            problems += _check_record(child, NOTE_FIELDS_14, NOTE_REQUIRED_14, where)
        else:
            problems.append(f"{where}: unexpected {child.tag}")
    return problems


def _check_record(el: ET.Element, order, required, where: str, nested: str | None = None) -> list[str]:
    problems = []
    seen: list[str] = []
    last = -1
    for child in el:
        if not child.tag.startswith(f"{{{NS_14}}}"):
            problems.append(f"{where}: element {child.tag} outside the PFIF 1.4 namespace")
            continue
        name = child.tag.split("}", 1)[1]
        if nested and name == nested:
            last = len(order)  # nested notes come after all fields
            continue
        if name not in order:
            problems.append(f"{where}: unknown element {name}")
            continue
        position = order.index(name)
        if name in seen:
            problems.append(f"{where}: {name} repeated")
        elif position < last:
            problems.append(f"{where}: {name} out of order")
        seen.append(name)
        last = max(last, position)
        if name == "status" and (child.text or "") not in NOTE_STATUSES:
            problems.append(f"{where}: status {child.text!r} not in PFIF's vocabulary")
    for name in required:
        if name not in seen:
            problems.append(f"{where}: required {name} missing")
    return problems


# --- import -------------------------------------------------------------------------------------


class PfifError(ValueError):
    """The file is not PFIF 1.2-1.4, or is unsafe XML."""


@dataclass
class PfifRecords:
    version: str
    persons: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)


def parse(data: bytes | str) -> PfifRecords:
    """Person and note records (PFIF 1.4 field names) from a PFIF 1.2-1.4 document."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except ET.ParseError as exc:
        raise PfifError(f"not well-formed XML: {exc}") from exc
    except Exception as exc:  # defusedxml's DTDForbidden, EntitiesForbidden, ...
        raise PfifError(f"unsafe XML refused ({type(exc).__name__})") from exc
    namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    version = next((v for v, ns in NS.items() if ns == namespace), None)
    if version is None or version == "1.1" or root.tag != f"{{{namespace}}}pfif":
        raise PfifError(f"not a PFIF 1.2-1.4 document (root {root.tag})")
    out = PfifRecords(version)
    for child in root:
        if child.tag == f"{{{namespace}}}person":
            person = _fields(child, namespace, skip="note")
            out.persons.append(person)
            for note in child.findall(f"{{{namespace}}}note"):
                fields = _fields(note, namespace)
                fields.setdefault("person_record_id", person.get("person_record_id", ""))
                out.notes.append(fields)
        elif child.tag == f"{{{namespace}}}note":
            out.notes.append(_fields(child, namespace))
    return out


def _fields(el: ET.Element, namespace: str, skip: str | None = None) -> dict[str, str]:
    fields: dict[str, str] = {}
    for child in el:
        if not child.tag.startswith(f"{{{namespace}}}"):
            continue
        name = child.tag.split("}", 1)[1]
        if name == skip:
            continue
        fields[RENAMED.get(name, name)] = (child.text or "").strip()
    return fields


@dataclass
class ImportProblem:
    record: str
    field: str
    reason: str


def to_reports(records: PfifRecords) -> tuple[list[Report], list[ImportProblem]]:
    """One report per PFIF person (its doc_id the person_record_id), status from its latest note."""
    latest: dict[str, dict[str, str]] = {}
    for note in records.notes:
        pid = note.get("person_record_id", "")
        if note.get("status") and (pid not in latest or note.get("source_date", "") >= latest[pid].get("source_date", "")):
            latest[pid] = note
    reports: list[Report] = []
    problems: list[ImportProblem] = []
    for index, fields in enumerate(records.persons, start=1):
        pid = fields.get("person_record_id") or f"pfif-person-{index}"
        name = fields.get("full_name") or " ".join(
            x for x in (fields.get("given_name"), fields.get("family_name")) if x
        )
        if not name:
            problems.append(ImportProblem(pid, "full_name", "no name (full_name, given_name or family_name)"))
            continue
        birth_year = None
        dob = fields.get("date_of_birth", "")
        if dob:
            try:
                birth_year = int(dob[:4])
                if not 1900 <= birth_year <= 2030:
                    raise ValueError
            except ValueError:
                problems.append(ImportProblem(pid, "date_of_birth", f"not a date: {dob!r}"))
                birth_year = None
        sex = fields.get("sex") if fields.get("sex") in ("male", "female") else None
        country = (fields.get("home_country") or "").upper()
        home = ", ".join(
            x for x in (fields.get("home_city"), fields.get("home_state")) if x
        ) or None
        status = PFIF_TO_STATUS.get(latest.get(pid, {}).get("status", ""))
        try:
            person = Person(
                name=name,
                given_name=fields.get("given_name") or None,
                family_name=fields.get("family_name") or None,
                sex=sex,
                birth_year=birth_year,
                citizenship=country if len(country) == 2 and country.isalpha() else None,
                home=home,
                status=status,
            )
            published = (fields.get("source_date") or "")[:10] or None
            report = Report(
                doc_id=pid, lang="en", published=published, relevant=True, persons=[person],
                source={"format": f"pfif-{records.version}", "url": fields.get("source_url")},
            )
        except ValueError as exc:
            problems.append(ImportProblem(pid, "record", f"invalid: {exc.errors()[0]['msg'] if hasattr(exc, 'errors') else exc}"))
            continue
        reports.append(report)
    return reports, problems
