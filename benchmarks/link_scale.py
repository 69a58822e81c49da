"""Linking at scale: synthetic mentions with realistic variation, linked and scored.

    .venv/bin/python benchmarks/link_scale.py --n 10000 [--n 100000 ...] [--engine duckdb]

For each N, in a fresh process (so peak memory is that run's own):

* generates N mentions of ~N/2.5 invented persons (each mention drawn from a person at
  random, so a person has Poisson(2.5) reports: many have one, a few have six or more). Name pools come from Faker's az_AZ,
  uz_UZ, en_KE and ne_NP providers (never from the dev set); Azerbaijani surnames are also
  formed the way they are formed in life (given name + -ov/-li/-zadə). Each mention is
  written in Azerbaijani Latin, English romanisation, diacritics-stripped ASCII or Russian
  Cyrillic (with the Russian renderings h->г, q->г/к, ə->а/е), sometimes in a Russian case
  form, surname first, with a patronymic, or with a typo; birth years are often missing or
  derived from an age; namesakes (same full name, other person), brothers (same surname and
  mother) and fathers (same surname, 25 years older) are planted. Which facts a report gives
  is drawn per person (each fact "well known", mentioned by 85% of reports, or obscure, 25%):
  outlets restate one another, so facts recur across reports of one man;
* links them with ``link_mentions`` and reports wall time, peak RSS, and pairwise precision
  and recall against the generated truth;
* measures online ``match`` latency (p50/p99) of fresh spellings of known persons against an
  index of all linked mentions;
* BASELINE, measured in the same run: plain rapidfuzz name comparison of every pair (no
  blocking, no other evidence: token_sort_ratio of folded names >= 90, connected
  components) on a random sample; its cost is projected to N, and its precision/recall on the
  sample is set beside ours on the same sample.

Results are printed as JSON lines and a summary; figures go into docs/linking.md.

Two generators (``--generator``; docs/linking.md, "The benchmark's realism"):

* ``v2`` (default), calibrated to the gold of the dev and held-out sets: the share of
  reports giving a birth year or age (88 %), home (90 %), place abroad (79 %), mother
  (23 %), patronymic (19 %), citizenship (99 %), sex (100 %); birth years normal(1992.7,
  6.5); typos 1 % per name word (the gold: one typo in 69 pairs of one person's reports).
  Names are Zipf-distributed over Faker's pools (surnames exponent 1.0: the commonest
  covers ~14 % of men, the top five ~30 %, as published for Azerbaijan; given names 0.5:
  the commonest ~3 %), so namesakes arise from the pools (12 % of persons at 10k mentions,
  39 % at 100k, 70 % at 1M) instead of being planted; homes (0.7) and cities abroad (1.0)
  are concentrated too;
* ``v1``, the original, kept so figures stay comparable: uniform pools, 8 % of persons
  planted as namesakes, each fact in 25 % or 85 % of a person's reports, typos 5 % per word.

Both: 5 % brothers, 3 % fathers, a quarter of birth years derived from an age, Poisson(2.5)
reports per person (the dev set, collected around persons with follow-up reports, has
2.3; the held-out sets, collected as single stories, 1.3).

The CEILING (printed as "ceiling: ..."): an oracle that knows every generated person but not
which person wrote a mention (:class:`Oracle`) gives the best pairwise recall any linker can
reach at precision 0.98 with the information the mentions carry; missed and false pairs of
the linker are classified by the evidence their mentions carry (:func:`error_analysis`).
At 1M mentions both are computed on a sample of whole name groups (150,000 mentions).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# ---------------------------------------------------------------------------- pools


@dataclass
class Pools:
    az_given: list[str]
    az_given_f: list[str]
    az_family: list[str]
    female: dict[str, list[str]]
    uz_given: list[str]
    uz_family: list[str]
    ke_given: list[str]
    ke_family: list[str]
    np_given: list[str]
    np_family: list[str]
    az_places: list[str]
    other_places: dict[str, list[str]]
    ru_cities: list[str]


_RU_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "-": "-",
}


def ru_to_latin(s: str) -> str:
    """How an English-language outlet writes a Russian town: Чита -> Chita."""
    return "".join(_RU_LAT.get(ch, _RU_LAT.get(ch.lower(), ch)) for ch in s).title()


def _ascii(s: str) -> str:
    from normality import ascii_text

    return "".join(ch for ch in (ascii_text(s) or "") if ch.isalpha() or ch == " ").strip().title()


def build_pools(seed: int = 7) -> Pools:
    from faker import Faker

    az = Faker("az_AZ")
    azp = az.provider("faker.providers.person")
    aza = az.provider("faker.providers.address")
    uz = Faker("uz_UZ").provider("faker.providers.person")
    ke = Faker("en_KE").provider("faker.providers.person")
    np_ = Faker("ne_NP").provider("faker.providers.person")
    ru = Faker("ru_RU").provider("faker.providers.address")
    az_given = sorted({g.strip() for g in azp.first_names_male} - {""})
    # Azerbaijani surnames are built from given names: Məmməd -> Məmmədov, Əli -> Əliyev, Rəhimli
    derived = []
    for g in az_given:
        stem = g
        if stem[-1] in "aeəıiouü":
            derived.append(stem + "yev")
        else:
            derived.append(stem + ("ov" if stem[-1] != "y" else "ev"))
        derived.append(stem + "li" if stem[-1] not in "aeəıiouü" else stem + "zadə")
    az_family = sorted({f.strip() for f in set(azp.last_names_male) | set(derived)} - {""})
    # Central Asian given names overlap the Azerbaijani ones (Turkic/Persian/Arabic stock);
    # surnames are formed from a forefather's given name + -ov/-ev, as in life
    uz_given = sorted(set(uz.first_names_male) | {_ascii(g) for g in az_given})
    uz_family = sorted(
        set(getattr(uz, "last_names_male", uz.last_names))
        | {g + ("yev" if g[-1] in "aeiou" else "ov") for g in uz_given if g}
    )
    Faker.seed(seed)
    ke_places = sorted({Faker("en_KE").city() for _ in range(150)})
    np_places = sorted({_ascii(Faker("ne_NP").city()) for _ in range(150)} - {""})
    uz_places = sorted({Faker("uz_UZ").city() for _ in range(150)})
    return Pools(
        female={
            "AZ": sorted({g.strip() for g in azp.first_names_female} - {""}),
            "UZ": sorted(set(uz.first_names_female)),
            "KE": sorted(set(ke.first_names_female)),
            "NP": sorted({_ascii(x) for x in np_.first_names_female} - {""}),
        },
        az_given=az_given,
        az_given_f=sorted(set(azp.first_names_female)),
        az_family=az_family,
        uz_given=uz_given,
        uz_family=uz_family,
        ke_given=sorted(set(ke.first_names_male)),
        ke_family=sorted(set(ke.last_names)),
        np_given=sorted({_ascii(x) for x in np_.first_names_male} - {""}),
        np_family=sorted({_ascii(x) for x in np_.last_names} - {""}),
        az_places=sorted(set(aza.districts)),
        other_places={"UZ": uz_places, "KE": ke_places, "NP": np_places},
        ru_cities=sorted({c for c in ru.city_names if "(" not in c and " " not in c}),
    )


# ---------------------------------------------------------------------------- spellings

_AZ_EN = {"ə": "a", "ç": "ch", "ş": "sh", "ğ": "gh", "ı": "i", "ö": "o", "ü": "u", "x": "kh", "q": "g", "c": "j", "j": "zh"}
_LAT_RU = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "i": "и", "k": "к", "l": "л", "m": "м",
    "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "z": "з", "w": "в",
    "x": "х", "h": "х", "q": "к", "ı": "ы", "ş": "ш", "ç": "ч", "ğ": "г", "ö": "ё", "ü": "ю", "j": "ж", "c": "дж", "y": "й",
}


def az_to_en(word: str, rng: random.Random) -> str:
    out = "".join(_AZ_EN.get(ch, ch) for ch in word.lower())
    if rng.random() < 0.3:
        out = out.replace("yev", "ev")
    return out.title()


def to_russian(word: str, rng: random.Random, azerbaijani: bool) -> str:
    """A Russian outlet's rendering: Həsən -> Гасан, Qafur -> Гафур, Məmmədov -> Мамедов."""
    w = word.lower().replace("i̇", "i")
    out = []
    i = 0
    while i < len(w):
        ch = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if w.startswith(("sh", "ch", "kh", "zh"), i) and not azerbaijani:
            out.append({"sh": "ш", "ch": "ч", "kh": "х", "zh": "ж"}[w[i : i + 2]])
            i += 2
            continue
        if ch == "y" and nxt and nxt in "aeuə":
            out.append({"a": "я", "ə": "я", "e": "е", "u": "ю"}[nxt])
            i += 2
            continue
        if w.startswith("th", i):
            out.append("т")
            i += 2
            continue
        if ch == "ə":
            out.append("а" if (i == 0 or rng.random() < 0.5) else "е")
        elif ch == "h" and azerbaijani:
            out.append("г" if rng.random() < 0.6 else "х")
        elif ch == "q":
            out.append("г" if rng.random() < 0.7 else "к")
        elif ch == "j" and not azerbaijani:
            out.append("дж")
        elif ch == "e" and i == 0:
            out.append("э")
        elif ch == "'" or ch == "‘":
            pass
        else:
            out.append(_LAT_RU.get(ch, ch))
        i += 1
    return "".join(out).capitalize()


def russian_case(word: str, family: bool, rng: random.Random) -> str:
    """Genitive or instrumental of a (masculine) name word."""
    case = rng.choice(["gen", "ins"])
    if family and word.endswith(("ов", "ев", "ин")):
        return word + ("а" if case == "gen" else "ым")
    if not family and word[-1] not in "аеиоуыэюяй":
        return word + ("а" if case == "gen" else "ом")
    return word


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(2, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1 :]
    if kind < 0.7:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    vowels = "аеиоу" if any("\u0400" <= ch <= "\u04ff" for ch in word) else "aeiou"
    return word[:i] + rng.choice(vowels) + word[i + 1 :]


# ---------------------------------------------------------------------------- persons and mentions


@dataclass
class Person:
    pid: int
    nat: str
    given: str
    family: str
    father: str
    mother: str
    birth_year: int
    sex: str
    home: str | None
    abroad: str
    status: str
    #: how often reports about this man mention each fact: a story is restated by many
    #: outlets, so the facts one report gives tend to recur in the others
    salience: dict[str, float] | None = None


STATUSES = ["detained", "in_unit", "at_front", "missing", "captured", "killed", "returned"]


@dataclass(frozen=True)
class Generator:
    """How persons and their reports are drawn; ``v1`` is the original, ``v2`` calibrated to the gold.

    ``presence``: the mean share of reports giving each fact (per person, a fact is either
    well known or obscure, two saliences around this mean: reports restate one another).
    ``zipf``: exponents of the rank-frequency laws of given names, surnames, mothers' names,
    homes and places abroad (0 = uniform draws, as in v1).
    """

    name: str
    presence: dict[str, float]
    zipf: dict[str, float]
    #: share of persons planted as another person's namesake (v1: the only source of namesakes)
    planted_namesakes: float
    #: birth years: uniform (lo, hi) when ``year_sd`` is 0, else normal(mean, sd) clipped to (lo, hi)
    years: tuple[int, int]
    year_mean: float = 0.0
    year_sd: float = 0.0
    #: nationalities whose reports can give a patronymic
    patronymic_nats: tuple[str, ...] = ("AZ",)
    #: chance of a typo in each name word of a report
    typo_rate: float = 0.05

    def salience(self, fact: str, rng: random.Random) -> float:
        """A person's chance that one report gives ``fact``: well known or obscure, mean = presence."""
        mean = self.presence[fact]
        if self.name == "v1":
            return rng.choice([0.85, 0.25]) if fact != "patronymic" else rng.choice([0.85, 0.25]) * 0.6 * 0.8
        hi = min(0.98, mean * 1.35)
        return rng.choice([hi, 2 * mean - hi])


GENERATORS = {
    # the original: uniform pools, 8 % planted namesakes, each fact in 25 % or 85 % of a
    # person's reports, the mother in half that, a patronymic in 0.6 x 0.8 of that (AZ only)
    "v1": Generator(
        "v1",
        presence={"birth_year": 0.55, "home": 0.55, "abroad": 0.55, "mother": 0.275, "patronymic": 0.26,
                  "citizenship": 0.90, "sex": 0.60},
        zipf={"given": 0.0, "family": 0.0, "mother": 0.0, "home": 0.0, "abroad": 0.0},
        planted_namesakes=0.08,
        years=(1965, 2004),
    ),
    # calibrated to the gold of the dev and held-out sets (docs/linking.md, "The benchmark's
    # realism"): shares of mentions giving each fact, birth years normal(1992.7, 6.5); names,
    # homes and places abroad Zipf-distributed (argued there), namesakes arising from them
    "v2": Generator(
        "v2",
        presence={"birth_year": 0.88, "home": 0.90, "abroad": 0.79, "mother": 0.23, "patronymic": 0.24,
                  "citizenship": 0.99, "sex": 1.0},
        zipf={"given": 0.5, "family": 1.0, "mother": 0.5, "home": 0.7, "abroad": 1.0},
        planted_namesakes=0.0,
        years=(1962, 2006),
        year_mean=1992.7,
        year_sd=6.5,
        patronymic_nats=("AZ", "UZ"),
        # gold pairs of one person: 1 of 69 names differ by a typo (fuzzy), 2 by one word
        # (partial): ~0.5 % per word; 1 % keeps the benchmark harder than that
        typo_rate=0.01,
    ),
}


class Drawer:
    """Draws from a pool uniformly or by a Zipf law over a seeded random ranking of the pool."""

    def __init__(self, pool: list[str], exponent: float, seed: int) -> None:
        self.pool = list(pool)
        self.cum: list[float] | None = None
        if exponent > 0 and self.pool:
            random.Random(seed).shuffle(self.pool)  # rank order: not alphabetical
            total = 0.0
            self.cum = []
            for rank in range(1, len(self.pool) + 1):
                total += rank**-exponent
                self.cum.append(total)

    def __call__(self, rng: random.Random) -> str:
        if self.cum is None:
            return rng.choice(self.pool)
        return rng.choices(self.pool, cum_weights=self.cum)[0]


def make_persons(n_persons: int, pools: Pools, rng: random.Random, gen: Generator = GENERATORS["v1"]) -> list[Person]:
    persons: list[Person] = []
    z = gen.zipf
    drawers: dict[tuple[str, str], Drawer] = {}

    def draw(kind: str, nat: str, pool: list[str]) -> str:
        key = (kind, nat)
        if key not in drawers:
            drawers[key] = Drawer(pool, z[kind], seed=len(drawers) + 11)
        return drawers[key](rng)

    for pid in range(n_persons):
        r = rng.random()
        nat = "AZ" if r < 0.5 else "UZ" if r < 0.8 else "KE" if r < 0.9 else "NP"
        given_pool, fam_pool = {
            "AZ": (pools.az_given, pools.az_family),
            "UZ": (pools.uz_given, pools.uz_family),
            "KE": (pools.ke_given, pools.ke_family),
            "NP": (pools.np_given, pools.np_family),
        }[nat]
        places = pools.az_places if nat == "AZ" else pools.other_places[nat]
        if gen.name == "v1":  # the original draws, kept call for call (same random stream)
            given, family, father = rng.choice(given_pool), rng.choice(fam_pool), rng.choice(given_pool)
            mother = rng.choice(pools.female[nat])
            year = rng.randint(*gen.years)
            home = rng.choice(places) if places else None
            abroad = rng.choice(pools.ru_cities)
        else:
            given, family, father = draw("given", nat, given_pool), draw("family", nat, fam_pool), draw("given", nat, given_pool)
            mother = draw("mother", nat, pools.female[nat])
            year = min(gen.years[1], max(gen.years[0], round(rng.gauss(gen.year_mean, gen.year_sd))))
            home = draw("home", nat, places) if places else None
            abroad = draw("abroad", "RU", pools.ru_cities)
        p = Person(
            pid=pid,
            nat=nat,
            given=given,
            family=family,
            father=father,
            mother=mother,
            birth_year=year,
            sex="male",
            home=home,
            abroad=abroad,
            status=rng.choice(STATUSES),
        )
        p.salience = {f: gen.salience(f, rng) for f in ("birth_year", "home", "abroad", "mother", "patronymic")}
        if persons and rng.random() < gen.planted_namesakes:  # a namesake: same full name, someone else
            other = rng.choice(persons)
            p.nat, p.given, p.family = other.nat, other.given, other.family
        elif persons and rng.random() < 0.05:  # a brother: same surname, father, mother, home
            other = rng.choice(persons)
            p.nat, p.family, p.father, p.mother, p.home = other.nat, other.family, other.father, other.mother, other.home
            p.birth_year = other.birth_year + rng.choice([-6, -4, -3, 3, 4, 6])
        elif persons and rng.random() < 0.03:  # a father: same surname, 25 years older
            son = rng.choice(persons)
            p.nat, p.family, p.given, p.home = son.nat, son.family, son.father, son.home
            p.birth_year = son.birth_year - rng.randint(22, 32)
        persons.append(p)
    return persons


def spell_name(p: Person, rng: random.Random, gen: Generator = GENERATORS["v1"]) -> tuple[str, str | None, str]:
    """(written name, patronymic or None, lang) of one mention."""
    az = p.nat == "AZ"
    script = rng.random()
    given, family, father = p.given, p.family, p.father
    if script < 0.45:  # Russian outlet
        lang = "ru"
        given, family, father = (to_russian(w, rng, az) for w in (given, family, father))
        if rng.random() < 0.15:
            given, family = russian_case(given, False, rng), russian_case(family, True, rng)
        marker = "оглы" if az else None
    else:
        lang = "az" if az and script < 0.7 else "en"
        if az and lang == "en":
            given, family, father = (az_to_en(w, rng) for w in (given, family, father))
        elif az and script < 0.75 and rng.random() < 0.3:  # diacritics dropped
            given, family, father = (_ascii(w) for w in (given, family, father))
        marker = "oğlu" if az else None
    if rng.random() < gen.typo_rate:
        given = typo(given, rng)
    if rng.random() < gen.typo_rate:
        family = typo(family, rng)
    if gen.name == "v1":
        patronymic = father if (az and rng.random() < p.salience["patronymic"] / 0.8) else None
    else:
        patronymic = father if (p.nat in gen.patronymic_nats and rng.random() < p.salience["patronymic"]) else None
    if patronymic and rng.random() < 0.6 and marker:
        words = [given, patronymic, marker, family] if rng.random() < 0.5 else [family, given, patronymic, marker]
        return " ".join(words), patronymic, lang
    words = [family, given] if rng.random() < 0.3 else [given, family]
    return " ".join(words), patronymic, lang


@dataclass(frozen=True)
class Observed:
    """What one generated mention truly says (for the ceiling oracle): the person and the facts given."""

    pid: int
    year: int | None
    year_from_age: bool
    home: bool
    abroad: bool
    mother: bool
    patronymic: bool
    citizenship: bool


def make_mention(p: Person, mid: str, rng: random.Random, gen: Generator = GENERATORS["v1"]):
    return make_observed_mention(p, mid, rng, gen)[0]


def make_observed_mention(p: Person, mid: str, rng: random.Random, gen: Generator = GENERATORS["v1"]):
    from soraq.link import Mention

    v1 = gen.name == "v1"
    name, patronymic, lang = spell_name(p, rng, gen)
    sal = p.salience
    year = p.birth_year if rng.random() < sal["birth_year"] else None
    age = None
    if year is not None and rng.random() < 0.25:
        year += rng.choice([-1, 0, 0, 1])  # derived from an age
        age = 2025 - year
    rus = lang == "ru"
    home = None
    if p.home and rng.random() < sal["home"]:
        home = to_russian(p.home, rng, p.nat == "AZ") if rus else p.home
    abroad = (p.abroad if rus else ru_to_latin(p.abroad)) if rng.random() < sal["abroad"] else None
    mother = None
    if rng.random() < sal["mother"] * (0.5 if v1 else 1.0):
        mother = to_russian(p.mother, rng, p.nat == "AZ") if rus else p.mother
    if v1 and rng.random() >= 0.8:  # v1 dropped a fifth of the patronymics here
        patronymic = None
    sex = "male" if rng.random() < gen.presence["sex"] else None
    citizenship = p.nat if rng.random() < gen.presence["citizenship"] else None
    m = Mention(
        mention_id=mid,
        name=name,
        patronymic=patronymic,
        sex=sex,
        birth_year=year,
        age=age,
        citizenship=citizenship,
        home=home,
        location_abroad=abroad,
        lang=lang,
        relatives=[("mother", mother)] if mother else [],
        status=p.status if rng.random() < 0.8 else rng.choice(STATUSES),
    )
    obs = Observed(p.pid, year, age is not None, home is not None, abroad is not None, mother is not None,
                   patronymic is not None, citizenship is not None)
    return m, obs


def generate(n: int, seed: int = 1, generator: str = "v1"):
    """N mentions, their true person ids, the persons, the random stream, and what each mention says."""
    gen = GENERATORS[generator]
    rng = random.Random(seed)
    pools = build_pools()
    persons = make_persons(max(2, int(n / 2.5)), pools, rng, gen)
    mentions, truth, observed = [], [], []
    doc = 0
    while len(mentions) < n:
        p = rng.choice(persons)
        m, obs = make_observed_mention(p, f"doc{doc}#0", rng, gen)
        mentions.append(m)
        observed.append(obs)
        truth.append(p.pid)
        doc += 1
    return mentions, truth, persons, rng, observed


# ---------------------------------------------------------------------------- the ceiling


FACTS = ("year", "home", "abroad", "mother", "patronymic")


class Oracle:
    """An oracle that knows the generated persons but not which person wrote each mention.

    It knows every person's true name (so spellings, typos and case forms cost it nothing),
    nationality, birth year, home, place abroad, mother and father. For one mention, the
    *candidates* are the persons of the same true name whose facts agree with every fact the
    mention gives (a birth year derived from an age within one year). Knowing nothing more,
    it takes each candidate as equally likely to have been reported (every person is
    reported at the same rate in the generator), so two mentions are one person with
    probability |Ci ∩ Cj| / (|Ci| |Cj|). Ranking every pair by that probability and merging
    from the top while the merged pairs stay ≥ 98 % true gives the best pairwise recall any
    linker reaches at precision 0.98 with the information the mentions carry: the ceiling.
    It is an upper bound: the oracle also separates names a linker cannot (two different
    names that fold alike) and ignores that clusters must be transitive.
    """

    BINS = 1000

    def __init__(self, persons: list, observed: list, truth: list[int], max_mentions: int | None = None, seed: int = 3):
        import numpy as np

        self.np = np
        by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
        for p in persons:
            by_name[(p.given, p.family)].append(p.pid)
        ments: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, pid in enumerate(truth):
            p = persons[pid]
            ments[(p.given, p.family)].append(i)
        keys = sorted(ments)
        if max_mentions is not None and len(truth) > max_mentions:  # a random sample of whole name groups
            random.Random(seed).shuffle(keys)
            kept, total = [], 0
            for k in keys:
                if total >= max_mentions:
                    break
                kept.append(k)
                total += len(ments[k])
            keys = kept
        self.sampled_mentions = sum(len(ments[k]) for k in keys)
        self.true_hist = np.zeros(self.BINS + 1)
        self.all_hist = np.zeros(self.BINS + 1)
        self.rows: dict[int, tuple[int, int]] = {}  # mention -> (group, signature row)
        self.groups: list = []
        codes: dict[str, int] = {}

        def code(v) -> int:
            return codes.setdefault(str(v), len(codes))

        for key in keys:
            pids = by_name[key]
            mids = ments[key]
            P = np.array(pids)
            pq = [persons[q] for q in pids]
            attr = {
                "nat": np.array([code(q.nat) for q in pq]),
                "year": np.array([q.birth_year for q in pq]),
                "home": np.array([code(q.home) for q in pq]),
                "abroad": np.array([code(q.abroad) for q in pq]),
                "mother": np.array([code(q.mother) for q in pq]),
                "patronymic": np.array([code(q.father) for q in pq]),
            }
            M = np.ones((len(mids), len(pids)), dtype=bool)
            for r, i in enumerate(mids):
                o = observed[i]
                p = persons[o.pid]
                row = M[r]
                if o.citizenship:
                    row &= attr["nat"] == code(p.nat)
                if o.year is not None:
                    row &= np.abs(attr["year"] - o.year) <= (1 if o.year_from_age else 0)
                if o.home:
                    row &= attr["home"] == code(p.home)
                if o.abroad:
                    row &= attr["abroad"] == code(p.abroad)
                if o.mother:
                    row &= attr["mother"] == code(p.mother)
                if o.patronymic:
                    row &= attr["patronymic"] == code(p.father)
            sigs, inverse = np.unique(M, axis=0, return_inverse=True)
            inverse = inverse.reshape(-1)
            owner = np.searchsorted(P, [truth[i] for i in mids])  # P is in pid order
            C = np.zeros((len(sigs), len(pids)))
            np.add.at(C, (inverse, owner), 1)
            n = C.sum(axis=1)
            size = sigs.sum(axis=1).astype(float)
            S = sigs.astype(float)
            post = (S @ S.T) / np.outer(size, size)
            trues = C @ C.T
            totals = np.outer(n, n)
            np.fill_diagonal(trues, ((C * C).sum(axis=1) - n) / 2)
            np.fill_diagonal(totals, n * (n - 1) / 2)
            iu = np.triu_indices(len(sigs))
            pv, tv, av = post[iu], trues[iu], totals[iu]
            keep = pv > 0
            b = np.minimum((pv[keep] * self.BINS).astype(int), self.BINS)
            self.true_hist += np.bincount(b, weights=tv[keep], minlength=self.BINS + 1)
            self.all_hist += np.bincount(b, weights=av[keep], minlength=self.BINS + 1)
            g = len(self.groups)
            self.groups.append((sigs, size))
            for r, i in enumerate(mids):
                self.rows[i] = (g, int(inverse[r]))
        self.true_pairs = float(sum(c * (c - 1) / 2 for c in Counter(truth[i] for k in keys for i in ments[k]).values()))

    def posterior(self, i: int, j: int) -> float:
        """The oracle's probability that mentions i and j are one person (0 for different true names)."""
        gi, gj = self.rows.get(i), self.rows.get(j)
        if gi is None or gj is None or gi[0] != gj[0]:
            return 0.0
        sigs, size = self.groups[gi[0]]
        inter = int(self.np.count_nonzero(sigs[gi[1]] & sigs[gj[1]]))
        return inter / (size[gi[1]] * size[gj[1]])

    def ceiling(self, precision: float = 0.98) -> dict:
        """Best pairwise recall at ``precision``, and the share of true pairs the oracle itself doubts."""
        tp = pp = 0.0
        for b in range(self.BINS, -1, -1):
            t, a = self.true_hist[b], self.all_hist[b]
            if a == 0:
                continue
            if (tp + t) / (pp + a) >= precision:
                tp, pp = tp + t, pp + a
                continue
            # part of this bin (pairs of equal posterior): as much as keeps the precision
            f = max(0.0, (tp - precision * pp) / (precision * a - t)) if precision * a > t else 1.0
            tp, pp = tp + f * t, pp + f * a
            break
        doubtful = float(self.true_hist[: int(precision * self.BINS)].sum())
        return {
            "ceiling_recall": round(tp / self.true_pairs, 4) if self.true_pairs else 1.0,
            "ceiling_precision": round(tp / pp, 4) if pp else 1.0,
            "true_pairs_oracle_doubts": round(1 - (self.true_hist.sum() - doubtful) / self.true_pairs, 4) if self.true_pairs else 0.0,
            "ceiling_sample_mentions": self.sampled_mentions,
        }


def given_facts(o) -> set[str]:
    return {f for f, v in (("year", o.year is not None), ("home", o.home), ("abroad", o.abroad),
                           ("mother", o.mother), ("patronymic", o.patronymic)) if v}


def facts_agree(pa, pb, fact: str, oa, ob) -> bool:
    """The two persons' true values of a fact both mentions give coincide."""
    if fact == "year":
        return abs(oa.year - ob.year) <= (1 if (oa.year_from_age or ob.year_from_age) else 0)
    attr = {"home": "home", "abroad": "abroad", "mother": "mother", "patronymic": "father"}[fact]
    return getattr(pa, attr) == getattr(pb, attr)


def classify(i: int, j: int, mentions, observed, persons, oracle: Oracle, precision: float = 0.98) -> tuple[str, bool, bool]:
    """(evidence class, spelled differently, the oracle separates it) of one pair of mentions."""
    from soraq.names import fold

    oi, oj = observed[i], observed[j]
    pi, pj = persons[oi.pid], persons[oj.pid]
    spelled = sorted(fold(mentions[i].name).split()) != sorted(fold(mentions[j].name).split())
    fi, fj = given_facts(oi), given_facts(oj)
    post = oracle.posterior(i, j)
    same = oi.pid == oj.pid
    separable = post >= precision if same else post < 1 - precision
    if not fi and not fj:
        return "both name-only", spelled, separable
    shared = fi & fj
    if not shared:
        return "facts, none in common", spelled, separable
    agreeing = [f for f in shared if facts_agree(pi, pj, f, oi, oj)]
    if len(agreeing) < len(shared):
        return "a fact disagrees", spelled, separable
    if same:
        return ("shared fact no namesake shares" if post >= precision else "shared fact a namesake also has"), spelled, separable
    return "shared fact (coincidence)", spelled, separable


def error_analysis(clusters, truth, mentions, observed, persons, oracle: Oracle, max_pairs: int = 200_000, seed: int = 5) -> dict:
    """Missed true pairs and false merged pairs, by the evidence their two mentions carry."""
    cluster_of = {}
    for k, c in enumerate(clusters):
        for i in c:
            cluster_of[i] = k
    sampled = oracle.rows
    by_person = defaultdict(list)
    for i in sampled:
        by_person[truth[i]].append(i)
    missed = [(i, j) for ms in by_person.values() for i, j in combinations(ms, 2) if cluster_of[i] != cluster_of[j]]
    false = []
    for c in clusters:
        inside = [i for i in c if i in sampled]
        false.extend((i, j) for i, j in combinations(inside, 2) if truth[i] != truth[j])
    rng = random.Random(seed)
    out = {}
    for label, pairs in (("missed", missed), ("false", false)):
        if len(pairs) > max_pairs:
            pairs = rng.sample(pairs, max_pairs)
        kinds: Counter[str] = Counter()
        spelled = separable = 0
        for i, j in pairs:
            kind, sp, sep = classify(i, j, mentions, observed, persons, oracle)
            kinds[kind] += 1
            spelled += sp
            separable += sep
        n = max(1, len(pairs))
        out[label] = {
            "pairs": len(pairs),
            "kinds": {k: round(v / n, 3) for k, v in kinds.most_common()},
            "spelled_differently": round(spelled / n, 3),
            "oracle_separates": round(separable / n, 3),
        }
    return out


# ---------------------------------------------------------------------------- scoring


def pair_counts(clusters: list[list[int]], truth: list[int]) -> tuple[int, int, int]:
    """(true positive pairs, predicted pairs, true pairs)."""
    pred_pairs = sum(len(c) * (len(c) - 1) // 2 for c in clusters)
    true_sizes = Counter(truth)
    true_pairs = sum(s * (s - 1) // 2 for s in true_sizes.values())
    tp = 0
    for c in clusters:
        for s in Counter(truth[i] for i in c).values():
            tp += s * (s - 1) // 2
    return tp, pred_pairs, true_pairs


def prf(tp: int, pred: int, true: int) -> tuple[float, float]:
    return (tp / pred if pred else 1.0), (tp / true if true else 1.0)


def baseline(mentions, truth, sample: int, rng: random.Random) -> dict:
    """Plain rapidfuzz over every pair of a sample, names only, no blocking."""
    from rapidfuzz.fuzz import token_sort_ratio

    from soraq.names import fold

    idx = rng.sample(range(len(mentions)), min(sample, len(mentions)))
    names = [fold(mentions[i].name) for i in idx]
    parent = list(range(len(idx)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    t0 = time.perf_counter()
    n_pairs = 0
    for a, b in combinations(range(len(idx)), 2):
        n_pairs += 1
        if token_sort_ratio(names[a], names[b]) >= 90:
            parent[find(a)] = find(b)
    dt = time.perf_counter() - t0
    groups = defaultdict(list)
    for k in range(len(idx)):
        groups[find(k)].append(k)
    sub_truth = [truth[i] for i in idx]
    tp, pp, tt = pair_counts(list(groups.values()), sub_truth)
    p, r = prf(tp, pp, tt)
    total_pairs = len(mentions) * (len(mentions) - 1) / 2
    return {
        "sample": len(idx),
        "seconds_per_pair": dt / n_pairs,
        "projected_seconds": dt / n_pairs * total_pairs,
        "precision": p,
        "recall": r,
        "sample_ids": idx,
    }


def run_one(n: int, engine: str, queries: int, sample: int, generator: str = "v1", analyse: bool = True) -> dict:
    from soraq.link import Mention, link_mentions
    from soraq.link.search import CandidateIndex

    t0 = time.perf_counter()
    mentions, truth, persons, rng, observed = generate(n, generator=generator)
    gen_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    result = link_mentions(mentions, engine=engine)
    link_s = time.perf_counter() - t0
    link_cpu_s = time.process_time() - c0  # on a shared machine, CPU time says more than wall time
    pos = {m.mention_id: i for i, m in enumerate(mentions)}
    clusters = [[pos[x] for x in c] for c in result.clusters]
    tp, pp, tt = pair_counts(clusters, truth)
    precision, recall = prf(tp, pp, tt)
    peak_link_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # online match: fresh spellings of known persons against every linked mention
    t0 = time.perf_counter()
    index = CandidateIndex(mentions)
    index_s = time.perf_counter() - t0
    latencies = []
    hits = 0
    seen_pids = sorted(set(truth))
    for q in range(queries):
        pid = rng.choice(seen_pids)
        query: Mention = make_mention(persons[pid], f"query{q}", rng, GENERATORS[generator])
        t1 = time.perf_counter()
        res = index.match(query, limit=5)
        latencies.append(time.perf_counter() - t1)
        if res and truth[pos[res[0].b_id]] == pid:
            hits += 1
    latencies.sort()

    base = baseline(mentions, truth, sample, rng)
    sample_ids = base.pop("sample_ids")
    cluster_of = {}
    for k, c in enumerate(clusters):
        for i in c:
            cluster_of[i] = k
    sub = defaultdict(list)
    for k, i in enumerate(sample_ids):
        sub[cluster_of[i]].append(k)
    stp, spp, stt = pair_counts(list(sub.values()), [truth[i] for i in sample_ids])
    sp, sr = prf(stp, spp, stt)
    named = Counter((persons[pid].nat, persons[pid].given, persons[pid].family) for pid in set(truth))
    namesake_rate = sum(c for c in named.values() if c > 1) / max(1, len(set(truth)))
    analysis = {}
    if analyse:
        t0 = time.perf_counter()
        oracle = Oracle(persons, observed, truth, max_mentions=150_000 if n > 200_000 else None)
        analysis = oracle.ceiling()
        analysis["errors"] = error_analysis(clusters, truth, mentions, observed, persons, oracle)
        analysis["analysis_s"] = round(time.perf_counter() - t0, 1)
    return {
        "n": n,
        "generator": generator,
        "load_average": round(os.getloadavg()[0], 1),
        "engine": engine,
        "persons": len(set(truth)),
        "persons_with_namesake": round(namesake_rate, 3),
        "generate_s": round(gen_s, 1),
        "link_s": round(link_s, 1),
        "link_cpu_s": round(link_cpu_s, 1),
        "candidate_pairs": len(result.pairs),
        "review_pairs": sum(1 for p in result.pairs if p.decision == "review"),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "peak_rss_mb": round(peak_link_mb),
        "index_s": round(index_s, 1),
        "match_p50_ms": round(latencies[len(latencies) // 2] * 1000, 2),
        "match_p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2),
        "match_top1_accuracy": round(hits / max(1, queries), 3),
        "baseline_sample": base["sample"],
        "baseline_projected_s": round(base["projected_seconds"], 1),
        "baseline_precision_on_sample": round(base["precision"], 4),
        "baseline_recall_on_sample": round(base["recall"], 4),
        "ours_precision_on_sample": round(sp, 4),
        "ours_recall_on_sample": round(sr, 4),
        "speedup_vs_baseline": round(base["projected_seconds"] / max(link_s, 1e-9), 1),
        **analysis,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="number of mentions (repeatable)")
    ap.add_argument("--engine", default="duckdb", choices=("duckdb", "python", "spark"))
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--baseline-sample", type=int, default=2000)
    ap.add_argument("--generator", default="v2", choices=sorted(GENERATORS),
                    help="v2: calibrated to the gold (default); v1: the original, for comparable figures")
    ap.add_argument("--no-analysis", action="store_true", help="skip the ceiling and error analysis")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.engine, args.queries, args.baseline_sample, args.generator, not args.no_analysis)))
        return 0
    for n in args.n or [10_000]:
        cmd = [sys.executable, __file__, "--one", str(n), "--engine", args.engine, "--queries", str(args.queries),
               "--baseline-sample", str(args.baseline_sample), "--generator", args.generator]
        if args.no_analysis:
            cmd.append("--no-analysis")
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr[-2000:], file=sys.stderr)
            return out.returncode
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(json.dumps(row))
        print(
            f"[{row['generator']}, load {row['load_average']}] N={n:,} ({row['persons']:,} persons, {row['persons_with_namesake']:.0%} with a namesake): link {row['link_s']} s (CPU {row.get('link_cpu_s')} s; {row['candidate_pairs']:,} pairs), peak RSS {row['peak_rss_mb']} MB, "
            f"P {row['precision']:.3f} R {row['recall']:.3f}; match p50 {row['match_p50_ms']} ms "
            f"p99 {row['match_p99_ms']} ms; baseline (rapidfuzz, all pairs) would take "
            f"{row['baseline_projected_s']:,} s = {row['speedup_vs_baseline']}x ours, "
            f"P {row['baseline_precision_on_sample']:.3f} R {row['baseline_recall_on_sample']:.3f} on a "
            f"{row['baseline_sample']:,} sample vs ours P {row['ours_precision_on_sample']:.3f} "
            f"R {row['ours_recall_on_sample']:.3f}",
            file=sys.stderr,
        )
        if "ceiling_recall" in row:
            print(
                f"ceiling: no linker reaches recall above {row['ceiling_recall']:.3f} at precision 0.98 with the "
                f"information given ({row['true_pairs_oracle_doubts']:.1%} of true pairs are, on their own, more "
                f"than 2 % likely to be two namesakes; sample of {row['ceiling_sample_mentions']:,} mentions)",
                file=sys.stderr,
            )
            for label, e in row["errors"].items():
                kinds = ", ".join(f"{k} {v:.0%}" for k, v in e["kinds"].items())
                print(f"  {label} pairs ({e['pairs']:,}): {kinds}; spelled differently {e['spelled_differently']:.0%}; "
                      f"the oracle separates {e['oracle_separates']:.0%}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
