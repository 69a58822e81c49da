"""Negated deployments, wished-for returns and threats put as a choice (invented people)."""

from __future__ import annotations

from tests.extract.helpers import event_types


def test_not_yet_sent_to_the_front_is_in_training(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Кубы Ласаро Гомес подписал контракт с Минобороны России. Сейчас он проходит "
               "подготовку в воинской части под Тулой. На фронт его пока не отправили.")
    assert p.status == "in_unit"
    p = person("Azərbaycan vətəndaşı Tural Həsənli Rusiya ordusu ilə müqavilə imzalayıb. Oktyabrda zəng etdi, "
               "dedi ki, təlimdədirlər, hələ cəbhəyə göndərməyiblər.")
    assert p.status == "in_unit"


def test_a_plea_to_bring_a_prisoner_home_is_no_return(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Rusiya ordusunun tərkibində döyüşən Azərbaycan vətəndaşı Tural Həsənli Ukraynada əsir düşüb. "
               "T.Həsənli hökumətə müraciət edərək onu mübadilə yolu ilə vətənə qaytarmağı xahiş edib.")
    assert p.status == "captured"
    p = person("A video of captured soldiers released by Ukrainian authorities shows Ugandan citizen Tomas "
               "Okello, who fought for the Russian army.")
    assert p.status == "captured"


def test_a_choice_between_deportation_and_a_contract_is_a_threat(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданина Узбекистана Жасура Тошматова задержали в Казани в мае. В полиции ему предложили "
               "выбор: выдворение или контракт с Минобороны России.")
    assert "threat" in event_types(p)
    p = person("Ugandan citizen Tomas Okello was detained in Kazan and told he would be deported unless he "
               "signed a contract with the Russian army.")
    assert "threat" in event_types(p)


def test_an_estimate_of_many_is_no_deployment_of_the_subject(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Кубы Ласаро Гомес подписал контракт с Минобороны России и проходит подготовку в "
               "учебном центре. По оценкам правозащитников, в российской армии могут находиться не менее "
               "200 граждан Кубы.")
    assert "deployment" not in event_types(p)
    assert p.status == "in_unit"


def test_a_wish_to_be_exchanged_is_no_return(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azerbaijani citizen Kamran Nabiyev, who fought for the Russian army, was captured in Ukraine. "
               "In the video he asks to be included in a prisoner exchange.")
    assert p.status == "captured"
