"""The role matrix is data, the groups follow it, and every view enforces it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from soraq.casework import permissions
from soraq.casework.models import AuditEntry, Case

from .conftest import make_user


def _file(client, intake_post) -> Case:
    client.post(reverse("casework:intake"), intake_post)
    return Case.objects.latest("created_at")


def test_matrix_names_only_known_actions():
    permissions.check_matrix()
    assert set(permissions.PERMISSION_MATRIX) == set(permissions.ROLES)
    assert "contact.view" not in permissions.PERMISSION_MATRIX["viewer"]
    assert permissions.ANONYMOUS_ACTIONS == {"intake.submit"}


@pytest.mark.django_db
def test_groups_carry_the_matrix_permissions():
    for role in permissions.ROLES:
        group = Group.objects.get(name=role)
        codes = set(group.permissions.values_list("codename", flat=True))
        assert codes == {permissions.codename(a) for a in permissions.PERMISSION_MATRIX[role]}


@pytest.mark.django_db
def test_viewer_cannot_read_a_contact(client, intake_post, viewer):
    case = _file(client, intake_post)
    client.force_login(viewer)
    page = client.get(case.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "family-contact@example.org" not in html and "+000 555 0199" not in html
    assert client.get(reverse("casework:case-confidential", args=[case.reference])).status_code == 403
    assert client.get(reverse("casework:request-photo", args=[case.reference, case.requests.get().pk])).status_code == 403


@pytest.mark.django_db
def test_caseworker_reads_contacts_and_the_view_is_audited(client, intake_post, caseworker):
    case = _file(client, intake_post)
    client.force_login(caseworker)
    page = client.get(reverse("casework:case-confidential", args=[case.reference]))
    assert page.status_code == 200
    assert "family-contact@example.org" in page.content.decode()
    entry = AuditEntry.objects.filter(action="contact.view").latest("seq")
    assert entry.actor == "user:carl-caseworker" and entry.object_id == str(case.pk)
    assert "example.org" not in str(entry.details)


@pytest.mark.django_db
def test_family_member_sees_only_their_own_case(client, intake_post, family_user, django_user_model):
    other_case = _file(client, intake_post)  # filed anonymously by someone else
    client.force_login(family_user)
    client.post(reverse("casework:intake"), intake_post)
    own = Case.objects.get(family_user=family_user)
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other_case.get_absolute_url()).status_code == 403
    assert client.get(reverse("casework:case-detail", args=["SRQ-00000000"])).status_code == 403
    assert client.get(reverse("casework:case-list")).status_code == 403
    mine = client.get(reverse("casework:my-cases")).content.decode()
    assert own.reference in mine and other_case.reference not in mine


@pytest.mark.django_db
def test_anonymous_sees_only_intake_and_login(client, intake_post):
    case = _file(client, intake_post)
    assert client.get(reverse("casework:intake")).status_code == 200
    assert client.get(reverse("login")).status_code == 200
    for url in [reverse("casework:case-list"), case.get_absolute_url(), reverse("casework:review"),
                reverse("casework:alerts"), reverse("casework:audit-log"), reverse("casework:silent"),
                reverse("casework:case-confidential", args=[case.reference])]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"], url
    # an unknown reference gets the same answer: nothing tells whether a case exists
    unknown = client.get(reverse("casework:case-detail", args=["SRQ-00000000"]))
    assert unknown.status_code == 302 and reverse("login") in unknown["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("role,url_name,expected", [
    ("viewer", "review", 403), ("reviewer", "review", 200), ("caseworker", "review", 403),
    ("viewer", "audit-log", 403), ("admin", "audit-log", 200), ("caseworker", "alerts", 200),
    ("viewer", "alerts", 403), ("viewer", "case-list", 200), ("family", "case-list", 403),
])
def test_matrix_is_enforced_by_views(client, django_user_model, role, url_name, expected):
    user = make_user(django_user_model, f"u-{role}", role)
    client.force_login(user)
    assert client.get(reverse(f"casework:{url_name}")).status_code == expected


@pytest.mark.django_db
def test_viewer_cannot_change_or_hide_a_case(client, intake_post, viewer):
    case = _file(client, intake_post)
    client.force_login(viewer)
    assert client.post(reverse("casework:case-hide", args=[case.reference]), {"reason": "x"}).status_code == 403
    assert client.post(reverse("casework:note-add", args=[case.reference]), {"body": "x"}).status_code == 403
    case.refresh_from_db()
    assert not case.hidden


@pytest.mark.django_db
def test_staff_filing_for_a_family_do_not_become_the_family(client, intake_post, caseworker):
    client.force_login(caseworker)
    client.post(reverse("casework:intake"), intake_post)
    case = Case.objects.get()
    assert case.family_user is None
    assert AuditEntry.objects.filter(action="intake.submit", actor="user:carl-caseworker").exists()


@pytest.mark.django_db
def test_case_page_decrypts_nothing_confidential(client, intake_post, viewer, monkeypatch):
    from soraq.casework import crypto

    case = _file(client, intake_post)
    client.force_login(viewer)
    calls = []
    real = crypto.decrypt_bytes
    monkeypatch.setattr(crypto, "decrypt_bytes", lambda token: calls.append(1) or real(token))
    assert client.get(case.get_absolute_url()).status_code == 200
    assert calls == []
