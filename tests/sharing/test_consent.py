"""Consent recorded on case work's Case names a person in public output, and only then."""

from __future__ import annotations

import pytest

from soraq.sharing.exporting import build_dataset, render_text

from .conftest import make_user

pytestmark = pytest.mark.django_db

FORMATS = ("csv", "json", "pfif", "ftm")


@pytest.fixture
def caseworker(django_user_model):
    return make_user(django_user_model, "test-consent-caseworker", "caseworker")


def open_case(person, **fields):
    from soraq.casework.models import Case

    return Case.objects.create(name=person.display_name, mention=person.mentions.order_by("pk").first(), **fields)


def public_exports() -> dict[str, str]:
    dataset = build_dataset(public=True)
    return {fmt: render_text(dataset, fmt) for fmt in FORMATS}


def persons():
    from soraq.registry.models import Person

    return list(Person.objects.order_by("pk"))


def test_consented_person_is_named_in_every_public_format_and_nobody_else(registry, caseworker):
    from soraq.casework.services.consent import record_consent

    consenting, *others = persons()
    open_case(others[0])  # a case without consent names nobody
    record_consent(open_case(consenting), caseworker, "mother, by phone")
    for fmt, text in public_exports().items():
        assert consenting.display_name in text, fmt
        for other in others:
            assert other.family_name not in text, (fmt, other.display_name)
        assert "mother, by phone" not in text


def test_withdrawal_removes_the_name_at_once(registry, caseworker):
    from soraq.casework.services.consent import record_consent, withdraw_consent

    consenting = persons()[0]
    case = record_consent(open_case(consenting), caseworker, "sister, in person")
    assert consenting.display_name in public_exports()["csv"]
    withdraw_consent(case, caseworker)
    for fmt, text in public_exports().items():
        assert consenting.family_name not in text, fmt


def test_newer_withdrawal_on_another_case_wins(registry, caseworker):
    from soraq.casework.services.consent import record_consent, withdraw_consent
    from soraq.sharing.source import consents

    person = persons()[0]
    first = record_consent(open_case(person), caseworker, "father, by phone")
    second = record_consent(open_case(person), caseworker, "wife, by letter")
    assert set(consents()) == {person.pk}
    withdraw_consent(second, caseworker)
    assert consents() == {}
    record_consent(first, caseworker, "father, again by phone")  # consent given anew after the withdrawal
    assert consents()[person.pk].given_by == "father, again by phone"


def test_hidden_case_and_incomplete_records_give_no_consent(registry, caseworker):
    from django.utils import timezone

    from soraq.sharing.source import consents

    hidden_person, unrecorded_person, *_ = persons()
    open_case(hidden_person, hidden=True, publish_consent_from="mother", publish_consent_by=caseworker,
              publish_consent_at=timezone.now())
    open_case(unrecorded_person, publish_consent_from="mother", publish_consent_at=timezone.now())  # no recorder
    assert consents() == {}
    assert hidden_person.family_name not in public_exports()["json"]


def test_consent_follows_the_anchor_mention_through_a_merge(registry, caseworker):
    from soraq.casework.services.consent import record_consent
    from soraq.registry.models import Mention
    from soraq.sharing.source import consents

    first, second, *_ = persons()
    record_consent(open_case(second), caseworker, "uncle, by phone")
    Mention.objects.filter(person=second).update(person=first)  # the anchor now belongs to another person
    assert set(consents()) == {first.pk}


def test_full_export_keeps_who_gave_and_recorded_consent(registry, caseworker):
    from soraq.casework.services.consent import record_consent

    person = persons()[0]
    record_consent(open_case(person), caseworker, "mother, by phone")
    text = render_text(build_dataset(public=False), "csv")
    assert "mother, by phone" in text


def test_public_api_export_by_a_viewer_names_only_the_consented(client, registry, users, caseworker):
    from soraq.casework.services.consent import record_consent

    consenting, other, *_ = persons()
    record_consent(open_case(consenting), caseworker, "mother, by phone")
    client.force_login(users["viewer"])
    body = b"".join(client.get("/api/exports/csv?public=true").streaming_content).decode()
    assert consenting.display_name in body and other.family_name not in body


PNG = b"\x89PNG\r\n\x1a\n" + b"invented image bytes"


def request_with_photo(case, photo: bytes | None = PNG):
    from soraq.casework.models import TracingRequest

    return TracingRequest.objects.create(case=case, reference=case.reference, lang="en", name=case.name,
                                         photo=photo, photo_type="image/png" if photo else "")


def _photo_urls(dataset) -> dict[str, str]:
    return {p.name: p.photo_url for p in dataset.persons if p.photo_url}


def test_photo_is_linked_and_served_only_while_the_consenting_family_agrees(client, registry, users, caseworker):
    from soraq.casework.services.consent import record_consent, withdraw_consent

    consenting = persons()[0]
    case = open_case(consenting)
    request_with_photo(case)
    assert _photo_urls(build_dataset(public=True)) == {}  # no consent, no photo
    record_consent(case, caseworker, "mother, by phone")
    urls = _photo_urls(build_dataset(public=True))
    assert list(urls) == [consenting.display_name]
    url = urls[consenting.display_name]
    assert url.rsplit("/", 1)[-1].startswith("p-")
    assert client.get(url).status_code == 302  # anonymous: log in (the deployment does not publish)
    client.force_login(users["viewer"])
    response = client.get(url)
    assert response.status_code == 200 and response.content == PNG
    assert response["Content-Type"] == "image/png" and response["Cache-Control"] == "no-store"
    assert '"photo_url"' in render_text(build_dataset(public=True), "json")
    withdraw_consent(case, caseworker)
    assert client.get(url).status_code == 404
    assert _photo_urls(build_dataset(public=True)) == {}


def test_another_familys_photo_is_not_published_by_this_familys_consent(client, registry, caseworker):
    from soraq.casework.services.consent import record_consent

    person = persons()[0]
    request_with_photo(open_case(person))  # another family's request, with a photo, no consent
    record_consent(open_case(person), caseworker, "brother, in person")
    dataset = build_dataset(public=True)
    assert person.display_name in {p.name for p in dataset.persons}
    assert _photo_urls(dataset) == {}


def test_unknown_public_id_is_not_found(client, registry, users):
    client.force_login(users["viewer"])
    assert client.get("/sharing/photos/p-0000000000000000").status_code == 404
