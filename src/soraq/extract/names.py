"""Finding person-name mentions in a text and grouping them into people.

Evidence that a span is a person's name, in order of strength:

* natasha's NER (Russian), its spans brought to the nominative with pymorphy3;
* an Azerbaijani patronymic marker (``X oğlu``, ``X qızı``, ``X оглы``, ``X кызы``)
  or a Russian one (``-ович``, ``-овна``);
* capitalised words of which one is a given name Faker knows or is built like a
  surname (-ov, -yev, -ova, -li, -zade ...).

Mentions of the same person (full name first, surname alone later, other case
forms) are then grouped; each group becomes one candidate person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from soraq.extract import az_suffixes
from soraq.extract.lexicon import load
from soraq.extract.name_lists import (
    fold,
    given_name_sex,
    is_given_name,
    looks_like_surname,
    surname_sex,
)

_UPPER = "A-ZÀ-ÖØ-ÞƏĞİŞÇÖÜА-ЯЁ"
_LOWER = "a-zß-öø-ÿəğışçöüа-яё"
# Uzbek Latin writes o' and g' with a turned comma or a modifier apostrophe ("Toʻxtayev", "Gʻofurov")
_CAP_WORD = rf"[{_UPPER}][{_LOWER}{_UPPER}'’ʻʼ-]*[{_LOWER}]"
_MARKER = r"(?:oğl|ogl|ogly|огл|qız|qiz|kyz|кыз)\w*"
_INITIALS = rf"[{_UPPER}]\.(?:[ \u00a0]?[{_UPPER}]\.)?"
_INITIAL_RE = re.compile(rf"^[{_UPPER}]\.(?:[ \u00a0]?[{_UPPER}]\.?)?$")  # natasha may drop the last dot
_SEQUENCE = re.compile(rf"(?:{_CAP_WORD}|{_INITIALS})(?:[ \u00a0](?:{_CAP_WORD}|{_MARKER}|{_INITIALS}))*")
_MARKER_RE = re.compile(rf"^{_MARKER}$", re.IGNORECASE)
_FEMALE_MARKER = re.compile(r"^(?:qız|qiz|kyz|кыз)", re.IGNORECASE)
_RU_PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична)(?:а|у|ем|е|ой|ы)?$", re.IGNORECASE)
_RU_FEM_PATRONYMIC = re.compile(r"(?:овна|евна|ична|инична)", re.IGNORECASE)


@dataclass
class Mention:
    """One occurrence of a name in the text, with its parts brought to their base form."""

    start: int
    end: int
    text: str
    tokens: list[str]  # base forms, in the order written
    given: str | None = None
    family: str | None = None
    patronymic: str | None = None
    marker: str | None = None  # "oğlu", "оглы" ... as written (base form)
    sex: str | None = None
    from_ner: bool = False
    after_kin: bool = False  # right after a kinship word ("his mother X"): a relative's full name

    @property
    def size(self) -> int:
        return len(self.tokens)

    @property
    def display(self) -> str:
        return " ".join(self.tokens)


@dataclass
class NameGroup:
    """All mentions of one person in one document."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def best(self) -> Mention:
        """The fullest mention: most parts, the earliest among equals."""
        return max(self.mentions, key=lambda m: (m.size - sum(map(is_initial, m.tokens)) + (m.patronymic is not None),
                                                 m.size, -m.start))

    @property
    def given(self) -> str | None:
        return self.best.given or next((m.given for m in self.mentions if m.given), None)

    @property
    def family(self) -> str | None:
        return self.best.family or next((m.family for m in self.mentions if m.family), None)

    @property
    def patronymic(self) -> str | None:
        return self.best.patronymic or next((m.patronymic for m in self.mentions if m.patronymic), None)

    def keys(self) -> set[str]:
        out = set()
        for m in self.mentions:
            for part in (m.family, m.given):
                if part:
                    out.add(fold(part))
        return out

    @property
    def sex(self) -> str | None:
        for m in self.mentions:
            if m.sex:
                return m.sex
        return None


# ---------------------------------------------------------------- base forms


@cache
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _ru_base(word: str, seen: frozenset[str], female: bool | None) -> str:
    """Nominative of a Russian name word, agreeing with the person's sex when known."""
    surname = re.match(r"^(.+(?:ов|ев|ёв|ин|ын))(а|у|ым|ом|е)$", word)
    if surname and female is not True:
        return surname.group(1)  # a man's surname in an oblique case
    candidates: list[tuple[float, str]] = []
    for p in _morph().parse(word):
        tag = p.tag
        if not ({"Name", "Surn", "Patr"} & tag.grammemes) and tag.POS != "NOUN":
            continue
        if "plur" in tag:  # a person is one person
            continue
        target = {"nomn", "sing"}
        form = p.inflect(target)
        if form is None:
            continue
        score = p.score + (1.0 if {"Name", "Surn", "Patr"} & tag.grammemes else 0.0)
        gender = "femn" if "femn" in tag else "masc" if "masc" in tag else None
        if female is True and gender == "masc" and "Surn" in tag:
            fem = p.inflect({"nomn", "sing", "femn"})
            form = fem or form
        if female is not True and gender == "femn" and ("Surn" in tag or "Name" in tag):
            score -= 0.8 if female is False else 0.4
        if form.word in seen:
            score += 2.0
        if "nomn" in tag and "sing" in tag and (gender != "femn" or female is True) and \
                ({"Name", "Surn", "Patr"} & tag.grammemes or tag.POS == "NOUN"):
            score += 1.5  # already a nominative: keep it
        candidates.append((score, form.word))
    if not candidates:
        return word
    base = max(candidates)[1]
    return _match_case(word, base)


def _match_case(original: str, base: str) -> str:
    """``base`` written as ``original`` is: its capitals, and the "ё" a normaliser turned into "е"."""
    base = "".join("ё" if b == "е" and i < len(original) and original[i] in "ёЁ" else b for i, b in enumerate(base))
    if original.isupper() and len(original) > 1:
        return base.upper()
    return "-".join(part[:1].upper() + part[1:] for part in base.split("-"))


def _az_base(word: str, after_given: bool = False) -> str:
    """Azerbaijani name word without case endings ('Zeynalovu' -> 'Zeynalov').

    After a given name the word is a surname, so the looser surname shapes ("-lı/-li",
    as in "Hüseynlinin") count too; alone, only the unmistakable ones do.
    """

    def accept(stem: str) -> bool:
        return is_given_name(stem) or looks_like_surname(stem, strict=not after_given)

    return az_suffixes.strip_word(word, accept)


def _marker_base(word: str) -> str:
    """The patronymic marker without case endings, in its own script ('oğlunun' -> 'oğlu')."""
    lower = word.lower()
    if lower.startswith("огл"):
        return word[:4] if len(word) >= 4 and lower[3] in "ыу" else word[:3] + "ы"
    if lower.startswith(("кыз", "qız", "qiz", "kyz")):
        return word[:4] if len(word) >= 4 else word
    if lower.startswith("oğl"):
        return word[:3] + "u"
    if lower.startswith("ogl"):
        return word[:4] if len(word) >= 4 and lower[3] in "uy" else word[:3] + "u"
    return word


# ---------------------------------------------------------------- parsing parts


def is_initial(word: str) -> bool:
    """An initial or two ("Т.", "T.S.") standing for a given name and patronymic."""
    return bool(_INITIAL_RE.match(word))


def _split_initials(tokens: list[str]) -> tuple[str | None, str | None, str | None] | None:
    """(given, family, patronymic) for "Rzayev T.S." / "T. Rzayev": initials around one surname."""
    initials = [t for t in tokens if is_initial(t)]
    words = [t for t in tokens if not is_initial(t)]
    if not initials or len(words) != 1:
        return None
    letters = [x.rstrip(".") + "." for t in initials for x in re.findall(r"\w\.?", t)]
    if len(tokens) == 2 and is_initial(tokens[1]) and is_given_name(words[0]) and not looks_like_surname(words[0], strict=True):
        return words[0], letters[0], None  # "Oqtay V.", "Myrat A.": a given name and the surname's initial
    return letters[0], words[0], (letters[1] if len(letters) > 1 else None)


def _split_parts(tokens: list[str], lang: str) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """(given, family, patronymic, marker, sex) from the base-form tokens of one mention."""
    given = family = patronymic = marker = sex = None
    by_initials = _split_initials(tokens)
    if by_initials is not None:
        given, family, patronymic = by_initials
        return given, family, patronymic, None, surname_sex(family) if family else None
    marker_at = next((i for i, t in enumerate(tokens) if _MARKER_RE.match(t)), None)
    rest = list(tokens)
    if marker_at is not None and marker_at > 0:
        marker = tokens[marker_at]
        patronymic = tokens[marker_at - 1]
        sex = "female" if _FEMALE_MARKER.match(marker) else "male"
        before = tokens[: marker_at - 1]
        after = tokens[marker_at + 1 :]
        if len(before) >= 2:
            family, given = before[0], before[1]
        elif len(before) == 1:
            given = before[0]
            family = after[0] if after else None
        elif after:
            given = None
            family = after[0]
        return given, family, patronymic, marker, sex
    # Russian-style patronymic "-ович/-овна"
    ru_patr = [i for i, t in enumerate(rest) if _RU_PATRONYMIC.search(t) and len(rest) >= 2 and i > 0]
    if ru_patr:
        i = ru_patr[0]
        patronymic = rest.pop(i)
        sex = "female" if _RU_FEM_PATRONYMIC.search(patronymic) else "male"
    if len(rest) == 1:
        word = rest[0]
        if is_given_name(word) and not looks_like_surname(word, strict=True):
            given = word
        else:
            family = word
    elif rest:
        first, last = rest[0], rest[-1]
        first_surname = looks_like_surname(first, strict=True) and not is_given_name(first)
        last_given = is_given_name(last) and not looks_like_surname(last, strict=True)
        if first_surname and (last_given or len(rest) >= 3 or (lang == "ru" and patronymic)):
            family, given = first, rest[1]
        elif first_surname and len(rest) == 2 and not looks_like_surname(last, strict=True):
            family, given = first, last
        else:
            given, family = first, last
    return given, family, patronymic, marker, sex


# ---------------------------------------------------------------- finding


@cache
def _stop_words(lang: str) -> frozenset[str]:
    words = set(load(lang).words("names", "stop"))
    if lang != "en":
        words |= set(load("en").words("names", "stop"))
    return frozenset(w.lower() for w in words)


@cache
def _place_noun(lang: str) -> re.Pattern[str] | None:
    """Words for an administrative unit ("rayonu", "района", "district") that follow a place name."""
    stems = load(lang).words("names", "place_nouns")
    if not stems:
        return None
    return re.compile(r"[ \u00a0]+(?:" + "|".join(map(re.escape, stems)) + r")\w*\b", re.IGNORECASE)


def _cut_place(text: str, lang: str, run: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A capitalised word right before a word for a district, village or town is that place,
    not the end of a name ("Oqtay Məlikli Lerik rayonundan" -> "Oqtay Məlikli")."""
    pattern = _place_noun(lang)
    if pattern is None or not run:
        return run
    end = run[-1][0] + len(run[-1][1])
    if pattern.match(text, end):
        return run[:-1]
    return run


_AZ_PLACE_CASE = re.compile(r"(?:da|də|dan|dən|ya|yə|dakı|dəki)$")


def _cut_case_marked_place(run: list[tuple[int, str]], lang: str) -> list[tuple[int, str]]:
    """An Azerbaijani capitalised word in the locative, ablative or dative after a name, that is
    neither a given name nor a surname, is where the person was ("Oqtay Moskvada işləyirdi")."""
    if lang != "az" or len(run) < 2:
        return run
    last = run[-1][1]
    base = _az_base(last)
    if _AZ_PLACE_CASE.search(last) and not is_given_name(base) and not looks_like_surname(base, strict=True):
        return run[:-1]
    return run


def _cut_case_marked_opener(text: str, run: list[tuple[int, str]], lang: str) -> list[tuple[int, str]]:
    """Azerbaijani puts a case ending on the last word of a name only: a first word in the locative,
    ablative or dative whose stem is a word for a place ("Qəsəbədə X Y", in the settlement) or a
    common word the text also writes in lower case is a sentence's opening word, not the start of
    the name (a name like "Sevda" ends the same way: its stem is no common word)."""
    if lang != "az" or len(run) < 2:
        return run
    first = run[0][1]
    if not _AZ_PLACE_CASE.search(first) or is_given_name(first) or looks_like_surname(first, strict=True):
        return run
    nouns = tuple(w.lower() for w in load(lang).words("names", "place_nouns"))
    for stem in az_suffixes.stems(first):
        lower = stem.lower()
        if lower in nouns or (len(lower) >= 5 and re.search(rf"(?<!\w){re.escape(lower)}", text)):
            return run[1:]
    return run


def _patronymic_marker(run: list[tuple[int, str]], lang: str) -> bool:
    """"oğlu/qızı/оглы" is a patronymic marker only after a given name and the father's name
    ("Oqtay Vahid oğlu"); after one word alone or after a surname it is the word "son"/"daughter"."""
    if len(run) < 2:
        return False
    last = run[-1][1]
    base = _az_base(last) if lang == "az" else last
    if lang == "az" and _az_genitive(last):
        return False  # "Nərminənin oğlu": Nərminə's son; a patronymic takes no genitive ("Tahir oğlu")
    return is_given_name(base) or not looks_like_surname(base, strict=True)


_AZ_GENITIVE = re.compile(r"(?:(?<=[aıoueəiöü])n|)(?:ın|in|un|ün)$", re.IGNORECASE)


def _az_genitive(word: str) -> bool:
    """An Azerbaijani given name in the genitive ("Nərminənin", "Tahirin"), not the name itself ("Elçin")."""
    if is_given_name(word):
        return False
    m = _AZ_GENITIVE.search(word)
    return bool(m) and m.start() >= 3 and is_given_name(word[: m.start()])


def _cut_origin_adjective(run: list[tuple[int, str]], lang: str) -> list[tuple[int, str]]:
    """An Azerbaijani "-lı/-li" word of origin before a given name and a surname
    ("Qusarlı Elnur Babayev", one from Qusar) is no part of the name; a surname-first
    name has a patronymic marker instead ("Məlikli Oqtay Vahid oğlu")."""
    if lang != "az" or len(run) < 3 or any(_MARKER_RE.match(w) for _, w in run):
        return run
    first, second = run[0][1], run[1][1]
    if re.search(r"(?:lı|li|lu|lü)$", first) and is_given_name(_az_base(second)) and not is_given_name(first):
        return run[1:]
    return run


@lru_cache(maxsize=1 << 14)  # the same capitalised words recur in every document
def _is_demonym(word: str, lang: str) -> bool:
    """A nationality word ("Кыргызстанца", "Azerbaijani") that may open a capitalised run."""
    return any(p is not None and p.fullmatch(word) for p in load(lang).patterns("citizenship").values()) or any(
        p is not None and p.match(word) and len(word) > 4 and word[:1].isupper() and not is_given_name(word)
        for p in load(lang).patterns("citizenship").values())


@cache
def _organisation_stems(lang: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in load(lang).words("names", "organisation"))


@lru_cache(maxsize=1 << 14)  # the same capitalised words recur in every document
def _is_organisation_word(word: str, lang: str) -> bool:
    """An outlet's or organisation's word ("Wire", "Forum", "Агентство", "Mərkəzi"), case endings allowed."""
    lower = word.lower()
    return any(lower.startswith(stem) and len(lower) - len(stem) <= 4 for stem in _organisation_stems(lang))


@lru_cache(maxsize=1 << 14)  # the same capitalised words recur in every document
@cache
def _openers(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load(lang).words("names", "openers"))


def _is_opener(word: str, lang: str) -> bool:
    """A word opening a capitalised run without being part of the name ("Former", "Братья", "Qardaşlar")."""
    return word.lower() in _openers(lang)


def _is_outlet_credit(text: str, start: int, end: int) -> bool:
    """A capitalised run in brackets right before a dash is a dateline's outlet credit:
    "GANJA, May 2 (Some Wire) - ..." names the agency, not a person."""
    return text[start - 1 : start] == "(" and re.match(r"\)[ \u00a0]*[-\u2013\u2014]", text[end : end + 4]) is not None


@lru_cache(maxsize=1 << 14)  # the same capitalised words recur in every document
def _is_kin_word(word: str, lang: str) -> bool:
    """A kinship word opening a sentence ("Atası Famil ...", "Mother Jane ...", "Qardaşım Şahin ...")
    is not part of a name."""
    lex = load(lang)
    return any(p is not None and p.fullmatch(word) for p in
               (*lex.patterns("relations").values(), *lex.patterns("relations_first_person").values()))


def _is_name_like(tokens: list[str], lang: str) -> bool:
    """A capitalised sequence counts as a name when one word is a given name or a surname."""
    if any(is_initial(t) for t in tokens):
        words = [t for t in tokens if not is_initial(t)]
        if len(tokens) == 2 and is_initial(tokens[1]) and len(words) == 1 and is_given_name(words[0]):
            return True  # "Oqtay V.": a given name and an initial, how a family post hides the surname
        return len(words) == 1 and looks_like_surname(words[0])
    if any(_MARKER_RE.match(t) for t in tokens[1:]):
        return True
    if len(tokens) == 1:
        return looks_like_surname(tokens[0], strict=True) or is_given_name(tokens[0])
    known = sum(is_given_name(t) for t in tokens)
    surname = sum(looks_like_surname(t, strict=False) for t in tokens)
    return known >= 1 or surname >= 1


def _sequences(text: str, lang: str) -> list[tuple[int, int, list[str]]]:
    """Capitalised word sequences, split at stop-words, as (start, end, words)."""
    stop = _stop_words(lang)
    out = []
    for m in _SEQUENCE.finditer(text):
        words = [(w.start() + m.start(), w.group(0)) for w in re.finditer(r"\S+", m.group(0))]
        if _is_outlet_credit(text, m.start(), m.end()):
            continue
        # an organisation's name ends with its head word ("Migrant Rights Forum"): what follows may be a name
        heads = [i for i, (_, w) in enumerate(words) if _is_organisation_word(w, lang)]
        if heads:
            words = words[heads[-1] + 1 :]
        run: list[tuple[int, str]] = []
        for pos, word in words + [(-1, "")]:
            bare = word.rstrip("'’s") if word.endswith(("'s", "’s")) else word
            if pos < 0 or bare.lower() in stop or (lang == "az" and _az_stop(bare, stop)) or (
                    not run and (_is_demonym(bare, lang) or _is_kin_word(bare, lang) or _is_opener(bare, lang))):
                while run and _MARKER_RE.match(run[0][1]):
                    run.pop(0)
                run = _cut_origin_adjective(_cut_case_marked_place(_cut_place(text, lang, run), lang), lang)
                run = _cut_case_marked_opener(text, run, lang)
                if run:
                    s, e = run[0][0], run[-1][0] + len(run[-1][1])
                    out.append((s, e, [w for _, w in run]))
                run = []
            elif _MARKER_RE.match(bare) and not _patronymic_marker(run, lang):
                # "Böyük oğlu Tural" (his elder son), "Əhmədov oğlunu" (his son): kinship, no patronymic;
                # a lone given name before it is still a name ("bacısı Aygün oğlunun ...")
                if len(run) > 1 or (run and is_given_name(_az_base(run[0][1]) if lang == "az" else run[0][1])):
                    s, e = run[0][0], run[-1][0] + len(run[-1][1])
                    out.append((s, e, [w for _, w in run]))
                run = []
            else:
                run.append((pos, bare))
                if bare != word:  # possessive ends the name
                    s, e = run[0][0], run[-1][0] + len(bare)
                    out.append((s, e, [w for _, w in run]))
                    run = []
    return out


def _az_stop(word: str, stop: set[str]) -> bool:
    """An Azerbaijani stop word with a case ending ("Martda" in March, "Rusiyadakı") is still a
    stop word; a given name whose stem happens to be one is not."""
    if _az_base(word).lower() in stop:
        return True
    return not is_given_name(word) and any(s.lower() in stop for s in az_suffixes.stems(word))


def _base_tokens(words: list[str], lang: str, seen: frozenset[str]) -> list[str]:
    female = None
    for w in words:
        if _MARKER_RE.match(w):
            female = bool(_FEMALE_MARKER.match(w))
    out = []
    for i, w in enumerate(words):
        if _MARKER_RE.match(w):
            out.append(_marker_base(w))
        elif re.search("[А-Яа-яЁё]", w):
            out.append(_ru_base(w, seen, female if female is not None else _guess_female(words)))
        elif lang == "az" or re.search("[əğışƏĞİŞ]", w):
            # Azerbaijani puts a case ending on the last word of a name only ("Oqtay Məliklinin"):
            # an inner word is already in its base form, however it ends.
            out.append(_az_base(w, after_given=i > 0 and is_given_name(words[i - 1])) if i == len(words) - 1 else w)
        else:
            out.append(w)
    return out


def _guess_female(words: list[str]) -> bool | None:
    for w in words:
        s = given_name_sex(w)
        if s:
            return s == "female"
    return None


def _ru_woman_by_form(words: list[str], tokens: list[str]) -> bool:
    """A Russian name whose given name is written in its base form and whose surname is written
    "-ова/-ева/-ина" is a woman's ("Гульнара Расулова", "Зумрад Халилова"), whatever the tagger
    made of the surname: a man's name in an oblique case inflects the given name too."""
    if len(tokens) < 2 or given_name_sex(tokens[0]) == "male":
        return False
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+", tokens[0]) or tokens[0].lower() != words[0].lower():
        return False
    return any(re.search(r"(?:ов|ев|ёв|ин|ын)а$", w) for w in words[1:])


_RU_SHE_AFTER = re.compile(r"[ \u00a0]+(?:не[ \u00a0]+)?[а-яё]+ла\b|[^.!?]{0,60}[.!?»][ \u00a0\n]*(?:Её|Ее|Она|Ей)\b")


def _ru_woman_by_context(text: str, end: int, words: list[str], tokens: list[str]) -> bool:
    """"Дилфуза Рахимова живёт ... Её сын ...": a given name no list knows, written "-а", with a
    "-ова/-ева/-ина" surname is a woman's name in the nominative when a feminine past verb or
    "она/её" follows (the tagger may have read it as a man's genitive, "Дилфуз Рахимов")."""
    if len(words) != 2 or tokens[0].lower() == words[0].lower():
        return False
    if is_given_name(words[0]) or is_given_name(tokens[0]) or not words[0].endswith(("а", "я")):
        return False
    if not re.search(r"(?:ов|ев|ёв|ин|ын)а$", words[1]):
        return False
    return bool(_RU_SHE_AFTER.match(text, end))


def _given_before_surname(text: str, s: int, e: int, normal: list[str]) -> tuple[int, list[str]]:
    """A capitalised word right before a surname natasha took alone ("Бахром Бердиев, 27 лет")
    is the given name when the dictionary knows it as a name or does not know it at all
    (Central Asian names are mostly absent); ordinary words ("Вчера", "Житель") stay out."""
    if len(normal) != 1 or not looks_like_surname(text[s:e].strip(".,"), strict=False):
        return s, normal
    before = re.search(rf"(?:^|(?<=[\s«\"(]))({_CAP_WORD})[ \u00a0]$", text[max(0, s - 40) : s])
    if not before:
        return s, normal
    word = before.group(1)
    if word.lower() in _stop_words("ru") or _is_demonym(word, "ru") or _is_kin_word(word, "ru"):
        return s, normal
    morph = _morph()
    if morph.word_is_known(word.lower()) and not any("Name" in p.tag for p in morph.parse(word)):
        return s, normal
    return s - len(before.group(0)), [word] + normal


_RU_RESIDENT = re.compile(r"(?:житель|жительница|жителя|жительницы|уроженец|уроженка|уроженца|уроженки|"
                          r"выходец\s+из|выходца\s+из|родом\s+из)\s*$", re.IGNORECASE)


_RU_PREPOSITIONS = frozenset("В Во На Из Под Из-под К Ко До От Над За С Со У При Через Около Возле".split())


def _natasha_spans(text: str) -> list[tuple[int, int, list[str]]]:
    """natasha's person spans (adjacent ones joined), each with its words in the nominative."""
    from soraq.extract.models import natasha_ner, normalize_person_spans

    doc = natasha_ner(text)
    normalize_person_spans(doc)
    spans = sorted((s.start, s.stop, (s.normal or s.text).split()) for s in doc.spans if s.type == "PER")
    merged: list[list] = []  # type: ignore[type-arg]
    for s, e, words in spans:
        gap = text[merged[-1][1] : s] if merged else None
        if merged and gap is not None and re.fullmatch(rf"\s*(?:{_MARKER})?\s*", gap, re.IGNORECASE):
            merged[-1][1] = e
            merged[-1][2] = merged[-1][2] + gap.split() + words
        else:
            merged.append([s, e, words])
    out = []
    for s, e, normal in merged:
        s, normal = _given_before_surname(text, s, e, normal)
        s, normal = _surname_before_span(text, s, e, normal)
        # a patronymic marker and surname natasha left outside the span ("Ильгар оглы")
        tail = re.match(rf"[ \u00a0]+{_MARKER}(?:[ \u00a0]+{_CAP_WORD})?", text[e:])
        if tail:
            e += tail.end()
            normal = normal + tail.group(0).split()  # the tail's own case is fixed later
        if text[e : e + 1] == "." and re.search(rf"[{_UPPER}]$", text[s:e]):
            e += 1  # natasha leaves the dot of a closing initial outside ("Э.К")
            normal = normal[:-1] + [normal[-1] + "."] if normal else normal
        # a capitalised preposition opening a sentence ("В Пенджикенте ..."): with one word after it,
        # natasha's "person" is a place; with more, the preposition is no part of the name
        first = re.match(r"\S+", text[s:e])
        if first and first.group(0) in _RU_PREPOSITIONS:
            if len(normal) <= 2:
                continue
            s += first.end() + 1
            normal = normal[1:]
        # a nationality word natasha took into the span ("Кыргызстанца Темирлана Осмонова")
        first = re.match(r"\S+", text[s:e])
        if first and e - s > first.end() and (_is_demonym(first.group(0), "ru") or _is_opener(first.group(0), "ru")):
            s += first.end() + 1
            normal = normal[1:]
        # a home town natasha took into the span ("жительница Андижана Мунира Юлдашева"): after a word for
        # a resident or native, a span of three words or more starts with the place in the genitive
        first = re.match(r"\S+", text[s:e])
        if first and len(text[s:e].split()) >= 3 and _RU_RESIDENT.search(text[max(0, s - 16) : s]):
            s += first.end() + 1
            normal = normal[1:]
        out.append((s, e, normal))
    return out


_RU_OBLIQUE_MALE = re.compile(r"(?:ович|евич)(а|у|ем)$")  # only a man's patronymic tells the case surely
_RU_CONSONANT_END = re.compile(r"[бвгджзклмнпрстфхцчшщ](а|у|ом|ем)$")
_RU_A_GENITIVE = re.compile(r"[бвдзлмнпрстфц]ы$")


def _ru_agree_case(words: list[str], tokens: list[str]) -> list[str]:
    """All words of a Russian name share one case: when a man's patronymic was written
    in an oblique case ("Шавкатовича") and brought to the nominative, a given name left as written
    ("Улугбека") loses the same ending; an unknown name word in "-ы" after a hard consonant
    ("Сурендры") is the genitive of an "-а" name (no name's nominative ends so)."""
    out = list(tokens)
    endings = {m.group(1) for w, t in zip(words, tokens)
               if (m := _RU_OBLIQUE_MALE.search(w.lower())) and t.lower() == w.lower()[: m.start(1)]}
    for i, (w, t) in enumerate(zip(words, tokens)):
        if t != w or is_initial(w) or _MARKER_RE.match(w) or not re.match("[А-ЯЁ]", w):
            continue
        m = _RU_CONSONANT_END.search(w)
        if len(endings) == 1 and m and m.group(1) in endings and not _RU_PATRONYMIC.search(w):
            out[i] = w[: m.start(1)]
        elif _RU_A_GENITIVE.search(w) and len(w) >= 5:
            out[i] = w[:-1] + "а"
    return out


def _surname_before_span(text: str, s: int, e: int, normal: list[str]) -> tuple[int, list[str]]:
    """A capitalised word built like a surname right before a given name and patronymic natasha took
    without it ("Каримов Олим Рустамович, 1990 года рождения") is the surname written first."""
    if not normal or not _RU_PATRONYMIC.search(normal[-1]) or len(normal) != 2:
        return s, normal
    m = re.search(rf"(?:^|(?<=[\s(«\"]))({_CAP_WORD})[ \u00a0]+$", text[max(0, s - 40) : s])
    if not m:
        return s, normal
    word = m.group(1)
    if not looks_like_surname(word, strict=True) or is_given_name(word):
        return s, normal
    return s - (len(text[max(0, s - 40) : s]) - m.start(1)), [word, *normal]


def _feminine_surname(word: str, base: str) -> str:
    """A woman's surname keeps its feminine form ("Токтосунова", "Токтосуновой" -> "Токтосунова")."""
    m = re.match(r"^(.+(?:ов|ев|ёв|ин|ын))(?:а|ой|у)$", word)
    return m.group(1) + "а" if m else base


def _shorter_seen(word: str, seen: frozenset[str]) -> str:
    """A word natasha left as it was, unless the text also has it without a case ending
    ("Илдырыма" when "Илдырым" occurs too)."""
    lower = word.lower()
    for cut in (1, 2):
        stem = lower[:-cut]
        if len(stem) >= 3 and stem in seen and not is_initial(word):
            return _match_case(word, stem)
    return word


def _clean_word(word: str) -> str:
    """A name word without quotes and punctuation around it (an initial keeps its dot)."""
    word = word.strip("«»\"“”,")
    return word if is_initial(word) else word.strip(".")


def _add_known_words(text: str, lang: str, raw: dict[tuple[int, int], tuple[list[str], bool]]) -> None:
    """A lone capitalised word that is a part of a full name found in the same text is a
    mention of that name ("Sujan Pokharel ... Pokharel, 26, ... Sujan flew out"), even when
    no name list knows it."""
    known = {fold(_az_base(w) if lang == "az" else w) for words, _ in raw.values() if len(words) > 1
             for w in words if not _MARKER_RE.match(w) and not is_initial(w)}
    if not known:
        return
    families = {fold(_az_base(words[-1]) if lang == "az" else words[-1]) for words, _ in raw.values()
                if len(words) > 1 and not _MARKER_RE.match(words[-1]) and not is_initial(words[-1])}
    stop = _stop_words(lang)
    runs = _sequences(text, lang)
    for s, e, words in runs:
        if len(words) > 1 and not any(s < e2 and s2 < e for (s2, e2) in raw) \
                and not any(w.lower() in stop for w in words) and _shares_surname(words, families, lang):
            raw[(s, e)] = (words, False)
            known |= {fold(_az_base(w) if lang == "az" else w) for w in words}
    for s, e, words in runs:
        if len(words) != 1 or any(s < e2 and s2 < e for (s2, e2) in raw) or words[0].lower() in stop:
            continue
        word = words[0]
        if len(word) >= 3 and fold(_az_base(word) if lang == "az" else word) in known:
            raw[(s, e)] = (words, False)


def _shares_surname(words: list[str], families: set[str], lang: str) -> bool:
    """Two or three capitalised words ending in the surname of a full name found in the same text
    are a namesake's name (a brother, a mother: "Bishal Thapaliya ... his brother Sujan
    Thapaliya"), even when no list knows the given name; place and organisation words are not."""
    if not 2 <= len(words) <= 3 or any(is_initial(w) or _is_organisation_word(w, lang) for w in words):
        return False
    last = words[-1]
    return len(last) >= 4 and fold(_az_base(last) if lang == "az" else last) in families


_DEMONYM_ENDINGS = ("ns", "n", "s", "ese", "is", "i")


def _is_country_name(words: list[str]) -> bool:
    """A run of capitalised words that is a country's name or its people ("Sri Lanka", "Sri Lankans") is no person."""
    from soraq.extract.places import _countries

    if len(words) < 2:
        return False
    folded = fold(" ".join(words))
    return folded in _countries() or any(
        folded.endswith(end) and folded[: -len(end)] in _countries() for end in _DEMONYM_ENDINGS)


def _cut_country_tail(words: list[str]) -> list[str]:
    """Words of a run before a country or its people ("Former Sri Lankan" -> "Former"): the tail is no name."""
    for i in range(1, len(words) - 1):
        if _is_country_name(words[i:]):
            return words[:i]
    return words


def _heads_country_entry(text: str, end: int) -> bool:
    """Two to four capitalised words followed by a country in brackets head an entry of a list
    of people ("Jane Roe (Uganda). The 30-year-old ..."), even when no name list knows them."""
    from soraq.extract.places import _countries

    m = re.match(r"[ \u00a0]*\(([^()\d]{3,40})\)", text[end : end + 45])
    return bool(m) and fold(m.group(1).strip()) in _countries()


@cache
def _kin_before(lang: str) -> re.Pattern[str] | None:
    """A kinship word ending right before a name, maybe with a comma ("his wife, Aizada", "anası Xuraman")."""
    phrases = [p for values in load(lang).table("relations").values() if isinstance(values, list)
               for p in values if isinstance(p, str) and not p.startswith("re:")]
    if not phrases:
        return None
    from soraq.extract.lexicon import phrase_to_regex

    alt = "|".join(f"(?:{phrase_to_regex(p)})" for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:{alt})[ \u00a0]*,?[ \u00a0]*$", re.IGNORECASE)


_KIN_SEX = {"mother": "female", "sister": "female", "wife": "female", "daughter": "female",
            "father": "male", "brother": "male", "husband": "male", "son": "male"}


@cache
def _kin_sex_before(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per sex, the kinship words of that sex ending right before a name ("my brother X", "qızı X")."""
    from soraq.extract.lexicon import phrase_to_regex

    out = []
    for sex in ("female", "male"):
        phrases = [p for rel, values in load(lang).table("relations").items() if _KIN_SEX.get(rel) == sex
                   and isinstance(values, list) for p in values if isinstance(p, str) and not p.startswith("re:")]
        if phrases:
            alt = "|".join(f"(?:{phrase_to_regex(p)})" for p in sorted(phrases, key=len, reverse=True))
            out.append((sex, re.compile(rf"(?<!\w)(?:{alt})[ \u00a0]*,?[ \u00a0]*$", re.IGNORECASE)))
    return tuple(out)


@cache
def _courtesy(lang: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Per sex and side, the courtesy words of the lexicon ("Mrs X", "X xanım")."""
    from soraq.extract.lexicon import phrase_to_regex

    out = []
    for sex in ("female", "male"):
        for side in ("before", "after"):
            words = load(lang).words("names", f"{sex}_{side}")
            if words:
                alt = "|".join(f"(?:{phrase_to_regex(w)})" for w in words)
                body = rf"(?<!\w)(?:{alt})[ \u00a0]*$" if side == "before" else rf"[ \u00a0]+(?:{alt})(?!\w)"
                out.append((sex, side, re.compile(body, re.IGNORECASE)))
    return tuple(out)


def _courtesy_sex(text: str, start: int, end: int, lang: str) -> str | None:
    """The sex a courtesy word beside the name tells ("Mrs Jane Roe", "Məleykə xanım", "Kamal kişi")."""
    for sex, side, p in _courtesy(lang):
        if (p.search(text[max(0, start - 12) : start]) if side == "before" else p.match(text, end)):
            return sex
    return None


def _kin_word_sex(text: str, start: int, lang: str) -> str | None:
    """The sex a kinship word right before the name tells ("my brother Dil X" is a man whatever
    a given-name list says of "Dil"): the writer's word is surer than a list of names."""
    head = text[max(0, start - 30) : start]
    found = {sex for sex, p in _kin_sex_before(lang) if p.search(head)}
    return found.pop() if len(found) == 1 else None


def _after_kin_word(text: str, start: int, end: int, lang: str) -> bool:
    """One to three capitalised words right after a kinship word and closed by a comma, a full stop
    or a verb are that relative's name, even when no name list knows it ("His wife, Aizada, says")."""
    pattern = _kin_before(lang)
    if pattern is None or not pattern.search(text[max(0, start - 30) : start]):
        return False
    return bool(re.match(r"[ \u00a0]*(?:[,.;:)—–]|[a-zəğışçöüа-яё])", text[end : end + 3]))


def _split_kin_genitive(text: str, raw: dict[tuple[int, int], tuple[list[str], bool]]) -> None:
    """"брат Улугбека Жахонгир": a kinship word, the subject's given name in the genitive (written elsewhere
    in its base form) and the relative's own name are two people, not one two-word name."""
    pattern = _kin_before("ru")
    if pattern is None:
        return
    others = {w.lower() for words, _ in raw.values() for w in words}
    for (s, e), (words, from_ner) in list(raw.items()):
        if len(words) != 2 or not pattern.search(text[max(0, s - 30) : s]):
            continue
        first = words[0]
        if re.search(r"[бвгджзклмнпрстфхцчшщ](?:а|у)$", first) and first[:-1].lower() in others \
                and not re.search(r"(?:ов|ев|ёв|ин|ын)[ау]$", first):  # a surname's genitive is handled in relatives
            del raw[(s, e)]
            second = e - len(words[1])
            raw[(second, e)] = ([words[1]], from_ner)


def _after_honorific(text: str, start: int) -> bool:
    """Capitalised words right after a courtesy title ("Mr. X Y", "г-жа X") are a person's name,
    even when no name list knows them."""
    from soraq.extract.roles import honorific_end

    return bool(honorific_end().search(text[max(0, start - 12) : start]))


_AGE_APPOSITION = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*\d{1,2}[ \u00a0]*,|,[ \u00a0]*(?:19|20)\d\d[ \u00a0]+года\s+рождения"
                             r"|,[ \u00a0]*(?:19|20)\d\d-?(?:c[iıuü])?\s+il\s+təvəllüdlü|[ \u00a0]*\(\d{1,2}\))")


def _age_apposition(text: str, end: int) -> bool:
    """Two to four capitalised words followed by an age or a birth year in apposition
    ("Solange Atangana Ndzie, 34, a nurse", "..., 1990 года рождения") are a person's name,
    even when no name list knows them."""
    return bool(_AGE_APPOSITION.match(text, end))


@cache
def _apposition_head(lang: str) -> re.Pattern[str] | None:
    heads = load(lang).words("names", "apposition_heads")
    if not heads:
        return None
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})[ \u00a0]*,?[ \u00a0]*$", re.IGNORECASE)


def _after_apposition_head(text: str, start: int, lang: str) -> bool:
    """Capitalised words right after a noun for a person ("a Nepali man, X Y", "Nepal vətəndaşı X Y",
    "гражданин X Y") are that person's name, even when no name list knows them."""
    head = _apposition_head(lang)
    return bool(head is not None and head.search(text[max(0, start - 30) : start]))


def find_mentions(text: str, lang: str) -> list[Mention]:
    """Every name mention in the text, parts in base form, in text order."""
    raw: dict[tuple[int, int], tuple[list[str], bool]] = {}
    normals: dict[tuple[int, int], list[str]] = {}
    if lang == "ru":
        for s, e, normal in _natasha_spans(text):
            words = [_clean_word(w) for w in re.findall(r"\S+", text[s:e])]
            words = [w for w in words if w]
            if words:
                raw[(s, e)] = (words, True)
                normal = [c for w in normal if (c := _clean_word(w))]
                if len(normal) == len(words):
                    normals[(s, e)] = normal
    for s, e, words in _sequences(text, lang):
        if any(s < e2 and s2 < e for (s2, e2) in raw):
            # extend a NER span by a patronymic marker group it missed
            continue
        if _is_country_name(words):
            continue
        if (cut := _cut_country_tail(words)) is not words:
            if not any(is_given_name(w) for w in cut):
                continue
            e = s + len(" ".join(cut))
            words = cut
        if _is_name_like(_base_tokens(words, lang, frozenset()) if lang == "az" else words, lang) or (
                1 < len(words) <= 4 and (_heads_country_entry(text, e) or _age_apposition(text, e))) or (
                len(words) <= 3 and (_after_kin_word(text, s, e, lang) or _after_honorific(text, s))) or (
                1 < len(words) <= 3 and _after_apposition_head(text, s, lang)):
            raw[(s, e)] = (words, False)
    if lang == "ru":
        _split_kin_genitive(text, raw)
    _add_known_words(text, lang, raw)
    seen = frozenset(w.lower() for (words, _) in raw.values() for w in words)
    mentions = []
    for (s, e), (words, from_ner) in sorted(raw.items()):
        tokens = _base_tokens(words, lang, seen)
        if (s, e) in normals:  # natasha read the case from the sentence: trust it
            tokens = [_match_case(w, n) if n.lower() != w.lower() else _shorter_seen(w, seen)
                      for w, n in zip(words, normals[(s, e)])]
        if lang == "ru":
            tokens = _ru_agree_case(words, tokens)
        if lang == "ru" and _ru_woman_by_context(text, e, words, tokens):
            tokens = list(words)  # a woman named in the nominative: as written
        if lang == "ru" and (_guess_female(tokens) or _ru_woman_by_form(words, tokens)):
            tokens = [_feminine_surname(w, t) for w, t in zip(words, tokens)]
        given, family, patronymic, marker, sex = _split_parts(tokens, lang)
        if lang == "ru" and sex == "female" and family and not family.endswith("а"):
            # a woman's patronymic ("Каримовна") keeps her surname feminine ("Рахманова", not "Рахманов")
            tokens = [_feminine_surname(w, t) for w, t in zip(words, tokens)]
            given, family, patronymic, marker, sex = _split_parts(tokens, lang)
        if sex is None:  # surname morphology, then a kinship word right before, are surer than a given-name list
            # (a name in an oblique case is the kin's owner: "мать Бисты" is not "Биста, a mother")
            base_form = [w.lower() for w in words] == [t.lower() for t in tokens]
            sex = (surname_sex(family) if family else None) or _courtesy_sex(text, s, e, lang) \
                or (_kin_word_sex(text, s, lang) if base_form else None) \
                or (given_name_sex(given) if given else None)
        kin = _kin_before(lang)
        after_kin = bool(kin is not None and kin.search(text[max(0, s - 30) : s]))
        mentions.append(Mention(s, e, text[s:e], tokens, given, family, patronymic, marker, sex, from_ner, after_kin))
    return mentions


# ---------------------------------------------------------------- grouping


def _same_word(a: str | None, b: str | None) -> bool:
    """Same name word up to spelling and a case ending ("Зарина"/"Зарины", "Sharipov"/"Charipov")."""
    if not a or not b:
        return False
    if is_initial(a) or is_initial(b):  # "T." stands for "Tahmaz"
        return fold(a)[:1] == fold(b)[:1]
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    common = 0
    for x, y in zip(fa, fb):
        if x != y:
            break
        common += 1
    if common >= max(3, max(len(fa), len(fb)) - 2) and min(len(fa), len(fb)) >= 3:
        return True
    if min(len(fa), len(fb)) >= 6:
        from rapidfuzz.fuzz import ratio

        return ratio(fa, fb) >= 85
    return False


def _tail_of(short: list[str], full: list[str]) -> bool:
    """A double surname alone ("Fajardo Mederos") or two given names alone ("Ram Bahadur") are
    the end or the start of the full name they came from."""
    n = len(short)
    return n < len(full) and (all(_same_word(a, b) for a, b in zip(short, full[-n:]))
                              or all(_same_word(a, b) for a, b in zip(short, full[:n])))


def _compatible(m: Mention, g: NameGroup) -> bool:
    """Whether mention ``m`` can be the same person as group ``g`` (no clashing parts)."""
    fam, giv = g.family, g.given
    if 1 < m.size and any(_tail_of(m.tokens, x.tokens) for x in g.mentions):
        return True
    if m.size == 1:
        word = m.given or m.family
        return _same_word(word, fam) or _same_word(word, giv)
    if m.family and fam:
        if not _same_word(m.family, fam):
            # a reversed order ("Sarıyev Oqtay") still matches
            return _same_word(m.family, giv) and _same_word(m.given, fam)
        return not (m.given and giv and not _same_word(m.given, giv))
    if m.size == 1:
        word = m.given or m.family
        return _same_word(word, fam) or _same_word(word, giv)
    if m.given and giv and _same_word(m.given, giv):
        return not (m.family and fam and not _same_word(m.family, fam))
    return False


def group_mentions(mentions: list[Mention]) -> list[NameGroup]:
    """Mentions grouped into people: full names first, shorter forms joined to them."""
    groups: list[NameGroup] = []
    for m in sorted(mentions, key=lambda x: (-x.size, x.start)):
        matches = [g for g in groups if _compatible(m, g)]
        if len(matches) == 1 or (matches and m.size > 1):
            matches[0].mentions.append(m)
        elif not matches:
            groups.append(NameGroup([m]))
        else:  # an ambiguous short form (two people share the surname): nearest earlier mention,
            # never a relative introduced by a kinship word ("his mother X Y") when the report has
            # someone else of that surname: a bare surname is how a report names its subject
            principal = [g for g in matches if not any(x.after_kin for x in g.mentions)]
            matches = principal or matches
            earlier = [(max((x.start for x in g.mentions if x.start < m.start), default=-1), g) for g in matches]
            max(earlier, key=lambda t: t[0])[1].mentions.append(m)
    for g in groups:
        g.mentions.sort(key=lambda x: x.start)
    groups.sort(key=lambda g: g.mentions[0].start)
    return groups
