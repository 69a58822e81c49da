"""Web archives (WARC, as Common Crawl and the Internet Archive write them): pages -> article records.

Each HTTP ``response`` record holding an HTML page becomes an article record
``{"doc_id", "text", "url", "published", "title", "lang"}`` (the same shape as
a JSON-lines archive line), extracted with :mod:`soraq.ingest.html`. Records
that are not pages (images, scripts, redirects, errors) are skipped; a page
without article text is skipped too, since a web archive is mostly such pages.
Needs the ``warcio`` package (optional: ``pip install warcio``).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO, Any

from soraq.ingest.errors import ReadError

#: larger records are not articles
MAX_RECORD_BYTES = 20 * 1024 * 1024


def is_warc(name: str) -> bool:
    lower = name.lower()
    return lower.endswith((".warc", ".warc.gz"))


def iter_warc_articles(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """Article records from a WARC stream (gzip or plain); non-pages are skipped."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise ReadError("reading WARC archives needs the warcio package (pip install warcio)") from None
    from soraq.ingest.html import extract_article

    for record in ArchiveIterator(stream):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        if record.http_headers.get_statuscode() != "200":
            continue
        content_type = (record.http_headers.get_header("Content-Type") or "").lower()
        if "html" not in content_type:
            continue
        raw = record.content_stream().read(MAX_RECORD_BYTES + 1)
        if len(raw) > MAX_RECORD_BYTES:
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        charset = content_type.partition("charset=")[2].strip() or None
        try:
            article = extract_article(raw, url=url, charset=charset)
        except ReadError:
            continue
        text = article.text
        if article.title and not text.startswith(article.title):
            text = f"{article.title}\n\n{text}"
        warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
        yield {"doc_id": url, "text": text, "url": url, "published": article.date or warc_date,
               "title": article.title, "lang": article.lang}


def warc_bytes_to_articles(data: bytes) -> Iterator[dict[str, Any]]:
    """As :func:`iter_warc_articles`, from bytes in memory (what Spark's ``binaryFiles`` hands over)."""
    yield from iter_warc_articles(io.BytesIO(data))
