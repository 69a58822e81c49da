"""A person's summary, recomputed from the mentions linked to them.

The rules, in domain words:

* a person's name in a script is the spelling most sources use in that script
  (the fuller one on a tie);
* birth year, citizenship, home and sex are what most sources say; a stated
  birth year outweighs one derived from an age (the age-derived one is only
  known within a year);
* the current status is the one stated by the newest dated source (a status is
  "as of the publication date"), and ``unknown`` only when no source knows more.

Nothing here changes a mention: the summary can be thrown away and rebuilt.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeVar

from soraq.registry.models import Mention, Person, PersonNameKey

T = TypeVar("T")

_CYRILLIC = range(0x0400, 0x0530)


def is_cyrillic(text: str) -> bool:
    """True when most letters of the text are Cyrillic."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return sum(ord(c) in _CYRILLIC for c in letters) * 2 > len(letters)


def most_said(values: Iterable[T | None], tie: Callable[[T], object] = lambda v: 0) -> T | None:
    """The value most sources give (``tie`` breaks equal counts, larger wins); None when none does."""
    counts = Counter(v for v in values if v not in (None, ""))
    if not counts:
        return None
    return max(counts, key=lambda v: (counts[v], tie(v)))


def newest_first(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions by their document's publication date, newest first (undated last, then by arrival)."""
    def key(m: Mention):
        published = m.document.published_sort or dt.date.min
        return (m.document.published_sort is not None, published, m.document.ingested_at, m.pk)

    return sorted(mentions, key=key, reverse=True)


def status_claim(mentions: Iterable[Mention]) -> Mention | None:
    """The mention whose status counts now: the newest dated one stating a known status."""
    ordered = newest_first(mentions)
    for m in ordered:
        if m.status and m.status != "unknown":
            return m
    return next((m for m in ordered if m.status), None)


def _birth_year(mentions: list[Mention]) -> int | None:
    stated = [m.birth_year for m in mentions if m.birth_year and m.age is None]
    return most_said(stated, tie=lambda y: -y) or most_said(
        [m.birth_year for m in mentions], tie=lambda y: -y
    )


def summary_facts(mentions: Iterable[Mention]) -> dict[str, object]:
    """What the sources say of a person's sex, birth year, citizenship, home and status (the rules above).

    Pure (documents must be loaded with the mentions): also used to summarise a
    person from a subset of their sources, e.g. for public output without
    families' tracing requests.
    """
    mentions = list(mentions)
    claim = status_claim(mentions)
    return {
        "sex": most_said(m.sex for m in mentions) or "",
        "birth_year": _birth_year(mentions),
        "citizenship": most_said(m.citizenship for m in mentions) or "",
        "home": most_said((m.home for m in mentions), tie=len) or "",
        "status": claim.status if claim else "",
        "status_claim": claim,
    }


def refresh_person(person: Person) -> Person:
    """Recompute a person's summary fields and name search keys from their mentions."""
    from soraq.registry.services.linking import name_keys_of

    mentions = list(person.mentions.select_related("document"))
    latin = [m for m in mentions if not is_cyrillic(m.name)]
    cyrillic = [m for m in mentions if is_cyrillic(m.name)]
    person.name_latin = most_said((m.name for m in latin), tie=len) or ""
    person.name_cyrillic = most_said((m.name for m in cyrillic), tie=len) or ""
    person.names = list(dict.fromkeys(m.name for m in mentions))
    parts_from = [m for m in latin if m.name == person.name_latin] or [
        m for m in cyrillic if m.name == person.name_cyrillic
    ]
    person.given_name = most_said(m.given_name for m in parts_from) or ""
    person.family_name = most_said(m.family_name for m in parts_from) or ""
    person.patronymic = most_said(m.patronymic for m in parts_from) or ""
    facts = summary_facts(mentions)
    person.sex = facts["sex"]
    person.birth_year = facts["birth_year"]
    person.citizenship = facts["citizenship"]
    person.home = facts["home"]
    claim = facts["status_claim"]
    person.status = claim.status if claim else ""
    person.status_as_of = claim.document.published if claim else ""
    person.status_mention = claim
    person.save()

    keys = name_keys_of(*(n for m in mentions for n in (m.name, m.family_name, m.given_name)))
    existing = set(person.name_keys.values_list("key", flat=True))
    PersonNameKey.objects.filter(person=person).exclude(key__in=keys).delete()
    PersonNameKey.objects.bulk_create(
        [PersonNameKey(person=person, key=k) for k in sorted(keys - existing)]
    )
    return person
