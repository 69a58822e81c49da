"""Published lists (CSV, XLSX): one document per row, via a column mapping.

Lists of detained, missing or killed people are published as spreadsheets by
NGOs, ministries and journalists, with column headers in any language
("ФИО", "Год рождения", "Vətəndaşlıq"). A column map says which header holds
which field (``--map name=ФИО,birth_year=Год``); each row becomes a
:class:`SourceDocument` whose ``extra["row"]`` holds the mapped, validated
fields and whose text restates them readably. A row is structured data, so
:func:`row_to_report` builds its :class:`~soraq.report.Report` directly (no
NLP guesswork); the registry uses it for documents with
``extra["kind"] == "list_row"``.

A bad value (a year of "19x0") makes that row an error naming the row number
and the column; the other rows still come in.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from soraq.ingest.encoding import decode_text
from soraq.ingest.errors import ReadError

#: the fields a list column can be mapped to
FIELDS: tuple[str, ...] = (
    "name", "given_name", "family_name", "patronymic", "sex", "birth_year", "age",
    "citizenship", "home", "occupation", "location_abroad", "status", "date", "note",
    "published", "lang",
)
LIST_ROW = "list_row"
_YEAR = re.compile(r"^\s*(\d{4})(?:\.0)?\s*(?:г\.?|года?|il)?\s*$", re.I)
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_MAP_ITEM = re.compile(r'\s*([^=,"]+)=\s*(?:"([^"]*)"|([^,"]*))\s*(?:,|$)')
_MY = re.compile(r"^(\d{1,2})[./](\d{4})$")

#: a list's status column, in the words lists use, mapped onto the spec's vocabulary
_STATUS_WORDS: dict[str, str] = {
    # English
    "killed": "killed", "dead": "killed", "died": "killed", "deceased": "killed",
    "missing": "missing", "captured": "captured", "pow": "captured", "prisoner": "captured",
    "detained": "detained", "arrested": "detained", "wounded": "wounded", "injured": "wounded",
    "returned": "returned", "released": "returned", "at front": "at_front",
    "in unit": "in_unit", "unknown": "unknown",
    # Russian
    "погиб": "killed", "убит": "killed", "умер": "killed", "пропал без вести": "missing",
    "пропал": "missing", "в плену": "captured", "пленный": "captured", "задержан": "detained",
    "ранен": "wounded", "вернулся": "returned", "освобожден": "returned", "освобождён": "returned",
    "на фронте": "at_front", "в части": "in_unit", "неизвестно": "unknown",
    # Azerbaijani
    "həlak olub": "killed", "ölüb": "killed", "itkin düşüb": "missing", "itkin": "missing",
    "əsir": "captured", "əsirlikdə": "captured", "saxlanılıb": "detained", "yaralanıb": "wounded",
    "qayıdıb": "returned", "cəbhədə": "at_front", "naməlum": "unknown",
}
_SEX_WORDS = {"m": "male", "male": "male", "м": "male", "муж": "male", "мужской": "male", "kişi": "male",
              "f": "female", "female": "female", "ж": "female", "жен": "female", "женский": "female",
              "qadın": "female"}
#: list statuses that also tell what happened, as the spec's event type
_STATUS_EVENT = {"killed": "death", "captured": "captured", "missing": "disappearance",
                 "detained": "detention", "returned": "return", "wounded": "wounded",
                 "at_front": "deployment"}


def parse_column_map(spec: str) -> dict[str, str]:
    """``"name=ФИО,birth_year=Год"`` -> ``{"name": "ФИО", "birth_year": "Год"}``.

    A header that itself contains a comma can be quoted: ``note="Примечание, источник"``.
    """
    mapping: dict[str, str] = {}
    position = 0
    spec = spec.strip()
    while position < len(spec):
        found = _MAP_ITEM.match(spec, position)
        if found is None:
            item = spec[position:].split(",")[0]
            raise ValueError(f"column map item {item!r} is not FIELD=HEADER")
        field, header = found.group(1).strip(), (found.group(2) if found.group(2) is not None
                                                 else found.group(3)).strip()
        if not header:
            raise ValueError(f"column map item {found.group(0).strip(', ')!r} has no column header")
        if field not in FIELDS:
            raise ValueError(f"unknown field {field!r} in column map (known: {', '.join(FIELDS)})")
        mapping[field] = header
        position = found.end()
    if not mapping:
        raise ValueError("empty column map")
    return mapping


def _default_map(headers: list[str]) -> dict[str, str]:
    """Without a map, headers that are already field names map to themselves."""
    return {h.strip().lower(): h for h in headers if h and h.strip().lower() in FIELDS}


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return text or None


def _year(value: str, field: str, low: int = 1900, high: int = 2030) -> int:
    """A four-digit year within the contract's bounds."""
    found = _YEAR.match(value)
    if not found or not low <= int(found.group(1)) <= high:
        raise ReadError(f"{field} {value!r} is not a year between {low} and {high}")
    return int(found.group(1))


def _exists(year: int, month: int = 1, day: int = 1) -> bool:
    """A calendar date that exists (no 31 February, no month 13)."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _partial_date(value: str, field: str) -> str:
    """ISO partial dates as they are, day.month.year and month.year turned round."""
    value = value.strip().split(" ")[0].split("T")[0]
    if _PARTIAL_DATE.match(value) and _exists(*(int(p) for p in value.split("-"))):
        return value
    if found := _DMY.match(value):
        day, month, year = (int(g) for g in found.groups())
        if _exists(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    if found := _MY.match(value):
        month, year = int(found.group(1)), int(found.group(2))
        if _exists(year, month):
            return f"{year:04d}-{month:02d}"
    raise ReadError(f"{field} {value!r} is not a date (use 2026, 2026-01, 2026-01-15 or 15.01.2026)")


def _country(value: str) -> str:
    """A country name or code in any language -> ISO 3166-1 alpha-2."""
    if re.fullmatch(r"[A-Za-z]{2}", value):
        return value.upper()
    try:
        from rigour.territories import lookup_territory
    except ImportError:  # rigour comes with the optional FollowTheMoney extra
        pass
    else:
        territory = lookup_territory(value)
        code = getattr(territory, "code", None) if territory is not None else None
        if code and re.fullmatch(r"[a-z]{2}", code):
            return code.upper()
    raise ReadError(f"citizenship {value!r} is not a country we recognise (use a two-letter code)")


def normalise_row(raw: Mapping[str, Any], column_map: Mapping[str, str]) -> dict[str, Any]:
    """The mapped fields of one row, validated; :class:`ReadError` names the bad one."""
    row: dict[str, Any] = {}
    for field, header in column_map.items():
        value = _clean(raw.get(header))
        if value is None:
            continue
        if field == "birth_year":
            row[field] = _year(value, field)
        elif field == "age":
            if not value.isdigit() or not 0 <= int(value) <= 120:
                raise ReadError(f"age {value!r} is not a number of years")
            row[field] = int(value)
        elif field in ("date", "published"):
            row[field] = _partial_date(value, field)
        elif field == "citizenship":
            row[field] = _country(value)
        elif field == "status":
            status = _STATUS_WORDS.get(value.lower().strip(" ."))
            if status is None:
                row["status_text"] = value  # kept as written, never dropped
            else:
                row[field] = status
        elif field == "sex":
            sex = _SEX_WORDS.get(value.lower().strip(" ."))
            if sex is None:
                raise ReadError(f"sex {value!r} is not male or female")
            row[field] = sex
        else:
            row[field] = value
    if "name" not in row:
        parts = [row.get(k) for k in ("family_name", "given_name", "patronymic")]
        if any(parts):
            row["name"] = " ".join(p for p in parts if p)
    if not row.get("name"):
        raise ReadError("row has no name")
    return row


_LABELS = (
    ("name", "Name"), ("sex", "Sex"), ("birth_year", "Born"), ("age", "Age"),
    ("citizenship", "Citizenship"), ("home", "From"), ("occupation", "Occupation"),
    ("location_abroad", "Abroad in"), ("status", "Status"), ("status_text", "Status (as listed)"),
    ("date", "Date"), ("note", "Note"),
)


def restate(row: Mapping[str, Any], list_name: str, number: int) -> tuple[str, dict[str, tuple[int, int]]]:
    """A readable restatement of a row, and where each field's value sits in it."""
    parts: list[str] = [f"Row {number} of the list {list_name}."]
    offsets: dict[str, tuple[int, int]] = {}
    length = len(parts[0])
    for field, label in _LABELS:
        if row.get(field) is None:
            continue
        prefix = f" {label}: "
        value = str(row[field])
        start = length + len(prefix)
        offsets[field] = (start, start + len(value))
        piece = f"{prefix}{value}."
        parts.append(piece)
        length += len(piece)
    return "".join(parts), offsets


def _csv_rows(raw: bytes) -> tuple[list[str], Iterator[dict[str, Any]]]:
    text = decode_text(raw)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    headers = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = headers

    def rows() -> Iterator[dict[str, Any]]:
        yield from reader

    return headers, rows()


def _xlsx_rows(raw: bytes) -> tuple[list[str], Iterator[dict[str, Any]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReadError(f"not a readable .xlsx file ({type(exc).__name__})") from None
    sheet = book.worksheets[0]
    cells = sheet.iter_rows(values_only=True)
    first = next(cells, None)
    if first is None:
        raise ReadError("the spreadsheet is empty")
    headers = [_clean(h) or "" for h in first]

    def rows() -> Iterator[dict[str, Any]]:
        for values in cells:
            if values is None or all(v is None for v in values):
                yield {}
                continue
            yield {h: v for h, v in zip(headers, values, strict=False) if h}
        book.close()

    return headers, rows()


def iter_list_rows(raw: bytes, path: Path | str, column_map: Mapping[str, str] | None = None,
                   ) -> Iterator[tuple[int, dict[str, Any] | ReadError, str]]:
    """``(row_number, fields or error, restated text)`` for each data row of a CSV/XLSX list.

    Row numbers are as a spreadsheet shows them: the header is row 1.
    """
    path = Path(path)
    is_xlsx = path.suffix.lower() in (".xlsx", ".xlsm") or raw.startswith(b"PK\x03\x04")
    reader = _xlsx_rows if is_xlsx else _csv_rows
    headers, rows = reader(raw)
    mapping = dict(column_map) if column_map else _default_map(headers)
    if not mapping:
        raise ReadError("this list needs a column map, e.g. --map name=ФИО,birth_year=Год "
                        f"(its columns: {', '.join(h for h in headers if h)})")
    missing = [h for h in mapping.values() if h not in headers]
    if missing:
        raise ReadError(f"column(s) {', '.join(map(repr, missing))} not in the list "
                        f"(its columns: {', '.join(h for h in headers if h)})")
    for number, raw_row in enumerate(rows, start=2):
        if not any(_clean(v) for v in raw_row.values()):
            continue  # blank line
        try:
            fields = normalise_row(raw_row, mapping)
        except ReadError as exc:
            yield number, exc, ""
            continue
        text, _ = restate(fields, path.name, number)
        yield number, fields, text


def row_to_report(doc: Any) -> Any:
    """The :class:`~soraq.report.Report` of a list-row document: its one person, as listed.

    Fields come straight from the mapped columns; the evidence offsets point
    into the restated text. A status that also names an event (killed ->
    death) adds that event with the row's date.
    """
    from soraq.report import Event, EventType, Evidence, Person, Report

    extra = getattr(doc, "extra", {}) or {}
    if extra.get("kind") != LIST_ROW:
        raise ValueError("not a list-row document")
    row: dict[str, Any] = extra["row"]
    _, offsets = restate(row, extra.get("list", ""), int(extra.get("row_number", 0)))
    events = []
    if row.get("status") in _STATUS_EVENT:
        events.append(Event(type=EventType(_STATUS_EVENT[row["status"]]), date=row.get("date")))
    person = Person.model_validate({
        "name": row["name"],
        **{k: row.get(k) for k in ("given_name", "family_name", "patronymic", "sex", "birth_year",
                                   "age", "citizenship", "home", "occupation", "location_abroad")},
        "status": row.get("status"),
        "events": events,
        "evidence": [Evidence(field=f, start=s, end=e) for f, (s, e) in offsets.items()
                     if f in ("name", "sex", "birth_year", "age", "citizenship", "home",
                              "occupation", "location_abroad", "status")],
    })
    return Report(
        doc_id=doc.doc_id,
        lang=doc.lang or row.get("lang") or "en",
        published=doc.published or row.get("published"),
        relevant=True,
        text=doc.text,
        source={"kind": LIST_ROW, "list": extra.get("list"), "row": extra.get("row_number"),
                "note": row.get("note"), "status_text": row.get("status_text")},
        persons=[person],
    )
