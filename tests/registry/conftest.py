"""Fixtures for the registry tests: invented people and documents only (no real person)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from soraq.ingest import SourceDocument
from soraq.report import Evidence, Report
from soraq.report import Event as ReportEvent
from soraq.report import Person as ReportPerson

FIXTURES = Path(__file__).parent / "fixtures"


def document(doc_id: str, text: str, published: str | None = None, **extra) -> SourceDocument:
    return SourceDocument(doc_id=doc_id, text=text, published=published, raw=text.encode("utf-8"),
                          origin=f"test:{doc_id}", **extra)


def span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def person(text: str, name: str, *, events: list[tuple[str, str | None, str | None]] = (),
           **fields) -> ReportPerson:
    """A report person whose name and events carry evidence spans found in ``text``.

    ``events`` holds (type, date, supporting phrase or None).
    """
    evidence = [Evidence(field="name", start=s, end=e) for s, e in [span_of(text, name)]]
    report_events = []
    for i, (etype, date, phrase) in enumerate(events):
        report_events.append(ReportEvent(type=etype, date=date))
        if phrase:
            s, e = span_of(text, phrase)
            evidence.append(Evidence(field=f"events[{i}]", start=s, end=e))
    return ReportPerson(name=name, events=report_events, evidence=evidence, **fields)


def report(doc: SourceDocument, *persons: ReportPerson, lang: str = "en", relevant: bool = True) -> Report:
    return Report(doc_id=doc.doc_id, lang=lang, published=doc.published, relevant=relevant,
                  persons=list(persons))


def given_reports(reports: dict[str, Report]) -> Callable[[SourceDocument], Report]:
    """An extractor that returns prepared reports: for tests about the registry's own behaviour."""

    def extract(doc: SourceDocument) -> Report:
        found = reports[doc.doc_id.split("@")[0]]
        return found.model_copy(update={"doc_id": doc.doc_id})

    return extract


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests log in often: a fast hasher keeps them quick (production keeps Django's default)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def var_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SORAQ_VAR_DIR", str(tmp_path))
    return tmp_path
