"""Model fields whose values are stored encrypted (see :mod:`soraq.casework.crypto`).

Why custom fields: encryption then happens in exactly one place, on the way
into and out of the database, so no view or service can forget it. Encrypted
values cannot be searched or ordered in SQL; keep search keys elsewhere.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from . import crypto


class EncryptedMixin:
    """Shared by the encrypted fields, so key rotation can find them."""

    def token_bytes(self, raw: Any) -> bytes:  # pragma: no cover - overridden
        raise NotImplementedError

    def wrap_raw(self, token: bytes) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError


class EncryptedTextField(EncryptedMixin, models.TextField):
    """Text stored as a Fernet token; read back as ``str``. Empty string stays empty."""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt_text(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return crypto.decrypt_text(value)

    def token_bytes(self, raw: Any) -> bytes:
        return raw.encode("ascii") if isinstance(raw, str) else bytes(raw)

    def wrap_raw(self, token: bytes) -> Any:
        return _RawToken(token.decode("ascii"))

    def get_db_prep_value(self, value, connection, prepared=False):
        if isinstance(value, _RawToken):
            return str(value)
        return super().get_db_prep_value(value, connection, prepared)


class EncryptedBinaryField(EncryptedMixin, models.BinaryField):
    """Bytes (a photo) stored as a Fernet token; read back as ``bytes``."""

    def get_db_prep_value(self, value, connection, prepared=False):
        if isinstance(value, _RawBytes):
            return connection.Database.Binary(bytes(value))
        if value is None or (not prepared and value == b""):
            return super().get_db_prep_value(value, connection, prepared)
        if not prepared:
            value = crypto.encrypt_bytes(bytes(value))
        return super().get_db_prep_value(value, connection, prepared=True)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or len(value) == 0:
            return value
        return crypto.decrypt_bytes(bytes(value))

    def token_bytes(self, raw: Any) -> bytes:
        return bytes(raw)

    def wrap_raw(self, token: bytes) -> Any:
        return _RawBytes(token)


class _RawToken(str):
    """An already-encrypted token, written as is (used by key rotation)."""


class _RawBytes(bytes):
    """An already-encrypted binary token, written as is (used by key rotation)."""
