"""Score one pair of mentions with the Fellegi-Sunter model."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from soraq.link import model
from soraq.link.compare.base import Outcome
from soraq.link.compare.prepare import prepare
from soraq.link.mention import Mention
from soraq.link.results import Decision, PairScore, Reason

if TYPE_CHECKING:
    from soraq.link.frequency import NameFrequencies


def decide(probability: float) -> Decision:
    """Merge, review or apart, by the model's thresholds."""
    if probability >= model.MERGE_THRESHOLD:
        return "merge"
    if probability >= model.REVIEW_THRESHOLD:
        return "review"
    return "apart"


def outcomes(a: Mention, b: Mention) -> list[Outcome | None]:
    """Each comparison's outcome for a pair, in model order (None: not comparable)."""
    pa, pb = prepare(a), prepare(b)
    return [comp.function(pa, pb) for comp in model.COMPARISONS]


def levels(a: Mention, b: Mention) -> dict[str, str]:
    """The level each comparison picks for a pair (missing comparisons left out)."""
    return {c.name: o.level for c, o in zip(model.COMPARISONS, outcomes(a, b)) if o is not None}


def _prior_reason() -> Reason:
    return Reason("prior", model.prior_weight(), f"prior: one registry person in ~{round(1 / model.PRIOR):,}")


@lru_cache(maxsize=1024)
def level_reason(comparison: str, level: str) -> Reason:
    """A shared, short reason naming only the level (for pairs nobody reads in full)."""
    comp = next(c for c in model.COMPARISONS if c.name == comparison)
    return Reason(comparison, comp.levels[level].weight, f"{comparison}: {level}")


def pair_from_levels(
    a_id: str,
    b_id: str,
    labels: list[str | None],
    full: list[Outcome | None] | None = None,
    adjust: tuple[float, str | None] = (0.0, None),
    value_adjust: tuple[float, str | None] = (0.0, None),
) -> PairScore:
    """A PairScore from the level each comparison picked; reasons in words when ``full`` is given.

    ``adjust`` is the name-frequency adjustment (bits, reason) of :mod:`soraq.link.frequency`,
    ``value_adjust`` that of agreeing birth years and places (:mod:`soraq.link.value_frequency`).
    """
    if full is None:
        total, contradiction, shared = _from_labels(tuple(labels))
        reasons = list(shared)
    else:
        total = model.prior_weight()
        contradiction = False
        reasons = [_prior_reason()]
        for k, (comp, label) in enumerate(zip(model.COMPARISONS, labels)):
            if not label:
                continue
            level = comp.levels[label]
            total += level.weight
            contradiction = contradiction or level.veto
            if full[k] is not None:
                reasons.append(Reason(comp.name, level.weight, full[k].text))  # type: ignore[union-attr]
            else:
                reasons.append(level_reason(comp.name, label))
    for feature, (bits, text) in (("name_frequency", adjust), ("value_frequency", value_adjust)):
        if text is not None:
            total += bits
            reasons.append(Reason(feature, bits, text))
    p = model.probability(total)
    return PairScore(a_id, b_id, p, total, reasons, decide(p), contradiction)


@lru_cache(maxsize=100_000)
def _from_labels(labels: tuple[str | None, ...]) -> tuple[float, bool, tuple[Reason, ...]]:
    """(weight, contradiction, reasons naming the levels) of one combination of levels."""
    total = model.prior_weight()
    contradiction = False
    reasons = [level_reason_prior()]
    for comp, label in zip(model.COMPARISONS, labels):
        if not label:
            continue
        level = comp.levels[label]
        total += level.weight
        contradiction = contradiction or level.veto
        reasons.append(level_reason(comp.name, label))
    return total, contradiction, tuple(reasons)


@lru_cache(maxsize=1)
def level_reason_prior() -> Reason:
    return _prior_reason()


def score_pair(a: Mention, b: Mention) -> PairScore:
    """Prior plus the weight of each comparison's level; reasons say what each saw."""
    outs = outcomes(a, b)
    return pair_from_levels(a.mention_id, b.mention_id, [o.level if o else None for o in outs], outs)


def score_pair_fast(a: Mention, b: Mention, frequencies: "NameFrequencies | None" = None) -> PairScore:
    """As :func:`score_pair`, with reasons in words only for pairs in the merge or review band.

    With ``frequencies`` (the data's name counts) the name weight is adjusted for the name's
    frequency, as in batch linking.
    """
    outs = outcomes(a, b)
    labels = [o.level if o else None for o in outs]
    adjust = frequencies.for_pair(a, b, labels[_NAME]) if frequencies is not None else (0.0, None)
    values = value_adjustment(a, b, labels, frequencies)
    quick = pair_from_levels(a.mention_id, b.mention_id, labels, adjust=adjust, value_adjust=values)
    if quick.decision == "apart":
        return quick
    return pair_from_levels(a.mention_id, b.mention_id, labels, outs, adjust=adjust, value_adjust=values)


def value_adjustment(
    a: Mention, b: Mention, labels: list[str | None], frequencies: "NameFrequencies | None"
) -> tuple[float, str | None]:
    """The birth-year and place frequency adjustment of one pair (0, None without data)."""
    if frequencies is None or frequencies.values is None:
        return 0.0, None
    named = {c.name: label for c, label in zip(model.COMPARISONS, labels)}
    return frequencies.values.for_pair(a, b, named)


_NAME = next(k for k, c in enumerate(model.COMPARISONS) if c.name == "name")
