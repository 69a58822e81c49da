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
