"""Importing lists of persons (CSV, XLSX) and PFIF files into the registry.

One set of rules for every channel (the import page, the API): the file is
checked as a whole first (size, type, encoding, safe XML, the column map) and
refused with a machine-readable :class:`Refusal` code when it cannot be read at
all; then each row or PFIF person is stored on its own, through the registry's
one ingest path (:mod:`soraq.registry.services.ingest`), and gets an outcome:
``stored``, ``duplicate`` (already in the registry: re-uploading a file changes
nothing) or ``failed`` with the reason and, for lists, the column.

Lists are read by :mod:`soraq.ingest.tables` (the reader ``soraq ingest`` uses)
and each row is stored exactly as ``soraq ingest --map`` stores it: a list-row
document whose report is built from the mapped columns (no NLP). PFIF files are
parsed with defusedxml (:mod:`soraq.sharing.exports.pfif`); each PFIF person
becomes a report stored without text, recognised again by its content.

Nothing here logs row contents; the audit entry holds counts only.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from soraq.ingest.errors import ReadError

STORED, DUPLICATE, FAILED = "stored", "duplicate", "failed"

#: default limits (settings ``SORAQ_IMPORT_MAX_BYTES``, ``SORAQ_IMPORT_MAX_ROWS``)
MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
#: an XLSX is a zip: what it may unpack to, so that a small "zip bomb" cannot fill memory
MAX_XLSX_UNPACKED = 100 * 1024 * 1024
LIST_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
XLSX_SUFFIXES = (".xlsx", ".xlsm")

#: refusal code -> HTTP status the API answers with
REFUSAL_STATUS: dict[str, int] = {
    "no_file": 400,
    "too_large": 413,
    "too_many_rows": 413,
    "unsupported_type": 415,
    "encoding": 400,
    "malformed": 400,
    "unsafe_xml": 400,
    "not_pfif": 400,
    "empty": 400,
    "bad_column_map": 422,
    "unknown_column": 422,
}


def max_bytes() -> int:
    return int(getattr(settings, "SORAQ_IMPORT_MAX_BYTES", MAX_BYTES))


def max_rows() -> int:
    return int(getattr(settings, "SORAQ_IMPORT_MAX_ROWS", MAX_ROWS))


@dataclass(frozen=True)
class Problem:
    """One thing that could not be imported (or was left out of a stored record)."""

    row: int | None
    column: str | None
    reason: str


@dataclass(frozen=True)
class RowResult:
    """What happened to one row of a list (``row`` as a spreadsheet numbers it) or one PFIF person."""

    row: int | None
    outcome: str  # stored | duplicate | failed
    doc_id: str | None = None
    record: str | None = None  # the PFIF person_record_id
    column: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Refusal:
    """Why a whole file was refused, as a code (see :data:`REFUSAL_STATUS`) and a sentence."""

    code: str
    reason: str


class Refused(Exception):
    """Raised inside this module when the file as a whole cannot be imported."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.refusal = Refusal(code, reason)


@dataclass
class ImportReport:
    """The outcome of one import: counts, one result per row, every problem, or the file's refusal."""

    kind: str = "list"
    imported: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    refused: Refusal | None = None

    @property
    def failed(self) -> int:
        return len(self.problems)

    @property
    def failed_rows(self) -> int:
        return sum(r.outcome == FAILED for r in self.rows)

    def refuse(self, refusal: Refusal) -> ImportReport:
        self.refused = refusal
        self.problems.append(Problem(None, None, refusal.reason))
        return self

    def add(self, result: RowResult, notes: Sequence[Problem] = ()) -> None:
        self.rows.append(result)
        if result.outcome == STORED:
            self.imported += 1
        elif result.outcome == DUPLICATE:
            self.unchanged += 1
        else:
            self.problems.append(Problem(result.row, result.column, result.reason or "not imported"))
        self.problems.extend(notes)

    def as_dict(self) -> dict[str, Any]:
        """The per-row report as the API answers it."""
        return {
            "kind": self.kind,
            "stored": self.imported,
            "duplicate": self.unchanged,
            "failed": self.failed_rows,
            "rows": [asdict(r) for r in self.rows],
        }


# --- the column map -----------------------------------------------------------------------------


def column_map_from(text: str | None) -> dict[str, str] | None:
    """A column map as the import page, the API and ``soraq ingest --map`` take it.

    ``name=Full name,birth_year=Born`` (a header with a comma quoted:
    ``note="Remarks, source"``), or the same as a JSON object
    ``{"name": "Full name", "birth_year": "Born"}``; empty means "headers that
    are field names". :class:`Refused` (``bad_column_map``) says what is wrong.
    """
    from soraq.ingest.tables import FIELDS, parse_column_map

    if text is None or not text.strip():
        return None
    if text.lstrip().startswith("{"):
        try:
            given = json.loads(text)
        except json.JSONDecodeError as exc:
            raise Refused("bad_column_map", f"column map is not valid JSON: {exc.msg}") from None
        if not isinstance(given, dict) or not given:
            raise Refused("bad_column_map", "column map must be a non-empty JSON object of FIELD: HEADER")
        for key, header in given.items():
            if key not in FIELDS:
                raise Refused("bad_column_map",
                              f"unknown field {key!r} in column map (known: {', '.join(FIELDS)})")
            if not isinstance(header, str) or not header.strip():
                raise Refused("bad_column_map", f"column map field {key!r} needs a column header (text)")
        return {key: header.strip() for key, header in given.items()}
    try:
        return parse_column_map(text)
    except ValueError as exc:
        raise Refused("bad_column_map", str(exc)) from None


# --- lists --------------------------------------------------------------------------------------


def _list_name(name: str) -> str:
    """The upload's file name, without folders or control characters, as the list's name."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip()
    return base[:120] or "list.csv"


def _check_size(raw: bytes) -> None:
    if len(raw) > max_bytes():
        raise Refused("too_large", f"the file is {len(raw):,} bytes; at most {max_bytes():,} may be imported "
                                   "at once (split it)")


def _readable_list(raw: bytes, name: str) -> tuple[bytes, bool]:
    """The list's bytes ready for the reader (CSV re-encoded as UTF-8), and whether it is XLSX."""
    from soraq.ingest.encoding import EncodingError, decode_text

    suffix = Path(name).suffix.lower()
    is_zip = raw.startswith(b"PK\x03\x04")
    if suffix not in LIST_SUFFIXES and not (suffix == "" and raw):
        raise Refused("unsupported_type",
                      f"a list must be CSV or XLSX ({', '.join(LIST_SUFFIXES)}), not {suffix or 'an empty file'}")
    if not raw.strip():
        raise Refused("empty", "the file is empty")
    if suffix in XLSX_SUFFIXES or is_zip:
        _check_xlsx(raw)
        return raw, True
    try:
        text = decode_text(raw)
    except EncodingError as exc:
        raise Refused("encoding", f"the list is not readable text: {exc} (save it as UTF-8 CSV)") from None
    return text.encode("utf-8"), False


def _check_xlsx(raw: bytes) -> None:
    """Refuse what is no zip, or a zip that unpacks to far more than any real list."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Refused("malformed", "not a readable .xlsx file (damaged or not a spreadsheet)") from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise Refused("too_large", f"the spreadsheet unpacks to {unpacked:,} bytes; at most "
                                   f"{MAX_XLSX_UNPACKED:,} are read")


def _headers_and_rows(raw: bytes, is_xlsx: bool) -> tuple[list[str], Any]:
    from soraq.ingest.tables import _csv_rows, _xlsx_rows

    try:
        return (_xlsx_rows if is_xlsx else _csv_rows)(raw)
    except ReadError as exc:
        raise Refused("malformed", str(exc)) from None
    except (csv.Error, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise Refused("malformed", f"the list cannot be read ({type(exc).__name__})") from None


def _check_columns(headers: list[str], column_map: Mapping[str, str] | None) -> None:
    from soraq.ingest.tables import FIELDS

    present = [h for h in headers if h]
    if not present:
        raise Refused("empty", "the list has no header row")
    if column_map is None:
        if not any(h.strip().lower() in FIELDS for h in present):
            raise Refused("unknown_column", "this list needs a column map, e.g. name=Full name,birth_year=Born "
                                            f"(its columns: {', '.join(present)})")
        return
    missing = [h for h in column_map.values() if h not in present]
    if missing:
        raise Refused("unknown_column", f"column(s) {', '.join(map(repr, missing))} not in the list "
                                        f"(its columns: {', '.join(present)})")


def _bad_column(raw_row: Mapping[str, Any], column_map: Mapping[str, str]) -> str | None:
    """The header of the first mapped column whose value the reader refuses, tried one field at a time."""
    from soraq.ingest.tables import normalise_row

    placeholder = "\0name"  # stands in for the name so that only the probed field can fail
    for field_name, header in column_map.items():
        probe = {field_name: header} if field_name == "name" else {field_name: header, "name": placeholder}
        try:
            normalise_row({header: raw_row.get(header), placeholder: "x"}, probe)
        except ReadError:
            return header
    return None


def _list_rows(raw: bytes, name: str, is_xlsx: bool, column_map: Mapping[str, str] | None,
               ) -> tuple[dict[str, str], list[tuple[int, Any, str]]]:
    """The map in force and every data row, read and validated before anything is stored."""
    from soraq.ingest.tables import _default_map, iter_list_rows

    headers, _ = _headers_and_rows(raw, is_xlsx)
    _check_columns(headers, column_map)
    rows = []
    try:
        for item in iter_list_rows(raw, name, column_map):
            rows.append(item)
            if len(rows) > max_rows():
                raise Refused("too_many_rows", f"the list has more than {max_rows():,} rows; split it")
    except ReadError as exc:
        raise Refused("malformed", str(exc)) from None
    except csv.Error as exc:
        raise Refused("malformed", f"the CSV cannot be read: {exc}") from None
    if not rows:
        raise Refused("empty", "the list has no data rows")
    return dict(column_map) if column_map else _default_map(headers), rows


def _row_document(fields: dict[str, Any], text: str, number: int, name: str):
    """The list-row document ``soraq ingest --map`` makes of the same row (same id, text and hash)."""
    from soraq.ingest import LIST_ROW, SourceDocument

    return SourceDocument(
        doc_id=f"{Path(name).stem or 'list'}-row{number}", text=text, published=fields.get("published"),
        lang=fields.get("lang"), media_type="text/csv",
        raw=json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8"),
        origin=f"{name}:row {number}",
        extra={"kind": LIST_ROW, "row": fields, "row_number": number, "list": name},
    )


def _row_result(item, *, row: int | None, record: str | None = None) -> RowResult:
    """A registry ``ItemResult`` as an import row's outcome."""
    from soraq.registry.services.ingest import NEW, UNCHANGED

    outcome = {NEW: STORED, UNCHANGED: DUPLICATE}.get(item.outcome, FAILED)
    return RowResult(row, outcome, doc_id=item.doc_id, record=record,
                     reason=item.reason if outcome == FAILED else None)


def import_list(raw: bytes, name: str, column_map: Mapping[str, str] | None = None) -> ImportReport:
    """Import a CSV/XLSX list of persons; every refused row is reported with its column and reason."""
    from soraq.registry.services import linking
    from soraq.registry.services.ingest import ingest_document

    report = ImportReport(kind="list")
    name = _list_name(name)
    column_map = dict(column_map) if column_map else None
    try:
        _check_size(raw)
        readable, is_xlsx = _readable_list(raw, name)
        mapping, rows = _list_rows(readable, name, is_xlsx, column_map)
    except Refused as exc:
        return report.refuse(exc.refusal)
    raw_rows: dict[int, dict] | None = None
    cache = linking.ReportCache()
    for number, fields, text in rows:
        if isinstance(fields, ReadError):
            if raw_rows is None:
                _, reader = _headers_and_rows(readable, is_xlsx)
                raw_rows = dict(enumerate(reader, start=2))
            column = _bad_column(raw_rows.get(number, {}), mapping)
            report.add(RowResult(number, FAILED, column=column, reason=str(fields)))
            continue
        doc = _row_document(fields, text, number, name)
        report.add(_row_result(ingest_document(doc, cache=cache), row=number))
    return report


# --- PFIF ---------------------------------------------------------------------------------------

_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _check_xml_encoding(raw: bytes) -> None:
    """Bytes that are not the encoding the XML declares (UTF-8 by default) get a clear refusal."""
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return  # a byte-order mark: the parser knows
    declared = _XML_ENCODING.match(raw)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        raw.decode(encoding)
    except LookupError:
        raise Refused("encoding", f"the XML declares an unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise Refused("encoding", f"the file is not valid {encoding} text (byte {exc.start}); "
                                  "save it as UTF-8") from None


def _pfif_records(raw: bytes):
    from defusedxml import DefusedXmlException

    from soraq.sharing.exports.pfif import PfifError, parse

    _check_size(raw)
    if not raw.strip():
        raise Refused("empty", "the file is empty")
    _check_xml_encoding(raw)
    try:
        records = parse(raw)
    except PfifError as exc:
        cause = exc.__cause__
        if isinstance(cause, DefusedXmlException):
            raise Refused("unsafe_xml", f"{exc}: DTDs, entities and external references are not accepted") from None
        raise Refused("malformed" if cause is not None else "not_pfif", str(exc)) from None
    if len(records.persons) > max_rows():
        raise Refused("too_many_rows", f"the file has more than {max_rows():,} persons; split it")
    if not records.persons:
        raise Refused("empty", "the PFIF file holds no person records")
    return records


def import_pfif(raw: bytes) -> ImportReport:
    """Import the persons of a PFIF 1.2-1.4 document (status from each person's latest note).

    ``row`` is the person's position in the file (1 = first ``<pfif:person>``),
    ``record`` its ``person_record_id``.
    """
    from soraq.registry.services import linking
    from soraq.registry.services.ingest import ingest_report
    from soraq.sharing.exports.pfif import to_reports

    report = ImportReport(kind="pfif")
    try:
        records = _pfif_records(raw)
    except Refused as exc:
        return report.refuse(exc.refusal)
    position: dict[str, int] = {}
    for index, person in enumerate(records.persons, start=1):
        position.setdefault(person.get("person_record_id") or f"pfif-person-{index}", index)
    reports, problems = to_reports(records)
    notes: dict[str, list[Problem]] = {}
    for problem in problems:
        notes.setdefault(problem.record, []).append(
            Problem(position.get(problem.record), problem.field, f"{problem.record}: {problem.reason}"))
    converted = {item.doc_id for item in reports}
    for record, found in notes.items():  # records that did not become a report at all
        if record not in converted:
            first, rest = found[0], found[1:]
            report.add(RowResult(first.row, FAILED, record=record, column=first.column, reason=first.reason), rest)
    cache = linking.ReportCache()
    for item in reports:
        result = ingest_report(item, origin=f"pfif:{item.doc_id}"[:1000], media_type="application/xml",
                               cache=cache)
        row = _row_result(result, row=position.get(item.doc_id), record=item.doc_id)
        kept = notes.get(item.doc_id, [])
        if kept and row.outcome != FAILED:  # stored, with what was left out said
            row = RowResult(row.row, row.outcome, row.doc_id, row.record, kept[0].column,
                            "; ".join(p.reason for p in kept) + " (left out)")
        report.add(row, kept if row.outcome != FAILED else [])
    report.rows.sort(key=lambda r: (r.row is None, r.row or 0))
    return report


# --- one entry point for the page and the API ---------------------------------------------------


def import_file(raw: bytes, name: str, column_map_text: str | None = None) -> ImportReport:
    """A ``.xml`` file is PFIF, anything else a list read with the column map (text as the UI takes it)."""
    if _list_name(name).lower().endswith(".xml"):
        return import_pfif(raw)
    try:
        column_map = column_map_from(column_map_text)
    except Refused as exc:
        return ImportReport(kind="list").refuse(exc.refusal)
    return import_list(raw, name, column_map)


def import_upload(upload, column_map_text: str | None = None, *, kind: str | None = None) -> ImportReport:
    """An uploaded file (a Django ``UploadedFile``, or None when none was sent), its size checked first.

    ``kind`` ``"list"`` or ``"pfif"`` says what the caller expects (the API has an
    endpoint for each); None decides by the file name, as the import page does.
    """
    report = ImportReport(kind=kind or "list")
    if upload is None:
        return report.refuse(Refusal("no_file", "no file was sent"))
    name = upload.name or "upload"
    size = upload.size if upload.size is not None else 0
    if size > max_bytes():
        return report.refuse(Refusal("too_large", f"the file is {size:,} bytes; at most {max_bytes():,} "
                                                  "may be imported at once (split it)"))
    is_xml = _list_name(name).lower().endswith(".xml")
    if kind == "list" and is_xml:
        return report.refuse(Refusal("unsupported_type", "a PFIF .xml file goes to the PFIF import"))
    if kind == "pfif" or (kind is None and is_xml):
        return import_pfif(upload.read())
    return import_file(upload.read(), name, column_map_text)


def audit_import(actor, report: ImportReport, channel: str) -> None:
    """Every import is logged: who, what kind, through what, and counts only (never names)."""
    from soraq.sharing.exporting import audit

    details: dict[str, Any] = {"kind": report.kind, "imported": report.imported, "unchanged": report.unchanged,
                               "refused": report.failed, "channel": channel}
    if report.refused is not None:
        details["file_refused"] = report.refused.code
    audit(actor, "sharing.import", details)

