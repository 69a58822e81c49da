"""Relatives of a subject, named in the report with their relation.

A name group that :mod:`roles` marked as a relative is attached to the subject
named in the same sentence, else to the subject the sentence is about.
"""

from __future__ import annotations

from soraq.extract.context import DocContext
import re

from soraq.extract.name_lists import fold
from soraq.extract.names import Mention, NameGroup, _same_word, _split_parts
from soraq.extract.roles import Role


def attach(ctx: DocContext, owners: list[list[int]],
           relatives: list[tuple[NameGroup, Role]]) -> dict[int, list[tuple[str, str, int, int]]]:
    """subject index -> [(name, relation, evidence start, evidence end)].

    The subject named in (or owning) the sentence of the relative's first mention; failing
    that, of a later mention; failing that, the report's only subject.
    """
    out: dict[int, list[tuple[str, str, int, int]]] = {}
    for group, role in relatives:
        target, k = None, ctx.sentence_at(group.mentions[0].start)
        for mention in group.mentions:
            k = ctx.sentence_at(mention.start)
            named_here = [i for i, g in enumerate(ctx.subjects)
                          if g is not group and any(ctx.sentence_at(m.start) == k for m in g.mentions)]
            owning = [i for i in owners[k] if ctx.subjects[i] is not group]
            target = named_here[0] if len(named_here) == 1 else (owning[0] if owning else None)
            if target is not None:
                break
        others = [i for i, g in enumerate(ctx.subjects) if g is not group]
        if target is None and len(others) == 1:
            target, k = others[0], ctx.sentence_at(group.mentions[0].start)
        if target is None:
            continue
        s = ctx.sentences[k]
        entry = (group.best.display, role.relation or "relative", s.start, s.end)
        if all(e[0] != entry[0] for e in out.get(target, [])):
            out.setdefault(target, []).append(entry)
    return out


def _kin_relation(ctx: DocContext, group: NameGroup, sentence_ids: list[int]) -> str | None:
    """How a quoted person is related to the subject, from how they speak of the subject.

    A woman who speaks of "her son" / "oğlu" / "сын" is the subject's mother, of
    "her husband" his wife, and so on (lexicon ``[speaker_kin]``).
    """
    table = ctx.lexicon.patterns("speaker_kin")
    female = group.sex == "female"
    counts: dict[str, int] = {}
    for k in sentence_ids:
        text = ctx.sentences[k].text
        for kin, pattern in table.items():
            if pattern is not None and pattern.search(text):
                counts[kin] = counts.get(kin, 0) + 1
    if not counts:
        return None
    kin = max(counts, key=lambda x: counts[x])
    return {
        "child": "mother" if female else "father",
        "spouse_male": "wife",
        "spouse_female": "husband",
        "sibling": "sister" if female else "brother",
        "parent": "daughter" if female else "son",
    }.get(kin)


def speaks_of_kin(ctx: DocContext, group: NameGroup) -> bool:
    """Whether the sentences naming this person speak of their son, husband, brother ..."""
    named = sorted({ctx.sentence_at(m.start) for m in group.mentions})
    return _kin_relation(ctx, group, named) is not None


def _doc_relation_for(ctx: DocContext, group: NameGroup) -> str:
    """The kinship word the report uses most for someone of this person's sex."""
    female_rel = ("mother", "wife", "sister", "daughter")
    male_rel = ("father", "brother", "husband", "son")
    wanted = female_rel if group.sex == "female" else male_rel
    best, count = "relative", 0
    for relation, pattern in ctx.lexicon.patterns("relations").items():
        if relation in wanted and pattern is not None:
            n = len(pattern.findall(ctx.text))
            if n > count:
                best, count = relation, n
    return best


def promote_sources(ctx: DocContext, candidates: list[NameGroup]) -> list[tuple[NameGroup, Role]]:
    """Quoted people and namesakes of a subject who are in fact the subject's relatives."""
    out = []
    for group in candidates:
        if group.best.size < 2:
            continue  # a lone word is too weak a name to list as a relative
        named = sorted({ctx.sentence_at(m.start) for m in group.mentions})
        relation = _kin_relation(ctx, group, named)
        words = [w for m in group.mentions for w in (m.family, m.given) if w]  # either word order
        shares_surname = any(s.family and any(_same_word(w, s.family) for w in words) for s in ctx.subjects)
        if relation is None and shares_surname:
            relation = _doc_relation_for(ctx, group)
        if relation is not None:
            out.append((group, Role("relative", relation)))
    return out


_HER = re.compile(r"[^.;!?\"“”]{0,25}?\b(?:her|she|herself)\b", re.IGNORECASE)


def _her_own_clause(ctx: DocContext, group: NameGroup) -> bool:
    """An English name of unknown sex followed in its clause by "her"/"she" ("X keeps her husband's
    boots by the door") is a woman's, whatever list lacks her given name."""
    if ctx.lang != "en":
        return False
    return any(_HER.match(ctx.text, m.end) for m in group.mentions)


def female_namesakes(ctx: DocContext) -> list[NameGroup]:
    """Women beside a male subject who share his surname or speak of "her son" / "her husband".

    Those recruited are almost always men; such a woman in the same report is,
    in practice, his mother, wife or sister speaking for him, not a further subject.
    """
    out = []
    for g in list(ctx.subjects):
        female = g.sex == "female" or (g.sex is None and _her_own_clause(ctx, g))
        if not female or not any(o.sex != "female" for o in ctx.subjects if o is not g):
            continue
        # either word order: "Mirzəyeva Aynur" (surname first) is parsed as a given name no list knows
        words = [w for m in g.mentions for w in (m.family, m.given) if w]
        namesake = any(o is not g and o.sex != "female" and o.family and any(_same_word(o.family, w) for w in words)
                       for o in ctx.subjects)
        if namesake or speaks_of_kin(ctx, g):
            ctx.subjects.remove(g)
            out.append(g)
    return out


#: the relation of the speaker to a man she (or he) calls son, husband, brother
_INVERSE = {"son": ("mother", "father"), "husband": ("wife", "wife"), "brother": ("sister", "brother")}


def speaker_and_son(ctx: DocContext, found: list[tuple[NameGroup, Role]]) -> list[tuple[NameGroup, Role]]:
    """When only women were taken as subjects and a man is named as "her son/husband/brother",
    the man is the subject and the women speak for him (recruits are, in practice, men)."""
    if any(g.sex != "female" for g in ctx.subjects):
        return found
    # a man named by his given name alone counts when an age is set by it or his sentences tell
    # the war ("Её сыну Тимуру 30 лет ... Тимур позвонил ... отправляют на фронт")
    men = [(g, r) for g, r in found if g.sex != "female" and r.relation in _INVERSE and (
        g.best.size >= 2 or (g.given and (_aged(ctx, g) or _tells_war_events(ctx, g, list(ctx.subjects)))))]
    if not men:
        return found
    man, role = men[0]
    women = list(ctx.subjects)
    if any(_tells_own_war_events(ctx, w, man) for w in women):
        return found  # she is recruited herself ("a nurse made to sign ...; her husband says ...")
    ctx.subjects[:] = [man]
    inverse = _INVERSE[role.relation or "son"]
    rest = [(g, r) for g, r in found if g is not man]
    return rest + [(w, Role("relative", inverse[0] if w.sex == "female" else inverse[1])) for w in women]


_RU_POSSESSIVE = re.compile(r"(?:его|её|ее|их|мой|моя|моего|моей|наш|наша|свой|своя)\s+\S+\s*$", re.IGNORECASE)


def _kin_right_before(ctx: DocContext, start: int) -> str | None:
    """The relation of a kinship word standing right before ``start`` (not after a possessive)."""
    head = ctx.text[max(0, start - 30) : start]
    if _RU_POSSESSIVE.search(head):
        return None
    for relation, p in ctx.lexicon.patterns("relations").items():
        if p is not None and re.search(rf"(?:{p.pattern})\s*$", head, re.IGNORECASE):
            return relation
    return None


def _owner_genitive(ctx: DocContext, m: Mention) -> bool:
    """(ru) "жена Рахманова Севара", "сестра Тимура Нигора": a kinship word, then the subject's
    surname or given name in the genitive (whose wife, whose sister), then the relative's own given
    name; not "его мать Рахманова Гульнора", where the surname after a possessive is her own."""
    words = m.text.split()
    if len(words) < 2 or not words[0].lower().endswith(("а", "я")) or _kin_right_before(ctx, m.start) is None:
        return False
    owner = fold(words[0])[:-1]
    return any(s.sex != "female" and any(part and fold(part) == owner for part in (s.family, s.given))
               for s in ctx.subjects)


def drop_owner_genitive(ctx: DocContext, found: list[tuple[NameGroup, Role]],
                        others: list[NameGroup] = ()) -> list[tuple[NameGroup, Role]]:  # type: ignore[assignment]
    """Relatives named after the subject ("жена Рахманова Севара") keep only their own name; a
    quoted person or unplaced name so introduced is that relative. Returns the relatives."""
    if ctx.lang != "ru":
        return found
    found = list(found)
    for group in others:
        if all(group is not g for g, _ in found) and any(_owner_genitive(ctx, m) for m in group.mentions):
            m = next(m for m in group.mentions if _owner_genitive(ctx, m))
            found.append((group, Role("relative", _kin_right_before(ctx, m.start))))
    for group, _ in found:
        for i, m in enumerate(group.mentions):
            if not _owner_genitive(ctx, m):
                continue
            first = re.match(r"\S+\s+", m.text)
            cut = first.end() if first else 0
            tokens = m.tokens[1:]
            given, family, patronymic, marker, sex = _split_parts(tokens, ctx.lang)
            group.mentions[i] = Mention(m.start + cut, m.end, m.text[cut:], tokens, given, family, patronymic,
                                        marker, sex or m.sex, m.from_ner)
    return found


#: how A is related to B when B is A's <relation>: by A's sex (male, female)
_INVERSE_OF = {"brother": ("brother", "sister"), "sister": ("brother", "sister"), "son": ("father", "mother"),
               "daughter": ("father", "mother"), "father": ("son", "daughter"), "mother": ("son", "daughter"),
               "husband": ("husband", "wife"), "wife": ("husband", "wife")}
_WAR_EVENTS = ("contract", "training", "deployment", "captured", "wounded", "death", "disappearance", "detention")


def _tells_war_events(ctx: DocContext, group: NameGroup, others: list[NameGroup],
                      types: tuple[str, ...] = _WAR_EVENTS) -> bool:
    """Whether a sentence naming this person alone tells a recruitment or war event."""
    other_sentences = {ctx.sentence_at(m.start) for g in others for m in g.mentions}
    hits = ctx.hits("events")
    own = {ctx.sentence_at(m.start) for m in group.mentions} - other_sentences
    return any(k in hits.sentences(etype) for etype in types for k in own)


def _tells_own_war_events(ctx: DocContext, woman: NameGroup, man: NameGroup) -> bool:
    """Whether a sentence naming the woman tells a war event of her own: one that speaks of her
    kin ("жив ли мой сын", "her son was sent") tells his, not hers."""
    kin = [p for p in (*ctx.lexicon.patterns("relations").values(),
                       *ctx.lexicon.patterns("relations_first_person").values()) if p is not None]
    man_sentences = {ctx.sentence_at(m.start) for m in man.mentions}
    hits = ctx.hits("events")
    for m in woman.mentions:
        k = ctx.sentence_at(m.start)
        if k in man_sentences or any(p.search(ctx.sentences[k].text) for p in kin):
            continue
        if any(k in hits.sentences(etype) for etype in _WAR_EVENTS):
            return True
    return False


_FEMALE_KIN = frozenset({"wife", "mother", "sister", "daughter"})


def _aged(ctx: DocContext, group: NameGroup) -> bool:
    """An age or birth year in apposition to one of the mentions: how a report introduces its subject."""
    from soraq.extract.roles import _adjacent_cue

    return any(_adjacent_cue(ctx, m.start, m.end) for m in group.mentions)


def narrator_namesakes(ctx: DocContext, found: list[tuple[NameGroup, Role]]) -> list[tuple[NameGroup, Role]]:
    """A narrator who shares the subject's surname and calls him "my/his brother, son ..." is the
    subject's relative, not a subject ("Kamal ... his younger brother Tunde Babayev is in a
    training camp"): the one introduced by the kinship word is the subject when his sentences tell
    the war events and the narrator's own sentences tell none; the narrator is related to him the
    other way round. Returns the updated list of relatives."""
    from soraq.extract.roles import _relation_near

    candidates = [(g, _relation_near(ctx, m.start, m.end), False) for g in ctx.subjects for m in g.mentions]
    candidates += [(g, (r.relation, r.anchor), True) for g, r in found if r.relation]
    out = list(found)
    for b, rel, was_relative in candidates:
        if rel is None or rel[0] not in _INVERSE_OF or b.best.size < 2:
            continue
        for a in list(ctx.subjects):
            if a is b or not (a.family and _same_word(a.family, b.family)):
                continue
            if was_relative and (b.sex == "female" or rel[0] in _FEMALE_KIN or _her_own_clause(ctx, b)):
                continue  # a woman speaking for a man of her family: recruits are, in practice, men
            if was_relative and len(b.mentions) <= len(a.mentions) and not _aged(ctx, b):
                continue  # the story's person is named more often than the one who tells it,
                # or introduced with his age ("His younger brother, Y, 27, is ...")
            # the one introduced is the migrant: his own sentences may tell only his going abroad
            if _tells_war_events(ctx, a, [b]) or not _tells_war_events(ctx, b, [a], _WAR_EVENTS + ("departure",)):
                continue
            male, female = _INVERSE_OF[rel[0]]
            ctx.subjects[ctx.subjects.index(a)] = b if b not in ctx.subjects else a
            if a in ctx.subjects:
                ctx.subjects.remove(a)
            out = [(g, r) for g, r in out if g is not b]
            out.append((a, Role("relative", female if a.sex == "female" else male)))
    return out


def speaking_namesakes(ctx: DocContext, found: list[tuple[NameGroup, Role]]) -> list[tuple[NameGroup, Role]]:
    """Two subjects of one surname, one of whom speaks ("..., X says" in two paragraphs or more)
    and tells no war event of his own while the other's sentences tell them: the speaker is
    the other's relative (his relation read from how he speaks of him: "his younger brother")."""
    from soraq.extract.roles import _speaker

    out = list(found)
    for a in list(ctx.subjects):
        speaking = sum(_speaker(ctx, m.start, m.end) for m in a.mentions)
        if speaking < 2:
            continue
        others = [b for b in ctx.subjects if b is not a and a.family and b.family and _same_word(a.family, b.family)]
        if len(others) != 1 or not _tells_war_events(ctx, others[0], [a], _WAR_EVENTS + ("departure",)):
            continue
        # what he says ("We want to know if he is alive," A says) tells the other's story, not his
        own = NameGroup([m for m in a.mentions if not _speaker(ctx, m.start, m.end)])
        if _tells_war_events(ctx, own, others):
            continue
        named = sorted({ctx.sentence_at(m.start) for m in a.mentions})
        ctx.subjects.remove(a)
        out.append((a, Role("relative", _kin_relation(ctx, a, named) or _doc_relation_for(ctx, a))))
    return out


def _narrator_cue(ctx: DocContext) -> re.Pattern[str] | None:
    return ctx.lexicon.pattern("names", "narrator_before")


_COUNTERPART = {"father": "mother", "brother": "sister", "husband": "wife", "son": "daughter"}


def _by_narrators_sex(ctx: DocContext, relation: str) -> str:
    """A narrator whose sex no name list tells is a woman when she speaks of "my husband" (a man
    when of "my wife"): her relation takes that sex ("father" -> "mother")."""
    table = ctx.lexicon.patterns("relations_first_person")
    husband, wife = table.get("husband"), table.get("wife")
    female = husband is not None and husband.search(ctx.text) is not None
    male = wife is not None and wife.search(ctx.text) is not None
    # the outlet's own words for the writer: "A mother from Holguín asked us to publish ..."
    she, he = ctx.lexicon.pattern("names", "writer_female"), ctx.lexicon.pattern("names", "writer_male")
    female = female or (she is not None and she.search(ctx.text) is not None)
    male = male or (he is not None and he.search(ctx.text) is not None)
    if female and not male:
        return _COUNTERPART.get(relation, relation)
    if male and not female:
        return {v: k for k, v in _COUNTERPART.items()}.get(relation, relation)
    return relation


def first_person_narrators(ctx: DocContext, groups: list[NameGroup],
                           found: list[tuple[NameGroup, Role]]) -> list[tuple[NameGroup, Role]]:
    """The writer of a tracing request who names herself ("My name is X", "Меня зовут X",
    "Mən, X, ...") is the subject's relative, her relation read from how she speaks of him
    ("my brother" -> sister or brother by her sex); never a subject of the report."""
    cue = _narrator_cue(ctx)
    if cue is None:
        return found
    out = list(found)
    for group in groups:
        known = next((i for i, (g, _) in enumerate(out) if g is group), None)
        if known is not None and out[known][1].relation not in (None, "relative"):
            continue
        narrated = False
        for m in group.mentions:
            head = ctx.text[max(0, m.start - 70) : m.start]
            # "My name is X", or "Mən, Qəbələ rayonunda yaşayan X": the cue, maybe a short apposition
            if any(len(head) - c.end() <= 2 or (len(head[c.end():].split()) <= 5 and not re.search(
                    r"[.!?]", head[c.end():]) and c.group(0).rstrip().endswith(",")) for c in cue.finditer(head)):
                narrated = True
                break
        if not narrated or group.best.size < 2:
            continue
        from soraq.extract.roles import _relation_near

        told = next((r[0] for m in group.mentions if (r := _relation_near(ctx, m.start, m.end))), None)
        # "Я, Айгуль Сыдыкова, мать Медера ...": her own apposition says it; else how she speaks of him
        relation = told or _kin_relation(ctx, group, list(range(len(ctx.sentences))))
        if relation and group.sex is None and not told:
            relation = _by_narrators_sex(ctx, relation)
        if known is not None:
            out[known] = (group, Role("relative", relation or "relative"))
            continue
        if group in ctx.subjects:
            if len(ctx.subjects) == 1:
                continue  # the only one named: the writer is telling her own story
            ctx.subjects.remove(group)
        out.append((group, Role("relative", relation or "relative")))
    return out


#: the narrator's relation to the subject, from the first-person kinship word she calls him by
_NARRATOR_OF = {"son": "parent", "daughter": "parent", "husband": "wife", "wife": "husband",
                "brother": "sibling", "sister": "sibling", "mother": "child", "father": "child"}
#: the subject's relative, from (narrator's relation to the subject, what the narrator calls the person)
_THROUGH = {
    "parent": {"son": "brother", "daughter": "sister", "husband": "father", "wife": "mother"},
    "wife": {"son": "son", "daughter": "daughter", "mother": "in_law", "father": "in_law",
             "brother": "in_law", "sister": "in_law"},
    "husband": {"son": "son", "daughter": "daughter", "mother": "in_law", "father": "in_law",
                "brother": "in_law", "sister": "in_law"},
    "sibling": {"mother": "mother", "father": "father", "brother": "brother", "sister": "sister",
                "husband": "in_law", "wife": "in_law"},
    "child": {"mother": "wife", "brother": "son", "sister": "daughter"},
}


def _first_person_kin(ctx: DocContext, start: int, gap_words: int = 0) -> str | None:
    """The narrator's own kinship word right before a name ("my younger son Daniel", "oğlum Rəvan"),
    or up to ``gap_words`` words before it ("oğlum Azərbaycan vətəndaşı Rəvan")."""
    head = ctx.text[max(0, start - 30 - 25 * gap_words) : start]
    gap = rf"(?:[ \u00a0]+[^\s.;:!?]+){{0,{gap_words}}}" if gap_words else ""
    best: tuple[int, str] | None = None
    for relation, p in ctx.lexicon.patterns("relations_first_person").items():
        if p is None:
            continue
        m = re.search(rf"(?:{p.pattern}){gap}[ \u00a0]*,?[ \u00a0]*$", head, re.IGNORECASE)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), relation)  # the longest phrase ("my younger son" over "son")
    return best[1] if best else None


def through_narrator(ctx: DocContext, groups: list[NameGroup],
                     found: list[tuple[NameGroup, Role]]) -> list[tuple[NameGroup, Role]]:
    """People the narrator names in her own voice, related to the subject through her: in a mother's
    request for "my son X", "my younger son Y" is X's brother and "my husband Z" his father."""
    if len(ctx.subjects) != 1:
        return found
    subject = ctx.subjects[0]
    calls = [_first_person_kin(ctx, m.start, gap_words=3) for m in subject.mentions]
    narrator = next((_NARRATOR_OF[c] for c in calls if c in _NARRATOR_OF), None)
    if narrator is None:
        return found
    out = list(found)
    for group in groups:
        if group is subject:
            continue
        kin = next((k for m in group.mentions if (k := _first_person_kin(ctx, m.start))), None)
        if kin is None:
            continue
        relation = _THROUGH.get(narrator, {}).get(kin, "relative")
        out = [(g, r) for g, r in out if g is not group]
        out.append((group, Role("relative", relation)))
    return out



_THEIR = {"en": r"\btheir\s+(?:\w+\s+)?$", "ru": r"\bих\s+(?:\w+\s+)?$", "az": r"\bonların\s+(?:\w+\s+)?$"}


def shared_kin(ctx: DocContext, relatives: list[tuple[NameGroup, Role]],
               by_subject: dict[int, list[tuple[str, str, int, int]]]) -> dict[int, list[tuple[str, str, int, int]]]:
    """Kin shared by the people of one report. Subjects who share a surname in a report that calls
    them brothers (lexicon ``[relations_shared] siblings``: "братья", "brothers", "qardaşlar") are
    each other's brothers; a relative introduced as "their father" / "их отец" / "onların atası"
    is every subject's."""
    words = ctx.lexicon.pattern("relations_shared", "siblings")
    if len(ctx.subjects) >= 2 and words is not None and words.search(ctx.text):
        for i, a in enumerate(ctx.subjects):
            for j, b in enumerate(ctx.subjects):
                if i != j and a.family and _same_word(a.family, b.family):
                    first = b.mentions[0]
                    k = ctx.sentences[ctx.sentence_at(first.start)]
                    relation = "sister" if b.sex == "female" else "brother"
                    _add(by_subject, i, (b.best.display, relation, k.start, k.end))
    their = _THEIR.get(ctx.lang)
    if their and len(ctx.subjects) >= 2:
        for group, role in relatives:
            if role.anchor is None or not role.relation:
                continue
            if re.search(their, ctx.text[max(0, role.anchor - 25) : role.anchor], re.IGNORECASE):
                k = ctx.sentences[ctx.sentence_at(role.anchor)]
                for i, subject in enumerate(ctx.subjects):
                    if subject is not group:
                        _add(by_subject, i, (group.best.display, role.relation, k.start, k.end))
    return by_subject


def _add(by_subject: dict[int, list[tuple[str, str, int, int]]], i: int, entry: tuple[str, str, int, int]) -> None:
    if all(e[0] != entry[0] for e in by_subject.get(i, [])):
        by_subject.setdefault(i, []).append(entry)


#: the writer's relation to the man she calls "my brother" ... (by the writer's sex: female, male)
_WRITER_OF = {"brother": ("sister", "brother"), "sister": ("sister", "brother"), "son": ("mother", "father"),
              "daughter": ("mother", "father"), "husband": ("wife", "wife"), "father": ("daughter", "son"),
              "mother": ("daughter", "son"), "wife": ("husband", "husband")}


def letter_writers(ctx: DocContext, found: list[tuple[NameGroup, Role]]) -> list[tuple[NameGroup, Role]]:
    """The person who wrote to the outlet ("Redaksiyamıza X müraciət edib", "в редакцию обратилась X",
    "X wrote to us"; lexicon ``[names] requester``) whose published letter calls another subject
    "my brother" / "qardaşım" / "мой сын" is that subject's relative, not a further subject."""
    cue = ctx.lexicon.pattern("names", "requester")
    if cue is None or not ctx.subjects:
        return found
    vague = [g for g, r in found if r.relation in (None, "relative")]
    for writer in list(ctx.subjects) + vague:
        if not any(cue.search(ctx.sentences[ctx.sentence_at(m.start)].text) for m in writer.mentions):
            continue
        for other in ctx.subjects:
            if other is writer:
                continue
            kin = next((r for m in other.mentions if (r := _first_person_kin(ctx, m.start))), None)
            if kin in _WRITER_OF:
                female, male = _WRITER_OF[kin]
                relation = male if writer.sex == "male" else female
                if writer in ctx.subjects:
                    ctx.subjects.remove(writer)
                found = [(g, r) for g, r in found if g is not writer] + [(writer, Role("relative", relation))]
                break
    return found
