"""Query budgets of the API and the statistics: what one call costs must not grow with the registry.

The load benchmark (benchmarks/load_registry.py) measures the time at 100 000
persons; these tests keep the number of queries per call fixed (no query per
row, no count over the whole registry for a page that shows everything).
"""

from __future__ import annotations

import pytest

from tests.registry.bulk import make_registry

pytestmark = pytest.mark.django_db

#: token + user + roles, then the call's own queries
API_SEARCH_BUDGET = 6
API_PERSON_BUDGET = 7
#: statistics served from the cache: session or token (with the user), roles; the tables are not recounted
STATISTICS_BUDGET = 3


def _bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_api_person_search_costs_the_same_queries_at_any_size(client, tokens, django_assert_max_num_queries):
    make_registry(70, family="Qarvelov")
    for params in ({"q": "Qarvelov"}, {"q": "Qarvelov", "page": 2}, {}, {"citizenship": "KG"},
                   {"q": "Qarvelov", "page_size": 200}):
        with django_assert_max_num_queries(API_SEARCH_BUDGET):
            response = client.get("/api/persons", params, **_bearer(tokens["viewer"]))
        assert response.status_code == 200
    page = client.get("/api/persons", {"q": "Qarvelov", "page_size": 200}, **_bearer(tokens["viewer"])).json()
    assert page["count"] == 70 and not page["count_capped"]
    assert {p["mentions"] for p in page["items"]} == {3}


def test_api_person_search_caps_its_count(client, tokens, monkeypatch):
    from soraq.registry.services import search

    make_registry(12, docs=1)
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    page = client.get("/api/persons", {"page_size": 2}, **_bearer(tokens["viewer"])).json()
    assert (page["count"], page["count_capped"]) == (5, True)


def test_api_person_costs_the_same_queries_with_many_sources(client, tokens, django_assert_max_num_queries):
    (few,) = make_registry(1, docs=1)
    (many,) = make_registry(1, docs=25, family="Belmorov")
    for person in (few, many):
        with django_assert_max_num_queries(API_PERSON_BUDGET):
            response = client.get(f"/api/persons/{person.pk}", **_bearer(tokens["viewer"]))
        assert response.status_code == 200
    assert len(response.json()["mention_list"]) == 25


def test_statistics_are_served_from_the_cache_within_the_budget(client, users, tokens,
                                                                django_assert_max_num_queries):
    make_registry(40, docs=1)
    client.force_login(users["viewer"])
    assert client.get("/statistics/").status_code == 200  # computes and caches
    with django_assert_max_num_queries(STATISTICS_BUDGET):
        assert client.get("/statistics/").status_code == 200
    assert client.get("/api/statistics", **_bearer(tokens["viewer"])).json()["total"] == 40
    with django_assert_max_num_queries(STATISTICS_BUDGET):
        assert client.get("/api/statistics", **_bearer(tokens["viewer"])).status_code == 200
    make_registry(5, docs=1, family="Nurrasov")
    from django.core.cache import caches

    from soraq.sharing.statistics import CACHE_KEYS

    version, _at, stats = caches["shared"].get(CACHE_KEYS[True])
    caches["shared"].set(CACHE_KEYS[True], (version, 0.0, stats))  # the minute is up: the change is counted
    assert client.get("/api/statistics", **_bearer(tokens["viewer"])).json()["total"] == 45
