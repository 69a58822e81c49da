"""What a new user sees after `make run`: the bundled examples become persons, one of them in two languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from soraq.ingest import SourceDocument, iter_documents
from soraq.registry.models import Document, Person
from soraq.registry.services.ingest import ingest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.django_db
def test_examples_are_ingested_and_the_two_language_report_is_one_person() -> None:
    summary = ingest(iter_documents([EXAMPLES]))
    assert summary.failed == 0 and summary.new == 6  # the folder's README is not a report
    relevant = set(Document.objects.filter(relevant=True).values_list("doc_id", flat=True))
    assert "az-miqrasiya-qeydiyyat-qaydalari" not in relevant  # paperwork only: near the topic
    assert len(relevant) == 5
    reported_twice = [p for p in Person.objects.all() if p.mentions.count() == 2]
    assert len(reported_twice) == 1
    langs = {m.document.lang for m in reported_twice[0].mentions.all()}
    assert langs == {"az", "ru"}
    assert reported_twice[0].birth_year == 1988 and reported_twice[0].citizenship == "AZ"
    # ingesting again changes nothing
    again = ingest(iter_documents([EXAMPLES]))
    assert (again.new, again.unchanged) == (0, 6)


def test_examples_readme_describes_every_example() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    docs = [d for d in iter_documents([EXAMPLES]) if isinstance(d, SourceDocument)]
    for doc in docs:
        assert f"`{Path(doc.origin).name}`" in readme
