"""Progress bars and an end-of-run summary for long ingest runs.

Bars (tqdm, on stderr) show counts and rates so that a run over an archive
can be judged at a glance; they switch themselves off when stderr is not a
terminal. The summary counts documents and errors and lists each error's
origin and reason: never any document text, which may name people.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TypeVar

from soraq.ingest.documents import IngestError, SourceDocument

T = TypeVar("T")


def progress(items: Iterable[T], desc: str, *, total: int | None = None, unit: str = "doc",
             enabled: bool | None = None) -> Iterator[T]:
    """``items`` with a progress bar (count, rate, elapsed) on stderr when it is a terminal."""
    from tqdm import tqdm

    disable = not (sys.stderr.isatty() if enabled is None else enabled)
    yield from tqdm(items, desc=desc, total=total, unit=unit, disable=disable, file=sys.stderr,
                    dynamic_ncols=True, smoothing=0.1)


@dataclass
class IngestSummary:
    """What a run took in and what it could not, with reasons."""

    documents: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    errors: list[IngestError] = field(default_factory=list)

    def add(self, item: SourceDocument | IngestError) -> None:
        if isinstance(item, IngestError):
            self.errors.append(item)
        else:
            self.documents += 1
            self.kinds[item.extra.get("kind") or item.media_type] += 1

    def track(self, items: Iterable[SourceDocument | IngestError]) -> Iterator[SourceDocument]:
        """Count every item, pass the documents on, keep the errors for the summary."""
        for item in items:
            self.add(item)
            if isinstance(item, SourceDocument):
                yield item

    def print(self, file: IO[str] | None = None, *, max_errors: int = 50) -> None:
        out = file or sys.stderr
        kinds = ", ".join(f"{n} {k}" for k, n in self.kinds.most_common())
        print(f"ingested {self.documents} document(s){f' ({kinds})' if kinds else ''}, "
              f"{len(self.errors)} error(s)", file=out)
        for error in self.errors[:max_errors]:
            print(f"  skipped {error.origin}: {error.reason}", file=out)
        if len(self.errors) > max_errors:
            print(f"  ... and {len(self.errors) - max_errors} more", file=out)


def print_summary(items: Iterable[SourceDocument | IngestError], file: IO[str] | None = None) -> IngestSummary:
    """Consume ``items`` and print what came in and what did not."""
    summary = IngestSummary()
    for item in items:
        summary.add(item)
    summary.print(file)
    return summary
