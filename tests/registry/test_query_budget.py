"""Query budgets of the registry's pages: what one page costs must not grow with the registry.

A page of 25 persons, or a person with many sources, is read in a fixed number
of queries (no query per row, no count over the whole registry); the load
benchmark (benchmarks/load_registry.py) measures the time at 100 000 persons.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from soraq.registry import dataversion
from soraq.registry.models import Mention, Person
from soraq.registry.services import search

from .bulk import make_registry

pytestmark = pytest.mark.django_db

#: session + user + roles, the page's own queries, and case work's hooks on the page
LIST_BUDGET = 8
PERSON_BUDGET = 10


@pytest.fixture
def reader(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("budget-reader")
    user.groups.add(Group.objects.get_or_create(name="viewer")[0])
    client.force_login(user)
    return client


def test_a_page_of_the_person_list_costs_the_same_queries_at_any_size(reader, django_assert_max_num_queries):
    make_registry(60, family="Qarvelov")
    url = reverse("registry:person-list")
    pages = {}
    for params in ({"q": "Qarvelov"}, {}, {"q": "Qarvelov", "citizenship": "KG"}, {"status": "missing"},
                   {"q": "Qarvelov", "page": 2}):
        with django_assert_max_num_queries(LIST_BUDGET):
            pages[str(params)] = page = reader.get(url, params)
        assert page.status_code == 200
    with django_assert_max_num_queries(LIST_BUDGET - 3):  # the same search again: the results are cached
        again = reader.get(url, {"q": "Qarvelov"})
    assert _without_csrf(again.content.decode()) == _without_csrf(pages[str({"q": "Qarvelov"})].content.decode())
    page = pages[str({"q": "Qarvelov"})]
    persons = page.context["persons"]
    assert len(persons) == 25 and page.context["paginator"].count == 60
    assert all(p.mention_count == 3 and p.review_count == 1 for p in persons)
    assert "link needs review" in page.content.decode()


def test_the_total_is_counted_only_up_to_the_cap(reader, monkeypatch):
    make_registry(30, docs=1)
    monkeypatch.setattr(search.CappedPaginator, "cap", 10)
    page = reader.get(reverse("registry:person-list"))
    assert page.context["paginator"].capped
    assert "More than 10 persons found" in page.content.decode()
    assert search.count_capped(Person.objects.all(), cap=10) == 11
    assert search.count_capped(Person.objects.all(), cap=100) == 30


def test_a_person_page_costs_the_same_queries_with_many_sources(reader, django_assert_max_num_queries):
    (few,) = make_registry(1, docs=2)
    (many,) = Person.objects.filter(pk__in=[p.pk for p in make_registry(1, docs=30, family="Belmorov")])
    for person in (few, many):
        with django_assert_max_num_queries(PERSON_BUDGET):
            page = reader.get(person.get_absolute_url())
        assert page.status_code == 200
    assert page.content.decode().count("Invented report") >= 30


def test_the_person_page_is_served_from_the_cache_until_the_data_changes(reader, django_assert_max_num_queries):
    (person,) = make_registry(1, docs=2)
    first = reader.get(person.get_absolute_url()).content.decode()
    assert "Another Invented Region" not in first
    # cached: neither the person's row nor their file nor their cases are read again; only the session's
    # user with its roles (one query)
    with django_assert_max_num_queries(1):
        again = reader.get(person.get_absolute_url()).content.decode()
    assert _without_csrf(again) == _without_csrf(first)
    # writes that send no signal (QuerySet.update) still change the data version
    Mention.objects.filter(person=person).update(home="Another Invented Region")
    assert "Another Invented Region" in reader.get(person.get_absolute_url()).content.decode()
    Person.objects.filter(pk=person.pk).update(name_latin="Renamed Inventedov")
    assert "Renamed Inventedov" in reader.get(person.get_absolute_url()).content.decode()
    Person.objects.filter(pk=person.pk).delete()
    assert reader.get(person.get_absolute_url()).status_code == 404


def _without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_the_data_version_changes_with_every_kind_of_write_but_not_with_the_audit():
    from soraq.casework import audit

    before = dataversion.current()
    (person,) = make_registry(1, docs=1)  # bulk_create
    after_insert = dataversion.current()
    assert after_insert != before
    Mention.objects.filter(person=person).delete()
    after_delete = dataversion.current()
    assert after_delete != after_insert
    audit.record("system", "case.view", None, {})
    assert dataversion.current() == after_delete


@pytest.mark.parametrize(("sql", "table", "changes"), [
    ('INSERT INTO "registry_person" ("name_latin") VALUES (%s)', "registry_person", True),
    ('  UPDATE "registry_mention" SET "status" = %s', "registry_mention", True),
    ('DELETE FROM "casework_case" WHERE "id" = %s', "casework_case", True),
    ('INSERT INTO "casework_auditentry" ("seq") VALUES (%s)', "casework_auditentry", False),
    ('UPDATE "django_session" SET "expire_date" = %s', "django_session", False),
    ('SELECT "registry_person"."id" FROM "registry_person"', None, False),
])
def test_which_statements_change_the_data(sql, table, changes):
    assert dataversion.written_table(sql) == table
    assert dataversion.changes_data(sql) is changes


def test_when_the_version_cannot_be_written_writes_still_succeed_and_nothing_is_cached(tmp_path, monkeypatch):
    monkeypatch.setattr(dataversion, "_path", lambda: tmp_path / "missing-folder" / "data_version")
    monkeypatch.setattr(dataversion, "_unwritable", False)
    (person,) = make_registry(1, docs=1)  # the write succeeds although the token cannot be written
    assert not dataversion.announced()
    calls = []
    for _ in range(2):
        dataversion.cached("test.uncached", lambda: calls.append(1))
    assert len(calls) == 2
    assert Person.objects.filter(pk=person.pk).exists()
