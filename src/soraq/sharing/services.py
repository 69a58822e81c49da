"""Taking a ready-made report (from the API or a PFIF import) into the registry.

The registry's ingest service (:mod:`soraq.registry.services.ingest`) starts
from a source document and runs extraction; a report posted to the API has
already been extracted (by a partner's pipeline, or by ``soraq extract``), so
it is stored the same way minus extraction: a Document holding the report
verbatim, a Mention per person through the registry's own ``store_mentions``,
and linking through its ``link_new_mention``. Same rules: idempotent (a report
already stored is ``unchanged``), one transaction per report.

A report without ``text`` is stored with an empty text; its identity for
idempotency is then the SHA-256 of the report's JSON.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from soraq.report import Report


class UnstorableReport(ValueError):
    """The report holds characters no database column can keep (NUL, lone surrogates)."""


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def check_storable(report: Report) -> None:
    """Refuse, with a clear reason, text that PostgreSQL (and UTF-8) cannot store."""
    for text in _strings(report.model_dump(mode="json")):
        if "\x00" in text:
            raise UnstorableReport("the report contains NUL characters (\\u0000), which cannot be stored")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise UnstorableReport("the report contains lone UTF-16 surrogates: not valid Unicode text") from None


@dataclass
class StoredReport:
    doc_id: str
    outcome: str  # new | unchanged
    mentions: int = 0
    persons: list[int] | None = None


def _text_identity(report: Report) -> tuple[str, str]:
    text = report.text or ""
    basis = text if text else "report:" + report.to_json(sort_keys=True)
    return text, hashlib.sha256(basis.encode("utf-8")).hexdigest()


def ingest_report(report: Report, *, link: bool = True, origin: str = "api") -> StoredReport:
    """Store one report and link its persons (see the module's rules)."""
    from soraq.registry import dates
    from soraq.registry.models import Document
    from soraq.registry.services import linking
    from soraq.registry.services.ingest import extractor_version, store_mentions

    check_storable(report)
    text, text_sha = _text_identity(report)
    existing = Document.objects.filter(text_sha256=text_sha).values_list("doc_id", flat=True).first()
    if existing is not None:
        return StoredReport(existing, "unchanged")
    doc_id = report.doc_id[:200]
    if Document.objects.filter(doc_id=doc_id).exists():
        doc_id = f"{doc_id}@{text_sha[:12]}"
    source = report.source or {}
    try:
        with transaction.atomic():
            document = Document.objects.create(
                doc_id=doc_id,
                text=text,
                title=str(source.get("title") or "")[:1000],
                outlet=str(source.get("outlet") or "")[:255],
                url=str(source.get("url") or "")[:2000],
                lang=report.lang,
                published=report.published or "",
                published_precision=dates.precision(report.published),
                published_sort=dates.sortable(report.published),
                content_sha256=text_sha,
                text_sha256=text_sha,
                media_type="application/json",
                origin=origin[:1000],
                relevant=report.relevant,
                report=report.model_dump(mode="json"),
                extractor_version=f"submitted:{extractor_version()}"[:64],
            )
            mentions = store_mentions(document, report.model_copy(update={"doc_id": doc_id}))
            if link and report.relevant:
                cache = linking.ReportCache()
                for mention in mentions:
                    linking.link_new_mention(mention, cache)
    except IntegrityError:
        if Document.objects.filter(text_sha256=text_sha).exists():
            return StoredReport(doc_id, "unchanged")
        raise
    persons = [m.person_id for m in document.mentions.order_by("index") if m.person_id]
    return StoredReport(doc_id, "new", mentions=len(mentions), persons=persons)
