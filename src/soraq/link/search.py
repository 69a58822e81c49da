"""Online matching: candidates for one query from an index by name key.

The index maps blocking keys (see :mod:`soraq.link.block`) to mentions, so a query is
compared only with mentions that share a key, not with the whole registry. Candidates can
also come from anywhere else (a database query by :func:`soraq.names.search_keys`) and be
passed to :func:`soraq.link.match`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from soraq.link.api import match
from soraq.link.block import blocking_keys, key_index
from soraq.link.mention import Mention
from soraq.link.results import PairScore


class CandidateSource(Protocol):
    """Anything that can propose candidate mentions for a query (an in-memory index, a
    database table indexed by :func:`soraq.names.search_keys`...)."""

    def candidates(self, query: Mention, limit: int = ...) -> list[Mention]: ...


def match_from(source: CandidateSource, query: Mention, limit: int = 10) -> list[PairScore]:
    """Rank the candidates a source proposes for a query (best first)."""
    return match(query, source.candidates(query), limit=limit)


#: at most this many candidates are scored for one query
MAX_CANDIDATES = 400


class CandidateIndex:
    """Mentions indexed by blocking key, for fast lookup of one person."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.by_id: dict[str, Mention] = {m.mention_id: m for m in mentions}
        self.index = key_index(self.by_id.values())

    def candidates(self, query: Mention, limit: int = MAX_CANDIDATES) -> list[Mention]:
        """Mentions sharing a blocking key with the query; the ``limit`` sharing the most keys.

        A very common name can share a key with thousands of mentions; those sharing more
        keys (full name pair, birth year, deletion variants) are the likelier ones, and the
        cap keeps one lookup within milliseconds at a million persons.
        """
        hits: dict[str, int] = {}
        found: dict[str, Mention] = {}
        for k in blocking_keys(query):
            for m in self.index.get(k, ()):
                hits[m.mention_id] = hits.get(m.mention_id, 0) + 1
                found[m.mention_id] = m
        if len(found) <= limit:
            return list(found.values())
        best = sorted(hits, key=lambda mid: -hits[mid])[:limit]
        return [found[mid] for mid in best]

    def match(self, query: Mention, limit: int = 10) -> list[PairScore]:
        """The best candidates for the query, best first."""
        return match(query, self.candidates(query), limit=limit)
