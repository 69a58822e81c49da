"""Fixtures for the sharing tests: users in each role, API tokens, an invented registry.

Every name, place and document here is invented (no real person).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from soraq.report import Event, Person, Relative, Report
from soraq.sharing.records import Consent, EventRecord, PersonRecord

ROLES = ("viewer", "caseworker", "reviewer", "admin", "family")


@pytest.fixture(autouse=True)
def _sharing_env(tmp_path_factory, monkeypatch, settings):
    var = tmp_path_factory.mktemp("var")
    monkeypatch.setenv("SORAQ_VAR_DIR", str(var))
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": f"sharing-{var.name}"},
                       "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                  "LOCATION": f"sharing-shared-{var.name}"}}
    settings.SORAQ_PUBLISH_PUBLIC = False
    settings.SORAQ_PFIF_DOMAIN = "soraq.example.org"
    from django.utils import translation

    with translation.override("en"):  # a page test elsewhere may have left another language active
        yield var


def make_user(django_user_model, username: str, *roles: str):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username=username)  # no password: no slow hashing
    for role in roles:
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
    return user


@pytest.fixture
def users(db, django_user_model) -> dict:
    """One user per role, plus None for an anonymous caller."""
    out = {role: make_user(django_user_model, f"test-{role}", role) for role in ROLES}
    out["anonymous"] = None
    return out


@pytest.fixture
def tokens(users) -> dict:
    """An API token per role ("anonymous" -> None)."""
    from soraq.sharing.models import ApiToken

    out = {}
    for role, user in users.items():
        out[role] = None if user is None else ApiToken.issue(user, f"test {role}")[1]
    return out


def report(doc_id: str, *persons: Person, published: str = "2025-06-01", text: str | None = None) -> Report:
    return Report(doc_id=doc_id, lang="en", published=published, relevant=True, persons=list(persons),
                  text=text)


def invented_person(i: int, **overrides) -> Person:
    """A fictional person; ``i`` varies the name so that no two are linked by accident."""
    given = ["Zorvan", "Tamerlik", "Oskandar", "Belmur", "Hurtaz", "Kelvash", "Narbek", "Dostiyor",
             "Ulvanor", "Pemzar", "Gothrik", "Safrunel"][i % 12]
    family = ["Qarvelli", "Zemtorov", "Ulmasoyev", "Pirdanli", "Xosrunov", "Velikbay", "Orzubekov",
              "Tulpanzade", "Hemrayev", "Diyarli", "Kozhambet", "Nurvaliyev"][(i * 5) % 12]
    mother = ["Mirela", "Sabrina", "Ozodat", "Lenura", "Gulnaz", "Farida"][i % 6]
    fields = dict(
        name=f"{given} {family}{'ov' * (i // 12)}", given_name=given, family_name=family,
        sex="male", birth_year=1975 + (i % 20), citizenship="KG",
        home=f"{['Tashkorgan', 'Yeshil', 'Bozbel'][i % 3]}, Ozerny District",
        status="missing", coercion=["deception"], events=[Event(type="deployment", date="2025-03")],
        relatives=[Relative(name=f"{mother} {family}", relation="mother")],
    )
    fields.update(overrides)
    return Person(**fields)


@pytest.fixture
def registry(db):
    """A small registry built through the real storage and linking services."""
    from soraq.sharing.services import ingest_report

    stored = []
    for i in range(12):
        stored.append(ingest_report(report(f"test-doc-{i}", invented_person(i)), link=True))
    return stored


def record(i: int, **overrides) -> PersonRecord:
    fields = dict(
        person_id=str(i), name=f"Invented Person {i}", birth_year=1980 + i % 10, citizenship="KG",
        home="Village, Ozerny District", status="missing", events=(EventRecord("deployment", "2025-02"),),
        relatives=(("mother", f"Invented Mother {i}"),), notes=f"private note {i}",
    )
    fields.update(overrides)
    return PersonRecord(**fields)


CONSENT = Consent("sister of the person", datetime(2026, 1, 5, tzinfo=UTC), "caseworker")
