"""Events in a subject's story: trigger phrases per event type, dated from the same sentence.

A sentence attributed to a subject that contains a trigger of type T (lexicon
table ``[events]``) records a T event, unless an exclusion phrase of the same
type (``[event_exclusions]``) covers the trigger. The event's date is the date
expression of the sentence nearest to the trigger (a birth year never dates an
event). The same type with the same date is recorded once; an undated mention
of a type already dated elsewhere adds nothing. Events come out in the order
they happened: by date where known, by the order of the story otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from soraq.extract import scope
from soraq.extract.context import DocContext
from soraq.extract.dates import DateMention, is_birth_context

#: the usual order of a recruitment story, to order undated events
#: event types that happen once in a story: several mentions are one event
ONCE = frozenset({"departure", "documents_lapsed", "contract", "training", "deployment", "captured", "death",
                  "disappearance"})

STORY_ORDER = ("departure", "documents_lapsed", "detention", "threat", "torture", "court_hearing",
               "contract", "training", "deployment", "contact", "wounded", "captured", "disappearance",
               "death", "return", "appeal")


@dataclass
class FoundEvent:
    type: str
    date: str | None
    start: int  # evidence: the sentence
    end: int
    trigger: int  # offset of the trigger phrase
    distance: int = 0  # characters between the trigger and its date (for choosing among duplicates)


def _distance(ctx: DocContext, d: DateMention, trigger: int, trigger_end: int) -> int:
    """Characters between trigger and date; a clause boundary between them counts extra."""
    # the side a verb's date usually stands on: after it in English and Russian, before it in
    # Azerbaijani (verb-final: "mayda müqavilə imzalayıb və iyulda həlak olub")
    before_verb = ctx.lang == "az"
    if d.start >= trigger_end:
        between = ctx.text[trigger_end : d.start]
        gap = d.start - trigger_end + (15 if before_verb else 0)
    else:
        between = ctx.text[d.end : trigger]
        gap = (trigger - d.end) + (0 if before_verb else 15)
    return gap + 25 * len(re.findall(r"[,;:—–]", between))


def _boundaries(ctx: DocContext, d: DateMention, trigger: int, trigger_end: int) -> int:
    """Clause boundaries (commas, semicolons, dashes) between a trigger and a date."""
    between = ctx.text[trigger_end : d.start] if d.start >= trigger_end else ctx.text[d.end : trigger]
    return len(re.findall(r"[,;:—–]", between))


def _date_for(ctx: DocContext, dates: list[DateMention], s_start: int, s_end: int, trigger: int,
              trigger_end: int, rivals: list[tuple[str, int, int]] | None = None,
              etype: str | None = None) -> tuple[str | None, int]:
    """The sentence's date nearest the trigger (and its distance); one right after it is preferred.

    With two events and two (or more) dates in one sentence each date goes to the trigger nearest it
    (``rivals``: the other asserted triggers of the sentence, (type, start, end)): a date
    another event's trigger stands closer to is that event's, not this one's.
    """
    inside = [d for d in dates if d.start >= s_start and d.end <= s_end]
    if not inside:
        return None, 10_000
    if len(inside) > 1 and rivals and any(t != etype for t, _, _ in rivals):
        def key(d: DateMention, a: int, b: int) -> tuple[int, int]:
            return _boundaries(ctx, d, a, b), _distance(ctx, d, a, b)

        def own(d: DateMention) -> bool:
            mine = key(d, trigger, trigger_end)
            return all(t == etype or key(d, a, b) >= mine for t, a, b in rivals)

        owned = [d for d in inside if own(d)]
        if not owned:  # "in May he was detained and signed": a date of the same clause is shared
            owned = [d for d in inside if _boundaries(ctx, d, trigger, trigger_end) == 0]
        if not owned:
            return None, 10_000
        inside = owned
    best = min(inside, key=lambda d: _distance(ctx, d, trigger, trigger_end))
    return best.value, _distance(ctx, best, trigger, trigger_end)


def _undated(ctx: DocContext, etype: str, trigger: str) -> bool:
    """A trigger that proves the event but whose sentence date belongs to something else (a funeral)."""
    pattern = ctx.lexicon.pattern("undated_triggers", etype)
    return pattern is not None and pattern.fullmatch(trigger) is not None


def _excluded(ctx: DocContext, etype: str, sentence: str, start: int, end: int) -> bool:
    pattern = ctx.lexicon.pattern("event_exclusions", etype)
    if pattern is None:
        return False
    for m in pattern.finditer(sentence):
        if m.start() <= end and m.end() >= start:
            return True
    return False


def find_events(ctx: DocContext, sentence_ids: list[int], dates: list[DateMention],
                birth_spans: list[tuple[int, int]], subject: int | None = None) -> list[FoundEvent]:
    """The events told in the given sentences about the subject, deduplicated and ordered.

    A trigger counts only when its clause asserts it of the subject (:mod:`scope`):
    not negated, not hypothetical or threatened, not done to somebody else.
    """
    usable = [d for d in dates if not any(s <= d.start < e for s, e in birth_spans)
              and not (len(d.value) == 4 and is_birth_context(ctx.text, d.start, ctx.lexicon))]
    raw: list[FoundEvent] = []
    hits = ctx.hits("events")
    since_then = ctx.hits("dates").sentences("since_then")
    same_day = ctx.hits("dates").sentences("same_day")
    since_then = since_then | same_day
    wanted = set(sentence_ids)
    asserted: list[tuple[str, int, int, int]] = []  # (type, sentence, start, end)
    for etype, found in hits.by_key.items():
        for k, start, end in found:
            if k not in wanted or (k in ctx.appeal_only and etype != "appeal"):
                continue
            s = ctx.sentences[k]
            if _excluded(ctx, etype, s.text, start - s.start, end - s.start):
                continue
            if not scope.asserted(ctx, k, start, end, etype, subject, noun=_undated(ctx, etype, ctx.text[start:end])):
                continue
            asserted.append((etype, k, start, end))
    for etype, k, start, end in asserted:
        s = ctx.sentences[k]
        rivals = [(t, a, b) for t, kk, a, b in asserted if kk == k and (a, b) != (start, end)
                  and not (a < end and start < b)]
        if True:
            when, gap = _date_for(ctx, usable, s.start, s.end, start, end, rivals, etype)
            if _undated(ctx, etype, ctx.text[start:end]):
                when, gap = None, 10_000
            elif when is None and k in since_then:
                when = _previous_date(usable, s.start, day=k in same_day)
            elif when is None and etype in CARRIED:
                when, gap = _carried_date(ctx, usable, k), 5_000
            elif when is None and etype == "appeal":
                when = _video_date(ctx, usable, k)
            raw.append(FoundEvent(etype, when, s.start, s.end, start, gap))
    return dedupe(infer(_bracketed(raw)))


#: steps told between two others of one month happened in that month ("he landed on 3 August ... they took
#: his passport and gave him papers to sign ... after two weeks of training, in late August, ...")
BRACKETED = frozenset({"detention", "threat", "contract", "training", "documents_lapsed"})


def _bracketed(events: list[FoundEvent]) -> list[FoundEvent]:
    """An undated story step told between two dated events of the same month takes that month."""
    by_place = sorted(events, key=lambda e: e.trigger)
    out = []
    for i, e in enumerate(by_place):
        if e.date is None and e.type in BRACKETED:
            before = next((x.date for x in reversed(by_place[:i]) if x.date and x.trigger < e.trigger), None)
            after = next((x.date for x in by_place[i + 1 :] if x.date and x.trigger > e.trigger), None)
            if before and after and len(before) >= 7 and len(after) >= 7 and before[:7] == after[:7]:
                e = FoundEvent(e.type, before[:7], e.start, e.end, e.trigger, 6_000)
        out.append(e)
    return out


WAR_EVENTS = frozenset({"deployment", "death", "captured", "wounded", "disappearance"})
ABROAD_EVENTS = frozenset({"departure", "detention", "contract"})


def place_of(ctx: DocContext, event: FoundEvent, abroad: str | None) -> str | None:
    """Where an event happened, when its sentence says so plainly.

    War events in a sentence naming the war's country get that country; going
    abroad, detention and signing get the person's place abroad when the
    sentence names it. Anything subtler is left empty rather than guessed.
    """
    sentence = ctx.text[event.start : event.end]
    if event.type in WAR_EVENTS:
        cue = ctx.lexicon.pattern("event_places", "war_cues")
        country = ctx.lexicon.words("event_places", "war_country")
        if cue is not None and country and cue.search(sentence):
            return country[0]
    if event.type in ABROAD_EVENTS and abroad:
        stem = abroad[: max(4, len(abroad) - 2)].lower()
        if stem in sentence.lower():
            return abroad
    return None


#: steps of a recruitment story that follow one another closely: told undated right after a dated
#: sentence, they happened then ("In November the police stopped him. They made him sign ...")
CARRIED = frozenset({"detention", "threat", "torture", "contract", "training", "deployment", "documents_lapsed"})


def _carried_date(ctx: DocContext, dates: list[DateMention], k: int) -> str | None:
    """The date of the sentence before, in the same paragraph, at most to the month."""
    if k == 0:
        return None
    prev = ctx.sentences[k - 1]
    if "\n" in ctx.text[prev.end : ctx.sentences[k].start]:
        return None
    inside = [d for d in dates if prev.start <= d.start and d.end <= prev.end]
    return inside[-1].value[:7] if inside else None


def _video_date(ctx: DocContext, dates: list[DateMention], k: int) -> str | None:
    """An undated plea told within three sentences after a sentence that dates a video ("a video
    appeared on May 3 ... In it he asked ..."): the plea was made in that video, on its date."""
    videos = ctx.hits("dates").sentences("video")
    for j in range(k, max(-1, k - 4), -1):
        if j in videos:
            s = ctx.sentences[j]
            inside = [d for d in dates if s.start <= d.start and d.end <= s.end]
            return inside[-1].value if inside else None
    return None


def _previous_date(dates: list[DateMention], before: int, day: bool = False) -> str | None:
    """For "since then": the month of the last date named before the sentence; for "that same day"
    (``day``) that date itself."""
    prior = [d for d in dates if d.end <= before]
    if not prior:
        return None
    return prior[-1].value if day else prior[-1].value[:7]


def infer(events: list[FoundEvent]) -> list[FoundEvent]:
    """Someone killed, wounded or captured in the war was sent to it: add the deployment."""
    types = {e.type for e in events}
    if "deployment" not in types:
        for e in events:
            if e.type in ("death", "captured", "wounded"):
                events = events + [FoundEvent("deployment", None, e.start, e.end, e.trigger, 10_000)]
                break
    return events


def dedupe(events: list[FoundEvent]) -> list[FoundEvent]:
    """One event per (type, date); undated ones dropped when the type is dated elsewhere.

    Types that happen once in a story (departure, contract, deployment, death ...)
    keep one event: the one whose date stands closest to its trigger.
    """
    once: dict[str, FoundEvent] = {}
    for e in events:
        if e.type in ONCE:
            best = once.get(e.type)
            if best is None or (e.date is not None, -e.distance) > (best.date is not None, -best.distance):
                once[e.type] = e
    for etype, best in once.items():  # a fuller date that agrees with the chosen one is better
        fuller = [e for e in events if e.type == etype and e.date and best.date and e.date != best.date
                  and e.date.startswith(best.date)]
        if fuller:
            once[etype] = min(fuller, key=lambda e: e.distance)
    events = [e for e in events if e.type not in ONCE] + list(once.values())
    seen: dict[tuple[str, str | None], FoundEvent] = {}
    for e in events:
        seen.setdefault((e.type, e.date), e)
    dated_types = {t for (t, d) in seen if d is not None}
    kept = [e for (t, d), e in seen.items() if d is not None or t not in dated_types]
    # a less precise date of the same type that a more precise one contains adds nothing
    out = []
    for e in kept:
        if e.date and any(o is not e and o.type == e.type and o.date and o.date != e.date
                          and o.date.startswith(e.date) for o in kept):
            continue
        out.append(e)
    return order(out)


def order(events: list[FoundEvent]) -> list[FoundEvent]:
    """Dated events by date (story order within a month); undated ones at their place in the story."""
    rank = {t: i for i, t in enumerate(STORY_ORDER)}
    dated = sorted((e for e in events if e.date), key=lambda e: ((e.date or "")[:7], rank.get(e.type, 99),
                                                                 e.date or "", e.trigger))
    undated = sorted((e for e in events if not e.date), key=lambda e: (rank.get(e.type, 99), e.trigger))
    out: list[FoundEvent] = []
    i = 0
    for d in dated:
        while i < len(undated) and rank.get(undated[i].type, 99) <= rank.get(d.type, 99):
            out.append(undated[i])
            i += 1
        out.append(d)
    return out + undated[i:]


#: coercion methods that are a threat made to the person: the annotation records each with a threat event
THREAT_METHODS = frozenset({"threat_of_prison", "threat_of_deportation", "threat_of_death"})


def threat_from_coercion(ctx: DocContext, found: list[FoundEvent], methods: list[tuple[str, int]],
                         dates: list[DateMention]) -> list[FoundEvent]:
    """A threat told as a choice ("либо контракт, либо тюрьма", "ya müqavilə, ya həbs") is a coercion
    method and also the event of being threatened: add the threat event when no trigger gave it,
    dated by its sentence's own date, else the date of the sentence before in its paragraph."""
    if any(e.type == "threat" for e in found):
        return found
    sentence = next((k for method, k in methods if method in THREAT_METHODS), None)
    if sentence is None:
        return found
    s = ctx.sentences[sentence]
    inside = [d for d in dates if s.start <= d.start and d.end <= s.end]
    when = inside[-1].value if inside else _carried_date(ctx, dates, sentence)
    return order(found + [FoundEvent("threat", when, s.start, s.end, s.start, 5_000)])
