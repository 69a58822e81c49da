"""How the registry links mentions to persons, under the real matcher and human rulings.

Reports are constructed here (the extractor is not under test): each test is about
what the registry does with a given report and the link module's verdict on it.
"""

from __future__ import annotations

import pytest

from soraq.registry.models import LinkDecision, Mention, Person
from soraq.registry.services import linking
from soraq.registry.services.ingest import ingest

from .conftest import document, given_reports, person, report

pytestmark = pytest.mark.django_db

EN = "Azerbaijani citizen Vusal Nasibov, born in 1987, from Qusar, was detained in Kazan."
RU = "Гражданин Азербайджана Вусал Насибов, 1987 года рождения, уроженец Кусара, задержан в Казани."
NAMESAKE = "Vusal Nasibov, born in 1969, a teacher from Qusar, spoke at a school event."


def run(*pairs):
    """Ingest (document, report) pairs with the real linker."""
    docs = [d for d, _ in pairs]
    return ingest(docs, extractor=given_reports({d.doc_id: r for d, r in pairs}))


def en_doc(doc_id="en-report", text=EN, published="2026-03-12", **fields):
    doc = document(doc_id, text, published)
    fields = {"birth_year": 1987, "citizenship": "AZ", "home": "Qusar", **fields}
    return doc, report(doc, person(text, "Vusal Nasibov", **fields))


def ru_doc(doc_id="ru-report", published="2026-03-14", status="detained"):
    doc = document(doc_id, RU, published)
    return doc, report(doc, person(RU, "Вусал Насибов", birth_year=1987, citizenship="AZ", home="Кусар",
                                   status=status), lang="ru")


def test_two_scripts_become_one_person():
    summary = run(en_doc(), ru_doc())
    assert (summary.new, summary.persons_created, summary.mentions_linked) == (2, 1, 1)
    person_ = Person.objects.get()
    assert person_.name_latin == "Vusal Nasibov"
    assert person_.name_cyrillic == "Вусал Насибов"
    second = Mention.objects.get(document__doc_id="ru-report")
    assert second.link_decision == Mention.LinkOutcome.MERGED
    assert second.link_score > 0.9
    assert {r["feature"] for r in second.link_reasons} >= {"name", "birth_year"}


def test_namesake_with_another_birth_year_stays_apart():
    doc = document("namesake", NAMESAKE, "2026-03-20")
    namesake = (doc, report(doc, person(NAMESAKE, "Vusal Nasibov", birth_year=1969, home="Qusar")))
    run(en_doc(), namesake)
    assert Person.objects.count() == 2


def test_two_subjects_of_one_report_are_two_people():
    text = "Vusal Nasibov and his cousin Vusal Nasibov, both born in 1987, were detained in Kazan."
    doc = document("cousins", text, "2026-03-12")
    rep = report(doc, person(text, "Vusal Nasibov", birth_year=1987, citizenship="AZ"),
                 person(text, "Vusal Nasibov", birth_year=1987, citizenship="AZ"))
    run((doc, rep))
    assert Person.objects.count() == 2


def _name_and_citizenship_only(doc_id, published, **fields):
    doc = document(doc_id, f"Vusal Nasibov, an Azerbaijani citizen, is missing ({doc_id}).", published)
    return doc, report(doc, person(doc.text, "Vusal Nasibov", citizenship="AZ", **fields))


def test_an_unsure_match_with_one_fitting_person_joins_it_and_waits_for_review():
    # Same name and citizenship, nothing else: the matcher's uncertain band, and no rival.
    run(_name_and_citizenship_only("first", "2026-03-01"), _name_and_citizenship_only("second", "2026-03-05"))
    assert Person.objects.count() == 1
    waiting = Mention.objects.awaiting_review().get()
    assert waiting.mention_id == "second#0"
    assert waiting.review_candidate.mention_id == "first#0"
    assert waiting.person_id == waiting.review_candidate.person_id
    assert 0 < waiting.link_score < 1


def test_an_unsure_match_between_two_namesakes_starts_a_new_person_for_review():
    run(_name_and_citizenship_only("older", "2026-03-01", birth_year=1969),
        _name_and_citizenship_only("younger", "2026-03-02", birth_year=1987))
    assert Person.objects.count() == 2  # fifteen years apart: two people
    run(_name_and_citizenship_only("unclear", "2026-03-05"))
    assert Person.objects.count() == 3
    waiting = Mention.objects.awaiting_review().get()
    assert waiting.mention_id == "unclear#0"
    assert waiting.review_candidate.mention_id in ("older#0", "younger#0")
    assert waiting.person_id != waiting.review_candidate.person_id


def test_irrelevant_documents_keep_their_people_out_of_the_registry():
    doc = document("obituary", EN, "2026-03-12")
    run((doc, report(doc, person(EN, "Vusal Nasibov"), relevant=False)))
    mention = Mention.objects.get()
    assert mention.person is None and Person.objects.count() == 0


def test_not_same_ruling_splits_and_survives_relinks():
    run(en_doc(), ru_doc())
    en_m = Mention.objects.get(document__doc_id="en-report")
    ru_m = Mention.objects.get(document__doc_id="ru-report")
    assert en_m.person_id == ru_m.person_id

    decision = LinkDecision.record(en_m, ru_m, same=False, note="another father named in the ru report")
    linking.apply_decision(decision)
    en_m.refresh_from_db()
    ru_m.refresh_from_db()
    assert en_m.person_id != ru_m.person_id
    assert ru_m.review_state == Mention.ReviewState.REJECTED

    for _ in range(2):
        linking.relink_all()
        en_m.refresh_from_db()
        ru_m.refresh_from_db()
        assert en_m.person_id != ru_m.person_id
    assert Person.objects.count() == 2
    assert LinkDecision.objects.get().same is False


def test_not_same_ruling_holds_for_a_later_document_too():
    run(en_doc(), ru_doc())
    en_m = Mention.objects.get(document__doc_id="en-report")
    ru_m = Mention.objects.get(document__doc_id="ru-report")
    linking.apply_decision(LinkDecision.record(en_m, ru_m, same=False))
    # A third report matches both; it joins one of them, and the ruled pair stays apart.
    run(en_doc("en-later", EN.replace("was detained", "is missing"), "2026-04-01"))
    en_m.refresh_from_db()
    ru_m.refresh_from_db()
    assert en_m.person_id != ru_m.person_id
    later = Mention.objects.get(document__doc_id="en-later")
    assert later.person_id in (en_m.person_id, ru_m.person_id)


def test_same_ruling_merges_what_the_matcher_kept_apart():
    doc = document("namesake", NAMESAKE, "2026-03-20")
    run(en_doc(), (doc, report(doc, person(NAMESAKE, "Vusal Nasibov", birth_year=1969))))
    a, b = Mention.objects.order_by("pk")
    assert a.person_id != b.person_id
    linking.apply_decision(LinkDecision.record(a, b, same=True))
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.person_id == b.person_id
    assert Person.objects.count() == 1
    linking.relink_all()
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.person_id == b.person_id


def test_enforce_decisions_splits_and_joins_clusters():
    run(en_doc(), ru_doc())
    en_m = Mention.objects.get(document__doc_id="en-report")
    ru_m = Mention.objects.get(document__doc_id="ru-report")
    LinkDecision.record(en_m, ru_m, same=False)
    assert sorted(linking.enforce_decisions([["en-report#0", "ru-report#0"]])) == [
        ["en-report#0"], ["ru-report#0"]]
    LinkDecision.record(en_m, ru_m, same=True)
    assert linking.enforce_decisions([["en-report#0"], ["ru-report#0"]]) == [["en-report#0", "ru-report#0"]]


def three_partial_reports():
    """Two reports sharing only a name (kept apart), and a third that fits each of them well."""
    texts = {
        "birth": "Vusal Nasibov, born in 1987, worked in Kazan.",
        "home": "Vusal Nasibov, an Azerbaijani builder from Qusar, is missing.",
        "full": "Vusal Nasibov, born in 1987, an Azerbaijani builder from Qusar, worked in Kazan.",
    }
    fields = {
        "birth": {"birth_year": 1987, "location_abroad": "Kazan"},
        "home": {"home": "Qusar", "citizenship": "AZ", "occupation": "builder"},
        "full": {"birth_year": 1987, "location_abroad": "Kazan", "home": "Qusar", "citizenship": "AZ",
                 "occupation": "builder"},
    }
    pairs = []
    for i, key in enumerate(("birth", "home", "full")):
        doc = document(key, texts[key], f"2026-03-0{i + 1}")
        pairs.append((doc, report(doc, person(texts[key], "Vusal Nasibov", **fields[key]))))
    return pairs


def test_a_report_matching_two_persons_well_joins_them():
    """Incremental linking ends where batch linking would, whatever the order of arrival."""
    pairs = three_partial_reports()
    run(*pairs[:2])
    assert Person.objects.count() == 2  # a name and nothing shared: kept apart
    run(pairs[2])
    assert Person.objects.count() == 1
    merged = Person.objects.get()
    assert merged.birth_year == 1987 and merged.home == "Qusar"
    assert set(merged.name_keys.values_list("person_id", flat=True)) == {merged.pk}


def test_a_bridging_report_does_not_join_persons_ruled_apart():
    pairs = three_partial_reports()
    run(*pairs[:2])
    a, b = Mention.objects.order_by("pk")
    LinkDecision.record(a, b, same=False)
    run(pairs[2])
    assert Person.objects.count() == 2
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.person_id != b.person_id
