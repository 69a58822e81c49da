"""Loading the per-language lexicons (``lexicons/LANG.toml``) into compiled patterns.

The lexicons are data, not code, so that a linguist or case worker can add a
trigger phrase without touching Python. Each entry is a phrase; the small
phrase language is explained in the header of every lexicon file:

* matching ignores case;
* ``*`` at the end of a word matches any ending: ``detain*`` = detained, detainee;
* ``...`` between words allows up to four words in between: ``sent ... front``;
* an entry starting with ``re:`` is a raw Python regular expression.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("az", "ru", "en")
_WORD = r"[\w'’-]"  # what a "*" may stand for inside a word
_GAP = r"(?:\W+\w+){0,4}?\W+"  # "..." = up to four words in between


def phrase_to_regex(phrase: str) -> str:
    """Translate one lexicon entry into a regular expression (see module docstring)."""
    phrase = phrase.strip()
    if phrase.startswith("re:"):
        return phrase[3:].strip()
    parts = []
    for chunk in phrase.split("..."):
        words = []
        for word in chunk.split():
            star = word.endswith("*")
            core = re.escape(word.rstrip("*"))
            words.append(core + (f"{_WORD}*" if star else ""))
        if words:
            parts.append(r"\s+".join(words))
    body = _GAP.join(parts)
    return rf"(?<!\w){body}(?!\w)" if not phrase.endswith("*") else rf"(?<!\w){body}"


def same_length_lower(text: str) -> str:
    """``text.lower()`` keeping offsets: "İ" lowers to "i", any other character whose lower
    case is longer than one character is left as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text.replace("İ", "i"))


class MultiPattern:
    """Several patterns searched in turn: used when entries capture named groups
    (``(?P<year>...)``), which one alternation cannot hold twice."""

    def __init__(self, patterns: list[re.Pattern[str]]):
        self.patterns = patterns

    def finditer(self, text: str) -> list[re.Match[str]]:
        found = [m for p in self.patterns for m in p.finditer(text)]
        return sorted(found, key=lambda m: m.start())

    def search(self, text: str) -> re.Match[str] | None:
        found = self.finditer(text)
        return found[0] if found else None


def compile_phrases(phrases: list[str]) -> re.Pattern[str] | None:
    """One alternation for a list of phrases (``None`` when the list is empty)."""
    if not phrases:
        return None
    if any("(?P<" in p for p in phrases):
        return MultiPattern([re.compile(phrase_to_regex(p), re.IGNORECASE) for p in phrases])  # type: ignore[return-value]
    return re.compile("|".join(f"(?:{phrase_to_regex(p)})" for p in phrases), re.IGNORECASE)


@dataclass
class Lexicon:
    """The compiled lexicon of one language."""

    lang: str
    raw: dict[str, Any]
    groups: dict[str, dict[str, re.Pattern[str] | None]] = field(default_factory=dict)

    def patterns(self, section: str) -> dict[str, re.Pattern[str] | None]:
        """``{label: compiled pattern}`` for a table of phrase lists, e.g. ``events``."""
        if section not in self.groups:
            table = self.raw.get(section, {})
            self.groups[section] = {
                key: compile_phrases(value)
                for key, value in table.items()
                if isinstance(value, list) and all(isinstance(v, str) for v in value)
            }
        return self.groups[section]

    def phrase_index(self, section: str) -> dict[str, list[tuple[str, bool, re.Pattern[str]]]]:
        """Per key, each phrase as (first word, first word ends in "*", compiled phrase).

        Lets a document run only the phrases whose first word it contains, instead
        of every alternation at every position of the text.
        """
        cache_key = f"__index__{section}"
        if cache_key not in self.groups:
            table = self.raw.get(section, {})
            index: dict[str, list[tuple[str, bool, re.Pattern[str]]]] = {}
            for key, phrases in table.items():
                if not isinstance(phrases, list):
                    continue
                entries = []
                for phrase in phrases:
                    if not isinstance(phrase, str):
                        continue  # e.g. month spellings, a list of lists
                    compiled = re.compile(phrase_to_regex(phrase), re.IGNORECASE)
                    if phrase.startswith("re:"):
                        entries.append(("", True, compiled))
                        continue
                    first = same_length_lower(phrase.split()[0]) if phrase.split() else ""
                    prefix = first.endswith("*")
                    entries.append((first.rstrip("*"), prefix, compiled))
                index[key] = entries
            self.groups[cache_key] = index  # type: ignore[assignment]
        return self.groups[cache_key]  # type: ignore[return-value]

    def pattern(self, section: str, key: str) -> re.Pattern[str] | None:
        return self.patterns(section).get(key)

    def words(self, section: str, key: str) -> list[str]:
        """A plain list of words (e.g. stop-names), as written."""
        return list(self.raw.get(section, {}).get(key, []))

    def table(self, section: str) -> dict[str, Any]:
        return dict(self.raw.get(section, {}))


@cache
def load(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (``az``, ``ru`` or ``en``; anything else falls back to English)."""
    if lang not in LANGUAGES:
        lang = "en"
    text = resources.files("soraq.extract.lexicons").joinpath(f"{lang}.toml").read_text("utf-8")
    return Lexicon(lang=lang, raw=tomllib.loads(text))
