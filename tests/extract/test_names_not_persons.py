"""Capitalised words that are not the people a report is about, and Azerbaijani case endings.

Invented examples; each test pins one rule of soraq.extract.names.
"""

from __future__ import annotations

import pytest

from soraq.extract.names import find_mentions


def names(text: str, lang: str) -> list[list[str]]:
    return [m.tokens for m in find_mentions(text, lang)]


def test_outlet_credit_in_a_dateline_is_no_person() -> None:
    found = names("GANJA, May 2 (Kura Wire) - Elnur Babayev, 30, was freed last week.", "en")
    assert found == [["Elnur", "Babayev"]]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Migrant Rights Forum documented the case of Elnur Babayev.", "en"),
    ("Miqrant Hüquqları Mərkəzi Elnur Babayevin işini araşdırıb.", "az"),
])
def test_a_run_holding_an_organisation_word_is_no_person(text: str, lang: str) -> None:
    assert names(text, lang) == [["Elnur", "Babayev"]]


def test_a_country_and_its_people_are_no_person() -> None:
    text = "At least 40 Sri Lankans died. Former Sri Lankan soldier John Perera spoke to us."
    assert names(text, "en") == [["John", "Perera"]]


def test_a_plural_kin_word_opening_a_run_is_not_part_of_the_name() -> None:
    found = names("Qardaşlar Elvin və Orxan Hüseynli Moskvaya gediblər.", "az")
    assert ["Qardaşlar", "Elvin"] not in found and ["Elvin"] in found


def test_azerbaijani_case_ending_sits_on_the_last_word_only() -> None:
    # "Samir" must not lose "-in" as if it were a genitive ending; the surname keeps "-lı"
    found = names("Atası Rafael Bağırlının sözlərinə görə, Samir Bağırlı Moskvada işləyirdi.", "az")
    assert ["Rafael", "Bağırlı"] in found
    assert ["Samir", "Bağırlı"] in found


def test_a_place_in_the_locative_after_a_given_name_is_cut() -> None:
    found = names("Sonra Samir Moskvada taksi sürücüsü işləyirdi.", "az")
    assert found == [["Samir"]]


def test_a_normaliser_keeps_the_russian_yo_of_the_text() -> None:
    found = names("Братья Зафар и Сиёвуш Олимзода уехали на заработки.", "ru")
    assert ["Сиёвуш", "Олимзода"] in found
