"""What the pages show, prepared from the models (views and templates stay thin).

Rules a reader relies on:

* every fact is shown with the sources that state it; when sources disagree,
  every version is shown and the disagreement is flagged;
* a person's timeline is in date order; an undated event keeps its place in its
  source's own order (it sorts with the nearest dated event before it in the
  same report), and the same dated event told by several sources is one row
  with several sources;
* each event is shown with the sentence that supports it, the supporting span
  highlighted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from soraq.registry.models import (
    COERCION_LABELS,
    EVENT_LABELS,
    RELATION_LABELS,
    STATUS_LABELS,
    Document,
    Event,
    Mention,
    Person,
)
from soraq.registry.services.rollup import newest_first
from soraq.registry.services.text import Quote, Segment, segments, valid_span

FACT_FIELDS: list[tuple[str, Any]] = [
    ("birth_year", _("Birth year")),
    ("age", _("Age")),
    ("sex", _("Sex")),
    ("citizenship", _("Citizenship")),
    ("home", _("Home")),
    ("occupation", _("Occupation")),
    ("location_abroad", _("Location abroad")),
]


@dataclass
class Claim:
    value: Any
    mention: Mention

    @property
    def document(self) -> Document:
        return self.mention.document


@dataclass
class Fact:
    field: str
    label: Any
    claims: list[Claim]

    @property
    def values(self) -> list[Any]:
        return list(dict.fromkeys(c.value for c in self.claims))

    @property
    def grouped(self) -> list[tuple[Any, list[Claim]]]:
        """Each value with the claims that state it (most stated first)."""
        groups: dict[Any, list[Claim]] = {}
        for claim in self.claims:
            groups.setdefault(claim.value, []).append(claim)
        return sorted(groups.items(), key=lambda item: -len(item[1]))

    @property
    def disagreement(self) -> bool:
        return len(self.values) > 1


@dataclass
class TimelineSource:
    mention: Mention
    event: Event
    quote: Quote | None

    @property
    def document(self) -> Document:
        return self.mention.document


@dataclass
class TimelineRow:
    type: str
    date: str
    places: list[str] = field(default_factory=list)
    sources: list[TimelineSource] = field(default_factory=list)
    sort_key: tuple = ()

    @property
    def label(self) -> Any:
        return EVENT_LABELS.get(self.type, self.type)


def _quote(event: Event, text: str) -> Quote | None:
    span = valid_span(text, event.span_start, event.span_end)
    if span is None:
        return None
    return Quote.of(text, *span, whole_sentence=event.span_source == Event.SpanSource.NAME_SENTENCE)


def _effective_dates(events: list[Event]) -> list[dt.date | None]:
    """Each event's date for ordering: its own, else the nearest dated event before it (else the first dated)."""
    out: list[dt.date | None] = []
    last: dt.date | None = None
    for e in events:
        last = e.date_sort or last
        out.append(last)
    first_dated = next((e.date_sort for e in events if e.date_sort), None)
    return [d if d is not None else first_dated for d in out]


def timeline(mentions: list[Mention]) -> list[TimelineRow]:
    """The person's events from all sources, merged and in date order (see the module's rules)."""
    rows: dict[tuple, TimelineRow] = {}
    for m_order, mention in enumerate(mentions):
        events = sorted(mention.events.all(), key=lambda e: e.index)
        text = mention.document.text
        for event, when in zip(events, _effective_dates(events)):
            precise = event.date_precision in ("day", "month")
            key = (event.type, event.date) if precise else (event.type, event.date, mention.pk, event.index)
            row = rows.get(key)
            if row is None:
                row = rows[key] = TimelineRow(
                    type=event.type, date=event.date,
                    sort_key=(when or dt.date.max, event.date_sort is None, m_order, event.index),
                )
            if event.place and event.place not in row.places:
                row.places.append(event.place)
            row.sources.append(TimelineSource(mention, event, _quote(event, text)))
    return sorted(rows.values(), key=lambda r: r.sort_key)


def facts(mentions: list[Mention]) -> list[Fact]:
    """Each summary fact with every source's version of it (newest source first)."""
    out = []
    for name, label in FACT_FIELDS:
        claims = [Claim(getattr(m, name), m) for m in mentions if getattr(m, name) not in (None, "")]
        if claims:
            out.append(Fact(name, label, claims))
    return out


@dataclass
class StatusView:
    current: str
    as_of: str
    source: Mention | None
    claims: list[Claim]

    @property
    def label(self) -> Any:
        return STATUS_LABELS.get(self.current, self.current)

    @property
    def disagreement(self) -> bool:
        """Sources state different statuses (a change over time, or a contradiction: the reader judges)."""
        return len({c.value for c in self.claims}) > 1

    @property
    def contradiction(self) -> bool:
        """Sources of the same date (or both undated) state different statuses."""
        by_date: dict[str, set[str]] = defaultdict(set)
        for c in self.claims:
            by_date[c.document.published].add(c.value)
        return any(len(v) > 1 for v in by_date.values())


def person_file(person: Person) -> dict[str, Any]:
    """Everything the person page shows."""
    # The document's original bytes and report are not shown here: never loaded. A possible match
    # awaiting review is rare: prefetched (no query when there is none) rather than joined, which
    # keeps the one query simple to plan. Sorted below, so no ORDER BY.
    mentions = newest_first(
        person.mentions.select_related("document").defer("document__original", "document__report")
        .prefetch_related("events", "review_candidate__document", "review_candidate__person").order_by()
    )
    status_claims = [Claim(m.status, m) for m in mentions if m.status]
    coercion: dict[str, list[Mention]] = defaultdict(list)
    relatives: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        for c in m.coercion:
            coercion[c].append(m)
        for r in m.relatives:
            relatives[(r.get("relation", ""), r.get("name", ""))].append(m)
    canonical = {person.name_latin, person.name_cyrillic}
    return {
        "mentions": mentions,
        "other_spellings": [n for n in person.names if n not in canonical],
        "facts": facts(mentions),
        "status": StatusView(person.status, person.status_as_of, person.status_mention, status_claims),
        "timeline": timeline(list(reversed(mentions))),
        "coercion": [(COERCION_LABELS.get(c, c), ms) for c, ms in coercion.items()],
        "relatives": [(RELATION_LABELS.get(rel, rel), name, ms) for (rel, name), ms in relatives.items()],
    }


def evidence_label(mention: Mention, field_name: str) -> str:
    """A readable label for an evidence field: "events[2]" becomes the event's type, and so on."""
    base, _, rest = field_name.partition("[")
    if rest:
        try:
            index = int(rest.rstrip("]"))
        except ValueError:
            index = -1
        if base == "events":
            event = next((e for e in mention.events.all() if e.index == index), None)
            if event is not None:
                return f"{mention.name}: {EVENT_LABELS.get(event.type, event.type)} {event.date}".rstrip()
        elif base == "coercion" and 0 <= index < len(mention.coercion):
            method = mention.coercion[index]
            return f"{mention.name}: {COERCION_LABELS.get(method, method)}"
        elif base == "relatives" and 0 <= index < len(mention.relatives):
            relation = mention.relatives[index].get("relation", "")
            return f"{mention.name}: {RELATION_LABELS.get(relation, relation)}"
    try:
        label = Mention._meta.get_field(field_name).verbose_name
    except FieldDoesNotExist:
        label = field_name.replace("_", " ")
    return f"{mention.name}: {label}"


def evidence_spans(document: Document, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """The (start, end, label) of every piece of evidence in a document that lies inside its text."""
    spans = []
    for m in mentions:
        for ev in m.evidence:
            span = valid_span(document.text, ev.get("start"), ev.get("end"))
            if span:
                spans.append((span[0], span[1], evidence_label(m, str(ev.get("field", "")))))
    return list(dict.fromkeys(spans))


def document_page(document: Document) -> dict[str, Any]:
    """Everything the document page shows: text segments with highlights, and its people."""
    mentions = list(
        document.mentions.select_related("person").prefetch_related("events").order_by("index")
    )
    text_segments: list[Segment] = segments(document.text, evidence_spans(document, mentions))
    report = document.report or {}
    return {
        "mentions": mentions,
        "segments": text_segments,
        "figures": report.get("figures", []),
        "has_original": Document.objects.filter(pk=document.pk, original__isnull=False).exists(),
    }
