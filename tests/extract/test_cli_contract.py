"""``soraq extract`` on files and JSON lines, the report schema, and evidence offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from soraq.cli import main

STORY = ("Azerbaijani citizen Elvin Zeynalov, born in 1991, was detained in Samara and sent to the war in "
         "Ukraine in January. His mother, Leyla Zeynalova, asks the state for help.")


def _run(args: list[str], capsys) -> tuple[int, list[dict], str]:  # type: ignore[no-untyped-def]
    code = main(["extract", "--no-progress", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_txt_and_jsonl_with_a_bad_line(tmp_path: Path, capsys, extract) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "case-one.txt").write_text(STORY, encoding="utf-8")
    lines = [json.dumps({"doc_id": "j1", "text": STORY, "published": "2026-02-01"}), "{not json",
             json.dumps({"text": "no id"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, reports, err = _run([str(tmp_path / "case-one.txt"), str(tmp_path / "batch.jsonl"),
                               str(tmp_path / "missing.txt")], capsys)
    assert code == 0
    assert [r["doc_id"] for r in reports] == ["case-one", "j1"]
    assert reports[1]["published"] == "2026-02-01"
    skipped = [line for line in err.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 3 and "missing doc_id" in err and "no such file" in err


def test_nothing_readable_is_an_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, reports, err = _run([str(tmp_path / "nothing.txt")], capsys)
    assert code == 1 and reports == [] and "no such file" in err


def test_output_file(tmp_path: Path, capsys, extract) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    code, reports, _ = _run([str(tmp_path / "a.txt"), "-o", str(target)], capsys)
    assert code == 0 and reports == []
    assert json.loads(target.read_text(encoding="utf-8"))["persons"][0]["name"] == "Elvin Zeynalov"


def test_reports_validate_against_the_shared_schema(spec_schema, extract) -> None:  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    texts = [STORY, "Гражданин Таджикистана Рустам Назаров, 24 лет, погиб в Украине 3 мая.",
             "Lənkəran rayonunun sakini Zeynalov Elvin Kamran oğlu Ukraynada həlak olub.", "Nothing here."]
    for i, text in enumerate(texts):
        report = json.loads(extract(text, f"doc-{i}", published="2025-06-01").to_json())
        jsonschema.validate(report, spec_schema)


def test_dev_texts_validate_against_the_schema(spec_schema, dev_dir, extract) -> None:  # type: ignore[no-untyped-def]
    """Every development text gives a valid report (texts only: the gold is never read here)."""
    jsonschema = pytest.importorskip("jsonschema")
    for path in sorted(dev_dir.glob("*.txt")):
        report = json.loads(extract(path.read_text(encoding="utf-8"), path.stem).to_json())
        jsonschema.validate(report, spec_schema)


def test_evidence_points_at_the_supporting_text(extract) -> None:  # type: ignore[no-untyped-def]
    report = extract(STORY, "t", published="2026-02-01")
    p = report.persons[0]
    spans = {e.field: STORY[e.start : e.end] for e in p.evidence}
    assert spans["name"] == "Elvin Zeynalov"
    assert "1991" in spans["birth_year"]
    assert "Azerbaijani" in spans["citizenship"]
    assert "Leyla Zeynalova" in spans["relatives[0]"]
    event_fields = [f for f in spans if f.startswith("events[")]
    assert len(event_fields) == len(p.events)
    assert all(0 <= e.start < e.end <= len(STORY) for e in p.evidence)
