"""Imports through the API: /api/imports/list (CSV/XLSX + column map) and /api/imports/pfif.

Every name, place and record id here is invented.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

pytestmark = pytest.mark.django_db

LIST = (
    "Full name,Born,Country,Fate\n"
    "Zafirel Qorvandli,1984,KG,missing\n"
    "Ostrun Belvarov,19x0,KG,killed\n"
    "Tirmak Ulvandov,1990,Nowhereland,missing\n"
    ",1991,KG,missing\n"
    "Pelgar Xosmurov,1979,UZ,captured\n"
)
MAP = "name=Full name,birth_year=Born,citizenship=Country,status=Fate"
SHORT_MAP = "name=Full name,birth_year=Born"

PFIF_14 = """<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>finder.example.org/person.71</pfif:person_record_id>
    <pfif:entry_date>2025-07-01T00:00:00Z</pfif:entry_date>
    <pfif:source_date>2025-07-01T00:00:00Z</pfif:source_date>
    <pfif:full_name>Durvesh Kalmanov</pfif:full_name>
    <pfif:date_of_birth>1987-03-02</pfif:date_of_birth>
    <pfif:home_country>TJ</pfif:home_country>
    <pfif:note>
      <pfif:note_record_id>finder.example.org/note.71</pfif:note_record_id>
      <pfif:entry_date>2025-07-02T00:00:00Z</pfif:entry_date>
      <pfif:author_name>Volunteer</pfif:author_name>
      <pfif:source_date>2025-07-02T00:00:00Z</pfif:source_date>
      <pfif:status>believed_dead</pfif:status>
    </pfif:note>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>finder.example.org/person.72</pfif:person_record_id>
    <pfif:entry_date>2025-07-01T00:00:00Z</pfif:entry_date>
    <pfif:source_date>2025-07-01T00:00:00Z</pfif:source_date>
    <pfif:full_name>Yaromil Pashtudov</pfif:full_name>
    <pfif:date_of_birth>not known</pfif:date_of_birth>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>finder.example.org/person.73</pfif:person_record_id>
    <pfif:entry_date>2025-07-01T00:00:00Z</pfif:entry_date>
    <pfif:source_date>2025-07-01T00:00:00Z</pfif:source_date>
  </pfif:person>
</pfif:pfif>
"""


def _auth(tokens, role: str) -> dict:
    token = tokens[role]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}


def _file(data: bytes | str, name: str) -> io.BytesIO:
    upload = io.BytesIO(data.encode("utf-8") if isinstance(data, str) else data)
    upload.name = name
    return upload


def post_list(client, tokens, data, name="invented-list.csv", column_map: str | None = MAP, role="caseworker"):
    body = {"file": _file(data, name)}
    if column_map is not None:
        body["column_map"] = column_map
    return client.post("/api/imports/list", body, **_auth(tokens, role))


def post_pfif(client, tokens, data, name="persons.xml", role="caseworker"):
    return client.post("/api/imports/pfif", {"file": _file(data, name)}, **_auth(tokens, role))


def answered(response) -> dict:
    """The per-row report of an accepted import."""
    assert response.status_code == 200, response.content
    return response.json()


def counts(body: dict) -> tuple:
    return body["kind"], body["stored"], body["duplicate"], body["failed"]


def _xlsx(*rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- success and idempotency ---------------------------------------------------------------------


def test_list_rows_are_stored_and_each_failure_has_row_column_and_reason(client, tokens):
    from soraq.registry.models import Person

    body = answered(post_list(client, tokens, LIST))
    assert counts(body) == ("list", 2, 0, 3)
    by_row = {r["row"]: r for r in body["rows"]}
    assert [by_row[n]["outcome"] for n in (2, 3, 4, 5, 6)] == ["stored", "failed", "failed", "failed", "stored"]
    assert {(n, by_row[n]["column"]) for n in (3, 4, 5)} == {(3, "Born"), (4, "Country"), (5, "Full name")}
    assert "19x0" in by_row[3]["reason"] and "Nowhereland" in by_row[4]["reason"]
    assert "no name" in by_row[5]["reason"]
    assert by_row[2]["doc_id"] == "invented-list-row2"
    person = Person.objects.get(mentions__name="Pelgar Xosmurov")
    assert (person.birth_year, person.citizenship, person.status) == (1979, "UZ", "captured")


def test_reuploading_the_same_list_changes_nothing(client, tokens):
    from soraq.registry.models import Document, Mention, Person

    post_list(client, tokens, LIST)
    counts = (Document.objects.count(), Mention.objects.count(), Person.objects.count())
    again = post_list(client, tokens, LIST).json()
    assert (again["stored"], again["duplicate"], again["failed"]) == (0, 2, 3)
    assert {r["outcome"] for r in again["rows"] if r["row"] in (2, 6)} == {"duplicate"}
    assert (Document.objects.count(), Mention.objects.count(), Person.objects.count()) == counts


def test_a_list_taken_in_by_soraq_ingest_is_a_duplicate_through_the_api(client, tokens, tmp_path):
    """The API stores a row exactly as ``soraq ingest --map`` does: same document, same identity."""
    from soraq.ingest import iter_documents, parse_column_map
    from soraq.registry.services.ingest import ingest

    path = tmp_path / "invented-list.csv"
    path.write_text(LIST, encoding="utf-8")
    summary = ingest(iter_documents([str(path)], column_map=parse_column_map(MAP)))
    assert summary.new == 2
    body = post_list(client, tokens, LIST).json()
    assert (body["stored"], body["duplicate"]) == (0, 2)


def test_xlsx_list_and_a_json_column_map(client, tokens):
    data = _xlsx(["ФИО", "Год"], ["Qalandar Vosmirov", 1986], ["Ferush Tolganov", "nineteen"])
    column_map = json.dumps({"name": "ФИО", "birth_year": "Год"}, ensure_ascii=False)
    body = post_list(client, tokens, data, name="invented.xlsx", column_map=column_map).json()
    assert (body["stored"], body["failed"]) == (1, 1)
    assert [(r["row"], r["column"]) for r in body["rows"] if r["outcome"] == "failed"] == [(3, "Год")]


def test_list_without_map_uses_headers_that_are_field_names(client, tokens):
    body = post_list(client, tokens, "name,birth_year\nVelmor Zandiyev,1992\nHalvik Surmanov,in 1990s\n",
                     column_map=None).json()
    assert body["stored"] == 1
    assert [(r["row"], r["column"]) for r in body["rows"] if r["outcome"] == "failed"] == [(3, "birth_year")]


def test_legacy_encoded_list_is_read(client, tokens):
    from soraq.registry.models import Mention

    text = "ФИО;Год\nГалибек Турсунзаров;1989\n"
    body = post_list(client, tokens, text.encode("cp1251"), column_map="name=ФИО,birth_year=Год").json()
    assert body["stored"] == 1
    assert Mention.objects.filter(name="Галибек Турсунзаров", birth_year=1989).exists()


def test_pfif_persons_are_stored_with_notes_and_reupload_is_duplicate(client, tokens):
    from soraq.registry.models import Person

    body = answered(post_pfif(client, tokens, PFIF_14))
    assert counts(body) == ("pfif", 2, 0, 1)
    rows = {r["record"]: r for r in body["rows"]}
    assert rows["finder.example.org/person.71"]["row"] == 1
    assert rows["finder.example.org/person.72"]["outcome"] == "stored"
    assert rows["finder.example.org/person.72"]["column"] == "date_of_birth"  # left out, and said
    assert rows["finder.example.org/person.73"] == {
        "row": 3, "outcome": "failed", "doc_id": None, "record": "finder.example.org/person.73",
        "column": "full_name", "reason": rows["finder.example.org/person.73"]["reason"]}
    person = Person.objects.get(mentions__name="Durvesh Kalmanov")
    assert (person.status, person.birth_year, person.citizenship) == ("killed", 1987, "TJ")
    again = post_pfif(client, tokens, PFIF_14).json()
    assert (again["stored"], again["duplicate"]) == (0, 2)


# --- file-level refusals ---------------------------------------------------------------------------


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:full_name>&lol2;</pfif:full_name>
</pfif:person></pfif:pfif>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person><pfif:full_name>&e;</pfif:full_name>
</pfif:person></pfif:pfif>"""


@pytest.mark.parametrize(("data", "name", "column_map", "status", "code"), [
    (LIST, "invented.pdf", MAP, 415, "unsupported_type"),
    (PFIF_14, "persons.xml", None, 415, "unsupported_type"),
    (bytes(range(256)) * 40, "invented.csv", MAP, 400, "encoding"),
    (b"PK\x03\x04 this is no spreadsheet", "invented.xlsx", MAP, 400, "malformed"),
    ("name,birth_year\nNulio\x00 Varkesh,1990\n", "invented.csv", None, 400, "encoding"),
    ("", "invented.csv", MAP, 400, "empty"),
    ("Full name,Born\n", "invented.csv", SHORT_MAP, 400, "empty"),
    (LIST, "invented.csv", "name=Full name,nickname=Alias", 422, "bad_column_map"),
    (LIST, "invented.csv", "name", 422, "bad_column_map"),
    (LIST, "invented.csv", '{"name": ', 422, "bad_column_map"),
    (LIST, "invented.csv", '{"name": 7}', 422, "bad_column_map"),
    (LIST, "invented.csv", "name=Nom,birth_year=Born", 422, "unknown_column"),
    ("Nom,Année\nX,1990\n", "invented.csv", None, 422, "unknown_column"),
])
def test_unreadable_lists_are_refused_with_a_code(client, tokens, data, name, column_map, status, code):
    from soraq.registry.models import Document

    response = post_list(client, tokens, data, name=name, column_map=column_map)
    assert response.status_code == status, response.content
    assert response.json()["code"] == code and response.json()["detail"]
    assert not Document.objects.exists()


@pytest.mark.parametrize(("data", "status", "code"), [
    (BILLION_LAUGHS, 400, "unsafe_xml"),
    (EXTERNAL_ENTITY, 400, "unsafe_xml"),
    ("<pfif:pfif xmlns:pfif='http://zesty.ca/pfif/1.4'><pfif:person>", 400, "malformed"),
    ('<feed xmlns="http://www.w3.org/2005/Atom"/>', 400, "not_pfif"),
    ('<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"/>', 400, "empty"),
    (PFIF_14.replace("Durvesh", "Dürvesh").encode("latin-1"), 400, "encoding"),
    (PFIF_14.replace('encoding="UTF-8"', 'encoding="no-such-codec"'), 400, "encoding"),
])
def test_unreadable_or_hostile_pfif_is_refused_with_a_code(client, tokens, data, status, code):
    from soraq.registry.models import Document

    response = post_pfif(client, tokens, data)
    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    assert not Document.objects.exists()


def test_a_csv_the_reader_rejects_is_malformed(client, tokens):
    import csv

    previous = csv.field_size_limit(131072)  # the standard library's default (other libraries raise it)
    try:
        response = post_list(client, tokens, 'Full name,Born\n"Zafirel Qorvandli,1984\n' + "x" * 200_000,
                             column_map=SHORT_MAP)
    finally:
        csv.field_size_limit(previous)
    assert (response.status_code, response.json()["code"]) == (400, "malformed")


def test_size_and_row_limits(client, tokens, settings):
    settings.SORAQ_IMPORT_MAX_BYTES = 100
    response = post_list(client, tokens, LIST)
    assert (response.status_code, response.json()["code"]) == (413, "too_large")
    assert (post_pfif(client, tokens, PFIF_14).status_code, post_pfif(client, tokens, PFIF_14).json()["code"]) == (
        413, "too_large")
    settings.SORAQ_IMPORT_MAX_BYTES = 10_000_000
    settings.SORAQ_IMPORT_MAX_ROWS = 3
    response = post_list(client, tokens, LIST)
    assert (response.status_code, response.json()["code"]) == (413, "too_many_rows")
    settings.SORAQ_IMPORT_MAX_ROWS = 2
    assert post_pfif(client, tokens, PFIF_14).json()["code"] == "too_many_rows"


def test_a_spreadsheet_that_unpacks_to_too_much_is_refused(client, tokens, monkeypatch):
    from soraq.sharing import imports

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 2_000_000)
    monkeypatch.setattr(imports, "MAX_XLSX_UNPACKED", 1_000_000)
    response = post_list(client, tokens, buffer.getvalue(), name="invented.xlsx")
    assert (response.status_code, response.json()["code"]) == (413, "too_large")


def test_a_request_without_a_file_is_422(client, tokens):
    response = client.post("/api/imports/list", {"column_map": MAP}, **_auth(tokens, "caseworker"))
    assert response.status_code == 422


# --- roles and audit --------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "status"), [
    ("anonymous", 401), ("family", 403), ("viewer", 403), ("reviewer", 403), ("caseworker", 200), ("admin", 200),
])
def test_imports_follow_the_permission_matrix(client, tokens, role, status):
    from soraq.registry.models import Document
    from soraq.sharing import permissions

    assert (status == 200) == permissions.matrix()[role]["persons.import"]
    assert post_list(client, tokens, LIST, role=role).status_code == status
    assert post_pfif(client, tokens, PFIF_14, role=role).status_code == status
    assert Document.objects.exists() == (status == 200)


def test_refusal_for_a_role_comes_before_any_reading_of_the_file(client, tokens):
    response = post_list(client, tokens, b"\xff\xfe junk", name="x.pdf", role="viewer")
    assert response.status_code == 403


def test_every_import_is_audited_with_counts_only(client, tokens):
    from soraq.casework.models import AuditEntry

    post_list(client, tokens, LIST)
    post_pfif(client, tokens, "<broken")
    entries = list(AuditEntry.objects.filter(action="sharing.import").order_by("seq"))
    assert [e.details["channel"] for e in entries] == ["api", "api"]
    assert entries[0].details | {} == {"kind": "list", "imported": 2, "unchanged": 0, "refused": 3,
                                       "channel": "api"}
    assert entries[1].details["file_refused"] == "malformed"
    assert entries[0].actor == entries[1].actor != ""
    assert "Qorvandli" not in json.dumps([e.details for e in entries])


# --- the OpenAPI document ---------------------------------------------------------------------------


def test_import_operations_are_documented(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/imports/list", "/api/imports/pfif"):
        operation = spec["paths"][path]["post"]
        assert operation["summary"] and "curl" in operation["description"]
        assert {"200", "400", "401", "403", "413", "422"} <= set(operation["responses"])
        body = operation["requestBody"]["content"]["multipart/form-data"]
        assert "file" in body["schema"]["properties"] and body["examples"]
    assert spec["components"]["schemas"]["ImportOut"]["examples"]
    from openapi_spec_validator import validate

    validate(spec)


# --- one ingest path ------------------------------------------------------------------------------


def test_a_report_without_text_is_stored_once_through_the_registry_path():
    from soraq.registry.services.ingest import NEW, UNCHANGED, ingest_report
    from soraq.report import Person, Report

    report = Report(doc_id="partner-9", lang="en", relevant=True,
                    persons=[Person(name="Armenak Tulvarov", birth_year=1988)])
    first = ingest_report(report, origin="partner")
    assert (first.outcome, first.mentions, len(first.persons)) == (NEW, 1, 1)
    assert ingest_report(report, origin="partner").outcome == UNCHANGED


def test_keep_unlinked_keeps_a_claim_when_linking_fails(monkeypatch):
    from soraq.registry.models import Document, Mention
    from soraq.registry.services import linking
    from soraq.registry.services.ingest import FAILED, NEW, ingest_report
    from soraq.report import Person, Report

    def broken(*_args, **_kwargs):
        raise RuntimeError("matcher down")

    monkeypatch.setattr(linking, "link_new_mention", broken)
    report = Report(doc_id="claim-1", lang="en", relevant=True, text="A claim about Sorbek Venalov.",
                    persons=[Person(name="Sorbek Venalov")])
    assert ingest_report(report).outcome == FAILED and not Document.objects.exists()
    kept = ingest_report(report, keep_unlinked=True)
    assert (kept.outcome, kept.persons) == (NEW, [])
    assert Mention.objects.get().person_id is None


def test_the_page_and_the_api_share_one_entry_point_for_uploads():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from soraq.sharing.imports import import_upload

    assert import_upload(None).refused.code == "no_file"
    as_list = import_upload(SimpleUploadedFile("persons.xml", PFIF_14.encode()), kind="list")
    assert as_list.refused.code == "unsupported_type"
    by_name = import_upload(SimpleUploadedFile("persons.xml", PFIF_14.encode()))
    assert (by_name.kind, by_name.imported) == ("pfif", 2)
