"""What the pipeline knows about one document while it works on it.

Kept in one small object so the single-purpose modules (facts, events,
relatives ...) take the same argument and never re-split or re-detect.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from soraq.extract.lexicon import Lexicon, same_length_lower
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
    #: sentences that speak for every subject only through the families' appeal (their other events are nobody's)
    appeal_only: set[int] = field(default_factory=set)
    _hits: dict[str, "Hits"] = field(default_factory=dict)
    _words: list[str] | None = None
    _lower: str | None = None
    stated_citizenship: list[tuple[int, int, int, str]] | None = None  # see facts.citizenship
    _starts: dict[str, list[int]] = field(default_factory=dict)
    present_words: dict[tuple[str, bool], bool] = field(default_factory=dict)  # first words of phrases seen

    def lower_text(self) -> str:
        """The text in lower case with every offset kept (one character for one character)."""
        if self._lower is None:
            self._lower = same_length_lower(self.text)
        return self._lower

    def starts(self, first: str) -> list[int]:
        """Offsets where a lexicon phrase's first word occurs (many phrases share one first word)."""
        found = self._starts.get(first)
        if found is None:
            found = self._starts[first] = _starts(self.lower_text(), first)
        return found

    def words(self) -> list[str]:
        """The document's distinct lower-case words, sorted (for phrase look-up)."""
        if self._words is None:
            self._words = sorted(set(re.findall(r"[^\W\d_][\w'’-]*|\$|\d+", self.text.lower())))
        return self._words

    def hits(self, section: str) -> "Hits":
        """Matches of a lexicon table over the whole text (computed once)."""
        if section not in self._hits:
            self._hits[section] = Hits(self, section)
        return self._hits[section]

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


def _starts(lower: str, first: str) -> list[int]:
    """Offsets where ``first`` occurs in the lower-cased text (a plain substring search)."""
    out, i = [], lower.find(first)
    while i >= 0:
        out.append(i)
        i = lower.find(first, i + 1)
    return out


def _has_word(words: list[str], first: str, prefix: bool) -> bool:
    """Whether the sorted word list holds ``first`` (or, for a prefix, a word starting with it)."""
    i = bisect.bisect_left(words, first)
    if i >= len(words):
        return False
    return words[i] == first or (prefix and words[i].startswith(first))


class Hits:
    """All matches of a lexicon table's patterns in the whole text, found once per document.

    Running each pattern once over the text and mapping matches to sentences is
    far cheaper than running every pattern on every sentence for every subject.
    """

    def __init__(self, ctx: "DocContext", section: str):
        self.by_key: dict[str, list[tuple[int, int, int]]] = {}
        words = ctx.words()
        present = ctx.present_words
        for key, entries in ctx.lexicon.phrase_index(section).items():
            spans: set[tuple[int, int]] = set()
            for first, prefix, pattern in entries:
                if first:
                    there = present.get((first, prefix))
                    if there is None:
                        there = present[(first, prefix)] = _has_word(words, first, prefix)
                    if not there:
                        continue
                if first:  # anchor the phrase at each occurrence of its first word: no full scan
                    for pos in ctx.starts(first):
                        m = pattern.match(ctx.text, pos)
                        if m:
                            spans.add((m.start(), m.end()))
                    continue
                for m in pattern.finditer(ctx.text):
                    spans.add((m.start(), m.end()))
            found = []
            for start, end in sorted(spans):
                k = ctx.sentence_at(start)
                if end <= ctx.sentences[k].end + 1:
                    found.append((k, start, end))
            self.by_key[key] = found

    def in_sentence(self, key: str, k: int) -> list[tuple[int, int]]:
        return [(s, e) for (kk, s, e) in self.by_key.get(key, []) if kk == k]

    def sentences(self, key: str) -> set[int]:
        return {k for (k, _, _) in self.by_key.get(key, [])}

    def keys_in(self, k: int) -> list[str]:
        return [key for key, found in self.by_key.items() if any(kk == k for (kk, _, _) in found)]
