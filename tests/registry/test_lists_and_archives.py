"""Published lists (--map) and Spark archive reports reach the registry as claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from soraq.cli import main
from soraq.registry.models import Document, Mention, Person
from soraq.report import Person as ReportPerson
from soraq.report import Report


@pytest.mark.django_db
def test_a_list_with_a_column_map_becomes_one_report_per_row(tmp_path: Path, capsys) -> None:
    listing = tmp_path / "returned-list.csv"
    listing.write_text(
        "ФИО,Год рождения,Статус\n"
        "Примеров Иван Петрович,1990,returned\n"
        "Образцов Олег,19x0,killed\n"  # a bad year: this row fails, the others go on
        "Тестова Анна,1985,missing\n",
        encoding="utf-8",
    )
    code = main(["ingest", "--no-progress", "--map", "name=ФИО,birth_year=Год рождения,status=Статус",
                 str(listing)])
    out, err = capsys.readouterr()
    assert code == 3, (out, err)
    assert "2 new" in out and "1 failed" in out
    assert "19x0" in err
    mention = Mention.objects.get(person__birth_year=1990)
    assert mention.status == "returned"
    assert Person.objects.count() == 2
    # a list row is structured data: taken as listed, not guessed by the NLP extractor
    report = Document.objects.get(doc_id=mention.document.doc_id).report
    assert report["persons"][0]["birth_year"] == 1990


def test_a_bad_column_map_is_a_usage_error(capsys) -> None:
    assert main(["ingest", "--map", "nonsense", "x.csv"]) == 2
    assert "--map" in capsys.readouterr().err


@pytest.mark.django_db
def test_reports_made_on_spark_are_loaded_with_their_article_text(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from soraq.registry.services.bulk import load_archive_reports

    texts = {
        "arch-1": "Гражданин Узбекистана Тестбек Примеров, 1991 года рождения, пропал без вести на фронте.",
        "arch-2": "Цены на хлеб выросли.",
    }
    archive = tmp_path / "archive.jsonl"
    archive.write_text("".join(json.dumps({"doc_id": d, "text": t}, ensure_ascii=False) + "\n"
                               for d, t in texts.items()) + "not json\n", encoding="utf-8")
    report = Report(doc_id="arch-1", lang="ru", relevant=True, persons=[
        ReportPerson(name="Тестбек Примеров", birth_year=1991, citizenship="UZ", status="missing")])
    table = pa.table({
        "doc_id": ["arch-1", "arch-2"],
        "relevant": [True, False],
        "report_json": [report.to_json(), None],
    })
    (tmp_path / "out" / "reports").mkdir(parents=True)
    pq.write_table(table, tmp_path / "out" / "reports" / "part-0.parquet")

    summary = load_archive_reports(archive, tmp_path / "out")
    assert (summary.new, summary.failed) == (1, 0)
    document = Document.objects.get(doc_id="arch-1")
    assert document.text == texts["arch-1"]
    assert Person.objects.get().birth_year == 1991
    again = load_archive_reports(archive, tmp_path / "out")
    assert (again.new, again.unchanged) == (0, 1)
