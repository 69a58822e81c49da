"""Relevance carries over to new phrasings, countries and war geography (invented reports only).

Each text is fictional and written for this test: other people, places, countries
and turns of phrase than the development set. Positives name a foreign national or
labour migrant brought into the Russian forces (or their fate); negatives are the
spec's near-topic reports.
"""

from __future__ import annotations

import pytest

from soraq.extract import is_relevant_fast
from soraq.extract.relevance import country_mentions

RELEVANT = {
    # a demonym the lexicon does not list (from CLDR country names), war geography
    "en-zambian-student": (
        "Zambian student Chanda Mwale, 23, was studying in Kazan when his visa ran out. "
        "Police offered him a choice between deportation and a contract, and in June he was sent to the Luhansk region. "
        "He has not called since."
    ),
    # nationality only in the lead, the war three sentences later
    "en-lead-then-war": (
        "A Rwandan mother is searching for her son. "
        "Jean-Paul Habimana left Kigali last year after a man online promised him warehouse work. "
        "His mother last heard from him in March. "
        "A fellow recruit says he was killed near Kupiansk in April."
    ),
    # no nationality at all: a labour migrant tricked by an agent
    "en-agent-promised": (
        "Ravi Mehra's family say an agent promised him a hotel job in St Petersburg. "
        "When he arrived, he was made to sign papers he could not read. "
        "Two weeks later he was sent to fight in the Donetsk region."
    ),
    "en-captured-by-ukraine": (
        "Ukrainian forces said they had captured an Egyptian national fighting for Russia in the Kharkiv region. "
        "The man, Omar Fathy, said he had gone to Russia to earn money."
    ),
    "ru-migrant-killed": (
        "Трудовой мигрант Бахтиёр Назаров восемь лет работал в России на стройке. "
        "Осенью его задержали, а через месяц он подписал контракт с Минобороны. "
        "В феврале родные узнали, что он погиб в Запорожской области."
    ),
    "ru-zambian-pow": (
        "Гражданин Замбии Джозеф Банда попал в плен под Покровском. "
        "По его словам, в Россию он приехал по студенческой визе, а вербовщик обещал ему работу."
    ),
    "az-went-to-russia": (
        "Masallı rayonunun sakini Rauf Həsənli üç il əvvəl Rusiyaya işləməyə getmişdi. "
        "Ailəsinin sözlərinə görə, o, hərbi müqavilə imzalayıb. "
        "Martın 3-də Zaporojye istiqamətində həlak olub."
    ),
    # prisoners recruited in a colony are in scope too
    "ru-colony-convict": (
        "Осужденного Игоря Белова завербовали прямо в колонии. "
        "Его отправили на фронт, и через два месяца он погиб под Бахмутом."
    ),
    # never names Russia or Ukraine, but tells of the front and of captivity
    "ru-unanchored-colony": (
        "Гражданин Таджикистана Фирдавс Холов отбывал наказание в колонии под Тверью. "
        "Весной его отправили на фронт, а летом он попал в плен."
    ),
    # a near-topic cue (Karabakh, a patent, remittances) never outweighs a national sent to the war
    "az-karabakh-veteran-recruited": (
        "Qarabağ müharibəsi veteranı Tural Nəbiyev Rusiyada işləyərkən saxlanılıb. "
        "Sonra zorla müqavilə imzalatdırıb Ukraynaya döyüşə göndəriblər."
    ),
    "ru-patent-then-front": (
        "Мигранта из Таджикистана Саида Каримова задержали в Подольске за просроченный патент. "
        "В отделе ему предложили контракт с Минобороны России, и через неделю он оказался на фронте."
    ),
    "en-remittances-then-killed": (
        "Kenyan migrant worker Peter Otieno sent remittances home from Russia until he was forced "
        "to sign an army contract; he was killed in Donetsk in May."
    ),
    "az-foreign-demonym": (
        "Qazaxıstanlı tələbə Nurlan Seitov Rusiya ordusu ilə müqavilə imzalamağa məcbur edilib. "
        "Onun Donetsk vilayətində itkin düşdüyü bildirilir."
    ),
    # a district's resident (no "citizen", no nationality) in the Russian army; "Herson" spelling
    "az-district-resident": (
        "Şəki rayonunun sakini Vüqar Nəsibli Rusiya ordusu tərkibində döyüşərkən yaralanıb. "
        "Ailəsi deyir ki, onu Herson vilayətinə göndəriblər."
    ),
    # "on the war" with Russia named elsewhere, a Nepali citizen
    "ru-on-the-war": (
        "Гражданин Непала Бикаш Гурунг, пропавший на войне, вернулся домой. "
        "Он рассказал, что подписал контракт в Москве и был ранен."
    ),
}

NOT_RELEVANT = {
    # a Russian volunteer's obituary: a native of a Russian town is no foreigner
    "en-russian-volunteer": (
        "Volunteer Sergei Volkov, a native of Tver, was killed near Pokrovsk. "
        "He had signed a contract with the defence ministry in 2023 and served in an assault unit."
    ),
    "ru-russian-volunteer": (
        "В Костроме простились с уроженцем города Павлом Сомовым, погибшим в зоне СВО. "
        "Он добровольно подписал контракт с Минобороны и служил в штурмовом подразделении."
    ),
    # an exchange of Ukrainian prisoners only
    "ru-ukrainian-pow-exchange": (
        "Россия и Украина провели обмен военнопленными: домой вернулись по 84 военнослужащих с каждой стороны."
    ),
    # remittances, with the war only as background
    "en-remittances": (
        "Remittances from Kyrgyz migrant workers in Russia fell by a fifth last year. "
        "Economists link the fall to the weaker rouble since the war in Ukraine began."
    ),
    "az-remittances": (
        "Rusiyada işləyən miqrantların pul köçürmələri ötən il azalıb. "
        "Mərkəzi Bankın məlumatına görə, köçürmələrin həcmi 12 faiz aşağı düşüb."
    ),
    # migrants' paperwork with no link to the war
    "ru-patent": (
        "С января стоимость патента для мигрантов из Узбекистана вырастет. "
        "Иностранные граждане должны оплатить патент заранее."
    ),
    # a Karabakh war commemoration
    "az-karabakh": (
        "Vətən müharibəsi şəhidi Murad Əliyevin xatirəsi doğulduğu kənddə anılıb. "
        "O, Qarabağ uğrunda döyüşlərdə həlak olub."
    ),
    # Russia recruiting its own citizens: recruits are not foreigners
    "en-domestic-recruitment": (
        "Regional recruitment centres across Russia offer bonuses of up to two million roubles. "
        "Many recruits have been killed at the front, local media report."
    ),
    "en-russian-citizens": (
        "Citizens of Russia who signed a contract with the Ministry of Defence were killed at the front "
        "in Donetsk, officials said."
    ),
    # a demonym before weapons or a state is no foreign national
    "en-foreign-weapons": (
        "Iranian drones killed three people in the Kharkiv region overnight, Ukrainian officials said. "
        "The Indian government called for talks."
    ),
    # captivity in another war (Karabakh): no mention of Russia, Ukraine or this war's places
    "az-other-war-captivity": (
        "Ermənistanda əsir saxlanılan azərbaycanlı hərbçilərin ailələri aksiya keçirib. "
        "Ailələr əsirlərin tezliklə qaytarılmasını tələb edir."
    ),
    # foreigners on the Ukrainian side
    "en-foreign-legion": (
        "A Brazilian volunteer of the International Legion fighting for Ukraine was killed near the front line."
    ),
    # a foreign country in war news is not a foreign national in the Russian forces
    "en-aid-news": (
        "The United States announced new military aid for Ukraine on Tuesday. "
        "Russian forces continued to attack near Pokrovsk, officials said."
    ),
}


@pytest.mark.parametrize("key", sorted(RELEVANT))
def test_new_phrasings_are_relevant(extract, key: str) -> None:  # type: ignore[no-untyped-def]
    text = RELEVANT[key]
    assert is_relevant_fast(text), key
    assert extract(text, key, published="2026-05-01").relevant, key


@pytest.mark.parametrize("key", sorted(NOT_RELEVANT))
def test_near_topic_reports_stay_irrelevant(extract, key: str) -> None:  # type: ignore[no-untyped-def]
    report = extract(NOT_RELEVANT[key], key, published="2026-05-01")
    assert not report.relevant, key
    assert report.persons == []


def test_relevant_report_keeps_its_person(extract) -> None:  # type: ignore[no-untyped-def]
    report = extract(RELEVANT["ru-zambian-pow"], "z", published="2026-05-01")
    assert report.relevant and report.persons


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "a Malawian recruit", True),
        ("en", "citizens of Bolivia", True),
        ("en", "talks held in the United States", False),
        ("en", "the Ukrainian army", False),
        ("en", "Kenya's embassy", True),
        ("en", "Iranian drones", False),
        ("ru", "граждане Мозамбика", True),
        ("ru", "малавийцы", True),
        ("ru", "граждане России", False),
        ("ru", "кубок страны", False),
        ("az", "Boliviyalı tələbə", True),
        ("az", "Ukraynalı əsgər", False),
    ],
)
def test_country_context_any_country_but_the_war_parties(lang: str, text: str, expected: bool) -> None:
    assert bool(country_mentions(text, lang)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Malawian man was killed at the front.", True),  # a country the lexicon does not list
        ("Гражданин Мозамбика погиб на фронте.", True),
        ("A man was killed at the front.", False),  # war without a foreigner cue
        ("A Malawian choir sang in the cathedral.", False),  # a foreigner without a war cue
    ],
)
def test_prefilter_knows_every_country(text: str, expected: bool) -> None:
    assert is_relevant_fast(text) is expected
