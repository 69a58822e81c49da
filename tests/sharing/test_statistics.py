"""Statistics tables: dimensions, confirmed vs reported, suppression, caching, chart."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soraq.sharing.records import EventRecord
from soraq.sharing.statistics import bar_chart_svg, compute, registry_statistics, to_csv, wording

from .conftest import record


def _records():
    out = [record(i, confirmed=i < 6, coercion=("deception", "debt") if i % 2 else ("deception",),
                  events=(EventRecord("deployment", "2025-03-14"),)) for i in range(12)]
    out += [record(20 + i, citizenship="NP", home="Far Village, Hill Region", status="killed") for i in range(2)]
    return out


def _table(stats, dimension):
    return {row.category: (row.reported, row.confirmed) for row in
            next(t for t in stats.tables if t.dimension == dimension).rows}


def test_exact_tables():
    stats = compute(_records(), public=False)
    assert (stats.total, stats.confirmed) == (14, 6)
    assert _table(stats, "citizenship") == {"KG": (12, 6), "NP": (2, 0)}
    assert _table(stats, "region") == {"ozerny district": (12, 6), "hill region": (2, 0)}
    assert _table(stats, "deployment_month")["2025-03"] == (12, 6)
    assert _table(stats, "coercion") == {"deception": (12, 6), "debt": (6, 3), "unknown": (2, 0)}


def test_public_tables_merge_and_hide_small_cells():
    records = _records() + [record(40 + i, citizenship="UZ") for i in range(7)]
    stats = compute(records, public=True)
    citizenship = _table(stats, "citizenship")
    # NP (2) is too small; "other" = NP alone would be too small too, so UZ (7) joins it
    assert citizenship == {"KG": (12, 6), "other": (9, 0)}
    assert compute(_records(), public=True).tables[0].rows[0].category == "other"  # KG + NP only
    coercion = _table(stats, "coercion")
    assert coercion["debt"] == (6, None)  # 3 confirmed: fewer than 5
    for table in stats.tables:
        for row in table.rows:
            assert row.reported is None or row.reported >= 5
    assert "fewer than 5" == wording(None) and "at least 7" == wording(7)


def test_nothing_is_published_for_a_tiny_registry():
    stats = compute([record(i) for i in range(3)], public=True)
    assert stats.total is None and all(t.rows == [] for t in stats.tables)


def test_csv_and_svg_escape_and_label():
    stats = compute([record(i, home="V, <script>alert(1)</script> Region") for i in range(6)], public=False)
    region = next(t for t in stats.tables if t.dimension == "region")
    svg = bar_chart_svg(region)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.startswith("<svg") and "<title" in svg
    assert "region," in to_csv(stats)


@pytest.mark.django_db
def test_registry_statistics_are_cached_until_the_data_changes_and_served_stale_while_recomputing(registry):
    from django.core.cache import caches

    from soraq.registry import dataversion
    from soraq.registry.models import Person
    from soraq.sharing.statistics import CACHE_KEYS

    shared = caches["shared"]
    key = CACHE_KEYS[False]
    first = registry_statistics(public=False)
    assert first.total == 12
    assert shared.get(key)[0] == dataversion.current()
    assert registry_statistics(public=False).computed_at == first.computed_at  # unchanged data: cached
    Person.objects.create(name_latin="Invented Newcomer")  # the data changes (a new version) ...
    assert dataversion.current() != shared.get(key)[0]
    assert registry_statistics(public=False).total == 12  # ... within the minute: the previous tables
    version, _at, stats = shared.get(key)
    shared.set(key, (version, 0.0, stats))  # the minute is up ...
    shared.add(f"{key}.lock", 1, 60)  # ... and another request is recomputing
    assert registry_statistics(public=False).total == 12  # the stale tables, at once
    shared.delete(f"{key}.lock")
    assert registry_statistics(public=False).total == 13  # recomputed
    assert shared.get(key)[0] == dataversion.current()
    assert registry_statistics(public=False, use_cache=False).total == 13


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["KG", "UZ", "NP", None]), st.sampled_from(["missing", "killed", None]),
                          st.sampled_from(["A, North Region", "B, South Region", None]), st.booleans(),
                          st.lists(st.sampled_from(["deception", "debt", "torture"]), max_size=2)),
                max_size=60))
def test_public_statistics_never_show_fewer_than_k(rows):
    records = [record(i, citizenship=c, status=s, home=h, confirmed=conf, coercion=tuple(co))
               for i, (c, s, h, conf, co) in enumerate(rows)]
    stats = compute(records, public=True)
    assert stats.total is None or stats.total >= 5
    for table in stats.tables:
        for row in table.rows:
            assert row.reported is None or row.reported >= 5
            assert row.confirmed is None or row.confirmed == 0 or row.confirmed >= 5


@pytest.mark.django_db
def test_confirmed_means_a_reviewer_verified_a_mention(registry):
    from soraq.registry.models import Mention
    from soraq.sharing.source import iter_person_records, iter_stat_records

    Mention.objects.filter(document__doc_id="test-doc-2").update(review_state="verified")
    confirmed = [r for r in iter_person_records() if r.confirmed]
    assert [r.documents for r in confirmed] == [("test-doc-2",)]
    assert sum(r.confirmed for r in iter_stat_records()) == 1
    assert compute(iter_stat_records(), public=False).confirmed == 1


def test_cached_tables_are_worded_in_the_readers_language(registry):
    """One cached computation serves every language: titles and counts are translated when read."""
    from django.utils import translation

    stats = registry_statistics(public=False)
    with translation.override("ru"):
        svg = bar_chart_svg(stats.tables[0])
        assert str(stats.tables[0].title) == "Гражданство"
        assert "не менее" in svg
    with translation.override("az"):
        assert "ən azı" in bar_chart_svg(stats.tables[0])
    with translation.override("en"):
        assert "at least" in bar_chart_svg(stats.tables[0])
        assert stats.as_dict()["tables"][0]["title"] == "Citizenship"
