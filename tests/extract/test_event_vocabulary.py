"""Event phrasings of plain tracing requests and family accounts, in az/ru/en (invented people)."""

from __future__ import annotations

from tests.extract.helpers import event_dates


def test_plain_azerbaijani_tracing_request(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Oğlumu axtarıram\n\nMən, Qəbələ rayonunda yaşayan ana, oğlum Azərbaycan vətəndaşı Elnar Xəlilli "
               "haqqında yazıram. 2024-cü ilin aprelində Rusiyaya işləməyə getdi. Ötən ilin oktyabrında polis onu "
               "işlədiyi yerdən apardı. Həmin gecə mənə zəng elədi, dedi ki, hərbi müqaviləyə qol çəkməyə məcbur "
               "edirlər. Noyabrın əvvəlində axırıncı dəfə danışdıq, dedi ki, onları cəbhəyə aparırlar. O gündən "
               "telefonu sönülüdür.", published="2026-01-20")
    dates = event_dates(p)
    assert dates.get("departure") == {"2024-04"}
    assert dates.get("detention") == {"2025-10"}
    assert "2025-10" in (dates.get("contact") or set())
    assert "disappearance" in dates
    assert p.status == "missing"


def test_plain_english_family_account(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Nepali citizen Suman Lamichhane, 24, travelled in January to take a job in Russia. Police rounded "
               "him up in Kazan in March and he was made to sign a contract with the Russian army. His family last "
               "heard from him in May, when he said his unit was being moved to the front. His phone has been "
               "switched off since then.", published="2025-09-01")
    dates = event_dates(p)
    assert dates.get("departure") == {"2025-01"}
    assert dates.get("detention") == {"2025-03"}
    assert dates.get("deployment") == {"2025-05"}
    assert p.status == "missing"


def test_plain_russian_family_account(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Кыргызстана Талант Осмонбеков в марте уехал на заработки в Россию. В июне его забрали в "
               "полицию в Новосибирске и заставили подписать контракт с Минобороны. В августе его перебросили на "
               "передовую. С сентября телефон отключен.", published="2025-11-01")
    dates = event_dates(p)
    assert dates.get("detention") == {"2025-06"}
    assert dates.get("deployment") == {"2025-08"}
    assert p.status == "missing"
