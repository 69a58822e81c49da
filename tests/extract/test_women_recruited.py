"""A woman recruited herself, with her husband speaking for her; names no list knows introduced
with an age in apposition (invented people)."""

from __future__ import annotations

from tests.extract.helpers import event_dates

NURSE = ("Cameroonian nurse recruited to Russian army hospital\n\n"
         "Solange Atangana Ndzie, 34, a nurse from Yaoundé, travelled to Moscow in February 2025 for what she was "
         "told was a hospital job. In June she was moved to a military medical unit near Kursk and made to sign a "
         "contract with the Russian army. Her husband, Paul Ndzie, says she has not been allowed to leave.")


def test_the_recruited_woman_is_the_subject_and_her_husband_a_relative(extract) -> None:  # type: ignore[no-untyped-def]
    report = extract(NURSE, "nurse", published="2025-12-01")
    assert [p.name for p in report.persons] == ["Solange Atangana Ndzie"]
    p = report.persons[0]
    assert p.sex == "female" and p.citizenship == "CM" and p.occupation == "nurse"
    assert [(r.name, r.relation) for r in p.relatives] == [("Paul Ndzie", "husband")]
    dates = event_dates(p)
    assert dates.get("departure") == {"2025-02"} and dates.get("contract") == {"2025-06"}
    assert "wounded" not in dates  # "a hospital job" is no wound


def test_an_age_in_apposition_makes_unknown_words_a_name(extract) -> None:  # type: ignore[no-untyped-def]
    from soraq.extract.names import find_mentions

    text = "Tenzing Rai Sherpa, 31, signed a contract with the Russian army in May."
    assert [m.text for m in find_mentions(text, "en")] == ["Tenzing Rai Sherpa"]
