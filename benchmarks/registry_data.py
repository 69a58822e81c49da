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


class _Inserter:
    """Inserts model instances: ``COPY`` on PostgreSQL (ids assigned here), ``bulk_create`` elsewhere.

    Why: on PostgreSQL the ORM's multi-row INSERT spent two thirds of the load in
    building and converting one huge statement per table; ``COPY`` streams the
    same values (each field's own ``pre_save`` and ``get_db_prep_save``, so
    defaults, ``auto_now_add`` and JSON are as the ORM would store them). Only for
    an empty, disposable database: the ids are counted from the largest one, and
    the sequences are moved past them at the end (:meth:`finish`).
    """

    def __init__(self) -> None:
        from django.db import connection

        self.connection = connection
        self.copy = connection.vendor == "postgresql"
        self.next_id: dict[type, int] = {}

    def __call__(self, model, objs: list) -> list:
        if not self.copy or not objs:
            return model.objects.bulk_create(objs)
        from django.db.models import Max

        connection = self.connection
        if model not in self.next_id:
            self.next_id[model] = (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
        for obj in objs:
            obj.pk = self.next_id[model]
            self.next_id[model] += 1
        fields = list(model._meta.concrete_fields)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for obj in objs:
                    copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
        for obj in objs:
            obj._state.adding = False
        return objs

    def finish(self) -> None:
        """Move each table's id sequence past the ids given here."""
        if not self.copy:
            return
        with self.connection.cursor() as cursor:
            for model in self.next_id:
                table = model._meta.db_table
                cursor.execute(f"SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                               f"(SELECT MAX(id) FROM {self.connection.ops.quote_name(table)}))", [table])


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

    insert = _Inserter()
    people = fictional_people(n)
    samples: dict = {"family_names": [], "person_ids": [], "case_references": []}
    done = 0
    while done < n:
        chunk = [next(people) for _ in range(min(batch, n - done))]
        with transaction.atomic():
            persons = insert(Person, [
                Person(name_latin=p["name"], names=[p["name"]], given_name=p["given"], family_name=p["family"],
                       birth_year=p["birth_year"], citizenship=p["citizenship"], home=p["home"],
                       status=p["status"], status_as_of="2025-06")
                for p in chunk
            ])
            name_keys = []
            for person, p in zip(persons, chunk, strict=True):
                for key in keys(p["given"]) | keys(p["family"]) | keys(p["name"]):
                    name_keys.append(PersonNameKey(person=person, key=key))
            insert(PersonNameKey, name_keys)  # one set of keys per person: no duplicates
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
            documents = insert(Document, documents)
            mentions = []
            for k, document in enumerate(documents):
                p, person = chunk[k // docs_per_person], persons[k // docs_per_person]
                mentions.append(Mention(
                    document=document, index=0, name=p["name"], given_name=p["given"], family_name=p["family"],
                    sex="male", birth_year=p["birth_year"], citizenship=p["citizenship"], home=p["home"],
                    status=p["status"], coercion=p["coercion"], person=person,
                    link_decision="merge" if k % docs_per_person else "new",
                    review_state="verified" if (p["i"] % 10 == 0 and k % docs_per_person == 0) else "machine_suggested"))
            mentions = insert(Mention, mentions)
            insert(Event, [
                Event(mention=m, index=0, type="deployment", date=chunk[k // docs_per_person]["month"],
                      date_precision="month", date_sort=date(int(chunk[k // docs_per_person]["month"][:4]),
                                                             int(chunk[k // docs_per_person]["month"][5:]), 1))
                for k, m in enumerate(mentions)
            ])
            cases = insert(Case, [
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
    insert.finish()
    from soraq.registry import dataversion

    dataversion.bump()  # COPY bypasses the statement hook that announces changes
    return samples
