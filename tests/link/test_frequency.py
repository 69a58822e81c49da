"""The name-frequency adjustment and the cluster-level rare-name rule, on invented people."""

from __future__ import annotations

from itertools import product

import numpy as np

from soraq.link import Mention, link_mentions
from soraq.link.frequency import MAX_GAIN, MIN_MENTIONS, NameFrequencies

#: invented syllables: filler names that share no key with the test persons
_HEADS = ["Bor", "Kel", "Dun", "Pav", "Tiv", "Muz", "Rop", "Sel", "Fen", "Gub", "Hol", "Jem"]
_TAILS = ["ak", "ul", "et", "im", "os", "ar", "un", "ep", "ib", "oz"]


def _filler(n: int) -> list[Mention]:
    given = [h + t for h, t in product(_HEADS, _TAILS)]
    family = [h + t + "ov" for h, t in product(reversed(_HEADS), _TAILS)]
    out = []
    for k, (g, f) in enumerate(product(given, family)):
        if len(out) >= n:
            break
        for report in range(2):  # each filler person reported twice
            out.append(Mention(mention_id=f"f{k}r{report}#0", name=f"{g} {f}", citizenship="UZ", birth_year=1970 + k % 30))
    return out


def test_small_data_has_no_frequencies() -> None:
    assert NameFrequencies.of(_filler(10)) is None


def test_rare_names_gain_common_names_lose() -> None:
    ms = _filler(MIN_MENTIONS)
    ms += [Mention(mention_id=f"c{k}#0", name="Zaur Qasımzadə") for k in range(40)]
    fr = NameFrequencies.of(ms)
    assert fr is not None
    rare = fr.adjustment(np.array([1]))[0]
    common = fr.adjustment(np.array([40]))[0]
    assert 0 < rare <= MAX_GAIN and common < -3


def _pair_of_rare_name(extra: list[Mention]) -> list[Mention]:
    return _filler(MIN_MENTIONS) + [
        Mention(mention_id="a#0", name="Oybek Nurmatov", birth_year=1990, citizenship="UZ"),
        Mention(mention_id="b#0", name="Ойбек Нурматов", home="Andijan", citizenship="UZ"),
    ] + extra


def _together(res, a: str, b: str) -> bool:
    return any(a in c and b in c for c in res.clusters)


def test_two_groups_of_a_rare_name_join_in_large_data() -> None:
    res = link_mentions(_pair_of_rare_name([]), engine="python")
    assert _together(res, "a#0", "b#0")


def test_a_namesake_elsewhere_in_the_data_keeps_them_apart() -> None:
    other = [
        Mention(mention_id="c#0", name="Oybek Nurmatov", birth_year=1961, home="Namangan", citizenship="UZ"),
        Mention(mention_id="d#0", name="Oybek Nurmatov", birth_year=1961, home="Namangan", citizenship="UZ"),
        Mention(mention_id="e#0", name="Oybek Nurmatov", birth_year=1961, citizenship="UZ"),
    ]
    res = link_mentions(_pair_of_rare_name(other), engine="python")
    assert not _together(res, "a#0", "b#0")
    assert not _together(res, "a#0", "c#0")
