"""Language detection and sentence splitting."""

from __future__ import annotations

import pytest

from soraq.extract import language, sentences


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Fermer oğlu ilə birlikdə kəndə qayıdıb və bağda işləyir.", "az"),
        ("Фермер вернулся в село вместе с сыном и работает в саду.", "ru"),
        ("The farmer returned to the village with his son and works in the orchard.", "en"),
    ],
)
def test_detects_the_three_languages(text: str, lang: str) -> None:
    assert language.detect(text) == lang


def test_sentences_keep_offsets_into_the_text() -> None:
    text = "Headline about a case\n\nFirst sentence here. Second one, with Mr. Doe? Third!"
    found = sentences.split(text, "en")
    assert [s.text for s in found] == ["Headline about a case", "First sentence here.",
                                       "Second one, with Mr. Doe?", "Third!"]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_russian_sentences_use_razdel() -> None:
    text = "Он уехал в г. Самару. Там его задержали."
    found = sentences.split(text, "ru")
    assert len(found) == 2
    assert all(text[s.start : s.end] == s.text for s in found)
