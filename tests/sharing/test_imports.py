"""Imports: CSV/XLSX lists with a column map and a row-by-row report; PFIF files."""

from __future__ import annotations

import io

import pytest

from soraq.sharing.imports import import_list, import_pfif

from .test_exports import PFIF_12

pytestmark = pytest.mark.django_db

LIST = (
    "Full name,Born,Country,Fate\n"
    "Invented Qorabeyli,1984,KG,missing\n"
    "Another Zuhrabov,19x0,KG,killed\n"
    "Third Personov,1990,Neverland,missing\n"
    ",1991,KG,missing\n"
    "Fourth Inventov,1979,UZ,captured\n"
)
MAP = {"name": "Full name", "birth_year": "Born", "citizenship": "Country", "status": "Fate"}


def test_csv_import_reports_each_refused_row_with_column_and_reason():
    report = import_list(LIST.encode(), "invented-list.csv", MAP)
    assert report.imported == 2
    problems = {(p.row, p.column) for p in report.problems}
    assert problems == {(3, "Born"), (4, "Country"), (5, "Full name")}
    assert all(p.reason for p in report.problems)
    again = import_list(LIST.encode(), "invented-list.csv", MAP)
    assert again.imported == 0 and again.unchanged == 2


def test_imported_rows_are_registry_persons():
    from soraq.registry.models import Person

    import_list(LIST.encode(), "invented-list.csv", MAP)
    person = Person.objects.get(mentions__name="Fourth Inventov")
    assert (person.birth_year, person.citizenship, person.status) == (1979, "UZ", "captured")


def test_xlsx_import():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Full name", "Born", "Country", "Fate"])
    sheet.append(["Xlsx Inventedov", 1986, "TJ", "missing"])
    sheet.append(["Bad Year", "nineteen", "TJ", "missing"])
    buffer = io.BytesIO()
    book.save(buffer)
    report = import_list(buffer.getvalue(), "invented.xlsx", MAP)
    assert report.imported == 1
    assert [(p.row, p.column) for p in report.problems] == [(3, "Born")]


def test_missing_column_is_reported_not_raised():
    report = import_list(LIST.encode(), "invented-list.csv", {"name": "Nom"})
    assert report.imported == 0 and report.problems[0].row is None
    assert "Nom" in report.problems[0].reason


def test_pfif_import_stores_persons_and_reports_problems():
    from soraq.registry.models import Person

    report = import_pfif(PFIF_12.encode())
    assert report.imported == 1 and report.failed == 2
    assert Person.objects.filter(mentions__name="Invented Personage", status="missing").exists()
    assert import_pfif(b"<broken").problems[0].reason.startswith("not well-formed")


def test_import_page_shows_the_report(client, users):
    client.force_login(users["caseworker"])
    upload = io.BytesIO(LIST.encode())
    upload.name = "invented-list.csv"
    response = client.post("/sharing/import/", {
        "file": upload, "column_map": "name=Full name,birth_year=Born,citizenship=Country,status=Fate",
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 imported" in html and "Country" in html and "Born" in html
