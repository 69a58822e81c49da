"""Small helpers shared by the extractor tests."""

from __future__ import annotations


def event_types(p) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.type for e in p.events]


def event_dates(p) -> dict[str, set[str | None]]:  # type: ignore[no-untyped-def]
    out: dict[str, set[str | None]] = {}
    for e in p.events:
        out.setdefault(e.type, set()).add(e.date)
    return out
