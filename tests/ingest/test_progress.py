"""The end-of-run summary: counts by kind, each error's origin and reason, never document text."""

from __future__ import annotations

import io

from soraq.ingest import IngestError, SourceDocument
from soraq.ingest.progress import IngestSummary, print_summary, progress


def test_summary_counts_and_lists_errors_without_text() -> None:
    items = [
        SourceDocument(doc_id="a", text="Secret testimony of a fictional person.", media_type="text/html"),
        IngestError("list.csv:row 3", "row 3: birth_year '19x0' is not a year between 1900 and 2030"),
        SourceDocument(doc_id="b", text="Another text.", extra={"kind": "list_row"}),
    ]
    out = io.StringIO()
    summary = print_summary(items, out)
    printed = out.getvalue()
    assert summary.documents == 2 and len(summary.errors) == 1
    assert "ingested 2 document(s) (1 text/html, 1 list_row), 1 error(s)" in printed
    assert "skipped list.csv:row 3: row 3: birth_year '19x0'" in printed
    assert "Secret testimony" not in printed


def test_track_passes_documents_on_and_keeps_errors() -> None:
    summary = IngestSummary()
    items = [SourceDocument(doc_id="a", text="x"), IngestError("b", "bad")]
    assert [d.doc_id for d in summary.track(progress(items, "reading", enabled=False))] == ["a"]
    assert summary.errors == [IngestError("b", "bad")]
