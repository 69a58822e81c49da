"""The site menu (registry base template) shows case work's and sharing's pages to the roles allowed them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CASES, SILENT, REVIEW = "/cases/", "/cases/silent/", "/review/"
STATISTICS, EXPORTS, IMPORT = "/statistics/", "/sharing/exports/", "/sharing/import/"

EXPECTED = {
    "family": set(),
    "viewer": {CASES, SILENT, STATISTICS, EXPORTS},
    "caseworker": {CASES, SILENT, STATISTICS, EXPORTS, IMPORT},
    "reviewer": {CASES, SILENT, REVIEW, STATISTICS, EXPORTS},
    "admin": {CASES, SILENT, REVIEW, STATISTICS, EXPORTS, IMPORT},
}
ALL = set().union(*EXPECTED.values())


def menu(html: str) -> list[str]:
    """The links of the main menu, in order."""
    nav = re.search(r'<nav aria-label="Main">(.*?)</nav>', html, re.S)
    return re.findall(r'href="([^"]+)"', nav.group(1)) if nav else []


def test_urls_in_the_table_are_the_apps_own():
    assert {reverse("casework:case-list"), reverse("casework:silent"), reverse("casework:review"),
            reverse("sharing-statistics"), reverse("sharing-exports"), reverse("sharing-import")} == ALL


@pytest.mark.parametrize("role", sorted(set(EXPECTED) - {"family"}))
def test_menu_on_a_registry_page_per_role(client, users, role):
    client.force_login(users[role])
    links = menu(client.get(reverse("registry:person-list")).content.decode())
    assert set(links) & ALL == EXPECTED[role]
    assert {reverse("registry:person-list"), reverse("registry:document-list")} <= set(links)
    assert len(links) == len(set(links))  # no entry twice


def test_a_family_account_sees_its_own_requests_and_not_the_registry(client, users, registry):
    from soraq.registry.models import Document, Person

    client.force_login(users["family"])
    person, document = Person.objects.first(), Document.objects.first()
    for url in (reverse("registry:person-list"), person.get_absolute_url(), reverse("registry:document-list"),
                reverse("registry:document-detail", args=[document.pk]),
                reverse("registry:document-original", args=[document.pk])):
        assert client.get(url).status_code == 403, url
    home = client.get(reverse("registry:home"))
    assert home.status_code == 302 and home["Location"] == reverse("casework:my-cases")
    links = menu(client.get(reverse("casework:my-cases")).content.decode())
    assert links == [reverse("casework:my-cases")]


def test_a_user_without_a_role_still_reads_the_registry(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("test-no-role"))
    assert client.get(reverse("registry:person-list")).status_code == 200
    assert client.get(reverse("registry:home"))["Location"] == reverse("registry:person-list")


@pytest.mark.parametrize("page", [CASES, STATISTICS])
def test_menu_is_the_same_on_case_work_and_sharing_pages_and_marks_the_current_one(client, users, page):
    client.force_login(users["admin"])
    html = client.get(page).content.decode()
    links = menu(html)
    assert set(links) & ALL == EXPECTED["admin"] and len(links) == len(set(links))
    assert f'href="{page}" aria-current="page"' in html


def test_anonymous_visitors_get_no_menu(client, settings):
    settings.SORAQ_PUBLISH_PUBLIC = True
    assert menu(client.get(STATISTICS).content.decode()) == []
