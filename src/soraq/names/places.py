"""Place names reduced to comparable words: "Нарынская область" ~ "Naryn region", "Губинский район" ~
"Quba rayonu".

Reports name a home village, district or region at varying precision, in several scripts,
and Russian turns a place into an adjective ("Кусарский район"). Generic words (region,
district, rayonu, область, village...) are dropped, Russian adjective endings are cut, and
the rest is folded like a name. Two places agree when a word of one matches a word of the
other; they disagree only when both sides name something and nothing matches.
"""

from __future__ import annotations

import re
from functools import lru_cache

from soraq.names.keys import canon, romance_reading
from soraq.names.transliterate import to_latin

#: generic place words in az/ru/en/ky/tj/uz (folded), not names of places
GENERIC: frozenset[str] = frozenset(
    canon(w)
    for w in """
    region district province county city town village rural municipality ward state oblast
    raion rayon rayonu rayonunun kendi kandi seheri shahar sheher qesebe qasaba bolge
    rajon viloyat viloyati nohiya nohiyasi tuman tumani shahri kishlak aul ayil aiyl
    oblys audany krai kray republic respublika south north east west central of the in near
    область обл район р н город г село с деревня посёлок поселок пгт край республика
    кент кишлак аул округ муниципалитет сельского первый второй район района области
    юг север восток запад центр
    """.split()
)
#: countries: "Russia" as a place abroad says nothing about which person this is
COUNTRIES: frozenset[str] = frozenset(
    canon(w) for w in "russia rossiya russian federation россия рф российская федерация".split()
)
_ADJ = re.compile(r"(skaya|skiy|skii|skoy|skoe|skogo|skoi|ski|ska|sky|skai|skoi)$")


@lru_cache(maxsize=100_000)
def place_words(place: str | None, drop_countries: bool = False) -> frozenset[str]:
    """Folded proper words of a place description, generic words and adjective endings removed."""
    if not place:
        return frozenset()
    out = set()
    for w in to_latin(place).split():
        if w.isdigit():
            continue
        c = canon(_ADJ.sub("", w))
        if len(c) < 3 or c in GENERIC or canon(w) in GENERIC:
            continue
        if drop_countries and c in COUNTRIES:
            continue
        out.add(c)
        if romance := romance_reading(w):  # Holguín = Ольгин
            out.add(canon(romance))
    return frozenset(out)



@lru_cache(maxsize=100_000)
def only_countries(place: str | None) -> bool:
    """Every proper word of a place description is a country ("south of Kyrgyzstan", "Азербайджан").

    Such a home says where the person is from only as far as his citizenship does; it can
    agree with a district of that country but not contradict one. Country names in any
    language come from rigour's territory table, not from a list of our own.
    """
    words = [w for w in re.split(r"[\s,;()]+", place or "") if w and not w.isdigit()]
    proper = [w for w in words if canon(_ADJ.sub("", to_latin(w))) not in GENERIC and canon(to_latin(w)) not in GENERIC]
    return bool(proper) and all(_country(w) for w in proper)


@lru_cache(maxsize=10_000)
def _country(word: str) -> bool:
    from rigour.territories import lookup_territory

    territory = lookup_territory(word) or lookup_territory(to_latin(word))
    return territory is not None and territory.is_country
