"""Batch scoring gives exactly the levels, weights and pairs of pair-by-pair scoring."""

from __future__ import annotations

import random

import numpy as np

from soraq.link import Mention, model
from soraq.link.api import score_candidates_python
from soraq.link.batch import SIGNATURES, candidate_arrays, labels_of, level_codes
from soraq.link.block import candidate_pairs
from soraq.link.score import levels, score_pair

GIVEN = ["Zaur", "Заур", "Elnur", "Эльнур", "Oybek", "Ойбек", "Aybek", "Məhəmməd", "Магомед", "Ömər", "Umar", "R."]
FAMILY = ["Qasımzadə", "Гасымзаде", "Babaxanov", "Бабаханова", "Nurmatov", "Нурматовым", "Nurmakov", "Həşimli"]
HOMES = [None, "Zərdab", "Зардаб", "Saatlı rayonu", "Andijan"]


def _mentions(n: int, seed: int = 3) -> list[Mention]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = [rng.choice(GIVEN), rng.choice(FAMILY)]
        if rng.random() < 0.2:
            words.insert(1, rng.choice(["Telman", "Тельман"]) + " oğlu")
        if rng.random() < 0.1:
            words = words[1:]
        out.append(
            Mention(
                mention_id=f"d{i}#0",
                name=" ".join(words),
                birth_year=rng.choice([None, 1980, 1981, 1990]),
                age=rng.choice([None, None, 40]),
                sex=rng.choice([None, "male", "female"]),
                citizenship=rng.choice([None, "AZ", "UZ"]),
                home=rng.choice(HOMES),
                location_abroad=rng.choice([None, "Tula", "Тула", "Kazan"]),
                relatives=rng.choice([[], [("mother", "Xuraman")], [("mother", "Səbinə")], [("father", "Telman")]]),
                status=rng.choice([None, "missing", "captured"]),
            )
        )
    return out


def test_every_comparison_has_a_signature() -> None:
    assert {c.name for c in model.COMPARISONS} == set(SIGNATURES)


def test_batch_levels_equal_pairwise_levels() -> None:
    ms = _mentions(160)
    I, J = candidate_arrays(ms)
    assert set(zip(I.tolist(), J.tolist())) == set(candidate_pairs(ms))
    codes = level_codes(ms, I, J)
    for k in range(len(I)):
        want = levels(ms[int(I[k])], ms[int(J[k])])
        got = {c.name: lab for c, lab in zip(model.COMPARISONS, labels_of(codes, k)) if lab is not None}
        assert got == want, (ms[int(I[k])].name, ms[int(J[k])].name)


def test_batch_pairs_score_like_score_pair() -> None:
    ms = _mentions(120, seed=5)
    pairs = score_candidates_python(ms, full_reasons=True, keep_apart=True)
    by_id = {m.mention_id: m for m in ms}
    assert pairs
    for p in pairs:
        ref = score_pair(by_id[p.a_id], by_id[p.b_id])
        assert np.isclose(p.match_weight, ref.match_weight) and p.decision == ref.decision
        assert [r.text for r in p.reasons] == [r.text for r in ref.reasons]
