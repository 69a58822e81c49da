"""Home and place abroad in more of each language's shapes (invented people and stories)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("Гражданин Таджикистана Далер Рахимов, 29 лет, из Файзабадского района. В мае подписал контракт "
         "с Минобороны России и погиб в Украине.", "Файзабадский район"),
        ("Гражданин Таджикистана Далер Рахимов погиб в Украине. Уроженец Файзабадского района, Рахимов "
         "подписал контракт с Минобороны России в мае.", "Файзабадский район"),
        ("25-летний Далер Рахимов из таджикского Пенджикента подписал контракт с Минобороны России "
         "и погиб в Украине.", "Пенджикент"),
        ("Rusiya ordusunda döyüşən Azərbaycan vətəndaşı Tural Həsənli həlak olub. 1991-ci il təvəllüdlü "
         "Tural Həsənli Qusar rayonundandır.", "Qusar"),
        ("Tomas Okello, 34, a Ugandan plumber from Jinja, was sent to the front in Ukraine after signing "
         "a contract with the Russian army.", "Jinja"),
        ("Ugandan citizen Tomas Okello. The 34-year-old from Jinja signed a contract with the Russian army and was "
         "sent to the front in Ukraine.", "Jinja"),
    ],
)
def test_home(person, text, home) -> None:  # type: ignore[no-untyped-def]
    assert person(text).home == home


@pytest.mark.parametrize(
    ("text", "abroad"),
    [
        ("Azərbaycan vətəndaşı Tural Həsənli Rusiya ordusunda həlak olub. O, Kazanda bir tikinti "
         "şirkətində fəhlə işləyirdi.", "Kazan"),
        ("Azərbaycan vətəndaşı Tural Həsənli Rusiya ordusunda həlak olub. O, Rusiyanın Kazan şəhərində "
         "fəhlə işləyib.", "Kazan"),
    ],
)
def test_place_abroad(person, text, abroad) -> None:  # type: ignore[no-untyped-def]
    assert person(text).location_abroad == abroad


def test_month_and_name_are_no_place_abroad(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azərbaycan vətəndaşı Tural Həsənli Rusiya ordusunda həlak olub. Oktyabrda saxlanılıb, "
               "sonra Ukraynaya göndərilib.")
    assert p.location_abroad != "Oktyabr"
    p = person("Qusarlı gənc Nicat Həsənzadə Kazanda anbarda işləyirdi, sonra Rusiya ordusu tərkibində "
               "Ukraynada həlak olub.")
    assert p.location_abroad == "Kazan"


@pytest.mark.parametrize(
    ("text", "abroad"),
    [
        ("Гражданин Кубы Ласаро Гомес подписал контракт с Минобороны России. Сейчас он проходит подготовку "
         "в воинской части под Тулой.", "Тула"),
        ("Cuban citizen Lázaro Gómez signed a contract with the Russian army and is now at a training base "
         "near Tula, waiting to be sent to Ukraine.", "Tula"),
    ],
)
def test_the_unit_holding_the_person_is_the_place_abroad(person, text, abroad) -> None:  # type: ignore[no-untyped-def]
    assert person(text).location_abroad == abroad
