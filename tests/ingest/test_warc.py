"""Web archives: HTML response records become article records; the rest is skipped."""

from __future__ import annotations

import io

import pytest

from .makefiles import article_html, warc_bytes

pytest.importorskip("warcio", reason="warcio is not installed (optional: pip install warcio)")


def test_pages_become_articles_other_records_are_skipped() -> None:
    from soraq.ingest.warc import iter_warc_articles

    data = warc_bytes([
        ("https://news.example/appeal", article_html(), "text/html; charset=utf-8"),
        ("https://news.example/logo.png", b"\x89PNG\r\n", "image/png"),
        ("https://news.example/empty", b"<html><body><nav>menu</nav></body></html>", "text/html"),
    ])
    (article,) = iter_warc_articles(io.BytesIO(data))
    assert article["doc_id"] == article["url"] == "https://news.example/appeal"
    assert "made to sign papers" in article["text"] and article["published"] == "2026-03-14"
