"""Reports about several people: each person's facts stay with that person (invented people).

A paragraph opened by a full name and continued with "he" is that person's story
even when the naming sentence has no age or nationality; list entries, pronoun
continuity and a relative named with a kinship word are tested in all three languages.
"""

from __future__ import annotations

import pytest

from tests.extract.helpers import event_dates

STORIES = {
    "en": """Three Kyrgyz families wait for news from the front

Nurlan Sydykbekov, 31, from Osh, left for Moscow in March 2024 to work on building sites. He was detained in June 2025 and signed a contract with the Russian army a week later. He was killed near Bakhmut in October, his mother says.

Bolot Jumabaev, 26, worked as a courier in Kazan. He was recruited in May 2025. His family has heard nothing from him since August.

Eldiyar Tokonov, 40, a driver from Talas, was captured by Ukrainian forces in September 2025. He appeared in a video and asked to be exchanged. His wife, Aizada, has appealed to the government.
""",
    "ru": """Три судьбы: граждане Таджикистана на войне

Шухрат Назаров, 1990 года рождения, уехал в Россию в 2023 году. В мае 2025 года его задержали в Саратове, и через неделю он подписал контракт с Минобороны России. В августе он погиб под Покровском.

Исмоил Хайдаров работал на стройке в Подмосковье. Он подписал контракт в июне 2025 года и был отправлен на фронт. С сентября он не выходит на связь.

Дилшод Мирзоев, 35 лет, попал в плен в октябре 2025 года. Его жена Мадина обратилась к властям с просьбой помочь.
""",
    "az": """Üç həmyerlinin taleyi

Rəvan Qasımov 1992-ci ildə anadan olub. O, 2023-cü ildə Rusiyaya işləməyə gedib. 2025-ci ilin mayında Moskvada saxlanılıb və Rusiya ordusu ilə müqavilə imzalayıb. Avqustda Ukraynada həlak olub.

Fuad Rzaquliyev Kazanda sürücü işləyirdi. O, iyunda müqavilə imzalayıb və cəbhəyə göndərilib. Sentyabrdan ondan xəbər yoxdur.

Rəşad Nağıyev oktyabrda Ukraynada əsir düşüb. Onun həyat yoldaşı Xuraman dövlətə müraciət edib.
""",
}

EXPECTED = {  # per person, in order: status, the contract's date, the relative
    "en": [("killed", "2025-06", None), ("missing", "2025-05", None), ("captured", None, ("Aizada", "wife"))],
    "ru": [("killed", "2025-05", None), ("missing", "2025-06", None), ("captured", None, ("Мадина", "wife"))],
    "az": [("killed", "2025-05", None), ("missing", "2025-06", None), ("captured", None, ("Xuraman", "wife"))],
}


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_three_people_keep_their_own_facts(extract, lang) -> None:  # type: ignore[no-untyped-def]
    report = extract(STORIES[lang], f"three-{lang}", published="2025-12-01")
    assert len(report.persons) == 3, [p.name for p in report.persons]
    for p, (status, contract, relative) in zip(report.persons, EXPECTED[lang]):
        dates = event_dates(p)
        assert p.status == status, p.name
        if contract:
            assert dates.get("contract") == {contract}, (p.name, dates)
        else:
            assert "contract" not in dates, (p.name, dates)
        assert [(r.name, r.relation) for r in p.relatives] == ([relative] if relative else []), p.name
    # the first person's death never reaches the others, the second's silence never the first
    assert "death" not in event_dates(report.persons[1]) and "death" not in event_dates(report.persons[2])
    assert "disappearance" not in event_dates(report.persons[0])


def test_kinship_then_the_subjects_genitive_then_a_given_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Гражданин Узбекистана Шерзод Нуриддинов подписал контракт с Минобороны России и погиб в Украине. "
            "Жена Нуриддинова Севара рассказала, что тело до сих пор не вернули.")
    p = extract(text, "kin-genitive", published="2025-12-01").persons
    assert [x.name for x in p] == ["Шерзод Нуриддинов"]
    assert [(r.name, r.relation) for r in p[0].relatives] == [("Севара", "wife")]


def test_a_possessive_kinship_word_keeps_the_relatives_own_surname(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Гражданин Узбекистана Шерзод Нуриддинов подписал контракт с Минобороны России и погиб в Украине. "
            "Его мать Нуриддинова Гульнора Каримовна просит вернуть тело.")
    p = extract(text, "kin-own", published="2025-12-01").persons
    assert [(r.name, r.relation) for r in p[0].relatives] == [("Нуриддинова Гульнора Каримовна", "mother")]


def test_relatives_with_names_no_list_knows(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Sri Lankan citizen Kasun Shokirov, 38, was wounded near Pokrovsk while fighting for the Russian army. "
            "His wife, Dilrukshi, says he calls every few days.")
    p = extract(text, "kin-unknown", published="2025-12-01").persons
    assert [(r.name, r.relation) for r in p[0].relatives] == [("Dilrukshi", "wife")]
    text = ("Azərbaycan vətəndaşı Rəvan Bağırzadə Rusiya ordusu ilə müqavilə imzalayıb və Ukraynada cəbhəyə "
            "göndərilib. Anası Xuraman xanım və bacısı Aygün dövlətdən kömək istəyir.")
    p = extract(text, "kin-az", published="2025-12-01").persons
    assert sorted((r.name, r.relation) for r in p[0].relatives) == [("Aygün", "sister"), ("Xuraman", "mother")]
