"""Events (with dates), status by the spec's precedence, coercion and relatives: invented stories."""

from __future__ import annotations

import pytest

from .helpers import event_dates, event_types

EN_STORY = (
    "Kenyan man missing after being sent to Russia's war\n\n"
    "Kenyan citizen Brian Otieno Wafula, 29, left for Russia in March after a recruitment agency promised him "
    "a job as a warehouse guard. In Moscow his passport was taken and he was made to sign papers in Russian that "
    "he could not read. He was threatened with prison if he refused. After two weeks of training he was sent to "
    "the front in Ukraine. On May 4 he called his wife, Mercy Achieng, and said his unit had been shelled. "
    "Since then the family has heard nothing. His wife has appealed to the government for help."
)
RU_STORY = (
    "Пропавший без вести мигрант\n\n"
    "Гражданин Узбекистана Шерзод Каримов, 1990 года рождения, уехал на заработки в Россию в 2023 году. "
    "В марте 2025 года его задержали в Перми из-за просроченных документов. "
    "В отделе полиции его избивали и угрожали депортацией, после чего он подписал контракт с Минобороны. "
    "15 апреля он позвонил матери, Дилноре Каримовой, и сказал, что его отправляют на фронт. "
    "С тех пор связи с ним нет. Мать обратилась в посольство с просьбой помочь найти сына."
)
AZ_STORY = (
    "Rusiyada saxlanılan azərbaycanlı cəbhəyə göndərilib\n\n"
    "Şəmkir rayonunun sakini, 1988-ci il təvəllüdlü Azərbaycan vətəndaşı Həsənli Rəşad Famil oğlu 2024-cü ildə "
    "işləmək üçün Rusiyaya gedib. Onun sənədlərinin müddəti bitib və o, martın 3-də polis tərəfindən saxlanılıb. "
    "Polislər onu həbs cəzası ilə hədələyib və müqavilə imzalatdırıblar. "
    "Aprelin 10-da o, atası ilə telefonla danışıb. Ondan sonra ailə ondan heç bir xəbər ala bilmir. "
    "Atası Famil Həsənli dövlətdən kömək istəyir."
)


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (EN_STORY, {"departure": "2025-03", "threat": None, "contract": None, "training": None,
                    "deployment": None, "contact": "2025-05-04", "disappearance": None, "appeal": None}),
        (RU_STORY, {"departure": "2023", "documents_lapsed": None, "detention": "2025-03", "torture": None,
                    "threat": None, "contract": None, "deployment": None, "contact": "2025-04-15",
                    "disappearance": None, "appeal": None}),
        (AZ_STORY, {"departure": "2024", "documents_lapsed": None, "detention": "2025-03-03", "threat": None,
                    "contract": None, "deployment": None, "contact": "2025-04-10", "disappearance": None,
                    "appeal": None}),
    ],
)
def test_events_and_their_dates(person, story, expected) -> None:  # type: ignore[no-untyped-def]
    p = person(story, published="2025-07-01")
    found = event_dates(p)
    for etype, when in expected.items():
        assert etype in found, f"{etype} not found in {found}"
        if when is not None:
            assert any(d is not None and d.startswith(when) for d in found[etype]), (etype, found[etype])


@pytest.mark.parametrize("story", [EN_STORY, RU_STORY, AZ_STORY])
def test_sent_to_war_then_contact_lost_is_missing(person, story) -> None:  # type: ignore[no-untyped-def]
    assert person(story, published="2025-07-01").status == "missing"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Nepali citizen Ramesh Thapa was killed in Ukraine in April after joining the Russian army. "
         "He had lost contact with his family in March.", "killed"),
        ("A Cuban recruit, Yoandri Perez, 24, who was captured by Ukrainian forces in 2024, was released in a "
         "prisoner exchange in March 2025.", "returned"),
        ("Гражданин Таджикистана Рустам Назаров, воевавший за Россию, попал в плен в Украине.", "captured"),
        ("Kenyan citizen Peter Mwangi was sent to the front in Ukraine. An agent described him as missing, "
         "feared dead.", "missing"),
        ("Azerbaijani citizen Elvin Zeynalov was wounded near the front line in Ukraine and is in hospital.",
         "wounded"),
        ("Azerbaijani citizen Elvin Zeynalov was sent to the war in Ukraine in January.", "at_front"),
    ],
)
def test_status_precedence(person, text, status) -> None:  # type: ignore[no-untyped-def]
    assert person(text).status == status


def test_scheduled_hearing_that_did_not_happen_is_still_a_court_hearing(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azerbaijani citizen Elvin Zeynalov was detained in Samara. The court hearing set for March 3, "
               "2025 did not take place, and a second hearing was scheduled for April 9, 2025. Instead he was "
               "sent to the war in Ukraine.")
    assert {"2025-03-03", "2025-04-09"} <= event_dates(p)["court_hearing"]


def test_killed_with_date(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Кыргызстана Нурлан Абдыкеримов погиб в Украине 12 мая.", published="2025-06-01")
    assert event_dates(p)["death"] == {"2025-05-12"}
    assert p.status == "killed"


@pytest.mark.parametrize(
    ("story", "methods"),
    [
        (EN_STORY, {"deception", "blank_documents", "passport_confiscation", "threat_of_prison"}),
        (RU_STORY, {"torture", "threat_of_deportation", "document_pretext"}),
        (AZ_STORY, {"threat_of_prison"}),
        ("Kyrgyz citizen Nurlan Abdykerimov was offered a pardon and money to join the Russian army in Ukraine. "
         "Police were paid for each migrant they brought in.", {"inducement", "bounty"}),
        ("Azerbaijani citizen Elvin Zeynalov was threatened with deportation and told drug charges would be "
         "fabricated against him unless he went to the war in Ukraine.", {"threat_of_deportation",
                                                                          "fabricated_charges"}),
    ],
)
def test_coercion_methods(person, story, methods) -> None:  # type: ignore[no-untyped-def]
    assert methods <= set(person(story, published="2025-07-01").coercion)


@pytest.mark.parametrize(
    ("story", "relatives"),
    [
        (EN_STORY, [("Mercy Achieng", "wife")]),
        (RU_STORY, [("Дилнора Каримова", "mother")]),
        (AZ_STORY, [("Famil Həsənli", "father")]),
        ("Гражданин Таджикистана Рустам Назаров погиб на войне в Украине. Отец Рустама, Саид Назаров, "
         "рассказал, что сын уехал на заработки.", [("Саид Назаров", "father")]),
    ],
)
def test_relatives_with_relation(person, story, relatives) -> None:  # type: ignore[no-untyped-def]
    p = person(story, published="2025-07-01")
    assert [(r.name, r.relation) for r in p.relatives] == relatives


def test_a_genitive_name_after_a_kinship_word_is_not_the_relative(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Гражданин Таджикистана Рустам Назаров погиб на войне в Украине. "
            "Отец Рустама рассказал, что сын уехал на заработки.")
    report = extract(text, "t", published="2025-07-01")
    assert [p.name for p in report.persons] == ["Рустам Назаров"]
    assert report.persons[0].relatives == []


def test_events_are_in_story_order(person) -> None:  # type: ignore[no-untyped-def]
    types = event_types(person(EN_STORY, published="2025-07-01"))
    assert types.index("departure") < types.index("deployment") < types.index("disappearance")


def test_since_then_dates_the_disappearance(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Kenyan citizen Brian Wafula was sent to the front in Ukraine. He last called his wife on "
               "October 4. Since then the family has heard nothing.", published="2025-12-01")
    assert event_dates(p)["disappearance"] == {"2025-10"}


def test_killed_in_the_war_implies_deployment(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Таджикистана Рустам Назаров, отбывавший срок в российской колонии, погиб в Украине.")
    assert "deployment" in event_types(p) and "death" in event_types(p)


def test_event_places(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Узбекистана Шерзод Каримов уехал на заработки в Пермь в 2023 году. В марте 2025 года "
               "его задержали в Перми. 15 апреля его отправили на фронт в Украину.", published="2025-07-01")
    assert [(e.type, e.date, e.place) for e in p.events] == [
        ("departure", "2023", "Пермь"), ("detention", "2025-03", "Пермь"), ("deployment", "2025-04-15", "Украина")]


def test_a_headline_about_several_people_applies_to_each(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Rusiya ordusu tərkibində həlak olan soydaşlarımızın siyahısı\n\n"
            "1. Quliyev Namiq Arif oğlu, 1979-cu il təvəllüdlü. 2. Kərimov Elvin Rauf oğlu, 1990-cı il təvəllüdlü.")
    report = extract(text, "t", published="2025-01-10")
    assert [(p.name, p.birth_year, p.status) for p in report.persons] == [
        ("Quliyev Namiq Arif oğlu", 1979, "killed"), ("Kərimov Elvin Rauf oğlu", 1990, "killed")]


def test_a_funeral_date_is_not_the_date_of_death(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Гражданин Таджикистана Рустам Назаров погиб в Украине. Его тело привезли домой и похоронили "
               "12 декабря.", published="2025-12-20")
    assert event_dates(p)["death"] == {None}


def test_a_mother_speaking_of_her_son_makes_him_the_subject(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("\"Oğlumu geri qaytarın\" — ana müraciət edir\n\n"
            "Masallı rayon sakini Gülnarə Əliyeva bildirir ki, oğlu Tural Əliyev 2024-cü ilin mayında Rusiyaya "
            "işləməyə gedib, orada saxlanılıb və zorla müqavilə imzalatdırılıb.")
    report = extract(text, "t", published="2025-01-15")
    assert [p.name for p in report.persons] == ["Tural Əliyev"]
    assert [(r.name, r.relation) for r in report.persons[0].relatives] == [("Gülnarə Əliyeva", "mother")]


def test_en_military_contract_and_work_place(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Azerbaijani citizen Ramil Huseynov, 35, who worked at a market in Novosibirsk, was killed in "
               "Ukraine, his sister Lala Huseynova said.", published="2025-01-15")
    assert (p.location_abroad, p.status, p.age) == ("Novosibirsk", "killed", 35)
    assert [(r.name, r.relation) for r in p.relatives] == [("Lala Huseynova", "sister")]


def test_an_offer_refused_is_no_contract_and_deportation_is_a_return(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Tajik migrant Firdavs Rahimov, 27, says police in Kazan offered him Russian citizenship if he signed "
               "a contract with the army. He refused and was deported.", published="2024-05-01")
    assert event_types(p) == ["return"]
    assert p.status == "returned" and p.coercion == ["inducement"]


def test_prisoners_recruited_are_relevant(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Бывший заключенный колонии в Тверской области Сергей Петров, завербованный «Вагнером», погиб под "
            "Бахмутом в марте.")
    report = extract(text, "t", published="2024-05-01")
    assert report.relevant and report.persons[0].status == "killed"


def test_kinship_word_with_an_indeclinable_name_before_the_relative(person) -> None:  # type: ignore[no-untyped-def]
    p = person("Кениец Брайан Вафула погиб на фронте в Украине. 3 мая жена Вафула, Мерси Акинье, в последний раз "
               "слышала его голос. Мерси рассказала изданию, что военного опыта у мужа не было.", published="2025-06-01")
    assert [(r.name, r.relation) for r in p.relatives] == [("Мерси Акинье", "wife")]
