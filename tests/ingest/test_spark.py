"""Archives at scale: the Spark engine in local mode on a tiny archive."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from soraq.report import Person, Report

pytestmark = pytest.mark.spark

pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (pip install soraq[spark])")
if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark (Debian: default-jre-headless)", allow_module_level=True)

ARTICLES = [
    {"doc_id": "w1", "text": "Weather: rain expected in Fictivsk on Tuesday.", "published": "2026-03-01"},
    {"doc_id": "r1", "text": "Orxan Testoglu, born in 1991, was forced to sign a contract.", "published": "2026-03-02",
     "url": "https://news.example/r1"},
    {"doc_id": "w2", "text": "Football: Fictivsk United won 2-1."},
    {"doc_id": "r2", "text": "Ivan Primerov and Elvin Numunali were made to sign a contract.", "lang": "en"},
    {"doc_id": "boom", "text": "A contract clause that makes the extractor fail."},
]


def fake_relevance(text: str) -> bool:
    return "contract" in text


def fake_extractor(text: str, doc_id: str, published: str | None = None, lang: str | None = None,
                   url: str | None = None) -> Report:
    """Names are the capitalised word pairs before 'born'/'and'/'were' - enough to test the plumbing."""
    if "fail" in text:
        raise RuntimeError("extractor bug")
    import re

    names = re.findall(r"([A-Z][a-z]+ [A-Z][a-z]+)(?=,| and| were)", text)
    return Report(doc_id=doc_id, lang=lang or "en", published=published, relevant=True,
                  persons=[Person(name=n, birth_year=1991 if "1991" in text else None) for n in names])


@pytest.fixture(scope="module")
def spark():
    from pyspark import cloudpickle

    from soraq.ingest.spark import local_session

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module
    session = local_session("local[1]", partitions=2)
    yield session
    session.stop()


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.jsonl"
    lines = [json.dumps(a) for a in ARTICLES] + ["{broken json"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_archive_to_parquet(spark, archive: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from soraq.ingest.spark import run_archive

    stats = run_archive(archive, tmp_path / "out", spark=spark, partitions=2,
                        relevance=fake_relevance, extractor=fake_extractor)
    assert (stats.documents, stats.filtered_out, stats.extracted, stats.failed) == (6, 2, 2, 2)
    assert stats.relevant == 2 and stats.persons == 3
    reports = pq.read_table(tmp_path / "out" / "reports").to_pylist()
    by_id = {r["doc_id"]: r for r in reports}
    assert set(by_id) == {"r1", "r2", "boom", None}
    assert "RuntimeError: extractor bug" in by_id["boom"]["error"]
    assert "bad archive line" in by_id[None]["error"]
    assert json.loads(by_id["r1"]["report_json"])["persons"][0]["name"] == "Orxan Testoglu"
    assert by_id["r1"]["url"] == "https://news.example/r1"
    persons = sorted(pq.read_table(tmp_path / "out" / "persons").to_pylist(), key=lambda p: p["mention_id"])
    assert [(p["mention_id"], p["name"], p["birth_year"]) for p in persons] == [
        ("r1#0", "Orxan Testoglu", 1991), ("r2#0", "Ivan Primerov", None), ("r2#1", "Elvin Numunali", None)]


def test_archive_with_the_project_extractor(spark, archive: Path, tmp_path: Path) -> None:
    """The default engine uses soraq.extract; every pre-filtered article gets a report or a recorded error."""
    extract = pytest.importorskip("soraq.extract")
    from soraq.ingest.spark import run_archive

    expected = sum(extract.is_relevant_fast(a["text"]) for a in ARTICLES)
    stats = run_archive(archive, tmp_path / "out", spark=spark, partitions=2)
    assert stats.documents == 6
    assert stats.extracted + stats.failed == expected + 1  # + the broken line
    assert stats.filtered_out == len(ARTICLES) - expected


def test_warc_archive(spark, tmp_path: Path) -> None:
    pytest.importorskip("warcio", reason="warcio is not installed (optional: pip install warcio)")
    from soraq.ingest.spark import run_archive

    from .makefiles import article_html, warc_bytes

    body = "Orxan Testoglu, born in 1991, was forced to sign a contract. " * 3
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes([
        ("https://news.example/a", article_html(body=body), "text/html"),
        ("https://news.example/b", article_html(title="Local football", body="Fictivsk United won again. " * 5),
         "text/html"),
    ]))
    stats = run_archive(path, tmp_path / "out", spark=spark, relevance=fake_relevance, extractor=fake_extractor)
    assert (stats.documents, stats.filtered_out, stats.extracted, stats.persons) == (2, 1, 1, 1)
