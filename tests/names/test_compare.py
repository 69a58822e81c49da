"""Word and name similarity across scripts, and places (invented names only)."""

from __future__ import annotations

from soraq.names.compare import EXACT, FUZZY, NONE, PHONETIC, compare_words, word_match
from soraq.names.places import place_words


def test_word_strengths() -> None:
    assert word_match("Qasımzadə", "Гасымзаде") == EXACT
    assert word_match("Telmanov", "Тельмановым") == EXACT
    assert word_match("Rəhimli", "Рагимли") == EXACT  # the usual Russian rendering
    assert word_match("Jamshed", "Джамшид") == PHONETIC
    assert word_match("Nurmatov", "Nurmakov") == FUZZY  # a typo
    assert word_match("Emil", "Amil") == NONE  # two different names
    assert word_match("Zaur", "Elnur") == NONE


def test_order_free_name_comparison() -> None:
    ag = compare_words(("Zaur", "Qasımzadə"), ("Гасымзаде", "Заур"))
    assert (ag.matched, ag.shorter, ag.weakest) == (2, 2, EXACT)
    ag = compare_words(("Oybek", "Nurmatov"), ("Oybek", "Karimjon", "Nurmatov"))
    assert ag.matched == 2 and ag.longer == 3
    ag = compare_words(("Zaur", "Qasımzadə"), ("Ramil", "Qasımzadə"))
    assert ag.matched == 1


def test_place_words_drop_generic_words_and_adjective_endings() -> None:
    assert place_words("Зардабский район") & place_words("Zərdab rayonu")
    assert place_words("Нарынская область") == place_words("Naryn region")
    assert place_words(None) == frozenset()
    assert place_words("Russia", drop_countries=True) == frozenset()
