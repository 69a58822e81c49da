"""`soraq watch --store`: new feed entries go through the registry's ingest service."""

from __future__ import annotations

from pathlib import Path

import pytest

from soraq.ingest.feeds import FeedSpec, WatchConfig, watch_feeds

from .conftest import LocalServer
from .test_feeds import serve_feed

pytest.importorskip("soraq.registry.services.ingest", reason="the registry app is not available")


@pytest.mark.django_db
def test_new_entries_are_stored_once(server: LocalServer, tmp_path: Path) -> None:
    from soraq.commands.watch import registry_store
    from soraq.registry.models import Document

    serve_feed(server, [("e1", "First report on a detained worker")], etag='"v1"')
    cfg = WatchConfig(feeds=(FeedSpec(url=server.url("/feed.xml")),), host_delay=0)
    stats = watch_feeds(cfg, registry_store(), state_path=tmp_path / "state.json", once=True)
    assert stats.documents == 1 and not stats.errors
    stored = Document.objects.get()
    assert stored.url == server.url("/a/e1") and "made to sign papers" in stored.text
