"""Coercion methods told in more of each language's verb families (invented people and stories)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("Ugandan citizen Tomas Okello flew to Moscow for a job and signed a contract with the Russian army. At the airport a man took our passports, he says, "
         "and a week later he was at the front in Ukraine with the Russian army.", "passport_confiscation"),
        ("Ugandan citizen Tomas Okello signed a contract with the Russian army. They gave him papers in Russian "
         "and he did not understand one word.", "blank_documents"),
        ("Ugandan citizen Tomas Okello was detained in Kazan and told he would be deported unless he signed "
         "a contract with the Russian army.", "threat_of_deportation"),
        ("Гражданин Узбекистана Жасур Тошматов подписал контракт с Минобороны России. Переводчика не было, "
         "ему сказали, что это трудовой договор.", "blank_documents"),
        ("Гражданин Узбекистана Жасур Тошматов подписал контракт с Минобороны России. Ему сказали, что это "
         "трудовой договор, а через неделю отправили на фронт в Украине.", "deception"),
        ("Гражданина Узбекистана Жасура Тошматова задержали в Казани. В полиции ему предложили выбор: "
         "выдворение или контракт с Минобороны России.", "threat_of_deportation"),
        ("Гражданин Узбекистана Жасур Тошматов приехал в Казань. Посредник забрал у него паспорт, потом "
         "Тошматова отправили на фронт в Украине.", "passport_confiscation"),
        ("Azərbaycan vətəndaşı Tural Həsənli Rusiya ordusuna müqavilə ilə göndərilib. Kazanda onun pasportunu "
         "əlindən aldılar, sonra döyə-döyə müqavilə imzalatdılar.", "torture"),
        ("Azərbaycan vətəndaşı Tural Həsənli Rusiya ordusuna göndərilib. Ona arxa cəbhədə sürücü vəzifəsi "
         "vəd olunub, lakin birbaşa cəbhəyə aparılıb.", "deception"),
        ("Azərbaycan vətəndaşı Tural Həsənli Rusiya ordusuna göndərilib. Ona 5 illik həbs cəzası ilə "
         "hədələnərək müqavilə imzalatdırıblar.", "threat_of_prison"),
    ],
)
def test_method_is_read(person, text, method) -> None:  # type: ignore[no-untyped-def]
    assert method in person(text).coercion


def test_a_prison_term_served_is_no_threat(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Tajik citizen Daler Rahimov was given seven years in prison in Russia and later signed a "
               "contract with the Russian army in the colony to fight in Ukraine.")
    assert "threat_of_prison" not in p.coercion
