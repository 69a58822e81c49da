"""Coercion told in plain words by families (invented people)."""

from __future__ import annotations


def test_expulsion_threat_and_lapsed_registration_in_azerbaijani(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azərbaycan vətəndaşı Elnar Xəlilli Rusiyada işləyirdi. Qeydiyyat müddəti bitəndən sonra polis onu "
               "saxlayıb. Deyiblər ki, ya səni ölkədən çıxarırıq, ya da Rusiya ordusu ilə müqavilə imzalayırsan.",
               published="2025-10-01")
    assert {"threat_of_deportation", "document_pretext"} <= set(p.coercion)


def test_papers_he_could_not_read_in_russian(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданина Узбекистана Ботира Каримбоева задержали в Казани. В военкомате ему дали подписать "
               "бумаги на русском, которые он прочитать не мог, и отправили на фронт в Украину.",
               published="2025-10-01")
    assert "blank_documents" in p.coercion


def test_an_entry_ban_is_a_deportation_threat(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Kyrgyz citizen Bakyt Osmonov, 33, was detained in Omsk after his registration had expired. Police "
               "told him he would be expelled from Russia with an entry ban unless he signed a contract with the "
               "Russian army.", published="2025-10-01")
    assert {"threat_of_deportation", "document_pretext"} <= set(p.coercion)
