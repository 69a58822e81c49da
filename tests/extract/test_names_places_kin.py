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


def test_lone_given_name_and_surname_join_a_full_name_no_list_knows(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("The roof Tashi Lhundrup started for his parents is still unfinished. Lhundrup, 28, flew to Moscow "
            "for a job as a guard and was sent to the front in Ukraine. His father, Dorje Lhundrup, borrowed the fee. "
            "Tashi was killed near Bakhmut in March, a Nepali who served with him said.")
    report = extract(text, "t", published="2025-05-01")
    assert [p.name for p in report.persons] == ["Tashi Lhundrup"]


def test_russian_given_name_left_out_of_a_surname_span_is_taken_back() -> None:
    from soraq.extract.names import _given_before_surname

    text = "Гражданин Таджикистана погиб в Украине. Шахбоз Назаров, 25 лет, из Вахдата."
    s = text.index("Назаров")
    assert _given_before_surname(text, s, s + 7, ["Назаров"]) == (text.index("Шахбоз"), ["Шахбоз", "Назаров"])
    other = "Вчера Назаров подписал контракт. Житель Назаров уехал."
    for word in ("Вчера", "Житель"):
        s = other.index("Назаров", other.index(word))
        assert _given_before_surname(other, s, s + 7, ["Назаров"]) == (s, ["Назаров"])


def test_age_told_with_is_makes_a_one_mention_subject(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Lázaro Gómez Herrera is 31, a Cuban welder from Holguín, and for two months he has been at a "
               "Russian army training base after signing a contract he thought was for building work.",
               published="2025-06-10")
    assert p.name == "Lázaro Gómez Herrera"
    assert p.age == 31


def test_son_after_a_surname_or_an_adjective_is_kinship_not_a_patronymic(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Rusiya ordusunun tərkibində döyüşən Azərbaycan vətəndaşı Kamran Nəbiyev Ukraynada əsir düşüb. "
            "Atası Fikrət Nəbiyev oğlunu videodan tanıdığını bildirib.")
    report = extract(text, "t", published="2025-05-01")
    assert [(r.name, r.relation) for r in report.persons[0].relatives] == [("Fikrət Nəbiyev", "father")]
    text = ("Azərbaycan vətəndaşı Kamran Nəbiyev Rusiya ordusunda həlak olub. Anası Gülşən Nəbiyeva danışır. "
            "Böyük oğlu Rəşad Bakıda işləyir.")
    report = extract(text, "t", published="2025-05-01")
    assert "Rəşad" in [r.name for r in report.persons[0].relatives]


def test_entries_of_a_list_headed_by_name_and_country_are_subjects(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Families of foreigners recruited into the Russian army describe the same pattern.\\n\\n"
            "Tomas Okello (Uganda). The 34-year-old from Jinja was promised a job as a guard and was sent to the "
            "front in Ukraine in May.\\n\\n"
            "Chaminda Wickramaratne (Sri Lanka). A former soldier, 41, he signed a contract in March and was "
            "wounded near Pokrovsk.")
    report = extract(text.replace("\\\\n", "\\n"), "t", published="2025-06-10")
    assert [p.name for p in report.persons] == ["Tomas Okello", "Chaminda Wickramaratne"]
