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
        return Outcome("same", f"same birth year: {ma.birth_year} ~ {mb.birth_year}")
    if diff <= tol + 1:
        return Outcome("close", f"birth years one year off: {ma.birth_year} vs {mb.birth_year}")
    if diff <= 2:
        return Outcome("near", f"birth years two years apart: {ma.birth_year} vs {mb.birth_year}")
    return Outcome("far", f"birth years {diff} years apart: {ma.birth_year} vs {mb.birth_year}")


def _age_only(a: Prepared, b: Prepared) -> Outcome | None:
    """Ages without publication dates: alike ages are weak support, reports may be years apart."""
    ma, mb = a.mention, b.mention
    if ma.age is None or mb.age is None:
        return None
    diff = abs(ma.age - mb.age)
    if diff <= 1:
        return Outcome("age_same", f"same stated age (report dates unknown): {ma.age} ~ {mb.age}")
    if diff >= 6:
        return Outcome("far", f"stated ages {diff} years apart: {ma.age} vs {mb.age}")
    return Outcome("age_differs", f"stated ages differ (report dates unknown): {ma.age} vs {mb.age}")


def sex(a: Prepared, b: Prepared) -> Outcome | None:
    """A man and a woman are two people."""
    sa, sb = a.mention.sex, b.mention.sex
    if not sa or not sb:
        return None
    if sa == sb:
        return Outcome("same", f"same sex: {sa}")
    return Outcome("different", f"different sex: {sa} vs {sb}")


def citizenship(a: Prepared, b: Prepared) -> Outcome | None:
    """Citizenship agrees for one person (dual citizens are rare among these migrants)."""
    ca, cb = a.mention.citizenship, b.mention.citizenship
    if not ca or not cb:
        return None
    if ca == cb:
        return Outcome("same", f"same citizenship: {ca}")
    return Outcome("different", f"different citizenship: {ca} vs {cb}")


def status(a: Prepared, b: Prepared) -> Outcome | None:
    """The same situation reported (missing, captured, killed...) is weak support; situations change over time."""
    sa, sb = a.mention.status, b.mention.status
    if not sa or not sb or "unknown" in (sa, sb):
        return None
    if sa == sb:
        return Outcome("same", f"same situation reported: {sa}")
    return Outcome("different", f"different situations reported: {sa} vs {sb}")
