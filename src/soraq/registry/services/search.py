"""Finding people in the registry by name (any script, any spelling) and by facts.

Built to stay fast on a large registry (benchmarks/load_registry.py, 100 000
persons): a name search goes through the indexed search keys, a page's
persons are fetched with a LIMIT in an index's order, what only the shown rows
need (how many sources, whether a link waits for review) is counted for those
rows alone, and the total is counted only up to :data:`COUNT_CAP`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet

from soraq.registry.models import STATUS_LABELS, Mention, Person, PersonNameKey

_WORD = re.compile(r"[^\W\d_][\w'ʼ’-]*", re.UNICODE)

#: persons counted at most for "N persons found"; past it the page says "more than N"
COUNT_CAP = 10_000


def name_words(query: str) -> list[str]:
    """The name words of a search query (digits and punctuation dropped)."""
    return _WORD.findall(query)


def find_persons(query: str = "", *, citizenship: str = "", status: str = "") -> QuerySet[Person]:
    """Persons whose names match every word of the query, through the words' search keys.

    "Насибов" finds a person recorded as "Nasibov" because both words share a
    search key (:func:`soraq.names.search_keys`); each word must match, so
    "Vusal Nasibov" does not list every Vusal. In name order (an index's order);
    :func:`with_counts` adds the per-row counts to the page shown.
    """
    from soraq.names import search_keys

    persons = Person.objects.all()
    for word in name_words(query):
        keys = {k for k in search_keys(word) if k}
        if not keys:
            continue
        persons = persons.filter(
            pk__in=PersonNameKey.objects.filter(key__in=keys).values("person_id")
        )
    if citizenship:
        persons = persons.filter(citizenship=citizenship.upper()[:2])
    if status:
        persons = persons.filter(status=status)
    return persons.order_by("family_name", "name_latin", "name_cyrillic", "pk")


def with_counts(persons: Sequence[Person]) -> list[Person]:
    """The persons of one page, with ``mention_count``, ``review_count`` and ``status_label`` (one query)."""
    persons = list(persons)
    awaiting = Q(link_decision=Mention.LinkOutcome.REVIEW, review_state=Mention.ReviewState.MACHINE_SUGGESTED)
    counts = {
        row["person_id"]: row
        for row in Mention.objects.filter(person_id__in=[p.pk for p in persons]).order_by()
        .values("person_id").annotate(n=Count("pk"), review=Count("pk", filter=awaiting))
    }
    for person in persons:
        row = counts.get(person.pk, {})
        person.mention_count = row.get("n", 0)
        person.review_count = row.get("review", 0)
        person.status_label = STATUS_LABELS.get(person.status, person.status)
    return persons


def count_capped(persons: QuerySet, cap: int = COUNT_CAP) -> int:
    """How many rows, counted up to ``cap + 1`` at most (never a count over the whole registry)."""
    return persons.order_by()[: cap + 1].count()


class CappedPaginator(Paginator):
    """A paginator whose count stops past :data:`COUNT_CAP` (``capped`` then says so)."""

    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        return count_capped(self.object_list, self.cap)

    @property
    def capped(self) -> bool:
        return self.count > self.cap


def citizenships() -> list[str]:
    """The citizenships present in the registry, for the filter (cached until the data changes)."""
    from soraq.registry.dataversion import cached

    return cached("registry.citizenships", lambda: list(
        Person.objects.exclude(citizenship="").order_by("citizenship")
        .values_list("citizenship", flat=True).distinct()
    ))
