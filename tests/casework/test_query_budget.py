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
