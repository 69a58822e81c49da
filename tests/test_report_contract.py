"""The report models serialise to exactly the spec's JSON."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from soraq.report import Event, Person, Report, date_precision, json_schema

ROOT = Path(__file__).resolve().parent.parent


def test_every_gold_file_round_trips_through_the_models(dev_dir: Path, spec_schema: dict) -> None:
    for path in sorted(dev_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        report = Report.model_validate(gold)
        out = json.loads(report.to_json())
        jsonschema.validate(out, spec_schema)
        assert out["persons"] == [
            {k: v for k, v in p.items() if k in out["persons"][i]} for i, p in enumerate(gold["persons"])
        ]
        for i, person in enumerate(gold["persons"]):
            for field, value in person.items():
                assert out["persons"][i].get(field) == value, (path.name, field)


def test_minimal_report_has_every_documented_field_and_no_empty_extras(spec_schema: dict) -> None:
    report = Report(doc_id="d", lang="en", relevant=True, persons=[Person(name="A B")])
    out = json.loads(report.to_json())
    jsonschema.validate(out, spec_schema)
    assert set(out) == {"doc_id", "lang", "published", "relevant", "figures", "persons"}
    person = out["persons"][0]
    assert "key" not in person and "evidence" not in person
    for field in ("given_name", "family_name", "patronymic", "sex", "birth_year", "age",
                  "citizenship", "home", "occupation", "location_abroad", "status"):
        assert person[field] is None


@pytest.mark.parametrize(
    "bad",
    [
        {"status": "dead"},
        {"citizenship": "aze"},
        {"birth_year": 1800},
        {"events": [{"type": "arrest"}]},
        {"events": [{"type": "contact", "date": "15.01.2026"}]},
        {"coercion": ["bribery"]},
        {"relatives": [{"name": "X", "relation": "cousin"}]},
    ],
)
def test_values_outside_the_vocabularies_are_refused(bad: dict) -> None:
    with pytest.raises(ValidationError):
        Person.model_validate({"name": "A", **bad})


def test_partial_dates_keep_their_precision() -> None:
    assert date_precision("2026") == "year"
    assert date_precision("2026-01") == "month"
    assert date_precision("2026-01-15") == "day"
    assert Event(type="contact", date="2026-01").date == "2026-01"
    with pytest.raises(ValueError):
        date_precision("January 2026")


def test_committed_json_schema_is_generated_from_the_models() -> None:
    committed = json.loads((ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: python -m soraq.report > schema/report.schema.json"
