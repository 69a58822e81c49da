"""`soraq export` and the `soraq_token` management command."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from argparse import Namespace

import pytest
from django.core.management import call_command

from soraq.sharing.exports import pfif

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["csv", "json", "pfif", "ftm"])
def test_export_command_writes_each_format(registry, tmp_path, fmt, capsys):
    from soraq.commands import export

    target = tmp_path / f"out.{fmt}"
    assert export.run(Namespace(format=fmt, public=False, output=str(target))) == 0
    text = target.read_text(encoding="utf-8")
    assert "Zorvan Qarvelli" in text
    if fmt == "pfif":
        assert pfif.validate_14(ET.fromstring(text)) == []
    if fmt == "json":
        assert len(json.loads(text)["persons"]) == 12
    assert "exported 12 persons" in capsys.readouterr().err


def test_public_export_command_names_nobody_without_consent(registry, tmp_path, capsys):
    from soraq.commands import export

    target = tmp_path / "public.json"
    assert export.run(Namespace(format="json", public=True, output=str(target))) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["public"] is True
    assert all(p["name"] is None for p in data["persons"])
    assert "Qarvelli" not in target.read_text(encoding="utf-8")
    assert "held back by small-cell suppression" in capsys.readouterr().err


def test_token_command_creates_lists_and_revokes(users, capsys):
    from soraq.sharing.models import ApiToken

    call_command("soraq_token", "create", "test-viewer", "--name", "script")
    token = capsys.readouterr().out.strip()
    assert token.startswith("soraq_") and ApiToken.authenticate(token) is not None
    call_command("soraq_token", "list", "test-viewer")
    listing = capsys.readouterr().out
    assert "script" in listing and token not in listing
    prefix = listing.split("…", 1)[0]
    call_command("soraq_token", "revoke", prefix)
    assert ApiToken.authenticate(token) is None


def test_exports_imports_and_tokens_are_audited(client, registry, users, tokens):
    from soraq.casework.models import AuditEntry

    client.get("/api/exports/csv?public=false", HTTP_AUTHORIZATION=f"Bearer {tokens['admin']}")
    entry = AuditEntry.objects.filter(action="sharing.export").latest("seq")
    assert entry.actor == "user:test-admin"
    assert entry.details == {"format": "csv", "public": False, "records": 12, "channel": "api"}
    assert AuditEntry.objects.filter(action="sharing.token.create").count() >= 5
    assert "Qarvelli" not in str(list(AuditEntry.objects.values_list("details", flat=True)))


def test_recorded_consent_names_the_person_in_the_public_dataset(registry, monkeypatch):
    """Consent comes from case work (source.consents); with it, and only with it, the name is public."""
    from soraq.registry.models import Person
    from soraq.sharing import source
    from soraq.sharing.exporting import build_dataset

    from .conftest import CONSENT

    consenting = Person.objects.order_by("pk").first()
    monkeypatch.setattr(source, "consents", lambda person_ids=None: {consenting.pk: CONSENT})
    public = build_dataset(public=True)
    named = [p.name for p in public.persons if p.name]
    assert named == [consenting.display_name]
    assert source.consent_fields() is None or isinstance(source.consent_fields(), tuple)
