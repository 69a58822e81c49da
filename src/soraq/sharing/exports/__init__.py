"""Exports of the registry: CSV, JSON, PFIF 1.4 and FollowTheMoney.

Every format has two views: the operator's full export (:class:`FullDataset`)
and the public dataset, which has gone through :mod:`soraq.sharing.disclosure`
(:class:`PublicDataset`). :func:`render` writes either view in any format.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO

from soraq.sharing.disclosure import PublicationResult, PublicPerson, publish_persons
from soraq.sharing.records import DocumentRecord, PersonRecord

FORMATS = ("csv", "json", "pfif", "ftm")
#: media type and file suffix of each format
MEDIA_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "pfif": ("application/xml", "pfif.xml"),
    "ftm": ("application/x-ndjson", "ftm.jsonl"),
}


@dataclass
class FullDataset:
    """Everything the operator may export: persons with names, relatives and sources."""

    persons: list[PersonRecord]
    documents: list[DocumentRecord] = field(default_factory=list)
    generated: datetime = field(default_factory=lambda: datetime.now(UTC))
    public: bool = False


@dataclass
class PublicDataset:
    """The public dataset: generalised, suppressed, names only with consent."""

    result: PublicationResult
    generated: datetime = field(default_factory=lambda: datetime.now(UTC))
    public: bool = True

    @property
    def persons(self) -> list[PublicPerson]:
        return self.result.persons


def public_dataset(records: Iterable[PersonRecord], secret: str) -> PublicDataset:
    return PublicDataset(publish_persons(records, secret=secret))


def render(dataset: FullDataset | PublicDataset, fmt: str, out: IO[str], *, pfif_domain: str) -> None:
    """Write ``dataset`` to the text stream ``out`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "csv":
        from soraq.sharing.exports import csv as module
    elif fmt == "json":
        from soraq.sharing.exports import json as module
    elif fmt == "pfif":
        from soraq.sharing.exports import pfif as module
    elif fmt == "ftm":
        from soraq.sharing.exports import ftm as module
    else:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "pfif":
        module.write(dataset, out, domain=pfif_domain)
    else:
        module.write(dataset, out)
