"""A registry of many invented persons made in a few bulk queries, for query-budget tests.

Each person has ``docs`` documents that mention them, one event per mention and
search keys; every name is made of invented syllables (no real person).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools

from soraq.names import search_keys

SYLLABLES = ("zor", "tam", "bel", "kav", "nur", "ras", "dil", "mor")
_batches = itertools.count(1)


def invented_name(i: int) -> tuple[str, str]:
    """A given and a family name, different for every i below 512."""
    given = (SYLLABLES[i % 8] + SYLLABLES[(i // 8) % 8]).title()
    family = (SYLLABLES[(i // 64) % 8] + SYLLABLES[i % 8] + "ov").title()
    return given, family


def make_registry(n: int, docs: int = 3, family: str | None = None) -> list:
    """``n`` persons (all called ``family`` when given), each in ``docs`` documents; returns the persons."""
    from soraq.registry.models import Document, Event, Mention, Person, PersonNameKey

    batch = next(_batches)
    people = []
    for i in range(n):
        given, fam = invented_name(i)
        people.append((given, family or fam))
    persons = Person.objects.bulk_create([
        Person(name_latin=f"{g} {f}", names=[f"{g} {f}"], given_name=g, family_name=f, birth_year=1980 + i % 20,
               citizenship=("KG", "UZ", "NP")[i % 3], home=f"Village {i}, Invented Region",
               status=("missing", "killed", "captured")[i % 3], status_as_of="2025-06")
        for i, (g, f) in enumerate(people)])
    PersonNameKey.objects.bulk_create([
        PersonNameKey(person=p, key=k[:255])
        for p, (g, f) in zip(persons, people) for k in search_keys(g) | search_keys(f) if k
    ], ignore_conflicts=True)
    documents = []
    for i, (g, f) in enumerate(people):
        for d in range(docs):
            text = f"Invented report {d}: {g} {f} ({batch}.{i}) was sent to the front in June 2025."
            digest = hashlib.sha256(text.encode()).hexdigest()
            documents.append(Document(doc_id=f"bulk-{batch}-{i}-{d}", text=text, title=f"Invented report {d}",
                                      published=f"2025-0{1 + d % 9}-01", published_precision="day",
                                      published_sort=dt.date(2025, 1 + d % 9, 1), content_sha256=digest,
                                      text_sha256=digest, relevant=True, report={}))
    documents = Document.objects.bulk_create(documents)
    mentions = Mention.objects.bulk_create([
        Mention(document=doc, index=0, name=f"{people[k // docs][0]} {people[k // docs][1]}",
                person=persons[k // docs], status="missing", coercion=["deception"],
                link_decision="review" if k % docs == 1 else "merge",
                review_candidate=None)
        for k, doc in enumerate(documents)])
    Event.objects.bulk_create([
        Event(mention=m, index=0, type="deployment", date="2025-06", date_precision="month",
              date_sort=dt.date(2025, 6, 1))
        for m in mentions])
    return persons
