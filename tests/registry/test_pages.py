"""The registry's pages through Django's test client."""

from __future__ import annotations

import pytest
from django.urls import reverse

from soraq.registry.models import Document, Person
from soraq.registry.services.ingest import ingest

from .conftest import document, given_reports, person, report

pytestmark = pytest.mark.django_db

EN = ("Baku, 12 March 2026. Azerbaijani citizen Vusal Nasibov, born in 1987, from Qusar, "
      "went to Kazan to work in 2023. He was detained by the police on 15 January 2026. "
      "On 2 February 2026 he was sent to the front. His family has had no news since.")
RU = ("Гражданин Азербайджана Вусал Насибов, 1987 года рождения, уроженец Кусара, пропал. "
      "Его задержали 15 января 2026 года в Казани. Связи с ним нет с 10 февраля 2026 года.")


@pytest.fixture
def registry():
    en = document("en-report", EN, "2026-03-12", title="A builder detained in Kazan", outlet="Invented Daily")
    ru = document("ru-report", RU, "2026-03-14", outlet="Выдуманные вести")
    reports = {
        "en-report": report(en, person(
            EN, "Vusal Nasibov", birth_year=1987, citizenship="AZ", home="Qusar", status="at_front",
            events=[("departure", "2023", "went to Kazan to work in 2023"),
                    ("detention", "2026-01-15", "detained by the police on 15 January 2026"),
                    ("deployment", "2026-02-02", None)])),
        "ru-report": report(ru, person(
            RU, "Вусал Насибов", birth_year=1987, citizenship="AZ", home="Кусар", status="missing",
            events=[("detention", "2026-01-15", "Его задержали 15 января 2026 года"),
                    ("disappearance", "2026-02-10", "Связи с ним нет с 10 февраля 2026 года")]),
            lang="ru"),
    }
    ingest([en, ru], extractor=given_reports(reports))
    return Person.objects.get()


@pytest.fixture
def client_in(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="not-used-here")
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", ["registry:person-list", "registry:document-list", "registry:home"])
def test_login_required(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_required_on_detail_pages(client, registry):
    for url in (registry.get_absolute_url(), Document.objects.first().get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_login_page_and_logging_in(client, django_user_model):
    django_user_model.objects.create_user("reader", password="a long invented passphrase")
    page = client.get(reverse("login"))
    assert page.status_code == 200 and b'name="password"' in page.content
    assert page["X-Frame-Options"] == "DENY"
    response = client.post(reverse("login"), {"username": "reader", "password": "a long invented passphrase"})
    assert response.status_code == 302 and response["Location"] == reverse("registry:home")
    assert client.get(reverse("registry:home"))["Location"] == reverse("registry:person-list")
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("registry:person-list")).status_code == 302


def test_search_in_the_other_script_finds_the_person(client_in, registry):
    url = reverse("registry:person-list")
    for query in ("Насибов", "nasibov", "Vusal Nasibov", "Вусал"):
        page = client_in.get(url, {"q": query})
        assert list(page.context["persons"]) == [registry], query
    assert list(client_in.get(url, {"q": "Nasibov Talibov"}).context["persons"]) == []


def test_filters_by_citizenship_and_status(client_in, registry):
    url = reverse("registry:person-list")
    assert list(client_in.get(url, {"citizenship": "AZ"}).context["persons"]) == [registry]
    assert list(client_in.get(url, {"citizenship": "TJ"}).context["persons"]) == []
    assert registry.status == "missing"  # the newer report's status
    assert list(client_in.get(url, {"status": "missing"}).context["persons"]) == [registry]
    assert list(client_in.get(url, {"status": "at_front"}).context["persons"]) == []


def test_person_list_is_paginated(client_in, registry):
    for i in range(30):
        Person.objects.create(name_latin=f"Invented Person {i}", family_name=f"Zz{i:02}")
    page = client_in.get(reverse("registry:person-list"))
    assert page.context["is_paginated"] and len(page.context["persons"]) == 25
    assert client_in.get(reverse("registry:person-list"), {"page": 2}).status_code == 200


def test_person_page_shows_names_status_sources_and_timeline(client_in, registry):
    page = client_in.get(registry.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vusal Nasibov" in html and "Вусал Насибов" in html
    # the status with its source, and the older disagreeing claim
    assert "Выдуманные вести" in html and "at the front" in html
    timeline = page.context["file"]["timeline"]
    assert [row.type for row in timeline] == ["departure", "detention", "deployment", "disappearance"]
    detention = timeline[1]
    assert len(detention.sources) == 2  # the same dated event from two reports is one row
    quotes = {s.document.doc_id: s.quote for s in detention.sources}
    assert quotes["en-report"].marked == "detained by the police on 15 January 2026"
    assert quotes["en-report"].before == "He was "
    assert "<mark>detained by the police on 15 January 2026</mark>" in html
    # an event without its own evidence is shown with the sentence naming the person
    deployment = timeline[2].sources[0]
    assert deployment.event.span_source == "name"
    assert deployment.quote.marked == (
        "Azerbaijani citizen Vusal Nasibov, born in 1987, from Qusar, went to Kazan to work in 2023.")
    # the facts: both homes as written, flagged as a disagreement
    home = next(f for f in page.context["file"]["facts"] if f.field == "home")
    assert home.values == ["Кусар", "Qusar"] and home.disagreement
    assert "match probability" in html
    # statuses differ between the sources: flagged, and the newest dated one counts
    assert page.context["file"]["status"].disagreement
    assert "sources differ: the newest dated one counts" in html
    assert page.context["file"]["other_spellings"] == []  # both spellings are the canonical names
    birth = next(f for f in page.context["file"]["facts"] if f.field == "birth_year")
    assert [(value, len(claims)) for value, claims in birth.grouped] == [(1987, 2)]


def test_document_page_highlights_the_evidence_and_links_the_person(client_in, registry):
    doc = Document.objects.get(doc_id="en-report")
    page = client_in.get(doc.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "A builder detained in Kazan" in html and "Invented Daily" in html
    assert registry.get_absolute_url() in html
    marked = [s.text for s in page.context["segments"] if s.labels]
    assert "Vusal Nasibov" in marked and "went to Kazan to work in 2023" in marked
    assert "".join(s.text for s in page.context["segments"]) == EN  # nothing lost or added
    assert '<mark title="Vusal Nasibov: departure 2023">went to Kazan to work in 2023</mark>' in html


def test_document_original_is_a_download(client_in, registry):
    doc = Document.objects.get(doc_id="en-report")
    response = client_in.get(reverse("registry:document-original", args=[doc.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content == EN.encode()


def test_text_is_escaped(client_in):
    text = "Invented <script>alert(1)</script> Person was detained."
    doc = document("xss", text, "2026-01-01")
    ingest([doc], extractor=given_reports({"xss": report(doc, person(text, "Person was"))}))
    html = client_in.get(Document.objects.get(doc_id="xss").get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_language_switch(client_in, registry):
    response = client_in.post(reverse("set_language"), {"language": "ru", "next": "/persons/"})
    assert response.status_code == 302
    page = client_in.get(reverse("registry:person-list"))
    assert page.context["LANGUAGE_CODE"] == "ru"
    html = page.content.decode()
    assert 'lang="ru"' in html and "Люди" in html and "Найден 1 человек" in html
    client_in.post(reverse("set_language"), {"language": "az", "next": "/persons/"})
    html = client_in.get(registry.get_absolute_url()).content.decode()
    assert 'lang="az"' in html and "Xronologiya" in html and "itkin düşüb" in html
    assert '<button type="submit">Dəyiş</button>' in html  # the language switch, not the admin's "Change"


def test_admin_lists_the_registry_models(client, django_user_model, registry):
    admin = django_user_model.objects.create_superuser("admin", password="not-used-here")
    client.force_login(admin)
    for model in ("document", "person", "mention", "linkdecision"):
        assert client.get(f"/admin/registry/{model}/").status_code == 200
    assert client.get(f"/admin/registry/person/{registry.pk}/change/").status_code == 200


def test_menu_is_built_from_the_apps_and_marks_the_current_page(client_in, client, registry, monkeypatch):
    from django.apps import apps

    from soraq.site.navigation import NavItem

    monkeypatch.setattr(apps.get_app_config("sharing"), "nav_items",
                        lambda request: [NavItem("Invented extra", "/extra/")], raising=False)
    html = client_in.get(registry.get_absolute_url()).content.decode()
    assert f'<a href="{reverse("registry:person-list")}" aria-current="page">Persons</a>' in html
    assert f'<a href="{reverse("registry:document-list")}">Documents</a>' in html
    assert '<a href="/extra/">Invented extra</a>' in html
    assert "Invented extra" not in client.get(reverse("login")).content.decode()  # logged out: no menu


def test_unknown_pages_get_the_sites_not_found_page(client_in):
    response = client_in.get("/persons/999999/")
    assert response.status_code == 404
    assert "There is nothing at this address" in response.content.decode()


def test_person_list_flags_links_waiting_for_review(client_in):
    docs = {}
    for doc_id in ("first-note", "second-note"):
        text = f"Vusal Nasibov, an Azerbaijani citizen, is missing ({doc_id})."
        doc = document(doc_id, text, "2026-03-01")
        docs[doc_id] = (doc, report(doc, person(text, "Vusal Nasibov", citizenship="AZ")))
    ingest([d for d, _ in docs.values()], extractor=given_reports({k: r for k, (_, r) in docs.items()}))
    page = client_in.get(reverse("registry:person-list"))
    (listed,) = page.context["persons"]
    assert (listed.mention_count, listed.review_count) == (2, 1)
    assert "link needs review" in page.content.decode()


def test_a_ruling_saved_in_the_admin_takes_effect_at_once(client, django_user_model, registry):
    from soraq.registry.models import LinkDecision, Mention

    admin = django_user_model.objects.create_superuser("admin", password="not-used-here")
    client.force_login(admin)
    en, ru = Mention.objects.get(document__doc_id="en-report"), Mention.objects.get(document__doc_id="ru-report")
    assert en.person_id == ru.person_id
    response = client.post("/admin/registry/linkdecision/add/",
                           {"mention_a": ru.pk, "mention_b": en.pk, "same": "", "note": "different fathers"})
    assert response.status_code == 302, response.content.decode()[:2000]
    decision = LinkDecision.objects.get()
    assert (decision.mention_a_id, decision.mention_b_id, decision.same) == (en.pk, ru.pk, False)
    assert decision.decided_by == admin
    en.refresh_from_db()
    ru.refresh_from_db()
    assert en.person_id != ru.person_id


def test_apps_offer_actions_on_the_person_page(client_in, client, django_user_model, registry, monkeypatch):
    from django.apps import apps

    from soraq.site.navigation import NavItem

    monkeypatch.setattr(apps.get_app_config("casework"), "person_actions",
                        lambda request, person: [NavItem("Invented action", f"/act/{person.pk}/")], raising=False)
    html = client_in.get(registry.get_absolute_url()).content.decode()
    assert f'href="/act/{registry.pk}/">Invented action</a>' in html
    assert "View in the admin" not in html  # an ordinary reader
    admin = django_user_model.objects.create_superuser("admin", password="not-used-here")
    client.force_login(admin)
    html = client.get(registry.get_absolute_url()).content.decode()
    assert f'href="/admin/registry/person/{registry.pk}/change/">View in the admin</a>' in html


def test_vocabulary_is_shown_in_the_readers_language(client_in):
    text = "Invented Person lost his passport; his mother Invented Mother asked for help."
    doc = document("vocab", text, "2026-04-01")
    rep = report(doc, person(text, "Invented Person", coercion=["passport_confiscation"],
                             relatives=[{"name": "Invented Mother", "relation": "mother"}]))
    ingest([doc], extractor=given_reports({"vocab": rep}))
    client_in.post(reverse("set_language"), {"language": "ru", "next": "/"})
    html = client_in.get(Person.objects.get().get_absolute_url()).content.decode()
    assert "отобрали паспорт" in html and "Invented Mother (мать)" in html
