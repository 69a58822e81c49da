"""Dates as families write them, turned into the contract's partial ISO dates."""

from __future__ import annotations

import datetime as dt
import re

from soraq.report import is_partial_date

_DMY = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
_MY = re.compile(r"^\s*(\d{1,2})[./-](\d{4})\s*$")


def parse_partial_date(text: str) -> str:
    """``2024``, ``2024-05``, ``2024-05-14``, ``14.05.2024`` or ``05.2024`` -> partial ISO date.

    Raises ValueError for anything else, or for a date that does not exist.
    """
    value = (text or "").strip()
    if not value:
        return ""
    if m := _DMY.match(value):
        value = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    elif m := _MY.match(value):
        value = f"{m.group(2)}-{int(m.group(1)):02d}"
    if not is_partial_date(value):
        raise ValueError(value)
    parts = [int(p) for p in value.split("-")]
    dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return value


def earliest_day(partial: str) -> dt.date | None:
    """The first day a partial date can mean (for sorting and "days since")."""
    if not partial:
        return None
    parts = [int(p) for p in partial.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest_day(partial: str) -> dt.date | None:
    """The last day a partial date can mean: "last contact in 2025-03" is at most 2025-03-31."""
    if not partial:
        return None
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)
