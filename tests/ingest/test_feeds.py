"""Feeds: conditional polling, resuming after a restart, back-off, per-host pauses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from soraq.ingest import SourceDocument
from soraq.ingest.feeds import FeedSpec, HostLimiter, WatchConfig, load_config, watch_feeds

from .conftest import LocalServer
from .makefiles import article_html


def rss(server: LocalServer, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed whose items (guid, title) link to pages on the local server."""
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><link>{server.url('/a/' + guid)}</link>"
        f"<pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate><description>Summary of {title}: "
        f"a worker from Fictivsk was detained and sent to a unit, his family says.</description></item>"
        for guid, title in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example Wire</title>'
            f"<link>{server.url('/')}</link><description>test</description>{entries}</channel></rss>").encode()


def serve_feed(server: LocalServer, items: list[tuple[str, str]], etag: str) -> None:
    server.page("/feed.xml", rss(server, items), content_type="application/rss+xml", etag=etag)
    for guid, title in items:
        server.page(f"/a/{guid}", article_html(title=title, date="2026-03-02"))


def config(server: LocalServer, **options: float) -> WatchConfig:
    return WatchConfig(feeds=(FeedSpec(url=server.url("/feed.xml"), lang="en"),), host_delay=0, **options)


def test_new_entries_once_then_304_yields_nothing(server: LocalServer, tmp_path: Path) -> None:
    serve_feed(server, [("e2", "Second report on a missing worker"), ("e1", "First report on a detained worker")],
               etag='"v1"')
    got: list[SourceDocument] = []
    state = tmp_path / "state.json"
    stats = watch_feeds(config(server), got.append, state_path=state, once=True)
    assert [d.title for d in got] == ["First report on a detained worker", "Second report on a missing worker"]
    assert got[0].extra["feed"] == server.url("/feed.xml") and got[0].extra["entry_id"] == "e1"
    assert got[0].outlet == "Example Daily" and got[0].published == "2026-03-02" and got[0].lang == "en"
    assert stats.documents == 2 and not stats.errors

    again: list[SourceDocument] = []
    stats = watch_feeds(config(server), again.append, state_path=state, once=True)
    assert again == [] and stats.not_modified == 1
    feed_requests = [h for p, h in server.requests if p == "/feed.xml"]
    assert feed_requests[-1]["If-None-Match"] == '"v1"'


def test_restart_resumes_where_it_stopped(server: LocalServer, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    serve_feed(server, [("e1", "First report on a detained worker")], etag='"v1"')
    watch_feeds(config(server), lambda d: None, state_path=state, once=True)
    # the feed changes while the watcher is down: one new entry on top, the old one still listed
    serve_feed(server, [("e2", "Second report on a missing worker"), ("e1", "First report on a detained worker")],
               etag='"v2"')
    got: list[SourceDocument] = []
    watch_feeds(config(server), got.append, state_path=state, once=True)
    assert [d.extra["entry_id"] for d in got] == ["e2"]
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert saved["feeds"][server.url("/feed.xml")]["seen"] == ["e1", "e2"]


def test_errors_back_off_exponentially(server: LocalServer, tmp_path: Path) -> None:
    now = [1000.0]
    state = tmp_path / "state.json"
    errors = []
    cfg = config(server, interval=60, max_backoff=1000)
    for _ in range(3):  # the feed is missing: 404 each time
        watch_feeds(cfg, lambda d: None, state_path=state, once=True, clock=lambda: now[0], on_error=errors.append)
    feed = json.loads(state.read_text(encoding="utf-8"))["feeds"][server.url("/feed.xml")]
    assert feed["failures"] == 3 and feed["next_poll"] == 1000 + 480  # 60 * 2^3
    assert all("HTTP 404" in e.reason for e in errors)
    for _ in range(3):
        watch_feeds(cfg, lambda d: None, state_path=state, once=True, clock=lambda: now[0], on_error=errors.append)
    feed = json.loads(state.read_text(encoding="utf-8"))["feeds"][server.url("/feed.xml")]
    assert feed["next_poll"] == 1000 + 1000  # capped at max_backoff
    # a success resets the back-off
    serve_feed(server, [("e1", "First report on a detained worker")], etag='"v1"')
    watch_feeds(cfg, lambda d: None, state_path=state, once=True, clock=lambda: now[0])
    feed = json.loads(state.read_text(encoding="utf-8"))["feeds"][server.url("/feed.xml")]
    assert feed["failures"] == 0 and feed["next_poll"] == 1060


def test_unreachable_entry_page_is_retried_then_taken_from_the_summary(server: LocalServer, tmp_path: Path) -> None:
    server.page("/feed.xml", rss(server, [("gone", "A report whose page vanished")]),
                content_type="application/rss+xml")
    state = tmp_path / "state.json"
    got: list[SourceDocument] = []
    cfg = WatchConfig(feeds=(FeedSpec(url=server.url("/feed.xml")),), host_delay=0, max_entry_attempts=2)
    watch_feeds(cfg, got.append, state_path=state, once=True, on_error=lambda e: None)
    assert got == []  # first failure: retried on the next round
    watch_feeds(cfg, got.append, state_path=state, once=True, on_error=lambda e: None)
    (doc,) = got
    assert doc.extra["from_feed_summary"] and "detained and sent to a unit" in doc.text
    assert doc.outlet == "Example Wire"


def test_a_failing_handler_leaves_the_entry_for_next_time(server: LocalServer, tmp_path: Path) -> None:
    serve_feed(server, [("e1", "First report on a detained worker")], etag='"v1"')
    state = tmp_path / "state.json"

    def broken(doc: SourceDocument) -> None:
        raise RuntimeError("database is down")

    errors = []
    watch_feeds(config(server), broken, state_path=state, once=True, on_error=errors.append)
    assert "database is down" in errors[0].reason
    server.page("/feed.xml", rss(server, [("e1", "First report on a detained worker")]),
                content_type="application/rss+xml")  # no ETag now: the feed is read again
    got: list[SourceDocument] = []
    watch_feeds(config(server), got.append, state_path=state, once=True)
    assert [d.extra["entry_id"] for d in got] == ["e1"]


def test_host_limiter_pauses_between_requests_to_one_host() -> None:
    now = [0.0]
    pauses: list[float] = []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        now[0] += seconds

    limiter = HostLimiter(2.0, clock=lambda: now[0], sleep=sleep)
    limiter.wait("https://a.example/feed")
    limiter.wait("https://b.example/feed")
    now[0] += 0.5
    limiter.wait("https://a.example/page")
    assert pauses == [1.5]


def test_config_file(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('interval = 600\nhost_delay = 1\n[[feed]]\nurl = "https://news.example/rss"\nlang = "az"\n'
                    '[[feed]]\nurl = "https://wire.example/atom"\ninterval = 60\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.interval == 600 and cfg.host_delay == 1.0
    assert [f.url for f in cfg.feeds] == ["https://news.example/rss", "https://wire.example/atom"]
    assert cfg.feeds[0].lang == "az" and cfg.feeds[1].interval == 60
    path.write_text('[[feed]]\nurl = "file:///etc/passwd"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="only http and https"):
        load_config(path)


def test_cli_once_writes_json_lines(server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from soraq.cli import main

    serve_feed(server, [("e1", "First report on a detained worker")], etag='"v1"')
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'host_delay = 0\n[[feed]]\nurl = "{server.url("/feed.xml")}"\n', encoding="utf-8")
    monkeypatch.setenv("SORAQ_VAR_DIR", str(tmp_path / "var"))
    out = tmp_path / "new.jsonl"
    assert main(["watch", str(feeds), "--once", "--out", str(out)]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    item = json.loads(line)
    assert item["title"] == "First report on a detained worker" and len(item["sha256"]) == 64
    assert (tmp_path / "var" / "watch-state.json").exists()
    # the JSON lines read back as documents
    from soraq.ingest import iter_documents

    (doc,) = iter_documents([out])
    assert isinstance(doc, SourceDocument) and doc.doc_id == item["doc_id"]


def test_atom_feed_with_last_modified(server: LocalServer, tmp_path: Path) -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Example Atom</title><id>urn:example:feed</id><updated>2026-03-02T08:00:00Z</updated>
<entry><id>urn:example:1</id><title>First report on a detained worker</title>
<link href="{server.url('/a/atom1')}"/><updated>2026-03-02T08:00:00Z</updated></entry></feed>""".encode()

    def handle(req) -> None:  # noqa: ANN001 - http.server handler
        if req.headers.get("If-Modified-Since") == "Mon, 02 Mar 2026 08:00:00 GMT":
            req.send_response(304)
            req.end_headers()
            return
        req.send_response(200)
        req.send_header("Content-Type", "application/atom+xml")
        req.send_header("Last-Modified", "Mon, 02 Mar 2026 08:00:00 GMT")
        req.send_header("Content-Length", str(len(atom)))
        req.end_headers()
        req.wfile.write(atom)

    server.routes["/feed.xml"] = handle
    server.page("/a/atom1", article_html(title="First report on a detained worker"))
    got: list[SourceDocument] = []
    watch_feeds(config(server), got.append, state_path=tmp_path / "s.json", once=True)
    assert [d.extra["entry_id"] for d in got] == ["urn:example:1"]
    stats = watch_feeds(config(server), got.append, state_path=tmp_path / "s.json", once=True)
    assert stats.not_modified == 1 and len(got) == 1
