"""A document as it came in, and the dispatcher that turns any source into documents.

Sources are files, folders (read recursively) and http(s) URLs. Each is
recognised by its suffix, its HTTP content type or its first bytes, and read
by the module for that kind: :mod:`~soraq.ingest.html` (news pages),
:mod:`~soraq.ingest.pdf`, :mod:`~soraq.ingest.docx`, :mod:`~soraq.ingest.tables`
(CSV/XLSX lists, one document per row), plain text in any encoding
(:mod:`~soraq.ingest.encoding`) and JSON lines. A source that cannot be read
yields an :class:`IngestError` with its reason and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urlsplit

from soraq.ingest.encoding import EncodingError, decode_text
from soraq.ingest.errors import ReadError

if TYPE_CHECKING:
    from soraq.ingest.fetch import Fetcher


@dataclass(frozen=True)
class SourceDocument:
    """One document to extract from, with what is known of where it came from.

    ``raw`` holds the original bytes as received (kept as evidence, hashed with
    SHA-256); ``text`` is the readable text extraction works on. ``extra``
    carries what a particular kind of source knows: ``kind`` (``"list_row"``
    for a row of a published list, with ``row``, ``row_number`` and ``list``),
    ``author``, ``feed`` and ``entry_id`` for feed entries, ``encoding``.
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


#: larger single files (other than JSON lines, which are streamed) are refused
MAX_FILE_BYTES = 200 * 1024 * 1024
#: file suffix -> kind of reader
SUFFIX_KINDS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", "": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl",
    ".pdf": "pdf",
    ".docx": "docx",
    ".csv": "table", ".tsv": "table", ".xlsx": "table", ".xlsm": "table",
}
#: HTTP content type -> kind of reader
MEDIA_KINDS: dict[str, str] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "text/plain": "text", "text/markdown": "text",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "text/csv": "table", "text/tab-separated-values": "table",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "table",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/feed+json": "feed",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
}
#: kind -> the media type recorded on its documents
KIND_MEDIA: dict[str, str] = {kind: media for media, kind in reversed(MEDIA_KINDS.items())}


def _decode(raw: bytes) -> str:
    """Bytes to text (kept for callers of the first version of this module)."""
    return decode_text(raw)


def sniff_kind(raw: bytes, hint: str | None = None) -> str | None:
    """The kind of a document from its first bytes, when suffix and content type say nothing useful."""
    head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return "docx" if b"word/" in raw[:65536] else "table" if b"xl/" in raw[:65536] else None
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or head.startswith((b"<rss", b"<feed")):
        return "feed"
    return hint


def _html_doc(raw: bytes, *, doc_id: str, origin: str, url: str | None = None,
              charset: str | None = None, lang_hint: str | None = None) -> SourceDocument:
    from soraq.ingest.html import extract_article

    article = extract_article(raw, url=url, charset=charset, lang_hint=lang_hint)
    text = article.text
    if article.title and not text.startswith(article.title):
        text = f"{article.title}\n\n{text}"
    return SourceDocument(
        doc_id=doc_id, text=text, published=article.date, url=article.url or url,
        title=article.title, outlet=article.outlet, lang=article.lang, media_type="text/html",
        raw=raw, origin=origin, extra={"author": article.author} if article.author else {},
    )


def _jsonl_docs(lines: Iterable[bytes], origin: str) -> Iterator[SourceDocument | IngestError]:
    """One document per JSON line: ``{"doc_id", "text", "published"?, "url"?, "title"?, ...}``."""
    for number, line in enumerate(lines, start=1):
        line = line.rstrip(b"\r\n")
        where = f"{origin}:{number}"
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
            yield IngestError(where, str(exc))
            continue
        yield SourceDocument(
            doc_id=doc_id, text=text,
            published=item.get("published") or None, url=item.get("url") or None,
            title=item.get("title") or None, outlet=item.get("outlet") or None,
            lang=item.get("lang") or None, raw=line, origin=where,
        )


def _list_docs(raw: bytes, *, name: str, stem: str, origin: str,
               column_map: Mapping[str, str] | None) -> Iterator[SourceDocument | IngestError]:
    from soraq.ingest.tables import LIST_ROW, iter_list_rows

    for number, fields, text in iter_list_rows(raw, name, column_map):
        where = f"{origin}:row {number}"
        if isinstance(fields, ReadError):
            yield IngestError(where, f"row {number}: {fields}")
            continue
        row_raw = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield SourceDocument(
            doc_id=f"{stem}-row{number}", text=text, published=fields.get("published"),
            lang=fields.get("lang"), media_type="text/csv", raw=row_raw, origin=where,
            extra={"kind": LIST_ROW, "row": fields, "row_number": number, "list": name},
        )


def read_bytes(
    raw: bytes,
    *,
    kind: str,
    doc_id: str,
    origin: str,
    name: str = "",
    url: str | None = None,
    charset: str | None = None,
    column_map: Mapping[str, str] | None = None,
    lang_hint: str | None = None,
) -> Iterator[SourceDocument | IngestError]:
    """The documents in ``raw`` read as ``kind``; errors come out as :class:`IngestError`."""
    try:
        if kind == "jsonl":
            yield from _jsonl_docs(raw.splitlines(), origin)
        elif kind == "table":
            yield from _list_docs(raw, name=name or doc_id, stem=doc_id, origin=origin,
                                  column_map=column_map)
        elif kind == "html":
            yield _html_doc(raw, doc_id=doc_id, origin=origin, url=url, charset=charset,
                            lang_hint=lang_hint)
        elif kind in ("pdf", "docx"):
            from soraq.ingest.docx import docx_text
            from soraq.ingest.pdf import pdf_text

            text, meta = (pdf_text if kind == "pdf" else docx_text)(raw)
            yield SourceDocument(
                doc_id=doc_id, text=text, url=url, title=meta.get("title"), media_type=KIND_MEDIA[kind],
                raw=raw, origin=origin, extra={"author": meta["author"]} if "author" in meta else {},
            )
        elif kind == "text":
            from soraq.ingest.encoding import decode_bytes

            decoded = decode_bytes(raw, charset, lang_hint)
            if not decoded.text.strip():
                raise ReadError("empty text")
            yield SourceDocument(doc_id=doc_id, text=decoded.text, url=url, raw=raw, origin=origin,
                                 extra={"encoding": decoded.encoding})
        elif kind == "feed":
            yield IngestError(origin, "this is an RSS/Atom feed: list it in a feeds file for `soraq watch`")
        else:
            yield IngestError(origin, f"unsupported kind of document {kind!r}")
    except (ReadError, EncodingError) as exc:
        yield IngestError(origin, str(exc))


def read_path(path: Path, *, column_map: Mapping[str, str] | None = None,
              ) -> Iterator[SourceDocument | IngestError]:
    """The documents in one file, by its suffix (or, for unknown suffixes, its first bytes)."""
    suffix = path.suffix.lower()
    kind = SUFFIX_KINDS.get(suffix)
    try:
        if kind == "jsonl":  # archives can be large: streamed line by line
            with path.open("rb") as handle:
                yield from _jsonl_docs(handle, str(path))
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield IngestError(str(path), f"file too large ({size:,} bytes, limit {MAX_FILE_BYTES:,}); "
                              "split it, or use the archive engine for JSON lines")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield IngestError(str(path), f"cannot read the file ({exc.strerror or exc})")
        return
    if kind is None:
        kind = sniff_kind(raw)
    if kind is None:
        yield IngestError(str(path), f"unsupported file type {suffix!r}")
        return
    yield from read_bytes(raw, kind=kind, doc_id=path.stem, origin=str(path), name=path.name,
                          column_map=column_map)


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and "://" in source[:16]


def url_doc_id(url: str) -> str:
    """A page's stable id: its URL without the #fragment (the spec's "file stem or URL")."""
    return urldefrag(url)[0]


def read_url(url: str, *, fetcher: Fetcher | None = None, column_map: Mapping[str, str] | None = None,
             lang_hint: str | None = None) -> Iterator[SourceDocument | IngestError]:
    """The documents at a URL, by its content type (or suffix, or first bytes)."""
    from soraq.ingest.fetch import Fetcher as _Fetcher
    from soraq.ingest.fetch import FetchError

    own = fetcher is None
    client = fetcher or _Fetcher()
    try:
        result = client.get(url)
    except FetchError as exc:
        yield IngestError(url, str(exc))
        return
    finally:
        if own:
            client.close()
    path = Path(urlsplit(result.final_url).path)
    kind = MEDIA_KINDS.get(result.content_type) or SUFFIX_KINDS.get(path.suffix.lower())
    if result.content_type in ("application/octet-stream", "", "application/xml", "text/xml") or kind is None:
        kind = sniff_kind(result.content, kind)
    if kind is None:
        yield IngestError(url, f"unsupported content type {result.content_type or 'unknown'!r}")
        return
    doc_id = url_doc_id(result.final_url)
    yield from read_bytes(result.content, kind=kind, doc_id=doc_id, origin=url, name=path.name or doc_id,
                          url=doc_id, charset=result.charset, column_map=column_map,
                          lang_hint=lang_hint)


def _is_folder_note(path: Path) -> bool:
    """A folder's own README or a hidden file describes the folder; it is not a report."""
    return path.name.startswith(".") or path.stem.upper() in ("README", "LICENSE", "NOTES")


def iter_documents(
    sources: Iterable[str | Path],
    *,
    column_map: Mapping[str, str] | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[SourceDocument | IngestError]:
    """Every document in the given files, folders (recursive, sorted) and http(s) URLs.

    ``column_map`` applies to CSV/XLSX lists (see :mod:`soraq.ingest.tables`);
    ``fetcher`` (a :class:`~soraq.ingest.fetch.Fetcher`) is shared across URLs,
    one is made when needed.
    """
    own_fetcher = None
    try:
        for source in sources:
            if is_url(source):
                if fetcher is None and own_fetcher is None:
                    from soraq.ingest.fetch import Fetcher as _Fetcher

                    own_fetcher = _Fetcher()
                yield from read_url(str(source), fetcher=fetcher or own_fetcher, column_map=column_map)
                continue
            path = Path(source)
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    if child.suffix.lower() in SUFFIX_KINDS and child.suffix and not _is_folder_note(child):
                        yield from read_path(child, column_map=column_map)
            elif path.exists():
                yield from read_path(path, column_map=column_map)
            else:
                yield IngestError(str(path), "no such file or folder")
    finally:
        if own_fetcher is not None:
            own_fetcher.close()
