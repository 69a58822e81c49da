"""Term-frequency adjustment of agreeing facts: a common birth year or place is weaker evidence.

The model prices an agreeing birth year at one chance in ~33 (``u`` = 0.03), a home place
at 0.03 and a city abroad at 0.08: averages. Real values are far from uniform: recruits
were mostly born within a dozen years (the gold reports: mean 1992.7, standard deviation
6.5, so the commonest years are each given by ~6 % of persons), and a few cities abroad
and home districts cover many men. Two namesakes who agree on a common year are then
likelier than the average says. As in Splink's ``term_frequency_adjustments``, the
agreeing level's ``u`` is replaced by the frequency ``f`` of the value in the data being
linked: the weight moves by ``log2(u / f)`` bits, down for a common value, up for a rare
one (at most ``MAX_GAIN`` bit: a value seen twice is weak statistics). A pair uses the
more frequent of its two values (the agreement is only as specific as the vaguer side).

Places are counted by word (relaxed spelling, so every script of a place counts together);
a mention's place frequency is that of its rarest word (its most specific place: the
village rather than the district). Below ``MIN_MENTIONS`` mentions there is no adjustment
(a value's absence from a few dozen reports says nothing about how common it is).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from soraq.link import model
from soraq.link.frequency import MIN_MENTIONS
from soraq.link.mention import Mention
from soraq.names.keys import relaxed
from soraq.names.places import place_words

#: the most an uncommon value can gain, in bits (2x the odds)
MAX_GAIN = 1.0
#: comparisons adjusted, and the level whose u the value frequency replaces
ADJUSTED: tuple[tuple[str, str], ...] = (("birth_year", "same"), ("home", "same"), ("location_abroad", "same"))


def _u(comparison: str, level: str) -> float:
    comp = next(c for c in model.COMPARISONS if c.name == comparison)
    return comp.levels[level].u


def _place_keys(place: str | None, abroad: bool) -> list[str]:
    return sorted({relaxed(w) for w in place_words(place, drop_countries=abroad)})


@dataclass
class ValueFrequencies:
    """Per comparison, each mention's value frequency (0: no value) and the level's average u."""

    freq: dict[str, np.ndarray]
    u: dict[str, float]
    by_id: dict[str, int]

    @classmethod
    def of(cls, mentions: Sequence[Mention], min_mentions: int = MIN_MENTIONS) -> "ValueFrequencies | None":
        """The value frequencies of ``mentions``; None for data too small to tell."""
        if len(mentions) < min_mentions:
            return None
        freq: dict[str, np.ndarray] = {}
        years = [m.birth_year for m in mentions]
        tally = Counter(y for y in years if y)
        given = sum(tally.values())
        freq["birth_year"] = np.array([tally[y] / given if y and given else 0.0 for y in years])
        for comp, attr, abroad in (("home", "home", False), ("location_abroad", "location_abroad", True)):
            keys = [_place_keys(getattr(m, attr), abroad) for m in mentions]
            words: Counter[str] = Counter()
            for ks in keys:
                words.update(ks)
            with_place = sum(1 for ks in keys if ks)
            freq[comp] = np.array([min(words[k] for k in ks) / with_place if ks else 0.0 for ks in keys])
        u = {comp: _u(comp, level) for comp, level in ADJUSTED}
        return cls(freq, u, {m.mention_id: i for i, m in enumerate(mentions)})

    def bits(self, comparison: str, f: np.ndarray | float) -> np.ndarray:
        """log2(u / f), at most MAX_GAIN; 0 where the frequency is unknown."""
        fa = np.asarray(f, dtype=float)
        with np.errstate(divide="ignore"):
            out = np.where(fa > 0, np.log2(self.u[comparison] / np.maximum(fa, 1e-12)), 0.0)
        return np.minimum(out, MAX_GAIN)

    def pair_adjustment(self, I: np.ndarray, J: np.ndarray, levels: dict[str, np.ndarray]) -> np.ndarray:
        """Bits of each pair (I[k], J[k]); ``levels[comparison]`` is a mask of pairs at the agreeing level."""
        total = np.zeros(len(I))
        for comp, mask in levels.items():
            f = np.maximum(self.freq[comp][I], self.freq[comp][J])
            total += np.where(mask, self.bits(comp, f), 0.0)
        return total

    def for_pair(self, a: Mention, b: Mention, labels: dict[str, str | None]) -> tuple[float, str | None]:
        """(bits, reason) of one pair whose comparisons picked ``labels``; (0, None) when nothing applies."""
        ia, ib = self.by_id.get(a.mention_id), self.by_id.get(b.mention_id)
        if ia is None or ib is None:
            return 0.0, None
        total, parts = 0.0, []
        for comp, level in ADJUSTED:
            if labels.get(comp) != level:
                continue
            f = max(float(self.freq[comp][ia]), float(self.freq[comp][ib]))
            b = float(self.bits(comp, f))
            if b:
                total += b
                parts.append(reason_part(comp, f, self.u[comp]))
        return (total, "value frequency: " + "; ".join(parts)) if parts else (0.0, None)


def reason_part(comparison: str, f: float, u: float) -> str:
    """Why an agreeing value weighs more or less than usual, in words."""
    how = "commoner" if f > u else "rarer"
    return f"{comparison.replace('_', ' ')} shared by {f:.1%} of the reports giving one, {how} than the usual {u:.0%}"

