"""Namesakes: two different men with one name, each reported several times in several scripts.

Each report of a person carries a few of his facts (birth year, father's name, home, city in
Russia, mother, situation); every report of a man shares one fact of identity (not his
situation, which changes) with his other reports, and the two men differ in every fact. Linking must never put the two men together
and should join each man's reports. All names and places are invented.
"""

from __future__ import annotations

import random
from itertools import combinations

from soraq.link import Mention, link_mentions

NAMES = [
    ("Zaur Qasımzadə", "Заур Гасымзаде", "Zaur Gasimzade"),
    ("Elnur Babaxanov", "Эльнур Бабаханов", "Elnur Babakhanov"),
    ("Oybek Nurmatov", "Ойбек Нурматов", "Oybek Nurmatov"),
    ("Ramil Həşimli", "Рамиль Гашимли", "Ramil Hashimli"),
]
FACTS = {
    "birth_year": ([1983, 1996], None),
    "patronymic": (["Telman", "Rafail"], ["Тельман", "Рафаил"]),
    "home": (["Zərdab", "Saatlı"], ["Зардаб", "Саатлы"]),
    "location_abroad": (["Tula", "Kazan"], ["Тула", "Казань"]),
    "mother": (["Xuraman", "Səbinə"], ["Хураман", "Сабина"]),
    "status": (["missing", "captured"], None),
}


def _mention(mid: str, spelling: str, person: int, facts: list[str], cyr: bool) -> Mention:
    kw: dict = {"citizenship": "AZ"}
    for f in facts:
        latin, cyrillic = FACTS[f]
        value = (cyrillic if (cyr and cyrillic) else latin)[person]
        if f == "mother":
            kw["relatives"] = [("mother", value)]
        else:
            kw[f] = value
    return Mention(mention_id=mid, name=spelling, **kw)


def _scenario(rng: random.Random, names: tuple[str, str, str]):
    mentions, truth = [], []
    doc = 0
    for person in (0, 1):
        n = rng.randint(2, 4)
        keys = list(FACTS)
        shared = rng.choice(keys[:-1])  # every report of this man carries one fact of identity
        for _ in range(n):
            facts = {shared} | set(rng.sample(keys, rng.randint(0, 2)))
            spelling_i = rng.randrange(3)
            m = _mention(f"d{doc}#0", names[spelling_i], person, sorted(facts), cyr=spelling_i == 1)
            mentions.append(m)
            truth.append(person)
            doc += 1
    return mentions, truth


def test_namesakes_never_merge_and_reports_join() -> None:
    rng = random.Random(20251125)
    tp = fp = fn = 0
    for trial in range(40):
        ms, truth = _scenario(rng, NAMES[trial % len(NAMES)])
        res = link_mentions(ms, engine="python")
        where = {mid: k for k, c in enumerate(res.clusters) for mid in c}
        for i, j in combinations(range(len(ms)), 2):
            same_true = truth[i] == truth[j]
            same_pred = where[ms[i].mention_id] == where[ms[j].mention_id]
            tp += same_true and same_pred
            fp += same_pred and not same_true
            fn += same_true and not same_pred
    assert fp == 0, f"{fp} false merges of namesakes"
    assert tp / (tp + fn) >= 0.9, (tp, fn)
