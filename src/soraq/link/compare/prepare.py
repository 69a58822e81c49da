"""Per-mention derived values that comparisons need, computed once per mention."""

from __future__ import annotations

from dataclasses import dataclass

from soraq.link.mention import Mention
from soraq.names.parse import parse_name
from soraq.names.places import place_words


@dataclass(frozen=True)
class Prepared:
    """A mention with its name parsed and its places and relatives reduced to comparable words."""

    mention: Mention
    words: tuple[str, ...]
    initials: tuple[str, ...]
    patronymic: str | None
    home: frozenset[str]
    abroad: frozenset[str]
    relatives: tuple[tuple[str, tuple[str, ...]], ...]


def prepare(m: Mention) -> Prepared:
    """Derived values of a mention (cached on the mention)."""
    cached = m._cache.get("prepared")
    if cached is not None:
        return cached
    parts = parse_name(m.name, m.given_name, m.family_name, m.patronymic)
    relatives = tuple(
        (rel, parse_name(name).words or tuple(name.split())) for rel, name in (m.relatives or []) if name
    )
    p = Prepared(
        mention=m,
        words=parts.words,
        initials=parts.initials,
        patronymic=m.patronymic or parts.patronymic,
        home=place_words(m.home),
        abroad=place_words(m.location_abroad, drop_countries=True),
        relatives=relatives,
    )
    m._cache["prepared"] = p
    return p
