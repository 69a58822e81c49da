"""Bulk load of reports extracted on Spark (``soraq ingest --engine spark``).

The Spark job (:func:`soraq.ingest.spark.run_archive`) writes one Parquet row
per extracted article with the report's JSON but not the text, to keep the
table small. Loading joins each relevant report back to its article's text by
streaming the archive once, then stores it like any other document, with the
Spark-made report as its extraction (nothing is extracted twice).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from soraq.ingest import IngestError, SourceDocument
from soraq.registry.services.ingest import IngestSummary, ingest
from soraq.report import Report


def _relevant_reports(out_dir: Path) -> dict[str, Report]:
    import pyarrow.parquet as pq

    table = pq.read_table(out_dir / "reports", columns=["doc_id", "relevant", "report_json"])
    reports = {}
    for row in table.to_pylist():
        if row["relevant"] and row["report_json"]:
            reports[row["doc_id"]] = Report.from_json(row["report_json"])
    return reports


def _articles(archive: Path) -> Iterator[dict[str, Any]]:
    """The archive's articles, as the Spark job read them (JSON lines or WARC files)."""
    from soraq.ingest.warc import is_warc, iter_warc_articles

    files = sorted(p for p in archive.iterdir() if p.is_file()) if archive.is_dir() else [archive]
    for path in files:
        if is_warc(path.name):
            with path.open("rb") as stream:
                yield from iter_warc_articles(stream)
            continue
        with path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                try:
                    item = json.loads(line)
                except ValueError:
                    continue  # the Spark job already reported it
                if isinstance(item, dict):
                    yield item


def load_archive_reports(archive: str | Path, out_dir: str | Path, *, link: bool = True) -> IngestSummary:
    """Store every relevant report of a Spark run with its article's text, idempotently."""
    reports = _relevant_reports(Path(out_dir))

    def documents() -> Iterator[SourceDocument | IngestError]:
        for article in _articles(Path(archive)):
            doc_id = article.get("doc_id")
            if doc_id in reports and isinstance(article.get("text"), str):
                yield SourceDocument(
                    doc_id=doc_id, text=article["text"], published=article.get("published"),
                    url=article.get("url"), title=article.get("title"), lang=article.get("lang"),
                    origin=f"{archive}#{doc_id}",
                )

    return ingest(documents(), link=link, extractor=lambda doc: reports[doc.doc_id])
