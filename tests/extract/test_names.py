"""People the report is about: name forms, grouping, roles, parts and sex (invented names)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "given", "family", "patronymic"),
    [
        ("Azerbaijani citizen Elvin Kamran oglu Zeynalov was sent to the front in Ukraine.",
         "Elvin Kamran oglu Zeynalov", "Elvin", "Zeynalov", "Kamran"),
        ("Azərbaycan vətəndaşı Zeynalov Elvin Kamran oğlu Ukraynada həlak olub.",
         "Zeynalov Elvin Kamran oğlu", "Elvin", "Zeynalov", "Kamran"),
        ("Гражданин Азербайджана Эльвин Камран оглы Зейналов погиб на войне в Украине.",
         "Эльвин Камран оглы Зейналов", "Эльвин", "Зейналов", "Камран"),
        ("Гражданин Азербайджана Зейналов Эльвин Камранович погиб на войне в Украине.",
         "Зейналов Эльвин Камранович", "Эльвин", "Зейналов", "Камранович"),
    ],
)
def test_patronymic_forms(person, text, name, given, family, patronymic) -> None:  # type: ignore[no-untyped-def]
    p = person(text)
    assert p.name == name
    assert (p.given_name, p.family_name, p.patronymic) == (given, family, patronymic)
    assert p.sex == "male"


def test_russian_case_forms_are_one_person_in_the_nominative(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Гражданин Азербайджана Эльвин Зейналов погиб в Украине. Семья Зейналова узнала об этом в мае. "
            "Зейналову было 34 года, когда его отправили на фронт.")
    report = extract(text, "t", published="2025-06-10")
    assert [p.name for p in report.persons] == ["Эльвин Зейналов"]


def test_genitive_only_mention_is_brought_to_nominative(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Тело кыргызстанца Нурлана Абдыкеримова, погибшего на войне в Украине, доставили на родину.")
    assert p.name == "Нурлан Абдыкеримов"


def test_surname_alone_later_joins_the_full_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenyan citizen Brian Otieno Wafula was recruited for the war in Ukraine. "
            "Wafula told his family he had signed a contract. Later Wafula was killed.")
    report = extract(text, "t", published="2025-06-10")
    assert [p.name for p in report.persons] == ["Brian Otieno Wafula"]


def test_several_people_in_one_report(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Two Tajik migrants were killed in the war in Ukraine.\n\n"
            "The first is Rustam Nazarov, 24, from the Sughd region. He was recruited in a prison.\n\n"
            "The second man is Farrukh Saidov, 31. He was sent to the front and died in May.")
    names = [p.name for p in extract(text, "t", published="2025-06-10").persons]
    assert names == ["Rustam Nazarov", "Farrukh Saidov"]


def test_relatives_officials_and_journalists_are_not_subjects(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Nepali families want answers\nBy Sita Rai, Valley Times\n\n"
            "Nepali citizen Bikram Yonjan, 27, was killed fighting for the Russian army in Ukraine. "
            "His father, Hari Tamang, said he had left home for a job abroad. "
            "Foreign minister Ram Bahadur Khadka said the ministry was checking the reports.")
    report = extract(text, "t", published="2025-06-10")
    assert [p.name for p in report.persons] == ["Bikram Yonjan"]
    assert [(r.name, r.relation) for r in report.persons[0].relatives] == [("Hari Tamang", "father")]


def test_sex_from_marker_surname_and_given_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Azərbaycan vətəndaşı Leyla Arif qızı Məmmədova Rusiya ordusu ilə müqavilə imzalayıb və cəbhəyə "
            "göndərilib.")
    report = extract(text, "t", published="2025-06-10")
    assert report.persons[0].sex == "female"
    assert report.persons[0].patronymic == "Arif"


def test_one_word_place_is_not_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Azerbaijani citizen Elvin Zeynalov, born in 1991, was detained by police in Samara and sent "
            "to the front in Ukraine.")
    assert [p.name for p in extract(text, "t").persons] == ["Elvin Zeynalov"]


def test_place_built_like_a_surname_is_not_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Azerbaijani citizen Elvin Zeynalov was detained in Sergiev Posad and sent to the war in Ukraine."
    assert [p.name for p in extract(text, "t").persons] == ["Elvin Zeynalov"]


def test_a_row_of_a_published_list(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Мамедов Эльчин Рауф оглы, 1985 г.р., уроженец Азербайджана, погиб в зоне СВО 12.03.2024.",
               published=None)
    assert (p.name, p.family_name, p.patronymic, p.birth_year, p.citizenship, p.status) == (
        "Мамедов Эльчин Рауф оглы", "Мамедов", "Рауф", 1985, "AZ", "killed")
    assert ("death", "2024-03-12") in [(e.type, e.date) for e in p.events]


@pytest.mark.parametrize(
    "text",
    [
        "Гражданин Азербайджана Эльвин Зейналов погиб на войне в Украине. Официальный представитель МИД "
        "Азербайджана Айхан Гаджиев заявил, что посольство занимается этим делом.",
        "Azerbaijani citizen Elvin Zeynalov was killed in the war in Ukraine. A spokesman for the Foreign Ministry "
        "Aykhan Hajiyev said the embassy was dealing with the case.",
    ],
)
def test_official_after_an_institution_name(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(extract(text, "t").persons) == 1


@pytest.mark.parametrize(
    ("text", "name", "given", "family", "patronymic"),
    [
        ("Гражданин Азербайджана Зейналов Э.К. погиб на войне в Украине.", "Зейналов Э.К.", "Э.", "Зейналов", "К."),
        ("Azerbaijani citizen E. Zeynalov was killed in the war in Ukraine after signing a contract with the "
         "Russian army.", "E. Zeynalov", "E.", "Zeynalov", None),
    ],
)
def test_initials(person, text, name, given, family, patronymic) -> None:  # type: ignore[no-untyped-def]
    p = person(text)
    assert (p.name, p.given_name, p.family_name, p.patronymic) == (name, given, family, patronymic)


def test_initials_join_the_full_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Гражданин Азербайджана Эльвин Камран оглы Зейналов погиб на войне в Украине. Позже стало известно, "
            "что Зейналов Э.К. подписал контракт в марте.")
    assert [p.name for p in extract(text, "t").persons] == ["Эльвин Камран оглы Зейналов"]


def test_a_mother_keeps_her_feminine_surname(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Жительница Ошской области Айгуль Токтосунова просит власти вернуть ее сына Бекзата, который был "
            "завербован в российской колонии. 22-летний Бекзат Токтосунов, гражданин Кыргызстана, подписал "
            "контракт, и его отправили в Украину.")
    report = extract(text, "t", published="2025-04-02")
    assert [p.name for p in report.persons] == ["Бекзат Токтосунов"]
    assert [(r.name, r.relation) for r in report.persons[0].relatives] == [("Айгуль Токтосунова", "mother")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # names no given-name list knows, told in apposition to a noun for a person
        ("A Nepali man, Bikram Yonjan, was killed fighting for the Russian army in Ukraine.", "Bikram Yonjan"),
        ("Indian national Tejveer Sandhoo was sent to the front in Ukraine after signing a contract.",
         "Tejveer Sandhoo"),
        ("Nepal vətəndaşı Bikram Yonjan Rusiya ordusunda Ukraynada həlak olub.", "Bikram Yonjan"),
    ],
)
def test_unknown_name_after_a_noun_for_a_person(person, text, name) -> None:  # type: ignore[no-untyped-def]
    assert person(text).name == name
