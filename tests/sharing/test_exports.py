"""Exports: stable CSV/JSON, PFIF 1.4 structure and safe PFIF import, FollowTheMoney round trip."""

from __future__ import annotations

import csv
import io
from collections import Counter
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from soraq.sharing.exports import FullDataset, public_dataset, render
from soraq.sharing.exports import csv as csv_export
from soraq.sharing.exports import pfif
from soraq.sharing.records import DocumentRecord, EventRecord

from .conftest import CONSENT, record

DOMAIN = "soraq.example.org"


def _full() -> FullDataset:
    persons = [record(i, documents=("doc-a",)) for i in range(3)]
    persons.append(record(3, status="killed", events=(EventRecord("death", "2025-07", "Invented Town"),),
                          consent=CONSENT, documents=("doc-a",)))
    docs = [DocumentRecord("doc-a", "An invented article", "https://example.org/a", "Invented Outlet",
                           "2025-08-01", "en")]
    return FullDataset(persons, docs)


def _render(dataset, fmt: str) -> str:
    out = io.StringIO()
    render(dataset, fmt, out, pfif_domain=DOMAIN)
    return out.getvalue()


def test_csv_columns_are_stable_and_documented():
    rows = list(csv.reader(io.StringIO(_render(_full(), "csv"))))
    assert tuple(rows[0]) == csv_export.FULL_COLUMNS
    assert len(rows) == 5
    docs = Path(__file__).resolve().parents[2] / "docs" / "sharing.md"
    if docs.exists():
        text = docs.read_text(encoding="utf-8")
        for column in csv_export.FULL_COLUMNS + csv_export.PUBLIC_COLUMNS:
            assert f"`{column}`" in text, f"column {column} is not documented"


def test_public_csv_has_public_columns_only():
    dataset = public_dataset([record(i) for i in range(6)], "s")
    rows = list(csv.DictReader(io.StringIO(_render(dataset, "csv"))))
    assert tuple(rows[0].keys()) == csv_export.PUBLIC_COLUMNS
    assert all(row["name"] == "" for row in rows)
    assert {row["birth_band"] for row in rows} <= {"1980-1984", "1985-1989", "1980-1989", "*"}


def test_json_full_and_public():
    data = json.loads(_render(_full(), "json"))
    assert data["format"] == "soraq-persons" and data["public"] is False
    assert data["persons"][0]["relatives"] == [{"relation": "mother", "name": "Invented Mother 0"}]
    assert data["documents"][0]["url"] == "https://example.org/a"
    public = json.loads(_render(public_dataset([record(i, birth_year=1981) for i in range(6)], "s"), "json"))
    assert public["public"] is True and public["k"] == 5 and len(public["persons"]) == 6
    assert "relatives" not in public["persons"][0]


def test_pfif_export_has_the_14_structure():
    text = _render(_full(), "pfif")
    root = ET.fromstring(text)
    assert pfif.validate_14(root) == []
    persons = root.findall(f"{{{pfif.NS_14}}}person")
    assert len(persons) == 4
    first = persons[0]
    ids = first.find(f"{{{pfif.NS_14}}}person_record_id").text
    assert ids == f"{DOMAIN}/person.0"
    statuses = [n.text for n in root.iter(f"{{{pfif.NS_14}}}status")]
    assert statuses == ["believed_missing"] * 3 + ["believed_dead"]


def test_pfif_validator_catches_wrong_order_and_missing_fields():
    root = ET.fromstring(_render(_full(), "pfif"))
    person = root.find(f"{{{pfif.NS_14}}}person")
    name = person.find(f"{{{pfif.NS_14}}}full_name")
    person.remove(name)
    assert any("full_name missing" in p for p in pfif.validate_14(root))
    person.insert(0, name)  # now before person_record_id
    assert any("out of order" in p for p in pfif.validate_14(root))


def test_pfif_status_mapping():
    assert pfif.status_to_pfif("missing") == "believed_missing"
    assert pfif.status_to_pfif("killed") == "believed_dead"
    assert pfif.status_to_pfif("returned") == "believed_alive"
    for other in ("detained", "in_unit", "at_front", "captured", "wounded", "unknown", None):
        assert pfif.status_to_pfif(other) == "information_sought"


def test_public_pfif_holds_only_consented_people():
    records = [record(i, birth_year=1981) for i in range(5)] + [record(5, birth_year=1981, consent=CONSENT)]
    root = ET.fromstring(_render(public_dataset(records, "s"), "pfif"))
    assert pfif.validate_14(root) == []
    names = [n.text for n in root.iter(f"{{{pfif.NS_14}}}full_name")]
    assert names == ["Invented Person 5"]


def test_pfif_round_trip_to_reports():
    records = pfif.parse(_render(_full(), "pfif"))
    assert records.version == "1.4" and len(records.persons) == 4
    reports, problems = pfif.to_reports(records)
    assert problems == []
    assert [r.persons[0].status for r in reports] == ["missing"] * 3 + ["killed"]
    assert reports[0].persons[0].birth_year == 1980


PFIF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.2">
  <pfif:person>
    <pfif:person_record_id>finder.example.org/p1</pfif:person_record_id>
    <pfif:source_date>2025-05-01T00:00:00Z</pfif:source_date>
    <pfif:first_name>Invented</pfif:first_name>
    <pfif:last_name>Personage</pfif:last_name>
    <pfif:date_of_birth>19x5</pfif:date_of_birth>
    <pfif:home_country>uz</pfif:home_country>
    <pfif:note>
      <pfif:note_record_id>finder.example.org/n1</pfif:note_record_id>
      <pfif:author_name>Volunteer</pfif:author_name>
      <pfif:source_date>2025-05-02T00:00:00Z</pfif:source_date>
      <pfif:status>believed_missing</pfif:status>
      <pfif:text>no news</pfif:text>
    </pfif:note>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>finder.example.org/p2</pfif:person_record_id>
  </pfif:person>
</pfif:pfif>
"""


@pytest.mark.parametrize("version", ["1.2", "1.3"])
def test_pfif_12_and_13_import_with_problems_reported(version):
    reports, problems = pfif.to_reports(pfif.parse(PFIF_12.replace("pfif/1.2", f"pfif/{version}")))
    assert len(reports) == 1
    person = reports[0].persons[0]
    assert (person.name, person.given_name, person.citizenship, person.status) == (
        "Invented Personage", "Invented", "UZ", "missing")
    reasons = {(p.record, p.field) for p in problems}
    assert ("finder.example.org/p1", "date_of_birth") in reasons
    assert ("finder.example.org/p2", "full_name") in reasons


@pytest.mark.parametrize("payload", [
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">&a;</pfif:pfif>',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    "<not-xml",
    '<pfif xmlns="http://example.org/other"/>',
])
def test_pfif_import_refuses_unsafe_or_foreign_xml(payload):
    with pytest.raises(pfif.PfifError):
        pfif.parse(payload)


def test_ftm_entities_round_trip_through_followthemoney():
    from followthemoney import model

    lines = _render(_full(), "ftm").splitlines()
    entities = [model.get_proxy(json.loads(line)) for line in lines]
    schemata = Counter(e.schema.name for e in entities)
    assert schemata["Article"] == 1 and schemata["Documentation"] == 4 and schemata["Family"] == 4
    assert schemata["Person"] == 8  # 4 subjects and 4 relatives
    for entity in entities:
        again = model.get_proxy(entity.to_dict())
        assert again.to_dict() == entity.to_dict()
    person = next(e for e in entities if e.schema.name == "Person" and "Invented Person 0" in e.get("name"))
    assert person.get("birthDate") == ["1980"] and person.get("nationality") == ["kg"]


def test_ftm_public_has_no_documents_or_relatives():
    records = [record(i, birth_year=1981) for i in range(5)] + [record(5, birth_year=1981, consent=CONSENT)]
    lines = _render(public_dataset(records, "s"), "ftm").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["schema"] == "Person"


def test_ftm_cli_validates_the_export(tmp_path):
    ftm = shutil.which("ftm") or str(Path(sys.executable).parent / "ftm")
    if not Path(ftm).exists():
        pytest.skip("the ftm command is not installed")
    source = tmp_path / "out.ftm.jsonl"
    source.write_text(_render(_full(), "ftm"), encoding="utf-8")
    done = subprocess.run([ftm, "validate", "-i", str(source)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == len(source.read_text().splitlines())

