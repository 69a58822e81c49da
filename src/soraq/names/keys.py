"""Script-independent forms of names: ``fold`` for display and comparison, ``skeleton`` and
``search_keys`` for indexing, blocking and search.

The same person is written "Mirzəyev", "Mirzayev", "Мирзоев", "Мирзоева" (Russian
genitive), "Rufullaev". Three layers, from faithful to forgiving:

* :func:`canon` of one word: ASCII Latin with the transliteration alternatives of
  BGN/PCGN, ICAO, GOST and Azerbaijani orthography made equal (x/kh/h -> h, q/gh -> g,
  c/dzh/dj/zh -> j, yev/ev, ya/a, yu/u, y/i, doubled letters single). Two spellings of one
  name usually have the same canon or differ by one letter.
* :func:`skeleton` of one word: the canon without vowels (an initial vowel kept) and with
  sound classes merged that Russian and Azerbaijani renderings confuse: h/g/k/q ("Həsənov" =
  "Гасанов"), s/sh/z/j/ch ("Alishev" = "Аличев"). Coarse on purpose: it only decides
  which records are compared, never that they match.
* :func:`search_keys` of a whole name: skeleton pairs of its words in sorted order
  (word order and patronymic do not matter), every Russian case reading included.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from soraq.names.morphology import masculine_surname, nominative_forms
from soraq.names.parse import parse_name
from soraq.names.transliterate import is_cyrillic, to_latin

_CANON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"dzh|dj|zh", "j"),
        (r"c(?!h)", "j"),  # Azerbaijani c = [dʒ]; "Sevinc" = "Севиндж"
        (r"kh|x", "h"),
        (r"gh|q", "g"),
        (r"w", "v"),
        (r"yev", "ev"),
        (r"(?<=[bdfghjklmnprstvz])y(?=[aeou])", ""),  # Кяльбаджар = Kəlbəcər, Велиев = Veliyev
        (r"iy", "i"),
        (r"y", "i"),
        (r"(.)\1+", r"\1"),
    )
)
_VOWELS = re.compile(r"[aeiou]")
_ASPIRATE = re.compile(r"([tpdbg])h")
_GUTTURALS = str.maketrans({"h": "g", "k": "g", "q": "g"})
_VOWEL_CLASSES = str.maketrans({"e": "a", "o": "u", "h": "g", "k": "g", "q": "g"})
_SKELETON_CLASSES = (
    (re.compile(r"sh|ch|ts|[szjc]"), "s"),
    (re.compile(r"[hgk]"), "k"),
    (re.compile(r"[ptdb]"), lambda m: {"p": "p", "b": "b", "t": "t", "d": "t"}[m.group(0)]),
)


@lru_cache(maxsize=500_000)
def canon(word: str) -> str:
    """One word in canonical ASCII Latin: transliteration alternatives made equal."""
    w = to_latin(word).replace(" ", "")
    for pattern, rep in _CANON_RULES:
        w = pattern.sub(rep, w)
    return w


@lru_cache(maxsize=500_000)
def skeleton(word: str) -> str:
    """Consonant skeleton of one word: vowels dropped (an initial one kept), sound classes merged."""
    w = canon(word)
    if not w:
        return ""
    w = _ASPIRATE.sub(r"\1", w)  # Thapa = Тапа, Bhandari = Бандари
    for pattern, rep in _SKELETON_CLASSES:
        w = pattern.sub(rep, w)  # type: ignore[arg-type]
    head = {"a": "a", "e": "a", "i": "i", "o": "u", "u": "u"}.get(w[0], "")  # Əli = Эли = Али
    body = _VOWELS.sub("", w)
    return re.sub(r"(.)\1+", r"\1", head + body)


@lru_cache(maxsize=500_000)
def relaxed(word: str) -> str:
    """The canon with what Russian renderings of Azerbaijani names swap made equal.

    ə/a/e and o/u (Məmmədov = Мамедов), h/g/k/q (Həsən = Гасан, Qasım = Касым),
    aspirates dropped (Thapa = Тапа), an initial yu read as u (Ülvi = Юлви). The first
    letter is otherwise kept as written.
    """
    c = canon(word)
    if not c:
        return c
    if c.startswith(("yu", "iu")) and len(c) > 3:  # an initial ü is written ю or у in Russian (Ülvi = Юлви = Ульви)
        c = c[1:]
    c = _ASPIRATE.sub(r"\1", c.replace("sh", "S").replace("ch", "C"))
    head = c[0] if c[0] in "aeiou" else c[0].translate(_GUTTURALS)
    return (head + c[1:].translate(_VOWEL_CLASSES)).replace("S", "sh").replace("C", "ch")


def fold(text: str) -> str:
    """Lower-case Latin skeleton of a name or place, script-independent: "Мирзоева" -> "mirzoeva"."""
    return " ".join(canon(w) for w in to_latin(text or "").split() if w)


_AZ_LETTERS = re.compile("[əğışçöüƏĞIŞÇÖÜİ]")
_ROMANCE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"^h", ""),  # silent h: Holguín = Ольгин, Hernández = Эрнандес
        (r"qu(?=[ei])", "k"),  # Vázquez = Васкес
        (r"gu(?=[ei])", "g"),  # Holguín = Ольгин
        (r"c(?=[ei])", "s"),  # Cecilia = Сесилия
        (r"c(?!h)", "k"),  # Lescay = Лескай, Fonseca = Фонсека
        (r"z", "s"),  # González = Гонсалес
    )
)


def romance_reading(word: str) -> str | None:
    """The word read as Spanish or Portuguese spell it, where that differs from the Azerbaijani reading.

    Latin "c" is [dʒ] in Azerbaijani ("Cavid" = "Джавид") but [k]/[s] in the names of Cuban,
    Latin American and other Romance-language recruits ("Lescay" = "Лескай"), and Russian
    renders those by sound. Words with Azerbaijani letters are never read this way.
    """
    latin = to_latin(word).lower()
    if _AZ_LETTERS.search(word) or not re.search(r"^h|c|qu|gu|z", latin):
        return None
    for pattern, rep in _ROMANCE_RULES:
        latin = pattern.sub(rep, latin)
    return latin


@lru_cache(maxsize=200_000)
def word_forms(word: str) -> tuple[str, ...]:
    """Canonical forms of one written word: every nominative reading of a Russian case form."""
    if is_cyrillic(word):
        forms: tuple[str, ...] = nominative_forms(word)
    else:
        forms = (word, masculine_surname(word))
        latin = to_latin(word)
        if re.search(r"(?<![d])j", latin):  # German/French romanisation: "Ajan" = "Аян"
            forms += (latin.replace("j", "y"),)
        if romance := romance_reading(word):
            forms += (romance, masculine_surname(romance))
    out: list[str] = []
    for f in forms:
        c = canon(f)
        if c and c not in out:
            out.append(c)
        m = canon(masculine_surname(f))
        if m and m not in out:
            out.append(m)
    return tuple(out)


@lru_cache(maxsize=200_000)
def word_skeletons(word: str) -> frozenset[str]:
    """Skeletons of every reading of one word, and of the listed names it is a form of
    (:mod:`soraq.names.variants`: Магомед also gives Məhəmməd's skeleton)."""
    from soraq.names.variants import variant_skeletons

    forms = word_forms(word)
    return frozenset(s for s in (skeleton(f) for f in forms) if s) | variant_skeletons(forms)


def name_words(
    name: str, given_name: str | None = None, family_name: str | None = None, patronymic: str | None = None
) -> tuple[str, ...]:
    """The words of a name that identify the person (no patronymic, no initials)."""
    return parse_name(name, given_name, family_name, patronymic).words


def search_keys(
    name: str,
    given_name: str | None = None,
    family_name: str | None = None,
    patronymic: str | None = None,
    *,
    single: bool = True,
) -> set[str]:
    """Keys shared by every spelling, script and case form of one name.

    ``n:SKEL+SKEL`` for each pair of name words (sorted, so word order does not matter) and,
    when ``single`` (the default), ``w:SKEL`` for each word alone (search by surname). A
    one-word name gives ``n:SKEL``. Patronymics and initials are left out.
    """
    words = name_words(name, given_name, family_name, patronymic)
    skels = [word_skeletons(w) for w in words]
    skels = [s for s in skels if s]
    keys: set[str] = set()
    if len(skels) == 1:
        keys.update(f"n:{s}" for s in skels[0])
    for a, b in combinations(skels, 2):
        for sa in a:
            for sb in b:
                x, y = sorted((sa, sb))
                keys.add(f"n:{x}+{y}")
    if single:
        for s in skels:
            keys.update(f"w:{k}" for k in s)
    return keys
