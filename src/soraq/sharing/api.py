"""The REST API (django-ninja), mounted at ``/api/``; OpenAPI docs at ``/api/docs``.

Authentication: ``Authorization: Bearer soraq_...`` (an :class:`ApiToken`), or
the browser session of a logged-in user (with CSRF on writes), or nobody.
Authorisation: every operation asks :func:`soraq.sharing.permissions.can`, the
same question the pages and the ``export`` command ask: 401 when the caller is
unknown and must log in, 403 when their role does not allow the action.

Bodies are validated against the project's Pydantic models (a posted report is
:class:`soraq.report.Report`, the contract itself); an invalid body is a 422
with the validation errors, never a 500.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja import Status as Reply
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer, SessionAuth
from pydantic import AfterValidator
from pydantic import ValidationError as PydanticValidationError

from soraq.report import Report, Status
from soraq.sharing import permissions
from soraq.sharing.models import ApiToken

MAX_PAGE_SIZE = 200


def _plain_text(value: str | None) -> str | None:
    """Query text must be storable, searchable Unicode: no NUL, no lone surrogates (the ingest rule)."""
    from soraq.registry.services.ingest import unstorable_reason

    if value is not None and (reason := unstorable_reason(value)):
        raise ValueError(reason)
    return value


PlainText = Annotated[str, AfterValidator(_plain_text)]


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer soraq_...``: the token's owner becomes the caller."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        row = ApiToken.authenticate(token)
        if row is None:
            raise AuthenticationError(401, "invalid or revoked API token")
        request.user = row.user
        return row.user


class _Anonymous:
    """No credentials: the caller is anonymous (each operation then decides, usually 401)."""

    def __call__(self, request: HttpRequest) -> Any:
        return AnonymousUser()


api = NinjaAPI(
    title="Soraq API",
    version="1",
    description=(
        "Persons, documents, matching, report submission, exports and statistics of a Soraq "
        "registry. Authenticate with `Authorization: Bearer <token>` (create one with "
        "`python -m django soraq_token create USER`). Every call is checked against the "
        "caller's role, as in the web pages."
    ),
    auth=[ApiTokenAuth(), SessionAuth(csrf=True), _Anonymous()],
    urls_namespace="api",
)


def caller(request: HttpRequest):
    return getattr(request, "auth", None) or AnonymousUser()


def require(request: HttpRequest, action: str) -> None:
    """401 for an anonymous caller, 403 for a role without the action."""
    user = caller(request)
    if permissions.can(user, action):
        return
    if not getattr(user, "is_authenticated", False):
        raise HttpError(401, "authentication required: send a Bearer token or log in")
    raise HttpError(403, f"your role does not allow {action}")


@api.exception_handler(PydanticValidationError)
def _invalid(request: HttpRequest, exc: PydanticValidationError) -> HttpResponse:
    errors = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    return api.create_response(request, {"detail": errors}, status=422)


# --- schemas ---------------------------------------------------------------------------------


class Error(Schema):
    detail: Any


class PersonOut(Schema):
    id: int
    name: str
    names: list[str]
    given_name: str | None
    family_name: str | None
    patronymic: str | None
    sex: str | None
    birth_year: int | None
    citizenship: str | None
    home: str | None
    status: str | None
    status_as_of: str | None
    mentions: int


class EventOut(Schema):
    type: str
    date: str | None
    place: str | None


class MentionOut(Schema):
    mention_id: str
    document_id: int
    doc_id: str
    name: str
    status: str | None
    review_state: str
    link_decision: str
    link_score: float | None


class PersonDetailOut(PersonOut):
    coercion: list[str]
    events: list[EventOut]
    relatives: list[dict[str, str]]
    documents: list[str]
    confirmed: bool
    mention_list: list[MentionOut]


class PersonPage(Schema):
    count: int = Field(description="persons found, counted up to 10 000 (see count_capped)")
    count_capped: bool = Field(False, description="more persons than count were found: narrow the filter")
    page: int
    page_size: int
    items: list[PersonOut]


class DocumentOut(Schema):
    id: int
    doc_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    lang: str | None
    relevant: bool


class DocumentDetailOut(DocumentOut):
    text: str
    report: dict[str, Any]


class DocumentPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[DocumentOut]


class PersonFilter(Schema):
    q: PlainText = Field("", max_length=200, description="name in any script or spelling")
    citizenship: str = Field("", pattern=r"^([A-Za-z]{2})?$", description="ISO 3166-1 alpha-2")
    status: Status | None = None
    page: int = Field(1, ge=1, le=100000)
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE)


class DocumentFilter(Schema):
    q: PlainText = Field("", max_length=200, description="part of the document id or title")
    lang: str = Field("", pattern=r"^([a-z]{2})?$")
    relevant: bool | None = None
    page: int = Field(1, ge=1, le=100000)
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE)


class MatchIn(Schema):
    name: PlainText = Field(..., min_length=1, max_length=255)
    given_name: PlainText | None = Field(None, max_length=255)
    family_name: PlainText | None = Field(None, max_length=255)
    patronymic: PlainText | None = Field(None, max_length=255)
    sex: Literal["male", "female"] | None = None
    birth_year: int | None = Field(None, ge=1900, le=2030)
    age: int | None = Field(None, ge=0, le=120)
    citizenship: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    home: PlainText | None = Field(None, max_length=500)
    location_abroad: PlainText | None = Field(None, max_length=255)
    limit: int = Field(10, ge=1, le=50)


class ReasonOut(Schema):
    feature: str | None
    weight: float | None
    text: str | None


class CandidateOut(Schema):
    person_id: int
    name: str
    probability: float
    match_weight: float | None
    decision: str
    best_mention: str
    reasons: list[ReasonOut]


class StoredOut(Schema):
    doc_id: str
    outcome: Literal["new", "unchanged"]
    mentions: int
    persons: list[int]


class StatRowOut(Schema):
    category: str
    label: str
    reported: int | None = Field(description="at least this many people; null when fewer than k")
    confirmed: int | None


class StatTableOut(Schema):
    dimension: str
    title: str
    public: bool
    k: int
    rows: list[StatRowOut]


class StatisticsOut(Schema):
    public: bool
    total: int | None
    confirmed: int | None
    tables: list[StatTableOut]


# --- persons ---------------------------------------------------------------------------------


def _person_out(person, mentions: int | None = None) -> dict[str, Any]:
    return {
        "id": person.pk,
        "name": person.display_name,
        "names": [n for n in (person.names or []) if isinstance(n, str)],
        "given_name": person.given_name or None,
        "family_name": person.family_name or None,
        "patronymic": person.patronymic or None,
        "sex": person.sex or None,
        "birth_year": person.birth_year,
        "citizenship": person.citizenship or None,
        "home": person.home or None,
        "status": person.status or None,
        "status_as_of": person.status_as_of or None,
        "mentions": mentions if mentions is not None else getattr(person, "mention_count", 0),
    }


@api.get("/persons", response={200: PersonPage, 401: Error, 403: Error}, tags=["persons"])
def list_persons(request: HttpRequest, filters: Query[PersonFilter]):
    """Persons, filtered by name (any script, via search keys), citizenship and status; paginated."""
    require(request, "persons.read")
    from soraq.registry import dataversion

    # the same for every caller allowed persons.read: cached per query until the data changes
    key = "sharing.api.persons." + "|".join(
        str(v) for v in (filters.q, filters.citizenship, filters.status.value if filters.status else "",
                         filters.page, filters.page_size))
    # hashed: the query is the caller's text (any length, any characters) and never belongs in a key
    return dataversion.cached(f"sharing.api.persons.{_digest(key)}", lambda: _person_page(filters))


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _person_page(filters: PersonFilter) -> dict[str, Any]:
    from soraq.registry.services.search import COUNT_CAP, count_capped, find_persons, with_counts

    persons = find_persons(filters.q, citizenship=filters.citizenship,
                           status=filters.status.value if filters.status else "")
    start = (filters.page - 1) * filters.page_size
    items = with_counts(persons[start:start + filters.page_size])
    if filters.page == 1 and len(items) < filters.page_size:
        count = len(items)  # everything is on this page: no count query
    else:
        count = count_capped(persons)
    return {"count": min(count, COUNT_CAP), "count_capped": count > COUNT_CAP, "page": filters.page,
            "page_size": filters.page_size, "items": [_person_out(p) for p in items]}


@api.get("/persons/{person_id}", response={200: PersonDetailOut, 401: Error, 403: Error, 404: Error},
         tags=["persons"])
def get_person(request: HttpRequest, person_id: int):
    """One person: roll-up, events, coercion, relatives as reported, sources and their review state."""
    require(request, "persons.read")
    from soraq.registry import dataversion

    if not 0 < person_id < 2**62:
        raise HttpError(404, "no such person")
    # the same for every caller allowed persons.read: cached until the data changes
    return dataversion.cached(f"sharing.api.person.{person_id}", lambda: _person_detail(person_id))


def _person_detail(person_id: int) -> dict[str, Any]:
    from soraq.sharing.source import person_queryset, record_from_person

    person = get_object_or_404(person_queryset(), pk=person_id)
    record = record_from_person(person)
    mentions = list(person.mentions.all())
    out = _person_out(person, mentions=len(mentions))
    out.update({
        "coercion": list(record.coercion),
        "events": [{"type": e.type, "date": e.date, "place": e.place} for e in record.events],
        "relatives": [{"relation": r, "name": n} for r, n in record.relatives],
        "documents": list(record.documents),
        "confirmed": record.confirmed,
        "mention_list": [
            {"mention_id": m.mention_id, "document_id": m.document_id, "doc_id": m.document.doc_id,
             "name": m.name, "status": m.status or None, "review_state": m.review_state,
             "link_decision": m.link_decision, "link_score": m.link_score}
            for m in mentions
        ],
    })
    return out


# --- documents -------------------------------------------------------------------------------


def _document_out(document) -> dict[str, Any]:
    return {
        "id": document.pk, "doc_id": document.doc_id, "title": document.title or None,
        "url": document.url or None, "outlet": document.outlet or None,
        "published": document.published or None, "lang": document.lang or None,
        "relevant": document.relevant,
    }


@api.get("/documents", response={200: DocumentPage, 401: Error, 403: Error}, tags=["documents"])
def list_documents(request: HttpRequest, filters: Query[DocumentFilter]):
    """Source documents, newest first; filter by id/title text, language and relevance."""
    require(request, "documents.read")
    from django.db.models import Q

    from soraq.registry.models import Document

    documents = Document.objects.defer("text", "original", "report")
    if filters.q:
        documents = documents.filter(Q(doc_id__icontains=filters.q) | Q(title__icontains=filters.q))
    if filters.lang:
        documents = documents.filter(lang=filters.lang)
    if filters.relevant is not None:
        documents = documents.filter(relevant=filters.relevant)
    start = (filters.page - 1) * filters.page_size
    items = list(documents[start:start + filters.page_size])
    count = documents.count() if (items or filters.page > 1) else 0
    return {"count": count, "page": filters.page, "page_size": filters.page_size,
            "items": [_document_out(d) for d in items]}


@api.get("/documents/{document_id}",
         response={200: DocumentDetailOut, 401: Error, 403: Error, 404: Error}, tags=["documents"])
def get_document(request: HttpRequest, document_id: int):
    """One document: metadata, text and its extraction report as stored."""
    require(request, "documents.read")
    from soraq.registry.models import Document

    if not 0 < document_id < 2**62:
        raise HttpError(404, "no such document")
    document = get_object_or_404(Document.objects.defer("original"), pk=document_id)
    out = _document_out(document)
    out.update({"text": document.text, "report": document.report or {}})
    return out


# --- matching --------------------------------------------------------------------------------


@api.post("/match", response={200: list[CandidateOut], 401: Error, 403: Error, 422: Error},
          tags=["persons"])
def match_person(request: HttpRequest, body: MatchIn):
    """Registry persons who may be the one described, best first, with the matcher's reasons."""
    require(request, "match.run")
    from soraq.sharing.matching import match_registry

    return match_registry(body.model_dump(exclude={"limit"}), limit=body.limit)


# --- reports ---------------------------------------------------------------------------------


@api.post("/reports", response={201: StoredOut, 200: StoredOut, 401: Error, 403: Error, 422: Error},
          tags=["reports"])
def submit_report(request: HttpRequest, report: Report):
    """Store a report in the spec's shape and link its persons (idempotent: resubmitting changes nothing)."""
    require(request, "reports.submit")
    from soraq.sharing.services import UnstorableReport, ingest_report

    try:
        stored = ingest_report(report, origin=f"api:{caller(request).get_username()}")
    except UnstorableReport as exc:
        raise HttpError(422, str(exc)) from None
    out = {"doc_id": stored.doc_id, "outcome": stored.outcome, "mentions": stored.mentions,
           "persons": stored.persons or []}
    return Reply(201 if stored.outcome == "new" else 200, out)


# --- exports and statistics --------------------------------------------------------------------


ExportFormat = Literal["csv", "json", "pfif", "ftm"]


@api.get("/exports/{fmt}", response={200: None, 401: Error, 403: Error}, tags=["exports"])
def export(request: HttpRequest, fmt: ExportFormat, public: bool = True):
    """The public dataset (default), or with ``public=false`` the operator's full export."""
    require(request, "export.public" if public else "export.full")
    from soraq.sharing.exporting import audit_export, build_dataset, export_response

    dataset = build_dataset(public=public)
    audit_export(caller(request), dataset, fmt, "api")
    return export_response(dataset, fmt)


@api.get("/statistics", response={200: StatisticsOut, 401: Error, 403: Error}, tags=["statistics"])
def statistics(request: HttpRequest, public: bool = True):
    """Counts by citizenship, status, region, deployment month and coercion (public ones suppressed)."""
    require(request, "statistics.public" if public else "statistics.full")
    from soraq.sharing.statistics import registry_statistics

    return registry_statistics(public=public).as_dict()


# Import endpoints live in their own module; mounted last so that they can use ``require``.
from soraq.sharing.api_imports import router as _imports_router  # noqa: E402

api.add_router("/imports", _imports_router)
