"""Case list, case page, hiding, notes, evidence, alerts on silence and on new reports."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from soraq.casework import evidence_store
from soraq.casework.models import Alert, AuditEntry, Case, EvidenceFile, TracingRequest
from soraq.casework.services import alerts
from soraq.casework.services.cases import CaseFilters, find_cases

from .conftest import add_report, name_evidence


@pytest.fixture
def filed(client, intake_post):
    client.post(reverse("casework:intake"), intake_post)
    client.post(reverse("casework:intake"), {**intake_post, "name": "Dilnoza Karimova", "citizenship": "UZ",
                                             "home_district": "Fergana", "birth_date": "1988"})
    return Case.objects.get(name="Rovshan Alizada"), Case.objects.get(name="Dilnoza Karimova")


@pytest.mark.django_db
def test_search_by_name_in_any_script_and_filters(filed):
    rovshan, dilnoza = filed
    assert list(find_cases(CaseFilters(q="Ровшан Ализада"))) == [rovshan]
    assert list(find_cases(CaseFilters(q="alizada"))) == [rovshan]
    assert list(find_cases(CaseFilters(q="Дильноза Каримова"))) == [dilnoza]
    assert list(find_cases(CaseFilters(citizenship="UZ"))) == [dilnoza]
    assert list(find_cases(CaseFilters(region="salyan"))) == [rovshan]
    assert list(find_cases(CaseFilters(q=rovshan.reference))) == [rovshan]
    assert list(find_cases(CaseFilters(new_reports=True))) == []
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert list(find_cases(CaseFilters(date_from=tomorrow))) == []


@pytest.mark.django_db
def test_case_list_and_page_render(client, filed, caseworker):
    rovshan, _ = filed
    client.force_login(caseworker)
    listing = client.get(reverse("casework:case-list"), {"q": "Ровшан"}).content.decode()
    assert rovshan.reference in listing and "Dilnoza" not in listing
    page = client.get(rovshan.get_absolute_url()).content.decode()
    assert "Rovshan Alizada" in page and "Timeline" in page
    # the family's claim is one of the sources, with its highlighted sentence
    assert "<mark>" in page
    assert AuditEntry.objects.filter(action="case.view", object_id=str(rovshan.pk)).exists()


@pytest.mark.django_db
def test_hidden_never_deleted(client, filed, caseworker):
    rovshan, _ = filed
    client.force_login(caseworker)
    client.post(reverse("casework:case-hide", args=[rovshan.reference]), {"reason": "prank request"})
    rovshan.refresh_from_db()
    assert rovshan.hidden and TracingRequest.objects.get(case=rovshan).flagged
    assert rovshan not in find_cases(CaseFilters())
    assert Case.objects.filter(pk=rovshan.pk).exists()
    assert client.get(rovshan.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_notes_and_evidence_are_encrypted_and_audited(client, filed, caseworker):
    rovshan, _ = filed
    client.force_login(caseworker)
    client.post(reverse("casework:note-add", args=[rovshan.reference]), {"body": "Spoke with the sister."})
    upload = SimpleUploadedFile("letter.txt", b"fictional letter content", content_type="text/plain")
    client.post(reverse("casework:evidence-add", args=[rovshan.reference]), {"file": upload, "description": "scan"})
    item = EvidenceFile.objects.get()
    assert evidence_store.read(item.sha256) == b"fictional letter content"
    download = client.get(reverse("casework:evidence-download", args=[item.pk]))
    assert download.content == b"fictional letter content"
    assert AuditEntry.objects.filter(action="evidence.view", object_id=str(item.pk)).exists()
    page = client.get(rovshan.get_absolute_url()).content.decode()
    assert "Spoke with the sister." in page and item.sha256 in page


@pytest.mark.django_db
def test_silence_alert_once_by_mail_and_in_ui(client, filed, caseworker, django_capture_on_commit_callbacks):
    rovshan, dilnoza = filed
    rovshan.followers.add(caseworker)
    rovshan.last_contact = dt.date(2026, 1, 1)
    rovshan.silence_days = 30
    rovshan.save()
    dilnoza.last_contact = dt.date(2026, 1, 1)
    dilnoza.save()  # not followed: no alert to anyone
    with django_capture_on_commit_callbacks(execute=True):
        assert alerts.check_silence(today=dt.date(2026, 6, 1)) == 1
    assert len(mail.outbox) == 1
    assert rovshan.reference in mail.outbox[0].subject
    assert "Rovshan" not in mail.outbox[0].subject + mail.outbox[0].body  # no names by mail
    assert Alert.objects.get(recipient=caseworker).kind == "silence"
    with django_capture_on_commit_callbacks(execute=True):
        assert alerts.check_silence(today=dt.date(2026, 6, 2)) == 0
    client.force_login(caseworker)
    alerts_page = client.get(reverse("casework:alerts")).content.decode()
    assert rovshan.reference in alerts_page and 'aria-label="1 unread"' in alerts_page
    client.post(reverse("casework:alerts"))
    assert not Alert.objects.filter(recipient=caseworker, read_at__isnull=True).exists()
    assert rovshan.reference in client.get(reverse("casework:silent")).content.decode()


@pytest.mark.django_db
def test_new_report_about_followed_person_raises_alert(filed, caseworker, django_capture_on_commit_callbacks):
    rovshan, _ = filed
    rovshan.followers.add(caseworker)
    text = "Rovshan Alizada, born in 1991 in Salyan, Azerbaijan, was captured near the front."
    with django_capture_on_commit_callbacks(execute=True):
        add_report("news-fictional-3", text, [{
            "name": "Rovshan Alizada", "birth_year": 1991, "citizenship": "AZ", "home": "Qaraçala, Salyan",
            "location_abroad": "Kaluga", "status": "captured", "evidence": name_evidence(text, "Rovshan Alizada")}])
    alert = Alert.objects.get(recipient=caseworker, kind="new_report")
    rovshan.refresh_from_db()
    assert rovshan.has_new_reports
    assert len(mail.outbox) == 1 and alert.case == rovshan
    assert rovshan in find_cases(CaseFilters(new_reports=True, person_status=rovshan.person.status))


@pytest.mark.django_db
def test_new_reports_can_be_marked_seen(client, filed, caseworker):
    rovshan, _ = filed
    Case.objects.filter(pk=rovshan.pk).update(has_new_reports=True)
    client.force_login(caseworker)
    assert "Mark the new reports as seen" in client.get(rovshan.get_absolute_url()).content.decode()
    client.post(reverse("casework:case-seen", args=[rovshan.reference]))
    rovshan.refresh_from_db()
    assert not rovshan.has_new_reports


@pytest.mark.django_db
def test_another_familys_request_alerts_followers(client, intake_post, caseworker, django_capture_on_commit_callbacks):
    client.post(reverse("casework:intake"), intake_post)
    first = Case.objects.get()
    first.followers.add(caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("casework:intake"), {**intake_post, "contact_name": "Another Relative",
                                                 "contact_email": "another@example.org"})
    second = Case.objects.exclude(pk=first.pk).get()
    assert second.person == first.person  # two identical requests are linked to one person
    alert = Alert.objects.get(recipient=caseworker)
    assert alert.kind == "intake" and alert.case == first
    first.refresh_from_db()
    assert not first.has_new_reports  # a family's request is not a news report


@pytest.mark.django_db
def test_person_cases_hook_and_opening_a_case_from_the_registry(client, caseworker, viewer):
    from django.template import RequestContext, Template
    from django.test import RequestFactory

    text = "Nijat Quliyev from Sabirabad was detained in Lipetsk."
    mention = add_report("news-fictional-hook", text, [{"name": "Nijat Quliyev", "home": "Sabirabad",
                                                        "status": "detained"}])[0]
    person = mention.person
    tpl = Template("{% load casework %}{% person_cases person %}")

    def render(user):
        request = RequestFactory().get("/")
        request.user = user
        return tpl.render(RequestContext(request, {"person": person}))

    from django.contrib.auth.models import AnonymousUser

    assert render(AnonymousUser()).strip() == ""
    assert "Open a case" not in render(viewer)
    assert "Open a case for this person" in render(caseworker)
    client.force_login(caseworker)
    response = client.post(reverse("casework:case-from-person", args=[person.pk]))
    case = Case.objects.get(mention__person=person)
    assert response["Location"] == case.get_absolute_url()
    assert case.followers.filter(pk=caseworker.pk).exists()
    assert case.reference in render(viewer)


@pytest.mark.django_db
def test_uncertain_new_report_becomes_a_candidate_of_the_followed_case(filed, caseworker):
    rovshan, _ = filed
    rovshan.followers.add(caseworker)
    text = "A man named R. Alizade from Salyan was seen in a training camp."
    other = add_report("news-fictional-uncertain", text, [{"name": "R. Alizade", "home": "Salyan",
                                                           "status": "in_unit"}])[0]
    Alert.objects.all().delete()
    from soraq.casework.models import CandidateMatch

    CandidateMatch.objects.filter(case=rovshan).delete()
    # the matcher was unsure: a new person, in review against the case's own claim
    assert other.person_id is not None and other.person_id != rovshan.person.pk
    other.review_candidate = rovshan.mention
    other.link_score = 0.55
    other.link_reasons = [{"feature": "name", "weight": 2.0, "text": "initial matches given name"}]
    other.save()
    alert = Alert.objects.get(recipient=caseworker, kind="new_report")
    assert alert.detail["possible"] is True
    cand = CandidateMatch.objects.get(case=rovshan, person_id=other.person_id)
    assert cand.reasons[0]["text"] == "initial matches given name"
