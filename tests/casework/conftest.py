"""Fixtures for the case-work tests: a private var dir and field key, users in each role."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from soraq.casework import crypto

SESSION_KEY = Fernet.generate_key().decode()


@pytest.fixture(autouse=True)
def _casework_env(tmp_path_factory, monkeypatch, settings):
    """Each test: its own evidence store, a field key from the environment, a fresh cache."""
    var = tmp_path_factory.mktemp("var")
    monkeypatch.setenv("SORAQ_VAR_DIR", str(var))
    monkeypatch.setenv(crypto.ENV_KEYS, SESSION_KEY)
    crypto.reset_key_cache()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": f"casework-{var.name}"}}
    yield var
    crypto.reset_key_cache()


def make_user(django_user_model, username: str, *roles: str):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username=username, password="not-a-real-pass-123",
                                                 email=f"{username}@example.org")
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def viewer(db, django_user_model):
    return make_user(django_user_model, "vera-viewer", "viewer")


@pytest.fixture
def caseworker(db, django_user_model):
    return make_user(django_user_model, "carl-caseworker", "caseworker")


@pytest.fixture
def reviewer(db, django_user_model):
    return make_user(django_user_model, "rita-reviewer", "reviewer")


@pytest.fixture
def admin_user(db, django_user_model):
    return make_user(django_user_model, "ada-admin", "admin")


@pytest.fixture
def family_user(db, django_user_model):
    return make_user(django_user_model, "fay-family", "family")
