"""Splink's Spark backend runs the same model as DuckDB and gives the same clusters.

Kept small (a dozen invented mentions) so that Spark's start-up dominates the runtime.
"""

from __future__ import annotations

import pytest

from soraq.link import Mention, link_mentions
from soraq.link.spark import spark_available

pytestmark = pytest.mark.spark


def _mentions() -> list[Mention]:
    rows = [
        ("a#0", "Zaur Telman oğlu Qasımzadə", dict(birth_year=1984, citizenship="AZ", home="Zərdab")),
        ("b#0", "Заур Гасымзаде", dict(birth_year=1984, citizenship="AZ")),
        ("c#0", "Zaur Gasimzade", dict(citizenship="AZ", home="Zardab district", patronymic="Telman")),
        ("d#0", "Гасымзаде Заур Рафаил оглы", dict(birth_year=1961, citizenship="AZ", patronymic="Рафаил")),
        ("e#0", "Zaur Qasımzadə", dict(birth_year=1961, citizenship="AZ", home="Saatlı")),
        ("f#0", "Elnur Babaxanov", dict(citizenship="AZ", relatives=[("mother", "Xuraman")])),
        ("g#0", "Эльнур Бабаханов", dict(citizenship="AZ", relatives=[("mother", "Хураман")])),
        ("h#0", "Oybek Nurmatov", dict(birth_year=1990, citizenship="UZ", location_abroad="Tula")),
        ("i#0", "Ойбек Нурматов", dict(birth_year=1990, citizenship="UZ", location_abroad="Тула")),
    ]
    return [Mention(mention_id=mid, name=name, **kw) for mid, name, kw in rows]


def test_spark_gives_the_same_clusters_as_duckdb() -> None:
    reason = spark_available()
    if reason:
        pytest.skip(f"Spark engine not testable here: {reason}")
    duck = link_mentions(_mentions(), engine="duckdb")
    spark = link_mentions(_mentions(), engine="spark")
    assert {frozenset(c) for c in spark.clusters} == {frozenset(c) for c in duck.clusters}
    dw = {(p.a_id, p.b_id): round(p.match_weight, 6) for p in duck.pairs}
    sw = {(p.a_id, p.b_id): round(p.match_weight, 6) for p in spark.pairs}
    assert dw == sw
    assert {frozenset(c) for c in duck.clusters} >= {frozenset({"f#0", "g#0"}), frozenset({"h#0", "i#0"})}
