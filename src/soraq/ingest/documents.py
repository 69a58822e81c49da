"""A document as it came in, and the readers that turn files into documents."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SourceDocument:
    """One document to extract from, with what is known of where it came from.

    ``raw`` holds the original bytes as received (kept as evidence, hashed with
    SHA-256); ``text`` is the readable text extraction works on.
    """

    doc_id: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    lang: str | None = None
    media_type: str = "text/plain"
    raw: bytes | None = None
    origin: str | None = None  # file path, URL or "PATH:LINE" it was read from
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        """Hash of the original bytes (or of the text when there are none)."""
        data = self.raw if self.raw is not None else self.text.encode("utf-8")
        return hashlib.sha256(data).hexdigest()

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IngestError:
    """An item that could not be read: reported with its reason, never fatal to a batch."""

    origin: str
    reason: str


def _decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, then the detected encoding."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            raise ValueError("cannot tell the text encoding") from None
        return str(best)


def _read_html(raw: bytes, path: Path) -> SourceDocument:
    import trafilatura

    html = _decode(raw)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise ValueError("no article text found in the HTML")
    title = getattr(doc, "title", None)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    date = getattr(doc, "date", None)
    return SourceDocument(
        doc_id=path.stem,
        text=text,
        published=date or None,
        url=getattr(doc, "url", None),
        title=title,
        outlet=getattr(doc, "sitename", None),
        media_type="text/html",
        raw=raw,
        origin=str(path),
    )


def _read_jsonl(path: Path) -> Iterator[SourceDocument | IngestError]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict):
                    raise ValueError("a line must be a JSON object")
                doc_id, text = item.get("doc_id"), item.get("text")
                if not isinstance(doc_id, str) or not doc_id:
                    raise ValueError("missing doc_id")
                if not isinstance(text, str):
                    raise ValueError("missing text")
            except ValueError as exc:  # json.JSONDecodeError is a ValueError
                yield IngestError(origin, str(exc))
                continue
            yield SourceDocument(
                doc_id=doc_id,
                text=text,
                published=item.get("published") or None,
                url=item.get("url") or None,
                title=item.get("title") or None,
                outlet=item.get("outlet") or None,
                lang=item.get("lang") or None,
                origin=origin,
            )


def read_path(path: Path) -> Iterator[SourceDocument | IngestError]:
    """The documents in one file, by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path)
        return
    try:
        raw = path.read_bytes()
        if suffix in (".html", ".htm"):
            yield _read_html(raw, path)
        elif suffix in (".txt", ".text", ".md", ""):
            yield SourceDocument(doc_id=path.stem, text=_decode(raw), raw=raw, origin=str(path))
        else:
            yield IngestError(str(path), f"unsupported file type {suffix!r}")
    except (OSError, ValueError) as exc:
        yield IngestError(str(path), str(exc))


def iter_documents(sources: Iterable[str | Path]) -> Iterator[SourceDocument | IngestError]:
    """Every document in the given files and folders (folders are read recursively, sorted)."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in (".txt", ".html", ".htm", ".jsonl"):
                    yield from read_path(child)
        elif path.exists():
            yield from read_path(path)
        else:
            yield IngestError(str(path), "no such file or folder")
