"""Taking a ready-made report (posted to the API) into the registry, as the API needs it.

There is one path into the registry: :func:`soraq.registry.services.ingest.ingest_report`
(idempotency, revisions, storable-text checks, linking, one transaction per
report). This module only adapts its answer to the API's: the outcome with the
person ids, and an exception instead of a ``failed`` result, so that a report
the registry refuses becomes a 422 (the report is at fault) or a 500 (the
system is).
"""

from __future__ import annotations

from dataclasses import dataclass, field


class UnstorableReport(ValueError):
    """The report itself cannot be stored (NUL characters, lone surrogates, no text)."""


class StoreFailed(RuntimeError):
    """The registry could not store a valid report (a database error): not the sender's fault."""


@dataclass
class StoredReport:
    doc_id: str
    outcome: str  # new | unchanged
    mentions: int = 0
    persons: list[int] = field(default_factory=list)


def ingest_report(report, *, link: bool = True, origin: str = "api") -> StoredReport:
    """Store one report and link its persons; raise :class:`UnstorableReport` if it is refused."""
    from soraq.registry.services.ingest import FAILED, ingest_report as registry_ingest_report

    result = registry_ingest_report(report, link=link, origin=origin, media_type="application/json")
    if result.outcome == FAILED:
        raise (UnstorableReport if result.invalid else StoreFailed)(result.reason)
    return StoredReport(result.doc_id or report.doc_id, result.outcome, mentions=result.mentions,
                        persons=list(result.persons))
