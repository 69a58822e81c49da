"""The lexicon files: readable, complete, and every phrase compiles."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from soraq.extract.lexicon import LANGUAGES, compile_phrases, load, phrase_to_regex

REQUIRED = ("relevance", "names", "birth", "citizenship", "dates", "events", "event_exclusions", "coercion",
            "status", "relations", "figures", "attribution", "home", "location_abroad", "occupation", "speaker_kin")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicon_file_has_header_and_sections(lang: str) -> None:
    text = resources.files("soraq.extract.lexicons").joinpath(f"{lang}.toml").read_text("utf-8")
    assert text.startswith("#"), "a lexicon starts with a comment explaining its format"
    assert "How to write an entry" in text
    data = tomllib.loads(text)
    missing = [s for s in REQUIRED if s not in data]
    assert not missing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_phrase_compiles(lang: str) -> None:
    lex = load(lang)
    for section, table in lex.raw.items():
        if not isinstance(table, dict):
            continue
        for key, phrases in table.items():
            if isinstance(phrases, list) and phrases and isinstance(phrases[0], str):
                for phrase in phrases:
                    re.compile(phrase_to_regex(phrase), re.IGNORECASE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_vocabulary_matches_the_contract(lang: str) -> None:
    from soraq.report import Coercion, EventType, Relation, Status

    lex = load(lang)
    assert set(lex.table("events")) <= {e.value for e in EventType}
    assert set(lex.table("coercion")) <= {c.value for c in Coercion}
    assert set(lex.table("relations")) <= {r.value for r in Relation}
    assert set(lex.table("status")) - {"uncertain"} <= {s.value for s in Status}
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in lex.table("citizenship"))


def test_star_matches_any_ending() -> None:
    pattern = compile_phrases(["detain*"])
    assert pattern is not None
    assert pattern.search("he was Detained on Monday")
    assert pattern.search("the detainee was moved")
    assert not pattern.search("undetained")


def test_gap_allows_a_few_words() -> None:
    pattern = compile_phrases(["sent ... front"])
    assert pattern is not None
    assert pattern.search("he was sent straight to the front")
    assert not pattern.search("he was sent home and much later, many months afterwards, saw the front")


def test_raw_regular_expression() -> None:
    pattern = compile_phrases(["re:\\bborn\\s+in\\s+(?P<year>\\d{4})"])
    assert pattern is not None
    m = pattern.search("Ali, born in 1990, left")
    assert m and m.group("year") == "1990"


def test_unknown_language_falls_back_to_english() -> None:
    assert load("fr").lang == "en"
