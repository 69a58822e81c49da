"""Confidential fields are encrypted at rest; keys rotate; a dev key is generated safely."""

from __future__ import annotations

import os
import stat

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from soraq.casework import crypto, evidence_store
from soraq.casework.models import Case, TracingRequest

PHONE = "+000 555 0101"
STORY = "Ilkin left for seasonal work in spring and stopped answering in autumn."
CONTACT = "contact-person@example.org"
PHOTO = b"\x89PNG fictional photo bytes \x00\x01"


def _request() -> TracingRequest:
    case = Case.objects.create(name="Ilkin Qarayev")
    return TracingRequest.objects.create(
        case=case, lang="en", name="Ilkin Qarayev", phone=PHONE, story=STORY,
        contact_email=CONTACT, contact_name="Samira Qarayeva", photo=PHOTO, photo_type="image/png",
    )


def _raw_row(pk: int) -> tuple:
    table = TracingRequest._meta.db_table
    with connection.cursor() as cur:
        cur.execute(f"SELECT phone, story, contact_email, contact_name, photo FROM {table} WHERE id = %s", [pk])
        return cur.fetchone()


@pytest.mark.django_db
def test_raw_database_holds_no_plaintext():
    req = _request()
    raw = _raw_row(req.pk)
    dumped = b"".join(bytes(v) if not isinstance(v, str) else v.encode() for v in raw)
    for secret in (PHONE, STORY, CONTACT, "Samira"):
        assert secret.encode() not in dumped
    assert PHOTO not in dumped
    # and the model reads them back
    again = TracingRequest.objects.get(pk=req.pk)
    assert (again.phone, again.story, again.contact_email, bytes(again.photo)) == (PHONE, STORY, CONTACT, PHOTO)


@pytest.mark.django_db
def test_rotation_re_encrypts_with_newest_key(monkeypatch):
    req = _request()
    sha = evidence_store.store(b"fictional scanned letter")
    old_key = os.environ[crypto.ENV_KEYS]
    before = _raw_row(req.pk)
    new_key = Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.ENV_KEYS, f"{new_key},{old_key}")
    crypto.reset_key_cache()
    counts = crypto.rotate_keys()
    assert counts["casework.TracingRequest"] == 1
    assert counts["evidence files"] == 1
    after = _raw_row(req.pk)
    assert after[0] != before[0]
    # the old key alone no longer opens the values: only the new one does
    Fernet(new_key.encode()).decrypt(after[0].encode())
    with pytest.raises(Exception):
        Fernet(old_key.encode()).decrypt(after[0].encode())
    Fernet(new_key.encode()).decrypt(bytes(after[4]))
    monkeypatch.setenv(crypto.ENV_KEYS, new_key)
    crypto.reset_key_cache()
    again = TracingRequest.objects.get(pk=req.pk)
    assert again.story == STORY and bytes(again.photo) == PHOTO
    assert evidence_store.read(sha) == b"fictional scanned letter"


@pytest.mark.django_db
def test_removed_key_gives_clear_error(monkeypatch):
    req = _request()
    monkeypatch.setenv(crypto.ENV_KEYS, Fernet.generate_key().decode())
    crypto.reset_key_cache()
    with pytest.raises(crypto.KeyConfigurationError, match="rotate-keys"):
        TracingRequest.objects.get(pk=req.pk)


def test_development_key_generated_once_mode_600(monkeypatch, tmp_path):
    monkeypatch.delenv(crypto.ENV_KEYS)
    monkeypatch.setenv("SORAQ_VAR_DIR", str(tmp_path))
    crypto.reset_key_cache()
    with pytest.warns(crypto.DevelopmentKeyWarning):
        token = crypto.encrypt_text("fictional")
    path = tmp_path / crypto.KEY_FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = path.read_text()
    crypto.reset_key_cache()
    with pytest.warns(crypto.DevelopmentKeyWarning):
        assert crypto.decrypt_text(token) == "fictional"
    assert path.read_text() == first


def test_malformed_key_is_reported_without_echoing_it(monkeypatch):
    monkeypatch.setenv(crypto.ENV_KEYS, "not-a-key-secretvalue")
    crypto.reset_key_cache()
    with pytest.raises(crypto.KeyConfigurationError) as info:
        crypto.encrypt_text("x")
    assert "secretvalue" not in str(info.value)


def test_evidence_store_is_content_addressed_and_checks_integrity():
    sha = evidence_store.store(b"fictional receipt")
    assert evidence_store.store(b"fictional receipt") == sha
    path = evidence_store.path_for(sha)
    assert b"fictional receipt" not in path.read_bytes()
    path.chmod(0o600)
    path.write_bytes(crypto.encrypt_bytes(b"tampered"))
    with pytest.raises(evidence_store.EvidenceError, match="no longer matches"):
        evidence_store.read(sha)


@pytest.mark.django_db
def test_notes_and_evidence_names_are_encrypted_too():
    from soraq.casework.models import EvidenceFile, Note

    case = Case.objects.create(name="Fictional Person")
    note = Note.objects.create(case=case, body="met the fictional witness")
    item = EvidenceFile.objects.create(case=case, sha256="0" * 64, size=1, filename="witness-statement.pdf")
    with connection.cursor() as cur:
        cur.execute(f"SELECT body FROM {Note._meta.db_table} WHERE id = %s", [note.pk])
        assert "witness" not in cur.fetchone()[0]
        cur.execute(f"SELECT filename FROM {EvidenceFile._meta.db_table} WHERE id = %s", [item.pk])
        assert "witness" not in cur.fetchone()[0]
