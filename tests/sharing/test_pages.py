"""Statistics, export and import pages: same permission matrix as the API; offline charts; CSV."""

from __future__ import annotations

import csv
import io

import pytest

from soraq.sharing import permissions

from .test_api import EXPECTED

pytestmark = pytest.mark.django_db

PAGES = [
    ("/statistics/", "statistics.public"),
    ("/statistics/?view=full", "statistics.full"),
    ("/statistics/statistics.csv", "statistics.public"),
    ("/statistics/statistics.csv?view=full", "statistics.full"),
    ("/sharing/exports/", "export.public"),
    ("/sharing/exports/json/", "export.public"),
    ("/sharing/exports/ftm/?view=full", "export.full"),
    ("/sharing/import/", "persons.import"),
]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_pages_follow_the_matrix(client, registry, users, role):
    if users[role] is not None:
        client.force_login(users[role])
    for path, action in PAGES:
        response = client.get(path)
        if action in EXPECTED[role]:
            assert response.status_code == 200, (role, path, response.status_code)
        elif role == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], path
        else:
            assert response.status_code == 403, (role, path, response.status_code)


def test_statistics_page_has_offline_svg_charts_and_minimum_wording(client, registry, users):
    client.force_login(users["viewer"])
    html = client.get("/statistics/").content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "<script" not in html.split("<main", 1)[1]  # charts need no JavaScript
    assert "http://" not in html.split("<main", 1)[1].replace("http://www.w3.org/2000/svg", "")
    assert "at least 12" in html  # 12 invented people, all KG, all missing


def test_public_statistics_csv_hides_small_cells(client, registry, users):
    client.force_login(users["viewer"])
    rows = list(csv.DictReader(io.StringIO(client.get("/statistics/statistics.csv").content.decode())))
    assert rows and set(rows[0]) == {"dimension", "category", "label", "reported_at_least", "confirmed_at_least"}
    for row in rows:
        value = row["reported_at_least"]
        assert value == "<5" or int(value) >= 5


def test_exact_statistics_show_small_cells_to_caseworkers(client, registry, users):
    client.force_login(users["caseworker"])
    rows = list(csv.DictReader(io.StringIO(client.get("/statistics/statistics.csv?view=full").content.decode())))
    birth = [r for r in rows if r["dimension"] == "citizenship"]
    assert birth == [{"dimension": "citizenship", "category": "KG", "label": "KG",
                      "reported_at_least": "12", "confirmed_at_least": "0"}]


def test_publishing_switch_opens_public_pages_only(client, registry, settings):
    settings.SORAQ_PUBLISH_PUBLIC = True
    assert client.get("/statistics/").status_code == 200
    assert client.get("/sharing/exports/csv/").status_code == 200
    assert client.get("/statistics/?view=full").status_code == 302
    assert permissions.can(None, "export.full") is False
