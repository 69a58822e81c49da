"""Given names that are one name across languages match as variants, and share a blocking key."""

from __future__ import annotations

import pytest

from soraq.names import search_keys
from soraq.names.compare import EXACT, NONE, PHONETIC, word_match


@pytest.mark.parametrize(
    ("a", "b"),
    [("Məhəmməd", "Магомед"), ("Ömər", "Umar"), ("İbrahim", "Ibrohim"), ("Hüseyn", "Хусан"), ("Məmməd", "Mukhammad")],
)
def test_listed_variants_match_as_transliteration(a: str, b: str) -> None:
    assert word_match(a, b) == PHONETIC


def test_variants_do_not_blur_other_names() -> None:
    assert word_match("Emil", "Amil") == NONE
    assert word_match("Zaur", "Zaur") == EXACT
    assert word_match("Ömər", "Əmir") == NONE  # Umar is Ömər, Amir is another name
    assert word_match("Yusif", "Yunis") == NONE


def test_variant_names_share_a_blocking_key() -> None:
    assert search_keys("Magomed Aslanov") & search_keys("Məmməd Aslanov")
