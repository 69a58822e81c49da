"""URLs: fetched politely and defensively from a local server the test starts."""

from __future__ import annotations

import pytest

from soraq.ingest import IngestError, SourceDocument, iter_documents
from soraq.ingest.fetch import Fetcher, FetchError

from .conftest import LocalServer
from .makefiles import article_html, encrypted_pdf, text_pdf


def _one(url: str, fetcher: Fetcher | None = None) -> SourceDocument | IngestError:
    items = list(iter_documents([url], fetcher=fetcher))
    assert len(items) == 1, items
    return items[0]


def test_page_by_url(server: LocalServer) -> None:
    server.page("/news/appeal", article_html())
    doc = _one(server.url("/news/appeal#comments"))
    assert isinstance(doc, SourceDocument), doc
    assert doc.doc_id == server.url("/news/appeal") and doc.url == server.url("/news/appeal")
    assert "made to sign papers" in doc.text and doc.published == "2026-03-14"
    _path, headers = server.requests[0]
    assert headers["User-Agent"].startswith("Soraq/") and "+http" in headers["User-Agent"]


def test_content_type_decides_the_reader(server: LocalServer) -> None:
    server.page("/download?id=7", text_pdf(["A statement served as a PDF by an NGO site."]),
                content_type="application/pdf")
    server.page("/locked", encrypted_pdf(["locked"]), content_type="application/octet-stream")
    server.page("/plain", "Сообщение в кодировке cp1251.".encode("cp1251"), content_type="text/plain; charset=windows-1251")
    pdf, locked, plain = iter_documents([server.url("/download?id=7"), server.url("/locked"), server.url("/plain")])
    assert isinstance(pdf, SourceDocument) and pdf.media_type == "application/pdf"
    assert isinstance(locked, IngestError) and "encrypted" in locked.reason
    assert isinstance(plain, SourceDocument) and plain.text == "Сообщение в кодировке cp1251."


def test_redirects_are_followed_and_bounded(server: LocalServer) -> None:
    server.page("/final", article_html())
    server.redirect("/old", "/final", status=301)
    doc = _one(server.url("/old"))
    assert isinstance(doc, SourceDocument) and doc.url == server.url("/final")
    server.redirect("/loop-a", "/loop-b")
    server.redirect("/loop-b", "/loop-a")
    item = _one(server.url("/loop-a"))
    assert isinstance(item, IngestError) and "too many redirects" in item.reason


def test_redirect_off_http_is_refused(server: LocalServer) -> None:
    server.redirect("/to-file", "file:///etc/passwd")
    item = _one(server.url("/to-file"))
    assert isinstance(item, IngestError) and "not http or https" in item.reason


def test_slow_server_times_out(server: LocalServer) -> None:
    server.slow("/slow", delay=1.0)
    with Fetcher(read_timeout=0.3) as fetcher:
        item = _one(server.url("/slow"), fetcher)
    assert isinstance(item, IngestError) and "timed out" in item.reason


def test_broken_responses(server: LocalServer) -> None:
    server.raw("/garbage", b"this is not HTTP at all\r\n\r\n")
    server.raw("/short", b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\ntoo short")
    garbage, short = iter_documents([server.url("/garbage"), server.url("/short")])
    assert isinstance(garbage, IngestError) and "broken response" in garbage.reason
    assert isinstance(short, IngestError) and "broken response" in short.reason


def test_http_errors_say_the_status(server: LocalServer) -> None:
    item = _one(server.url("/nowhere"))
    assert isinstance(item, IngestError) and "HTTP 404" in item.reason


def test_oversized_bodies_are_cut_off(server: LocalServer) -> None:
    server.page("/big", b"x" * 50_000, content_type="text/plain")
    server.endless("/endless")
    with Fetcher(max_bytes=10_000) as fetcher:
        big, endless = iter_documents([server.url("/big"), server.url("/endless")], fetcher=fetcher)
    assert isinstance(big, IngestError) and "too large" in big.reason
    assert isinstance(endless, IngestError) and "too large" in endless.reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://files.example/x.txt", "javascript:alert(1)"])
def test_only_http_and_https(url: str) -> None:
    with Fetcher() as fetcher, pytest.raises(FetchError, match="only http and https"):
        fetcher.get(url)


def test_conditional_request_gets_304(server: LocalServer) -> None:
    server.page("/feed", b"<rss/>", content_type="application/rss+xml", etag='"v1"')
    with Fetcher() as fetcher:
        first = fetcher.get(server.url("/feed"))
        second = fetcher.get(server.url("/feed"), etag=first.headers["etag"])
    assert first.status == 200 and second.not_modified and second.content == b""


def test_feed_url_given_as_a_document_points_to_watch(server: LocalServer) -> None:
    server.page("/rss", b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
                content_type="application/rss+xml")
    item = _one(server.url("/rss"))
    assert isinstance(item, IngestError) and "soraq watch" in item.reason


def test_published_list_by_url(server: LocalServer) -> None:
    from .makefiles import xlsx_bytes

    server.page("/export?format=xlsx", xlsx_bytes([["Name", "Year"], ["Ivan Primerov", 1990], ["Oleg Vydumanov", "?"]]),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    doc, error = iter_documents([server.url("/export?format=xlsx")], column_map={"name": "Name", "birth_year": "Year"})
    assert isinstance(doc, SourceDocument) and doc.extra["row"] == {"name": "Ivan Primerov", "birth_year": 1990}
    assert isinstance(error, IngestError) and "row 3" in error.reason
