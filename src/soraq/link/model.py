"""The Fellegi-Sunter model, as data: comparisons, their levels, m and u probabilities, prior.

Why these numbers (the full rationale is in docs/linking.md; nothing here is fitted to the
development gold):

* ``m`` = P(level | same person): how often two reports about ONE person show this level.
  Reports are restated by journalists in three scripts, so names agree up to transliteration
  in most reports (m=0.80 exact after folding, 0.12 as a transliteration variant, 0.05 with a
  typo); a birth year is misreported or derived from an age in ~15% of reports; a home place
  is named at different precision (village vs district vs region) in ~25%.
* ``u`` = P(level | different people): chance agreement, from name and value frequencies.
  Azerbaijani and Central Asian naming is concentrated (the ten commonest surnames cover
  about a third of men, a common given name 1-3%), so two different men of one nationality
  share given name AND surname with a probability of the order of 1e-4..1e-3 (sum of squared
  frequencies); a birth year coincides with ~3% (migrant soldiers span ~35 birth years); a
  district with ~3% (some 70 districts, unevenly populated); citizenship with ~30% (a few
  countries dominate this registry).
* prior ``λ`` = P(two random mentions are one person) ≈ 1 / (number of distinct persons in
  a registry); we assume a registry of the order of 5,000 persons: λ = 2e-4.

Levels marked ``veto`` are contradictions: clustering never joins two groups where a pair
across them shows one (unless the pair's total evidence still clears the merge threshold).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from soraq.link.compare import facts, family, names, places
from soraq.link.compare.base import Outcome
from soraq.link.compare.prepare import Prepared


@dataclass(frozen=True)
class Level:
    """One level of a comparison: P(level | match) and P(level | non-match)."""

    m: float
    u: float
    veto: bool = False
    weight: float = field(init=False)

    def __post_init__(self) -> None:
        if not (0 < self.m <= 1 and 0 < self.u <= 1):
            raise ValueError(f"m and u must be probabilities in (0, 1]: {self}")
        object.__setattr__(self, "weight", math.log2(self.m / self.u))  # log2 Bayes factor


@dataclass(frozen=True)
class Comparison:
    """A named comparison: the function that picks a level, and the levels' probabilities."""

    name: str
    function: Callable[[Prepared, Prepared], Outcome | None]
    levels: dict[str, Level]


PRIOR: float = 2e-4
#: probability at or above which a pair is merged; between REVIEW and MERGE it goes to review
MERGE_THRESHOLD: float = 0.9
REVIEW_THRESHOLD: float = 0.5

COMPARISONS: tuple[Comparison, ...] = (
    Comparison(
        "name",
        names.name_words,
        {
            "exact": Level(0.80, 2e-4),
            "transliteration": Level(0.12, 2e-4),
            "fuzzy": Level(0.05, 1e-3),
            "one_word": Level(0.02, 5e-3),
            "partial": Level(0.02, 0.05),
            "different": Level(0.01, 0.94),
        },
    ),
    Comparison(
        "patronymic",
        names.patronymic,
        {
            "agree": Level(0.90, 0.05),
            "close": Level(0.05, 0.02),
            "disagree": Level(0.05, 0.93, veto=True),
        },
    ),
    Comparison(
        "birth_year",
        facts.birth_year,
        {
            "same": Level(0.85, 0.03),
            "close": Level(0.10, 0.06),
            "near": Level(0.03, 0.06),
            "far": Level(0.02, 0.85, veto=True),
            "age_same": Level(0.50, 0.10),
            "age_differs": Level(0.50, 0.60),
        },
    ),
    Comparison(
        "sex",
        facts.sex,
        {"same": Level(0.99, 0.70), "different": Level(0.01, 0.30, veto=True)},
    ),
    Comparison(
        "citizenship",
        facts.citizenship,
        {"same": Level(0.97, 0.30), "different": Level(0.03, 0.70, veto=True)},
    ),
    Comparison(
        "home",
        places.home,
        {"same": Level(0.75, 0.03), "different": Level(0.10, 0.97, veto=True)},
    ),
    Comparison(
        "location_abroad",
        places.location_abroad,
        {"same": Level(0.60, 0.08), "different": Level(0.25, 0.92)},
    ),
    Comparison(
        "relatives",
        family.relatives,
        {
            "same": Level(0.35, 5e-4),
            "same_given": Level(0.55, 0.02),
            "related": Level(0.20, 0.03),
            "different": Level(0.05, 0.95, veto=True),
        },
    ),
    Comparison(
        "status",
        facts.status,
        {"same": Level(0.60, 0.25), "different": Level(0.40, 0.75)},
    ),
)


def _check(comparisons: tuple[Comparison, ...]) -> None:
    """Level weights must be distinct within a comparison (Splink results are mapped back by weight)."""
    for comp in comparisons:
        weights = [round(level.weight, 6) for level in comp.levels.values()]
        if len(set(weights)) != len(weights) or 0.0 in weights:
            raise ValueError(f"comparison {comp.name}: level weights must be distinct and non-zero")


_check(COMPARISONS)


def prior_weight(prior: float = PRIOR) -> float:
    """Log2 prior odds."""
    return math.log2(prior / (1 - prior))


def probability(weight: float) -> float:
    """Match probability from a match weight (log2 posterior odds)."""
    if weight > 60:
        return 1.0
    if weight < -60:
        return 0.0
    odds = 2.0**weight
    return odds / (1 + odds)


def weight_for(probability_: float) -> float:
    """Match weight at which a pair reaches this probability."""
    return math.log2(probability_ / (1 - probability_))
