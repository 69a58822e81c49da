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
                                   "LOCATION": f"casework-{var.name}"},
                       "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                  "LOCATION": f"casework-shared-{var.name}"}}
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


def add_report(doc_id: str, text: str, persons: list[dict], published: str = "2026-03-10", outlet: str = "Example News"):
    """Store a fictional news report in the registry and link its persons, as ingest would."""
    import hashlib

    from soraq.registry import dates
    from soraq.registry.models import Document
    from soraq.registry.services import ingest, linking
    from soraq.report import Person, Report

    report = Report(doc_id=doc_id, lang="en", published=published, relevant=True,
                    persons=[Person(**p) for p in persons])
    digest = hashlib.sha256(text.encode()).hexdigest()
    document = Document.objects.create(
        doc_id=doc_id, text=text, title=f"Report {doc_id}", outlet=outlet, lang="en", published=published,
        published_precision=dates.precision(published), published_sort=dates.sortable(published),
        content_sha256=digest, text_sha256=digest, relevant=True, report=report.model_dump(mode="json"),
    )
    mentions = ingest.store_mentions(document, report)
    for m in mentions:
        linking.link_new_mention(m)
        m.refresh_from_db()
    return mentions


def name_evidence(text: str, name: str) -> list[dict]:
    start = text.index(name)
    return [{"field": "name", "start": start, "end": start + len(name)}]


INTAKE_POST = {
    "name": "Rovshan Alizada",
    "birth_date": "1991",
    "citizenship": "AZ",
    "home_district": "Qaraçala, Salyan",
    "work_abroad": "Kaluga",
    "phone": "+000 555 0102",
    "story": "He called in March and said police took his documents.",
    "last_contact": "03.2026",
    "went_missing": "04.2026",
    "contact_name": "Leyla Alizada",
    "contact_relation": "sister",
    "contact_phone": "+000 555 0199",
    "contact_email": "family-contact@example.org",
    "contact_other": "",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def intake_post(settings):
    """A valid intake POST (minimum fill time off, fresh signed start)."""
    from soraq.casework.forms import signed_start

    settings.SORAQ_INTAKE_MIN_SECONDS = 0
    return {**INTAKE_POST, "started": signed_start()}
