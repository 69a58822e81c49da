"""Russian case forms of personal names back to the nominative.

A Russian text declines names: "семья Камрана Мирзоева" (genitive), "с Мирзоевым"
(instrumental), "Мирзоеву" (dative). Azerbaijani and Central Asian surnames in
-ов/-ев/-ин decline like Russian ones, so a suffix rule brings them back; pymorphy3 knows
Russian first names and surnames and guesses the paradigm of unknown ones, and is asked
first. A feminine nominative ("Мирзоева" as a woman's surname) and a masculine genitive
look the same: :func:`nominative_forms` therefore returns every reading, and search keys
index all of them, so nothing is lost by guessing wrong.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: surname case endings (after the -ов/-ев/-ёв/-ин/-ын stem) -> masculine nominative
_SURNAME_CASES = re.compile(r"^(?P<stem>.{2,}?(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ою|ых|ыми|ы)$")
#: consonant-final given names in oblique cases: Камрана, Камрану, Камраном, Камране
_GIVEN_CASES = re.compile(r"^(?P<stem>.{3,}?[бвгджзклмнпрстфхцчшщ])(?:а|у|ом|е)$")
_GIVEN_SOFT = re.compile(r"^(?P<stem>.{3,}?)(?:я|ю|ем|е)$")  # Эмиля, Эмилю, Эмилем -> Эмиль


@lru_cache(maxsize=1)
def _analyzer():  # pragma: no cover - trivial
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def nominative_forms(word: str) -> tuple[str, ...]:
    """Possible nominative (masculine for surnames) forms of one Cyrillic name word, itself first."""
    w = word.lower()
    forms: list[str] = [w]
    if not w or not re.fullmatch(r"[а-яёәғқңөүұһіӣӯҳҷ-]+", w):
        return tuple(forms)
    try:
        for parse in _analyzer().parse(w)[:6]:
            tag = parse.tag
            if ("Surn" in tag or "Name" in tag or "Patr" in tag) and parse.normal_form not in forms:
                forms.append(parse.normal_form)
    except Exception:  # pragma: no cover - the analyser is an optional refinement
        pass
    m = _SURNAME_CASES.match(w)
    if m and m.group("stem") not in forms:
        forms.append(m.group("stem"))
    if not m:
        g = _GIVEN_CASES.match(w)
        if g and g.group("stem") not in forms:
            forms.append(g.group("stem"))
        s = _GIVEN_SOFT.match(w)
        if s and s.group("stem") + "ь" not in forms and w.endswith(("я", "ю", "ем")):
            forms.append(s.group("stem") + "ь")
    return tuple(forms)


def masculine_surname(word: str) -> str:
    """The masculine nominative of a surname in -ов/-ев/-ин (Cyrillic or Latin), else the word.

    "Мирзоева" -> "мирзоев", "Mirzayeva" -> "mirzayev", "Ахмедовым" -> "ахмедов".
    """
    w = word.lower()
    m = _SURNAME_CASES.match(w)
    if m:
        return m.group("stem")
    m = re.match(r"^(.{2,}?(?:ov|ev|yev|in|yn))(?:a|u|ym|om|oy|oi)$", w)
    if m:
        return m.group(1)
    return w
