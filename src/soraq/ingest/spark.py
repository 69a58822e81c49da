"""Archives at scale: a news archive through the pre-filter and extraction with PySpark.

A news archive (millions of articles, JSON lines ``{"doc_id", "text",
"published"?, "url"?, "lang"?, "title"?}``, or WARC files whose HTML pages
are turned into such articles by :mod:`soraq.ingest.warc`) is mostly irrelevant: only a
fraction of a percent reports on coerced recruitment. Each partition runs the
cheap lexical pre-filter (:func:`soraq.extract.is_relevant_fast`) on every
article and the full extraction (:func:`soraq.extract.extract_text`) only on
those that pass. ``mapPartitions`` is used so that extraction's models load
once per partition (per Python worker), not once per article.

Output (Parquet, under ``out_parquet``):

* ``reports/``: one row per extracted article: ``doc_id, url, published,
  lang, relevant, n_persons, report_json`` (the spec's JSON), or ``error``
  when extraction failed on that article (the run goes on);
* ``persons/``: one row per person mention (``mention_id`` = ``DOC#i`` and
  the fields linking needs), for :mod:`soraq.link` or a Splink job.

Local mode is the default (``local[1]``, Spark UI off), so it runs on a
laptop; pass a ``SparkSession`` to run on a cluster.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Relevance = Callable[[str], bool]
Extractor = Callable[..., Any]  # extract_text(text, doc_id, published=None, lang=None, url=None) -> Report

#: person fields copied into the persons table (what linking compares)
PERSON_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "string"), ("given_name", "string"), ("family_name", "string"), ("patronymic", "string"),
    ("sex", "string"), ("birth_year", "int"), ("age", "int"), ("citizenship", "string"),
    ("home", "string"), ("occupation", "string"), ("location_abroad", "string"), ("status", "string"),
)
FILTERED, EXTRACTED, FAILED = "filtered", "extracted", "failed"


@dataclass(frozen=True)
class ArchiveStats:
    documents: int
    filtered_out: int
    extracted: int
    relevant: int
    persons: int
    failed: int
    seconds: float


def _row_schema():  # noqa: ANN202 - pyspark.sql.types.StructType, imported lazily
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "int": T.IntegerType()}
    person = T.StructType([T.StructField("mention_id", T.StringType())]
                          + [T.StructField(name, kinds[kind]) for name, kind in PERSON_FIELDS])
    return T.StructType([
        T.StructField("doc_id", T.StringType()),
        T.StructField("url", T.StringType()),
        T.StructField("published", T.StringType()),
        T.StructField("stage", T.StringType()),
        T.StructField("lang", T.StringType()),
        T.StructField("relevant", T.BooleanType()),
        T.StructField("n_persons", T.IntegerType()),
        T.StructField("report_json", T.StringType()),
        T.StructField("error", T.StringType()),
        T.StructField("persons", T.ArrayType(person)),
    ])


def process_lines(lines: Iterable[str], relevance: Relevance | None = None,
                  extractor: Extractor | None = None) -> Iterator[tuple[Any, ...]]:
    """One partition's archive lines -> rows of the ``reports`` table (models loaded once here)."""
    if relevance is None or extractor is None:
        from soraq.extract import extract_text, is_relevant_fast

        relevance = relevance or is_relevant_fast
        extractor = extractor or extract_text
    for line in lines:
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            doc_id, text = item["doc_id"], item["text"]
            if not isinstance(doc_id, str) or not isinstance(text, str):
                raise TypeError("doc_id and text must be strings")
        except (ValueError, KeyError, TypeError) as exc:
            yield (None, None, None, FAILED, None, None, None, None, f"bad archive line: {exc}", None)
            continue
        url, published = item.get("url"), item.get("published")
        if not relevance(text):
            yield (doc_id, url, published, FILTERED, None, None, None, None, None, None)
            continue
        try:
            report = extractor(text, doc_id, published=published, lang=item.get("lang"), url=url)
        except Exception as exc:  # noqa: BLE001 - one article's failure is recorded, the archive goes on
            yield (doc_id, url, published, FAILED, None, None, None, None, f"{type(exc).__name__}: {exc}", None)
            continue
        data = report.model_dump(mode="json")
        persons = [
            (f"{report.doc_id}#{i}", *(p.get(name) for name, _ in PERSON_FIELDS))
            for i, p in enumerate(data.get("persons", []))
        ]
        yield (doc_id, url, data.get("published") or published, EXTRACTED, data.get("lang"),
               bool(data.get("relevant")), len(persons), report.to_json(), None, persons)


def local_session(master: str = "local[1]", partitions: int = 2):  # noqa: ANN201 - SparkSession
    """A small local Spark session: no UI, few shuffle partitions, workers on this Python."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(master)
        .appName("soraq-archive")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.default.parallelism", str(partitions))
        .config("spark.driver.memory", os.environ.get("SORAQ_SPARK_MEMORY", "1g"))
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_archive(
    archive_path: str | Path,
    out_parquet: str | Path,
    *,
    master: str = "local[1]",
    partitions: int = 2,
    spark: Any = None,
    relevance: Relevance | None = None,
    extractor: Extractor | None = None,
) -> ArchiveStats:
    """Pre-filter and extract every article of a JSON-lines archive into Parquet (see the module doc).

    ``relevance`` and ``extractor`` default to :mod:`soraq.extract`'s
    ``is_relevant_fast`` and ``extract_text``; they are parameters so that a
    benchmark or test can measure the engine with other functions.
    """
    archive = Path(archive_path)
    if not archive.exists():
        raise FileNotFoundError(f"no archive at {archive}")
    from soraq.ingest.warc import is_warc

    warc = is_warc(archive.name) or (archive.is_dir() and any(is_warc(p.name) for p in archive.iterdir()))
    out = Path(out_parquet)
    own = spark is None
    session = spark or local_session(master, partitions)
    started = time.perf_counter()
    try:
        if warc:  # one task per WARC file reads its pages, then the articles are spread out
            from soraq.ingest.warc import warc_bytes_to_articles

            lines = (
                session.sparkContext.binaryFiles(str(archive))
                .flatMap(lambda item: (json.dumps(a, ensure_ascii=False) for a in warc_bytes_to_articles(item[1])))
                .repartition(partitions)
            )
        else:
            lines = session.sparkContext.textFile(str(archive), minPartitions=partitions)
        rows = lines.mapPartitions(lambda part: process_lines(part, relevance, extractor))
        table = session.createDataFrame(rows, schema=_row_schema()).persist()
        reports = table.where(table.stage != FILTERED)
        reports.write.mode("overwrite").parquet(str(out / "reports"))
        from pyspark.sql import functions as F

        persons = reports.select("doc_id", F.explode("persons").alias("p")).select("doc_id", "p.*")
        persons.write.mode("overwrite").parquet(str(out / "persons"))
        counts = {r["stage"]: r["count"] for r in table.groupBy("stage").count().collect()}
        summary = reports.agg(
            F.sum(F.col("relevant").cast("int")).alias("relevant"),
            F.sum("n_persons").alias("persons"),
        ).collect()[0]
        table.unpersist()
    finally:
        if own:
            session.stop()
    return ArchiveStats(
        documents=sum(counts.values()),
        filtered_out=counts.get(FILTERED, 0),
        extracted=counts.get(EXTRACTED, 0),
        relevant=int(summary["relevant"] or 0),
        persons=int(summary["persons"] or 0),
        failed=counts.get(FAILED, 0),
        seconds=round(time.perf_counter() - started, 3),
    )
