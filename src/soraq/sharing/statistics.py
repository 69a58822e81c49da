"""Counts of people by citizenship, status, home region, month of deployment and coercion method.

Every count is split into *reported* (all people the registry holds) and
*confirmed* (at least one of their mentions verified by a reviewer), and is a
minimum: the registry only knows the people someone reported. The public
tables go through small-cell suppression (:func:`soraq.sharing.disclosure.suppress_pairs`);
the exact tables are for roles allowed ``statistics.full``.

Tables are computed from plain records, so the same functions serve the page,
the CSV download and the API; they are computed once per change of the data
(and at most once a minute) and shared by the server's processes, which keeps
the page fast on a large registry (:func:`registry_statistics`).
"""

from __future__ import annotations

import csv
import io
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from django.utils.html import escape
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from soraq.sharing.disclosure import (
    K, OTHER, count_by, home_region, month_of, region_key, suppress_pairs,
)
from soraq.sharing.records import PersonRecord

CACHE_SECONDS = 60
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Row:
    category: str
    label: str
    #: None when suppressed (fewer than k people)
    reported: int | None
    confirmed: int | None


@dataclass
class Table:
    dimension: str
    title: str
    rows: list[Row]
    public: bool
    k: int = K
    #: people counted (people with several values, e.g. coercion methods, count once here)
    people: int | None = None


@dataclass
class Statistics:
    public: bool
    total: int | None
    confirmed: int | None
    tables: list[Table] = field(default_factory=list)
    #: when these tables were computed (a cache key for what is rendered from them)
    computed_at: float = field(default_factory=time.time)

    def as_dict(self) -> dict:
        data = asdict(self)
        data.pop("computed_at", None)
        for table in data["tables"]:  # titles and labels are translated when read: read them now
            table["title"] = str(table["title"])
            for row in table["rows"]:
                row["label"] = str(row["label"])
        return data


def _deployment_month(record: PersonRecord) -> str | None:
    event = record.first_event("deployment")
    return month_of(event.date) if event else None


#: dimension -> (title, key function)
DIMENSIONS: dict[str, tuple[str, Callable[[PersonRecord], Iterable[str] | str | None]]] = {
    "citizenship": (_("Citizenship"), lambda r: r.citizenship),
    "status": (_("Status as last reported"), lambda r: r.status),
    "region": (_("Home region"), lambda r: region_key(home_region(r.home))),
    "deployment_month": (_("Month of deployment"), _deployment_month),
    "coercion": (_("Coercion method"), lambda r: r.coercion or None),
}


def _region_labels(records: list[PersonRecord]) -> dict[str, str]:
    spellings: dict[str, Counter] = {}
    for record in records:
        region = home_region(record.home)
        if region:
            spellings.setdefault(region_key(region), Counter())[region] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}


def _label(dimension: str, category: str, regions: dict[str, str]) -> str:
    if category == OTHER:
        return format_lazy(_("other (categories under {k}, merged)"), k=K)
    if dimension == "region":
        return regions.get(category, category)
    return category.replace("_", " ")


def _sort_key(dimension: str):
    if dimension == "deployment_month":  # chronological, unknown and other last
        return lambda row: (row.category in (UNKNOWN, OTHER), row.category)
    return lambda row: (row.category in (UNKNOWN, OTHER), -(row.reported or 0), row.category)


def compute(records: Iterable[PersonRecord], *, public: bool, k: int = K) -> Statistics:
    """All tables over ``records``; public tables suppress every count below ``k``."""
    records = list(records)
    regions = _region_labels(records)
    total = len(records)
    confirmed_total = sum(1 for r in records if r.confirmed)
    tables = []
    for dimension, (title, key) in DIMENSIONS.items():
        reported, confirmed = count_by(records, key)
        if public:
            pairs = suppress_pairs(reported, confirmed, k)
            rows = [
                Row(rep.category, _label(dimension, rep.category, regions), rep.value, con.value)
                for rep, con in pairs
            ]
        else:
            rows = [
                Row(cat, _label(dimension, cat, regions), n, confirmed.get(cat, 0))
                for cat, n in reported.items()
            ]
        rows.sort(key=_sort_key(dimension))
        tables.append(Table(dimension, title, rows, public, k, people=total))
    if public:
        shown_total = total if total >= k else None
        shown_confirmed = confirmed_total if (confirmed_total >= k or confirmed_total == 0) else None
        if shown_total is None:
            shown_confirmed = None
        return Statistics(True, shown_total, shown_confirmed, tables)
    return Statistics(False, total, confirmed_total, tables)


#: cache keys of the computed tables (in the "shared" cache: one computation serves every worker process)
CACHE_KEYS = {True: "soraq.sharing.statistics.public", False: "soraq.sharing.statistics.full"}


def _shared_cache():
    from django.core.cache import caches

    return caches["shared"]


#: this process's copy of the last tables read from the shared cache: public -> (version, tables)
_in_process: dict[bool, tuple[str, Statistics]] = {}


def forget_public_statistics() -> None:
    """Drop the cached public tables: who is counted publicly has changed (recomputed at the next request)."""
    _in_process.pop(True, None)
    _shared_cache().delete(CACHE_KEYS[True])


def consent_changed(sender, instance, update_fields=None, **_kwargs) -> None:
    """post_save of case work's Case: a change of consent or of hiding changes the public counts at once."""
    watched = {"publish_consent_at", "publish_consent_withdrawn_at", "hidden"}
    if update_fields is None or watched & set(update_fields):
        forget_public_statistics()


def registry_statistics(*, public: bool, use_cache: bool = True) -> Statistics:
    """The registry's statistics, computed once per change of the data, at most once a minute.

    The tables are kept in the cache shared by the server's processes with the
    data version they were computed from (:mod:`soraq.registry.dataversion`):
    while the data is unchanged they are served as they are, however long ago
    they were computed. When the data changed, the next request recomputes them,
    unless they are less than :data:`CACHE_SECONDS` old (a registry that is
    being filled is not recounted on every request) or another request is
    recomputing them already: meanwhile everyone is served the previous tables,
    so a large registry never makes many visitors wait at once.
    """
    from soraq.registry import dataversion
    from soraq.sharing.source import iter_stat_records

    if not use_cache:
        return compute(iter_stat_records(public=public), public=public)
    version = dataversion.current()  # read before the data: a change meanwhile makes the next request recount
    if not dataversion.announced():  # changes cannot be told apart: recount once a minute
        version = f"minute-{int(time.time() // CACHE_SECONDS)}"
    mine = _in_process.get(public)
    if mine is not None and mine[0] == version:
        return mine[1]  # no need to read (and unpickle) the shared copy
    cache = _shared_cache()
    key = CACHE_KEYS[public]
    entry = cache.get(key)
    if entry is not None:
        computed_for, computed_at, stats = entry
        if computed_for == version:
            _in_process[public] = (version, stats)
            return stats
        if time.time() - computed_at < CACHE_SECONDS:
            return stats
        if not cache.add(f"{key}.lock", 1, 300):
            return stats  # someone else is recomputing
    try:
        stats = compute(iter_stat_records(public=public), public=public)
        cache.set(key, (version, time.time(), stats), 24 * 3600)
        _in_process[public] = (version, stats)
    finally:
        if entry is not None:
            cache.delete(f"{key}.lock")
    return stats


# --- outputs ---------------------------------------------------------------------------------

CSV_COLUMNS = ("dimension", "category", "label", "reported_at_least", "confirmed_at_least")


def to_csv(stats: Statistics) -> str:
    """One row per table row; a suppressed count is written as "<k"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for table in stats.tables:
        for row in table.rows:
            writer.writerow([
                table.dimension, row.category, row.label,
                f"<{table.k}" if row.reported is None else row.reported,
                f"<{table.k}" if row.confirmed is None else row.confirmed,
            ])
    return out.getvalue()


def wording(value: int | None, k: int = K) -> str:
    """How a count is said: "at least 12", or "fewer than 5" when suppressed."""
    if value is None:
        return gettext("fewer than {k}").format(k=k)
    return gettext("at least {n}").format(n=value)


#: what the bars of a chart mean, read by screen readers
CHART_LEGEND = _("people reported (light bars) and confirmed by a reviewer (dark bars)")
BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 230
BAR_WIDTH = 360
NUMBER_WIDTH = 150


def bar_chart_svg(table: Table) -> str:
    """A horizontal bar chart as inline SVG: reported (light) with confirmed (dark) inside.

    Rendered on the server, so it works offline and without JavaScript; it has a
    title and a description for screen readers, and the table beside it carries
    the same numbers.
    """
    rows = table.rows
    largest = max((row.reported or 0 for row in rows), default=0) or 1
    height = max(1, len(rows)) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + NUMBER_WIDTH
    title_id = f"chart-{table.dimension}-title"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="soraq-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="{title_id}">',
        f'<title id="{title_id}">{escape(str(table.title))}: '
        f'{escape(str(CHART_LEGEND))}</title>',
    ]
    for i, row in enumerate(rows):
        y = GAP + i * (BAR_HEIGHT + GAP)
        reported_w = 0 if row.reported is None else round(BAR_WIDTH * row.reported / largest)
        confirmed_w = 0 if row.confirmed is None else round(BAR_WIDTH * row.confirmed / largest)
        text_y = y + BAR_HEIGHT * 0.7
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{text_y:.0f}" text-anchor="end" class="label">'
            f"{escape(str(row.label))}</text>"
        )
        if row.reported is None:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{BAR_WIDTH // 40}" height="{BAR_HEIGHT}" '
                f'fill="#bbbbbb" class="suppressed"/>'
            )
        else:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(reported_w, 1)}" height="{BAR_HEIGHT}" '
                f'fill="#9ecae1" class="reported"/>'
            )
            if confirmed_w:
                parts.append(
                    f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{confirmed_w}" '
                    f'height="{BAR_HEIGHT - 8}" fill="#08519c" class="confirmed"/>'
                )
        number = wording(row.reported, table.k)
        if row.reported is not None and row.confirmed is None:
            number += " (" + gettext("{count} confirmed").format(count=wording(None, table.k)) + ")"
        elif row.confirmed:
            number += " (" + gettext("{count} confirmed").format(count=row.confirmed) + ")"
        parts.append(
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{text_y:.0f}" class="number">{escape(number)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
