"""Whether a trigger phrase asserts that something happened *to the subject*.

A trigger ("killed", "задержан", "yaralanıb") found in a sentence about the
subject records an event only when the clause around it states it as a fact
about him. Three things undo that, each decided structurally per language from
the lexicon table ``[scope]`` rather than by listing whole sentences:

* **negation** in the trigger's clause: a negator a few words before it
  ("was *not* wounded", "*не* был ранен", "*never* signed") or, in Azerbaijani,
  the negative suffix on the verb itself ("yaralan*ma*yıb", "göndəril*mə*di");
* **modality**: a condition, a threat, a wish or a possibility governs the
  clause ("*if* he refuses he *will* be jailed", "*иначе* посадят",
  "əgər imzala*masa*", "həbs olunacaq") -- a threat is recorded as a threat,
  not as the thing threatened;
* **a question** asserts nothing ("When did he leave for Russia?" in an interview);
* **another actor**: the nearest doer before the trigger in its clause is
  somebody else or people in general ("his *friend* was killed", "*thousands
  of migrants* are sent to the front", "*другие* погибли", "*minlərlə miqrant*
  göndərilir"); in Russian the doer may also stand right after the verb
  ("погиб его *друг*").
"""

from __future__ import annotations

import re
from functools import cache

from soraq.extract.context import DocContext
from soraq.extract.lexicon import load, phrase_to_regex

#: event types that a modal clause never asserts (a threat or an appeal is itself modal talk)
MODAL_TYPES = frozenset({"departure", "documents_lapsed", "detention", "torture", "court_hearing", "contract",
                         "training", "deployment", "captured", "wounded", "death", "return", "disappearance",
                         "contact"})
#: event types that belong to the person only when he is the one they happen to
ACTOR_TYPES = MODAL_TYPES
#: event types a negator cancels (a disappearance is itself told with negations: "no news")
NEGATABLE_TYPES = MODAL_TYPES - {"disappearance", "documents_lapsed"}

_CLAUSE_BREAK = re.compile(r"[;:!?—–()\"«»“”]|,\s|\s-\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
NEGATION_WINDOW = 4  # words before the trigger a negator may stand


@cache
def _compiled(lang: str) -> dict[str, re.Pattern[str] | None]:
    lex = load(lang)
    return {key: lex.pattern("scope", key) for key in (
        "negation_before", "negation_suffix", "negation_after", "modal_before", "modal_sentence", "modal_suffix", "modal_after",
        "other_actor", "self_actor", "other_actor_after", "general_actor", "counted_actor", "other_actor_head")}


@cache
def _number_words(lang: str) -> dict[str, int]:
    """Number words of the lexicon ("two" = 2, "двое" = 2), lower-case."""
    lex = load(lang)
    out = {w.lower(): i + 1 for i, w in enumerate(lex.words("dates", "numbers"))}
    out.update({w.lower(): i + 2 for i, w in enumerate(lex.words("scope", "collective_numbers"))})
    return out


def _count(word: str, lang: str) -> int | None:
    """The number a counted group states ("two", "12", "двое"); None for "several"."""
    word = word.lower()
    return int(word) if word.isdigit() else _number_words(lang).get(word)


def _counted_others(ctx: DocContext, lead: str, lo: int) -> list[tuple[int, str]]:
    """A counted group ("two Nepali men in his group") is another doer, unless it counts the report's
    subjects themselves ("Two Uzbek men freed ..." in a report about two men)."""
    pattern = _compiled(ctx.lang)["counted_actor"]
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(lead):
        if _count(m.group("n"), ctx.lang) != len(ctx.subjects):
            out.append((lo + m.end(), "other"))
    return out


def clause_start(text: str, sent_start: int, trigger: int) -> int:
    """Offset where the trigger's clause begins (after the last comma, semicolon, dash ...)."""
    head = text[sent_start:trigger]
    last = None
    for m in _CLAUSE_BREAK.finditer(head):
        last = m
    return sent_start + (last.end() if last else 0)


def clause_end(text: str, trigger_end: int, sent_end: int) -> int:
    m = _CLAUSE_BREAK.search(text, trigger_end, sent_end)
    return m.start() if m else sent_end


def _last_word(text: str) -> str:
    words = _WORD.findall(text)
    return words[-1] if words else ""


def negated(ctx: DocContext, k: int, start: int, end: int) -> bool:
    """A negator governs the trigger: a few words before it in its clause, or (az) on the verb."""
    pats = _compiled(ctx.lang)
    s = ctx.sentences[k]
    suffix = pats["negation_suffix"]
    if suffix is not None and suffix.search(_last_word(ctx.text[start:end])):
        return True
    after = pats["negation_after"]
    if after is not None and after.match(ctx.text[end : clause_end(ctx.text, end, s.end)]):
        return True  # (az) a noun trigger and its negated verb: "müqavilə imzalamayıb"
    before = pats["negation_before"]
    if before is None:
        return False
    lead = ctx.text[clause_start(ctx.text, s.start, start) : start]
    words = lead.split()[-NEGATION_WINDOW:]
    return before.search(" ".join(words) + " " if words else "") is not None


def modal(ctx: DocContext, k: int, start: int, end: int) -> bool:
    """A condition, threat, wish or possibility governs the trigger's clause."""
    pats = _compiled(ctx.lang)
    s = ctx.sentences[k]
    if pats["modal_suffix"] is not None and pats["modal_suffix"].search(_last_word(ctx.text[start:end])):
        return True
    lead = ctx.text[clause_start(ctx.text, s.start, start) : start]
    lead = " ".join(lead.split()) + " " if lead.strip() else ""
    if pats["modal_before"] is not None and pats["modal_before"].search(lead):
        return True
    if pats["modal_sentence"] is not None and pats["modal_sentence"].search(ctx.text[s.start : start]):
        return True
    after = pats["modal_after"]
    if after is not None:
        tail = ctx.text[end : clause_end(ctx.text, end, s.end)]
        m = after.match(tail)
        if m:
            return True
    return False


_COORD = re.compile(r"\s*(?:,\s*)?(?:and|with|along\s+with|together\s+with|и|вместе\s+с|с|və|ilə)\s", re.IGNORECASE)


@cache
def _reporting(lang: str) -> re.Pattern[str]:
    """Reporting verbs and complementizers after which a new clause (and doer) begins."""
    lex = load(lang)
    words = [w for w in lex.words("names", "speaker_after") if not w.startswith("re:")]
    words += lex.words("scope", "clause_openers")
    # "рассказал*" is a phrase of the lexicon language: any ending (not a literal star)
    alt = "|".join(phrase_to_regex(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


def _insertions(ctx: DocContext, lo: int, hi: int) -> list[tuple[int, int]]:
    """Comma-enclosed insertions between ``lo`` and ``hi`` that hold no doer of the main clause:
    a relative clause (", who was also from Osh,", ", который ...,") or a reporting aside
    (", his mother says,", or leading the sentence: "Как рассказал их отец X, ...")."""
    opener = _relative_opener(ctx.lang)
    report = _reporting(ctx.lang)
    out = []
    commas = [m.start() for m in re.finditer(r",", ctx.text[lo:hi])]
    if commas and report.search(ctx.text[lo : lo + commas[0]]):
        out.append((lo, lo + commas[0] + 1))  # a leading aside: "Как рассказал их отец X, ...", "According to X, ..."
    for x, y in zip(commas, commas[1:]):
        segment = ctx.text[lo + x + 1 : lo + y]
        if (opener is not None and opener.match(segment.lstrip())) or report.search(segment):
            out.append((lo + x, lo + y + 1))
    return out


@cache
def _relative_opener(lang: str) -> re.Pattern[str] | None:
    words = load(lang).words("scope", "relative_openers")
    if not words:
        return None
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _doers(ctx: DocContext, ranges: list[tuple[int, int]], subject: int | None,
           sentence: int | None = None) -> list[tuple[int, str]]:
    """(end offset, "self" | "other") of every doer candidate inside the given ranges.

    Plural nouns for people in general ("citizens", "граждане", "vətəndaşlar": ``[scope]
    general_actor``) count as other doers only in a sentence that does not name the subject
    ("Nepal asks Moscow to return citizens recruited into its army") of a report about one person;
    beside his name, or in a report about several people, they may be the subjects themselves
    ("X and Y, both Kenyan citizens, were captured", "Two Tajik citizens killed").
    """
    pats = _compiled(ctx.lang)
    candidates: list[tuple[int, str]] = []
    own_spans = [(m.start, m.end) for i, g in enumerate(ctx.subjects) if subject is None or i == subject
                 for m in g.mentions]
    other_spans = [(m.start, m.end) for i, g in enumerate(ctx.subjects) if subject is not None and i != subject
                   for m in g.mentions] + [(m.start, m.end) for g in ctx.others for m in g.mentions]
    own_words = {w.lower() for i, g in enumerate(ctx.subjects) if subject is None or i == subject
                 for m in g.mentions for w in m.text.split()}
    refer = ctx.lexicon.pattern("attribution", "refer")
    for lo, hi in ranges:
        for a, b in own_spans:
            if lo <= a and b <= hi:
                candidates.append((b, "self"))
        for a, b in other_spans:
            if ctx.text[a:b].lower() in own_words:
                continue  # a lone word of the subject's own name, grouped elsewhere
            if lo <= a and b <= hi:
                candidates.append((b, "other"))
        lead = ctx.text[lo:hi]
        general = pats["general_actor"] if sentence is not None and len(ctx.subjects) == 1 and not any(
            ctx.sentence_at(a) == sentence for a, _ in own_spans) else None
        for pattern, kind in ((pats["other_actor"], "other"), (pats["self_actor"], "self"), (refer, "self"),
                              (general, "other")):
            if pattern is not None:
                for m in pattern.finditer(lead):
                    candidates.append((lo + m.end(), kind))
        candidates += _counted_others(ctx, lead, lo)
    return sorted(candidates)


def _verdict(ctx: DocContext, candidates: list[tuple[int, str]]) -> bool:
    """Whether the nearest doer is someone else ("he and other recruits" keeps him a doer)."""
    if candidates[-1][1] != "other":
        return False
    selves = [pos for pos, kind in candidates if kind == "self"]
    return not (selves and _COORD.match(ctx.text, selves[-1]))


def _leading_report(ctx: DocContext, s_start: int, verb_end: int) -> bool:
    """The sentence opens with its reporting verb ("Как рассказал ...", "According to ...")."""
    return len(ctx.text[s_start:verb_end].split()) <= 3


def other_actor(ctx: DocContext, k: int, start: int, end: int, subject: int | None = None) -> bool:
    """The nearest doer before the trigger in its clause is someone other than the subject.

    Doers are: the subject's name or a word referring back to a person of the story
    (``[scope] self_actor``, ``[attribution] refer``), versus another named person
    (another subject, a relative, an official) or a word for others or people in
    general (``[scope] other_actor``). A clause with no doer of its own ("..., was
    killed") takes the doer of the sentence before it, insertions aside ("His friend,
    who was also from Osh, was killed"); with no doer at all the trigger stays with
    the sentence's subject.
    """
    pats = _compiled(ctx.lang)
    s = ctx.sentences[k]
    head = pats["other_actor_head"]
    if head is not None and head.match(ctx.text[: s.end], end):
        return True  # "həlak olan adaşı": the participle's noun, a namesake or a friend, is the doer
    c0 = clause_start(ctx.text, s.start, start)
    report = _reporting(ctx.lang)
    reported = False
    for m in report.finditer(ctx.text, c0, start):
        c0 = m.end()  # "X said (that) he was ...": the doer is after the reporting verb
        reported = True
    if reported and ctx.text[c0:start].count(",") and ctx.text[s.start : c0].lstrip()[:1].isupper() \
            and c0 - s.start < 40 and _leading_report(ctx, s.start, c0):
        c0 += ctx.text[c0:start].index(",") + 1  # "Как рассказал их отец X, братьев задержали": X only speaks
    candidates = _doers(ctx, [(c0, start)], subject, k)
    if candidates:
        return _verdict(ctx, candidates)
    after = pats["other_actor_after"]
    if after is not None:
        tail = ctx.text[end : clause_end(ctx.text, end, s.end)]
        if after.match(tail):
            return True
    antecedent = _antecedent_doers(ctx, s.start, c0, subject, k)
    if antecedent:
        return _verdict(ctx, antecedent)  # "a prisoner of the same name who was killed": the antecedent did it
    if reported or c0 == s.start:
        return False  # the speaker of "X said that the hearing ..." is no doer of the hearing
    # no doer in the clause: the sentence's main doer, comma insertions left out
    lo = s.start
    for m in re.finditer(r"[;:]", ctx.text[s.start : start]):
        lo = s.start + m.end()
    ranges, cursor = [], lo
    for a, b in _insertions(ctx, lo, start):
        ranges.append((cursor, a))
        cursor = b
    ranges.append((cursor, c0))
    candidates = _doers(ctx, ranges, subject, k)
    return bool(candidates) and _verdict(ctx, candidates)


def _antecedent_doers(ctx: DocContext, s_start: int, c0: int, subject: int | None,
                      k: int) -> list[tuple[int, str]]:
    """A clause opened by a relative pronoun ("who", "который", "hansı") has the noun before it as its
    doer: the doer candidates of the words (up to ten) right before the pronoun."""
    opener = _relative_opener(ctx.lang)
    if opener is None:
        return []
    before = ctx.text[s_start:c0]
    m = None
    for m in opener.finditer(before):
        pass
    if m is None or before[m.end():].strip(" ,"):
        return []
    at = s_start + m.start()
    words = list(re.finditer(r"\S+", ctx.text[s_start:at]))[-10:]
    lo = s_start + words[0].start() if words else at
    member = load(ctx.lang).pattern("scope", "membership")
    if member is not None and member.search(ctx.text[lo:at]):
        return []  # "X is one of the Nepali men who came home": he is among them
    return _doers(ctx, [(lo, at)], subject, k)


def asserted(ctx: DocContext, k: int, start: int, end: int, etype: str, subject: int | None = None,
             noun: bool = False) -> bool:
    """Whether the trigger at ``start:end`` of sentence ``k`` states an ``etype`` event of the subject.

    ``noun``: the trigger is a thing that proves the event (a body, a coffin), which has no doer.
    """
    if etype in MODAL_TYPES and ctx.sentences[k].text.rstrip(" \"”»'’)").endswith("?"):
        return False  # a question ("When did he go to Russia?") asserts nothing
    if etype in NEGATABLE_TYPES and negated(ctx, k, start, end):
        return False
    if etype in MODAL_TYPES and modal(ctx, k, start, end):
        return False
    if etype in ACTOR_TYPES and not noun and other_actor(ctx, k, start, end, subject):
        return False
    return True
