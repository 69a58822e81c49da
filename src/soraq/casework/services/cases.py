"""Finding cases and putting a case file together for the case page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from soraq.casework.models import Case, CaseNameKey
from soraq.casework.services.names import keys_for_query
from soraq.registry.models import Event, Mention


@dataclass
class CaseFilters:
    q: str = ""
    citizenship: str = ""
    status: str = ""
    person_status: str = ""
    region: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    new_reports: bool = False
    silent: bool = False
    include_hidden: bool = False


def find_cases(f: CaseFilters) -> QuerySet[Case]:
    """Cases matching every filter; the name search works in any script."""
    qs = Case.objects.all()
    if not f.include_hidden:
        qs = qs.filter(hidden=False)
    if f.q:
        keys = keys_for_query(f.q)
        by_reference = Q(reference__iexact=f.q.strip())
        qs = qs.filter(by_reference | Q(pk__in=CaseNameKey.objects.filter(key__in=keys).values("case_id")))
    if f.citizenship:
        qs = qs.filter(citizenship=f.citizenship.upper())
    if f.status:
        qs = qs.filter(status=f.status)
    if f.person_status:
        qs = qs.filter(mention__person__status=f.person_status)
    if f.region:
        qs = qs.filter(home_region__icontains=f.region)
    if f.date_from:
        qs = qs.filter(created_at__date__gte=f.date_from)
    if f.date_to:
        qs = qs.filter(created_at__date__lte=f.date_to)
    if f.new_reports:
        qs = qs.filter(has_new_reports=True)
    return qs.select_related("mention__person").distinct()


def last_news(case: Case) -> dt.date | None:
    """The newest of: the family's last contact, a reported contact, a report about the person."""
    dates = [case.last_contact] if case.last_contact else []
    person_id = case.mention.person_id if case.mention_id and case.mention else None
    if person_id:
        agg = Event.objects.filter(mention__person_id=person_id, type="contact", date_sort__isnull=False)
        contact = agg.aggregate(d=Max("date_sort"))["d"]
        published = (Mention.objects.filter(person_id=person_id)
                     .exclude(document__origin="family_tracing_request")
                     .aggregate(d=Max("document__published_sort"))["d"])
        dates += [d for d in (contact, published) if d]
    return max(dates) if dates else None


def days_without_news(case: Case, today: dt.date | None = None) -> int | None:
    news = last_news(case)
    if news is None:
        return None
    return ((today or timezone.localdate()) - news).days


def gone_silent(today: dt.date | None = None) -> list[tuple[Case, int]]:
    """Open cases whose days without news reached their threshold, longest silence first."""
    today = today or timezone.localdate()
    out = []
    for case in Case.objects.filter(hidden=False, status__in=[Case.Status.NEW, Case.Status.OPEN]).select_related("mention"):
        days = days_without_news(case, today)
        if days is not None and days >= case.silence_days:
            out.append((case, days))
    return sorted(out, key=lambda pair: -pair[1])


@dataclass
class CaseFile:
    case: Case
    person: Any
    registry: dict[str, Any] = field(default_factory=dict)
    names_by_script: dict[str, list[str]] = field(default_factory=dict)
    last_news: dt.date | None = None
    days_without_news: int | None = None


def script_of(name: str) -> str:
    """``cyrillic``, ``latin`` or ``other`` - for showing a person's names by script."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return "other"
    if sum("\u0400" <= c <= "\u04ff" for c in letters) * 2 >= len(letters):
        return "cyrillic"
    if all(c.isascii() or "\u00c0" <= c <= "\u024f" or c in "əƏ" for c in letters):
        return "latin"
    return "other"


def case_file(case: Case) -> CaseFile:
    """Everything the case page shows except the confidential parts (loaded on their own, audited)."""
    from soraq.registry.services.presentation import person_file

    person = case.person
    registry = person_file(person) if person is not None else {}
    names: dict[str, list[str]] = {}
    all_names = [case.name, *case.other_names]
    if person is not None:
        all_names += list(person.names or []) + [m.name for m in registry.get("mentions", [])]
    for name in dict.fromkeys(n for n in all_names if n):
        names.setdefault(script_of(name), []).append(name)
    news = last_news(case)
    return CaseFile(case=case, person=person, registry=registry, names_by_script=names, last_news=news,
                    days_without_news=((timezone.localdate() - news).days if news else None))
