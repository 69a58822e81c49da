"""Dates in reports, absolute and relative, as partial ISO dates.

Date expressions are *found* with patterns built from the language's lexicon
(month names, number words, "ago", "this year", "since then" ...). Dates that
carry their own year ("22 декабря 2025 года", "2026-cı il yanvarın 24-ü") and
amounts of time counted back ("two years ago", "пять месяцев назад") are *read*
by dateparser with the language fixed and the reference date as its base;
Azerbaijani case endings are stripped first so they do not defeat it. Dates
without a year ("on January 15", "yanvarın 15-də") take the year the rule of
the spec gives: the latest such date not after publication ("this year" and
"last year" said outright win). Precision is kept: ``2026``, ``2026-01`` or
``2026-01-15``; an approximate amount of time ("about two years ago") gives a
year only.

The reference date is the publication date; when it is unknown, the latest
explicit date of the text stands in for it ("this year" is that date's year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from soraq.extract import az_suffixes
from soraq.extract.lexicon import Lexicon, load, phrase_to_regex, same_length_lower


#: numeric dates: 12.03.2024, 12/03/2024 (day first, as in these languages) and ISO 2024-03-12
_NUMERIC = re.compile(r"(?<![\d.])(?:(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)"
                      r"|(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d))(?![\d.]\d)")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # partial ISO date
    explicit_year: bool = False


def _alt(words: list[str]) -> str:
    return "|".join(phrase_to_regex(w) for w in sorted(words, key=len, reverse=True))


@dataclass
class _Patterns:
    month_names: list[list[str]]
    full: re.Pattern[str]
    month_year: re.Pattern[str]
    month_only: re.Pattern[str]
    year_only: re.Pattern[str]
    relative: re.Pattern[str]
    mid_month: re.Pattern[str] | None
    next_day: re.Pattern[str] | None
    this_year: re.Pattern[str] | None
    same_year: re.Pattern[str] | None
    last_year: re.Pattern[str] | None
    last_summer: re.Pattern[str] | None
    last_month: re.Pattern[str] | None
    this_month: re.Pattern[str] | None
    early_this_year: re.Pattern[str] | None
    later: re.Pattern[str] | None
    numbers: dict[str, int]
    units: dict[str, str]


def _month_alt(months: list[list[str]]) -> str:
    """Month spellings as one alternation: "jan." needs its dot, "январ*" takes any ending."""
    out = []
    for spellings in months:
        for s in spellings:
            stem = re.escape(s.rstrip("*").rstrip("."))
            if s.endswith("*"):
                out.append(stem + r"\w*")
            elif s.endswith("."):
                out.append(stem + r"\.")
            else:
                out.append(stem + r"(?!\w)")
    return "|".join(sorted(out, key=len, reverse=True))


@cache
def _patterns(lang: str) -> _Patterns:
    lex = load(lang)
    d = lex.table("dates")
    months = d.get("months", [])
    m = _month_alt(months)
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?(?:[a-zəıöüğşç]+))?"
    year = r"(?P<year>(?:19|20)\d\d)"
    y_suffix = r"(?:\s*(?:-?(?:c[iıuü]|ci|cı|cu|cü)?\s*il(?:in|də|dә)?|года?|г\.|году))?"
    if lang == "az":
        full = (rf"(?:{year}{y_suffix}\s+)?(?P<month>{m})\s+{day}|{day.replace('day', 'day2')}\s+(?P<month2>{m})"
                rf"(?:\s+{year.replace('year', 'year2')})?")
        month_year = rf"{year}{y_suffix}\s+(?P<month>{m})|(?P<month2>{m})\s+{year.replace('year', 'year2')}"
    elif lang == "en":
        full = (rf"(?P<month>{m})\s+{day}(?:,?\s+{year})?(?!\d)|{day.replace('day', 'day2')}\s+(?:of\s+)?(?P<month2>{m})"
                rf"(?:,?\s+{year.replace('year', 'year2')})?")
        month_year = rf"(?P<month>{m})\s+(?:of\s+)?{year}"
    else:
        full = rf"{day}\s+(?P<month>{m})(?:\s+{year}{y_suffix})?"
        month_year = rf"(?P<month>{m})\s+{year}{y_suffix}"
    numbers = {w: i + 1 for i, w in enumerate(d.get("numbers", []))}
    num_alt = _alt(list(numbers)) if numbers else r"(?!)"
    unit_words: dict[str, str] = {}
    for unit in ("year", "month", "week", "day"):
        for w in d.get(f"{unit}_units", []):
            unit_words[w.lower()] = unit
    about = _alt(d.get("about", [])) or r"(?!)"
    ago = _alt(d.get("ago", [])) or r"(?!)"
    relative = (rf"(?:(?P<about>{about})\s+)?(?P<n>\d{{1,2}}|{num_alt}|a|an)(?:[-–]\w+)?\s+"
                rf"(?P<unit>{_alt(list(unit_words))})\s+(?:\w+\s+)?(?P<ago>{ago})")

    def opt(key: str) -> re.Pattern[str] | None:
        words = d.get(key, [])
        return re.compile(rf"(?<!\w)(?:{_alt(words)})", re.IGNORECASE) if words else None

    return _Patterns(
        month_names=months,
        # a leading "(?<!\w)" lets the engine skip every position inside a word at once
        full=re.compile(rf"(?<!\w)(?:{full})", re.IGNORECASE),
        month_year=re.compile(rf"(?<!\w)(?:{month_year})", re.IGNORECASE),
        month_only=re.compile(rf"(?<!\w)(?P<month>{m})", re.IGNORECASE),
        year_only=re.compile(rf"(?<![\d.,$€£-]){year}(?![\d,.]\d)"),
        relative=re.compile(rf"(?<!\w){relative}", re.IGNORECASE),
        mid_month=opt("mid_month"),
        next_day=opt("next_day"),
        this_year=opt("this_year"),
        same_year=opt("same_year"),
        last_year=opt("last_year"),
        last_summer=opt("last_summer"),
        last_month=opt("last_month"),
        this_month=opt("this_month"),
        early_this_year=opt("early_this_year"),
        later=_later_pattern(d, num_alt, unit_words),
        numbers=numbers,
        units=unit_words,
    )


def _later_pattern(d: dict, num_alt: str, unit_words: dict[str, str]) -> re.Pattern[str] | None:  # type: ignore[type-arg]
    """ "three days later", "спустя два дня", "bir neçə gün sonra": time counted from the last date."""
    units = _alt(list(unit_words))
    few = _alt(d.get("few", [])) or r"(?!)"
    amount = rf"(?P<n>\d{{1,2}}|{num_alt}|a|an|(?P<few>{few}))"
    parts = []
    if d.get("later_after"):
        parts.append(rf"{amount}\s+(?P<unit>{units})\s+(?:{_alt(d['later_after'])})")
    if d.get("later_before"):
        amount2 = amount.replace("?P<n>", "?P<n2>").replace("?P<few>", "?P<few2>")
        # "через неделю", "спустя месяц": no number is one unit
        parts.append(rf"(?:{_alt(d['later_before'])})\s+(?:{amount2}\s+)?(?P<unit2>{units})")
    if not parts:
        return None
    return re.compile("(?<!\\w)(?:" + "|".join(f"(?:{p})" for p in parts) + ")", re.IGNORECASE)


def _month_number(word: str, months: list[list[str]]) -> int | None:
    w = same_length_lower(word).rstrip(".")  # "İyulda" -> "iyulda" (str.lower adds a combining dot)
    for i, spellings in enumerate(months):
        for s in spellings:
            stem = s.lower().rstrip("*").rstrip(".")
            if w.startswith(stem) and (len(stem) >= 3 or w == stem):
                return i + 1
    return None


# ---------------------------------------------------------------- dateparser


@cache
def _parser(lang: str) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings={"PREFER_DATES_FROM": "past",
                                                       "RETURN_AS_TIMEZONE_AWARE": False})


@lru_cache(maxsize=4096)
def parse_with_dateparser(expression: str, lang: str) -> tuple[date, str] | None:
    """(date, period) for a date expression that carries its own year, read by dateparser.

    Azerbaijani expressions lose their case endings first ("2026-cı il yanvarın
    24-ü" -> "2026 il yanvar 24"), which dateparser cannot see through.
    """
    text = expression
    if lang == "az":
        text = az_suffixes.strip_number_suffixes(text)
        text = " ".join(az_suffixes.strip_word(w, _is_month_az) for w in text.split())
        text = re.sub(r"\bil(?:in)?\b", "", text)
    try:
        data = _parser(lang).get_date_data(text)
    except Exception:  # dateparser raises on odd input; a date is never worth a crash
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=4096)
def relative_with_dateparser(expression: str, lang: str, base: date) -> tuple[date, str] | None:
    """(date, period) for "two years ago" / "пять месяцев назад", counted back from ``base`` by dateparser."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=[lang], settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past"})
    try:
        data = parser.get_date_data(expression)
    except Exception:  # dateparser raises on odd input; a date is never worth a crash
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _is_month_az(word: str) -> bool:
    """Exactly an Azerbaijani month name, no ending ("yanvar", not "yanvarın")."""
    return any(word.lower() == s.lower().rstrip("*") for spellings in _patterns("az").month_names for s in spellings)


# ---------------------------------------------------------------- resolution


def _story_year(text: str, found: list["DateMention"], at: int, month: int) -> int | None:
    """A month named without a year in the paragraph of a date with an explicit year, later in the
    year than that date: the story is still in that year ("In March 2024 he left. In June he was
    detained" is June 2024)."""
    para_start = text.rfind("\n", 0, at) + 1
    prior = [f for f in found if para_start <= f.start and f.end <= at and f.explicit_year and len(f.value) >= 7]
    if not prior:
        return None
    last = max(prior, key=lambda f: f.end)
    return int(last.value[:4]) if month > int(last.value[5:7]) else None


def _same_year(found: list["DateMention"], before: int) -> int | None:
    """For "in June of the same year": the year of the last date named before it."""
    prior = [f for f in found if f.end <= before]
    return int(max(prior, key=lambda f: f.end).value[:4]) if prior else None


def _resolve_year(month: int, day: int | None, base: date | None, this_year: bool, last_year: bool,
                  published: bool = True) -> int | None:
    """A year for a date given without one.

    Against a publication date: the latest such date not after it. Against the
    text's own latest date (publication unknown, so the report came later): the
    same year, unless the month lies well after that date (then the year before).
    """
    if base is None:
        return None
    if last_year:
        return base.year - 1
    if this_year:
        return base.year
    if published:
        return base.year - 1 if (month, day or 1) > (base.month, base.day) else base.year
    return base.year - 1 if month - base.month > 3 else base.year


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        date(year, month, day)
    except ValueError:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _number(word: str, pats: _Patterns) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in ("a", "an"):
        return 1
    for k, v in pats.numbers.items():
        if w == k.lower() or (len(k) > 3 and w.startswith(k.lower().rstrip("*"))):
            return v
    return None


def find_dates(text: str, lang: str, base: date | None, published: bool = True) -> list[DateMention]:
    """Every date expression in the text, resolved, in text order."""
    if lang == "az":
        # "İki ay əvvəl": a regex ignoring case does not fold the dotted capital İ to i;
        # every offset is kept (one character for one character)
        text = same_length_lower(text)
    pats = _patterns(lang)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def near(pattern: re.Pattern[str] | None, s: int, e: int, span: int = 25) -> bool:
        if pattern is None:
            return False
        return pattern.search(text[max(0, s - span) : min(len(text), e + span)]) is not None

    for m in _NUMERIC.finditer(text):
        g = m.groupdict()
        ny, nm, nd = (int(g.get(k) or g.get(k + "2") or 0) for k in ("y", "m", "d"))
        value = _iso(ny, nm, nd) if 1 <= nm <= 12 and 1 <= nd <= 31 else None
        if value:
            found.append(DateMention(m.start(), m.end(), value, True))
            taken.append((m.start(), m.end()))
    for m in pats.full.finditer(text):
        if not free(m.start(), m.end()):
            continue
        g = m.groupdict()
        month = _month_number(g.get("month") or g.get("month2") or "", pats.month_names)
        day_s = g.get("day") or g.get("day2")
        year_s = g.get("year") or g.get("year2")
        if month is None or not day_s or not (1 <= int(day_s) <= 31):
            continue
        day = int(day_s)
        explicit = bool(year_s)
        parsed = parse_with_dateparser(m.group(0), lang) if year_s else None
        year: int | None = int(year_s) if year_s else (_same_year(found, m.start()) if near(
            pats.same_year, m.start(), m.end()) else None) or _resolve_year(
            month, day, base, near(pats.this_year, m.start(), m.end()),
            near(pats.last_year, m.start(), m.end()), published)
        if parsed is not None and parsed[1] == "day":
            year, month, day = parsed[0].year, parsed[0].month, parsed[0].day
        if not year_s and year is not None and base is not None and published and \
                near(_scheduled(lang), m.start(), m.end(), 30):
            # "the next hearing is set for 3 March": the first such day from the report on
            year = base.year if (month, day) >= (base.month, base.day) else base.year + 1
        value = _iso(year, month, day)
        if value:
            found.append(DateMention(m.start(), m.end(), value, explicit))
        taken.append((m.start(), m.end()))
    for m in pats.month_year.finditer(text):
        if not free(m.start(), m.end()):
            continue
        g = m.groupdict()
        month = _month_number(g.get("month") or g.get("month2") or "", pats.month_names)
        year_s = g.get("year") or g.get("year2")
        if month and year_s:
            found.append(DateMention(m.start(), m.end(), _iso(int(year_s), month) or year_s, True))
            taken.append((m.start(), m.end()))
    for m in pats.relative.finditer(text):
        if not free(m.start(), m.end()) or base is None:
            continue
        n = _number(m.group("n"), pats)
        unit = pats.units.get(m.group("unit").lower())
        if n is None or unit is None:
            continue
        approx = bool(m.group("about"))
        spoken = m.group(0)[len(m.group("about") or ""):].strip()
        parsed = relative_with_dateparser(spoken, lang, base) if lang in ("en", "ru") else None
        if parsed is not None:
            when, period = parsed
            value = _iso(when.year) if approx or period == "year" else (
                _iso(when.year, when.month) if period in ("month", "week") else _iso(when.year, when.month, when.day))
            if value:
                found.append(DateMention(m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
            continue
        if unit == "year":
            value = _iso(base.year - n)
        elif unit == "month":
            y, mo = divmod(base.year * 12 + base.month - 1 - n, 12)
            value = _iso(y) if approx else _iso(y, mo + 1)
        else:
            d = base - timedelta(days=n * (7 if unit == "week" else 1))
            value = _iso(d.year) if approx else _iso(d.year, d.month) if unit == "week" else _iso(d.year, d.month, d.day)
        if value:
            found.append(DateMention(m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
    for m in pats.month_only.finditer(text):
        if not free(m.start(), m.end()):
            continue
        month = _month_number(m.group("month"), pats.month_names)
        if month is None or (lang == "en" and m.group("month").lower() == "may" and not re.search(
                r"\b(?:in|of|since|until|late|early|mid|by|end of)\s+$", text[max(0, m.start() - 12) : m.start()], re.I)):
            continue
        if lang == "en" and m.group("month").lower() == "march" and not re.search(
                r"\b(?:in|of|since|until|late|early|mid|by)\s+$", text[max(0, m.start() - 12) : m.start()], re.I):
            continue
        this_year = near(pats.this_year, m.start(), m.end())
        last_year = near(pats.last_year, m.start(), m.end(), 30)
        month_year = (_same_year(found, m.start()) if near(pats.same_year, m.start(), m.end()) else None) or (
            None if this_year or last_year else _story_year(text, found, m.start(), month)) or \
            _resolve_year(month, None, base, this_year, last_year, published)
        value = _iso(month_year, month)
        if value:
            found.append(DateMention(m.start(), m.end(), value))
            taken.append((m.start(), m.end()))
    year_context = re.compile("(?:" + _alt(load(lang).table("dates").get("year_before", [])) + r")\s*$", re.I) \
        if load(lang).table("dates").get("year_before") else None
    year_after = re.compile(r"^\s*(?:[-‑–]?\s*(?:c[iıuü]|ci|cı|cu|cü)\s*il|-?\s*(?:г\.|год|года|году)|\)|,|\.|$)", re.I)
    for m in pats.year_only.finditer(text):
        if not free(m.start(), m.end()):
            continue
        before_ok = year_context is not None and year_context.search(text[max(0, m.start() - 25) : m.start()])
        if re.match(r"[-–]\d", text[m.end() : m.end() + 2]):
            continue  # a range of numbers ("1900-2500 dollars")
        if not before_ok and not year_after.match(text[m.end() : m.end() + 12]):
            continue
        found.append(DateMention(m.start(), m.end(), m.group("year"), True))
        taken.append((m.start(), m.end()))
    if base is not None:
        for pattern, kind in ((pats.mid_month, "mid"), (pats.last_year, "last"), (pats.last_summer, "summer"),
                              (pats.last_month, "month"), (pats.this_month, "this"),
                              (pats.early_this_year, "year")):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                if not free(m.start(), m.end()):
                    continue
                if kind == "mid":
                    prior = [f for f in found if f.start < m.start() and len(f.value) >= 7]
                    value = prior[-1].value[:7] if prior else _iso(base.year, base.month)
                elif kind == "last":
                    if any(0 <= f.start - m.end() <= 20 or 0 <= m.start() - f.end <= 20 for f in found):
                        continue  # "last year's October" is dated by its month
                    value = _iso(base.year - 1)
                elif kind == "month":
                    y, mo = divmod(base.year * 12 + base.month - 2, 12)
                    value = _iso(y, mo + 1)
                elif kind == "this":  # "earlier this month", "bu ayın əvvəlində": the publication's month
                    value = _iso(base.year, base.month)
                elif kind == "year":  # "early this year", "в начале года": the publication's year
                    value = _iso(base.year)
                else:
                    value = _iso(base.year - 1)
                if value:
                    found.append(DateMention(m.start(), m.end(), value))
                    taken.append((m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    if pats.later is not None:
        for m in pats.later.finditer(text):
            if not free(m.start(), m.end()):
                continue
            prior = [f for f in found if f.end <= m.start()]
            if not prior:
                continue
            g = m.groupdict()
            unit = pats.units.get((g.get("unit") or g.get("unit2") or "").lower())
            few = g.get("few") or g.get("few2")
            spoken = g.get("n") or g.get("n2")
            n = None if few else (_number(spoken, pats) if spoken else 1)
            value = _later(prior[-1].value, unit, n)
            if value:
                found.append(DateMention(m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
        found.sort(key=lambda f: f.start)
    if pats.next_day is not None:
        for m in pats.next_day.finditer(text):
            prior = [f for f in found if f.end <= m.start() and len(f.value) == 10]
            if prior:
                d = date.fromisoformat(prior[-1].value) + timedelta(days=1)
                found.append(DateMention(m.start(), m.end(), d.isoformat()))
        found.sort(key=lambda f: f.start)
    if published and base is not None:
        found = _days_before_publication(text, lang, base, found)
    return found


@cache
def _scheduled(lang: str) -> re.Pattern[str] | None:
    """Words that set a date ahead ("scheduled for", "назначено на", "təyin edilib"; lexicon
    ``[dates] scheduled``): a day and month without a year then lie after the publication date."""
    words = load(lang).table("dates").get("scheduled", [])
    return re.compile(rf"(?<!\w)(?:{_alt(words)})", re.IGNORECASE) if words else None


@cache
def _day_patterns(lang: str) -> list[tuple[re.Pattern[str], int | None, int | None]]:
    """(pattern, days back, weekday) for "yesterday", "позавчера", "dünən" and weekday names."""
    d = load(lang).table("dates")
    out: list[tuple[re.Pattern[str], int | None, int | None]] = []
    for key, back in (("day_before_yesterday", 2), ("yesterday", 1)):
        if d.get(key):
            out.append((re.compile(rf"(?<!\w)(?:{_alt(d[key])})(?!\w)", re.IGNORECASE), back, None))
    for wd, spellings in enumerate(d.get("weekdays", [])):
        out.append((re.compile(rf"(?<!\w)(?:{_alt(spellings)})(?!\w)", re.IGNORECASE), None, wd))
    return out


def _days_before_publication(text: str, lang: str, base: date, found: list[DateMention]) -> list[DateMention]:
    """Days told relative to a known publication date: "yesterday", "позавчера", "dünən" count
    back from it; a weekday ("last Tuesday", "on Monday", "во вторник") is the latest such day
    before it (a news report tells what happened in its week)."""
    taken = [(f.start, f.end) for f in found]
    extra = []
    for pattern, back, weekday in _day_patterns(lang):
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if weekday is not None:
                back = (base.weekday() - weekday) % 7 or 7
            assert back is not None
            extra.append(DateMention(m.start(), m.end(), (base - timedelta(days=back)).isoformat()))
            taken.append((m.start(), m.end()))
    return sorted(found + extra, key=lambda f: f.start) if extra else found


def _later(previous: str, unit: str | None, n: int | None) -> str | None:
    """A date ``n`` units after ``previous``, at no more precision than both allow."""
    if unit is None:
        return None
    if n is None:  # "a few days later": only the month (or year) is sure
        return previous[:7] if unit in ("day", "week") else previous[:4]
    if len(previous) == 10 and unit in ("day", "week"):
        d = date.fromisoformat(previous) + timedelta(days=n * (7 if unit == "week" else 1))
        return d.isoformat() if unit == "day" else d.isoformat()[:7]
    if len(previous) >= 7 and unit == "month":
        y, mo = divmod(int(previous[:4]) * 12 + int(previous[5:7]) - 1 + n, 12)
        return f"{y:04d}-{mo + 1:02d}"
    if unit == "year":
        return f"{int(previous[:4]) + n:04d}"
    return previous[:7] if len(previous) >= 7 else previous[:4]


def base_date(text: str, published: str | None, lang: str) -> tuple[date | None, bool]:
    """The reference date: the publication date, else the latest explicit date of the text."""
    if published:
        parts = [int(p) for p in published.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31), True
        if len(parts) == 2:
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return nxt - timedelta(days=1), True
        return date(parts[0], parts[1], parts[2]), True
    lex = load(lang)
    explicit = [f for f in find_dates(text, lang, None) if f.explicit_year
                and not is_birth_context(text, f.start, lex)]
    if not explicit:
        return None, False
    latest = max(explicit, key=lambda f: f.value)
    parts = [int(p) for p in latest.value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31), False
    if len(parts) == 2:
        return date(parts[0], parts[1], 28), False
    return date(parts[0], parts[1], parts[2]), False


def is_birth_context(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a year at ``start`` is a birth year (not an event date)."""
    p = lex.pattern("birth", "year")
    if p is None:
        return False
    window = text[max(0, start - 20) : start + 40]
    offset = max(0, start - 20)
    return any(m.start("year") + offset == start for m in p.finditer(window) if "year" in m.groupdict())
