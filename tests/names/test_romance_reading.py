"""Names of Cuban and other Romance-language recruits, as Russian renders them by sound (invented names)."""

from __future__ import annotations

from soraq.names.compare import PHONETIC, word_match
from soraq.names.keys import romance_reading, search_keys
from soraq.names.places import place_words


def test_spanish_c_qu_gu_z_and_silent_h() -> None:
    assert romance_reading("Cárdenas") == "kardenas"
    assert romance_reading("Vázquez") == "vaskes"
    assert romance_reading("Holguín") == "olgin"


def test_azerbaijani_words_keep_their_own_reading() -> None:
    assert romance_reading("Cəfərov") is None
    assert romance_reading("Mirzəyev") is None  # no c, qu, gu, z or h at all: nothing to read otherwise


def test_a_cuban_name_in_cyrillic_shares_keys_with_its_spanish_spelling() -> None:
    assert search_keys("Йосвани Кардосо Вакес") & search_keys("Yosvani Cardoso Vaquez")


def test_a_cuban_name_in_cyrillic_is_the_same_name() -> None:
    assert word_match("Кардосо", "Cardoso") >= PHONETIC
    assert word_match("Вакес", "Vaquez") >= PHONETIC


def test_a_cuban_town_in_cyrillic_is_the_same_place() -> None:
    assert place_words("Ольгин") & place_words("Holguín")
