"""Ingesting documents with the real extractor and linker: idempotence, bad items, revisions."""

from __future__ import annotations

import hashlib

import pytest

from soraq.ingest import iter_documents
from soraq.registry.models import Document, Event, Mention, Person, PersonNameKey
from soraq.registry.services.ingest import ingest

from .conftest import document, given_reports, person, report

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, list]:
    """Every registry row, as plain values."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Document, Mention, Event, Person, PersonNameKey)
    }


def test_ingesting_twice_changes_nothing(fixtures_dir):
    first = ingest(iter_documents([fixtures_dir / "batch"]))
    assert first.new == 2 and first.mentions >= 2
    before = snapshot()
    second = ingest(iter_documents([fixtures_dir / "batch"]))
    assert (second.new, second.unchanged, second.failed) == (0, 2, first.failed)
    assert (second.mentions, second.persons_created, second.mentions_linked) == (0, 0, 0)
    assert snapshot() == before


def test_a_bad_item_does_not_stop_the_batch(fixtures_dir):
    summary = ingest(iter_documents([fixtures_dir / "no-such-folder", fixtures_dir / "batch"]))
    assert summary.new == 2
    reasons = {f.origin.rsplit("/", 1)[-1]: f.reason for f in summary.failures}
    assert set(reasons) == {"no-such-folder", "empty.txt", "mixed.jsonl:2", "mixed.jsonl:3"}
    assert "missing text" in reasons["mixed.jsonl:3"]
    assert summary.failed == 4
    assert set(Document.objects.values_list("doc_id", flat=True)) == {"en-nasibov", "invented-en-qurbonov"}


def test_extractor_failure_on_one_document_is_reported_and_the_rest_stored():
    good = document("good", "Invented text about nobody in particular.")
    bad = document("bad", "Another invented text.")

    def extractor(doc):
        if doc.doc_id == "bad":
            raise RuntimeError("extractor bug")
        return report(doc)

    summary = ingest([bad, good], extractor=extractor)
    assert (summary.new, summary.failed) == (1, 1)
    assert "RuntimeError: extractor bug" in summary.failures[0].reason
    assert list(Document.objects.values_list("doc_id", flat=True)) == ["good"]


def test_stored_document_keeps_bytes_hashes_report_and_metadata(fixtures_dir):
    ingest(iter_documents([fixtures_dir / "two-scripts.jsonl"]))
    doc = Document.objects.get(doc_id="invented-en-nasibov")
    assert doc.published == "2026-03-12" and doc.published_precision == "day"
    assert doc.outlet == "Invented Daily" and doc.lang == "en" and doc.relevant
    assert doc.text_sha256 == hashlib.sha256(doc.text.encode()).hexdigest()
    assert doc.report["doc_id"] == "invented-en-nasibov"
    assert doc.report["persons"][0]["name"] == "Vusal Nasibov"
    assert doc.extractor_version
    mention = doc.mentions.get()
    assert mention.birth_year == 1987 and mention.citizenship == "AZ"
    assert mention.person is not None and mention.events.exists()


def test_a_changed_text_under_a_known_id_is_kept_as_a_revision():
    v1 = document("story", "Invented Person was detained on 1 May 2026.", "2026-05-02")
    v2 = document("story", "Invented Person was detained on 1 May 2026 in Tula.", "2026-05-03")
    reports = {"story": report(v1)}
    ingest([v1], extractor=given_reports(reports))
    summary = ingest([v2, v1], extractor=given_reports(reports))
    assert (summary.new, summary.unchanged) == (1, 1)
    ids = sorted(Document.objects.values_list("doc_id", flat=True))
    assert ids[0] == "story" and ids[1].startswith("story@")
    assert Document.objects.get(doc_id="story").text == v1.text  # the first claim is untouched


def test_dry_run_reports_but_stores_nothing(fixtures_dir):
    summary = ingest(iter_documents([fixtures_dir / "batch"]), dry_run=True)
    assert summary.new == 2 and summary.persons_created >= 2
    assert Document.objects.count() == Mention.objects.count() == Person.objects.count() == 0


def test_no_link_stores_mentions_without_persons(fixtures_dir):
    summary = ingest(iter_documents([fixtures_dir / "batch"]), link=False)
    assert summary.mentions >= 2 and summary.persons_created == 0
    assert Person.objects.count() == 0
    assert not Mention.objects.filter(person__isnull=False).exists()


def test_events_get_their_evidence_or_the_sentence_naming_the_person():
    text = "Report from an invented outlet. Invented Person, 30, left for Tula in 2024. He was detained on 3 May 2026."
    doc = document("spans", text, "2026-05-10")
    rep = report(doc, person(text, "Invented Person", events=[
        ("departure", "2024", "left for Tula in 2024"), ("detention", "2026-05-03", None)]))
    ingest([doc], extractor=given_reports({"spans": rep}))
    departure, detention = Event.objects.order_by("index")
    assert text[departure.span_start:departure.span_end] == "left for Tula in 2024"
    assert departure.span_source == Event.SpanSource.EVIDENCE
    assert text[detention.span_start:detention.span_end] == "Invented Person, 30, left for Tula in 2024."
    assert detention.span_source == Event.SpanSource.NAME_SENTENCE
    assert detention.date_sort.isoformat() == "2026-05-03"


def test_evidence_outside_the_text_is_ignored():
    text = "Invented Person was detained."
    doc = document("bad-offsets", text, "2026-05-10")
    rep = report(doc, person(text, "Invented Person", events=[("detention", None, None)]))
    rep.persons[0].evidence.append(type(rep.persons[0].evidence[0])(field="events[0]", start=5, end=999))
    ingest([doc], extractor=given_reports({"bad-offsets": rep}))
    event = Event.objects.get()
    assert event.span_source == Event.SpanSource.NAME_SENTENCE
    assert (event.span_start, event.span_end) == (0, len(text))


def test_one_person_reported_in_two_scripts_is_linked_end_to_end(fixtures_dir):
    """The real extractor and linker: an English and a Russian report of one invented person."""
    summary = ingest(iter_documents([fixtures_dir / "two-scripts.jsonl"]))
    assert summary.new == 2 and summary.failed == 0
    en = Mention.objects.get(document__doc_id="invented-en-nasibov")
    ru = Mention.objects.get(document__doc_id="invented-ru-nasibov")
    assert en.person_id == ru.person_id
    assert ru.link_decision == Mention.LinkOutcome.MERGED
    person_ = en.person
    assert person_.name_latin == "Vusal Nasibov"
    assert person_.name_cyrillic.startswith("Вусал")
    assert person_.birth_year == 1987 and person_.citizenship == "AZ"


def test_sentences_end_at_line_breaks_and_full_stops():
    from soraq.registry.services.text import sentence_around

    text = "A headline without a stop\n\nInvented Person was detained. He called home on Monday."
    start = text.index("Invented")
    assert text[slice(*sentence_around(text, start, start + 15))] == "Invented Person was detained."
    start = text.index("called")
    assert text[slice(*sentence_around(text, start, start + 6))] == "He called home on Monday."
    assert text[slice(*sentence_around(text, 2, 10))] == "A headline without a stop"
