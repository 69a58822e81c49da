"""Birth year, age (birth year = publication year - age) and citizenship, in three languages."""

from __future__ import annotations

import pytest

WAR = " He was sent to the war in Ukraine."


@pytest.mark.parametrize(
    ("text", "published", "birth_year", "age"),
    [
        ("Azerbaijani citizen Elvin Zeynalov, born in 1984, was sent to the war in Ukraine.", None, 1984, None),
        ("Гражданин Азербайджана Эльвин Зейналов, 1984 года рождения, погиб на войне в Украине.", None, 1984, None),
        ("1984-cü il təvəllüdlü Azərbaycan vətəndaşı Elvin Zeynalov Ukraynada həlak olub.", None, 1984, None),
        ("Azərbaycan vətəndaşı Elvin Zeynalov 1984-cü ildə Lənkəranda anadan olub, Ukraynada həlak olub.", None,
         1984, None),
        ("A 34-year-old Kenyan, Brian Wafula, was killed fighting for the Russian army in Ukraine.", "2025-03-01",
         1991, 34),
        ("34-летний гражданин Кыргызстана Нурлан Абдыкеримов погиб на войне в Украине.", "2025-03-01", 1991, 34),
        ("46 yaşlı Azərbaycan vətəndaşı Elvin Zeynalov Ukraynada həlak olub.", "2026-01-20", 1980, 46),
        ("Кыргызстанец Нурлан Абдыкеримов погиб в Украине. Ему было 34 года.", "2025-03-01", 1991, 34),
    ],
)
def test_birth_year_and_age(person, text, published, birth_year, age) -> None:  # type: ignore[no-untyped-def]
    p = person(text, published=published)
    assert (p.birth_year, p.age) == (birth_year, age)


def test_age_without_publication_date_gives_no_birth_year(person) -> None:  # type: ignore[no-untyped-def]
    p = person("A 34-year-old Kenyan, Brian Wafula, was killed fighting for the Russian army in Ukraine.",
               published=None)
    assert (p.age, p.birth_year) == (34, None)


def test_age_of_a_relative_is_not_the_subjects(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Kenyan citizen Brian Wafula was killed fighting for the Russian army in Ukraine. "
               "He leaves his wife and their 12-year-old son.")
    assert p.age is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Azerbaijani citizen Elvin Zeynalov was sent to the war in Ukraine.", "AZ"),
        ("Nurlan Abdykerimov, a citizen of Kyrgyzstan, was killed in the war in Ukraine.", "KG"),
        ("A Nepali man, Bikram Yonjan, was killed fighting for the Russian army in Ukraine.", "NP"),
        ("Гражданин Таджикистана Рустам Назаров погиб на войне в Украине.", "TJ"),
        ("Кениец Брайан Вафула погиб на фронте в Украине.", "KE"),
        ("Azərbaycan vətəndaşı Elvin Zeynalov Ukraynada həlak olub.", "AZ"),
    ],
)
def test_citizenship_from_demonyms(person, text, code) -> None:  # type: ignore[no-untyped-def]
    assert person(text).citizenship == code


def test_home_district_of_a_listed_country_implies_its_citizenship(person) -> None:  # type: ignore[no-untyped-def]
    """The annotation convention of the development set and both held-out sets: a resident of an
    Azerbaijani district is an Azerbaijani citizen even where the text never says "citizen"."""
    p = person("Lənkəran rayonunun sakini, əmək miqrantı Zeynalov Elvin Kamran oğlu Rusiya ordusunda Ukraynada "
               "həlak olub.")
    assert p.citizenship == "AZ"
    assert p.home is not None and p.home.startswith("Lənkəran")


@pytest.mark.parametrize(
    ("text", "home", "abroad"),
    [
        ("Kenyan citizen Brian Wafula from Eldoret flew from Nairobi to Moscow for a job and was sent to the "
         "front in Ukraine.", "Eldoret", "Moscow"),
        ("Гражданин Таджикистана Далер Рахимов из Кулябского района работал на стройке в Подольске, а потом "
         "погиб на войне в Украине.", "Кулябский район", "Подольск"),
        ("Sumqayıtlı gənc Nicat Əlizadə Moskvada tikintidə işləyirdi, sonra Rusiya ordusu tərkibində Ukraynada "
         "həlak olub.", "Sumqayıt", "Moskva"),
    ],
)
def test_home_and_place_abroad(person, text, home, abroad) -> None:  # type: ignore[no-untyped-def]
    p = person(text)
    assert (p.home, p.location_abroad) == (home, abroad)


@pytest.mark.parametrize(
    ("text", "occupation"),
    [
        ("Кениец Мартин Очиенг погиб на войне в Украине. 38-летний водитель микроавтобуса погиб на передовой.",
         "водитель микроавтобуса"),
        ("Kenyan citizen John Ouma was killed in Ukraine. The 31-year-old taxi driver had left for Russia in May.",
         "taxi driver"),
        ("Kenyan citizen John Ouma, a 31-year-old father who left for Russia, was killed in Ukraine.", None),
        ("Azerbaijani citizen Elvin Zeynalov worked as a car painter in Samara before he was sent to the war in "
         "Ukraine.", "car painter"),
        ("Гражданин Узбекистана Шерзод Каримов работал в сфере доставки, а затем погиб на войне в Украине.",
         "сфера доставки"),
    ],
)
def test_occupation_as_written(person, text, occupation) -> None:  # type: ignore[no-untyped-def]
    assert person(text).occupation == occupation
