"""Fixtures for the extractor tests: the models load once per test session.

All people, places and sentences in these tests are invented.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extract():  # type: ignore[no-untyped-def]
    """``extract_text`` with natasha, pymorphy and lingua already loaded."""
    from soraq.extract import extract_text

    extract_text("Гражданин Азербайджана Иван Петров погиб на войне в Украине.", "warm-up")
    return extract_text


@pytest.fixture(scope="session")
def person(extract):  # type: ignore[no-untyped-def]
    """The first person extracted from a text (fails the test when there is none)."""

    def first(text: str, published: str | None = "2025-06-10", lang: str | None = None):  # type: ignore[no-untyped-def]
        report = extract(text, "test-doc", published=published, lang=lang)
        assert report.persons, f"no person found in: {text[:80]!r}"
        return report.persons[0]

    return first
