"""Assembling one subject's :class:`~soraq.report.Person` from the per-field finders."""

from __future__ import annotations

from soraq.extract import attribution, facts
from soraq.extract.context import DocContext
from soraq.extract.names import NameGroup
from soraq.extract.roles import Role
from soraq.report import Evidence, Person


def _sex(ctx: DocContext, group: NameGroup) -> str | None:
    """From the patronymic marker, surname ending or given name; else the domain prior (men)."""
    return group.sex or "male"


def build_person(ctx: DocContext, index: int, owners: list[list[int]],
                 relatives_found: list[tuple[NameGroup, Role]]) -> Person:
    group = ctx.subjects[index]
    best = group.best
    named = attribution.named_in(ctx, index)
    own = attribution.sentences_of(ctx, owners, index)
    anchors = [m.start for m in group.mentions]
    evidence = [Evidence(field="name", start=best.start, end=best.end)]
    person = Person(name=best.display, given_name=group.given, family_name=group.family,
                    patronymic=group.patronymic, sex=_sex(ctx, group))
    by = facts.birth_year(ctx, named, own, anchors)
    age = facts.age(ctx, named, own, anchors)
    if by is not None:
        person.birth_year = int(by.value)  # type: ignore[arg-type]
        evidence.append(Evidence(field="birth_year", start=by.start, end=by.end))
    if age is not None:
        person.age = int(age.value)  # type: ignore[arg-type]
        evidence.append(Evidence(field="age", start=age.start, end=age.end))
        year = facts.reference_year(ctx)
        if by is None and year:
            person.birth_year = year - person.age
            evidence.append(Evidence(field="birth_year", start=age.start, end=age.end))
    cit = facts.citizenship(ctx, named, own, anchors)
    if cit is not None:
        person.citizenship = str(cit.value)
        evidence.append(Evidence(field="citizenship", start=cit.start, end=cit.end))
    person.evidence = evidence
    return person
