"""The registry's models: choices from the contract, constraints, partial dates, ids."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from soraq.registry import dates
from soraq.registry.models import (
    EVENT_TYPE_CHOICES,
    STATUS_CHOICES,
    Document,
    Event,
    LinkDecision,
    Mention,
    Person,
)
from soraq.report import EventType, Status


def make_document(doc_id: str = "doc-a", text: str = "Some text.") -> Document:
    import hashlib

    sha = hashlib.sha256(f"{doc_id}{text}".encode()).hexdigest()
    return Document.objects.create(doc_id=doc_id, text=text, content_sha256=sha, text_sha256=sha)


def test_choices_come_from_the_report_contract():
    assert [c for c, _ in STATUS_CHOICES] == [s.value for s in Status]
    assert [c for c, _ in EVENT_TYPE_CHOICES] == [e.value for e in EventType]


@pytest.mark.parametrize(
    ("value", "sortable", "precision"),
    [
        ("2026", dt.date(2026, 1, 1), "year"),
        ("2026-02", dt.date(2026, 2, 1), "month"),
        ("2026-02-28", dt.date(2026, 2, 28), "day"),
        ("2026-02-30", None, "day"),
        ("", None, ""),
        (None, None, ""),
        ("soon", None, ""),
    ],
)
def test_partial_dates(value, sortable, precision):
    assert dates.sortable(value) == sortable
    assert dates.precision(value) == precision


def test_publication_dates_are_cut_to_partial_dates():
    assert dates.normalise_published("2026-03-14T09:30:00+04:00") == "2026-03-14"
    assert dates.normalise_published("2026-03") == "2026-03"
    assert dates.normalise_published("14 March") is None
    assert dates.normalise_published(None) is None


@pytest.mark.django_db
def test_mention_id_is_the_specs_name():
    doc = make_document("outlet-report")
    m = Mention.objects.create(document=doc, index=2, name="Nobody Invented")
    assert m.mention_id == "outlet-report#2"
    assert str(m) == "outlet-report#2"


@pytest.mark.django_db
def test_one_mention_per_document_index():
    doc = make_document()
    Mention.objects.create(document=doc, index=0, name="A B")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(document=doc, index=0, name="C D")


@pytest.mark.django_db
def test_text_hash_is_unique():
    make_document("one", "same")
    doc = Document.objects.get(doc_id="one")
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(doc_id="two", text="same", content_sha256="x", text_sha256=doc.text_sha256)


@pytest.mark.django_db
def test_link_decision_is_one_per_pair_in_either_order():
    doc = make_document()
    a = Mention.objects.create(document=doc, index=0, name="A B")
    b = Mention.objects.create(document=doc, index=1, name="C D")
    LinkDecision.record(b, a, same=True)
    LinkDecision.record(a, b, same=False, note="different fathers")
    assert LinkDecision.objects.count() == 1
    decision = LinkDecision.objects.get()
    assert (decision.mention_a_id, decision.mention_b_id, decision.same) == (a.pk, b.pk, False)
    with pytest.raises(ValueError):
        LinkDecision.record(a, a, same=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        LinkDecision.objects.create(mention_a=b, mention_b=a, same=True)


@pytest.mark.django_db
def test_review_queue_lists_unsure_links_nobody_ruled_on():
    doc = make_document()
    unsure = Mention.objects.create(document=doc, index=0, name="A B", link_decision="review")
    Mention.objects.create(document=doc, index=1, name="C D", link_decision="merge")
    Mention.objects.create(document=doc, index=2, name="E F", link_decision="review", review_state="verified")
    assert list(Mention.objects.awaiting_review()) == [unsure]
    assert unsure.needs_review


@pytest.mark.django_db
def test_deleting_a_person_keeps_the_sources():
    doc = make_document()
    p = Person.objects.create(name_latin="Invented Person")
    m = Mention.objects.create(document=doc, index=0, name="Invented Person", person=p)
    Event.objects.create(mention=m, index=0, type="detention", date="2026-01")
    p.delete()
    m.refresh_from_db()
    assert m.person is None and m.events.count() == 1


def test_a_person_known_only_in_cyrillic_gets_a_latin_reading_for_display():
    p = Person(name_cyrillic="Вусал Эльдар оглы Насибов")
    assert p.transliterated_name == "Vusal Eldar ogly Nasibov"
    assert Person(name_latin="Vusal Nasibov", name_cyrillic="Вусал Насибов").transliterated_name == ""


@pytest.mark.django_db
def test_models_and_migrations_agree():
    from django.core.management import call_command

    call_command("makemigrations", "registry", "--check", "--dry-run", verbosity=0)
