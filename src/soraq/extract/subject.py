"""Assembling one subject's :class:`~soraq.report.Person` from the per-field finders.

Every field found carries evidence: the character span of the supporting
phrase or sentence, so the registry can show where it came from.
"""

from __future__ import annotations

import re

from soraq.extract import attribution, coercion, countries, events, facts, places, status
from soraq.extract.context import DocContext
from soraq.extract.dates import DateMention
from soraq.extract.names import NameGroup
from soraq.extract.name_lists import fold
from soraq.report import Coercion, Event, EventType, Evidence, Person, Relation, Relative, Sex, Status


def _sex(ctx: DocContext, group: NameGroup, sentence_ids: list[int]) -> str:
    """Patronymic marker, surname ending or given name first; then pronouns; else male.

    Men are the overwhelming majority of those recruited, so a subject with no
    sign of sex is taken to be a man.
    """
    female = ctx.lexicon.pattern("names", "female_pronouns")
    male = ctx.lexicon.pattern("names", "male_pronouns")
    f = sum(1 for k in sentence_ids if female is not None and female.search(ctx.sentences[k].text))
    m = sum(1 for k in sentence_ids if male is not None and male.search(ctx.sentences[k].text))
    if group.sex:
        if _sex_from_name_list_only(group):
            # "Hari Prasad X ... he ... his ... he": the report's pronouns outvote a list of given names
            if group.sex == "female" and m >= 3 and m >= 3 * f:
                return "male"
            if group.sex == "male" and f >= 3 and f >= 3 * m:
                return "female"
        return group.sex
    return "female" if f > m + 1 else "male"


_AZ_ONLY_SURNAME = re.compile(r"(?:l[ıiuü]|zadə)$")


def _azerbaijani_name(ctx: DocContext, group: NameGroup) -> bool:
    """In the Azerbaijani press, a person whose name has the Azerbaijani patronymic marker ("oğlu",
    "qızı") or a surname only Azerbaijani names end with ("-li", "-zadə"; "-ov" is shared with
    Central Asia) is an Azerbaijani citizen when the report states no other citizenship."""
    if ctx.lang != "az":
        return False
    for m in group.mentions:
        if m.marker and m.marker.lower().startswith(("oğl", "qız")):
            return True
        if m.family and _AZ_ONLY_SURNAME.search(m.family.lower()) and m.family[:1].isupper():
            return True
    return False


#: relatives who, in practice, share the subject's home ("his mother, who lives in X village")
_HOUSEHOLD = frozenset({"mother", "father", "wife", "husband", "parent"})


def _family_home(ctx: DocContext, rels: list[tuple[str, str, int, int]],
                 exclude: set[str]) -> tuple[str, int, int] | None:
    """Where the subject's mother, father or wife lives, when the report gives no home of his own:
    the family home ("X xanım Y kəndində yaşayır", "his mother in Z district")."""
    names = {name for name, relation, _, _ in rels if relation in _HOUSEHOLD}
    ids = {ctx.sentence_at(start) for _, relation, start, _ in rels if relation in _HOUSEHOLD}
    for group in ctx.others:  # every sentence naming that relative, not only the kinship one
        if group.best.display in names:
            ids |= {ctx.sentence_at(m.start) for m in group.mentions}
    return places.home(ctx, sorted(ids), exclude) if ids else None


def _sex_from_name_list_only(group: NameGroup) -> bool:
    """No patronymic, marker or sexed surname ending says the sex: only a given-name list did."""
    from soraq.extract.name_lists import surname_sex

    return not any(x.patronymic or x.marker or (x.family and surname_sex(x.family)) or x.after_kin
                   for x in group.mentions)


def build_person(ctx: DocContext, index: int, owners: list[list[int]], dates: list[DateMention],
                 relatives_by_subject: dict[int, list[tuple[str, str, int, int]]]) -> Person:
    group = ctx.subjects[index]
    best = group.best
    named = attribution.named_in(ctx, index)
    own = attribution.sentences_of(ctx, owners, index)
    anchors = [m.start for m in group.mentions]
    evidence = [Evidence(field="name", start=best.start, end=best.end)]
    person = Person(name=best.display, given_name=group.given, family_name=group.family,
                    patronymic=group.patronymic, sex=Sex(_sex(ctx, group, own)))
    birth_spans: list[tuple[int, int]] = []
    by = facts.birth_year(ctx, named, own, anchors)
    age = facts.age(ctx, named, own, anchors)
    if by is not None:
        person.birth_year = int(by.value)
        evidence.append(Evidence(field="birth_year", start=by.start, end=by.end))
        birth_spans.append((by.start, by.end))
    if age is not None:
        person.age = int(age.value)
        evidence.append(Evidence(field="age", start=age.start, end=age.end))
        year = facts.reference_year(ctx)
        if by is None and year:
            person.birth_year = year - person.age
            evidence.append(Evidence(field="birth_year", start=age.start, end=age.end))
    cit = facts.citizenship(ctx, named, own, anchors, [m.end for m in group.mentions])
    if cit is not None:
        person.citizenship = str(cit.value)
        evidence.append(Evidence(field="citizenship", start=cit.start, end=cit.end))
    own_or_named = own or named
    name_words = {fold(w) for m in group.mentions for w in m.tokens}
    home_ids = named + [k for k in own if k not in named]
    home_exclude = set(name_words)
    home = places.home(ctx, home_ids, home_exclude)
    for _ in range(3):  # a Russian town is where he was abroad, never his home: look further
        if not home or not countries.in_russia(home[0].split(",")[0]):
            break
        home_exclude |= {home[0].split(",")[0].strip().lower()}
        home = places.home(ctx, home_ids, home_exclude)
    if not home:
        home = _family_home(ctx, relatives_by_subject.get(index, []), home_exclude)
    if home:
        person.home = home[0]
        evidence.append(Evidence(field="home", start=home[1], end=home[2]))
    if person.citizenship is None and person.home:
        code = countries.country_of_home(person.home)
        if code:  # the dev set's convention: a resident of an Azerbaijani district is an Azerbaijani citizen
            person.citizenship = code
            evidence.append(Evidence(field="citizenship", start=home[1], end=home[2]))
    if person.citizenship is None and _azerbaijani_name(ctx, group):
        person.citizenship = "AZ"
        evidence.append(Evidence(field="citizenship", start=best.start, end=best.end))
    exclude = name_words | ({fold(person.home)} if person.home else set())
    if person.citizenship:  # a city of his own country is home, not abroad ("travelled to Kathmandu")
        exclude |= countries.home_country_places(person.citizenship)
    abroad = places.location_abroad(ctx, own_or_named, {w.lower() for w in ctx.lexicon.words("location_abroad", "not_abroad")} | exclude)
    country = {w.lower() for w in ctx.lexicon.words("location_abroad", "country")}
    if abroad is None or abroad[0].lower() in country:
        # "Russia" in the cue phrase, "building work in Ryazan" elsewhere: the town says more
        abroad = places.russian_town(ctx, sorted(own_or_named), exclude) or abroad
    if abroad:
        person.location_abroad = abroad[0]
        evidence.append(Evidence(field="location_abroad", start=abroad[1], end=abroad[2]))
    occ = places.occupation(ctx, own_or_named)
    if occ:
        person.occupation = occ[0]
        evidence.append(Evidence(field="occupation", start=occ[1], end=occ[2]))
    found = events.find_events(ctx, own_or_named, dates, birth_spans, index)
    methods = coercion.find_coercion(ctx, own_or_named)
    found = events.threat_from_coercion(ctx, found, methods, dates)
    person.events = [Event(type=EventType(e.type), date=e.date, place=events.place_of(ctx, e, person.location_abroad))
                     for e in found]
    for i, e in enumerate(found):
        evidence.append(Evidence(field=f"events[{i}]", start=e.start, end=e.end))
    st, st_k = status.decide(ctx, [e.type for e in found], own_or_named, index)
    person.status = Status(st)
    if st_k is not None:
        s = ctx.sentences[st_k]
        evidence.append(Evidence(field="status", start=s.start, end=s.end))
    person.coercion = [Coercion(m) for m, _ in methods]
    for i, (_, k) in enumerate(methods):
        s = ctx.sentences[k]
        evidence.append(Evidence(field=f"coercion[{i}]", start=s.start, end=s.end))
    rels = relatives_by_subject.get(index, [])
    person.relatives = [Relative(name=name, relation=Relation(relation)) for name, relation, _, _ in rels]
    for i, (_, _, start, end) in enumerate(rels):
        evidence.append(Evidence(field=f"relatives[{i}]", start=start, end=end))
    person.evidence = evidence
    return person
