"""Partial dates ("2026", "2026-01", "2026-01-15") as the registry stores them.

A partial date is kept as written, with its precision, and with a sortable
:class:`datetime.date` (the first day of the period) so that events and
documents can be ordered in the database.
"""

from __future__ import annotations

import datetime as dt

from soraq.report import date_precision, is_partial_date


def sortable(value: str | None) -> dt.date | None:
    """The first day of the period a partial date names (``"2026-01"`` → 2026-01-01); None if unknown."""
    if not value or not is_partial_date(value):
        return None
    parts = [int(p) for p in value.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def precision(value: str | None) -> str:
    """``year``, ``month``, ``day``, or an empty string when the date is unknown or malformed."""
    if not value or not is_partial_date(value):
        return ""
    return date_precision(value)


def normalise_published(value: str | None) -> str | None:
    """A document's publication date cut to a partial ISO date (readers may give datetimes)."""
    if not value:
        return None
    value = value.strip()
    for length in (10, 7, 4):
        head = value[:length]
        if is_partial_date(head) and sortable(head) is not None:
            return head
    return None
