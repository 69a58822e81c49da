"""Home, place abroad and occupation of a subject, taken as written.

All three are read right after (or, for Azerbaijani, right before) a cue
phrase from the lexicon: "from", "a native of", "житель", "sakini" for home;
"went to", "lived in", "уехал в" for the place abroad; "worked as",
"работал в сфере", "... işləyirdi" for the occupation. A place is the run
of capitalised words there, with an administrative word next to it
("district", "района", "rayonu") kept; Russian case forms are brought to the
nominative. "Most specific first" follows from the order of the text
("Sarıbulaq village in the Dağkənd district" -> "Sarıbulaq, Dağkənd"; invented names).
"""

from __future__ import annotations

from soraq.extract.name_lists import fold, looks_like_surname

import re
from functools import cache

from soraq.extract import az_suffixes
from soraq.extract.context import DocContext
from soraq.extract.names import _match_case, _morph

_CAP = r"[A-ZÀ-ÖØ-ÞƏĞİŞÇÖÜА-ЯЁ][\w'’.-]*"
_CAP_RUN = re.compile(rf"{_CAP}(?:[ \u00a0-]{_CAP})*")
_WORD = re.compile(r"[\w'’-]+")
#: what may stand right before "from"/"из" for it to give a home: a name, an age
# (a comma may close the name or the age: "X Y, from Z"; an age in brackets too: "X Y (38) of Z")
_NAME_OR_AGE_BEFORE = re.compile(r"(?:[A-ZÀ-ÖØ-ÞƏĞİŞÇÖÜА-ЯЁ][\w'’-]+,?|\d{1,2},|\(\d{1,2}\)|year-old|летн\w+)\s*$")
_OCC_STOP = re.compile(r"\b(?:in|on|at|for|with|and|but|to|from|until|before|after|since|who|which|that|such|"
                       r"в|на|с|и|но|до|после|где|который|которая|как)\b", re.IGNORECASE)


def _stop_names(ctx: DocContext) -> set[str]:
    """Capitalised words that are never a place (articles, pronouns, months, institutions)."""
    return {w.lower() for w in ctx.lexicon.words("home", "not_places")}


def _ru_noun_nominative(word: str) -> tuple[str, str | None]:
    """A Russian noun in the nominative singular, and its gender."""
    if "-" in word:  # "Ростове-на-Дону" style compounds: only the last part is tried
        head, _, last = word.rpartition("-")
        base, gender = _ru_noun_nominative(last)
        return f"{head}-{base}", gender
    parses = [p for p in _morph().parse(word) if p.tag.POS == "NOUN"]
    if not parses:
        return word, None
    p = parses[0]
    form = p.inflect({"nomn", "sing"}) or p.inflect({"nomn"})
    base = form.word if form is not None else word
    return (_match_case(word, base) if word[:1].isupper() else base), p.tag.gender


def _ru_adjective(word: str, gender: str | None) -> str:
    for p in _morph().parse(word):
        if p.tag.POS == "ADJF":
            form = p.inflect({"nomn", "sing", gender}) if gender else p.inflect({"nomn", "sing"})
            if form is not None:
                return _match_case(word, form.word) if word[:1].isupper() else form.word
    return word


def _ru_nominative(phrase: str) -> str:
    """'Ленкоранского района' -> 'Ленкоранский район', 'Перми' -> 'Пермь' (adjectives agree with the noun)."""
    words = phrase.split()
    if not words or not re.search("[А-Яа-яЁё]", phrase):
        return phrase
    out = list(words)
    gender = None
    for i in range(len(words) - 1, -1, -1):  # the head noun comes last; adjectives before it agree
        w = words[i]
        adjective = re.search(r"(?:ого|его|ой|ей|ому|ему|ым|им|ую|юю|ский|ская|ское)$", w)
        if adjective and i < len(words) - 1:
            out[i] = _ru_adjective(w, gender)
        else:
            out[i], g = _ru_noun_nominative(w)
            gender = gender or g
    return " ".join(out)


def _ru_head_nominative(phrase: str) -> str:
    """Only the head word to the nominative: 'сфере общепита' -> 'сфера общепита'."""
    words = phrase.split()
    if not words:
        return phrase
    words[0], _ = _ru_noun_nominative(words[0])
    return " ".join(words)


def _az_bare(phrase: str) -> str:
    words = phrase.split()
    if not words:
        return phrase
    units = {"rayonu", "kəndi", "şəhəri", "qəsəbəsi", "bələdiyyəsi", "vilayəti"}

    def accept_unit(stem: str) -> bool:
        return stem.lower() in units

    last = words[-1]
    stripped = az_suffixes.strip_word(last, accept_unit)
    if stripped.lower() in units:
        words[-1] = stripped
    else:
        for s in az_suffixes.stems(last):
            if s.lower() + "u" in units or s.lower() + "i" in units or s.lower() + "ı" in units:
                words[-1] = next(u for u in units if u.startswith(s.lower()))
                break
        else:
            if len(words) == 1:
                cands = [s for s in az_suffixes.stems(last) if len(s) >= 4]
                if cands and re.search(r"(?:da|də|dan|dən|lı|li|lu|lü|ya|yə|nın|nin|a|ə)$", last):
                    words[-1] = cands[0]
    return " ".join(words)


def _place_after(ctx: DocContext, text: str, pos: int, units: list[str]) -> str | None:
    """Capitalised place names right after ``pos``, joined most specific first."""
    tail = text[pos : pos + 90]
    unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) or r"(?!)"
    lead = ctx.lexicon.pattern("home", "lead")
    m = re.match(rf"\s*(?:the\s+)?(?:(?:{unit_alt})\s+(?:of\s+)?)?", tail, re.IGNORECASE)
    start = m.end() if m else 0
    if lead is not None:
        lm = lead.match(tail, start)
        if lm:
            start = lm.end()
            while start < len(tail) and tail[start] == " ":
                start += 1
    stop = _stop_names(ctx)
    names: list[str] = []
    i = start
    while i < len(tail) and len(names) < 3:
        cap = _CAP_RUN.match(tail, i)
        if not cap:
            break
        words = [w for w in cap.group(0).split() if w.lower() not in {"the"}]
        cut = next((n for n, w in enumerate(words) if n and fold(w) in _person_words(ctx)), None)
        if cut is not None:  # "уроженец Кызылорды Дархан X": the place ends where the person's name begins
            words = words[:cut]
        if not words or all(w.lower() in stop for w in words):
            break
        if names and len(words) == 1 and looks_like_surname(words[0], strict=True):
            break  # "Уроженец Шамкирского района, Гулиев ...": the chain ends at the person
        j = cap.end()
        if ctx.lang == "ru" and len(words) > 1 and re.search(r"(?:ского|ской|ский|ская)$", words[-1]) and \
                re.match(rf"\s+(?:{unit_alt})\b", tail[j:], re.IGNORECASE):
            names.append(" ".join(words[:-1]))  # "Борсунлу Геранбойского района": village, then district
            words = words[-1:]
        place = " ".join(w for w in words)
        unit = re.match(rf"\s+(?:{unit_alt})\b", tail[j:], re.IGNORECASE)
        if unit and ctx.lang != "en":
            place += unit.group(0)
            j += unit.end()
        elif unit:
            j += unit.end()
            place += unit.group(0)  # "Kokand, Fergana region": each part keeps the unit written with it
        names.append(place.strip(" .,"))
        link = re.match(rf"(?:\s*,\s*|\s+(?:in|of)\s+(?:the\s+)?|\s+(?:{unit_alt})\s+(?:in|of)\s+(?:the\s+)?)", tail[j:], re.I)
        if not link:
            break
        i = j + link.end()
    while len(names) > 1 and _is_country(ctx, names[-1]):
        names.pop()  # "Kochkor district, Kyrgyzstan": the country is the citizenship's, not part of the home
    if not names:
        return None
    if ctx.lang == "ru":
        names = [_ru_nominative(n) for n in names]
    if ctx.lang == "en":
        names = [_possessive_region(n) for n in names]
    return ", ".join(dict.fromkeys(names))


def _person_words(ctx: DocContext) -> frozenset[str]:
    """Every word of the people's names as written in the text (folded)."""
    return frozenset(fold(w) for g in ctx.subjects + ctx.others for m in g.mentions for w in m.text.split())


def _is_place_noun(ctx: DocContext, word: str) -> bool:
    """A word for an administrative unit ("Qəsəbə", "Kəndimiz", "Village"), capitalised at a sentence's start."""
    lower = word.lower()
    return any(lower.startswith(n.lower()) for n in ctx.lexicon.words("names", "place_nouns"))


def _place_before(ctx: DocContext, text: str, pos: int, cue: str = "", names: set[str] = frozenset()) -> str | None:
    """Azerbaijani order: the place stands before its cue ("Lənkəran rayonunun sakini").

    When the cue is itself an administrative word ("Sarıbulaq kəndindən"), the place
    before it is bare; a district named before it is added ("Sarıbulaq, Dağkənd").
    """
    head = text[max(0, pos - 60) : pos]
    m = re.search(rf"({_CAP}(?:\s+{_CAP})*)(\s+[^\W\d]+)?\s*$", head)
    if not m:
        return None
    stop = _stop_names(ctx)
    if m.group(1).split()[0].lower() in stop:
        return None
    if len(m.group(1).split()) == 1 and _is_place_noun(ctx, m.group(1)):
        return None  # "Qəsəbə sakini" (a resident of the settlement): the unit's word alone names no place
    from soraq.extract.name_lists import fold

    run = m.group(1).split()
    while len(run) > 1 and (re.search(r"(?:n[ıiuü]n)$", run[0]) or fold(run[0]) in names
                            or fold(_az_bare(run[0])) in names):
        run.pop(0)  # "Rusiyanın Lipetsk şəhərində": the country in the genitive qualifies the town
    if len(run) < len(m.group(1).split()):
        return _az_bare(" ".join(run))
    unit_cue = bool(re.match(r"(?:rayon|kənd|şəhər|qəsəbə|bələdiyyə|vilayət)", cue, re.IGNORECASE))
    if unit_cue and not m.group(2):
        place = m.group(1)
        district = re.search(rf"({_CAP})\s+(?:rayonunun|rayonu|vilayətinin)\s*$", head[: m.start()])
        return place + (f", {district.group(1)}" if district else "")
    return _az_bare((m.group(1) + (m.group(2) or "")).strip())


@cache
def _countries() -> frozenset[str]:
    """Country names in English, Russian and Azerbaijani, from Faker's address data and CLDR (folded)."""
    import importlib

    from soraq.extract.name_lists import fold

    out: set[str] = set()
    for locale in ("en_US", "ru_RU", "az_AZ"):
        try:
            provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        out |= {fold(c) for c in getattr(provider, "countries", ())}
    from soraq.extract.countries import codes_by_name

    return frozenset(out | set(codes_by_name()))


def _is_country(ctx: DocContext, place: str) -> bool:
    """A whole country is not the specific place abroad (nor a home village)."""
    from soraq.extract.name_lists import fold

    name = place.split(",")[0].strip()
    if ctx.lang == "ru":
        name = _ru_nominative(name)
    elif ctx.lang == "az":
        name = _az_bare(name)
    return fold(name) in _countries()


class _Cue:
    """A cue match inside a sentence, in sentence coordinates (what ``re.Match`` offered)."""

    def __init__(self, sentence_start: int, text: str, start: int, end: int):
        self._start, self._end = start - sentence_start, end - sentence_start
        self._text = text[start:end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text


def _cues(ctx: DocContext, section: str, key: str, k: int) -> list[_Cue]:
    """Matches of one cue list in sentence ``k`` (found once per document)."""
    s = ctx.sentences[k]
    return [_Cue(s.start, ctx.text, a, b) for a, b in ctx.hits(section).in_sentence(key, k)]


def home(ctx: DocContext, sentence_ids: list[int], exclude: set[str]) -> tuple[str, int, int] | None:
    """The subject's place of origin (village, district, city), as written."""
    units = ctx.lexicon.words("home", "units")
    regexes = ctx.lexicon.pattern("home", "patterns")
    for k in sentence_ids:
        s = ctx.sentences[k]
        if regexes is not None and k in ctx.hits("home").sentences("patterns"):
            for found in regexes.finditer(s.text):
                place = found.groupdict().get("place")
                # "Həsənli ailəsi" is the family of that surname, not one from "Həsən": a name word is no origin
                word = found.group(0).split()[0] if found.group(0).split() else ""
                if place and place.lower() not in exclude and fold(word) not in exclude \
                        and not _is_country(ctx, place):
                    return place, s.start, s.end
        for cue in _cues(ctx, "home", "after_name", k):
            if _NAME_OR_AGE_BEFORE.search(s.text[: cue.start()]):
                place = _place_after(ctx, s.text, cue.end(), units)
                if place and not any(place.lower().startswith(x) for x in exclude) and not _is_country(ctx, place):
                    return place, s.start, s.end
        for m in _cues(ctx, "home", "after", k):
            place = _place_before(ctx, s.text, m.start(), m.group(0), exclude)
            if place and place.lower() not in exclude:
                return place, s.start, s.end
        for m in _cues(ctx, "home", "before", k):
            place = _place_after(ctx, s.text, m.end(), units)
            if place and not any(place.lower().startswith(x) for x in exclude) and not _is_country(ctx, place):
                return place, s.start, s.end
    return _az_abbreviated_home(ctx, sentence_ids) or _burial_place(ctx, sentence_ids, exclude, units)


_AZ_ABBREVIATED = re.compile(
    r"(?P<a>[A-ZƏÜÖĞŞÇİ][a-zəüöğışç-]+)\s+(?P<ua>r|k|ş|qəs)\.(?:,\s*(?P<b>[A-ZƏÜÖĞŞÇİ][a-zəüöğışç-]+)\s+(?P<ub>r|k|ş|qəs)\.)?")


def _az_abbreviated_home(ctx: DocContext, sentence_ids: list[int]) -> tuple[str, int, int] | None:
    """Azerbaijani lists abbreviate the units: "(Oğuz r., Bayan k.)", "(Tovuz r.)" -- district (rayon),
    village (kənd), town (şəhər), settlement (qəsəbə). The village or town comes first, then its district."""
    if ctx.lang != "az":
        return None
    for k in sentence_ids:
        s = ctx.sentences[k]
        m = _AZ_ABBREVIATED.search(s.text)
        if not m:
            continue
        parts = [(m.group("a"), m.group("ua"))] + ([(m.group("b"), m.group("ub"))] if m.group("b") else [])
        parts.sort(key=lambda p: p[1] == "r")  # the district last
        return ", ".join(p for p, _ in parts), s.start, s.end
    return None


def _burial_place(ctx: DocContext, sentence_ids: list[int], exclude: set[str],
                  units: list[str]) -> tuple[str, int, int] | None:
    """Failing a stated origin, where a man killed abroad was brought and buried is his home
    ("buried in X", "тело доставили в X", "похоронили в X"; lexicon ``[home] burial``): bodies
    go home. A Russian town is dropped by the caller like any other home."""
    for k in sentence_ids:
        s = ctx.sentences[k]
        for m in _cues(ctx, "home", "burial", k):
            place = _place_after(ctx, s.text, m.end(), units)
            if place and not any(place.lower().startswith(x) for x in exclude) and not _is_country(ctx, place):
                return place, s.start, s.end
    return None


def _possessive_region(place: str) -> str:
    """"Uttar Pradesh's Mau district" -> "Mau district, Uttar Pradesh" (most specific first)."""
    m = re.fullmatch(r"(.+?)['’]s\s+(.+)", place)
    return f"{m.group(2)}, {m.group(1)}" if m else place


def location_abroad(ctx: DocContext, sentence_ids: list[int], exclude: set[str]) -> tuple[str, int, int] | None:
    """Where the subject lived, worked or was held before being sent to war.

    Living, working and detention cues are read first; a training camp or unit
    (``held_before``) only when none of his sentences has one; a place of the war itself
    (a ``[relevance] war`` word: "Luhansk vilayətində həlak olub") or a town of a named
    third country ("Özbəkistanın Cizzax vilayətində") is never the place abroad.
    """
    found = _abroad_by(ctx, sentence_ids, exclude, "before")
    if found is None:
        found = _abroad_by(ctx, sentence_ids, exclude, "held_before")
    if found is not None:
        return found
    country = ctx.lexicon.words("location_abroad", "country")
    cued = ctx.hits("location_abroad").sentences("country_cues")
    if country:
        for k in sentence_ids:
            if k in cued:
                s = ctx.sentences[k]
                return country[0], s.start, s.end
    return None


_TOWN_WORD = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-ÞƏĞİŞÇÖÜА-ЯЁ][\w'’-]+(?:[ \u00a0][A-ZÀ-ÖØ-ÞƏĞİŞÇÖÜА-ЯЁ][\w'’-]+)?")


def _town_forms(ctx: DocContext, word: str) -> list[str]:
    """The base forms a written town name may stand for: Russian case forms to the nominative
    ("Рязани" -> "Рязань"), Azerbaijani case endings stripped ("Samarada" -> "Samara")."""
    if ctx.lang == "ru":
        return [word, _ru_nominative(word)]
    if ctx.lang == "az":
        return [word, *az_suffixes.stems(word)]
    return [word]


def russian_town(ctx: DocContext, sentence_ids: list[int], exclude: set[str]) -> tuple[str, int, int] | None:
    """The first town of Russia named in the subject's sentences (Faker's ru_RU towns, or the lexicon's
    ``[location_abroad] towns`` exonyms such as "Moscow"), not a place of the war and no word of a name:
    where he lived or worked when the report names only the country in its cue phrase."""
    from soraq.extract import countries

    extra = {fold(w) for w in ctx.lexicon.words("location_abroad", "towns")}
    people = _person_words(ctx)
    for k in sentence_ids:
        s = ctx.sentences[k]
        for m in _TOWN_WORD.finditer(s.text):
            for candidate in (m.group(0), m.group(0).split()[0]):
                if fold(candidate.split()[0]) in people or _war_place(ctx, candidate):
                    continue
                for form in _town_forms(ctx, candidate):
                    if fold(form) in exclude or form.lower() in exclude:
                        continue
                    if fold(form) in extra or countries.in_russia(form):
                        return form, s.start, s.end
    return None


def _war_place(ctx: DocContext, place: str) -> bool:
    war = ctx.lexicon.pattern("relevance", "war")
    return war is not None and war.search(place) is not None


def _third_country_before(ctx: DocContext, text: str, pos: int) -> bool:
    """An Azerbaijani genitive country other than Russia right before the place ("Özbəkistanın X")."""
    m = re.search(rf"({_CAP})(?:n[ıiuü]n|[ıiuü]n)\s+{_CAP}[^.]{{0,40}}$", text[max(0, pos - 80) : pos])
    if not m:
        return False
    word = m.group(1)
    country = ctx.lexicon.words("location_abroad", "country")
    return bool(country) and not fold(word).startswith(fold(country[0])[:5]) and _is_country(ctx, _az_bare(word + "ın"))


def _abroad_by(ctx: DocContext, sentence_ids: list[int], exclude: set[str], key: str) -> tuple[str, int, int] | None:
    regexes = ctx.lexicon.pattern("location_abroad", "patterns")
    units = ctx.lexicon.words("home", "units") if ctx.lang == "ru" else []
    for k in sentence_ids:
        s = ctx.sentences[k]
        if key == "before" and regexes is not None and k in ctx.hits("location_abroad").sentences("patterns"):
            for found in regexes.finditer(s.text):
                place = found.groupdict().get("place")
                if place and place.lower() not in exclude and fold(place) not in exclude \
                        and not _war_place(ctx, place):
                    return place, s.start, s.end
        if key == "before":
            for cue in _cues(ctx, "location_abroad", "after", k):
                place = _place_before(ctx, s.text, cue.start(), cue.group(0))
                if place and place.lower() not in exclude and not _war_place(ctx, place) \
                        and not _third_country_before(ctx, s.text, cue.start()):
                    return place.split(",")[0], s.start, s.end
        for cue in _cues(ctx, "location_abroad", key, k):
            place = _place_after(ctx, s.text, cue.end(), units)
            if place and not any(place.lower().startswith(x) for x in exclude) and not _is_country(ctx, place) \
                    and not _war_place(ctx, place):
                place = place.split(",")[0].strip()
                return place, s.start, s.end
    return None


#: Russian verbs of working that take the trade in the instrumental ("работал грузчиком")
_RU_WORK_VERB = re.compile(r"\b(?:работ\w*|труди\w*|трудил\w*|устроил\w*|подрабатыва\w*|числил\w*)\b",
                           re.IGNORECASE)


def _ru_instrumental_trade(text: str) -> str | None:
    """A Russian trade in the instrumental after a verb of working, brought to the nominative
    ("работал в Твери сварщиком" -> "сварщик", "устроился водителем автобуса" -> "водитель
    автобуса"): the first animate noun in the instrumental within four words of the verb."""
    from soraq.extract.names import _morph

    morph = _morph()
    for verb in _RU_WORK_VERB.finditer(text):
        clause = re.split(r"[,.;:!?—–()\"“”«»]", text[verb.end() :], maxsplit=1)[0]
        words = _WORD.findall(clause)[:5]
        for i, word in enumerate(words):
            parses = [p for p in morph.parse(word.lower()) if {"NOUN", "ablt", "anim"} in p.tag]
            if not parses or word[:1].isupper():
                continue
            head = parses[0].inflect({"nomn"})
            value = head.word if head else parses[0].normal_form
            if i + 1 < len(words) and any({"NOUN", "gent"} in q.tag and "Geox" not in q.tag
                                          for q in morph.parse(words[i + 1].lower())[:1]):
                value += " " + words[i + 1]
            return value
    return None


def _without_nationality(ctx: DocContext, value: str) -> str:
    """"Ghanaian student" -> "student": a nationality before a trade is citizenship, not the trade."""
    words = value.split()
    if len(words) > 1 and any(p is not None and p.fullmatch(words[0])
                              for p in ctx.lexicon.patterns("citizenship").values()):
        return " ".join(words[1:])
    return value


def occupation(ctx: DocContext, sentence_ids: list[int]) -> tuple[str, int, int] | None:
    """The subject's trade, as written ("car mechanic", "водитель микроавтобуса"); a workplace
    ("на рынке", "на стройках"), a go-between ("an agent") or a capitalised name is no trade."""
    found = _occupation(ctx, sentence_ids)
    if found is None:
        return None
    value = found[0]
    not_trades = ctx.lexicon.pattern("occupation", "not_trades")
    if value[:1].isupper() or (not_trades is not None and not_trades.fullmatch(value)):
        return None
    if ctx.lang == "az" and _AZ_LOCATIVE_END.search(value):
        return None  # "mişar sexində" (in the sawmill): where he worked, not his trade
    return found


_AZ_LOCATIVE_END = re.compile(r"(?:[dt][aə]|[nN][dt][aə])$")


def _occupation(ctx: DocContext, sentence_ids: list[int]) -> tuple[str, int, int] | None:
    regexes = ctx.lexicon.pattern("occupation", "patterns")
    for k in sentence_ids:
        s = ctx.sentences[k]
        if ctx.lang == "ru":
            trade = _ru_instrumental_trade(s.text)
            if trade:
                return trade, s.start, s.end
        if regexes is not None and k in ctx.hits("occupation").sentences("patterns"):
            for found in regexes.finditer(s.text):
                value = found.groupdict().get("occ")
                if value:
                    return _without_nationality(ctx, value.strip()), s.start, s.end
        for cue in _cues(ctx, "occupation", "before", k):
            tail = s.text[cue.end() :]
            clause = re.split(r"[,.;:—–()\"“”«»]", tail, maxsplit=1)[0]
            stop = _OCC_STOP.search(clause)
            if stop:
                clause = clause[: stop.start()]
            words = _WORD.findall(clause)[:4]
            if words and not words[0][:1].isdigit() and not words[0][:1].isupper():
                value = " ".join(words)
                if ctx.lang == "ru":
                    value = _ru_head_nominative(value)
                return value, s.start, s.end
    return None
