"""``soraq watch``: poll news feeds and take in each new article."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

HELP = "poll RSS/Atom feeds listed in a TOML file and take in each new article"
DESCRIPTION = """\
Polls the RSS/Atom feeds listed in FEEDS (a TOML file), fetches the page of
every entry not seen before and hands it on: by default as JSON lines (one
document per line: doc_id, text, url, title, outlet, published, sha256...) on
stdout or into --out; with --store straight into the registry (stored,
extracted and linked, exactly like `soraq ingest`).

Polling is polite: conditional requests (an unchanged feed costs one "304
Not Modified"), a pause between requests to one host, exponential back-off
after errors. What was seen is kept in a state file ($SORAQ_VAR_DIR/
watch-state.json by default), so stopping and restarting resumes where it
stopped and never hands on an entry twice.

FEEDS looks like this:

  interval = 900          # seconds between two polls of a feed
  host_delay = 2.0        # seconds between two requests to one host

  [[feed]]
  url = "https://news.example/rss"
  name = "Example News"   # optional
  lang = "az"             # optional hint for old encodings

Examples:
  soraq watch feeds.toml --once                 one round, new articles as JSON lines on stdout
  soraq watch feeds.toml --out new.jsonl        keep watching, append new articles to new.jsonl
  soraq watch feeds.toml --store                keep watching, store into the registry
  soraq watch feeds.toml --once --dedupe        skip exact re-posts, mark syndicated copies
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("feeds", type=Path, metavar="FEEDS", help="TOML file listing the feeds")
    parser.add_argument("--once", action="store_true", help="poll every feed one time, then stop")
    parser.add_argument("--store", action="store_true",
                        help="store new articles in the registry (as `soraq ingest` does)")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="append new articles as JSON lines to FILE (default: stdout)")
    parser.add_argument("--state", type=Path, metavar="FILE",
                        help="state file (default: $SORAQ_VAR_DIR/watch-state.json)")
    parser.add_argument("--dedupe", action="store_true",
                        help="skip exact re-posts and mark syndicated copies (extra.near_duplicates)")
    parser.add_argument("--max-rounds", type=int, metavar="N", help="stop after N rounds")


def document_json(doc: Any) -> str:
    """A document as one JSON line that `soraq ingest FILE.jsonl` reads back (raw bytes as their hash)."""
    return json.dumps(
        {
            "doc_id": doc.doc_id, "text": doc.text, "published": doc.published, "url": doc.url,
            "title": doc.title, "outlet": doc.outlet, "lang": doc.lang, "media_type": doc.media_type,
            "origin": doc.origin, "sha256": doc.sha256, "extra": doc.extra,
        },
        ensure_ascii=False, default=str,
    )


def jsonl_writer(out: IO[str]) -> Callable[[Any], None]:
    def write(doc: Any) -> None:
        out.write(document_json(doc) + "\n")
        out.flush()

    return write


def registry_store() -> Callable[[Any], None]:
    """Hand documents to the registry's ``ingest_document``; a failure raises so the watcher retries."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soraq.site.settings")
    django.setup()
    from soraq.registry.services.ingest import FAILED, ingest_document

    def store(doc: Any) -> None:
        result = ingest_document(doc)
        if result.outcome == FAILED:
            raise RuntimeError(result.reason)
        print(f"watch: {result.outcome} {result.doc_id} ({result.mentions} mention(s))", file=sys.stderr)

    return store


def _with_dedupe(handler: Callable[[Any], None], path: Path) -> Callable[[Any], None]:
    from soraq.ingest.dedupe import NearDuplicateIndex

    index = NearDuplicateIndex.load(path) if path.exists() else NearDuplicateIndex()

    def handle(doc: Any) -> None:
        if index.exact(doc.sha256) is not None:
            return
        near = [(d, s) for d, s in index.query(doc.text) if d != doc.doc_id]
        if near:
            doc.extra["near_duplicates"] = near
        handler(doc)
        index.add(doc.doc_id, doc.text, doc.sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        index.save(path)

    return handle


def run(args: argparse.Namespace) -> int:
    from soraq.ingest.feeds import default_state_path, load_config, watch_feeds

    try:
        config = load_config(args.feeds)
    except ValueError as exc:
        print(f"soraq watch: {exc}", file=sys.stderr)
        return 2
    state_path = args.state or default_state_path()
    out_file = None
    if args.store:
        try:
            handler = registry_store()
        except ImportError as exc:
            print(f"soraq watch: the registry is not available ({exc})", file=sys.stderr)
            return 2
    else:
        out_file = args.out.open("a", encoding="utf-8") if args.out else None
        handler = jsonl_writer(out_file or sys.stdout)
    if args.dedupe:
        handler = _with_dedupe(handler, state_path.with_name("watch-dedupe.npz"))
    try:
        stats = watch_feeds(config, handler, state_path=state_path, once=args.once, max_rounds=args.max_rounds)
    finally:
        if out_file is not None:
            out_file.close()
    print(f"watch: {stats.polls} poll(s), {stats.not_modified} unchanged, {stats.documents} new document(s), "
          f"{len(stats.errors)} error(s)", file=sys.stderr)
    return 0
