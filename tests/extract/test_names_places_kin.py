"""Capitalised words that are no person: places after a name, origin adjectives, question
words, double surnames and a mother's feminine surname (invented names and stories)."""

from __future__ import annotations


def test_place_before_a_district_word_is_not_part_of_the_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Rusiya ordusunda döyüşən daha bir Azərbaycan vətəndaşı əsir düşüb. 29 yaşlı Tural Həsənli "
            "Masallı rayonundandır, Tambovda işləyirdi. T.Həsənli Qusar şəhərindən olan dostu ilə müqavilə imzalayıb.")
    report = extract(text, "t", published="2025-05-01")
    assert [p.name for p in report.persons] == ["Tural Həsənli"]


def test_origin_adjective_before_a_name_is_not_part_of_it(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Qusarlı Tural Həsənli Ukraynada əsir düşüb. 29 yaşlı Tural Həsənli Rusiya ordusunda "
            "döyüşərkən əsir götürülüb, Azərbaycan vətəndaşıdır.")
    report = extract(text, "t", published="2025-05-01")
    assert [p.name for p in report.persons] == ["Tural Həsənli"]


def test_question_word_opening_a_sentence_is_no_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Azərbaycan vətəndaşı Məmmədov Tural Rəşid oğlu Rusiya ordusunda itkin düşüb. "
            "Kim Turalı görübsə, ailəyə xəbər versin.")
    report = extract(text, "t", published="2025-05-01")
    assert [p.name for p in report.persons] == ["Məmmədov Tural Rəşid oğlu"]


def test_double_surname_alone_joins_the_full_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Гражданин Кубы Ласаро Гомес Эррера подписал контракт с Минобороны России. "
            "Сейчас Гомес Эррера находится на фронте в Украине.")
    report = extract(text, "t", published="2025-05-01")
    assert [p.name for p in report.persons] == ["Ласаро Гомес Эррера"]


def test_mother_keeps_her_feminine_surname_and_is_no_subject(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Зумрад Халилова не спит ночами. Ее сын, гражданин Таджикистана Бахром Халилов, подписал контракт "
            "и попал в плен в Украине. «Это мой Бахром», — говорит Зумрад Халилова.")
    report = extract(text, "t", published="2025-05-01")
    assert [p.name for p in report.persons] == ["Бахром Халилов"]
