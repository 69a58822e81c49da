"""Recording and withdrawing a family's consent to publish, on the case page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from soraq.casework.models import AuditEntry, Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(client, intake_post):
    client.post(reverse("casework:intake"), intake_post)
    return Case.objects.get(name=intake_post["name"])


def _raw_consent(case: Case) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT publish_consent_from FROM casework_case WHERE id = %s", [case.pk])
        return cursor.fetchone()[0]


def test_caseworker_records_consent_encrypted_and_audited(client, case, caseworker):
    client.force_login(caseworker)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Record consent" in page
    response = client.post(reverse("casework:case-consent", args=[case.reference]),
                           {"given_by": "mother, by phone"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.has_publish_consent
    assert (case.publish_consent_from, case.publish_consent_by) == ("mother, by phone", caseworker)
    assert case.publish_consent_at is not None
    assert "mother" not in _raw_consent(case)
    entry = AuditEntry.objects.get(action="case.consent.record")
    assert entry.object_id == str(case.pk) and "mother" not in str(entry.details)
    assert "Withdraw consent" in client.get(case.get_absolute_url()).content.decode()


def test_consent_needs_who_gave_it(client, case, caseworker):
    client.force_login(caseworker)
    client.post(reverse("casework:case-consent", args=[case.reference]), {"given_by": "   "})
    case.refresh_from_db()
    assert not case.has_publish_consent
    assert not AuditEntry.objects.filter(action="case.consent.record").exists()


def test_withdrawal_clears_consent_and_is_audited(client, case, caseworker):
    client.force_login(caseworker)
    url = reverse("casework:case-consent", args=[case.reference])
    client.post(url, {"given_by": "brother, signed form"})
    client.post(url, {"withdraw": "1"})
    case.refresh_from_db()
    assert not case.has_publish_consent
    assert (case.publish_consent_from, case.publish_consent_by, case.publish_consent_at) == ("", None, None)
    assert case.publish_consent_withdrawn_at is not None
    assert AuditEntry.objects.get(action="case.consent.withdraw").details["had_consent"] is True


@pytest.mark.parametrize("role", ["viewer", "reviewer", "family_user"])
def test_other_roles_cannot_record_consent(client, case, role, request):
    user = request.getfixturevalue(role)
    client.force_login(user)
    if role != "family_user":
        assert "Record consent" not in client.get(case.get_absolute_url()).content.decode()
    response = client.post(reverse("casework:case-consent", args=[case.reference]), {"given_by": "mother"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert not case.has_publish_consent


def test_anonymous_visitor_is_sent_to_login(client, case):
    response = client.post(reverse("casework:case-consent", args=[case.reference]), {"given_by": "mother"})
    assert response.status_code == 302 and "login" in response["Location"]
    case.refresh_from_db()
    assert not case.has_publish_consent
