"""Disclosure control: k-anonymity of the public dataset, consent, aggregates."""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from soraq.sharing import disclosure
from soraq.sharing.disclosure import (
    K, OTHER, birth_band, home_region, publish_persons, smallest_class, suppress_counts, suppress_pairs,
)
from soraq.sharing.exports import public_dataset, render
from soraq.sharing.records import Consent, PersonRecord

from .conftest import CONSENT, record

SECRET = "test-secret"

consents = st.one_of(
    st.none(),
    st.just(CONSENT),
    # consent recorded without who gave it does not count
    st.just(Consent("", datetime(2026, 1, 1, tzinfo=UTC))),
)
records_strategy = st.lists(
    st.builds(
        PersonRecord,
        person_id=st.uuids().map(str),
        name=st.sampled_from(["Alpha Invented", "Beta Invented", "Gamma Invented", "Delta Invented"]),
        birth_year=st.one_of(st.none(), st.integers(1950, 2005)),
        citizenship=st.sampled_from(["KG", "UZ", "TJ", "NP", None]),
        home=st.one_of(st.none(), st.sampled_from([
            "Village A, North Region", "Village B, North Region", "South Region",
            "Hamlet, Farm, South Region", "Town C, east region",
        ])),
        status=st.sampled_from(["missing", "killed", "captured", "returned", None]),
        consent=consents,
        relatives=st.just((("mother", "Invented Mother"),)),
        coercion=st.lists(st.sampled_from(["deception", "debt", "torture", "bounty"]), max_size=2).map(tuple),
        notes=st.just("a private note"),
    ),
    max_size=80,
)


def _people_per_class(persons) -> Counter:
    return Counter(p.quasi_identifiers() for p in persons)


@settings(max_examples=150, deadline=None)
@given(records_strategy)
def test_no_published_class_is_smaller_than_k(records):
    result = publish_persons(records, secret=SECRET)
    assert all(n >= K for n in _people_per_class(result.persons).values())
    assert len(result.persons) + result.suppressed == len(records)
    # coercion methods are shown only where k members of the class share them
    shown = Counter((p.quasi_identifiers(), p.coercion) for p in result.persons if p.coercion is not None)
    assert all(n >= K for n in shown.values())


@settings(max_examples=150, deadline=None)
@given(records_strategy)
def test_no_name_or_photo_without_recorded_consent(records):
    by_id = {disclosure.public_id(r.person_id, SECRET): r for r in records}
    for person in publish_persons(records, secret=SECRET).persons:
        source = by_id[person.public_id]
        if person.name is not None or person.photo_url is not None:
            assert source.consent is not None and source.consent.given_by and source.consent.given_at


@settings(max_examples=60, deadline=None)
@given(records_strategy, st.sampled_from(["csv", "json", "pfif", "ftm"]))
def test_public_exports_never_carry_relatives_notes_or_unconsented_names(records, fmt):
    out = io.StringIO()
    render(public_dataset(records, SECRET), fmt, out, pfif_domain="soraq.example.org")
    text = out.getvalue()
    assert "Invented Mother" not in text and "private note" not in text
    for r in records:
        if r.consent is None or not r.consent.given_by:
            # the name may still appear if another, consented record has the same name
            if not any(o.name == r.name and o.consent and o.consent.given_by for o in records):
                assert r.name not in text
        assert r.person_id not in text  # registry ids are never published


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(list("abcdefgh")), st.integers(0, 40)))
def test_suppressed_counts_never_show_a_small_cell(counts):
    cells = suppress_counts(counts)
    for cell in cells:
        assert cell.value is None or cell.value >= K
    shown = sum(cell.value or 0 for cell in cells)
    if cells:
        # nothing is lost: the shown cells (incl. "other") add up to the total
        assert shown == sum(counts.values())
    hidden_categories = {c for c, n in counts.items() if n > 0} - {c.category for c in cells}
    other = next((c for c in cells if c.category == OTHER), None)
    if hidden_categories and cells:
        assert other is not None and other.value is not None and other.value >= K


def test_birth_band_and_region():
    assert birth_band(1983) == "1980-1984"
    assert birth_band(1985) == "1985-1989"
    assert birth_band(1983, 10) == "1980-1989"
    assert birth_band(None) is None
    assert home_region("Some Village, Some District") == "Some District"
    assert home_region("Lone Village") is None  # may be a village: not published
    assert home_region("  ,  ") is None


def test_generalisation_before_suppression():
    # 3 people born 1981-1982 and 3 born 1986: each 5-year band is too small, the decade is not
    records = [record(i, birth_year=y) for i, y in enumerate([1981, 1982, 1981, 1986, 1986, 1986])]
    result = publish_persons(records, secret=SECRET)
    assert result.suppressed == 0
    assert {p.birth_band for p in result.persons} == {"1980-1989"}
    assert smallest_class(result.persons) == 6


def test_a_lone_person_is_suppressed_not_published():
    records = [record(i) for i in range(5)] + [record(99, citizenship="NP", status="killed")]
    result = publish_persons(records, secret=SECRET)
    assert result.suppressed == 1
    assert all(p.citizenship == "KG" for p in result.persons)


def test_consented_person_is_named_only_with_consent():
    records = [record(0, consent=CONSENT, photo_url="https://example.org/p.jpg")] + [record(i) for i in range(1, 6)]
    persons = publish_persons(records, secret=SECRET).persons
    named = [p for p in persons if p.name]
    assert [p.name for p in named] == ["Invented Person 0"]
    assert named[0].photo_url == "https://example.org/p.jpg"
    assert all(p.photo_url is None for p in persons if not p.name)


def test_default_is_not_to_publish_small_registries():
    assert publish_persons([record(i) for i in range(4)], secret=SECRET).persons == []
    assert suppress_counts({"a": 4}) == []


def test_confirmed_counts_are_suppressed_too():
    pairs = suppress_pairs({"a": 10, "b": 7}, {"a": 3, "b": 6})
    by_cat = {rep.category: (rep.value, con.value) for rep, con in pairs}
    assert by_cat["a"] == (10, None)  # 3 confirmed: hidden
    assert by_cat["b"] == (7, 6)


def test_complementary_suppression_merges_smallest_shown_category():
    cells = suppress_counts({"a": 20, "b": 6, "c": 2})
    assert [(c.category, c.value) for c in cells] == [("a", 20), (OTHER, 8)]
