"""Numbered lists of people in NGO statements: each entry is one person's story (invented people)."""

from __future__ import annotations

import pytest

from tests.extract.helpers import event_dates

LISTS = {
"en": """Statement: nationals of Uzbekistan held in the Russian army

Our organisation has documented the following cases of Uzbek citizens recruited into the Russian army:

1. Jasur Tursunboyev, born 1994, from Termez. Detained in Moscow in March 2025 over expired documents; signed a contract in April 2025. Killed near Pokrovsk in July 2025.
2. Otabek Norqobilov, born 1989, from Denov. Worked on a construction site in Kazan; recruited in May 2025. Missing since August 2025.
3. Sherzod Alimov, born 2001, a student in Tomsk. Signed a contract in June 2025 after being promised Russian citizenship. Captured by Ukraine in September 2025.
""",
"ru": """Заявление правозащитного центра

Нам известны следующие граждане Таджикистана, завербованные в российскую армию:

1. Фируз Ашуров, 1993 года рождения, уроженец Худжанда. Задержан в Москве в марте 2025 года, в апреле подписал контракт. Погиб в июле 2025 года.
2. Умед Аминов, 1988 года рождения. Работал на стройке в Казани, в мае 2025 года подписал контракт. С августа на связь не выходит.
3. Файзулло Холов, 2000 года рождения, студент. В июне 2025 года подписал контракт, в сентябре попал в плен.
""",
"az": """Hüquq müdafiə mərkəzinin bəyanatı

Mərkəzə Rusiya ordusuna cəlb olunmuş aşağıdakı Azərbaycan vətəndaşları barədə məlumat daxil olub:

1. Cavid Nuriyev, 1993-cü il təvəllüdlü, Zaqatala rayonundan. 2025-ci ilin martında Moskvada saxlanılıb, aprelində müqavilə imzalayıb. 2025-ci ilin iyulunda həlak olub.
2. Samir Quluzadə, 1988-ci il təvəllüdlü. Kazanda tikintidə işləyirdi, 2025-ci ilin mayında müqavilə imzalayıb. Avqustdan xəbər yoxdur.
3. İlkin Rüstəmzadə, 2000-ci il təvəllüdlü, tələbə. 2025-ci ilin iyununda müqavilə imzalayıb, sentyabrda əsir düşüb.
""",
}

EXPECTED = {
    "en": [("Jasur Tursunboyev", 1994, "Termez", "killed"), ("Otabek Norqobilov", 1989, "Denov", "missing"),
           ("Sherzod Alimov", 2001, None, "captured")],
    "ru": [("Фируз Ашуров", 1993, "Худжанд", "killed"), ("Умед Аминов", 1988, None, "missing"),
           ("Файзулло Холов", 2000, None, "captured")],
    "az": [("Cavid Nuriyev", 1993, "Zaqatala", "killed"), ("Samir Quluzadə", 1988, None, "missing"),
           ("İlkin Rüstəmzadə", 2000, None, "captured")],
}
CONTRACTS = ["2025-04", "2025-05", "2025-06"]


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_each_list_entry_keeps_its_own_facts(extract, lang) -> None:  # type: ignore[no-untyped-def]
    report = extract(LISTS[lang], f"list-{lang}", published="2025-12-01")
    got = [(p.name, p.birth_year, p.home, p.status) for p in report.persons]
    assert got == EXPECTED[lang]
    for p, contract in zip(report.persons, CONTRACTS):
        assert event_dates(p).get("contract") == {contract}, p.name
        assert p.citizenship == {"en": "UZ", "ru": "TJ", "az": "AZ"}[lang]
