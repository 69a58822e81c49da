"""The report contract: what extraction produces from one document.

These models are the code form of ``shared/spec/report-format.md``. The same
models serve the CLI (``soraq extract`` writes them), linking (which reads
them), the registry (which stores them) and the REST API (which returns them),
so that there is one definition of a report in the whole project.

Serialisation rule: :meth:`Report.to_json` gives exactly the JSON of the spec:
every documented field is present (``null`` when unknown), and the optional
extras (``key``, ``text``, ``source``, ``evidence``) are left out when empty.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_serializer

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)

PartialDate = Annotated[
    str,
    Field(
        pattern=PARTIAL_DATE_PATTERN,
        description="ISO date at the precision the text gives: 2026, 2026-01 or 2026-01-15",
    ),
]
CountryCode = Annotated[
    str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code")
]


class Status(StrEnum):
    """A person's situation as of the publication date."""

    DETAINED = "detained"
    IN_UNIT = "in_unit"
    AT_FRONT = "at_front"
    MISSING = "missing"
    CAPTURED = "captured"
    WOUNDED = "wounded"
    KILLED = "killed"
    RETURNED = "returned"
    UNKNOWN = "unknown"


class EventType(StrEnum):
    """What happened to a person, in the spec's vocabulary."""

    DEPARTURE = "departure"
    DOCUMENTS_LAPSED = "documents_lapsed"
    DETENTION = "detention"
    THREAT = "threat"
    TORTURE = "torture"
    COURT_HEARING = "court_hearing"
    CONTRACT = "contract"
    TRAINING = "training"
    DEPLOYMENT = "deployment"
    CONTACT = "contact"
    CAPTURED = "captured"
    WOUNDED = "wounded"
    DEATH = "death"
    RETURN = "return"
    APPEAL = "appeal"
    DISAPPEARANCE = "disappearance"


class Coercion(StrEnum):
    """Methods used to force or trick a person into the war."""

    DOCUMENT_PRETEXT = "document_pretext"
    THREAT_OF_PRISON = "threat_of_prison"
    FABRICATED_CHARGES = "fabricated_charges"
    THREAT_OF_DEPORTATION = "threat_of_deportation"
    THREAT_OF_DEATH = "threat_of_death"
    TORTURE = "torture"
    DECEPTION = "deception"
    BLANK_DOCUMENTS = "blank_documents"
    BOUNTY = "bounty"
    DEBT = "debt"
    PASSPORT_CONFISCATION = "passport_confiscation"
    INDUCEMENT = "inducement"


class Relation(StrEnum):
    """How a relative named in a report is related to its subject."""

    MOTHER = "mother"
    FATHER = "father"
    BROTHER = "brother"
    SISTER = "sister"
    WIFE = "wife"
    HUSBAND = "husband"
    SON = "son"
    DAUGHTER = "daughter"
    IN_LAW = "in_law"
    RELATIVE = "relative"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class _ContractModel(BaseModel):
    """Base for contract models: enum values as strings, optional extras omitted when empty."""

    model_config = ConfigDict(use_enum_values=True, validate_assignment=True, extra="ignore")

    #: fields left out of the JSON when they are None or empty (not part of the core contract)
    _omit_when_empty: tuple[str, ...] = ()

    @model_serializer(mode="wrap")
    def _drop_empty_extras(self, handler: Any) -> dict[str, Any]:
        data = handler(self)
        for name in self._omit_when_empty:
            if name in data and data[name] in (None, [], {}):
                del data[name]
        return data


class Evidence(_ContractModel):
    """Character offsets in the document text that support one field.

    ``field`` names a scalar field (``"birth_year"``), the name (``"name"``),
    or an item of a list by index: ``"events[2]"``, ``"relatives[0]"``,
    ``"coercion[1]"``.
    """

    field: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(_ContractModel):
    type: EventType
    date: PartialDate | None = None
    place: str | None = None


class Relative(_ContractModel):
    name: str
    relation: Relation


class Figure(_ContractModel):
    """An aggregate number the report states ("20 Azerbaijani citizens")."""

    citizenship: CountryCode | None = None
    number: int = Field(ge=0)
    what: str | None = None


class Person(_ContractModel):
    """A subject of the report: never a relative, official or journalist."""

    _omit_when_empty = ("key", "evidence")

    key: str | None = Field(default=None, description="gold only: shared by all mentions of one real person")
    name: str = Field(min_length=1)
    given_name: str | None = None
    family_name: str | None = None
    patronymic: str | None = None
    sex: Sex | None = None
    birth_year: int | None = Field(default=None, ge=1900, le=2030)
    age: int | None = Field(default=None, ge=0, le=120)
    citizenship: CountryCode | None = None
    home: str | None = None
    occupation: str | None = None
    location_abroad: str | None = None
    status: Status | None = None
    events: list[Event] = Field(default_factory=list)
    coercion: list[Coercion] = Field(default_factory=list)
    relatives: list[Relative] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Report(_ContractModel):
    """What extraction produces from one document."""

    _omit_when_empty = ("text", "source")

    doc_id: str = Field(min_length=1)
    lang: str = Field(pattern=r"^[a-z]{2}$")
    published: PartialDate | None = None
    relevant: bool
    text: str | None = None
    source: dict[str, Any] | None = None
    figures: list[Figure] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)

    def to_json(self, **kwargs: Any) -> str:
        """The report as one line of JSON, exactly in the spec's shape."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, **kwargs)

    @classmethod
    def from_json(cls, line: str | bytes) -> "Report":
        return cls.model_validate_json(line)

    def mention_ids(self) -> list[str]:
        """The ids of this report's person mentions: ``DOC_ID#N``."""
        return [mention_id(self.doc_id, i) for i in range(len(self.persons))]


def mention_id(doc_id: str, index: int) -> str:
    """The spec's name for the N-th person of a document."""
    return f"{doc_id}#{index}"


def is_partial_date(value: str) -> bool:
    return bool(_PARTIAL_DATE.match(value))


def date_precision(value: str) -> str:
    """``year``, ``month`` or ``day``: how much of a partial date is known."""
    if not is_partial_date(value):
        raise ValueError(f"not a partial ISO date: {value!r}")
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def json_schema() -> dict[str, Any]:
    """The project's JSON Schema for a report, generated from the models."""
    return Report.model_json_schema(mode="serialization")


if __name__ == "__main__":  # python -m soraq.report > schema/report.schema.json
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
