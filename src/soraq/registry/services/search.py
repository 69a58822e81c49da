"""Finding people in the registry by name (any script, any spelling) and by facts."""

from __future__ import annotations

import re

from django.db.models import Count, Q, QuerySet

from soraq.registry.models import Person, PersonNameKey

_WORD = re.compile(r"[^\W\d_][\w'ʼ’-]*", re.UNICODE)


def name_words(query: str) -> list[str]:
    """The name words of a search query (digits and punctuation dropped)."""
    return _WORD.findall(query)


def find_persons(query: str = "", *, citizenship: str = "", status: str = "") -> QuerySet[Person]:
    """Persons whose names match every word of the query, through the words' search keys.

    "Насибов" finds a person recorded as "Nasibov" because both words share a
    search key (:func:`soraq.names.search_keys`); each word must match, so
    "Vusal Nasibov" does not list every Vusal.
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
    awaiting = Q(mentions__link_decision="review", mentions__review_state="machine_suggested")
    return persons.annotate(
        mention_count=Count("mentions"), review_count=Count("mentions", filter=awaiting)
    ).order_by("family_name", "name_latin", "name_cyrillic", "pk")


def citizenships() -> list[str]:
    """The citizenships present in the registry, for the filter."""
    return list(
        Person.objects.exclude(citizenship="").order_by("citizenship")
        .values_list("citizenship", flat=True).distinct()
    )
