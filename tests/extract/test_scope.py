"""Negation, modality and other doers: a trigger counts only when its clause asserts it of the
subject (``soraq.extract.scope``, lexicon ``[scope]``). All people and places are invented."""

from __future__ import annotations

from tests.extract.helpers import event_types


def test_negated_wound_is_no_event(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Kenyan citizen Otieno Wafula, 29, signed a contract with the Russian army and was sent to the "
               "front in March. His cousin says he was not wounded and still calls every week.")
    assert "wounded" not in event_types(p)
    assert p.status == "at_front"
    p = person("Гражданин Таджикистана Сафар Назаров подписал контракт с Минобороны России и был отправлен на "
               "фронт в марте. По словам брата, он не был ранен.")
    assert "wounded" not in event_types(p)
    p = person("Azərbaycan vətəndaşı Elnur Qasımlı Rusiya ordusu ilə müqavilə imzalayıb və cəbhəyə göndərilib. "
               "Qardaşının sözlərinə görə, o yaralanmayıb.")
    assert "wounded" not in event_types(p)


def test_a_threatened_prison_term_is_no_sentence(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Uzbek migrant Jasur Rakhimov was detained in Kazan in May. Police told him that if he refused "
               "to sign a contract with the Russian army he would be sentenced to ten years.")
    types = event_types(p)
    assert "detention" in types and "court_hearing" not in types
    p = person("Гражданина Кыргызстана Бакыта Осмонова задержали в Саратове. Ему сказали, что если он не подпишет "
               "контракт с Минобороны, его осудят.")
    assert "court_hearing" not in event_types(p)


def test_future_and_conditional_verbs_in_azerbaijani_are_no_events(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azərbaycan vətəndaşı Fuad Məmmədli Rusiyada polis tərəfindən saxlanılıb. Ona deyiblər ki, "
               "Rusiya ordusu ilə müqavilə imzalamasa həbs olunacaq və cəbhəyə göndəriləcək.")
    types = event_types(p)
    assert "detention" in types
    assert not {"contract", "deployment"} & set(types)


def test_someone_elses_death_is_not_the_subjects(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Nepali citizen Bikash Lamichhane, 31, was recruited by an agent in Moscow and sent to the front. "
               "His friend was killed in the same assault, his sister says.")
    assert "death" not in event_types(p)
    assert p.status == "at_front"
    p = person("Гражданин Непала Бикаш Ламичхане подписал контракт с Минобороны России и был отправлен на фронт в "
               "Украину. В том же бою погиб его друг.")
    assert "death" not in event_types(p)


def test_people_in_general_are_not_the_subject(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Cuban citizen Yadiel Rosales Vega signed a contract with the Russian army in June and is in "
               "training near Penza. Thousands of migrants are sent to the front every month, activists say.")
    assert "deployment" not in event_types(p)
    assert p.status == "in_unit"


def test_the_subject_with_others_stays_the_doer(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Ghanaian student Kofi Mensah Adjei, 24, flew to Moscow in April. After he arrived, he and "
               "other recruits were forced into military service and sent to the front.")
    assert "deployment" in event_types(p)


def test_as_if_is_an_assertion(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Kenyan driver Brian Kiprono Mutai, 33, flew to Russia in May for a promised job and ended up "
               "in the Russian army. In his last message he said it looked as if they had been brought for "
               "military training.")
    assert "training" in event_types(p)


def test_a_headline_of_several_fates_gives_no_one_its_events(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Killed, captured, missing: three Central Asian families and the war\n\n"
            "Three families told us what they know.\n\n"
            "Bakhtiyor Usmonov (Uzbekistan). The 28-year-old signed a contract with the Russian army in May and "
            "was sent to the front. He was killed near Pokrovsk in August.\n\n"
            "Dilshod Ergashboyev (Tajikistan). The 35-year-old signed a contract in June. He has been in training "
            "near Rostov since July and calls his wife every week.\n\n"
            "Azamat Toktogulov (Kazakhstan). The 41-year-old was detained in Omsk in September and signed a "
            "contract there.")
    report = extract(text, "three-fates", published="2025-12-01")
    by_name = {p.name: p for p in report.persons}
    assert by_name["Bakhtiyor Usmonov"].status == "killed"
    assert by_name["Dilshod Ergashboyev"].status == "in_unit"
    assert by_name["Azamat Toktogulov"].status == "detained"
    for name in ("Dilshod Ergashboyev", "Azamat Toktogulov"):
        assert not {"death", "captured", "disappearance"} & set(event_types(by_name[name]))


def test_a_relative_clause_does_not_hide_the_doer(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Kyrgyz citizen Nurlan Sydykbekov, 31, signed a contract with the Russian army and was sent to the "
               "front. His friend, who was also from Talas, was killed in the same assault.")
    assert "death" not in event_types(p)
    p = person("Kyrgyz citizen Nurlan Sydykbekov, 31, signed a contract with the Russian army. Nurlan, his friend "
               "says, was killed in June.")
    assert "death" in event_types(p)
    p = person("Kyrgyz citizen Nurlan Sydykbekov, 31, signed a contract with the Russian army, was sent to the "
               "front in May, and was killed in June.")
    assert "death" in event_types(p)


def test_people_in_general_in_the_headline_of_a_one_person_report(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Nepal asks Moscow to return citizens recruited into Russian army\n\n"
            "Among them is Dipesh Lamichhane, 27, from Syangja district, who left for Moscow in 2023 on a student "
            "visa. His father says the family last heard from him in March 2025.")
    p = extract(text, "general-headline", published="2025-06-10").persons[0]
    assert "contract" not in event_types(p)


def test_a_refusal_is_no_event(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Таджикистана Фирдавс Назриев был задержан в Саратове в марте 2025 года. Контракт с "
               "Минобороны России подписывать отказался и был депортирован в апреле.", published="2025-12-01")
    assert "contract" not in event_types(p)
    p = person("Tajik citizen Firdavs Nazriev, 29, was detained in Saratov in March 2025. He refused to sign a "
               "contract with the Russian army and was deported in April.", published="2025-12-01")
    assert "contract" not in event_types(p)
