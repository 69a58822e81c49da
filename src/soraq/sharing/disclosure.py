"""Disclosure control: what of the registry may be published, and how.

Being named can endanger a person and their family, so the default is not to
publish. The rules, in order:

1. **Direct identifiers** (name, photo) appear only where the family's consent to
   publish is recorded on the case, with who gave it and when.
2. **Never public**: contacts, relatives, occupation, place abroad, free text
   (notes, event places) and source documents.
3. **Quasi-identifiers** are coarsened: birth year to a 5-year band, home to its
   region (the last part of a "village, district" string; a one-part home is
   dropped because it may be a village), dates to the month.
4. **Small cells**: no published combination of citizenship × region × birth
   band × status describes fewer than ``k`` (5) people. Records are generalised
   step by step (see :data:`LADDER`) and a record whose class is still smaller
   than ``k`` at the last step is suppressed. Each published equivalence class
   (identical published quasi-identifiers) holds at least ``k`` records, whatever
   step produced it, because a step only groups the records no earlier step
   could publish. Coercion methods are shown on a row only when at least ``k``
   members of its class share the same set of methods; otherwise they are
   withheld (``None``), so that a rare combination reported in the press cannot
   single a row out.
5. **Aggregates** (statistics): a count below ``k`` is not shown; suppressed
   categories are merged into an "other" bucket and, when that bucket is itself
   below ``k``, the smallest shown categories join it, so that no suppressed
   count can be recovered from the total by subtraction. When the total is
   below ``k`` nothing is shown.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from normality import ascii_text

from soraq.sharing.records import PersonRecord

#: the smallest number of people any published combination may describe
K = 5
#: a placeholder for a generalised-away value
ANY = "*"


# --- coarsening single values ------------------------------------------------------------------


def birth_band(year: int | None, width: int = 5) -> str | None:
    """A birth year as a band of ``width`` years aligned on multiples of it: 1983 -> "1980-1984"."""
    if year is None:
        return None
    start = year - year % width
    return f"{start}-{start + width - 1}"


def home_region(home: str | None) -> str | None:
    """The region of a home written most specific first ("village, district"): its last part.

    A one-part home may name a village, so it is not published.
    """
    if not home:
        return None
    parts = [part.strip() for part in home.split(",") if part.strip()]
    if len(parts) < 2:
        return None
    return parts[-1]


def region_key(region: str | None) -> str | None:
    """The grouping key of a region: case and diacritics folded ("Masallı" = "MASALLI")."""
    if region is None:
        return None
    return (ascii_text(region) or region).strip().lower()


def month_of(date: str | None) -> str | None:
    """A partial ISO date cut to the month: "2025-03-14" -> "2025-03"; a year stays a year."""
    if not date:
        return None
    return date[:7]


def has_consent(record: PersonRecord) -> bool:
    """Consent counts only with who gave it and when."""
    consent = record.consent
    return bool(consent and consent.given_by and consent.given_at)


def public_id(person_id: str, secret: str) -> str:
    """An opaque, stable id for a published record: the registry id is never shown."""
    digest = hmac.new(secret.encode(), person_id.encode(), hashlib.sha256).hexdigest()
    return "p-" + digest[:16]


# --- record-level publication ---------------------------------------------------------------


@dataclass(frozen=True)
class PublicPerson:
    """One person in the public dataset."""

    public_id: str
    citizenship: str | None
    region: str | None
    birth_band: str | None
    status: str | None
    #: None when withheld: the class's members with this set of methods are fewer than k
    coercion: tuple[str, ...] | None = ()
    confirmed: bool = False
    #: only with the family's recorded consent
    name: str | None = None
    photo_url: str | None = None
    #: which generalisation step published this record (0 = least coarse)
    level: int = 0

    def quasi_identifiers(self) -> tuple[str | None, str | None, str | None, str | None]:
        return (self.citizenship, region_key(self.region), self.birth_band, self.status)


QI = tuple[Hashable, ...]


@dataclass(frozen=True)
class Step:
    """One generalisation step: how each quasi-identifier is shown at this step."""

    name: str
    band_width: int | None  # None: birth band dropped
    keep_region: bool
    keep_status: bool


#: generalisation ladder, least coarse first; a record is published at the first step
#: where its class holds at least k records
LADDER: tuple[Step, ...] = (
    Step("band5-region", 5, True, True),
    Step("band10-region", 10, True, True),
    Step("band10", 10, False, True),
    Step("status", None, False, True),
    Step("citizenship", None, False, False),
)


def _generalise(record: PersonRecord, step: Step) -> tuple[str | None, str | None, str | None, str | None]:
    """The record's (citizenship, region, band, status) at one step; ANY where generalised away."""
    region = home_region(record.home) if step.keep_region else ANY
    band = birth_band(record.birth_year, step.band_width) if step.band_width else ANY
    status = (record.status or "unknown") if step.keep_status else ANY
    return (record.citizenship, region, band, status)


def _class_key(values: tuple[str | None, str | None, str | None, str | None]) -> QI:
    citizenship, region, band, status = values
    return (citizenship, region if region in (None, ANY) else region_key(region), band, status)


@dataclass
class PublicationResult:
    """The public dataset and an account of what was held back (counts only)."""

    persons: list[PublicPerson]
    suppressed: int
    by_level: dict[str, int] = field(default_factory=dict)
    k: int = K


def publish_persons(
    records: Iterable[PersonRecord],
    *,
    secret: str,
    k: int = K,
    ladder: Sequence[Step] = LADDER,
) -> PublicationResult:
    """The public dataset of persons: generalise step by step, then suppress what is left."""
    remaining = list(records)
    published: list[PublicPerson] = []
    by_level: dict[str, int] = {}
    for level, step in enumerate(ladder):
        classes: dict[QI, list[tuple[PersonRecord, tuple]]] = defaultdict(list)
        for record in remaining:
            values = _generalise(record, step)
            classes[_class_key(values)].append((record, values))
        remaining = []
        for members in classes.values():
            if len(members) < k:
                remaining.extend(record for record, _ in members)
                continue
            # one spelling of the region for the whole class: the most common one
            spelling = Counter(values[1] for _, values in members).most_common(1)[0][0]
            methods = Counter(_methods(record) for record, _ in members)
            for record, values in members:
                shown = _methods(record) if methods[_methods(record)] >= k else None
                published.append(_public_person(record, values, spelling, level, secret, shown))
            by_level[step.name] = by_level.get(step.name, 0) + len(members)
    published.sort(key=lambda p: p.public_id)
    return PublicationResult(published, suppressed=len(remaining), by_level=by_level, k=k)


def _methods(record: PersonRecord) -> tuple[str, ...]:
    return tuple(sorted(set(record.coercion)))


def _public_person(
    record: PersonRecord, values: tuple, region: str | None, level: int, secret: str,
    coercion: tuple[str, ...] | None,
) -> PublicPerson:
    consented = has_consent(record)
    citizenship, _, band, status = values
    return PublicPerson(
        public_id=public_id(record.person_id, secret),
        citizenship=citizenship,
        region=region,
        birth_band=band,
        status=status,
        coercion=coercion,
        confirmed=record.confirmed,
        name=record.name if consented else None,
        photo_url=record.photo_url if consented else None,
        level=level,
    )


def smallest_class(persons: Iterable[PublicPerson]) -> int | None:
    """The size of the smallest published equivalence class (None when nothing is published)."""
    sizes = Counter(person.quasi_identifiers() for person in persons)
    return min(sizes.values()) if sizes else None


# --- aggregates ------------------------------------------------------------------------------


OTHER = "other"


@dataclass(frozen=True)
class Cell:
    """One published count: ``value`` people at least, or hidden (``value`` None)."""

    category: str
    value: int | None

    @property
    def hidden(self) -> bool:
        return self.value is None


def suppress_counts(counts: Mapping[str, int], k: int = K) -> list[Cell]:
    """Counts safe to publish: categories below k merged into "other", which is itself >= k.

    Zero counts describe nobody and are dropped. When the total is below k, nothing
    is published (an empty list).
    """
    counts = {cat: n for cat, n in counts.items() if n > 0}
    if sum(counts.values()) < k:
        return []
    shown = {cat: n for cat, n in counts.items() if n >= k}
    merged = {cat: n for cat, n in counts.items() if n < k}
    # complementary suppression: "other" must itself describe at least k people
    while merged and sum(merged.values()) < k:
        if not shown:
            break
        smallest = min(shown, key=lambda cat: (shown[cat], cat))
        merged[smallest] = shown.pop(smallest)
    cells = [Cell(cat, n) for cat, n in sorted(shown.items(), key=lambda kv: (-kv[1], kv[0]))]
    if merged:
        total_other = sum(merged.values())
        if total_other >= k:
            cells.append(Cell(OTHER, total_other))
        else:  # cannot happen unless everything was merged, and then the total is >= k
            cells.append(Cell(OTHER, None))
    return cells


def suppress_pairs(
    reported: Mapping[str, int], confirmed: Mapping[str, int], k: int = K
) -> list[tuple[Cell, Cell]]:
    """Reported and confirmed counts per category, both under small-cell suppression.

    The categories are decided on the reported counts (the larger); a confirmed
    count below k (but above zero) is hidden, and the confirmed counts of merged
    categories are summed into "other" the same way.
    """
    reported_cells = suppress_counts(reported, k)
    shown = {cell.category for cell in reported_cells if cell.category != OTHER}
    pairs: list[tuple[Cell, Cell]] = []
    for cell in reported_cells:
        if cell.category == OTHER:
            n = sum(v for cat, v in confirmed.items() if cat not in shown and reported.get(cat, 0) > 0)
        else:
            n = confirmed.get(cell.category, 0)
        pairs.append((cell, Cell(cell.category, n if (n == 0 or n >= k) else None)))
    return pairs


def count_by(
    records: Iterable[PersonRecord], key: Callable[[PersonRecord], Iterable[str] | str | None]
) -> tuple[Counter, Counter]:
    """(reported, confirmed) counts of people per category; a person counts once per category."""
    reported: Counter = Counter()
    confirmed: Counter = Counter()
    for record in records:
        values = key(record)
        if values is None:
            values = ["unknown"]
        elif isinstance(values, str):
            values = [values]
        for value in set(values) or {"unknown"}:
            reported[value] += 1
            if record.confirmed:
                confirmed[value] += 1
    return reported, confirmed
