"""Who is who in a report: its subjects, their relatives, and everybody else.

A report is *about* the people whose fate it tells; relatives who speak for
them, officials, journalists and experts are not subjects. Roles come from the
words right around each mention: a title or a reporting verb ("the minister",
"journalist", "told the agency") marks an official; a kinship word ("his mother
X", "X, her son's wife", "анасы X") marks a relative. A group with any
mention in a subject role (a demonym, a birth year, an age, an event verb) is a
subject even if elsewhere it is quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from soraq.extract.context import DocContext
from soraq.extract.lexicon import LANGUAGES, load
from soraq.extract.name_lists import is_given_name
from soraq.extract.names import NameGroup

ROLE_WINDOW = 45  # characters looked at either side of a mention


@dataclass
class Role:
    kind: str  # "subject", "relative", "official", "other"
    relation: str | None = None
    anchor: int | None = None  # offset of the kinship word or title


@cache
def honorific_end() -> re.Pattern[str]:
    """A courtesy title right before a name ("Mrs.", "г-жа", "cənab"): part of neither the name nor a gap.

    The titles are the lexicons' ``[names]`` courtesy words said before a name (``female_before``,
    ``male_before``, ``title_before``) of every language: a report quotes titles of other languages.
    """
    words = sorted({w.rstrip(".") for lang in LANGUAGES for key in ("female_before", "male_before", "title_before")
                    for w in load(lang).words("names", key)}, key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(w) for w in words)})\.?[ \u00a0]*$", re.IGNORECASE)


def _relation_near(ctx: DocContext, start: int, end: int) -> tuple[str, int] | None:
    """A kinship word right before the name, or right after it set off by a comma."""
    sent = ctx.sentences[ctx.sentence_at(start)]
    before = ctx.text[max(sent.start, start - ROLE_WINDOW) : start]
    after = ctx.text[end : min(sent.end, end + ROLE_WINDOW)]
    best: tuple[str, int, int] | None = None
    for relation, pattern in ctx.lexicon.patterns("relations").items():
        if pattern is None:
            continue
        for m in pattern.finditer(before):
            gap = honorific_end().sub(" ", before[m.end() :])  # "his wife, Mrs. X": the title is no gap
            genitive_between = False
            if ctx.lang == "ru" and re.fullmatch(r"\s+(?:[А-ЯЁ][а-яё]+|[а-яё]+(?:а|я|ы|и|его|ого))\s*,\s*", gap):
                gap = ", "  # "Мать Бекзата, Айгуль ..." : kin word, the subject in genitive, then the name
            elif ctx.lang == "ru" and re.fullmatch(r"\s+[а-яё]+(?:его|ого)\s+", gap):
                gap = " "  # "отец погибшего Асан ...": kin word, "of the dead man", then the name
                genitive_between = True  # the owner is the participle: the name is the kin, whatever its ending
            elif ctx.lang == "ru" and re.fullmatch(r"\s+[А-ЯЁ][а-яё]+[бвгджзклмнпрстфхцчшщ][ау]\s+", gap) \
                    and len(ctx.text[start:end].split()) == 1:
                gap = " "  # "сестра Тимура Нигора": kin word, the subject's given name in the genitive, her name
                genitive_between = True
            possessive = bool(re.search(r"(?:его|её|ее|их|мой|моя|наш|наша)\s*$", before[: m.start()], re.IGNORECASE))
            if len(gap) <= 4 and not re.search(r"[.;:!?]", gap):
                if ctx.lang == "ru" and "," not in gap and not possessive and not genitive_between \
                        and _oblique(ctx.text[start:end]):
                    continue  # "отец Фарруха": the name is the one whose father is meant
                if "," in gap and not _apposition_closes(ctx.text, end):
                    continue  # "according to his brother, X told ..." names the speaker's subject
                distance = len(gap)
                at = start - len(before) + m.start()
                # at equal distance the longer phrase wins ("двоюродный брат" is a cousin, not a brother)
                if best is None or distance < best[2] or (distance == best[2] and at < best[1]):
                    best = (relation, at, distance)
        following = pattern.search(after)
        if following and re.match(r"^\s*[,(—–]\s*(?:\w+\s+){0,2}$", after[: following.start()]) \
                and following.start() <= 20:
            if best is None or following.start() < best[2]:
                best = (relation, end + following.start(), following.start() + 1)
    return (best[0], best[1]) if best else None


def _oblique(name: str) -> bool:
    """A Russian name in an oblique case (genitive etc.): 'Фарруха', 'Бекзата Осмонова'."""
    first = name.split()[0] if name.split() else name
    return bool(re.search(r"[бвгджзклмнпрстфхцчшщ](?:а|у|ом|е)$", first)) and not re.search(r"(?:ова|ева|ина)$", first)


def _apposition_closes(text: str, end: int) -> bool:
    """The name is an inserted apposition: followed by a comma, dash, bracket, full stop or "and"."""
    return bool(re.match(r"\s*(?:[,.;:)—–]|and\b|и\b|və\b|$)", text[end : end + 6]))


def _speaker(ctx: DocContext, start: int, end: int) -> bool:
    """The name is a source quoted in the report ("X told", "according to X", "по словам X")."""
    after = ctx.lexicon.pattern("names", "speaker_after")
    before = ctx.lexicon.pattern("names", "speaker_before")
    tail = ctx.text[end : end + 40]
    head = ctx.text[max(0, start - 30) : start]
    if after is not None:
        m = after.search(tail)
        if m and m.start() <= 3:
            return True
    if before is not None:
        for m in before.finditer(head):
            if len(head) - m.end() <= 2:
                return True
    return False


def _official_near(ctx: DocContext, start: int, end: int) -> bool:
    """A title or role word right before the name, or after it set off by a comma."""
    sent = ctx.sentences[ctx.sentence_at(start)]
    before = ctx.text[max(sent.start, start - ROLE_WINDOW) : start]
    after = ctx.text[end : min(sent.end, end + 40)]
    pattern = ctx.lexicon.pattern("names", "official")
    if pattern is None:
        return False
    for m in pattern.finditer(before):
        gap = before[m.end() :]
        if len(gap) <= 3 and not re.search(r"[.;!?]", gap):
            return True
        if re.fullmatch(r"(?:\s+(?-i:[A-ZÀ-ÖØ-ÞƏĞİŞÇÖÜА-ЯЁ])[\w.’'-]*){1,4}\s+", gap):
            return True  # "spokesman of the Foreign Ministry X", "представитель МИД Азербайджана X"
        if re.fullmatch(r"\s+[a-zа-яё]+(?:\s+(?:в|во|на|in|at|of|the|(?-i:[A-ZÀ-ÖØ-ÞƏĞİŞÇÖÜА-ЯЁ])[\w.’'-]*)){1,4}\s+", gap) \
                and _institution_word(gap.split()[0]):
            return True  # "консул посольства Таджикистана в Москве X": a title, its office, and the office's place
    title_after = pattern.search(after)
    if not (title_after and re.match(r"^\s*[,(—–]", after)):
        return False
    # "X, lawyer", "X, a Kathmandu lawyer who ...", "X (the regional ombudsman)": up to three words between
    gap = after[: title_after.start()]
    return title_after.start() <= 12 or bool(re.fullmatch(r"\s*[,(—–]\s*(?:[\w'’-]+\s+){1,3}", gap))


@cache
def _institutions() -> tuple[str, ...]:
    """``[names] institutions`` of every lexicon: a Russian report may quote an English title."""
    return tuple(w.lower() for lang in LANGUAGES for w in load(lang).words("names", "institutions"))


def _institution_word(word: str) -> bool:
    """A lower-case word naming an office ("посольства", "embassy") that a title may govern."""
    return word.lower().startswith(_institutions())


def _byline(ctx: DocContext, start: int, end: int) -> bool:
    """A short line holding just a name and an outlet ("Jane Doe, The Daily")."""
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", end)
    line_end = len(ctx.text) if line_end < 0 else line_end
    line = ctx.text[line_start:line_end]
    if len(line) > 90 or line_start == 0 or len(line[end - line_start :].split()) > 6:
        return False  # a byline's credit is short; a lead sentence goes on ("X, 27, a nurse, spoke to us")
    prefix = ctx.text[line_start:start].strip().lower()
    return prefix in ("", "by", "автор", "author", "müəllif") and bool(re.match(r"^\s*(?:,|—|–|\||$)", ctx.text[end:line_end]))


def _alias(ctx: DocContext, start: int) -> bool:
    """A name introduced as another name of someone ("under a new name, X")."""
    pattern = ctx.lexicon.pattern("names", "alias")
    if pattern is None:
        return False
    before = ctx.text[max(0, start - 40) : start]
    return any(len(before) - m.end() <= 4 for m in pattern.finditer(before))


def _country_in_brackets(ctx: DocContext, end: int) -> bool:
    """A country in brackets right after the name heads an entry of a list of people
    ("Jane Roe (Uganda). The 30-year-old ..."): the person the entry is about."""
    from soraq.extract.places import _countries
    from soraq.extract.name_lists import fold

    m = re.match(r"[ \u00a0]*\(([^()\d]{3,40})\)", ctx.text[end : end + 45])
    return bool(m) and fold(m.group(1).strip()) in _countries()


def _subject_cue(ctx: DocContext, start: int, end: int, strong: bool = False) -> bool:
    """A birth year, an age or a nationality right by the name (``strong``: birth year or nationality)."""
    if _country_in_brackets(ctx, end):
        return True
    sent = ctx.sentences[ctx.sentence_at(start)]
    window = ctx.text[max(sent.start, start - 60) : min(sent.end, end + 60)]
    for key in ("year",) if strong else ("year", "age"):
        p = ctx.lexicon.pattern("birth", key)
        if p is not None and p.search(window):
            return True
    after = ctx.text[end : min(sent.end, end + 40)]
    if re.match(r"[ \u00a0]*,", after) and any(
            p is not None and (m := p.search(after)) and m.start() <= 4 for p in ctx.lexicon.patterns("citizenship").values()):
        return True  # "X, Kenyan citizen, ...": a nationality in apposition right after the name
    near = ctx.text[max(sent.start, start - 40) : start]
    if strong:
        near = ctx.text[max(sent.start, start - 25) : start]
    return any(p is not None and p.search(near) for p in ctx.lexicon.patterns("citizenship").values())


def _adjacent_cue(ctx: DocContext, start: int, end: int) -> bool:
    """An age or birth year right next to a one-word name ("40-летнего Эльчина", "Elchin, 40,")."""
    window = ctx.text[max(0, start - 16) : min(len(ctx.text), end + 16)]
    return any(p is not None and p.search(window) for p in
               (ctx.lexicon.pattern("birth", "age"), ctx.lexicon.pattern("birth", "year")))


def _after_locative(ctx: DocContext, start: int) -> bool:
    """A capitalised word right after "in", "to", "from", "в", "из" ... is a place, not a person."""
    pattern = ctx.lexicon.pattern("names", "locative")
    if pattern is None:
        return False
    head = ctx.text[max(0, start - 12) : start]
    return any(len(head) - m.end() <= 1 for m in pattern.finditer(head))


def _story_cue(ctx: DocContext, start: int) -> bool:
    """The sentence naming the person tells an event of the story, or where the person is from."""
    text = ctx.sentences[ctx.sentence_at(start)].text
    extra = ctx.lexicon.pattern("names", "subject_cues")
    if extra is not None and extra.search(text):
        return True
    return any(p is not None and p.search(text) for p in ctx.lexicon.patterns("events").values())


def _followed_by_story(ctx: DocContext, start: int) -> bool:
    """The next sentence of the same paragraph refers back to a person and tells an event
    ("X worked on a building site. He signed a contract in June ..."): X is that person."""
    k = ctx.sentence_at(start)
    if k + 1 >= len(ctx.sentences):
        return False
    nxt = ctx.sentences[k + 1]
    if "\n" in ctx.text[ctx.sentences[k].end : nxt.start]:
        return False
    refer = ctx.lexicon.pattern("attribution", "refer")
    if refer is None or not refer.search(nxt.text[:40]):
        return False
    return any(p is not None and p.search(nxt.text) for p in ctx.lexicon.patterns("events").values())


def _narrators_subject(ctx: DocContext, group: NameGroup) -> bool:
    """The person a first-person writer calls "my brother X" / "мой сын X" / "qardaşım X" and whose
    age or story the same or the next sentence tells is the one the request is about, not a relative.

    ("Our mother X cries every day" tells no story: she stays a relative.)
    """
    from soraq.extract.relatives import _first_person_kin

    for m in group.mentions:
        if _first_person_kin(ctx, m.start) is None:
            continue
        if _subject_cue(ctx, m.start, m.end) or _story_cue(ctx, m.start) or _followed_by_story(ctx, m.start):
            return True
    return False


def classify(ctx: DocContext, group: NameGroup) -> Role:
    """The role of one name group in the report."""
    mentions = group.mentions
    if all(_byline(ctx, m.start, m.end) or _alias(ctx, m.start) for m in mentions):
        return Role("other")
    strong = any(_subject_cue(ctx, m.start, m.end, strong=True) for m in mentions)
    relations = [r for m in mentions if (r := _relation_near(ctx, m.start, m.end))
                 and not (r[1] > m.start and _official_near(ctx, m.start, m.end))]
    # ("Юрист X, консультирующая родственников": a title before the name beats a kin word after it)
    if relations and not strong and len(relations) * 3 >= len(mentions) \
            and not _narrators_subject(ctx, group):
        return Role("relative", relations[0][0], relations[0][1])
    if any(_official_near(ctx, m.start, m.end) for m in mentions) and not any(
            _subject_cue(ctx, m.start, m.end) for m in mentions if not _official_near(ctx, m.start, m.end)):
        return Role("official")
    cue_any = any(_subject_cue(ctx, m.start, m.end) for m in mentions)
    if not cue_any and all(_speaker(ctx, m.start, m.end) for m in mentions):
        return Role("source")
    cue = strong or any(_subject_cue(ctx, m.start, m.end) for m in mentions)
    if group.best.size == 1:
        close = any(_adjacent_cue(ctx, m.start, m.end) for m in mentions)
        placelike = all(_after_locative(ctx, m.start) for m in mentions)
        return Role("subject") if close and not placelike else Role("other")
    if all(_after_locative(ctx, m.start) for m in mentions) and not (group.given and is_given_name(group.given)):
        return Role("other")  # "detained in Sergiev Posad": a place built like a surname
    if cue or len(mentions) >= 2 or any(_story_cue(ctx, m.start) or _followed_by_story(ctx, m.start)
                                        for m in mentions):
        return Role("subject")
    return Role("other")
