"""Score one pair of mentions with the Fellegi-Sunter model."""

from __future__ import annotations

from soraq.link import model
from soraq.link.compare.prepare import prepare
from soraq.link.mention import Mention
from soraq.link.results import Decision, PairScore, Reason


def decide(probability: float) -> Decision:
    """Merge, review or apart, by the model's thresholds."""
    if probability >= model.MERGE_THRESHOLD:
        return "merge"
    if probability >= model.REVIEW_THRESHOLD:
        return "review"
    return "apart"


def levels(a: Mention, b: Mention) -> dict[str, str]:
    """The level each comparison picks for a pair (missing comparisons left out)."""
    pa, pb = prepare(a), prepare(b)
    out = {}
    for comp in model.COMPARISONS:
        outcome = comp.function(pa, pb)
        if outcome is not None:
            out[comp.name] = outcome.level
    return out


def score_pair(a: Mention, b: Mention) -> PairScore:
    """Prior plus the weight of each comparison's level; reasons say what each saw."""
    pa, pb = prepare(a), prepare(b)
    prior = model.prior_weight()
    total = prior
    reasons = [Reason("prior", prior, f"prior: one registry person in ~{round(1 / model.PRIOR):,}")]
    contradiction = False
    for comp in model.COMPARISONS:
        outcome = comp.function(pa, pb)
        if outcome is None:
            continue
        level = comp.levels[outcome.level]
        total += level.weight
        contradiction = contradiction or level.veto
        reasons.append(Reason(comp.name, level.weight, outcome.text))
    p = model.probability(total)
    return PairScore(a.mention_id, b.mention_id, p, total, reasons, decide(p), contradiction)
