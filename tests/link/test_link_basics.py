"""Linking basics on invented people: same person across scripts joins, namesakes stay apart."""

from __future__ import annotations

from soraq.link import HumanDecision, Mention, link_mentions, match, score_pair


def m(mid: str, name: str, **kw) -> Mention:
    return Mention(mention_id=mid, name=name, **kw)


def clusters_of(result) -> set[frozenset[str]]:
    return {frozenset(c) for c in result.clusters}


def test_same_person_in_three_scripts_joins() -> None:
    ms = [
        m("a#0", "Zaur Qasımzadə", birth_year=1984, citizenship="AZ", home="Zərdab"),
        m("b#0", "Заур Гасымзаде", birth_year=1984, citizenship="AZ"),
        m("c#0", "Zaur Gasimzade", citizenship="AZ", home="Zardab district"),
    ]
    res = link_mentions(ms, engine="python")
    assert clusters_of(res) == {frozenset({"a#0", "b#0", "c#0"})}


def test_namesakes_with_far_birth_years_stay_apart() -> None:
    ms = [
        m("a#0", "Zaur Qasımzadə", birth_year=1984, citizenship="AZ"),
        m("b#0", "Заур Гасымзаде", birth_year=1962, citizenship="AZ"),
    ]
    s = score_pair(*ms)
    assert s.decision == "apart" and s.contradiction
    assert len(link_mentions(ms, engine="python").clusters) == 2


def test_no_chaining_through_a_vague_mention() -> None:
    ms = [
        m("a#0", "Zaur Qasımzadə", birth_year=1984, citizenship="AZ", patronymic="Telman", home="Zərdab"),
        m("b#0", "Заур Гасымзаде", citizenship="AZ", status="missing"),
        m("c#0", "Zaur Qasımzadə", birth_year=1961, citizenship="AZ", patronymic="Rafail", home="Zərdab"),
    ]
    res = link_mentions(ms, engine="python")
    assert not any({"a#0", "c#0"} <= set(c) for c in res.clusters)


def test_human_decisions_win() -> None:
    ms = [
        m("a#0", "Zaur Qasımzadə", birth_year=1984, citizenship="AZ"),
        m("b#0", "Заур Гасымзаде", birth_year=1984, citizenship="AZ"),
        m("c#0", "Elnur Babaxanov", citizenship="AZ"),
    ]
    res = link_mentions(
        ms, engine="python", decisions=[HumanDecision("a#0", "b#0", False), HumanDecision("a#0", "c#0", True)]
    )
    assert clusters_of(res) == {frozenset({"a#0", "c#0"}), frozenset({"b#0"})}


def test_two_persons_of_one_report_are_two_people() -> None:
    ms = [m("a#0", "Zaur Qasımzadə", citizenship="AZ"), m("a#1", "Zaur Qasımzadə", citizenship="AZ")]
    assert len(link_mentions(ms, engine="python").clusters) == 2


def test_match_ranks_the_right_person_first() -> None:
    cands = [
        m("a#0", "Zaur Qasımzadə", birth_year=1984, citizenship="AZ"),
        m("b#0", "Заур Гасымзаде", birth_year=1961, citizenship="AZ"),
        m("c#0", "Elnur Babaxanov", birth_year=1984, citizenship="AZ"),
    ]
    q = m("q", "Гасымзаде Заур", birth_year=1984)
    res = match(q, cands)
    assert res[0].b_id == "a#0"
    assert res[0].probability > res[1].probability
    assert all(r.reasons for r in res)


def test_duckdb_engine_gives_the_same_pairs_as_python() -> None:
    ms = [
        m("a#0", "Zaur Qasımzadə", birth_year=1984, citizenship="AZ"),
        m("b#0", "Заур Гасымзаде", birth_year=1984, citizenship="AZ"),
        m("c#0", "Zaur Gasimzade", birth_year=1961, citizenship="AZ"),
        m("d#0", "Elnur Babaxanov", citizenship="AZ"),
    ]
    py = link_mentions(ms, engine="python")
    dk = link_mentions(ms, engine="duckdb")
    assert clusters_of(py) == clusters_of(dk)
    pw = {(p.a_id, p.b_id): (round(p.match_weight, 6), p.decision) for p in py.pairs}
    dw = {(p.a_id, p.b_id): (round(p.match_weight, 6), p.decision) for p in dk.pairs}
    assert pw == dw


def test_a_bare_mention_joins_the_one_person_of_that_name() -> None:
    ms = [
        m("a#0", "Oybek Nurmatov", birth_year=1990, citizenship="UZ", location_abroad="Tula"),
        m("b#0", "Ойбек Нурматов", birth_year=1990, citizenship="UZ"),
        m("c#0", "Oybek Nurmatov", citizenship="UZ"),  # name and citizenship only
    ]
    res = link_mentions(ms, engine="python")
    assert clusters_of(res) == {frozenset({"a#0", "b#0", "c#0"})}


def test_a_bare_mention_between_two_namesakes_stays_alone() -> None:
    ms = [
        m("a#0", "Oybek Nurmatov", birth_year=1990, citizenship="UZ", location_abroad="Tula"),
        m("b#0", "Ойбек Нурматов", birth_year=1990, citizenship="UZ"),
        m("c#0", "Oybek Nurmatov", birth_year=1971, citizenship="UZ", home="Andijan"),
        m("d#0", "Ойбек Нурматов", birth_year=1971, citizenship="UZ"),
        m("e#0", "Oybek Nurmatov", citizenship="UZ"),
    ]
    res = link_mentions(ms, engine="python")
    assert clusters_of(res) == {frozenset({"a#0", "b#0"}), frozenset({"c#0", "d#0"}), frozenset({"e#0"})}


def test_two_groups_with_disjoint_facts_are_not_joined_on_the_name_alone() -> None:
    ms = [
        m("a#0", "Oybek Nurmatov", birth_year=1990, citizenship="UZ"),
        m("b#0", "Ойбек Нурматов", home="Andijan", citizenship="UZ"),
    ]
    res = link_mentions(ms, engine="python")
    assert len(res.clusters) == 2
    assert res.pairs and res.pairs[0].decision == "review"
