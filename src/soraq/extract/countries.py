"""Country names (CLDR via babel, in English, Russian and Azerbaijani) and their ISO codes.

Used where a report states citizenship with a country's *name* rather than a
demonym the lexicon knows: "a citizen of Sierra Leone", "Qana vətəndaşı",
"гражданин Камеруна", or a list entry "Jane Roe (Uganda)." A country of birth
or a home town is never citizenship ("уроженец Ферганы" says where, not whose
citizen): only these explicit forms are read.
"""

from __future__ import annotations

import re
from functools import cache

from soraq.extract.name_lists import fold

LANGUAGES = ("en", "ru", "az")
#: Russia and Ukraine are the war's parties: "citizen of Russia" is not the foreign national we trace
WAR_PARTIES = frozenset({"RU", "UA"})
#: alternative English names CLDR leaves out
EXTRA = {"kyrgyzstan": "KG", "kirghizia": "KG", "kirgizia": "KG", "ivory coast": "CI", "burma": "MM",
         "czech republic": "CZ", "the gambia": "GM", "democratic republic of the congo": "CD", "drc": "CD",
         "qırğızıstan": "KG"}
#: alternative Russian names CLDR leaves out (inflected to the genitive like the others)
RU_EXTRA = {"Кыргызстан": "KG", "Молдавия": "MD", "Белоруссия": "BY", "Республика Корея": "KR"}


@cache
def codes_by_name() -> dict[str, str]:
    """Folded country name (any of the three languages) -> ISO 3166-1 alpha-2 code."""
    from babel import Locale
    from rigour.territories import get_territories

    codes = {t.code.upper() for t in get_territories() if t.is_country and not t.is_historical and len(t.code) == 2}
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        names = Locale.parse(lang).territories
        for code in codes:
            name = names.get(code)
            if name and "(" not in name:
                out.setdefault(fold(name), code)
    for name, code in EXTRA.items():
        out.setdefault(fold(name), code)
    return out


def code_of(name: str) -> str | None:
    """The ISO code of a country named in the nominative ("Nepal", "Непал", "Nepal"), else None."""
    code = codes_by_name().get(fold(name.strip(" .,")))
    return code if code and code not in WAR_PARTIES else None


@cache
def _ru_genitive_index() -> dict[str, str]:
    """Russian country names in the genitive ("Камеруна", "Сьерра-Леоне") -> code (pymorphy3)."""
    from babel import Locale

    from soraq.extract.names import _morph

    out: dict[str, str] = {}
    names = Locale.parse("ru").territories
    pairs = [(names.get(code), code) for code in set(codes_by_name().values())] + list(RU_EXTRA.items())
    for name, code in pairs:
        if not name or "(" in name:
            continue
        words = name.split()
        forms = []
        for w in words:
            parses = [p for p in _morph().parse(w) if "Geox" in p.tag or "NOUN" in p.tag or "ADJF" in p.tag]
            inflected = parses[0].inflect({"gent"}) if parses else None
            forms.append(inflected.word if inflected else w.lower())
        out.setdefault(fold(" ".join(forms)), code)
        out.setdefault(fold(name), code)  # indeclinable names ("Сьерра-Леоне", "Того")
    return out


_EN = re.compile(r"\b(?:citizens?|nationals?|passport\s+holders?)\s+of\s+(?:the\s+)?"
                 r"(?P<name>(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,3})", re.IGNORECASE)
#: "from Nepal", "from Douala, Cameroon": coming from a country (after a town) is the lexicon's "from X" for any country
_EN_FROM = re.compile(r"\bfrom\s+(?:(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2},\s+)?(?:the\s+)?"
                      r"(?P<name>(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,3})", re.IGNORECASE)
_RU = re.compile(r"(?<!\w)(?:гражданин\w*|граждан\w*|подданн\w*|паспорт\w*)\s+(?P<name>(?-i:[А-ЯЁ][\w-]+)(?:\s+(?-i:[А-ЯЁ][\w-]+))?)",
                 re.IGNORECASE)
_AZ = re.compile(r"(?P<name>(?-i:[A-ZƏÜÖĞŞÇİ][\wəğışçöü'-]+)(?:\s+(?-i:[A-ZƏÜÖĞŞÇİ][\wəğışçöü'-]+)){0,2})\s+"
                 r"(?:vətəndaşı|vətəndaşları|vətəndaşının|vətəndaşını|vətəndaşına|vətəndaşlarının)\b", re.IGNORECASE)
_BRACKET = re.compile(r"[ \u00a0]*\((?P<name>[^()\d]{3,40})\)")


def stated_citizenships(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Citizenship stated with a country's name: (start, end, code) in text order."""
    out: list[tuple[int, int, str]] = []
    if lang == "en":
        for m in _EN_FROM.finditer(text):
            words = m.group("name").split()
            for n in range(len(words), 0, -1):
                code = code_of(" ".join(words[:n]))
                if code:
                    out.append((m.start("name"), m.start("name") + len(" ".join(words[:n])), code))
                    break
        for m in _EN.finditer(text):
            words = m.group("name").split()
            for n in range(len(words), 0, -1):  # "citizen of Sierra Leone Foday ..." -> the longest country
                code = code_of(" ".join(words[:n]))
                if code:
                    out.append((m.start(), m.start("name") + len(" ".join(words[:n])), code))
                    break
    elif lang == "ru":
        index = _ru_genitive_index()
        for m in _RU.finditer(text):
            words = m.group("name").split()
            for n in range(len(words), 0, -1):
                code = index.get(fold(" ".join(words[:n])))
                if code and code not in WAR_PARTIES:
                    out.append((m.start(), m.start("name") + len(" ".join(words[:n])), code))
                    break
    elif lang == "az":
        for m in _AZ.finditer(text):
            words = m.group("name").split()
            for n in range(len(words)):
                code = code_of(" ".join(words[n:]))
                if code:
                    out.append((m.start("name"), m.end(), code))
                    break
    return sorted(out)


def bracketed_country(text: str, end: int) -> str | None:
    """A country in brackets right after a name ("Jane Roe (Uganda).") heads a list entry: her country."""
    m = _BRACKET.match(text, end)
    return code_of(m.group("name")) if m else None


#: Faker address locales that list a country's own cities and districts in Latin or the report's script
#: (Nepal's list is in Devanagari only, which no report spells its towns in)
_PLACE_LOCALES = {"AZ": ("az_AZ",), "IN": ("en_IN",), "BD": ("bn_BD",)}


def _lower(name: str) -> str:
    """Lower case without the combining dot Python leaves on a lowered Turkic "İ"."""
    return name.lower().replace("i\u0307", "i")


def country_of_home(home: str) -> str | None:
    """The country whose district, province or city a home place is ("Qusar", "Mau district, Uttar
    Pradesh"), for the countries Faker lists places of; None when no part is known or parts disagree.
    A report names a man's home district, not his passport, but in this domain a resident of a home
    district abroad is that country's citizen (the annotation convention of the development set)."""
    parts = [_lower(re.sub(r"\s+(?:district|region|village|province|state|rayonu|kəndi|район|область)$", "",
                           p.strip(), flags=re.IGNORECASE)) for p in home.split(",")]
    codes = {code for code in _PLACE_LOCALES for p in parts if p in home_country_places(code)}
    return codes.pop() if len(codes) == 1 else None


@cache
def home_country_places(code: str) -> frozenset[str]:
    """Cities and districts of a country, lower-cased, where Faker lists them (Azerbaijan, India,
    Bangladesh): a place there is in the person's home country, never the place abroad."""
    import importlib

    out: set[str] = set()
    for locale in _PLACE_LOCALES.get(code, ()):
        try:
            provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in ("cities", "districts", "provinces", "states"):
            for name in getattr(provider, attr, ()) or ():
                if isinstance(name, str) and name:
                    out.update({name.lower(), _lower(name)})
    return frozenset(out)


@cache
def russian_places() -> frozenset[str]:
    """Russia's towns and regions (Faker's ru_RU address data), lower-cased and folded to Latin:
    the people traced here are foreigners, so a Russian town is where they were abroad, never
    their home ("a taxi driver who had lived in Orenburg")."""
    import importlib

    try:
        provider = importlib.import_module("faker.providers.address.ru_RU").Provider
    except (ImportError, AttributeError):
        return frozenset()
    out: set[str] = set()
    for attr in ("city_names", "region_oblast", "region_krai", "region_republics"):
        for name in getattr(provider, attr, ()) or ():
            name = re.sub(r"\s*\(.*?\)", "", str(name)).strip()
            if len(name) >= 4:
                out.add(fold(name))
    return frozenset(out)


def in_russia(place: str) -> bool:
    """Whether a place name (any script, nominative) is a Russian town or region."""
    return fold(place.strip(" .,")) in russian_places()
