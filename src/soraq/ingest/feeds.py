"""Watching RSS/Atom feeds: new entries' pages become documents, as they appear.

The feeds are listed in a TOML file::

    # how often each feed is polled (seconds) and how long to wait between
    # two requests to the same host (seconds)
    interval = 900
    host_delay = 2.0

    [[feed]]
    url = "https://news.example/rss"
    name = "Example News"       # optional
    lang = "az"                 # optional: hint for legacy encodings and language
    interval = 600              # optional: overrides the default

Polling is polite and cheap: conditional requests (ETag / Last-Modified) so
that an unchanged feed costs one ``304``; a per-host delay; exponential
back-off after errors (up to ``max_backoff``). What has been seen is kept in
a small JSON state file written atomically, so a restart resumes where the
watcher stopped instead of re-reading every entry. Each new entry's page is
fetched and handed to ``on_document``; an entry whose page cannot be fetched
is retried on later rounds and, after ``max_entry_attempts``, taken in from the
feed's own summary so that nothing is lost.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import os
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from soraq.ingest.documents import IngestError, SourceDocument, read_url
from soraq.ingest.fetch import Fetcher, FetchError, check_url

#: entry ids remembered per feed (feeds show their latest few dozen entries)
MAX_SEEN = 5000


@dataclass(frozen=True)
class FeedSpec:
    url: str
    name: str | None = None
    lang: str | None = None
    interval: float | None = None


@dataclass(frozen=True)
class WatchConfig:
    feeds: tuple[FeedSpec, ...]
    interval: float = 900.0
    host_delay: float = 2.0
    max_backoff: float = 6 * 3600.0
    max_entry_attempts: int = 3


def load_config(path: str | Path) -> WatchConfig:
    """Read a feeds TOML file; a bad file is a clear :class:`ValueError`."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read feeds file {path}: {exc}") from None
    return parse_config(data)


def parse_config(data: dict[str, Any]) -> WatchConfig:
    feeds = []
    for number, item in enumerate(data.get("feed", []), start=1):
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            raise ValueError(f"feed #{number} needs a url")
        try:
            check_url(item["url"])
        except FetchError as exc:
            raise ValueError(f"feed #{number}: {exc}") from None
        feeds.append(FeedSpec(url=item["url"], name=item.get("name"), lang=item.get("lang"),
                              interval=float(item["interval"]) if "interval" in item else None))
    if not feeds:
        raise ValueError("no [[feed]] entries in the feeds file")
    known = {f.name for f in WatchConfig.__dataclass_fields__.values()} - {"feeds"}
    options = {k: type(getattr(WatchConfig, k))(v) for k, v in data.items() if k in known}
    return WatchConfig(feeds=tuple(feeds), **options)


def default_state_path() -> Path:
    """``$SORAQ_VAR_DIR/watch-state.json`` (``./var`` when unset)."""
    return Path(os.environ.get("SORAQ_VAR_DIR", "var")) / "watch-state.json"


class FeedState:
    """What each feed has shown so far: validators, seen entries, failures, next poll time."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.feeds: dict[str, dict[str, Any]] = {}
        if path is not None and path.exists():
            try:
                self.feeds = json.loads(path.read_text(encoding="utf-8")).get("feeds", {})
            except (OSError, ValueError) as exc:
                raise ValueError(f"watch state {path} is unreadable ({exc}); move it aside to start afresh") from None

    def feed(self, url: str) -> dict[str, Any]:
        state = self.feeds.setdefault(url, {})
        for key, empty in (("seen", []), ("pending", {}), ("failures", 0), ("next_poll", 0.0)):
            state.setdefault(key, empty)
        return state

    def save(self) -> None:
        """Write atomically: a crash mid-write leaves the previous state intact."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump({"version": 1, "feeds": self.feeds}, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)


class HostLimiter:
    """At most one request per ``delay`` seconds to any one host."""

    def __init__(self, delay: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay, self._clock, self._sleep = delay, clock, sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - self._clock()
            if pause > 0:
                self._sleep(pause)
        self._last[host] = self._clock()


@dataclass
class WatchStats:
    rounds: int = 0
    polls: int = 0
    not_modified: int = 0
    documents: int = 0
    errors: list[IngestError] = field(default_factory=list)


def entry_id(entry: Any) -> str:
    """A feed entry's identity: its id/guid, else its link, else a hash of its title and summary."""
    for key in ("id", "link"):
        if entry.get(key):
            return str(entry[key])
    basis = f"{entry.get('title', '')}\n{entry.get('summary', '')}".encode()
    return "sha256:" + hashlib.sha256(basis).hexdigest()


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed)))


def _summary_document(entry: Any, spec: FeedSpec, outlet: str | None) -> SourceDocument | None:
    """The entry as the feed itself gives it: used when its page stays out of reach."""
    from soraq.ingest.html import extract_article
    from soraq.ingest.errors import ReadError

    summary = entry.get("summary") or ""
    contents = entry.get("content") or []
    if contents:
        summary = max((c.get("value", "") for c in contents), key=len) or summary
    text = summary
    if "<" in summary:
        try:
            text = extract_article(summary.encode("utf-8")).text
        except ReadError:
            import re

            text = re.sub(r"<[^>]+>", " ", summary)
    text = " ".join(text.split())
    if not text:
        return None
    title = entry.get("title")
    link = entry.get("link")
    return SourceDocument(
        doc_id=link or entry_id(entry), text=f"{title}\n\n{text}" if title else text,
        published=_entry_date(entry), url=link, title=title, outlet=outlet, lang=spec.lang,
        media_type="text/html", raw=summary.encode("utf-8"), origin=spec.url,
        extra={"from_feed_summary": True},
    )


class FeedWatcher:
    """Polls the configured feeds and hands each new entry's document to ``on_document``."""

    def __init__(self, config: WatchConfig, on_document: Callable[[SourceDocument], None], *,
                 state_path: Path | None = None, fetcher: Fetcher | None = None,
                 on_error: Callable[[IngestError], None] | None = None,
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep) -> None:
        self.config = config
        self.on_document = on_document
        self.on_error = on_error or _print_error
        self.state = FeedState(state_path)
        self.fetcher = fetcher or Fetcher()
        self._own_fetcher = fetcher is None
        self.clock, self.sleep = clock, sleep
        self.limiter = HostLimiter(config.host_delay, sleep=sleep)
        self.stats = WatchStats()

    def close(self) -> None:
        if self._own_fetcher:
            self.fetcher.close()

    def _error(self, origin: str, reason: str) -> None:
        error = IngestError(origin, reason)
        self.stats.errors.append(error)
        self.on_error(error)

    def _interval(self, spec: FeedSpec) -> float:
        return spec.interval or self.config.interval

    def _failed(self, spec: FeedSpec, state: dict[str, Any], reason: str) -> None:
        """Back off exponentially: interval x 2^failures, at most ``max_backoff``."""
        state["failures"] = state.get("failures", 0) + 1
        delay = min(self._interval(spec) * 2 ** state["failures"], self.config.max_backoff)
        state["next_poll"] = self.clock() + delay
        state["last_error"] = reason
        self._error(spec.url, reason)

    def poll(self, spec: FeedSpec) -> int:
        """Poll one feed now; returns the number of new documents handed on."""
        import feedparser

        state = self.state.feed(spec.url)
        self.stats.polls += 1
        self.limiter.wait(spec.url)
        try:
            result = self.fetcher.get(spec.url, etag=state.get("etag"), last_modified=state.get("last_modified"),
                                      accept="application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
        except FetchError as exc:
            self._failed(spec, state, str(exc))
            return 0
        if result.not_modified:
            self.stats.not_modified += 1
            state.update(failures=0, next_poll=self.clock() + self._interval(spec))
            return 0
        parsed = feedparser.parse(result.content, response_headers=result.headers)
        if parsed.bozo and not parsed.entries:
            self._failed(spec, state, f"not a readable feed ({type(parsed.get('bozo_exception')).__name__})")
            return 0
        state.update(etag=result.headers.get("etag"), last_modified=result.headers.get("last-modified"),
                     failures=0, next_poll=self.clock() + self._interval(spec), last_error=None)
        outlet = spec.name or parsed.feed.get("title") or None
        seen = set(state["seen"])
        new = 0
        for entry in reversed(parsed.entries):  # oldest first, so documents arrive in order
            key = entry_id(entry)
            if key in seen:
                continue
            if self._take_entry(spec, state, entry, key, outlet):
                state["seen"].append(key)
                seen.add(key)
                state["pending"].pop(key, None)
                new += 1
        state["seen"] = state["seen"][-MAX_SEEN:]
        self.state.save()
        return new

    def _take_entry(self, spec: FeedSpec, state: dict[str, Any], entry: Any, key: str,
                    outlet: str | None) -> bool:
        """Fetch an entry's page and hand it on; ``True`` when the entry is done with."""
        link = entry.get("link")
        docs: list[SourceDocument] = []
        reason = "entry has no link"
        if link:
            self.limiter.wait(link)
            items = list(read_url(link, fetcher=self.fetcher, lang_hint=spec.lang))
            docs = [d for d in items if isinstance(d, SourceDocument)]
            errors = [e for e in items if isinstance(e, IngestError)]
            reason = errors[0].reason if errors else "no document at the link"
        if not docs:
            attempts = state["pending"].get(key, 0) + 1
            state["pending"][key] = attempts
            if attempts < self.config.max_entry_attempts and link:
                self._error(link, f"{reason} (will retry)")
                return False
            fallback = _summary_document(entry, spec, outlet)
            if fallback is None:
                self._error(link or spec.url, f"{reason}; the feed gives no summary either, entry skipped")
                return True
            docs = [fallback]
        for doc in docs:
            doc = replace(
                doc,
                published=doc.published or _entry_date(entry),
                title=doc.title or entry.get("title"),
                outlet=doc.outlet or outlet,
                lang=doc.lang or spec.lang,
                extra={**doc.extra, "feed": spec.url, "entry_id": key},
            )
            try:
                self.on_document(doc)
            except Exception as exc:  # noqa: BLE001 - a storing failure must not stop the watcher
                self._error(doc.origin or spec.url, f"could not hand on the document ({type(exc).__name__}: {exc})")
                state["pending"][key] = state["pending"].get(key, 0) + 1
                return state["pending"][key] >= self.config.max_entry_attempts
            self.stats.documents += 1
        return True

    def run_round(self, *, force: bool = False) -> int:
        """Poll every feed that is due (every feed when ``force``); returns new documents."""
        self.stats.rounds += 1
        new = 0
        for spec in self.config.feeds:
            state = self.state.feed(spec.url)
            if force or state.get("next_poll", 0) <= self.clock():
                new += self.poll(spec)
                self.state.save()
        return new

    def seconds_to_next(self) -> float:
        due = min(self.state.feed(s.url).get("next_poll", 0) for s in self.config.feeds)
        return max(0.0, due - self.clock())


def _print_error(error: IngestError) -> None:
    print(f"watch: {error.origin}: {error.reason}", file=sys.stderr)


def watch_feeds(
    config: WatchConfig,
    on_document: Callable[[SourceDocument], None],
    *,
    state_path: Path | None = None,
    fetcher: Fetcher | None = None,
    once: bool = False,
    max_rounds: int | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], None] = time.sleep,
) -> WatchStats:
    """Poll ``config``'s feeds, handing each new entry's document to ``on_document``.

    ``once`` polls every feed one time and returns (for cron and tests);
    otherwise the watcher runs until interrupted (or ``max_rounds``), sleeping
    until the next feed is due. State lives in ``state_path`` (default
    :func:`default_state_path`), so a restart resumes where it stopped.
    """
    watcher = FeedWatcher(config, on_document, state_path=state_path or default_state_path(),
                          fetcher=fetcher, on_error=on_error, clock=clock, sleep=sleep)
    try:
        if once:
            watcher.run_round(force=True)
            return watcher.stats
        while max_rounds is None or watcher.stats.rounds < max_rounds:
            watcher.run_round()
            if max_rounds is not None and watcher.stats.rounds >= max_rounds:
                break
            sleep(max(1.0, min(watcher.seconds_to_next(), 300.0)))
        return watcher.stats
    finally:
        watcher.state.save()
        watcher.close()
