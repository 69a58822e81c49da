"""Which subject of the report a sentence speaks about.

A sentence naming a subject is about that subject. A sentence naming nobody
continues the subject named last, but only when it refers back to a person
(a pronoun, "the man", "her son" -- lexicon ``[attribution] refer``) or sits in
a paragraph that names the subject; general background ("Russia is sending
migrants to their deaths") belongs to nobody. Sentences before any subject is
named go to the first subject when they refer to a person.
"""

from __future__ import annotations

import re

from soraq.extract.context import DocContext


def _paragraph_ids(ctx: DocContext) -> list[int]:
    out, para, prev_end = [], 0, 0
    for s in ctx.sentences:
        if "\n" in ctx.text[prev_end : s.start]:
            para += 1
        out.append(para)
        prev_end = s.end
    return out


def sentence_owners(ctx: DocContext) -> list[list[int]]:
    """For each sentence, the indexes (into ``ctx.subjects``) of the subjects it is about."""
    n = len(ctx.sentences)
    if not ctx.subjects:
        return [[] for _ in range(n)]
    named: list[set[int]] = [set() for _ in range(n)]
    for i, group in enumerate(ctx.subjects):
        for m in group.mentions:
            named[ctx.sentence_at(m.start)].add(i)
    paras = _paragraph_ids(ctx)
    named_paras: dict[int, set[int]] = {}
    for k in range(n):
        named_paras.setdefault(paras[k], set()).update(named[k])
    refer = ctx.lexicon.pattern("attribution", "refer")
    first_named = min((k for k in range(n) if named[k]), default=n)
    owners: list[list[int]] = []
    last: list[int] | None = None
    for k in range(n):
        if named[k]:
            last = sorted(named[k])
            owners.append(list(last))
            continue
        refers = refer is not None and refer.search(ctx.sentences[k].text) is not None
        in_para = named_paras.get(paras[k], set())
        if last is None:
            # the headline and lead come before any name and are about the report's subjects
            headline = k == 0 and "\n" in ctx.text[ctx.sentences[0].end : ctx.sentences[0].end + 3]
            plural = ctx.lexicon.pattern("attribution", "plural")
            everyone = plural is not None and plural.search(ctx.sentences[k].text) is not None
            if k < first_named and (headline or refers):
                if not everyone:
                    owners.append([0])
                elif len(ctx.subjects) > 1 and _several_fates(ctx, k):
                    owners.append([])  # "killed, wounded, missing: three families": a summary of different fates
                else:
                    owners.append(list(range(len(ctx.subjects))))
            else:
                owners.append([])
        elif in_para and (refers or set(last) & in_para):
            owners.append(list(last) if set(last) & in_para else sorted(in_para))
        elif refers:
            owners.append(list(last))
        else:
            owners.append([])
    _fill_gaps(owners, ctx, refer, first_named)
    _interviewee(ctx, owners)
    _families_in_lead(ctx, owners, first_named)
    _both(ctx, owners, named)
    return owners


def _both(ctx: DocContext, owners: list[list[int]], named: list[set[int]]) -> None:
    """A sentence naming nobody that speaks of all the report's people at once ("both signed",
    "братьев задержали", "hər ikisi"; lexicon ``[attribution] both``) is about each of them."""
    both = ctx.lexicon.pattern("attribution", "both")
    if both is None or len(ctx.subjects) < 2:
        return
    for k, s in enumerate(ctx.sentences):
        if not named[k] and both.search(s.text):
            owners[k] = list(range(len(ctx.subjects)))


def _families_in_lead(ctx: DocContext, owners: list[list[int]], first_named: int) -> None:
    """A lead sentence, before anyone is named, that tells of the families of the people the report
    lists ("Their families have asked us to publish their names", "к нам обратились родственники")
    speaks for every one of them: their families' appeal is each man's."""
    families = ctx.lexicon.pattern("attribution", "families")
    if families is None:
        return
    hits = ctx.hits("events")
    for k in range(min(first_named, len(owners))):
        if not owners[k] and families.search(ctx.sentences[k].text) and hits.in_sentence("appeal", k):
            owners[k] = list(range(len(ctx.subjects)))
            ctx.appeal_only.add(k)


_ANSWER = re.compile(r"(?:[—–-]|(?:A|О|Ответ|Cavab|C)\s*:)\s*")
_QUESTION = re.compile(r"(?:Q|В|Вопрос|Sual|S)\s*:\s*")


def _answer_lines(ctx: DocContext) -> list[tuple[int, int]]:
    """The answers of a question-and-answer interview: lines opened by "A:", "Ответ:", "Cavab:" or a
    dash that do not ask a question. Empty unless the report also has questions."""
    answers, questions = [], 0
    pos = 0
    for line in ctx.text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        body = line.strip()
        if _QUESTION.match(body) or (_ANSWER.match(body) and body.endswith("?")):
            questions += 1
        elif _ANSWER.match(body) and len(body) > 3:
            answers.append((start, end))
    return answers if questions else []


def _interviewee(ctx: DocContext, owners: list[list[int]]) -> None:
    """In an interview with the one person a report is about, his answers in the first person
    ("I signed in April", "я подписал контракт") are his story, when no answer names him (answers
    naming him are a relative's account: "Tunde flew to Moscow")."""
    first = ctx.lexicon.pattern("attribution", "first_person")
    if len(ctx.subjects) != 1 or first is None:
        return
    answers = _answer_lines(ctx)
    if not answers:
        return
    inside = [k for k, s in enumerate(ctx.sentences) if any(a <= s.start < b for a, b in answers)]
    mentions = [m.start for m in ctx.subjects[0].mentions]
    if any(a <= m < b for m in mentions for a, b in answers):
        return
    for k in inside:
        if not owners[k] and first.search(ctx.sentences[k].text):
            owners[k] = [0]


FATES = ("death", "wounded", "captured", "disappearance", "return")


def _several_fates(ctx: DocContext, k: int) -> bool:
    """A sentence naming two or more different fates (death, wounds, capture, ...)."""
    hits = ctx.hits("events")
    return sum(1 for fate in FATES if hits.in_sentence(fate, k)) >= 2


def _fill_gaps(owners: list[list[int]], ctx: DocContext, refer, first_named: int) -> None:  # type: ignore[no-untyped-def]
    """A sentence between two sentences about the same subject continues that subject's story."""
    n = len(owners)
    k = first_named
    while k < n:
        if owners[k]:
            k += 1
            continue
        j = k
        while j < n and not owners[j]:
            j += 1
        if 0 < k and j < n:
            common = sorted(set(owners[k - 1]) & set(owners[j]))
            if common:
                for x in range(k, j):
                    owners[x] = list(common)
        k = j


def sentences_of(ctx: DocContext, owners: list[list[int]], subject: int) -> list[int]:
    return [k for k, own in enumerate(owners) if subject in own]


def named_in(ctx: DocContext, subject: int) -> list[int]:
    """Sentences that name the subject explicitly."""
    return sorted({ctx.sentence_at(m.start) for m in ctx.subjects[subject].mentions})
