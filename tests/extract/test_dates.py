"""Dates: absolute and relative, resolved against the publication date, precision kept."""

from __future__ import annotations

from datetime import date

import pytest

from soraq.extract import az_suffixes
from soraq.extract.dates import base_date, find_dates


def values(text: str, lang: str, base: date | None, published: bool = True) -> list[str]:
    return [d.value for d in find_dates(text, lang, base, published)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("He called on January 15 this year.", "en", ["2026-01-15"]),
        ("The hearing was set for December 22, 2025.", "en", ["2025-12-22"]),
        ("He left on 21 October 2025 and wrote in November.", "en", ["2025-10-21", "2025-11"]),
        ("He went to Russia two years ago.", "en", ["2024-02"[:4]]),
        ("He went to Russia about two years ago.", "en", ["2024"]),
        ("Five months ago his family lost contact.", "en", ["2025-09"]),
        ("He has been in prison since 2019.", "en", ["2019"]),
        ("В середине января его отправили на фронт.", "ru", ["2026-01"]),
        ("Заседание назначили на 22 декабря 2025 года.", "ru", ["2025-12-22"]),
        ("Три года назад он уехал на заработки.", "ru", ["2023"]),
        ("В 2024 году он подписал контракт.", "ru", ["2024"]),
        ("Oğlu yanvarın 15-də zəng vurub.", "az", ["2026-01-15"]),
        ("Məhkəmə 2026-cı il yanvarın 24-ü təyin olunub.", "az", ["2026-01-24"]),
        ("İlk iclas dekabrın 22-də olmalı idi.", "az", ["2025-12-22"]),
        ("Ötən ilin oktyabrında saxlanılıb.", "az", ["2025-10"]),
        ("O, 2023-cü ilin aprelində yola düşüb.", "az", ["2023-04"]),
        ("Beş ay əvvəl ondan xəbər kəsilib.", "az", ["2025-09"]),
    ],
)
def test_dates_against_a_publication_date(text: str, lang: str, expected: list[str]) -> None:
    assert values(text, lang, date(2026, 2, 10)) == expected


def test_mid_month_takes_the_month_last_named() -> None:
    text = "He was sent to the war on January 15. In mid-month he called from a borrowed phone."
    assert values(text, "en", date(2026, 3, 1)) == ["2026-01-15", "2026-01"]


def test_next_day_follows_the_previous_date() -> None:
    text = "Yanvarın 15-də danışıb. Ertəsi gün onu təlimə aparıblar."
    assert values(text, "az", date(2026, 3, 1)) == ["2026-01-15", "2026-01-16"]


def test_without_publication_date_the_latest_explicit_date_is_the_reference() -> None:
    text = ("The first hearing was set for December 22, 2025; the second for January 24, 2026. "
            "He called on January 15 this year.")
    base, published = base_date(text, None, "en")
    assert (base, published) == (date(2026, 1, 24), False)
    assert values(text, "en", base, published)[-1] == "2026-01-15"


def test_a_birth_year_is_not_the_reference_date() -> None:
    base, _ = base_date("Эльвин Зейналов, 1991 года рождения, погиб в середине января.", None, "ru")
    assert base is None


def test_number_ranges_and_money_are_not_years() -> None:
    assert values("They asked for 1900-2500 dollars and 2,000 roubles.", "en", date(2026, 1, 1)) == []


def test_unknown_reference_leaves_yearless_dates_unresolved() -> None:
    assert values("He called on January 15.", "en", None) == []


@pytest.mark.parametrize(
    ("word", "stem"),
    [("Zeynalovu", "Zeynalov"), ("Hüseynovanın", "Hüseynova"), ("oktyabrında", "oktyabr"), ("yanvarın", "yanvar")],
)
def test_azerbaijani_suffixes_are_stripped(word: str, stem: str) -> None:
    accept = {"Zeynalov", "Hüseynova", "oktyabr", "yanvar"}.__contains__
    assert az_suffixes.strip_word(word, accept) == stem


def test_azerbaijani_number_suffixes() -> None:
    assert az_suffixes.strip_number_suffixes("yanvarın 15-də, 2026-cı il, 24-ü") == "yanvarın 15, 2026 il, 24"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The last message was on 19 November 2025. Three days later he was shot dead.", "en",
         ["2025-11-19", "2025-11-22"]),
        ("The last message was on 19 November 2025. A few days later he was shot dead.", "en",
         ["2025-11-19", "2025-11"]),
        ("Разговор состоялся 19 ноября. Спустя два дня она увидела сюжет.", "ru", ["2025-11-19", "2025-11-21"]),
        ("Martın 3-də saxlanılıb. Bir neçə gün sonra müqavilə imzalatdırıblar.", "az", ["2025-03-03", "2025-03"]),
    ],
)
def test_time_counted_from_the_last_date(text: str, lang: str, expected: list[str]) -> None:
    assert values(text, lang, date(2025, 12, 1)) == expected


def test_numeric_dates() -> None:
    assert values("Погиб 12.03.2024, похоронен 2024-03-20.", "ru", None) == ["2024-03-12", "2024-03-20"]
