"""Synthetic, fictional registry data for load benchmarks, bulk-loaded through the ORM.

Names are built from invented syllables (no real person), each person gets three
documents that mention them, one deployment event per mention, search keys from
:func:`soraq.names.search_keys` (computed once per name word), and one mention in
ten is marked verified by a reviewer, so statistics have both columns. One person
in ``CASE_EVERY`` has a case file (case work), anchored to their first mention,
so that the case page can be measured too.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import date

GIVEN_SYLLABLES = ("zor", "tam", "bel", "kav", "nur", "ras", "dil", "mor", "sef", "ul", "par", "gen")
FAMILY_SYLLABLES = ("qar", "vel", "zem", "tor", "bay", "dan", "mir", "xos", "ruz", "lan", "peq", "hom")
CITIZENSHIPS = ("KG", "UZ", "TJ", "NP", "IN", "CU", "AZ", "GH")
REGIONS = tuple(f"{a.title()}{b} Region" for a in FAMILY_SYLLABLES[:8] for b in ("ovo", "ana"))
STATUSES = ("missing", "killed", "captured", "returned", "at_front", "detained", "unknown")
COERCION = ("deception", "document_pretext", "threat_of_prison", "debt", "passport_confiscation")
CASE_EVERY = 50


def _word(rng: random.Random, syllables: tuple[str, ...], parts: int) -> str:
    return "".join(rng.choice(syllables) for _ in range(parts)).title()


def fictional_people(n: int, seed: int = 7) -> Iterator[dict]:
    rng = random.Random(seed)
    for i in range(n):
        given = _word(rng, GIVEN_SYLLABLES, 2)
        family = _word(rng, FAMILY_SYLLABLES, 3) + rng.choice(("ov", "li", "zade", "yev", ""))
        yield {
            "i": i,
            "given": given,
            "family": family,
            "name": f"{given} {family}",
            "birth_year": rng.randint(1965, 2005),
            "citizenship": rng.choice(CITIZENSHIPS),
            "home": f"Village {rng.randint(1, 400)}, {rng.choice(REGIONS)}",
            "status": rng.choice(STATUSES),
            "coercion": rng.sample(COERCION, rng.randint(0, 2)),
            "month": f"{rng.choice((2023, 2024, 2025))}-{rng.randint(1, 12):02d}",
        }


def load(n: int, docs_per_person: int = 3, batch: int = 2000, progress=print) -> dict:
    """Load ``n`` persons and ``docs_per_person * n`` documents; return a few sample values for the load run."""
    from django.db import transaction

    from soraq.names import search_keys
    from soraq.casework.models import Case, new_reference
    from soraq.registry.models import Document, Event, Mention, Person, PersonNameKey

    key_cache: dict[str, set[str]] = {}

    def keys(word: str) -> set[str]:
        if word not in key_cache:
            key_cache[word] = {k[:255] for k in search_keys(word) if k}
        return key_cache[word]

    people = fictional_people(n)
    samples: dict = {"family_names": [], "person_ids": [], "case_references": []}
    done = 0
    while done < n:
        chunk = [next(people) for _ in range(min(batch, n - done))]
        with transaction.atomic():
            persons = Person.objects.bulk_create([
                Person(name_latin=p["name"], names=[p["name"]], given_name=p["given"], family_name=p["family"],
                       birth_year=p["birth_year"], citizenship=p["citizenship"], home=p["home"],
                       status=p["status"], status_as_of="2025-06")
                for p in chunk
            ])
            name_keys = []
            for person, p in zip(persons, chunk, strict=True):
                for key in keys(p["given"]) | keys(p["family"]) | keys(p["name"]):
                    name_keys.append(PersonNameKey(person=person, key=key))
            PersonNameKey.objects.bulk_create(name_keys, ignore_conflicts=True)
            documents = []
            for p in chunk:
                for d in range(docs_per_person):
                    text = f"Invented report {d} about {p['name']} ({p['i']})."
                    digest = hashlib.sha256(text.encode()).hexdigest()
                    report = {"doc_id": f"bench-{p['i']}-{d}", "lang": "en", "published": "2025-06-01",
                              "relevant": True, "figures": [], "persons": [{
                                  "name": p["name"], "given_name": p["given"], "family_name": p["family"],
                                  "patronymic": None, "sex": "male", "birth_year": p["birth_year"], "age": None,
                                  "citizenship": p["citizenship"], "home": p["home"], "occupation": None,
                                  "location_abroad": None, "status": p["status"],
                                  "events": [{"type": "deployment", "date": p["month"], "place": None}],
                                  "coercion": p["coercion"], "relatives": []}]}
                    documents.append(Document(
                        doc_id=f"bench-{p['i']}-{d}", text=text, title=f"Invented report {d}", lang="en",
                        published="2025-06-01", published_precision="day", published_sort=date(2025, 6, 1),
                        content_sha256=digest, text_sha256=digest, media_type="text/plain",
                        relevant=True, report=report, extractor_version="bench"))
            documents = Document.objects.bulk_create(documents)
            mentions = []
            for k, document in enumerate(documents):
                p, person = chunk[k // docs_per_person], persons[k // docs_per_person]
                mentions.append(Mention(
                    document=document, index=0, name=p["name"], given_name=p["given"], family_name=p["family"],
                    sex="male", birth_year=p["birth_year"], citizenship=p["citizenship"], home=p["home"],
                    status=p["status"], coercion=p["coercion"], person=person,
                    link_decision="merge" if k % docs_per_person else "new",
                    review_state="verified" if (p["i"] % 10 == 0 and k % docs_per_person == 0) else "machine_suggested"))
            mentions = Mention.objects.bulk_create(mentions)
            Event.objects.bulk_create([
                Event(mention=m, index=0, type="deployment", date=chunk[k // docs_per_person]["month"],
                      date_precision="month", date_sort=date(int(chunk[k // docs_per_person]["month"][:4]),
                                                             int(chunk[k // docs_per_person]["month"][5:]), 1))
                for k, m in enumerate(mentions)
            ])
            cases = Case.objects.bulk_create([
                Case(reference=new_reference(), name=p["name"], birth_year=p["birth_year"],
                     citizenship=p["citizenship"], home_region=p["home"].split(", ")[-1],
                     mention=mentions[k * docs_per_person], status=Case.Status.OPEN)
                for k, p in enumerate(chunk) if p["i"] % CASE_EVERY == 0
            ])
        if len(samples["person_ids"]) < 2000:  # samples from every chunk, not just the first
            samples["person_ids"] += [p.pk for p in persons[:100]]
            samples["family_names"] += [p["family"] for p in chunk[:100]]
            samples["case_references"] += [c.reference for c in cases[:20]]
        done += len(chunk)
        progress(f"loaded {done}/{n} persons")
    return samples
