"""Interviews with a family member who shares the subject's surname, and questions that assert
nothing (invented people and places)."""

from __future__ import annotations

import pytest

from tests.extract.helpers import event_dates

INTERVIEWS = {
"az": """"Qardaşımı aldadıblar": bir ailənin hekayəsi

Qusar rayonunda yaşayan Nicat Bağırzadə artıq üç aydır qardaşından xəbər gözləyir. Kiçik qardaşı Fərid Bağırzadə Rusiya ordusunun təlim düşərgəsindədir. Nicat bəy bizimlə söhbətində baş verənləri danışdı.

- Fərid nə vaxt Rusiyaya gedib? O, orada həbs olunub?

- Fərid 2024-cü ilin aprelində Rusiyaya işləməyə gedib. 2025-ci ilin iyulunda polis onu saxlayıb və müqavilə imzalamağa məcbur edib.
""",
"ru": """«Брата обманули»: рассказ одной семьи

Житель Оша Марат Абдыкадыров уже три месяца ждет вестей от брата. Его младший брат Бекзат Абдыкадыров находится в учебном центре российской армии. Марат рассказал нам, что произошло.

— Когда Бекзат уехал в Россию? Его задерживали?

— Бекзат уехал в Россию в апреле 2024 года. В июле 2025 года его задержали в Перми и заставили подписать контракт с Минобороны.
""",
"en": """"They lied to my brother": one family's story

Kamal Adeyemi, who lives in Ibadan, has waited three months for news. His younger brother Tunde Adeyemi, a Nigerian student, is in a Russian army training camp. Kamal told us what happened.

Q: When did Tunde go to Russia? Was he arrested there?

A: Tunde flew to Russia in April 2024 to study. In July 2025 police detained him in Kursk and forced him to sign a contract with the Russian army.
""",
}

SUBJECT = {"az": ("Fərid Bağırzadə", "Nicat Bağırzadə"), "ru": ("Бекзат Абдыкадыров", "Марат Абдыкадыров"),
           "en": ("Tunde Adeyemi", "Kamal Adeyemi")}


@pytest.mark.parametrize("lang", ["az", "ru", "en"])
def test_the_narrating_brother_is_a_relative_not_a_subject(extract, lang) -> None:  # type: ignore[no-untyped-def]
    report = extract(INTERVIEWS[lang], f"interview-{lang}", published="2025-10-01")
    subject, narrator = SUBJECT[lang]
    assert [p.name for p in report.persons] == [subject]
    p = report.persons[0]
    assert [(r.name, r.relation) for r in p.relatives] == [(narrator, "brother")]
    dates = event_dates(p)
    assert dates.get("departure") == {"2024-04"}
    assert dates.get("contract") == {"2025-07"}
    assert p.status == "in_unit"


def test_a_question_asserts_no_event(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Kenyan citizen Brian Mutua, 30, signed a contract with the Russian army in June.\n\n"
               "Was he wounded at the front? Nobody has told the family.", published="2025-10-01")
    assert "wounded" not in event_dates(p)
