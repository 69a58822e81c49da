"""Each date goes with the event trigger of its own clause (invented people)."""

from __future__ import annotations

import pytest

from tests.extract.helpers import event_dates

CASES = [
    ("Kenyan citizen Peter Wanyama, 30, was detained on 12 March and on 20 April he signed a contract with the "
     "Russian army.", {"detention": {"2025-03-12"}, "contract": {"2025-04-20"}}),
    ("Kenyan citizen Peter Wanyama, 30, left for Russia in 2023, and in May 2025 he was detained and signed a "
     "contract with the Russian army.", {"departure": {"2023"}, "detention": {"2025-05"}, "contract": {"2025-05"}}),
    ("Гражданин Кыргызстана Талант Осмонбеков подписал контракт с Минобороны России 20 апреля, после того как "
     "12 марта его задержали в Казани.", {"detention": {"2025-03-12"}, "contract": {"2025-04-20"}}),
    ("Azərbaycan vətəndaşı Elnar Xəlilli martın 12-də Kazanda saxlanılıb, aprelin 20-də isə Rusiya ordusu ilə "
     "müqavilə imzalayıb.", {"detention": {"2025-03-12"}, "contract": {"2025-04-20"}}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_two_events_two_dates(person, text, expected) -> None:  # type: ignore[no-untyped-def]
    dates = event_dates(person(text, published="2025-09-01"))
    for etype, when in expected.items():
        assert dates.get(etype) == when, (etype, dates)


def test_a_birth_year_never_dates_an_event(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Азербайджана Эльнар Халилли, 1993 года рождения, подписал контракт с Минобороны России "
               "после задержания в Краснодаре.", published="2025-09-01")
    assert p.birth_year == 1993
    assert all(e.date != "1993" for e in p.events)


@pytest.mark.parametrize(("text", "lang"), [
    ("Гражданина Кыргызстана Таланта Осмонбекова задержали в мае 2024 года. В июне того же года суд приговорил "
     "его к шести годам, а позже он подписал контракт с Минобороны России.", "ru"),
    ("Kyrgyz citizen Talant Osmonbekov was detained in May 2024. In June of that year a court sentenced him to six "
     "years; later he signed a contract with the Russian army.", "en"),
])
def test_the_same_year_is_the_year_of_the_date_before(person, text, lang) -> None:  # type: ignore[no-untyped-def]
    dates = event_dates(person(text, published="2025-09-01", lang=lang))
    assert dates.get("court_hearing") == {"2024-06"}


def test_remains_as_a_verb_is_no_death(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Ghanaian student Kofi Adjei, 24, signed a contract with the Russian army in June and was moved to a "
               "military training unit near Penza. He remains there.", published="2025-09-01")
    assert "death" not in event_dates(p)
    assert p.status == "in_unit"


def test_a_month_later_in_a_dated_story_stays_in_the_storys_year(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Kyrgyz citizen Talant Osmonbekov, 29, left for Moscow in March 2024 to work on building sites. In "
               "June he was detained and signed a contract with the Russian army.", published="2025-12-01")
    dates = event_dates(p)
    assert dates.get("departure") == {"2024-03"} and dates.get("detention") == {"2024-06"}


def test_an_azerbaijani_date_stands_before_its_verb(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azərbaycan vətəndaşı Elnur Abbaszadə mayda Rusiya ordusu ilə müqavilə imzalayıb və iyulda "
               "Ukraynada həlak olub.", published="2025-12-01")
    dates = event_dates(p)
    assert dates.get("contract") == {"2025-05"} and dates.get("death") == {"2025-07"}
