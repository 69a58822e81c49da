"""Ingest at scale: throughput of pre-filter + extraction, single process vs Spark, and dedupe quality.

Usage::

    .venv/bin/python benchmarks/ingest_speed.py              # 100k documents (slow on 2 cores)
    .venv/bin/python benchmarks/ingest_speed.py --n 20000    # scaled down
    .venv/bin/python benchmarks/ingest_speed.py --n 5000 --no-spark --json out.json

Everything is synthetic and generated here (Faker names and places; no real
people): N news documents, about 1 in 200 relevant (built from templates
describing coerced recruitment in English and Russian), the rest ordinary
news (sports, weather, economy, local courts) including hard negatives that
mention the army or prisoners without being about coerced foreigners.

Measured, all in the same run so the figures compare:

1. single process: documents/s through ``is_relevant_fast`` over all N, and
   through ``extract_text`` over the ones that pass; the combined rate;
   pre-filter recall/precision against the generator's labels;
2. Spark local mode (``local[2]``) through ``soraq.ingest.spark.run_archive``
   on the same documents written as a JSON-lines archive: total time including
   session start, and the rate excluding start-up; ratio against (1);
3. ``NearDuplicateIndex``: precision and recall of near-duplicate detection on
   syndicated copies with light and heavy edits vs unrelated documents on the
   same topic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

RELEVANT_EVERY = 200

EN_RELEVANT = [
    "{name}, a {age}-year-old citizen of {country} from {home}, was detained in {city} over expired "
    "documents and made to sign a contract with the Russian army, his {relative} said. The family has had "
    "no news since {month}. Relatives have appealed to the embassy for help.",
    "The family of {name}, a labour migrant from {country}, says he was recruited by deception: he was "
    "promised a job at a construction site near {city} but was sent to the front. He last called home in "
    "{month}. Lawyers say dozens of foreign workers were forced into the Russian army the same way.",
    "{name}, born in {year}, went to Russia to work in {city}. Police detained him at a market, threatened "
    "him with prison and forced him to sign military papers he could not read. His {relative} in {home} "
    "asks the authorities of {country} to bring him back.",
]
RU_RELEVANT = [
    "{name}, гражданин {country_ru}, {year} года рождения, был задержан в городе {city} из-за просроченной "
    "регистрации. Под угрозой тюрьмы его заставили подписать контракт с Минобороны России. С {month_ru} "
    "связи с ним нет, сообщили родственники.",
    "Трудового мигранта {name} из {home} обманом завербовали в российскую армию: ему обещали работу на "
    "стройке в городе {city}, а отправили на фронт. Семья обратилась в посольство.",
]
EN_OTHER = [
    "{team} beat {team2} {score} on {weekday} in front of {crowd} fans. Coach {name} praised the defence "
    "and said the club would keep its young players for the rest of the season.",
    "Forecasters expect heavy rain in {city} on {weekday}, with temperatures of around {temp} degrees. "
    "Residents of {home} are advised to avoid low-lying roads near the river.",
    "The central bank kept its key rate at {rate} per cent, citing slowing inflation. Analysts at {company} "
    "said a cut was possible in {month} if prices keep easing.",
    "A court in {city} sentenced {name} to {years} years for fraud involving the sale of apartments. "
    "Prosecutors said {crowd} buyers lost their savings.",
    "Ukraine and Russia exchanged prisoners of war on {weekday}, with {crowd} soldiers returning on each "
    "side, officials said. The exchange was mediated by the United Arab Emirates.",
    "Russian volunteer {name}, {age}, from {city} was killed in the war, the regional governor said, "
    "and will be buried on {weekday} with military honours.",
    "Migrants queued for hours at the {city} migration centre to renew work permits, as new rules on "
    "registration came into force on {weekday}. Officials promised to add more staff.",
]
RU_OTHER = [
    "Команда {team} обыграла {team2} со счётом {score}. Тренер {name} отметил игру защиты.",
    "В городе {city} в {weekday_ru} ожидается сильный дождь, температура около {temp} градусов.",
    "Центробанк сохранил ключевую ставку на уровне {rate}%. Аналитики {company} ждут снижения в {month_ru}.",
    "Суд в городе {city} приговорил {name} к {years} годам за мошенничество с квартирами.",
]
COUNTRIES = [("Azerbaijan", "Азербайджана"), ("Uzbekistan", "Узбекистана"), ("Tajikistan", "Таджикистана"),
             ("Kyrgyzstan", "Киргизии"), ("Nepal", "Непала"), ("India", "Индии"), ("Cuba", "Кубы")]
MONTHS = [("January", "января"), ("March", "марта"), ("May", "мая"), ("August", "августа"),
          ("October", "октября")]
WEEKDAYS = [("Monday", "понедельник"), ("Wednesday", "среду"), ("Friday", "пятницу"), ("Sunday", "воскресенье")]
RELATIVES = ["brother", "mother", "wife", "sister", "father"]


class Generator:
    """Synthetic news with Faker names and places (pools drawn once: generating stays fast)."""

    def __init__(self, seed: int = 7) -> None:
        from faker import Faker

        self.rng = random.Random(seed)
        fakers = {loc: Faker(loc) for loc in ("en_US", "ru_RU", "az_AZ", "uz_UZ", "ne_NP", "en_IN")}
        for index, fake in enumerate(fakers.values()):
            fake.seed_instance(seed + index)
        migrant = [f for loc, f in fakers.items() if loc != "en_US"]
        self.migrant_names = [self.rng.choice(migrant).name() for _ in range(3000)]
        self.names = [fakers["en_US"].name() for _ in range(2000)] + [fakers["ru_RU"].name() for _ in range(2000)]
        self.cities = [fakers["ru_RU"].city() for _ in range(300)]
        self.homes = [fakers["az_AZ"].city() for _ in range(150)] + [fakers["en_US"].city() for _ in range(150)]
        self.companies = [fakers["en_US"].company() for _ in range(200)]
        self.teams = [f"{c} {s}" for c in self.cities[:60] for s in ("United", "Dynamo")]

    def _fill(self, template: str) -> str:
        r = self.rng
        country, country_ru = r.choice(COUNTRIES)
        month, month_ru = r.choice(MONTHS)
        weekday, weekday_ru = r.choice(WEEKDAYS)
        return template.format(
            name=r.choice(self.migrant_names if "{country" in template or "мигрант" in template else self.names),
            age=r.randint(19, 58), year=r.randint(1966, 2005), country=country, country_ru=country_ru,
            home=r.choice(self.homes), city=r.choice(self.cities), relative=r.choice(RELATIVES),
            month=month, month_ru=month_ru, weekday=weekday, weekday_ru=weekday_ru,
            team=r.choice(self.teams), team2=r.choice(self.teams), score=f"{r.randint(0, 4)}-{r.randint(0, 4)}",
            crowd=r.randint(20, 40000), temp=r.randint(-10, 35), rate=r.choice(["16", "18.5", "21"]),
            company=r.choice(self.companies), years=r.randint(2, 12),
        )

    def document(self, relevant: bool) -> str:
        russian = self.rng.random() < 0.4
        pool = (RU_RELEVANT if russian else EN_RELEVANT) if relevant else (RU_OTHER if russian else EN_OTHER)
        sentences = [self._fill(self.rng.choice(pool))]
        if not relevant:  # ordinary articles are longer: pad with more ordinary news
            sentences += [self._fill(self.rng.choice(RU_OTHER if russian else EN_OTHER))
                          for _ in range(self.rng.randint(1, 3))]
        return " ".join(sentences)

    def corpus(self, n: int) -> list[tuple[str, str, bool]]:
        """``(doc_id, text, relevant)``; every RELEVANT_EVERY-th document (on average) is relevant."""
        docs = []
        for i in range(n):
            relevant = self.rng.random() < 1 / RELEVANT_EVERY
            docs.append((f"doc{i:07d}", self.document(relevant), relevant))
        return docs


def single_process(docs: list[tuple[str, str, bool]]) -> dict[str, float]:
    from soraq.extract import extract_text, is_relevant_fast

    is_relevant_fast("warm-up")
    start = time.perf_counter()
    passed = [(d, t, rel) for d, t, rel in docs if is_relevant_fast(t)]
    filter_s = time.perf_counter() - start
    true_pos = sum(rel for _, _, rel in passed)
    all_pos = sum(rel for _, _, rel in docs)
    try:
        extract_text(passed[0][1], "warm-up") if passed else None  # models load before timing
    except Exception:  # noqa: BLE001, S110 - failures are counted in the timed loop
        pass
    start = time.perf_counter()
    failed = 0
    for doc_id, text, _ in passed:
        try:
            extract_text(text, doc_id)
        except Exception:  # noqa: BLE001 - counted, the benchmark goes on
            failed += 1
    extract_s = time.perf_counter() - start
    return {
        "documents": len(docs), "passed_filter": len(passed),
        "filter_docs_per_s": round(len(docs) / filter_s, 1),
        "filter_recall": round(true_pos / all_pos, 3) if all_pos else None,
        "filter_precision": round(true_pos / len(passed), 3) if passed else None,
        "extract_docs_per_s": round(len(passed) / extract_s, 2) if passed and extract_s else None,
        "extract_failed": failed,
        "total_s": round(filter_s + extract_s, 2),
        "combined_docs_per_s": round(len(docs) / (filter_s + extract_s), 1),
    }


def spark_engine(docs: list[tuple[str, str, bool]], master: str, partitions: int) -> dict[str, float]:
    from soraq.ingest.spark import local_session, run_archive

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive.jsonl"
        with archive.open("w", encoding="utf-8") as handle:
            for doc_id, text, _ in docs:
                handle.write(json.dumps({"doc_id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        start = time.perf_counter()
        session = local_session(master, partitions)
        startup_s = time.perf_counter() - start
        try:
            stats = run_archive(archive, Path(tmp) / "out", spark=session, partitions=partitions)
        finally:
            session.stop()
    return {
        "master": master, "partitions": partitions, "startup_s": round(startup_s, 2),
        "run_s": stats.seconds, "extracted": stats.extracted, "failed": stats.failed,
        "filtered_out": stats.filtered_out,
        "docs_per_s_excluding_startup": round(len(docs) / stats.seconds, 1),
        "docs_per_s_including_startup": round(len(docs) / (stats.seconds + startup_s), 1),
    }


def _edit(rng: random.Random, text: str, share: float, vocabulary: list[str]) -> str:
    """A syndicated copy: new dateline, a share of words replaced or dropped, boilerplate added."""
    words = text.split()
    out = []
    for word in words:
        roll = rng.random()
        if roll < share / 2:
            out.append(rng.choice(vocabulary))
        elif roll < share:
            continue
        else:
            out.append(word)
    return f"{rng.choice(['MOSCOW', 'BAKU', 'TASHKENT'])} (Wire) - " + " ".join(out) + " Read more on our website."


THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
EDIT_SHARES = {"light_5pct": 0.05, "medium_10pct": 0.10, "heavy_15pct": 0.15}


def dedupe_quality(gen: Generator, originals: int) -> dict[str, object]:
    """Near-duplicate precision/recall at several thresholds (the index's default marked).

    A story is one relevant template paragraph plus 4-8 sentences of varied
    wording (Faker sentences over the templates' own vocabulary), so two
    different stories share a topic and some phrasing, as real reports on the
    same subject do. Each original gets one copy per edit level; negatives are
    other stories. Scores are collected once from an index at the lowest
    threshold, then precision/recall are computed per threshold.
    """
    from faker import Faker

    from soraq.ingest.dedupe import THRESHOLD, NearDuplicateIndex

    rng = random.Random(11)
    fake = Faker("en_US")
    fake.seed_instance(11)
    vocabulary = sorted({w.strip(".,:-") for t in EN_RELEVANT + EN_OTHER for w in t.split() if "{" not in w} - {""})

    def story() -> str:
        padding = [fake.sentence(nb_words=rng.randint(8, 16), ext_word_list=vocabulary)
                   for _ in range(rng.randint(4, 8))]
        paragraphs = [gen.document(True), *padding]
        rng.shuffle(paragraphs)
        return " ".join(paragraphs)

    index = NearDuplicateIndex(threshold=min(THRESHOLDS))
    texts = {f"orig{i}": story() for i in range(originals)}
    for doc_id, text in texts.items():
        index.add(doc_id, text)
    copy_scores: dict[str, list[dict[str, float]]] = {level: [] for level in EDIT_SHARES}
    for doc_id, text in texts.items():
        for level, share in EDIT_SHARES.items():
            copy_scores[level].append(({d: s for d, s in index.query(_edit(rng, text, share, vocabulary))}, doc_id))
    negatives = [dict(index.query(story())) for _ in range(originals * 2)]

    by_threshold = {}
    for t in THRESHOLDS:
        true_hits = false_hits = 0
        recall = {}
        for level, results in copy_scores.items():
            found = 0
            for scores, original in results:
                hits = {d for d, s in scores.items() if s >= t}
                found += original in hits
                false_hits += len(hits - {original})
            true_hits += found
            recall[f"recall_{level}"] = round(found / originals, 4)
        false_hits += sum(sum(s >= t for s in scores.values()) for scores in negatives)
        by_threshold[str(t)] = {
            "precision": round(true_hits / (true_hits + false_hits), 4) if true_hits + false_hits else None,
            **recall, "false_matches": false_hits,
        }
    return {"originals": originals, "copies_per_original": len(EDIT_SHARES),
            "unrelated_queries": len(negatives), "default_threshold": THRESHOLD, "by_threshold": by_threshold}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents for the throughput runs (default 100k)")
    parser.add_argument("--dedupe-n", type=int, default=500, help="original stories for the dedupe test")
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark engine")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    gen = Generator()
    start = time.perf_counter()
    docs = gen.corpus(args.n)
    results: dict[str, object] = {"generate_s": round(time.perf_counter() - start, 2),
                                  "relevant_generated": sum(r for _, _, r in docs)}
    print(f"generated {len(docs)} documents ({results['relevant_generated']} relevant) "
          f"in {results['generate_s']} s", file=sys.stderr)
    results["single_process"] = single_process(docs)
    print("single process:", results["single_process"], file=sys.stderr)
    if not args.no_spark:
        results["spark"] = spark_engine(docs, args.master, args.partitions)
        print("spark:", results["spark"], file=sys.stderr)
        single = results["single_process"]["total_s"]  # type: ignore[index]
        results["spark_vs_single_ratio_excluding_startup"] = round(single / results["spark"]["run_s"], 2)  # type: ignore[index]
    results["dedupe"] = dedupe_quality(gen, args.dedupe_n)
    print("dedupe:", results["dedupe"], file=sys.stderr)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
