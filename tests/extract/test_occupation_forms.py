"""Trades in the grammatical shapes each language gives them (invented people)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "trade"),
    [
        ("Гражданин Узбекистана Жасур Тошматов два года работал в Самаре штукатуром, в марте подписал контракт "
         "с Минобороны России и погиб в Украине.", "штукатур"),
        ("Гражданин Таджикистана Далер Рахимов устроился водителем автобуса в Казани, а в мае подписал контракт "
         "с Минобороны России и был отправлен на фронт в Украине.", "водитель автобуса"),
        ("Azərbaycan vətəndaşı Kamran Nəbiyev Rusiya ordusunda həlak olub. O, Saratovda bir restoranda "
         "qabyuyan işləyirdi.", "restoranda qabyuyan"),
        ("Azərbaycan vətəndaşı Kamran Nəbiyev Rusiya ordusunda həlak olub. Kamran Nəbiyev Saratovda avtobus "
         "sürücüsü işləyib.", "avtobus sürücüsü"),
        ("Tomas Okello, 34, a Ugandan plumber from Jinja, was sent to the front in Ukraine after signing "
         "a contract with the Russian army.", "plumber"),
        ("A Ugandan plumber who went to Russia for work, Tomas Okello, 34, was sent to the front in Ukraine "
         "after signing a contract with the Russian army.", "plumber"),
        ("Tomas Okello, 34, from Uganda, was sent to the front in Ukraine after signing a contract with the "
         "Russian army. Before that he was a bus conductor in Kampala.", "bus conductor"),
    ],
)
def test_trade_is_read(person, text, trade) -> None:  # type: ignore[no-untyped-def]
    assert person(text).occupation == trade


def test_no_trade_from_a_place_of_work_or_a_man(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Узбекистана Жасур Тошматов работал в Самаре, в марте подписал контракт "
               "с Минобороны России и погиб в Украине.")
    assert p.occupation is None
    p = person("Tomas Okello, 34, a Ugandan father of two from Jinja, was sent to the front in Ukraine after signing "
               "a contract with the Russian army.")
    assert p.occupation is None
