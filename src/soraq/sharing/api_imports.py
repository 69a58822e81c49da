"""REST endpoints that bring lists of persons into the registry (CSV/XLSX with a column map, PFIF).

Mounted on the main API under ``/api/imports`` (see the end of ``soraq.sharing.api``).
They do what the import page does, by the same code (:mod:`soraq.sharing.imports`):
the same column map, the same per-row outcome (stored, duplicate, failed with the
row number, column and reason), the same role (``persons.import``) and the same
audit entry (with channel ``api``). A file that cannot be read at all is a 4xx with
a machine-readable ``code``; a file that was read is a 200 with the per-row report,
even when some rows failed.
"""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema, UploadedFile
from ninja import Status as Reply

router = Router(tags=["imports"])

RefusalCode = Literal["no_file", "too_large", "too_many_rows", "unsupported_type", "encoding", "malformed",
                      "unsafe_xml", "not_pfif", "empty", "bad_column_map", "unknown_column"]


class ImportRowOut(Schema):
    row: int | None = Field(description="the row as a spreadsheet numbers it (header = 1); "
                                        "for PFIF the person's position in the file (1 = first)")
    outcome: Literal["stored", "duplicate", "failed"] = Field(
        description="stored: new in the registry; duplicate: already there (nothing changed); "
                    "failed: not imported, see reason")
    doc_id: str | None = Field(description="the registry document holding this row")
    record: str | None = Field(description="PFIF person_record_id")
    column: str | None = Field(description="the column (or PFIF field) at fault")
    reason: str | None = Field(description="why the row failed, or what was left out of a stored record")


class ImportOut(Schema):
    kind: Literal["list", "pfif"]
    stored: int
    duplicate: int
    failed: int
    rows: list[ImportRowOut]

    model_config = {"json_schema_extra": {"examples": [{
        "kind": "list", "stored": 1, "duplicate": 1, "failed": 1,
        "rows": [
            {"row": 2, "outcome": "stored", "doc_id": "missing-list-row2", "record": None,
             "column": None, "reason": None},
            {"row": 3, "outcome": "failed", "doc_id": None, "record": None, "column": "Born",
             "reason": "birth_year '19x0' is not a year between 1900 and 2030"},
            {"row": 4, "outcome": "duplicate", "doc_id": "missing-list-row4", "record": None,
             "column": None, "reason": None},
        ],
    }]}}


class ImportRefusalOut(Schema):
    detail: Any = Field(description="what is wrong, in words")
    code: RefusalCode | None = Field(None, description="what is wrong, for programs")

    model_config = {"json_schema_extra": {"examples": [
        {"detail": "column(s) 'Born' not in the list (its columns: Full name, Year)", "code": "unknown_column"},
    ]}}


ERRORS: dict[int, type[Schema]] = {code: ImportRefusalOut for code in (400, 401, 403, 413, 415, 422)}


def _answer(request: HttpRequest, upload: UploadedFile, kind: str, column_map: str | None = None) -> Any:
    """Role check, the import itself (size checked before reading), the audit entry, a refusal as a 4xx."""
    from soraq.sharing.api import caller, require
    from soraq.sharing.imports import REFUSAL_STATUS, audit_import, import_upload

    require(request, "persons.import")
    report = import_upload(upload, column_map, kind=kind)
    audit_import(caller(request), report, "api")
    if report.refused is not None:
        return Reply(REFUSAL_STATUS[report.refused.code], {"detail": report.refused.reason,
                                                            "code": report.refused.code})
    return Reply(200, report.as_dict())


@router.post(
    "/list", response={200: ImportOut, **ERRORS}, summary="Import a CSV or XLSX list of persons",
    openapi_extra={"requestBody": {"content": {"multipart/form-data": {"examples": {"list": {
        "summary": "a CSV with its own headers",
        "value": {"file": "(missing-list.csv)", "column_map": "name=Full name,birth_year=Born,status=Fate"},
    }}}}}},
)
def import_list_file(
    request: HttpRequest,
    file: File[UploadedFile],
    column_map: str | None = Form(
        None, max_length=4000,
        description="which column holds which field, as on the import page and in `soraq ingest --map`: "
                    "`name=Full name,birth_year=Born` (a header with a comma in quotes), or a JSON object "
                    '`{"name": "Full name"}`; empty: headers that are field names (name, birth_year, ...)'),
):
    """Each row becomes a list-row report (the mapped columns, no NLP) stored and linked in the registry.

    Re-uploading the same file (same name and rows) changes nothing: its rows come back as `duplicate`.
    Rows with a bad value fail alone, with their row number, column and reason. A file that
    cannot be read at all is refused with a `code`: `too_large` / `too_many_rows` (413),
    `unsupported_type` (415), `encoding`, `malformed`, `empty` (400), `bad_column_map`,
    `unknown_column` (422). Role: `persons.import`.

        curl -H "Authorization: Bearer $TOKEN" -F file=@missing-list.csv \\
             -F column_map="name=Full name,birth_year=Born" https://soraq.example/api/imports/list
    """
    return _answer(request, file, "list", column_map)


@router.post(
    "/pfif", response={200: ImportOut, **ERRORS}, summary="Import a PFIF 1.2-1.4 XML file",
    openapi_extra={"requestBody": {"content": {"multipart/form-data": {"examples": {"pfif": {
        "summary": "a PFIF 1.4 file of persons with notes", "value": {"file": "(persons.xml)"},
    }}}}}},
)
def import_pfif_file(request: HttpRequest, file: File[UploadedFile]):
    """Each PFIF person becomes a report (its status from the latest note) stored and linked in the registry.

    Parsed with defusedxml: DTDs, entities and external references are refused (`unsafe_xml`).
    Re-uploading the same file changes nothing (`duplicate`). A person without a name fails
    alone; a bad date of birth is left out and said in `reason`. Refusals: `too_large` /
    `too_many_rows` (413), `encoding`, `malformed`, `not_pfif`, `unsafe_xml`, `empty` (400).
    Role: `persons.import`.

        curl -H "Authorization: Bearer $TOKEN" -F file=@persons.xml https://soraq.example/api/imports/pfif
    """
    return _answer(request, file, "pfif")
