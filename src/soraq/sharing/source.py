"""Reading the registry into plain records (:mod:`soraq.sharing.records`).

The registry keeps each source's claim on its mentions and rolls them up into a
:class:`~soraq.registry.models.Person`; sharing reads the roll-up for the
person's identity and status, and the mentions for what only they carry
(occupation, coercion, relatives, events, documents, review state). Records
are built in chunks with prefetching so that exporting 100 000 persons stays
within a few queries per chunk.

Consent to publish comes from case work (:func:`consents`): a person has
consent only when a visible case about them records who in the family gave it,
who recorded it and when, and no newer withdrawal stands against it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet

from soraq.sharing.records import Consent, DocumentRecord, EventRecord, PersonRecord

CHUNK = 2000

#: casework's Case fields that record the family's consent to publish: who in the family gave it
#: and how (encrypted text), which user recorded it, when, and when it was last withdrawn
CONSENT_FIELDS: tuple[str, str, str, str] = (
    "publish_consent_from", "publish_consent_by", "publish_consent_at", "publish_consent_withdrawn_at",
)


def _most_common(values: Iterable[str]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def consent_fields() -> tuple[str, ...] | None:
    """casework's Case consent fields, or None when case work is not installed (then nobody is named)."""
    from django.apps import apps

    if not apps.is_installed("soraq.casework"):
        return None
    from soraq.casework.models import Case

    names = {f.name for f in Case._meta.get_fields()}
    return CONSENT_FIELDS if set(CONSENT_FIELDS) <= names else None


def consents(person_ids: Iterable[int] | None = None) -> dict[int, Consent]:
    """Person pk -> the family's recorded consent to publish.

    A case is about the person its anchor mention is linked to now
    (``mention__person``), so merges and splits carry consent along. Hidden
    (false or malicious) cases never give consent. Consent counts only with who
    gave it, who recorded it and when; a withdrawal on any visible case about
    the person that is newer than every consent wins.
    """
    if consent_fields() is None:
        return {}
    from soraq.casework.models import Case

    cases = Case.objects.filter(hidden=False, mention__person__isnull=False).filter(
        Q(publish_consent_at__isnull=False) | Q(publish_consent_withdrawn_at__isnull=False))
    if person_ids is not None:
        cases = cases.filter(mention__person_id__in=list(person_ids))
    given: dict[int, Consent] = {}
    withdrawn: dict[int, datetime] = {}
    rows = cases.order_by("publish_consent_at", "pk").values_list(
        "mention__person_id", "publish_consent_from", "publish_consent_by__username", "publish_consent_at",
        "publish_consent_withdrawn_at")
    for person_id, given_by, recorded_by, given_at, withdrawn_at in rows:
        if withdrawn_at is not None and (person_id not in withdrawn or withdrawn_at > withdrawn[person_id]):
            withdrawn[person_id] = withdrawn_at
        if given_by and recorded_by and given_at:
            given[person_id] = Consent(str(given_by), given_at, str(recorded_by))  # the newest wins
    return {person_id: consent for person_id, consent in given.items()
            if person_id not in withdrawn or consent.given_at > withdrawn[person_id]}


#: Document.origin of a family's tracing request (case work's intake claim,
#: ``soraq.casework.services.claims.SOURCE_KIND``)
FAMILY_REQUEST_ORIGIN = "family_tracing_request"


def family_request_origin() -> str:
    """The document origin case work gives a family's tracing request."""
    try:
        from soraq.casework.services.claims import SOURCE_KIND
    except ImportError:
        return FAMILY_REQUEST_ORIGIN
    return SOURCE_KIND


def withheld_family_requests(consented: Iterable[int]) -> tuple[set[int], set[int]]:
    """What public output must leave out of families' tracing requests, unless the family consented.

    A family's request is their confidential approach to case workers, not a
    public source: it may not be what makes a person appear in public
    statistics or the public dataset. Returns (persons known *only* from family
    requests and without consent, who are left out entirely; persons without
    consent who also appear in other sources, whose family-request mentions are
    left out of their records).
    """
    from soraq.registry.models import Mention

    origin = family_request_origin()
    from_family = set(Mention.objects.filter(person__isnull=False, document__origin=origin)
                      .values_list("person_id", flat=True).distinct())
    from_family -= set(consented)
    if not from_family:
        return set(), set()
    also_elsewhere = set(Mention.objects.filter(person_id__in=from_family).exclude(document__origin=origin)
                         .values_list("person_id", flat=True).distinct())
    return from_family - also_elsewhere, also_elsewhere


def facts_without_family_requests(person_ids: Iterable[int]) -> dict[int, dict[str, object]]:
    """Person pk -> sex, birth year, citizenship, home and status as the *other* sources say them.

    For public output about a person whose family's request (without consent)
    sits beside other sources: the roll-up on the person row counts the
    family's claim too, so it is summarised again without it.
    """
    from soraq.registry.models import Mention
    from soraq.registry.services.rollup import summary_facts

    ids = list(person_ids)
    if not ids:
        return {}
    by_person: dict[int, list] = {}
    for mention in (Mention.objects.filter(person_id__in=ids).exclude(document__origin=family_request_origin())
                    .select_related("document").only(
                        "pk", "person_id", "sex", "birth_year", "age", "citizenship", "home", "status",
                        "document__published_sort", "document__published", "document__ingested_at")):
        by_person.setdefault(mention.person_id, []).append(mention)
    out = {}
    for person_id, mentions in by_person.items():
        facts = summary_facts(mentions)
        facts.pop("status_claim", None)
        out[person_id] = facts
    return out


def person_queryset() -> QuerySet:
    from soraq.registry.models import Event, Mention, Person

    # the document's text, original bytes and report are not needed here: never load them
    mentions = Mention.objects.select_related("document").defer(
        "document__text", "document__original", "document__report", "evidence", "link_reasons",
    ).prefetch_related(
        Prefetch("events", queryset=Event.objects.order_by("date_sort", "index"))
    )
    return Person.objects.order_by("pk").prefetch_related(Prefetch("mentions", queryset=mentions))


def record_from_person(person, consent: Consent | None = None) -> PersonRecord:
    """One registry person (mentions, events and documents prefetched) as a plain record."""
    mentions = [
        (person.pk, m.document.doc_id, m.occupation, m.location_abroad, m.coercion, m.relatives, m.review_state)
        for m in person.mentions.all()
    ]
    events = [
        (person.pk, e.type, e.date, e.place)
        for m in person.mentions.all() for e in m.events.all()
    ]
    values = {field: getattr(person, field) for field in PERSON_FIELDS}
    return _record(values, mentions, events, consent)


PERSON_FIELDS = ("pk", "name_latin", "name_cyrillic", "names", "given_name", "family_name", "patronymic",
                 "sex", "birth_year", "citizenship", "home", "status", "updated_at")


def iter_person_records(queryset: QuerySet | None = None, *, public: bool = False) -> Iterator[PersonRecord]:
    """Every person of the registry (or of ``queryset``) as a record, in chunks.

    Built from plain value queries (three per chunk of persons), not model
    instances: exporting the whole registry is the one place where that matters.
    ``public``: records for public output, without families' tracing requests
    the family has not consented to publish (:func:`withheld_family_requests`).
    """
    from soraq.registry.models import Event, Mention, Person

    queryset = queryset if queryset is not None else Person.objects.all()
    consent_by_person = consents()
    family_only: set[int] = set()
    family_mentions_withheld: set[int] = set()
    if public:
        family_only, family_mentions_withheld = withheld_family_requests(consent_by_person)
        queryset = queryset.exclude(pk__in=family_only)
    origin = family_request_origin()
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        withheld = [pk for pk in chunk if pk in family_mentions_withheld]
        mention_rows = Mention.objects.filter(person_id__in=chunk)
        event_rows = Event.objects.filter(mention__person_id__in=chunk)
        if withheld:
            mention_rows = mention_rows.exclude(person_id__in=withheld, document__origin=origin)
            event_rows = event_rows.exclude(mention__person_id__in=withheld, mention__document__origin=origin)
        mentions: dict[int, list[tuple]] = {}
        for row in (mention_rows.order_by("pk").values_list(
                "person_id", "document__doc_id", "occupation", "location_abroad", "coercion", "relatives",
                "review_state")):
            mentions.setdefault(row[0], []).append(row)
        events: dict[int, list[tuple]] = {}
        for row in (event_rows.order_by("date_sort", "mention_id", "index")
                    .values_list("mention__person_id", "type", "date", "place")):
            events.setdefault(row[0], []).append(row)
        persons = Person.objects.filter(pk__in=chunk).order_by("pk").values_list(*PERSON_FIELDS)
        other_sources = facts_without_family_requests(withheld)
        for values in persons:
            person = dict(zip(PERSON_FIELDS, values, strict=True))
            person.update(other_sources.get(person["pk"], {}))
            yield _record(person, mentions.get(person["pk"], []), events.get(person["pk"], []),
                          consent_by_person.get(person["pk"]))


def _record(person: dict, mentions: list[tuple], events: list[tuple], consent: Consent | None) -> PersonRecord:
    seen: set[tuple] = set()
    event_records: list[EventRecord] = []
    for _, kind, date, place in events:
        if (kind, date, place) not in seen:
            seen.add((kind, date, place))
            event_records.append(EventRecord(kind, date or None, place or None))
    event_records.sort(key=lambda e: e.date or "9999")
    coercion: list[str] = []
    relatives: list[tuple[str, str]] = []
    documents: list[str] = []
    for _, doc_id, _occupation, _abroad, methods, kin, _state in mentions:
        for method in methods or []:
            if method not in coercion:
                coercion.append(method)
        for relative in kin or []:
            pair = (relative.get("relation", "relative"), relative.get("name", ""))
            if pair[1] and pair not in relatives:
                relatives.append(pair)
        if doc_id not in documents:
            documents.append(doc_id)
    names = [n for n in (person["names"] or []) if isinstance(n, str) and n]
    name = person["name_latin"] or person["name_cyrillic"] or (names[0] if names else f"#{person['pk']}")
    return PersonRecord(
        person_id=str(person["pk"]),
        name=name,
        given_name=person["given_name"] or None,
        family_name=person["family_name"] or None,
        patronymic=person["patronymic"] or None,
        sex=person["sex"] or None,
        birth_year=person["birth_year"],
        citizenship=person["citizenship"] or None,
        home=person["home"] or None,
        occupation=_most_common(m[2] for m in mentions),
        location_abroad=_most_common(m[3] for m in mentions),
        status=person["status"] or None,
        events=tuple(event_records),
        coercion=tuple(coercion),
        relatives=tuple(relatives),
        documents=tuple(documents),
        aliases=tuple(n for n in names if n != name),
        confirmed=any(m[6] == "verified" for m in mentions),
        consent=consent,
        updated=person["updated_at"],
    )


def document_record(document) -> DocumentRecord:
    return DocumentRecord(
        doc_id=document.doc_id,
        title=document.title or None,
        url=document.url or None,
        outlet=document.outlet or None,
        published=document.published or None,
        lang=document.lang or None,
        media_type=document.media_type or None,
        relevant=document.relevant,
    )


def iter_document_records() -> Iterator[DocumentRecord]:
    from soraq.registry.models import Document

    fields = ("doc_id", "title", "url", "outlet", "published", "lang", "media_type", "relevant")
    for document in Document.objects.order_by("pk").only(*fields).iterator(chunk_size=CHUNK):
        yield document_record(document)


def iter_stat_records(*, public: bool = False) -> Iterator[PersonRecord]:
    """Lightweight records for statistics: no names, just what is counted (few queries, no joins per row).

    ``public``: without families' tracing requests the family has not consented
    to publish (:func:`withheld_family_requests`).
    """
    from soraq.registry.models import Event, Mention, Person

    consent_by_person = consents()
    mentions = Mention.objects.filter(person__isnull=False)
    events = Event.objects.filter(mention__person__isnull=False)
    persons = Person.objects.all()
    family_mentions_withheld: set[int] = set()
    if public:
        family_only, family_mentions_withheld = withheld_family_requests(consent_by_person)
        origin = family_request_origin()
        withheld = family_only | family_mentions_withheld
        persons = persons.exclude(pk__in=family_only)
        mentions = mentions.exclude(person_id__in=withheld, document__origin=origin)
        events = events.exclude(mention__person_id__in=withheld, mention__document__origin=origin)
    verified = set(
        mentions.filter(review_state="verified").values_list("person_id", flat=True).distinct()
    )
    coercion: dict[int, set[str]] = {}
    for person_id, methods in (
        mentions.exclude(coercion=[]).values_list("person_id", "coercion").iterator(chunk_size=CHUNK * 5)
    ):
        if methods:
            coercion.setdefault(person_id, set()).update(methods)
    deployment: dict[int, str] = {}
    for person_id, date in (
        events.filter(type="deployment").exclude(date="")
        .values_list("mention__person_id", "date").iterator(chunk_size=CHUNK * 5)
    ):
        if person_id not in deployment or date < deployment[person_id]:
            deployment[person_id] = date
    other_sources = facts_without_family_requests(family_mentions_withheld)
    rows = persons.values_list("pk", "citizenship", "status", "home", "birth_year")
    for pk, citizenship, status, home, birth_year in rows.iterator(chunk_size=CHUNK * 5):
        if pk in other_sources:
            facts = other_sources[pk]
            citizenship, status, home, birth_year = (facts["citizenship"], facts["status"], facts["home"],
                                                     facts["birth_year"])
        first = deployment.get(pk)
        yield PersonRecord(
            person_id=str(pk),
            name="",
            birth_year=birth_year,
            citizenship=citizenship or None,
            status=status or None,
            home=home or None,
            coercion=tuple(sorted(coercion.get(pk, ()))),
            events=(EventRecord("deployment", first),) if first else (),
            confirmed=pk in verified,
            consent=consent_by_person.get(pk),
        )
