"""The review queue: suggestions by value, decisions recorded with who and when, merge and split."""

from __future__ import annotations

import pytest
from django.urls import reverse

from soraq.casework.models import AuditEntry, CandidateMatch, Case, FactReview
from soraq.casework.services import review
from soraq.registry.models import LinkDecision, Mention, Person

from .conftest import add_report, name_evidence


def _two_reports():
    t1 = "Farid Huseynzade, 34, from Lankaran was detained in Tula."
    t2 = "Фарид Гусейнзаде из Ленкорани погиб на фронте, сообщила его мать."
    add_report("news-fictional-a", t1, [{"name": "Farid Huseynzade", "birth_year": 1992, "home": "Lankaran",
                                         "status": "detained", "evidence": name_evidence(t1, "Farid Huseynzade")}],
               published="2026-02-01")
    add_report("news-fictional-b", t2, [{"name": "Фарид Гусейнзаде", "birth_year": 1990, "home": "Ленкорань",
                                         "status": "killed", "evidence": name_evidence(t2, "Фарид Гусейнзаде")}],
               published="2026-04-01")
    return Mention.objects.get(document__doc_id="news-fictional-a"), Mention.objects.get(document__doc_id="news-fictional-b")


@pytest.mark.django_db
def test_candidate_decision_links_the_claim_and_is_recorded(client, intake_post, reviewer):
    a, b = _two_reports()
    client.post(reverse("casework:intake"), {**intake_post, "name": "Farid Huseynzade", "birth_date": "1992",
                                             "home_district": "Lankaran", "work_abroad": "Tula"})
    case = Case.objects.get(name="Farid Huseynzade")
    a.refresh_from_db()
    if case.mention.person_id == a.person_id:  # the matcher linked it outright: undo, to decide by hand
        review.split(reviewer, a.person, [case.mention_id])
        a.refresh_from_db()
        case.refresh_from_db()
    target = a.person
    LinkDecision.objects.all().delete()
    cand, _ = CandidateMatch.objects.get_or_create(case=case, person=target, defaults={"probability": 0.6,
                                                                                       "reasons": [{"feature": "name", "weight": 3.0, "text": "same name"}]})
    client.force_login(reviewer)
    queue = client.get(reverse("casework:review")).content.decode()
    assert case.reference in queue and "same name" in queue
    response = client.post(reverse("casework:review-decide"),
                           {"kind": "candidate", "candidate": cand.pk, "verdict": "same"})
    assert response.status_code == 302
    cand.refresh_from_db()
    case.refresh_from_db()
    assert cand.verdict == "same" and cand.decided_by == reviewer and cand.decided_at
    assert case.person == Mention.objects.get(pk=a.pk).person
    decision = LinkDecision.objects.get()
    assert decision.same and decision.decided_by == reviewer
    assert AuditEntry.objects.filter(action="review.link", actor="user:rita-reviewer").exists()


@pytest.mark.django_db
def test_disagreeing_facts_of_a_case_are_queued_and_ruled(reviewer):
    a, b = _two_reports()
    if a.person_id != b.person_id:
        review.merge(reviewer, a.person, Mention.objects.get(pk=b.pk).person)
    a.refresh_from_db()
    Case.objects.create(name="Farid Huseynzade", mention=a)
    items = review.queue()
    facts = [s for s in items if s.kind == "fact"]
    assert {s.field for s in facts} >= {"status", "birth_year"}
    status_item = next(s for s in facts if s.field == "status")
    assert review.quote_for(status_item.mention, "name") is not None
    review.decide_fact(reviewer, status_item.mention, "status", "corrected", "missing")
    ruling = FactReview.objects.get(field="status", doc_id=status_item.mention.document.doc_id)
    assert ruling.value == "missing" and ruling.decided_by == reviewer
    # the source's own claim is untouched
    assert Mention.objects.get(pk=status_item.mention.pk).status == status_item.machine_value
    assert not any(s.key == status_item.key for s in review.queue())


@pytest.mark.django_db
def test_merge_and_split_keep_rulings(reviewer):
    a, b = _two_reports()
    if a.person_id == b.person_id:
        new = review.split(reviewer, a.person, [b.pk])
        assert Mention.objects.get(pk=b.pk).person == new
    a.refresh_from_db(); b.refresh_from_db()
    merged = review.merge(reviewer, a.person, b.person)
    assert Mention.objects.get(pk=a.pk).person == merged == Mention.objects.get(pk=b.pk).person
    assert LinkDecision.objects.filter(same=True).exists()
    new = review.split(reviewer, merged, [b.pk])
    assert Mention.objects.get(pk=b.pk).person == new != Mention.objects.get(pk=a.pk).person
    ruling = LinkDecision.objects.get(mention_a=min(a.pk, b.pk), mention_b=max(a.pk, b.pk))
    assert ruling.same is False and ruling.decided_by == reviewer
    assert Person.objects.filter(pk=new.pk).exists()


@pytest.mark.django_db
def test_split_view_and_merge_view(client, reviewer, viewer):
    a, b = _two_reports()
    client.force_login(viewer)
    assert client.get(reverse("casework:person-merge")).status_code == 403
    client.force_login(reviewer)
    a.refresh_from_db(); b.refresh_from_db()
    if a.person_id != b.person_id:
        r = client.post(reverse("casework:person-merge"), {"keep": a.person_id, "absorb": b.person_id})
        assert r.status_code == 302
    a.refresh_from_db()
    r = client.post(reverse("casework:person-split", args=[a.person_id]), {"mention": [b.pk]})
    assert r.status_code == 302
    assert Mention.objects.get(pk=a.pk).person_id != Mention.objects.get(pk=b.pk).person_id


@pytest.mark.django_db
def test_fact_ruling_survives_re_extraction(reviewer):
    a, _b = _two_reports()
    review.decide_fact(reviewer, a, "birth_year", "rejected")
    doc, index = a.document, a.index
    # an automatic re-run replaces the mention rows of the document
    Mention.objects.filter(pk=a.pk).delete()
    from soraq.registry.services import ingest
    from soraq.report import Report

    again = ingest.store_mentions(doc, Report.model_validate(doc.report))[index]
    rulings = review.fact_rulings([again])
    assert rulings[(again.pk, "birth_year")].verdict == "rejected"


@pytest.mark.django_db
def test_correcting_a_suggestion_links_to_the_right_person(client, intake_post, reviewer):
    a, b = _two_reports()
    a.refresh_from_db(); b.refresh_from_db()
    if a.person_id == b.person_id:
        review.split(reviewer, a.person, [b.pk])
        b.refresh_from_db()
    client.post(reverse("casework:intake"), {**intake_post, "name": "Zaur Mammadov", "birth_date": "1980"})
    case = Case.objects.get(name="Zaur Mammadov")
    cand = CandidateMatch.objects.create(case=case, person=a.person, probability=0.5, reasons=[])
    client.force_login(reviewer)
    client.post(reverse("casework:review-decide"),
                {"kind": "candidate", "candidate": cand.pk, "verdict": "correct", "person": b.person_id})
    case.refresh_from_db(); cand.refresh_from_db()
    assert case.person.pk == Mention.objects.get(pk=b.pk).person_id
    assert cand.verdict == "different" and cand.decided_by == reviewer


def _identical_pair():
    """Two reports that the matcher links on its own: same name, birth year, home, place abroad."""
    out = []
    for n, status in ((1, "detained"), (2, "at_front")):
        t = f"Orxan Babayev, born in 1988 in Quba, was working in Belgorod. Report {n}."
        out += add_report(f"news-fictional-orxan-{n}", t, [{
            "name": "Orxan Babayev", "birth_year": 1988, "citizenship": "AZ", "home": "Quba",
            "location_abroad": "Belgorod", "status": status, "evidence": name_evidence(t, "Orxan Babayev")}],
            published=f"2026-0{n}-15")
    return [Mention.objects.get(pk=m.pk) for m in out]


@pytest.mark.django_db
def test_the_matcher_alone_links_the_identical_pair():
    """Control for the test below: without a ruling, a full relink puts the pair together."""
    from soraq.registry.services import linking

    d1, d2 = _identical_pair()
    linking.relink_all()
    assert Mention.objects.get(pk=d1.pk).person_id == Mention.objects.get(pk=d2.pk).person_id


@pytest.mark.django_db
def test_rulings_survive_a_full_automatic_relink(reviewer):
    """A reviewer's split of a pair the matcher links, and merge of a pair it keeps apart, outlive `relink_all`."""
    from soraq.registry.services import linking

    d1, d2 = _identical_pair()
    if d1.person_id == d2.person_id:
        review.split(reviewer, d1.person, [d2.pk])
    else:  # not linked at ingest: the reviewer still rules them apart
        LinkDecision.record(d1, d2, same=False, user=reviewer)
    t = "Kamran Veliyev from Shirvan was wounded near the front."
    c = add_report("news-fictional-c", t, [{"name": "Kamran Veliyev", "home": "Shirvan", "status": "wounded",
                                            "evidence": name_evidence(t, "Kamran Veliyev")}])[0]
    review.merge(reviewer, Mention.objects.get(pk=d1.pk).person, c.person)  # a reviewer knows better

    linking.relink_all()
    d1, d2, c = (Mention.objects.get(pk=m.pk) for m in (d1, d2, c))
    assert d1.person_id != d2.person_id
    assert d1.person_id == c.person_id
