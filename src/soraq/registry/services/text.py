"""Spans of a document's text: sentences around evidence, and highlighted segments.

Sentence boundaries come from razdel (rule-based, works for Russian and,
well enough, for Latin-script languages); the registry shows a fact with the
sentence it came from so that a reader can judge it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache


@lru_cache(maxsize=64)
def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence of the text, in order."""
    from razdel import sentenize

    return tuple((s.start, s.stop) for s in sentenize(text))


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The smallest run of whole sentences that contains ``text[start:end]``."""
    bounds = sentence_bounds(text)
    if not bounds:
        return (0, len(text))
    starts = [b[0] for b in bounds]
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(first, bisect.bisect_right(starts, max(start, end - 1)) - 1)
    s_start, s_end = min(bounds[first][0], start), max(bounds[last][1], end)
    # A line break ends a sentence too (a headline, a list item), even without a full stop.
    s_start = max(s_start, text.rfind("\n", s_start, start) + 1)
    newline = text.find("\n", end, s_end)
    return (s_start, newline if newline >= 0 else s_end)


def valid_span(text: str, start: object, end: object) -> tuple[int, int] | None:
    """The span when it is a non-empty range inside the text, else None (bad evidence is ignored)."""
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    if 0 <= start < end <= len(text):
        return (start, end)
    return None


def find_name(text: str, name: str) -> tuple[int, int] | None:
    """Where a name first occurs in the text (case-insensitive; whole name, else its longest word)."""
    lowered = text.casefold()
    for needle in [name] + sorted(name.split(), key=len, reverse=True):
        if len(needle) < 3:
            continue
        at = lowered.find(needle.casefold())
        if at >= 0:
            return (at, at + len(needle))
    return None


@dataclass
class Quote:
    """A sentence with one part highlighted: ``before`` + ``marked`` + ``after``."""

    before: str
    marked: str
    after: str

    @classmethod
    def of(cls, text: str, start: int, end: int, *, whole_sentence: bool = False) -> "Quote":
        s_start, s_end = sentence_around(text, start, end)
        if whole_sentence:
            return cls("", text[s_start:s_end].strip(), "")
        return cls(text[s_start:start].lstrip(), text[start:end], text[end:s_end].rstrip())


@dataclass
class Segment:
    """A stretch of text and the labels of the facts whose evidence covers it (none: plain text)."""

    text: str
    labels: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return "; ".join(self.labels)


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """The text cut at every span boundary, each piece with the labels of the spans covering it."""
    cuts = {0, len(text)}
    for start, end, _label in spans:
        cuts.update((start, end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[Segment] = []
    for left, right in zip(points, points[1:]):
        labels = sorted({label for s, e, label in spans if s <= left and right <= e})
        if out and out[-1].labels == labels:
            out[-1].text += text[left:right]
        else:
            out.append(Segment(text[left:right], labels))
    return out
