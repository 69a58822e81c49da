"""Dates in reports: absolute and relative, resolved to partial ISO dates.

Placeholder for step one: only the reference date is computed here; the full
date finder follows.
"""

from __future__ import annotations

import re
from datetime import date

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def base_date(text: str, published: str | None, lang: str) -> tuple[date | None, bool]:
    """The date relative expressions refer to: the publication date, else the text's latest year."""
    if published:
        parts = [int(p) for p in published.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28), True
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= 2030]
    if not years:
        return None, False
    return date(max(years), 12, 28), False
