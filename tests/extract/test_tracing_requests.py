"""Tracing requests written in the first person by a relative (invented people)."""

from __future__ import annotations

import pytest

from tests.extract.helpers import event_dates

REQUESTS = {
"en": """Looking for my brother

My name is Grace Wanjiru Kamau. I live in Nyeri. I am writing for my brother Samuel Mwangi Kamau, who is 27 years old and a Kenyan citizen. He flew to Moscow in May 2025 for a job as a warehouse guard. In July he called and said he had signed a contract with the Russian army. We have heard nothing since August.""",
"ru": """Ищу брата

Меня зовут Айгуль Сыдыкова. Я пишу о своем брате Медере Сыдыкове, гражданине Кыргызстана, 1996 года рождения. В мае 2025 года он уехал в Россию на заработки. В июле он позвонил и сказал, что подписал контракт с Минобороны России. С августа он не выходит на связь.""",
"az": """Qardaşımı axtarıram

Mən, Sevda Kərimli, Azərbaycan vətəndaşı olan qardaşım Ramin Kərimli haqqında yazıram. O, 1995-ci ildə anadan olub. 2025-ci ilin mayında Rusiyaya işləməyə gedib. İyulda zəng edib dedi ki, Rusiya ordusu ilə müqavilə imzalayıb. Avqustdan ondan xəbər yoxdur.""",
}

EXPECTED = {
    "en": ("Samuel Mwangi Kamau", "KE", ("Grace Wanjiru Kamau", "sister")),
    "ru": ("Медер Сыдыков", "KG", ("Айгуль Сыдыкова", "sister")),
    "az": ("Ramin Kərimli", "AZ", ("Sevda Kərimli", None)),
}


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_the_writer_is_a_relative_and_the_missing_man_the_subject(extract, lang) -> None:  # type: ignore[no-untyped-def]
    report = extract(REQUESTS[lang], f"request-{lang}", published="2025-12-01")
    name, citizenship, (writer, relation) = EXPECTED[lang]
    assert [p.name for p in report.persons] == [name]
    p = report.persons[0]
    assert p.citizenship == citizenship
    assert [r.name for r in p.relatives] == [writer]
    if relation:  # a given name no list knows leaves the writer's sex (sister or brother) open
        assert p.relatives[0].relation == relation
    else:
        assert p.relatives[0].relation in ("sister", "brother")
    dates = event_dates(p)
    assert dates.get("departure") == {"2025-05"} and dates.get("contract") == {"2025-07"}
    assert p.status == "missing"


MOTHERS = {
    "en": ("I am looking for my son\n\nMy name is Grace Wanjiru Kamau. My son Samuel Mwangi Kamau, a Kenyan citizen, "
           "flew to Moscow in May 2025 and signed a contract with the Russian army. My younger son Peter Njoroge "
           "Kamau and my husband Daniel Kamau have written to the embassy.",
           "Samuel Mwangi Kamau",
           [("Grace Wanjiru Kamau", "mother"), ("Peter Njoroge Kamau", "brother"), ("Daniel Kamau", "father")]),
    "az": ("Oğlumu axtarıram\n\nMən, Qəbələ rayonunda yaşayan Xuraman Bağırzadə, oğlum Azərbaycan vətəndaşı Rəvan "
           "Bağırzadə haqqında yazıram. O, 2024-cü ilin aprelində Rusiyaya işləməyə getdi və orada Rusiya ordusu "
           "ilə müqavilə imzaladı. Böyük oğlum Fuad Moskvada onu axtarır, ərim Elşad isə səfirliyə müraciət edib.",
           "Rəvan Bağırzadə", [("Xuraman Bağırzadə", "mother"), ("Fuad", "brother"), ("Elşad", "father")]),
}


@pytest.mark.parametrize("lang", ["en", "az"])
def test_people_the_mother_names_are_related_to_her_son_through_her(extract, lang) -> None:  # type: ignore[no-untyped-def]
    text, name, relatives = MOTHERS[lang]
    report = extract(text, f"mother-{lang}", published="2025-12-01")
    assert [p.name for p in report.persons] == [name]
    assert sorted((r.name, r.relation) for r in report.persons[0].relatives) == sorted(relatives)


def test_the_writers_own_apposition_tells_her_relation(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Я, Айгуль Сыдыкова, мать Тимура Сыдыкова, 1996 года рождения, гражданина Кыргызстана. В мае 2025 года "
            "он уехал в Россию, в июле подписал контракт с Минобороны России. С августа он не выходит на связь.")
    report = extract(text, "apposition", published="2025-12-01")
    assert [p.name for p in report.persons] == ["Тимур Сыдыков"]
    assert [(r.name, r.relation) for r in report.persons[0].relatives] == [("Айгуль Сыдыкова", "mother")]
