"""Rules added while reading a second fresh held-out set for categories of error.

Every person, place and sentence here is invented.
"""

from __future__ import annotations

from tests.extract.helpers import event_dates, event_types


def test_ru_word_starting_like_ambassador_is_no_title(person) -> None:
    """'последний', 'после' begin like 'посла' (ambassador): the name before them is no official."""
    text = ("Мать ищет сына, мобилизованного в российскую армию\n\n"
            "Гульнара Тешебаева ждёт вестей. Её сын, 31-летний гражданин Кыргызстана Эрмек Азатович "
            "Тешебаев, последний раз звонил ей в апреле. Эрмека задержали в Казани, после чего он "
            "подписал контракт с Минобороны России и был отправлен на фронт.")
    p = person(text)
    assert p.name.startswith("Эрмек")
    assert p.citizenship == "KG"


def test_en_narrator_brother_whose_sibling_only_travelled_in_his_own_sentences(extract) -> None:
    """'X has not slept. His younger brother, Y X, 28, is in Russia's war': Y is the subject even when
    his own sentences tell only his going abroad (the rest is told with 'he')."""
    text = ("\"We sold the land for his ticket\"\n\n"
            "POKHARA - Bishal Thapaliya has not slept well for months. His younger brother, Sujan "
            "Thapaliya, 27, is somewhere in Russia's war in Ukraine.\n\n"
            "Sujan flew to Moscow in March 2025. There he signed a contract with the Russian army "
            "and after two weeks of training he was sent to the front. \"He called in June,\" Bishal "
            "says. \"Since then nothing.\" Bishal Thapaliya has written to the ministry.")
    report = extract(text, "t", published="2025-10-01")
    assert [p.name for p in report.persons] == ["Sujan Thapaliya"]
    rel = {(r.relation, r.name) for r in report.persons[0].relatives}
    assert ("brother", "Bishal Thapaliya") in rel


def test_en_wife_no_list_knows_stays_his_relative(extract) -> None:
    """A woman whose given name no list knows, sharing the subject's surname and told with "her"
    ("X keeps her husband's ..."), is his wife, never the subject, even when named more often."""
    text = ("A wife in Kandy waits\n\n"
            "Thilini Wickramage keeps her husband's old jacket by the door. Asanka Wickramage, 41, "
            "worked as a driver in Kandy.\n\n"
            "In June he flew to Moscow. \"He called me and said they had taken his passport and sent "
            "him to the front,\" Thilini says. \"Since then, nothing,\" Thilini adds. Thilini writes to "
            "the ministry every week.")
    report = extract(text, "t", published="2025-10-01")
    assert [p.name for p in report.persons] == ["Asanka Wickramage"]
    rel = {(r.relation, r.name) for r in report.persons[0].relatives}
    assert ("wife", "Thilini Wickramage") in rel


INTERVIEWEE = {
"ru": """«Я не хотел воевать»: интервью с узбекистанцем, вернувшимся домой

Бахтиёр Нематов, 29 лет, гражданин Узбекистана из Намангана. Мы поговорили с ним после возвращения.

— Как вы попали в российскую армию?
— Я работал грузчиком в Самаре. В марте 2024 года меня задержали в общежитии. В мае 2024 года я подписал контракт с Минобороны России.

— Что было потом?
— Потом нас отправили на фронт в Украине. В июле 2024 года я был ранен под Торецком.
""",
"en": """"I never wanted to fight": a Tajik recruit back home

Firdavs Sharipov, 27, a Tajik citizen from Kulob, spoke to us after his return.

Q: How did you end up in the Russian army?
A: I worked as a loader in Samara. In March 2024 police detained me at a hostel. In May 2024 I signed a contract.

Q: What happened then?
A: They sent us to the front in Ukraine. In July 2024 I was wounded near a village.
""",
}


def test_interviewee_answers_in_first_person_are_his_story(person) -> None:
    """Answers of a Q&A interview with the report's one subject, told in the first person and never
    naming him, are his story: their events are his, with their dates."""
    for lang, text in INTERVIEWEE.items():
        p = person(text, published="2025-03-01")
        dates = event_dates(p)
        assert "2024-03" in dates.get("detention", set()), (lang, dates)
        assert "2024-05" in dates.get("contract", set()), (lang, dates)
        assert "2024-07" in dates.get("wounded", set()), (lang, dates)



def test_age_in_apposition_is_no_figure(extract) -> None:
    """"Firdavs Sharipov, 27, a Tajik citizen" states an age, not 27 Tajiks."""
    report = extract(INTERVIEWEE["en"], "t", published="2025-03-01")
    assert all(f.number != 27 for f in report.figures)


def test_lead_line_opening_with_a_name_is_no_byline(person) -> None:
    """A short lead paragraph "Name, 27, a Tajik citizen from X, spoke to us ..." is about him, not a byline."""
    assert person(INTERVIEWEE["en"], published="2025-03-01").name == "Firdavs Sharipov"


def test_weekdays_and_yesterday_count_back_from_publication() -> None:
    """"last Tuesday", "on Monday", "во вторник", "позавчера", "dünən", "çərşənbə axşamı" are the latest
    such day before a known publication date (a Friday here)."""
    from datetime import date

    from soraq.extract.dates import find_dates

    base = date(2025, 6, 13)  # a Friday
    cases = [("en", "He came home last Tuesday and called again on Monday.", ["2025-06-10", "2025-06-09"]),
             ("ru", "Он вернулся позавчера, а во вторник позвонил матери.", ["2025-06-11", "2025-06-10"]),
             ("az", "O, dünən zəng edib, çərşənbə axşamı isə evə qayıdıb.", ["2025-06-12", "2025-06-10"])]
    for lang, text, want in cases:
        assert [d.value for d in find_dates(text, lang, base, True)] == want, lang
    # without a publication date a weekday is left undated
    assert find_dates("He came home last Tuesday.", "en", base, False) == []


def test_en_plain_departure_lapse_and_stop(person) -> None:
    """"went to <Town> in 2022 to work", "my registration ran out", "the police stopped me" are a
    departure, lapsed documents and a detention; "came to X to study" is no departure for work."""
    text = ("Kyrgyz builder forced into Russian army\n\n"
            "Nurlan Toktomushev, 30, a Kyrgyz citizen, went to Kazan in 2022 to work on building sites. "
            "His registration ran out in 2024. In March 2024 the police stopped him in the street and he "
            "was told that if he did not sign a contract with the Russian army he would go to prison.")
    p = person(text, published="2025-03-01")
    dates = event_dates(p)
    assert "2022" in dates.get("departure", set())
    assert "documents_lapsed" in dates
    assert "2024-03" in dates.get("detention", set())
    assert "threat" in dates
    student = person("Ghanaian student sent to the front\n\nKofi Mensah Darko, 21, a Ghanaian, came to Kazan "
                     "to study in 2023. In May 2024 he signed a contract with the Russian army.",
                     published="2025-03-01")
    assert "departure" not in event_types(student)


def test_families_appeal_in_a_list_lead_is_each_persons(extract) -> None:
    """"Their families have asked us to publish their names" before a list of people is an appeal
    for each of them; "has written to the Ministry" is an appeal too."""
    text = ("Statement: families of two Zambian men in Russia's army ask for help\n\n"
            "Lusaka, 3 May 2025 - The Copperbelt Rights Desk has documented the cases of two men who ended "
            "up in the Russian army. Their families, who say the men were threatened, have asked us to make their "
            "names public.\n\n"
            "Chanda Mwelwa Banda, 28, from Ndola, Zambia, signed a contract with the Russian army in Kazan "
            "in January. He was killed near Pokrovsk in March.\n\n"
            "Mulenga Kapasa Phiri, 33, from Kitwe, Zambia, was sent to the front in February. His sister "
            "has written to the Ministry of Foreign Affairs.")
    report = extract(text, "t", published="2025-05-03")
    assert len(report.persons) == 2
    for p in report.persons:
        assert "appeal" in event_types(p), p.name
        assert "threat" not in event_types(p), p.name  # the lead speaks for them only through the appeal


def test_promised_monthly_pay_is_inducement_beside_deception(person) -> None:
    """A false job offer with a monthly pay figure is deception and inducement (money offered to lure);
    a family's loan for the agent's fee is debt; "had taken his passport" is confiscation."""
    en = person("Kenyan guard lured to Russia's army\n\nJoseph Otieno Wekesa, 30, a Kenyan from Kisumu, "
                "was promised a security job in Russia for 2,000 dollars a month. His family borrowed the "
                "agent's fee. In Moscow they had taken his passport and he was made to sign a military "
                "contract with the Russian army.", published="2025-05-01")
    assert {"deception", "inducement", "debt", "passport_confiscation"} <= {getattr(c, "value", c) for c in en.coercion}
    ru = person("Узбекистанца обманом отправили на фронт\n\nГражданин Узбекистана Ботир Юлдашев, 27 лет, нашёл "
                "объявление о работе на стройке с зарплатой 300 тысяч рублей в месяц. В Туле паспорт у него "
                "изъяли и заставили подписать контракт с Минобороны России.", published="2025-05-01")
    assert {"deception", "inducement", "passport_confiscation"} <= {getattr(c, "value", c) for c in ru.coercion}
    az = person("Həmyerlimiz aldadılaraq Rusiya ordusuna göndərilib\n\nAzərbaycan vətəndaşı Elşad Nağıyev "
                "internetdə gördüyü elana əsasən ayda 200 min rubl maaş vədi ilə Rusiya ordusu ilə müqavilə "
                "imzalayıb.", published="2025-05-01")
    assert "inducement" in {getattr(c, "value", c) for c in az.coercion}
    rent = person("Nepali man killed in Russia's war\n\nRam Bahadur Gurung, 31, a Nepali citizen, rented a room "
                  "in Kathmandu for 40 dollars a month before he left. He was killed in Ukraine while serving "
                  "in the Russian army.", published="2025-05-01")
    assert "inducement" not in {getattr(c, "value", c) for c in rent.coercion}


def test_status_ignores_counts_of_compatriots_and_hoped_for_exchanges(person) -> None:
    """"At least 40 Zambians have been killed" is about others; asking for his inclusion in an
    exchange is no return; "his last call came in July" is a lost contact: he is missing."""
    text = ("A sister in Ndola waits\n\n"
            "Chileshe Mwamba Tembo, 29, a Zambian citizen, signed a contract with the Russian army in Kazan "
            "in March. In May he was wounded and called from a hospital. His last call came in July. "
            "The family has asked the foreign ministry to seek his inclusion in an exchange. The government "
            "has said that at least 40 Zambians have been killed fighting for Russia.")
    p = person(text, published="2025-10-01")
    assert p.status == "missing"
    assert "return" not in event_types(p) and "death" not in event_types(p)
    az = person("Ukraynada əsir düşən həmyerlimiz\n\nAzərbaycan vətəndaşı Ramil Qasımov Rusiya ordusu ilə "
                "müqavilə imzalayıb və Ukraynada əsir düşüb. O, hökumətdən onu mübadilə siyahısına salmağı "
                "xahiş edir.", published="2025-10-01")
    assert az.status == "captured"


def test_home_from_burial_possessive_region_and_family(person) -> None:
    """Home read from where the body was buried, from "a 25-year-old man from <Region>'s <X> district",
    from "семья из <города>" and "уроженец округа <X>"."""
    buried = person("Tajik man killed in Ukraine buried in Vahdat\n\nSaidjon Qodirov, 33, a Tajik citizen, "
                    "signed a contract with the Russian army in Omsk and was killed near Pokrovsk in May. His "
                    "body arrived in Vahdat on Sunday and was buried the same day.", published="2025-07-01")
    assert buried.home == "Vahdat"
    region = person("Family of Bihar man held in Russian army camp appeals for help\n\nPATNA - The family of a "
                    "25-year-old man from Bihar's Gaya district says Rohit Paswan, an Indian citizen, was forced to sign a contract "
                    "with the Russian army.", published="2025-07-01")
    assert region.home == "Gaya district, Bihar"
    family = person("Семья из Кара-Балты ищет сына\n\nСемья из Кара-Балты ищет сына. Гражданин Кыргызстана "
                    "Нурбек Асанов, 27 лет, подписал контракт с Минобороны России.", published="2025-07-01")
    assert family.home == "Кара-Балта"
    native = person("Непалец вернулся с войны\n\nГражданин Непала Рам Бахадур Тапа, 31-летний уроженец округа "
                    "Гулми, подписал контракт с Минобороны России и воевал в Украине.", published="2025-07-01")
    assert native.home == "Гулми"


def test_place_abroad_prefers_work_to_camp_and_skips_war_places(person) -> None:
    """The place he worked beats a training camp named earlier; a war region where he died and a town
    of a third country named in the genitive are never the place abroad; a Russian region keeps its
    unit in the nominative."""
    en = person("Family of Odisha man held in Russian army camp\n\nThe family of Bikash Nayak, an Indian "
                "citizen, says he is held at a training camp in the Rostov region.\n\nBikash went to work at "
                "a furniture factory in Tver in 2024. He signed a contract with the Russian army in May.",
                published="2025-07-01")
    assert en.location_abroad == "Tver"
    az = person("Həmyerlimiz Donetskdə həlak olub\n\nAzərbaycan vətəndaşı Elçin Məmmədli martın 3-də Donetsk "
                "vilayətində həlak olub. Elçin Kazanda taksi sürücüsü işləyirdi və Rusiya ordusu ilə "
                "müqavilə imzalayıb.", published="2025-07-01")
    assert az.location_abroad == "Kazan"
    ru = person("Таджик погиб на фронте\n\nГражданин Таджикистана Фарход Саидов, 38 лет, отбывал срок в "
                "исправительной колонии в Тамбовской области. Подписал контракт с Минобороны России и погиб "
                "в Украине.", published="2025-07-01")
    assert ru.location_abroad == "Тамбовская область"


def test_ru_fate_and_main_are_no_titles_and_cousin_is_a_relative(person) -> None:
    """"судьбе" (fate) and "главное" are no judge or head; "двоюродный брат X" is a cousin (relative)."""
    text = ("Непалец вернулся с войны домой\n\nГражданин Непала Рам Кумар Тамang, о судьбе которого долго "
            "ничего не было известно, вернулся домой. Он подписал контракт с Минобороны России в Москве. "
            "Как рассказал его двоюродный брат Бикрам Таманг, главное для семьи — что он жив.")
    text = text.replace("Тамang", "Таманг")
    p = person(text, published="2025-07-01")
    assert p.name == "Рам Кумар Таманг"
    assert ("relative", "Бикрам Таманг") in {(r.relation, r.name) for r in p.relatives}


def test_brothers_are_each_others_and_their_father_is_both(extract) -> None:
    """Two subjects sharing a surname in a report about "братья" are each other's brothers; "их отец X"
    is the father of both."""
    text = ("Один погиб, другой в плену: история двух братьев\n\n"
            "Братья Бахром и Шерали Назаровы, граждане Таджикистана, уехали на заработки в Самару в 2023 году. "
            "Как рассказал их отец Саид Назаров, оба подписали контракт с Минобороны России.\n\n"
            "32-летний Бахром Назаров погиб в январе под Купянском. 27-летний Шерали Назаров попал в плен в феврале.")
    report = extract(text, "t", published="2025-07-01")
    rel = {p.name: {(r.relation, r.name) for r in p.relatives} for p in report.persons}
    assert ("brother", "Шерали Назаров") in rel["Бахром Назаров"]
    assert ("brother", "Бахром Назаров") in rel["Шерали Назаров"]
    assert all(("father", "Саид Назаров") in r for r in rel.values())


def test_story_step_told_right_after_a_dated_sentence_takes_its_month(person) -> None:
    """"In October 2024 the police stopped him. They made him sign a contract." dates the contract
    October 2024 (to the month at most); a new paragraph carries no date over."""
    text = ("Uzbek migrant forced into Russia's army\n\n"
            "Sardor Aminov, 29, an Uzbek citizen, worked in Kazan. On 12 October 2024 the police stopped him "
            "in the street. At the station they made him sign a contract with the Russian army.\n\n"
            "He was sent to the front.")
    p = person(text, published="2025-03-01")
    dates = event_dates(p)
    assert dates["contract"] == {"2024-10"}
    assert dates["deployment"] == {None}


def test_sentence_about_both_subjects_is_each_ones(extract) -> None:
    """"Both signed a contract" naming nobody belongs to each of the report's people."""
    text = ("Two Kenyan cousins in Russia's army\n\n"
            "Peter Mwangi Kamau, 27, and John Njoroge Waweru, 25, both Kenyan citizens, flew to Moscow in "
            "March 2025 for promised jobs as drivers.\n\nIn April both signed contracts with the Russian army. "
            "Peter Mwangi Kamau was killed in June. John Njoroge Waweru was captured in July.")
    report = extract(text, "t", published="2025-09-01")
    assert len(report.persons) == 2
    for p in report.persons:
        assert "2025-04" in event_dates(p).get("contract", set()), p.name


def test_departure_from_working_since_a_year_and_az_dative_town(person) -> None:
    """"had worked in X since 2021", "с 2021 года работал в X" and "2021-ci ildə Kazana gedib" date the
    departure abroad to that year."""
    en = person("Kyrgyz driver captured\n\nAzamat Toktogulov, 30, a Kyrgyz citizen, had worked in Omsk since "
                "2021. He signed a contract with the Russian army and was captured in Ukraine in May.",
                published="2025-07-01")
    assert "2021" in event_dates(en).get("departure", set())
    ru = person("Таджик погиб на войне\n\nГражданин Таджикистана Фаррух Сафаров, 35 лет, с 2021 года работал "
                "на стройках в Казани. Он подписал контракт с Минобороны России и погиб в Украине.",
                published="2025-07-01")
    assert "2021" in event_dates(ru).get("departure", set())
    az = person("Həmyerlimiz Ukraynada həlak olub\n\nAzərbaycan vətəndaşı Vüsal Kərimli 2021-ci ildə Kazana "
                "gedib. O, Rusiya ordusu ilə müqavilə imzalayıb və Ukraynada həlak olub.", published="2025-07-01")
    assert "2021" in event_dates(az).get("departure", set())


def test_letter_writer_is_the_relative_and_kin_word_opens_no_name(extract) -> None:
    """"Redaksiyamıza ... X müraciət edib" followed by her letter saying "Qardaşım Y" makes X Y's
    sister; "Qardaşım" at the start of the letter is no part of Y's name; "kontrakt imzala" is a war cue."""
    text = ('"Qardaşımdan xəbər yoxdur"\n\nRedaksiyamıza Zaqatala rayonundan Günel Məmmədova müraciət edib. '
            'Onun məktubunu dərc edirik:\n\n"Qardaşım Elnur Məmmədov 1991-ci ildə anadan olub. 2022-ci ildə '
            'işləmək üçün Kazana getmişdi. Bu ilin martında polis onu tutub, deyiblər ya kontrakt imzalayarsan, '
            'ya da türməyə gedərsən. Aprelin 2-dən telefonu cavab vermir."')
    report = extract(text, "t", published="2025-06-01")
    assert report.relevant
    assert [p.name for p in report.persons] == ["Elnur Məmmədov"]
    assert ("sister", "Günel Məmmədova") in {(r.relation, r.name) for r in report.persons[0].relatives}


def test_workplace_go_between_or_name_is_no_trade(person) -> None:
    """"работал на рынке" names a workplace, "an agent in X" a go-between, "38-летний Имя Фамилия" a
    name: none is the person's trade; "tikintidə fəhlə" is one."""
    ru = person("Узбекистанец погиб на войне\n\nГражданин Узбекистана Улугбек Рашидов, 40 лет, работал на рынке "
                "в Самаре. Подписал контракт с Минобороны России и погиб в Украине.", published="2025-07-01")
    assert ru.occupation is None
    named = person("Таджик погиб на войне\n\n38-летний Фаррух Назаров погиб в январе под Купянском. Гражданин "
                   "Таджикистана подписал контракт с Минобороны России в Пензе.", published="2025-07-01")
    assert named.occupation is None


def test_resident_of_a_home_district_is_its_citizen(person) -> None:
    """A man from an Azerbaijani district (Faker's az_AZ places) with no stated citizenship is AZ
    (the development set's convention); an unknown place gives none."""
    from soraq.extract.countries import country_of_home

    assert country_of_home("Qusar") == "AZ"
    assert country_of_home("Atlantis") is None
    p = person("Qusarlı gənc Rusiya ordusunda itkin düşüb\n\nQusar rayonunun sakini Elvin Səfərov 2023-cü ildə "
               "Rusiyaya işləməyə gedib. Orada müqavilə imzalayıb və Ukraynada itkin düşüb.", published="2025-07-01")
    assert p.citizenship == "AZ"


def test_volunteer_for_ukraine_headline_is_not_relevant(extract) -> None:
    """A headline saying a foreigner "fights for Ukraine", and a contract "with the Ukrainian side",
    tell nothing of the Russian forces."""
    text = ("Former Nepali soldier says he fights for Ukraine by choice\n\n"
            "A former Nepali army soldier, Dipak Gurung, says he joined Ukraine's International Legion last year "
            "as a volunteer. \"I signed the contract with the Ukrainian side because I wanted to,\" he said.\n\n"
            "Nepal's government has warned its citizens against joining either side of the war.")
    assert extract(text, "t", published="2025-07-01").relevant is False


def test_leading_reporting_aside_is_no_doer(extract) -> None:
    """"Как рассказал их отец X, братьев задержали": the father only speaks; the detention is the
    brothers' (reporting verbs with any ending, "рассказал*", are read as such)."""
    text = ("Двое братьев из Куляба на войне\n\n"
            "Братья Бахтиёр и Фаррух Каримовы, граждане Таджикистана, работали на стройке в Туле. "
            "Как рассказал их отец Саидали Каримов, в марте 2025 года братьев задержали во время рейда. "
            "Оба подписали контракт с Минобороны России.\n\n"
            "Бахтиёр Каримов погиб в мае. Фаррух Каримов попал в плен в июне.")
    report = extract(text, "t", published="2025-09-01")
    assert len(report.persons) == 2
    for p in report.persons:
        assert "2025-03" in event_dates(p).get("detention", set()), p.name


def test_outlet_calling_the_writer_a_mother_tells_her_sex(extract) -> None:
    """"A mother from X asked us to publish this message. My name is Y ... my son Z": Y is Z's mother
    even when no name list knows her given name."""
    text = ("\"I only want to know he is alive\"\n\nA mother from Camagüey asked us to publish this message.\n\n"
            "My name is Yaquelín Ortega Ruiz. I am looking for my son, Yasmani Pérez Ortega. He is 23 years old. "
            "In May he went to Russia because they promised him work. Instead they sent him to the war in "
            "Ukraine. Since July nobody has heard from him.")
    report = extract(text, "t", published="2025-10-01")
    assert [p.name for p in report.persons] == ["Yasmani Pérez Ortega"]
    assert ("mother", "Yaquelín Ortega Ruiz") in {(r.relation, r.name) for r in report.persons[0].relatives}


def test_scheduled_hearing_lies_after_publication_and_court_sessions_count() -> None:
    """"set for 3 March", "назначено на 3 марта", "martın 3-nə təyin edilib" in a report of 17 February
    are this year's 3 March; an event "on 3 March" is last year's."""
    from datetime import date

    from soraq.extract.dates import find_dates

    base = date(2026, 2, 17)
    for lang, text in (("en", "The next hearing is set for 3 March."),
                       ("ru", "Следующее заседание назначено на 3 марта."),
                       ("az", "Növbəti iclas martın 3-nə təyin edilib.")):
        assert [d.value for d in find_dates(text, lang, base, True)] == ["2026-03-03"], lang
    assert [d.value for d in find_dates("He was detained on 3 March.", "en", base, True)] == ["2025-03-03"]


def test_az_court_session_and_promised_job(person) -> None:
    """"dünən keçirilən ilk iclasda" is a court hearing dated yesterday; "mühafizəçi işi vəd edilib" is deception."""
    text = ("Rusiya ordusunda döyüşmüş gəncin məhkəməsi başlayıb\n\nÖzbəkistan vətəndaşı 30 yaşlı Sanjar Tursunov "
            "Rusiya ordusu tərkibində Ukraynada döyüşüb. Dünən keçirilən ilk iclasda Tursunov muzdluluqda ittiham "
            "olunub. Moskvada ona anbarda mühafizəçi işi vəd edilib, lakin imzaladığı sənədin hərbi müqavilə "
            "olduğu sonradan bəlli olub.")
    p = person(text, published="2026-02-17")
    assert "2026-02-16" in event_dates(p).get("court_hearing", set())
    assert "deception" in {getattr(c, "value", c) for c in p.coercion}
