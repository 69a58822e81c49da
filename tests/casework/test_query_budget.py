"""Query budget of the case page: fixed, whatever the number of reports about the person.

Every view of a case file is audited (the audit chain's append is part of the
budget and must stay: :mod:`soraq.casework.audit`); the load benchmark
(benchmarks/load_registry.py) measures the time at 100 000 persons.
"""

from __future__ import annotations

import pytest

from soraq.casework.models import AuditEntry, Case
from soraq.registry.models import Mention
from tests.registry.bulk import make_registry

pytestmark = pytest.mark.django_db

#: session, user, roles; case, mentions, events, last news (2), requests, rulings, candidates;
#: the audit append (head update, head lock, entry, head hash)
CASE_BUDGET_VIEWER = 17
#: and for a caseworker: whether they follow the case, notes, evidence, alerts
CASE_BUDGET_CASEWORKER = 22


def _case_about(person) -> Case:
    mention = Mention.objects.filter(person=person).order_by("pk").first()
    return Case.objects.create(name=mention.name, mention=mention, status=Case.Status.OPEN)


@pytest.mark.parametrize("role", ["viewer", "caseworker"])
def test_the_case_page_costs_the_same_queries_with_many_reports(client, request, role,
                                                                 django_assert_max_num_queries):
    user = request.getfixturevalue(role)
    client.force_login(user)
    budget = CASE_BUDGET_VIEWER if role == "viewer" else CASE_BUDGET_CASEWORKER
    (few,) = make_registry(1, docs=1)
    (many,) = make_registry(1, docs=25, family="Belmorov")
    for person in (few, many):
        case = _case_about(person)
        audited = AuditEntry.objects.filter(action="case.view").count()
        with django_assert_max_num_queries(budget):
            page = client.get(case.get_absolute_url())
        assert page.status_code == 200
        assert AuditEntry.objects.filter(action="case.view").count() == audited + 1  # still audited
    assert page.content.decode().count("Invented report") >= 25


@pytest.mark.parametrize("role", ["viewer", "caseworker"])
def test_a_case_viewed_again_costs_the_reader_and_the_audit_only(client, request, role, django_assert_max_num_queries):
    """The case's rows and registry part are kept per data version: a second view reads the session's
    user with its roles (one query) and appends to the audit chain (PostgreSQL: one statement; SQLite:
    three, inside a transaction: a savepoint here, where the test runs in one); a caseworker's own parts
    more (following, notes, evidence, alerts, and the consent's giver, which is never kept)."""
    from django.db import connection

    user = request.getfixturevalue(role)
    client.force_login(user)
    (person,) = make_registry(1, docs=3)
    case = _case_about(person)
    assert client.get(case.get_absolute_url()).status_code == 200
    audit_statements = 1 if connection.vendor == "postgresql" else 5
    own_parts = 0 if role == "viewer" else 5
    with django_assert_max_num_queries(1 + audit_statements + own_parts):
        page = client.get(case.get_absolute_url())
    assert page.status_code == 200 and "Invented report" in page.content.decode()
    # still audited, and a change of the case shows at once
    assert AuditEntry.objects.filter(action="case.view", object_id=str(case.pk)).count() == 2
    Case.objects.filter(pk=case.pk).update(name="Renamed Inventedova")
    assert "Renamed Inventedova" in client.get(case.get_absolute_url()).content.decode()


def test_a_reference_no_case_can_have_is_not_found_without_a_query(client, viewer, django_assert_max_num_queries):
    client.force_login(viewer)
    client.get("/")  # the session's user is loaded; what follows is the view's own work
    for junk in ("SRQ-NOTACASE-TOO-LONG", "not a reference", "ab$cd"):
        with django_assert_max_num_queries(1):  # the session's user only
            assert client.get(f"/cases/{junk}/").status_code == 404
    assert client.get("/cases/SRQ-ZZZZZZZZ/").status_code == 404
