"""Storing a ready-made report (no extraction) through the ingest path."""

from __future__ import annotations

import pytest

from soraq.registry.models import Document, Event, Mention
from soraq.registry.services.ingest import FAILED, NEW, UNCHANGED, ingest_report
from soraq.report import Report

from .conftest import document, person

pytestmark = pytest.mark.django_db

TEXT = "Invented Outlet: Belmar Ostrovanov, 29, was sent to the front in May 2025 after his arrest."


def made_elsewhere(doc_id: str = "partner-17", text: str = TEXT) -> Report:
    doc = document(doc_id, text, published="2025-06-02")
    p = person(text, "Belmar Ostrovanov", events=[("deployment", "2025-05", "sent to the front in May 2025")],
               age=29, status="at_front")
    return Report(doc_id=doc_id, lang="en", published="2025-06-02", relevant=True, persons=[p],
                  source={"title": "A partner's report", "outlet": "Invented Outlet", "url": "https://example.org/r/17"})


def test_report_is_stored_as_given_with_its_metadata_and_linked():
    given = made_elsewhere()
    result = ingest_report(given, text=TEXT, origin="partner-api")
    assert (result.outcome, result.doc_id, result.mentions, result.persons_created) == (NEW, "partner-17", 1, 1)
    stored = Document.objects.get(doc_id="partner-17")
    assert (stored.title, stored.outlet, stored.url, stored.origin) == (
        "A partner's report", "Invented Outlet", "https://example.org/r/17", "partner-api")
    assert stored.report == given.model_dump(mode="json")
    assert stored.extractor_version.startswith("submitted:")
    mention = Mention.objects.get()
    assert (mention.name, mention.age, mention.status, mention.person_id is not None) == (
        "Belmar Ostrovanov", 29, "at_front", True)
    event = Event.objects.get()
    assert TEXT[event.span_start:event.span_end] == "sent to the front in May 2025"


def test_same_text_twice_is_unchanged_and_a_new_text_under_the_id_is_a_revision():
    assert ingest_report(made_elsewhere(), text=TEXT).outcome == NEW
    assert ingest_report(made_elsewhere(), text=TEXT).outcome == UNCHANGED
    edited = TEXT.replace("after his arrest", "after his detention")
    revision = ingest_report(made_elsewhere(text=edited), text=edited)
    assert revision.outcome == NEW and revision.doc_id.startswith("partner-17@")
    assert Document.objects.get(doc_id=revision.doc_id).report["doc_id"] == revision.doc_id


def test_no_extraction_runs(monkeypatch):
    import soraq.registry.services.ingest as ingest_module

    def refuse(_doc):
        raise AssertionError("the extractor must not run for a ready-made report")

    monkeypatch.setattr(ingest_module, "default_extractor", refuse)
    assert ingest_report(made_elsewhere(), text=TEXT, link=False).outcome == NEW


def test_empty_text_fails_with_a_reason_and_stores_nothing():
    result = ingest_report(made_elsewhere(), text="  ")
    assert result.outcome == FAILED and "no text" in result.reason
    assert not Document.objects.exists()


def test_dry_run_stores_nothing():
    result = ingest_report(made_elsewhere(), text=TEXT, dry_run=True)
    assert result.outcome == NEW and result.mentions == 1
    assert not Document.objects.exists()
