"""Rules added for linking at scale: vague homes, homes that contradict, places abroad (invented people)."""

from __future__ import annotations

from soraq.link import Mention, link_mentions, score_pair
from soraq.link.compare import places
from soraq.link.compare.prepare import prepare


def m(mid: str, name: str = "Zaur Qasımzadə", **kw) -> Mention:
    return Mention(mention_id=mid, name=name, citizenship="AZ", sex="male", **kw)


def levels(a: Mention, b: Mention) -> dict[str, float]:
    return {r.feature: r.weight for r in score_pair(a, b).reasons}


def test_a_country_as_home_neither_agrees_nor_contradicts_a_district() -> None:
    assert places.home(prepare(m("a#0", home="south of Azerbaijan")), prepare(m("b#0", home="Zərdab rayonu"))) is None
    assert places.home(prepare(m("a#0", home="Qusar")), prepare(m("b#0", home="Zərdab rayonu"))).level == "different"


def test_different_homes_are_a_contradiction_that_blocks_chaining() -> None:
    """A~B and B~C are confident merges, A and C name two districts: C does not join A's person."""
    a = m("a#0", birth_year=1990, home="Qusar rayonu", location_abroad="Tver")
    b = m("b#0", birth_year=1990, location_abroad="Tver", relatives=[("mother", "Səbinə Qasımzadə")])
    c = m("c#0", name="Заур Гасымзаде", home="Зардаб", relatives=[("mother", "Сабина Гасымзаде")])
    assert score_pair(a, b).decision == "merge" and score_pair(b, c).decision == "merge"
    pa_c = score_pair(a, c)
    assert pa_c.decision != "merge" and pa_c.contradiction
    clusters = link_mentions([a, b, c], engine="python").clusters
    assert not any({"a#0", "c#0"} <= set(cl) for cl in clusters)


def test_a_different_place_abroad_weighs_more_than_before_but_is_no_veto() -> None:
    w = levels(m("a#0", location_abroad="Tver"), m("b#0", location_abroad="Kazan"))["location_abroad"]
    assert -2.5 < w < -1.5
    assert not score_pair(m("a#0", location_abroad="Tver"), m("b#0", location_abroad="Kazan")).contradiction
