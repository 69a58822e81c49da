"""A transliteration variant keeps the shape of a name: syllables and consonant sounds (invented names)."""

from __future__ import annotations

from soraq.names.compare import NONE, PHONETIC, shape, word_match
from soraq.names.keys import relaxed
from soraq.names.places import only_countries


def test_one_consonant_frame_with_another_shape_is_another_name() -> None:
    assert word_match("Məhəmməd", "Mahmud") == NONE  # three syllables against two
    assert word_match("Sakir", "Shahriyor") == NONE  # s-k-r against sh-h-r-r


def test_renderings_keep_the_shape() -> None:
    for az, ru in (("Həsənov", "Гасанов"), ("Rəhimli", "Рагимли"), ("Şükür", "Шукюр"), ("Elçin", "Эльчин"),
                   ("Qasımzadə", "Гасымзаде"), ("Ilqar", "Ильгар"), ("Cəfərov", "Джафаров")):
        assert shape(relaxed(az)) == shape(relaxed(ru)), (az, ru)
        assert word_match(az, ru) != NONE
    assert word_match("Jamshed", "Джамшид") == PHONETIC


def test_a_home_that_is_only_a_country_is_recognised_in_any_language() -> None:
    assert only_countries("south of Kyrgyzstan")
    assert only_countries("Азербайджан")
    assert only_countries("Республика Таджикистан")
    assert not only_countries("Нарынская область")
    assert not only_countries("Zərdab rayonu")
    assert not only_countries("Nepal, Gorkha")  # a district named beside the country
    assert not only_countries(None)


def test_an_initial_u_umlaut_written_yu_in_russian_is_the_same_word() -> None:
    from soraq.names.compare import EXACT

    assert word_match("Ülfət", "Юльфат") == EXACT
    assert word_match("Ülfət", "Ульфат") == EXACT
