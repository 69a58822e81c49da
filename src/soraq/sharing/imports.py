"""Importing lists of persons (CSV, XLSX) and PFIF files into the registry.

Lists are read by :mod:`soraq.ingest.tables` (the same reader ``soraq ingest``
uses): a column map says which header holds which field, each row becomes a
list-row report (:func:`soraq.ingest.tables.row_to_report`: structured data, no NLP)
stored through :func:`soraq.sharing.services.ingest_report`. What could
not be imported is reported row by row: the row number as a spreadsheet shows
it, the column header, and the reason. Nothing is dropped silently.

PFIF files are parsed safely (:mod:`soraq.sharing.exports.pfif`) and each PFIF
person becomes a report stored through :func:`soraq.sharing.services.ingest_report`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any
from dataclasses import dataclass, field
from pathlib import Path

from soraq.ingest.errors import ReadError


@dataclass(frozen=True)
class Problem:
    """One thing that could not be imported."""

    row: int | None
    column: str | None
    reason: str


@dataclass
class ImportReport:
    imported: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.problems)

    def as_dict(self) -> dict:
        return {
            "imported": self.imported,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "problems": [p.__dict__ for p in self.problems],
        }


def _bad_column(raw_row: Mapping, mapping: Mapping[str, str]) -> str | None:
    """The header of the first mapped column whose value the reader refuses."""
    from soraq.ingest.tables import normalise_row

    for field_name, header in mapping.items():
        probe = {field_name: header} if field_name == "name" else {field_name: header, "name": "\0"}
        try:
            normalise_row({header: raw_row.get(header), "\0": "x"}, probe)
        except ReadError:
            return header
    return None


def _raw_rows(raw: bytes, name: str) -> dict[int, dict]:
    from soraq.ingest.tables import _csv_rows, _xlsx_rows

    reader = _xlsx_rows if Path(name).suffix.lower() in (".xlsx", ".xlsm") else _csv_rows
    _headers, rows = reader(raw)
    return {number: row for number, row in enumerate(rows, start=2)}


def _store(report: ImportReport, store: Callable[[], Any], *, row: int | None = None, label: str = "") -> None:
    """Store one item and count it; its failure is reported and the import goes on."""
    try:
        stored = store()
    except Exception as exc:  # one item's failure must not stop the others
        report.problems.append(Problem(row, None, f"{label}{type(exc).__name__}: {exc}"))
        return
    if stored.outcome == "new":
        report.imported += 1
    else:
        report.unchanged += 1


def import_list(raw: bytes, name: str, column_map: Mapping[str, str] | None = None) -> ImportReport:
    """Import a CSV/XLSX list of persons; every refused row is reported with its column and reason."""
    from soraq.ingest import SourceDocument
    from soraq.ingest.tables import LIST_ROW, iter_list_rows, row_to_report
    from soraq.sharing.services import ingest_report

    report = ImportReport()
    stem = Path(name).stem or "list"
    try:
        rows = list(iter_list_rows(raw, name, column_map))
    except ReadError as exc:
        report.problems.append(Problem(None, None, str(exc)))
        return report
    raw_rows: dict[int, dict] | None = None
    for number, fields, text in rows:
        if isinstance(fields, ReadError):
            if raw_rows is None:
                raw_rows = _raw_rows(raw, name)
            mapping = dict(column_map) if column_map else {}
            column = _bad_column(raw_rows.get(number, {}), mapping) if mapping else None
            report.problems.append(Problem(number, column, str(fields)))
            continue
        doc = SourceDocument(
            doc_id=f"{stem}-row{number}", text=text, published=fields.get("published"),
            lang=fields.get("lang"), media_type="text/csv",
            raw=json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8"),
            origin=f"{name}:row {number}",
            extra={"kind": LIST_ROW, "row": fields, "row_number": number, "list": name},
        )
        _store(report, lambda: ingest_report(row_to_report(doc), origin=doc.origin), row=number)
    return report


def import_pfif(raw: bytes) -> ImportReport:
    """Import the persons of a PFIF 1.2-1.4 document (status from each person's latest note)."""
    from soraq.sharing.exports.pfif import PfifError, parse, to_reports
    from soraq.sharing.services import ingest_report

    report = ImportReport()
    try:
        records = parse(raw)
    except PfifError as exc:
        report.problems.append(Problem(None, None, str(exc)))
        return report
    reports, problems = to_reports(records)
    for problem in problems:
        report.problems.append(Problem(None, problem.field, f"{problem.record}: {problem.reason}"))
    for item in reports:
        _store(report, lambda item=item: ingest_report(item, origin="pfif"), label=f"{item.doc_id}: ")
    return report
