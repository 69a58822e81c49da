"""Citizenship stated with any country's name (CLDR), in all three languages (invented people)."""

from __future__ import annotations

from soraq.extract.countries import bracketed_country, stated_citizenships


def test_citizen_of_any_country_in_english(person) -> None:  # type: ignore[no-untyped-def]
    p = person("A citizen of Sierra Leone, Mohamed Kamara, 27, signed a contract with the Russian army in "
               "March and was sent to the front in Ukraine.")
    assert p.citizenship == "SL"


def test_genitive_country_in_russian(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Камеруна Жан-Поль Мбарга подписал контракт с Минобороны России и был отправлен на "
               "фронт в Украину.")
    assert p.citizenship == "CM"


def test_country_before_vetendasi_in_azerbaijani(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Qana vətəndaşı Kofi Mensah Rusiya ordusu ilə müqavilə imzalayıb və Ukraynada cəbhəyə göndərilib.")
    assert p.citizenship == "GH"


def test_a_country_in_brackets_heads_a_list_entry(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Two families and Russia's war\n\n"
            "Bikash Thapa Magar (Nepal). The 29-year-old signed a contract with the Russian army in May and was "
            "killed near Pokrovsk in August.\n\n"
            "Azamat Toktogulov (Kyrgyzstan). The 41-year-old was detained in Omsk in September and signed a "
            "contract with the Russian army there.")
    report = extract(text, "entries", published="2025-12-01")
    assert {p.name: p.citizenship for p in report.persons} == {"Bikash Thapa Magar": "NP", "Azamat Toktogulov": "KG"}


def test_russia_and_ukraine_are_no_citizenship_we_trace() -> None:
    assert stated_citizenships("He is a citizen of Russia.", "en") == []
    assert bracketed_country("Ivan Petrov (Ukraine).", len("Ivan Petrov")) is None


def test_a_town_of_his_own_country_is_not_the_place_abroad(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azərbaycan vətəndaşı Nurlan Həşimov Rusiya ordusu ilə müqavilə imzalayıb və Ukraynada cəbhəyə "
               "göndərilib. Ailəsi Ağcabədiyə köçüb.", published="2025-12-01")
    assert p.location_abroad != "Ağcabədi"


def test_a_russian_town_before_a_verb_of_going_is_the_place_abroad(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azərbaycan vətəndaşı Nurlan Həşimov 2023-cü ildə Tümenə getdi, orada anbarda işləyirdi. Sonra "
               "Rusiya ordusu ilə müqavilə imzalayıb və Ukraynada cəbhəyə göndərilib.", published="2025-12-01")
    assert p.location_abroad == "Tümen"


def test_participles_and_past_perfect_of_living_give_the_place_abroad(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Uzbek citizen Bobur Karimberdiev, 39, a taxi driver who had lived in Orenburg, was captured in "
               "Ukraine after he signed a contract with the Russian army.", published="2025-12-01")
    assert p.location_abroad == "Orenburg"
    p = person("Гражданин Азербайджана Эльнар Халилли, работавший в Брянске, подписал контракт с Минобороны России "
               "и был ранен в Украине.", published="2025-12-01")
    assert p.location_abroad == "Брянск"


def test_a_russian_town_is_never_home(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Uzbek citizen Bobur Karimberdiev, 39, a taxi driver who had lived in Orenburg, was captured in "
               "Ukraine after he signed a contract with the Russian army.", published="2025-12-01")
    assert p.home is None


def test_azerbaijani_locative_before_an_active_verb_of_detaining(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azərbaycan vətəndaşı Rəşad Nağıyev oktyabrın 5-də Ukraynada əsir düşüb. Onun sözlərinə görə, Rəşadı "
               "Novosibirskdə polis saxlayıb və Rusiya ordusu ilə müqavilə imzalamağa məcbur edib.",
               published="2025-12-01")
    assert p.location_abroad == "Novosibirsk"


def test_from_a_town_and_a_country(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Solange Atangana Ndzie, 22, from Yaoundé, Cameroon, answered an online advertisement for a job in "
               "Russia and was made to sign a contract with the Russian army.", published="2025-12-01")
    assert p.citizenship == "CM"
