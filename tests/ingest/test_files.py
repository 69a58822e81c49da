"""Files of every kind: HTML (also hostile), PDF, DOCX, JSON lines, folders."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from soraq.ingest import IngestError, SourceDocument, iter_documents

from .makefiles import ARTICLE_TEXT, article_html, docx_bytes, encrypted_pdf, scanned_pdf, text_pdf


def _one(path: Path) -> SourceDocument | IngestError:
    items = list(iter_documents([path]))
    assert len(items) == 1, items
    return items[0]


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "daily-appeal.html"
    path.write_bytes(article_html())
    doc = _one(path)
    assert isinstance(doc, SourceDocument)
    assert doc.doc_id == "daily-appeal"
    assert "made to sign papers he could not read" in doc.text
    assert "Subscribe to our newsletter" not in doc.text and "tracking" not in doc.text
    assert doc.title == "Family appeals for missing worker"
    assert doc.text.startswith(doc.title)
    assert doc.published == "2026-03-14"
    assert doc.outlet == "Example Daily"
    assert doc.extra["author"] == "Nigar Reporterova"
    assert doc.media_type == "text/html"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "name,html,reason",
    [
        ("scripts-only", b"<html><head><script>while(1){}</script></head><body><script>alert(1)</script></body></html>",
         "no article text"),
        ("deep", b"<html><body>" + b"<div>" * 100_000 + b"text" + b"</div>" * 100_000 + b"</body></html>",
         "nested too deeply"),
        ("empty", b"", "no article text"),
        ("garbage", bytes(range(256)) * 50, "encoding"),
    ],
)
def test_hostile_html_is_a_clear_error_not_a_crash(tmp_path: Path, name: str, html: bytes, reason: str) -> None:
    path = tmp_path / f"{name}.html"
    path.write_bytes(html)
    item = _one(path)
    assert isinstance(item, IngestError)
    assert reason in item.reason


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    path.write_bytes(text_pdf(["Statement of the family of Orxan Testoglu.",
                               "He was detained in Fictivsk in March 2025."], title="Family statement"))
    doc = _one(path)
    assert isinstance(doc, SourceDocument), doc
    assert "detained in Fictivsk in March 2025" in doc.text
    assert doc.title == "Family statement"
    assert doc.media_type == "application/pdf"


def test_encrypted_pdf_is_refused_as_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf(["A locked statement."]))
    item = _one(path)
    assert isinstance(item, IngestError) and "encrypted" in item.reason


def test_scanned_pdf_is_refused_for_its_missing_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    item = _one(path)
    assert isinstance(item, IngestError) and "scanned PDF without a text layer" in item.reason


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a PDF")
    item = _one(path)
    assert isinstance(item, IngestError) and "PDF" in item.reason


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "case-note.docx"
    path.write_bytes(docx_bytes(["Case note on Orxan Testoglu.", ARTICLE_TEXT],
                                table=[["Born", "1991"], ["Status", "missing"]], title="Case note"))
    doc = _one(path)
    assert isinstance(doc, SourceDocument), doc
    assert doc.text.startswith("Case note on Orxan Testoglu.")
    assert "Born\t1991" in doc.text and "Status\tmissing" in doc.text
    assert doc.title == "Case note"


def test_broken_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not a zip at all")
    item = _one(path)
    assert isinstance(item, IngestError) and ".docx" in item.reason


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {"doc_id": "a1", "text": "Some report.", "published": "2026-01-02", "url": "https://news.example/a1"}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"text": "no id"}) + "\n\n", encoding="utf-8")
    items = list(iter_documents([path]))
    assert isinstance(items[0], SourceDocument) and items[0].published == "2026-01-02"
    assert items[0].raw is not None and json.loads(items[0].raw) == good
    assert [type(i).__name__ for i in items[1:]] == ["IngestError", "IngestError"]
    assert items[1].origin.endswith(":2") and "missing doc_id" in items[2].reason


def test_folder_mixes_kinds_and_one_bad_file_does_not_stop_it(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A plain report.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_bytes(article_html())
    (tmp_path / "sub" / "c.pdf").write_bytes(encrypted_pdf(["locked"]))
    (tmp_path / "d.docx").write_bytes(docx_bytes(["A statement."]))
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # unknown suffix in a folder: not a document, skipped
    items = list(iter_documents([tmp_path, tmp_path / "missing.txt"]))
    kinds = [(type(i).__name__, getattr(i, "doc_id", None) or Path(i.origin).name) for i in items]
    assert kinds == [("SourceDocument", "a"), ("SourceDocument", "d"), ("SourceDocument", "b"),
                     ("IngestError", "c.pdf"), ("IngestError", "missing.txt")]


def test_unknown_file_type_given_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not text")
    item = _one(path)
    assert isinstance(item, IngestError) and "unsupported file type" in item.reason


def test_unknown_suffix_recognised_by_its_first_bytes(tmp_path: Path) -> None:
    path = tmp_path / "download.bin"
    path.write_bytes(text_pdf(["A statement saved without its suffix, sent by a family."]))
    doc = _one(path)
    assert isinstance(doc, SourceDocument) and doc.media_type == "application/pdf"


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from soraq.ingest import documents

    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 100)
    path = tmp_path / "huge.txt"
    path.write_text("x" * 101, encoding="utf-8")
    item = _one(path)
    assert isinstance(item, IngestError) and "file too large" in item.reason


def test_a_folders_readme_is_not_taken_for_a_report(tmp_path) -> None:
    from soraq.ingest import SourceDocument, iter_documents

    (tmp_path / "README.md").write_text("# What this folder holds\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("editor backup", encoding="utf-8")
    (tmp_path / "report.txt").write_text("An invented report.", encoding="utf-8")
    docs = [d for d in iter_documents([tmp_path]) if isinstance(d, SourceDocument)]
    assert [d.doc_id for d in docs] == ["report"]
    # named explicitly, a README is still read: the user asked for it
    assert [d.doc_id for d in iter_documents([tmp_path / "README.md"])] == ["README"]
