"""`soraq link` and `soraq match` on a small invented reports file."""

from __future__ import annotations

import json
from pathlib import Path

from soraq.cli import main

REPORTS = [
    {"doc_id": "alpha-en", "lang": "en", "published": "2025-03-01", "relevant": True,
     "persons": [{"name": "Zaur Qasımzadə", "birth_year": 1984, "citizenship": "AZ", "home": "Zərdab"}]},
    {"doc_id": "beta-ru", "lang": "ru", "published": "2025-04-01", "relevant": True,
     "persons": [{"name": "Заур Гасымзаде", "birth_year": 1984, "citizenship": "AZ"},
                 {"name": "Заур Гасымзаде", "birth_year": 1961, "citizenship": "AZ"}]},
    {"doc_id": "gamma-en", "lang": "en", "published": None, "relevant": True,
     "persons": [{"name": "Oybek Nurmatov", "citizenship": "UZ"}]},
]


def write(tmp_path: Path) -> Path:
    f = tmp_path / "reports.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in REPORTS]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"doc_id": "bad", "persons": []}))
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def test_link_writes_every_mention_once_and_reports_bad_lines(tmp_path, capsys) -> None:
    f = write(tmp_path)
    pairs, review = tmp_path / "pairs.jsonl", tmp_path / "review.jsonl"
    assert main(["link", str(f), "--engine", "python", "--pairs", str(pairs), "--review", str(review)]) == 0
    out, err = capsys.readouterr()
    clusters = json.loads(out)["clusters"]
    flat = [m for c in clusters for m in c]
    assert sorted(flat) == ["alpha-en#0", "beta-ru#0", "beta-ru#1", "gamma-en#0"]
    assert ["alpha-en#0", "beta-ru#0"] in clusters
    assert ":2:" in err and ":5:" in err  # bad lines named by number
    first = json.loads(pairs.read_text(encoding="utf-8").splitlines()[0])
    assert {"a", "b", "probability", "decision", "reasons"} <= set(first)
    assert review.exists()


def test_match_ranks_candidates(tmp_path, capsys) -> None:
    f = write(tmp_path)
    assert main(["match", "Гасымзаде Заур", "--birth-year", "1984", "--against", str(f), "--json"]) == 0
    out, _ = capsys.readouterr()
    ranked = json.loads(out)
    assert ranked[0]["b"] in {"alpha-en#0", "beta-ru#0"}
    assert ranked[0]["probability"] > 0.9
    assert all(r["b"] != "beta-ru#1" or r["decision"] == "apart" for r in ranked)
