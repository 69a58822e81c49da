"""One mention of a person in one report: what linking compares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from soraq.report import Person, Report, mention_id


@dataclass(slots=True)
class Mention:
    """A person as one report describes them (``mention_id`` = "DOC_ID#N").

    ``relatives`` are (relation, name) pairs. ``status`` is the person's situation as of
    ``published`` (an extra beyond the core API, used as weak evidence). ``birth_year`` may
    have been derived from ``age`` and ``published``; then it is only right within a year.
    """

    mention_id: str
    name: str
    given_name: str | None = None
    family_name: str | None = None
    patronymic: str | None = None
    sex: str | None = None
    birth_year: int | None = None
    age: int | None = None
    citizenship: str | None = None
    home: str | None = None
    location_abroad: str | None = None
    occupation: str | None = None
    published: str | None = None
    lang: str | None = None
    relatives: list[tuple[str, str]] = field(default_factory=list)
    status: str | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def birth_year_from_age(self) -> bool:
        """True when the birth year is (or may be) publication year minus a stated age."""
        return self.age is not None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able fields (no cache)."""
        return {f: getattr(self, f) for f in self.__dataclass_fields__ if not f.startswith("_")}


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


def mention_from_person(report: Report, index: int) -> Mention:
    """The mention of ``report.persons[index]``; a missing birth year is derived from age."""
    person: Person = report.persons[index]
    birth_year = person.birth_year
    if birth_year is None and person.age is not None and report.published:
        birth_year = int(report.published[:4]) - person.age
    return Mention(
        mention_id=mention_id(report.doc_id, index),
        name=person.name,
        given_name=person.given_name,
        family_name=person.family_name,
        patronymic=person.patronymic,
        sex=_value(person.sex),
        birth_year=birth_year,
        age=person.age,
        citizenship=person.citizenship,
        home=person.home,
        location_abroad=person.location_abroad,
        occupation=person.occupation,
        published=report.published,
        lang=report.lang,
        relatives=[(_value(r.relation), r.name) for r in person.relatives],
        status=_value(person.status),
    )


def mentions_from_report(report: Report) -> list[Mention]:
    """Every person of a report as a mention."""
    return [mention_from_person(report, i) for i in range(len(report.persons))]
