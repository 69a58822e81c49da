"""The session's user is loaded with its roles in one query; roles stay fresh on every request."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soraq.casework.auth import RoleLoadingBackend
from soraq.casework.models import Case
from soraq.casework.permissions import allowed_actions, roles_of

from .conftest import make_user

pytestmark = pytest.mark.django_db


def test_user_and_roles_come_in_one_query(django_user_model):
    user = make_user(django_user_model, "inez-invented", "viewer", "reviewer")
    user.groups.add(Group.objects.create(name="not-a-role-team"))
    with CaptureQueriesContext(connection) as queries:
        loaded = RoleLoadingBackend().get_user(user.pk)
        roles = roles_of(loaded)
        actions = allowed_actions(loaded)
    assert len(queries) == 1
    assert roles == {"viewer", "reviewer"}
    assert "review.decide" in actions and "contact.view" not in actions
    assert (loaded.pk, loaded.get_username(), loaded.date_joined) == (user.pk, user.get_username(), user.date_joined)
    assert loaded.check_password("not-a-real-pass-123")


def test_the_same_roles_as_the_group_query(django_user_model):
    for name, roles, superuser in [("nora-none", (), False), ("cato-case", ("caseworker",), False),
                                   ("sami-super", ("viewer",), True)]:
        user = make_user(django_user_model, name, *roles)
        if superuser:
            user.is_superuser = True
            user.save()
        loaded = RoleLoadingBackend().get_user(user.pk)
        fresh = django_user_model.objects.get(pk=user.pk)
        assert roles_of(loaded) == roles_of(fresh)
    assert roles_of(RoleLoadingBackend().get_user(django_user_model.objects.get(username="sami-super").pk)) == {
        "viewer", "admin"}


def test_no_user_for_unknown_inactive_or_malformed_ids(django_user_model):
    user = make_user(django_user_model, "ivo-inactive", "viewer")
    user.is_active = False
    user.save()
    backend = RoleLoadingBackend()
    assert backend.get_user(user.pk) is None
    assert backend.get_user(user.pk + 1000) is None
    assert backend.get_user("not-a-number") is None


def test_a_role_taken_away_counts_at_the_next_page(client, django_user_model):
    user = make_user(django_user_model, "vik-viewer", "viewer")
    case = Case.objects.create(name="Invented Person", status=Case.Status.OPEN)
    client.force_login(user)
    assert client.get(case.get_absolute_url()).status_code == 200
    user.groups.remove(Group.objects.get(name="viewer"))
    assert client.get(case.get_absolute_url()).status_code == 403
    assert client.get(reverse("casework:case-list")).status_code == 403
