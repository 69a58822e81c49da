"""Taking documents into the registry: store, extract, link - one transaction per document.

This is the one path into the registry. :func:`ingest_document` reads a
source document (a file, a page, a list row); :func:`ingest_report` takes in a
report made elsewhere (the API, a PFIF import, a partner's pipeline, a form) by
the same code, with the extraction step replaced by the report itself.

Rules:

* **Idempotent.** A document whose text is already stored (same SHA-256 of the
  text) is skipped and reported ``unchanged``; ingesting a folder twice changes
  nothing.
* **A source's claim is never overwritten.** A document arriving under a stored
  id with a different text (an edited article) is kept beside the old one as a
  revision, ``DOC_ID@<text hash>``.
* **A bad item never stops a batch.** An unreadable file, a failed extraction or
  a database error rolls back that one document and is reported with its reason.
* **Only storable text.** NUL characters and lone surrogates (which PostgreSQL
  and UTF-8 cannot keep) fail that one item with a clear reason, on every database.
* ``dry_run`` does all the work inside the transaction and rolls it back, so the
  counts it reports are exactly what a real run would do.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from soraq.ingest import IngestError, SourceDocument
from soraq.registry import dates
from soraq.registry.models import Document, Event, Mention
from soraq.registry.services import linking
from soraq.registry.services.text import find_name, sentence_around, valid_span
from soraq.report import Person as ReportPerson
from soraq.report import Report

log = logging.getLogger(__name__)

NEW, UNCHANGED, FAILED = "new", "unchanged", "failed"

#: turns a document into its report (default: :func:`soraq.extract.extract_document`)
Extractor = Callable[[SourceDocument], Report]


class _DryRun(Exception):
    """Raised inside the transaction of a dry run to roll it back."""


@dataclass
class ItemResult:
    """What ingesting one document did."""

    origin: str
    outcome: str  # new | unchanged | failed
    doc_id: str | None = None
    reason: str = ""
    mentions: int = 0
    persons_created: int = 0
    mentions_linked: int = 0
    sent_to_review: int = 0
    revision_of: str | None = None
    persons: list[int] = field(default_factory=list)  # the person each mention went to, in order
    invalid: bool = False  # the item itself is at fault (no text, unstorable characters), not the system


@dataclass
class IngestSummary:
    """Counts over a batch, and the failures with their reasons."""

    new: int = 0
    unchanged: int = 0
    failed: int = 0
    mentions: int = 0
    persons_created: int = 0
    mentions_linked: int = 0
    sent_to_review: int = 0
    failures: list[ItemResult] = field(default_factory=list)

    def add(self, item: ItemResult) -> None:
        setattr(self, item.outcome, getattr(self, item.outcome) + 1)
        self.mentions += item.mentions
        self.persons_created += item.persons_created
        self.mentions_linked += item.mentions_linked
        self.sent_to_review += item.sent_to_review
        if item.outcome == FAILED:
            self.failures.append(item)


def extractor_version() -> str:
    import soraq
    import soraq.extract as extract

    return str(getattr(extract, "__version__", None) or getattr(extract, "VERSION", None) or soraq.__version__)


def _clip(value: object, length: int) -> str:
    """A text field's value cut to its column width (a runaway extraction must not fail the batch)."""
    return "" if value is None else str(value)[:length]


def _storage_id(doc_id: str, identity: str) -> tuple[str, str | None]:
    """The id to store a document under, and the id it is a revision of (if that id is taken)."""
    doc_id = doc_id if len(doc_id) <= 200 else f"{doc_id[:180]}~{identity[:12]}"
    if Document.objects.filter(doc_id=doc_id).exists():
        return f"{doc_id}@{identity[:12]}", doc_id
    return doc_id, None


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def unstorable_reason(*values: object) -> str | None:
    """Why these strings (or the strings inside these dicts/lists) cannot be stored, else None.

    PostgreSQL refuses NUL in text and UTF-8 has no lone surrogates; SQLite would
    keep both, so the rule is checked here to behave alike on every database.
    """
    for text in _strings(list(values)):
        if "\x00" in text:
            return "the text contains NUL characters (\\u0000), which cannot be stored"
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return "the text contains lone UTF-16 surrogates: not valid Unicode text"
    return None


def event_span(text: str, person: ReportPerson, index: int) -> tuple[int | None, int | None, str]:
    """The text supporting event ``index``: its own evidence, else the sentence first naming the person."""
    wanted = f"events[{index}]"
    for ev in person.evidence:
        if ev.field == wanted and (span := valid_span(text, ev.start, ev.end)):
            return span[0], span[1], str(Event.SpanSource.EVIDENCE)
    name_span = next(
        (s for ev in person.evidence if ev.field == "name" and (s := valid_span(text, ev.start, ev.end))),
        None,
    ) or find_name(text, person.name)
    if name_span:
        start, end = sentence_around(text, *name_span)
        return start, end, str(Event.SpanSource.NAME_SENTENCE)
    return None, None, str(Event.SpanSource.NONE)


def store_mentions(document: Document, report: Report) -> list[Mention]:
    """A Mention (with its Events) for every person of the report, fields as extracted."""
    out = []
    for i, p in enumerate(report.persons):
        mention = Mention.objects.create(
            document=document,
            index=i,
            name=_clip(p.name, 255),
            given_name=_clip(p.given_name, 255),
            family_name=_clip(p.family_name, 255),
            patronymic=_clip(p.patronymic, 255),
            sex=p.sex or "",
            birth_year=p.birth_year,
            age=p.age,
            citizenship=p.citizenship or "",
            home=_clip(p.home, 500),
            occupation=_clip(p.occupation, 255),
            location_abroad=_clip(p.location_abroad, 255),
            status=p.status or "",
            coercion=list(p.coercion),
            relatives=[r.model_dump(mode="json") for r in p.relatives],
            evidence=[e.model_dump(mode="json") for e in p.evidence],
        )
        events = []
        for j, e in enumerate(p.events):
            start, end, source = event_span(document.text, p, j)
            events.append(
                Event(
                    mention=mention, index=j, type=e.type, date=e.date or "",
                    date_precision=dates.precision(e.date), date_sort=dates.sortable(e.date),
                    place=_clip(e.place, 500), span_start=start, span_end=end, span_source=source,
                )
            )
        Event.objects.bulk_create(events)
        out.append(mention)
    return out


def default_extractor(doc: SourceDocument) -> Report:
    """A list row is structured data and becomes its report as listed; any other document is read."""
    from soraq.ingest import LIST_ROW, row_to_report

    if doc.extra.get("kind") == LIST_ROW:
        return row_to_report(doc)
    from soraq.extract import extract_document

    return extract_document(doc)


def ingest_document(
    doc: SourceDocument,
    *,
    link: bool = True,
    dry_run: bool = False,
    cache: linking.ReportCache | None = None,
    extractor: Extractor | None = None,
    version: str | None = None,
    keep_unlinked: bool = False,
) -> ItemResult:
    """Store, extract and link one document (see the module's rules).

    ``extractor`` replaces :func:`soraq.extract.extract_document`, e.g. to take in
    reports extracted elsewhere or reviewed by hand; ``version`` is then stored
    as the document's ``extractor_version`` (default: this extractor's version).
    ``keep_unlinked``: a linking failure leaves the mentions stored but unlinked
    (for the next ``soraq link``) instead of failing the document - for a claim
    that must never be lost, such as a family's tracing request.
    """
    reason = unstorable_reason(doc.text)
    if reason is not None:  # checked before hashing: a lone surrogate cannot even be hashed
        return ItemResult(doc.origin or doc.doc_id, FAILED, doc_id=doc.doc_id, reason=reason, invalid=True)
    existing = _stored_doc_id(doc.text_sha256)
    if existing is not None:
        return ItemResult(doc.origin or doc.doc_id, UNCHANGED, doc_id=existing)
    if not doc.text.strip():
        return ItemResult(doc.origin or doc.doc_id, FAILED, doc_id=doc.doc_id,
                          reason="the document has no text", invalid=True)
    return _ingest(doc, extractor or default_extractor, identity=doc.text_sha256, link=link,
                   dry_run=dry_run, cache=cache, version=version or extractor_version(),
                   keep_unlinked=keep_unlinked)


def _stored_doc_id(identity: str) -> str | None:
    """The id of the document already stored with this text identity, if any."""
    return Document.objects.filter(text_sha256=identity).values_list("doc_id", flat=True).first()


def _ingest(
    doc: SourceDocument,
    extractor: Extractor,
    *,
    identity: str,
    link: bool,
    dry_run: bool,
    cache: linking.ReportCache | None,
    version: str,
    keep_unlinked: bool,
) -> ItemResult:
    """Extract and store one document known to be new, under the text identity ``identity``."""
    origin = doc.origin or doc.doc_id
    existing = _stored_doc_id(identity)
    if existing is not None:
        return ItemResult(origin, UNCHANGED, doc_id=existing)
    doc_id, revision_of = _storage_id(doc.doc_id, identity)
    if doc_id != doc.doc_id:
        doc = dataclasses.replace(doc, doc_id=doc_id)
    try:
        report = extractor(doc)
    except Exception as exc:  # an extractor bug on one document must not stop the batch
        log.warning("extraction failed for %s: %s", doc_id, type(exc).__name__)
        return ItemResult(origin, FAILED, doc_id=doc_id, reason=f"extraction failed: {type(exc).__name__}: {exc}")
    if report.doc_id != doc_id:
        report = report.model_copy(update={"doc_id": doc_id})
    reason = unstorable_reason(doc.text, doc.title, doc.outlet, doc.url, doc.origin,
                               report.model_dump(mode="json"))
    if reason is not None:
        return ItemResult(origin, FAILED, doc_id=doc_id, reason=reason, invalid=True)

    result = ItemResult(origin, NEW, doc_id=doc_id, revision_of=revision_of)
    published = dates.normalise_published(doc.published) or report.published
    try:
        with transaction.atomic():
            document = Document.objects.create(
                doc_id=doc_id,
                text=doc.text,
                title=_clip(doc.title, 1000),
                outlet=_clip(doc.outlet, 255),
                url=_clip(doc.url, 2000),
                lang=_clip(doc.lang or report.lang, 8),
                published=published or "",
                published_precision=dates.precision(published),
                published_sort=dates.sortable(published),
                content_sha256=doc.sha256 if (doc.raw is not None or doc.text) else identity,
                text_sha256=identity,
                original=doc.raw,
                media_type=_clip(doc.media_type, 100),
                origin=_clip(doc.origin, 1000),
                relevant=report.relevant,
                report=report.model_dump(mode="json"),
                extractor_version=_clip(version, 64),
            )
            mentions = store_mentions(document, report)
            result.mentions = len(mentions)
            if link and report.relevant:
                _link(mentions, cache or linking.ReportCache(), result, keep_unlinked=keep_unlinked)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except IntegrityError as exc:
        if (stored := _stored_doc_id(identity)) is not None:  # stored meanwhile by another run
            return ItemResult(origin, UNCHANGED, doc_id=stored)
        return ItemResult(origin, FAILED, doc_id=doc_id, reason=f"database refused the document: {exc}")
    except Exception as exc:  # one document's failure is reported, the batch goes on
        log.warning("storing %s failed: %s", doc_id, type(exc).__name__)
        return ItemResult(origin, FAILED, doc_id=doc_id, reason=f"{type(exc).__name__}: {exc}")
    return result


def _link(mentions: list[Mention], cache: linking.ReportCache, result: ItemResult, *,
          keep_unlinked: bool) -> None:
    """Attach each new mention to a person and count what happened into ``result``."""
    for mention in mentions:
        outcome = _link_or_leave(mention, cache) if keep_unlinked else linking.link_new_mention(mention, cache)
        if outcome is None:
            continue
        result.persons.append(outcome.person_id)
        result.persons_created += outcome.created_person
        result.mentions_linked += not outcome.created_person
        result.sent_to_review += outcome.decision == Mention.LinkOutcome.REVIEW


def _link_or_leave(mention: Mention, cache: linking.ReportCache) -> linking.LinkOutcome | None:
    """Link one mention in a savepoint; on failure it stays unlinked until the next ``soraq link``."""
    try:
        with transaction.atomic():
            return linking.link_new_mention(mention, cache)
    except Exception as exc:  # a matcher failure must not lose the claim; only the error type is logged
        log.warning("%s stored unlinked: linking failed (%s)", mention.mention_id, type(exc).__name__)
        return None


def report_identity(report: Report, text: str) -> str:
    """What makes a report the same on re-submission: its text, or for a report without text, itself."""
    basis = text if text.strip() else "report:" + report.to_json(sort_keys=True)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def ingest_report(
    report: Report,
    *,
    text: str | None = None,
    link: bool = True,
    dry_run: bool = False,
    cache: linking.ReportCache | None = None,
    origin: str = "",
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    media_type: str = "text/plain",
    raw: bytes | None = None,
    version: str | None = None,
    keep_unlinked: bool = False,
) -> ItemResult:
    """Store a ready-made report (no extraction) about ``text``, by the same path as any document.

    For reports made elsewhere: a partner's pipeline, the API, a PFIF import, a
    form. ``text`` is the text the report's evidence offsets point into (default:
    the report's own ``text``); a report with no text at all (a PFIF record) is
    stored with an empty text and recognised again by its JSON. A ``text`` given
    explicitly but blank is refused. Title, outlet and URL default to the
    report's ``source``; ``version`` (stored as the document's extractor
    version) defaults to ``submitted:<this extractor's version>``. Same rules as
    :func:`ingest_document`: idempotent, a known id with another text becomes a
    revision (and the report's ``doc_id`` follows it), failures are returned,
    not raised.
    """
    origin = origin or report.doc_id
    if text is not None and not text.strip():
        return ItemResult(origin, FAILED, doc_id=report.doc_id, reason="the document has no text", invalid=True)
    text = text if text is not None else (report.text or "")
    reason = unstorable_reason(text, report.model_dump(mode="json"))
    if reason is not None:  # checked before hashing: a lone surrogate cannot even be hashed
        return ItemResult(origin, FAILED, doc_id=report.doc_id, reason=reason, invalid=True)
    source = report.source or {}
    doc = SourceDocument(
        doc_id=report.doc_id,
        text=text,
        published=report.published,
        url=url if url is not None else _optional(source.get("url")),
        title=title if title is not None else _optional(source.get("title")),
        outlet=outlet if outlet is not None else _optional(source.get("outlet")),
        lang=report.lang,
        media_type=media_type,
        raw=raw,
        origin=origin,
    )
    return _ingest(doc, lambda _doc: report, identity=report_identity(report, text), link=link,
                   dry_run=dry_run, cache=cache, version=version or f"submitted:{extractor_version()}",
                   keep_unlinked=keep_unlinked)


def _optional(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def ingest(
    items: Iterable[SourceDocument | IngestError],
    *,
    link: bool = True,
    dry_run: bool = False,
    on_item: Callable[[ItemResult], None] | None = None,
    extractor: Extractor | None = None,
) -> IngestSummary:
    """Ingest every document of a batch; unreadable items are counted as failed with their reason."""
    summary = IngestSummary()
    cache = linking.ReportCache()
    for item in items:
        if isinstance(item, IngestError):
            result = ItemResult(item.origin, FAILED, reason=item.reason)
        else:
            result = ingest_document(item, link=link, dry_run=dry_run, cache=cache, extractor=extractor)
        summary.add(result)
        if on_item is not None:
            on_item(result)
    return summary
