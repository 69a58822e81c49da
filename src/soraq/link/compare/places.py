"""Place comparisons: home place (village, district, region) and where the person was abroad."""

from __future__ import annotations

from rapidfuzz.fuzz import ratio

from soraq.link.compare.base import Outcome
from soraq.link.compare.prepare import Prepared
from soraq.names.keys import relaxed, skeleton
from soraq.names.places import only_countries

#: two place words are the same place at this rapidfuzz ratio (spelling variants, "Qusar" ~ "Gusar")
PLACE_RATIO = 80.0


def _same_place_word(a: str, b: str) -> bool:
    """Two folded place words name one place: equal, a small spelling difference, or the same skeleton."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return ratio(relaxed(a), relaxed(b)) >= PLACE_RATIO or (skeleton(a) == skeleton(b) and len(skeleton(a)) >= 3)


def _overlap(x: frozenset[str], y: frozenset[str]) -> bool:
    return any(_same_place_word(a, b) for a in x for b in y)


def home(a: Prepared, b: Prepared) -> Outcome | None:
    """Home places agree when they share a place name at any level (village, district, region)."""
    if not a.home or not b.home:
        return None
    ha, hb = a.mention.home, b.mention.home
    if _overlap(a.home, b.home):
        return Outcome("same", "same home place: {!r} ~ {!r}", (ha, hb))
    if only_countries(ha) or only_countries(hb):
        return None  # "from Kyrgyzstan" cannot contradict a district of Kyrgyzstan
    return Outcome("different", "different home places: {!r} vs {!r}", (ha, hb))


def location_abroad(a: Prepared, b: Prepared) -> Outcome | None:
    """The same city abroad supports a match; a different one weakly opposes it (migrants move)."""
    if not a.abroad or not b.abroad:
        return None
    la, lb = a.mention.location_abroad, b.mention.location_abroad
    if _overlap(a.abroad, b.abroad):
        return Outcome("same", "same place abroad: {!r} ~ {!r}", (la, lb))
    return Outcome("different", "different places abroad: {!r} vs {!r}", (la, lb))
