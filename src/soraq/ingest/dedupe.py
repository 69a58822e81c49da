"""Recognising the same story republished by several outlets.

A report on a detained migrant is often syndicated: agencies' copy reappears
on a dozen sites with a new headline, a dropped paragraph, a "Source:" line
or an outlet's boilerplate. Counting those copies as separate reports would
inflate the figures and flood reviewers, so near-duplicates are recognised
with MinHash + LSH (datasketch) over word shingles of normalised text:

* text is normalised (Unicode NFKC, lower-case, punctuation dropped,
  whitespace collapsed), so that typography and case do not matter;
* shingles are ``SHINGLE_WORDS`` = 3 consecutive words: long enough that two
  unrelated reports on the same topic (which share many words: "detained",
  "contract", "Russian army") share few shingles, short enough that one
  edited word changes only 3 shingles;
* ``THRESHOLD`` = 0.4 estimated Jaccard similarity. Each edited word breaks
  up to 3 shingles, so a copy with a share ``e`` of its words changed keeps a
  Jaccard of about ``(1 - 3e) / (1 + 3e)``: 0.74 at 5 %, 0.54 at 10 %, 0.38 at
  15 %. 0.4 therefore admits copies with up to about 14 % of the words
  edited, while distinct reports on the same topic (even ones sharing a
  stock phrase or a quoted statement) stayed below 0.3 in the benchmark:
  precision 1.0 and recall 1.0 / 0.96 / 0.71 for 5 / 10 / 15 % edits (see
  ``docs/ingest.md``, measured by ``benchmarks/ingest_speed.py``; 0.5 lost
  a fifth of the 10 % copies, 0.3 let same-topic reports in);
* ``NUM_PERM`` = 128 permutations: the Jaccard estimate's standard error is
  about 0.04, small beside the gap between copies and distinct reports.

An exact re-ingest (same SHA-256 of the original bytes) is recognised
separately and is a no-op. The index is saved as plain arrays (``.npz``), not
pickle, so that loading a file cannot run code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from soraq.ingest.documents import SourceDocument

SHINGLE_WORDS = 3
THRESHOLD = 0.4
NUM_PERM = 128
SEED = 1
#: datasketch's hashing scheme, fixed so that saved signatures stay comparable across upgrades
SCHEME = "affine32"
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalise(text: str) -> str:
    """Case, typography and punctuation do not make a different story."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word sequences of the normalised text (the whole text if shorter)."""
    words = normalise(text).split()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class NearDuplicateIndex:
    """Documents seen so far, queryable for near-duplicates of a new text."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, seed: int = SEED) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.seed = seed
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, np.ndarray] = {}
        self._sha256: dict[str, str] = {}  # sha256 -> doc_id
        self._template: Any = None

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._hashes

    def minhash(self, text: str):  # noqa: ANN201 - datasketch.MinHash
        """The MinHash signature of a text's shingles (batch-updated: much faster than one by one)."""
        from datasketch import MinHash

        if self._template is None:
            self._template = MinHash(num_perm=self.num_perm, seed=self.seed, scheme=SCHEME)
        sig = self._template.copy()
        sig.update_batch(list(shingles(text)))
        return sig

    def _add_signature(self, doc_id: str, hashvalues: np.ndarray) -> None:
        from datasketch import LeanMinHash

        self._lsh.insert(doc_id, LeanMinHash(seed=self.seed, hashvalues=hashvalues, scheme=SCHEME))
        self._hashes[doc_id] = hashvalues

    def add(self, doc_id: str, text: str, sha256: str | None = None) -> None:
        """Remember a document (adding the same id twice is a no-op)."""
        if sha256:
            self._sha256.setdefault(sha256, doc_id)
        if doc_id in self._hashes:
            return
        self._add_signature(doc_id, self.minhash(text).hashvalues.copy())

    def exact(self, sha256: str) -> str | None:
        """The id of a document already added with these exact original bytes."""
        return self._sha256.get(sha256)

    def query(self, text: str) -> list[tuple[str, float]]:
        """Documents whose estimated Jaccard similarity to ``text`` reaches the threshold, best first."""
        from datasketch import LeanMinHash

        sig = self.minhash(text)
        found = []
        for doc_id in self._lsh.query(sig):
            other = LeanMinHash(seed=self.seed, hashvalues=self._hashes[doc_id], scheme=SCHEME)
            score = float(sig.jaccard(other))
            if score >= self.threshold:
                found.append((doc_id, round(score, 3)))
        return sorted(found, key=lambda item: (-item[1], item[0]))

    def save(self, path: str | Path) -> None:
        """Write the index as plain arrays (atomically: a crash leaves the old file)."""
        path = Path(path)
        ids = list(self._hashes)
        matrix = np.stack([self._hashes[i] for i in ids]) if ids else np.zeros((0, self.num_perm), np.uint64)
        shas = list(self._sha256.items())
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez_compressed(
            tmp, ids=np.array(ids, dtype=str), hashvalues=matrix,
            sha=np.array([s for s, _ in shas], dtype=str), sha_ids=np.array([d for _, d in shas], dtype=str),
            params=np.array([self.threshold, self.num_perm, self.seed], dtype=float),
        )
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> NearDuplicateIndex:
        """An index saved by :meth:`save` (no pickle involved)."""
        with np.load(Path(path), allow_pickle=False) as data:
            threshold, num_perm, seed = data["params"].tolist()
            index = cls(threshold=threshold, num_perm=int(num_perm), seed=int(seed))
            for doc_id, values in zip(data["ids"].tolist(), data["hashvalues"], strict=True):
                index._add_signature(doc_id, values.astype(np.uint64))
            index._sha256 = dict(zip(data["sha"].tolist(), data["sha_ids"].tolist(), strict=True))
        return index


def mark_duplicates(docs: Iterable[SourceDocument], index: NearDuplicateIndex) -> Iterator[SourceDocument]:
    """Drop exact re-ingests; annotate near-duplicates in ``extra["near_duplicates"]``; remember the rest.

    A near-duplicate is still passed on (it may add a detail the first copy
    lacked); the registry can link it to the earlier copies instead of
    counting it as a new report.
    """
    for doc in docs:
        if index.exact(doc.sha256) is not None:
            continue
        near = [(d, s) for d, s in index.query(doc.text) if d != doc.doc_id]
        if near:
            doc.extra["near_duplicates"] = near
        index.add(doc.doc_id, doc.text, doc.sha256)
        yield doc
