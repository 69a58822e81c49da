"""Families' tracing requests stay out of public statistics and exports unless the family consented."""

from __future__ import annotations

import pytest

from soraq.report import Event

from soraq.sharing.exporting import build_dataset
from soraq.sharing.source import family_request_origin, iter_person_records
from soraq.sharing.statistics import registry_statistics

from .conftest import invented_person, make_user, report

pytestmark = pytest.mark.django_db

FAMILY_ONLY = 5


def family_request(i: int, **overrides):
    """A family's request as case work files it: a registry document whose origin marks it as such."""
    from soraq.sharing.services import ingest_report

    given = ["Quvondiq", "Barsimel", "Yoltarun", "Ismurat", "Pendorak"][i]
    family = ["Famrozov", "Kelbuzade", "Tirnapov", "Vosqalov", "Hudberdiyev"][i]
    fields = dict(name=f"{given} {family}", given_name=given, family_name=family, birth_year=1960 + 7 * i,
                  citizenship="TJ", coercion=[], events=[], relatives=[])
    person = invented_person(100 + i, **{**fields, **overrides})
    stored = ingest_report(report(f"intake-srq-test{i:04d}", person), origin=family_request_origin())
    return stored


@pytest.fixture
def family_requests(registry):
    return [family_request(i) for i in range(FAMILY_ONLY)]


def _citizenships(stats) -> dict[str, int | None]:
    table = next(t for t in stats.tables if t.dimension == "citizenship")
    return {row.category: row.reported for row in table.rows}


def test_the_marker_is_case_works_own():
    from soraq.casework.services.claims import SOURCE_KIND

    assert family_request_origin() == SOURCE_KIND


def test_persons_known_only_from_family_requests_are_not_counted_publicly(family_requests):
    full = registry_statistics(public=False, use_cache=False)
    public = registry_statistics(public=True, use_cache=False)
    assert _citizenships(full).get("TJ") == FAMILY_ONLY
    assert "TJ" not in _citizenships(public)
    assert public.total == 12 and full.total == 12 + FAMILY_ONLY


def test_public_dataset_leaves_them_out_and_the_full_export_keeps_them(family_requests):
    public = build_dataset(public=True)
    assert len(public.persons) + public.result.suppressed == 12
    full = build_dataset(public=False)
    assert len(full.persons) == 12 + FAMILY_ONLY
    assert sum(d.doc_id.startswith("intake-srq-") for d in full.documents) == FAMILY_ONLY


def test_consent_brings_the_family_request_into_public_output(family_requests, django_user_model):
    from soraq.casework.models import Case
    from soraq.casework.services.consent import record_consent
    from soraq.registry.models import Mention

    caseworker = make_user(django_user_model, "test-family-caseworker", "caseworker")
    mention = Mention.objects.get(document__doc_id="intake-srq-test0000")
    case = Case.objects.create(name=mention.name, mention=mention)
    record_consent(case, caseworker, "mother, by phone")
    public_ids = {r.person_id for r in iter_person_records(public=True)}
    assert str(mention.person_id) in public_ids
    assert len(public_ids) == 13
    public = registry_statistics(public=True, use_cache=False)
    assert public.total == 13


def test_family_request_mention_of_a_reported_person_is_left_out_of_the_public_record(registry):
    from soraq.registry.models import Mention, Person

    person = Person.objects.order_by("pk").first()
    stored = family_request(0, events=[Event(type="appeal", date="2025-07")])
    Mention.objects.filter(document__doc_id=stored.doc_id).update(person=person)
    # the family's claim carries what no news report said: a coercion method and an appeal event
    Mention.objects.filter(document__doc_id=stored.doc_id).update(coercion=["threats"])
    full = next(r for r in iter_person_records() if r.person_id == str(person.pk))
    public = next(r for r in iter_person_records(public=True) if r.person_id == str(person.pk))
    assert stored.doc_id in full.documents and "threats" in full.coercion
    assert stored.doc_id not in public.documents and "threats" not in public.coercion
    assert "appeal" in {e.type for e in full.events} and "appeal" not in {e.type for e in public.events}


def test_a_reported_persons_public_facts_come_from_the_other_sources(registry):
    """The family's claim must not move the person's public status or region either."""
    from soraq.registry.models import Mention, Person
    from soraq.registry.services.rollup import refresh_person
    from soraq.sharing.source import iter_stat_records

    person = Person.objects.order_by("pk").first()
    stored = family_request(1, status="detained", home="Qorvash, Pelmin Region")
    Mention.objects.filter(document__doc_id=stored.doc_id).update(person=person)
    Mention.objects.filter(document__doc_id=stored.doc_id).update(citizenship="KG")
    person = refresh_person(Person.objects.get(pk=person.pk))
    assert person.status == "detained"  # the family's newest claim wins the internal roll-up
    full = next(r for r in iter_person_records() if r.person_id == str(person.pk))
    public = next(r for r in iter_person_records(public=True) if r.person_id == str(person.pk))
    stat = next(r for r in iter_stat_records(public=True) if r.person_id == str(person.pk))
    assert (full.status, full.home) == ("detained", person.home)
    assert public.status == stat.status == "missing"
    assert "Pelmin" not in (public.home or "") and "Pelmin" not in (stat.home or "")
    assert public.birth_year == stat.birth_year == 1975


def test_consent_and_its_withdrawal_reach_the_cached_public_statistics_at_once(family_requests, django_user_model):
    from soraq.casework.models import Case
    from soraq.casework.services.consent import record_consent, withdraw_consent
    from soraq.registry.models import Mention

    caseworker = make_user(django_user_model, "test-cache-caseworker", "caseworker")
    assert registry_statistics(public=True).total == 12  # now cached
    mention = Mention.objects.get(document__doc_id="intake-srq-test0000")
    case = record_consent(Case.objects.create(name=mention.name, mention=mention), caseworker, "aunt, by phone")
    assert registry_statistics(public=True).total == 13
    withdraw_consent(case, caseworker)
    assert registry_statistics(public=True).total == 12
