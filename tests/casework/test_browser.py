"""End to end in a real browser: a family files a request, a reviewer confirms the candidate match,
the caseworker's case page shows the linked report - in two UI languages, on a phone-sized screen.

Uses Playwright with Debian's chromium (no browser download); skipped with a reason when either is
missing. Screenshots go to test-artifacts/casework/ (git-ignored).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from .conftest import add_report, make_user, name_evidence

CHROMIUM = os.environ.get("SORAQ_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "casework"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser

HEADINGS = {"az": "İtkin düşmüş qohumunuzu axtarmağımızı xahiş edin",
            "ru": "Попросите нас найти пропавшего родственника"}
RECEIVED = {"az": "Müraciətiniz qəbul edildi", "ru": "Ваше обращение получено"}
SAME = {"az": "Eyni şəxs", "ru": "Один человек"}
TIMELINE = {"az": "Xronologiya", "ru": "Хронология"}


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"chromium not found at {CHROMIUM} (apt-get install chromium, or set SORAQ_CHROMIUM)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _session_cookie(user, live_server) -> dict:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url}


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["az", "ru"])
def test_intake_to_case_page(browser, live_server, settings, django_user_model, lang):
    from soraq.casework.models import Case
    from soraq.casework.services import matching, review
    from soraq.registry.models import Mention

    settings.SORAQ_INTAKE_MIN_SECONDS = 0
    text = "Elvin Nasibli, born in 1994 in Astara, was detained in Voronezh and sent to the front in May."
    add_report(f"news-browser-{lang}", text, [{
        "name": "Elvin Nasibli", "birth_year": 1994, "citizenship": "AZ", "home": "Astara",
        "location_abroad": "Voronezh", "status": "at_front",
        "events": [{"type": "detention", "date": "2026-04", "place": "Voronezh"},
                   {"type": "deployment", "date": "2026-05"}],
        "evidence": name_evidence(text, "Elvin Nasibli")}])

    # 1. the family, on a phone, in their language, with no account
    family = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    page = family.new_page()
    page.goto(f"{live_server.url}/intake/")
    page.select_option("#language", lang)
    with page.expect_navigation():
        page.click("form.lang button[type=submit]")
    assert HEADINGS[lang] in page.inner_text("h1")
    page.fill("#id_name", "Эльвин Насибли" if lang == "ru" else "Elvin Nəsibli")
    page.fill("#id_birth_date", "1994")
    page.select_option("#id_citizenship", "AZ")
    page.fill("#id_home_district", "Astara")
    page.fill("#id_work_abroad", "Voronezh")
    page.fill("#id_story", "Fictional testimony for a browser test.")
    page.fill("#id_last_contact", "04.2026")
    page.fill("#id_contact_name", "Test Relative")
    page.select_option("#id_contact_relation", "brother")
    page.fill("#id_contact_email", "browser-family@example.org")
    page.check("#id_consent")
    _shot(page, f"1-intake-{lang}")
    page.click("button.primary")
    page.wait_for_selector("#reference")
    assert RECEIVED[lang] in page.inner_text("h1")
    reference = page.inner_text("#reference").strip()
    assert re.fullmatch(r"SRQ-[0-9A-Z]{8}", reference)
    _shot(page, f"2-confirmation-{lang}")
    family.close()

    # 2. the claim has a candidate match (if the matcher linked it outright, a caseworker undoes that)
    reviewer = make_user(django_user_model, f"rev-{lang}", "reviewer", "caseworker")
    case = Case.objects.get(reference=reference)
    report_person = Mention.objects.get(document__doc_id=f"news-browser-{lang}").person
    if case.mention.person_id == report_person.pk:
        review.split(reviewer, report_person, [case.mention_id])
        from soraq.registry.models import LinkDecision
        LinkDecision.objects.all().delete()
    matching.refresh_candidates(case)
    assert case.candidates.filter(person=Mention.objects.get(document__doc_id=f"news-browser-{lang}").person).exists()

    # 3. the reviewer decides with the source sentence in view
    staff = browser.new_context(viewport={"width": 1280, "height": 900}, locale=lang)
    staff.add_cookies([_session_cookie(reviewer, live_server),
                       {"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": live_server.url}])
    page = staff.new_page()
    page.goto(f"{live_server.url}/review/")
    card = page.locator("section.suggestion", has_text=reference).first
    assert "<mark>" in card.inner_html()
    _shot(page, f"3-review-{lang}")
    with page.expect_navigation():
        card.get_by_role("button", name=SAME[lang]).click()

    # 4. the case page: the report is linked, its sentence highlighted, contacts not shown
    page.goto(f"{live_server.url}/cases/{reference}/")
    html = page.content()
    assert TIMELINE[lang] in html and "Voronezh" in html and "<mark>" in html
    assert "browser-family@example.org" not in html
    _shot(page, f"4-case-{lang}")
    case.refresh_from_db()
    assert case.person.pk == Mention.objects.get(document__doc_id=f"news-browser-{lang}").person.pk

    # 5. search in the other script finds the case; contacts only on the confidential page, audited
    page.goto(f"{live_server.url}/cases/?q=" + ("Elvin Nasibli" if lang == "ru" else "Эльвин Насибли"))
    assert reference in page.content()
    _shot(page, f"5-case-list-{lang}")
    page.goto(f"{live_server.url}/cases/{reference}/confidential/")
    assert "browser-family@example.org" in page.content()
    _shot(page, f"6-confidential-{lang}")
    from soraq.casework.models import AuditEntry

    assert AuditEntry.objects.filter(action="contact.view", actor=f"user:rev-{lang}").exists()
    staff.close()
