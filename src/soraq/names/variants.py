"""Given names that are one name in several languages: Məhəmməd = Magomed = Mukhammad.

Transliteration rules make most spellings of a name equal ("Həsən" = "Гасан"), but some
variants are not spellings of one another: the Russian form of an Arabic-origin name
(Магомед for Məhəmməd), the Uzbek one (Umar for Ömər, Ibrohim for İbrahim), a shortened form
used as the name itself (Məmməd). ``given_name_variants.txt`` lists them, one name a line,
from the languages' name stock (not from any person). Two words that are forms of one listed
name match at the "transliteration" strength, and share a blocking key.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from soraq.names.keys import canon, relaxed, skeleton


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[int]], tuple[str, ...]]:
    """(form key -> name numbers, each name's head form)."""
    text = resources.files("soraq.names").joinpath("given_name_variants.txt").read_text(encoding="utf-8")
    by_key: dict[str, set[int]] = {}
    heads: list[str] = []
    for line in text.splitlines():
        forms = line.split("#", 1)[0].split()
        if len(forms) < 2:
            continue
        n = len(heads)
        heads.append(forms[0])
        for f in forms:
            for key in (canon(f), relaxed(f)):
                if key:
                    by_key.setdefault(key, set()).add(n)
    return {k: frozenset(v) for k, v in by_key.items()}, tuple(heads)


def variant_names(forms: tuple[str, ...]) -> frozenset[int]:
    """Numbers of the listed names one of these canon forms is a form of."""
    table, _ = _table()
    out: set[int] = set()
    for f in forms:
        out |= table.get(f, frozenset())
        out |= table.get(relaxed(f), frozenset())
    return frozenset(out)


def variant_skeletons(forms: tuple[str, ...]) -> frozenset[str]:
    """Skeletons of the head forms of the listed names these forms belong to (extra blocking keys)."""
    _, heads = _table()
    return frozenset(skeleton(heads[n]) for n in variant_names(forms))
