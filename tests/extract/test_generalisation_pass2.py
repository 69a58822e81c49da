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
