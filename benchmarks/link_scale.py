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

How realistic the generator is (checked, and left unchanged so that figures stay comparable
across versions; see docs/linking.md, "The benchmark's realism"):

* namesakes: names are drawn uniformly from Faker's pools (a few hundred given names and
  surnames per nationality) and 8 % of persons are given another person's full name. The
  share of persons who share their full name with another person is printed per run
  ("persons_with_namesake": ~0.15 at 10k mentions, ~0.2 at 100k, ~0.5 at 1M). Real
  Azerbaijani and Uzbek naming is far more concentrated (the commonest surnames cover a
  third of men, a common given name 1-3 %): the chance that two random men share a full name
  is ~1e-4 (the model's u), against ~4e-6 for uniform pools of this size, so a real registry
  of this size would hold *more* namesakes, not fewer. Uniform pools do not make the
  benchmark harder than reality; they make it easier for common names and harder for rare
  ones (no long tail of rare names for the name-frequency adjustment to use);
* relatives sharing a surname: 5 % brothers, 3 % fathers; typos: 5 % per name word; birth
  year given by 25-85 % of a person's reports, a quarter derived from an age: the
  proportions the project's reports show (a name with a year in most stories, typos rare
  since outlets copy one another).
"""

from __future__ import annotations

import argparse
import json
import math
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


def make_persons(n_persons: int, pools: Pools, rng: random.Random) -> list[Person]:
    persons: list[Person] = []
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
        p = Person(
            pid=pid,
            nat=nat,
            given=rng.choice(given_pool),
            family=rng.choice(fam_pool),
            father=rng.choice(given_pool),
            mother=rng.choice(pools.female[nat]),
            birth_year=rng.randint(1965, 2004),
            sex="male",
            home=rng.choice(places) if places else None,
            abroad=rng.choice(pools.ru_cities),
            status=rng.choice(STATUSES),
        )
        p.salience = {f: rng.choice([0.85, 0.25]) for f in ("birth_year", "home", "abroad", "mother", "patronymic")}
        if persons and rng.random() < 0.08:  # a namesake: same full name, someone else
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


def spell_name(p: Person, rng: random.Random) -> tuple[str, str | None, str]:
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
    if rng.random() < 0.05:
        given = typo(given, rng)
    if rng.random() < 0.05:
        family = typo(family, rng)
    patronymic = father if (az and rng.random() < p.salience["patronymic"] * 0.6) else None
    if patronymic and rng.random() < 0.6 and marker:
        words = [given, patronymic, marker, family] if rng.random() < 0.5 else [family, given, patronymic, marker]
        return " ".join(words), patronymic, lang
    words = [family, given] if rng.random() < 0.3 else [given, family]
    return " ".join(words), patronymic, lang


def make_mention(p: Person, mid: str, rng: random.Random):
    from soraq.link import Mention

    name, patronymic, lang = spell_name(p, rng)
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
    if rng.random() < sal["mother"] * 0.5:
        mother = to_russian(p.mother, rng, p.nat == "AZ") if rus else p.mother
    return Mention(
        mention_id=mid,
        name=name,
        patronymic=patronymic if rng.random() < 0.8 else None,
        sex="male" if rng.random() < 0.6 else None,
        birth_year=year,
        age=age,
        citizenship=p.nat if rng.random() < 0.9 else None,
        home=home,
        location_abroad=abroad,
        lang=lang,
        relatives=[("mother", mother)] if mother else [],
        status=p.status if rng.random() < 0.8 else rng.choice(STATUSES),
    )


def generate(n: int, seed: int = 1):
    """N mentions and their true person ids."""
    rng = random.Random(seed)
    pools = build_pools()
    persons = make_persons(max(2, int(n / 2.5)), pools, rng)
    mentions, truth = [], []
    doc = 0
    while len(mentions) < n:
        p = rng.choice(persons)
        mentions.append(make_mention(p, f"doc{doc}#0", rng))
        truth.append(p.pid)
        doc += 1
    return mentions, truth, persons, rng


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


def run_one(n: int, engine: str, queries: int, sample: int) -> dict:
    from soraq.link import Mention, link_mentions
    from soraq.link.search import CandidateIndex

    t0 = time.perf_counter()
    mentions, truth, persons, rng = generate(n)
    gen_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = link_mentions(mentions, engine=engine)
    link_s = time.perf_counter() - t0
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
        query: Mention = make_mention(persons[pid], f"query{q}", rng)
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
    return {
        "n": n,
        "engine": engine,
        "persons": len(set(truth)),
        "persons_with_namesake": round(namesake_rate, 3),
        "generate_s": round(gen_s, 1),
        "link_s": round(link_s, 1),
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
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="number of mentions (repeatable)")
    ap.add_argument("--engine", default="duckdb", choices=("duckdb", "python", "spark"))
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--baseline-sample", type=int, default=2000)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.engine, args.queries, args.baseline_sample)))
        return 0
    for n in args.n or [10_000]:
        cmd = [sys.executable, __file__, "--one", str(n), "--engine", args.engine, "--queries", str(args.queries),
               "--baseline-sample", str(args.baseline_sample)]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr[-2000:], file=sys.stderr)
            return out.returncode
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(json.dumps(row))
        print(
            f"N={n:,} ({row['persons']:,} persons, {row['persons_with_namesake']:.0%} with a namesake): link {row['link_s']} s ({row['candidate_pairs']:,} pairs), peak RSS {row['peak_rss_mb']} MB, "
            f"P {row['precision']:.3f} R {row['recall']:.3f}; match p50 {row['match_p50_ms']} ms "
            f"p99 {row['match_p99_ms']} ms; baseline (rapidfuzz, all pairs) would take "
            f"{row['baseline_projected_s']:,} s = {row['speedup_vs_baseline']}x ours, "
            f"P {row['baseline_precision_on_sample']:.3f} R {row['baseline_recall_on_sample']:.3f} on a "
            f"{row['baseline_sample']:,} sample vs ours P {row['ours_precision_on_sample']:.3f} "
            f"R {row['ours_recall_on_sample']:.3f}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
