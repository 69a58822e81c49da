"""The results linking returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Decision = Literal["merge", "review", "apart"]


@dataclass(frozen=True)
class Reason:
    """One piece of evidence: the comparison, its log2 Bayes factor, and what it saw."""

    feature: str
    weight: float
    text: str


@dataclass(slots=True)
class PairScore:
    """The model's verdict on one pair of mentions."""

    a_id: str
    b_id: str
    probability: float
    match_weight: float
    reasons: list[Reason] = field(default_factory=list)
    decision: Decision = "apart"
    contradiction: bool = False

    def to_dict(self) -> dict:
        return {
            "a": self.a_id,
            "b": self.b_id,
            "probability": round(self.probability, 6),
            "match_weight": round(self.match_weight, 3),
            "decision": self.decision,
            "contradiction": self.contradiction,
            "reasons": [{"feature": r.feature, "weight": round(r.weight, 3), "text": r.text} for r in self.reasons],
        }


@dataclass(frozen=True)
class HumanDecision:
    """A reviewer's verdict on a pair; it always wins over the model."""

    a_id: str
    b_id: str
    same: bool


@dataclass
class LinkResult:
    """Clusters (every mention in exactly one) and the scored candidate pairs."""

    clusters: list[list[str]]
    pairs: list[PairScore]
