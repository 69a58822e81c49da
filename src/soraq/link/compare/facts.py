"""Comparisons of personal facts: birth year (or age), sex, citizenship, status."""

from __future__ import annotations

from soraq.link.compare.base import Outcome
from soraq.link.compare.prepare import Prepared

#: statuses that, once reached, a later report cannot contradict with an earlier stage
_FINAL = {"killed"}


def birth_year(a: Prepared, b: Prepared) -> Outcome | None:
    """Birth years agree within the error of an age-derived year; three or more years apart are two people."""
    ma, mb = a.mention, b.mention
    if ma.birth_year is None or mb.birth_year is None:
        return _age_only(a, b)
    tol = 1 if (ma.age is not None or mb.age is not None) else 0
    diff = abs(ma.birth_year - mb.birth_year)
    if diff <= tol:
        return Outcome("same", "same birth year: {} ~ {}", (ma.birth_year, mb.birth_year))
    if diff <= tol + 1:
        return Outcome("close", "birth years one year off: {} vs {}", (ma.birth_year, mb.birth_year))
    if diff <= 2:
        return Outcome("near", "birth years two years apart: {} vs {}", (ma.birth_year, mb.birth_year))
    return Outcome("far", "birth years {} years apart: {} vs {}", (diff, ma.birth_year, mb.birth_year))


def _age_only(a: Prepared, b: Prepared) -> Outcome | None:
    """Ages without publication dates: alike ages are weak support, reports may be years apart."""
    ma, mb = a.mention, b.mention
    if ma.age is None or mb.age is None:
        return None
    diff = abs(ma.age - mb.age)
    if diff <= 1:
        return Outcome("age_same", "same stated age (report dates unknown): {} ~ {}", (ma.age, mb.age))
    if diff >= 6:
        return Outcome("far", "stated ages {} years apart: {} vs {}", (diff, ma.age, mb.age))
    return Outcome("age_differs", "stated ages differ (report dates unknown): {} vs {}", (ma.age, mb.age))


def sex(a: Prepared, b: Prepared) -> Outcome | None:
    """A man and a woman are two people."""
    sa, sb = a.mention.sex, b.mention.sex
    if not sa or not sb:
        return None
    if sa == sb:
        return Outcome("same", "same sex: {}", (sa,))
    return Outcome("different", "different sex: {} vs {}", (sa, sb))


def citizenship(a: Prepared, b: Prepared) -> Outcome | None:
    """Citizenship agrees for one person (dual citizens are rare among these migrants)."""
    ca, cb = a.mention.citizenship, b.mention.citizenship
    if not ca or not cb:
        return None
    if ca == cb:
        return Outcome("same", "same citizenship: {}", (ca,))
    return Outcome("different", "different citizenship: {} vs {}", (ca, cb))


def status(a: Prepared, b: Prepared) -> Outcome | None:
    """The same situation reported (missing, captured, killed...) is weak support; situations change over time."""
    sa, sb = a.mention.status, b.mention.status
    if not sa or not sb or "unknown" in (sa, sb):
        return None
    if sa == sb:
        return Outcome("same", "same situation reported: {}", (sa,))
    return Outcome("different", "different situations reported: {} vs {}", (sa, sb))
