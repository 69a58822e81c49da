"""Published lists: one document per row, validated per row, straight to a Report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from soraq.ingest import IngestError, SourceDocument, iter_documents, parse_column_map, row_to_report
from soraq.ingest.tables import LIST_ROW

from .makefiles import xlsx_bytes

CSV = """ФИО;Год;Гражданство;Откуда;Статус;Дата;Примечание
Примеров Иван Петрович;1990;Азербайджан;Фиктивск;погиб;15.01.2026;по данным семьи
Тестоглу Орхан;19x0;AZ;Примерово;пропал без вести;;
;;;;;;
Выдуманов Олег;1985;UZ;Условный;ранен;2026-02;
"""
MAP = "name=ФИО,birth_year=Год,citizenship=Гражданство,home=Откуда,status=Статус,date=Дата,note=Примечание"


def test_parse_column_map() -> None:
    assert parse_column_map("name=ФИО, birth_year=Год") == {"name": "ФИО", "birth_year": "Год"}
    assert parse_column_map('note="Примечание, источник",name=ФИО')["note"] == "Примечание, источник"
    for bad in ("", "name", "nmae=ФИО", "name="):
        with pytest.raises(ValueError):
            parse_column_map(bad)


def test_csv_rows_become_documents_and_a_bad_row_does_not_stop_the_list(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(CSV.encode("cp1251"))
    items = list(iter_documents([path], column_map=parse_column_map(MAP)))
    assert [type(i).__name__ for i in items] == ["SourceDocument", "IngestError", "SourceDocument"]
    first, error, last = items
    assert first.doc_id == "list-row2" and first.extra["kind"] == LIST_ROW and first.extra["row_number"] == 2
    assert first.extra["row"] == {"name": "Примеров Иван Петрович", "birth_year": 1990, "citizenship": "AZ",
                                  "home": "Фиктивск", "status": "killed", "date": "2026-01-15",
                                  "note": "по данным семьи"}
    assert "Name: Примеров Иван Петрович." in first.text and "Born: 1990." in first.text
    assert error.origin.endswith("list.csv:row 3") and "row 3" in error.reason and "birth_year '19x0'" in error.reason
    assert last.extra["row_number"] == 5 and last.extra["row"]["status"] == "wounded"
    assert json.loads(first.raw) == first.extra["row"]  # raw holds the row as mapped


def test_xlsx_with_numbers_as_cells(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(xlsx_bytes([["Soyad", "Ad", "Doğum ili", "Vəziyyət"],
                                 ["Testoğlu", "Orxan", 1991, "itkin düşüb"],
                                 ["Nümunəli", "Elvin", "not a year", "əsir"]]))
    column_map = {"family_name": "Soyad", "given_name": "Ad", "birth_year": "Doğum ili", "status": "Vəziyyət"}
    items = list(iter_documents([path], column_map=column_map))
    assert isinstance(items[0], SourceDocument) and isinstance(items[1], IngestError)
    row = items[0].extra["row"]
    assert row["name"] == "Testoğlu Orxan" and row["birth_year"] == 1991 and row["status"] == "missing"
    assert "row 3" in items[1].reason


def test_list_without_a_map_names_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    (item,) = iter_documents([path])
    assert isinstance(item, IngestError) and "--map" in item.reason and "ФИО" in item.reason


def test_headers_that_are_field_names_need_no_map(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("name,birth_year,status\nIvan Primerov,1990,captured\n", encoding="utf-8")
    (doc,) = iter_documents([path])
    assert isinstance(doc, SourceDocument) and doc.extra["row"]["status"] == "captured"


def test_a_map_naming_a_missing_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    (item,) = iter_documents([path], column_map={"name": "Name"})
    assert isinstance(item, IngestError) and "'Name'" in item.reason


def test_unrecognised_status_is_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name,status\nIvan Primerov,в госпитале у границы\n", encoding="utf-8")
    (doc,) = iter_documents([path])
    assert "status" not in doc.extra["row"] and doc.extra["row"]["status_text"] == "в госпитале у границы"


def test_row_to_report_is_a_valid_report(tmp_path: Path, spec_schema: dict) -> None:
    import jsonschema

    path = tmp_path / "list.csv"
    path.write_bytes(CSV.encode("utf-8"))
    doc = next(i for i in iter_documents([path], column_map=parse_column_map(MAP)) if isinstance(i, SourceDocument))
    report = row_to_report(doc)
    data = json.loads(report.to_json())
    jsonschema.validate(data, spec_schema)
    (person,) = report.persons
    assert report.doc_id == "list-row2" and report.relevant
    assert (person.name, person.birth_year, person.citizenship, person.status) == (
        "Примеров Иван Петрович", 1990, "AZ", "killed")
    assert [(e.type, e.date) for e in person.events] == [("death", "2026-01-15")]
    for ev in person.evidence:  # evidence offsets point at the value in the restated text
        assert doc.text[ev.start:ev.end] == str(getattr(person, ev.field))


def test_row_to_report_refuses_other_documents() -> None:
    with pytest.raises(ValueError):
        row_to_report(SourceDocument(doc_id="x", text="y"))


@pytest.mark.parametrize("date", ["31.02.2020", "2020-13", "2021-02-29", "13.2026"])
def test_a_date_that_does_not_exist_fails_its_row(tmp_path: Path, date: str) -> None:
    path = tmp_path / "dates.csv"
    path.write_text(f"ФИО;Дата\nПримеров Иван;{date}\nВыдуманов Олег;29.02.2024\n", encoding="utf-8")
    items = list(iter_documents([path], column_map=parse_column_map("name=ФИО,date=Дата")))
    assert [type(i).__name__ for i in items] == ["IngestError", "SourceDocument"]
    assert "is not a date" in items[0].reason and items[1].extra["row"]["date"] == "2024-02-29"
