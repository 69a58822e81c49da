"""What the pipeline knows about one document while it works on it.

Kept in one small object so the single-purpose modules (facts, events,
relatives ...) take the same argument and never re-split or re-detect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from soraq.extract.lexicon import Lexicon
from soraq.extract.names import NameGroup
from soraq.extract.sentences import Sentence


@dataclass
class DocContext:
    text: str
    lang: str
    lexicon: Lexicon
    sentences: list[Sentence]
    published: str | None = None
    base_date: date | None = None  # publication date, or the latest explicit date in the text
    base_is_published: bool = False
    subjects: list[NameGroup] = field(default_factory=list)
    others: list[NameGroup] = field(default_factory=list)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing character ``offset`` (the nearest before it)."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best
