"""Encryption at rest for confidential case data.

Why: a family's contacts, their testimony, a missing person's phone and photo
can endanger people if a database dump leaks. Such values are stored only as
Fernet tokens (AES-128-CBC + HMAC-SHA256, from the well-kept ``cryptography``
package), so the database alone reveals nothing.

Keys come from the environment: ``SORAQ_FIELD_KEYS`` holds comma-separated
Fernet keys, newest first. :class:`~cryptography.fernet.MultiFernet` encrypts
with the first and decrypts with any, which is what makes key rotation
possible: add a new key in front, run :func:`rotate_keys`, then drop the old
key. With no key set (development, tests) one key is generated once into
``$SORAQ_VAR_DIR/field_keys`` (mode 600) with a loud warning; that file must
never be committed (``var/`` is git-ignored).
"""

from __future__ import annotations

import logging
import os
import warnings
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

log = logging.getLogger(__name__)

ENV_KEYS = "SORAQ_FIELD_KEYS"
KEY_FILE_NAME = "field_keys"


class KeyConfigurationError(RuntimeError):
    """The configured field keys cannot be used (malformed key, unreadable file)."""


class DevelopmentKeyWarning(UserWarning):
    """Confidential fields are encrypted with a generated development key."""


def var_dir() -> Path:
    """Where Soraq keeps its local state (``$SORAQ_VAR_DIR``, default ``./var``)."""
    return Path(os.environ.get("SORAQ_VAR_DIR") or (Path.cwd() / "var"))


def _parse_keys(raw: str, origin: str) -> list[Fernet]:
    keys = [k.strip() for k in raw.replace("\n", ",").split(",") if k.strip()]
    if not keys:
        raise KeyConfigurationError(f"{origin} holds no key")
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key.encode("ascii")))
        except (ValueError, UnicodeEncodeError) as exc:
            # never echo the key itself
            raise KeyConfigurationError(
                f"key #{position} in {origin} is not a Fernet key "
                "(32 url-safe base64-encoded bytes; make one with "
                "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`)"
            ) from exc
    return fernets


def _development_key_file() -> Path:
    """The generated key file, created once with mode 600."""
    path = var_dir() / KEY_FILE_NAME
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(Fernet.generate_key().decode("ascii") + "\n")
    return path


@lru_cache(maxsize=1)
def _multifernet_for(raw_env: str | None, var: str) -> MultiFernet:
    if raw_env:
        return MultiFernet(_parse_keys(raw_env, ENV_KEYS))
    path = _development_key_file()
    message = (
        f"{ENV_KEYS} is not set: confidential fields are encrypted with a development key "
        f"generated in {path}. Set {ENV_KEYS} in production and keep that file out of git."
    )
    warnings.warn(message, DevelopmentKeyWarning, stacklevel=3)
    log.warning(message)
    try:
        return MultiFernet(_parse_keys(path.read_text(encoding="ascii"), str(path)))
    except OSError as exc:
        raise KeyConfigurationError(f"cannot read {path}: {exc.strerror}") from exc


def multifernet() -> MultiFernet:
    """The key ring in force (cached per key configuration, so rotation tests can swap it)."""
    return _multifernet_for(os.environ.get(ENV_KEYS) or None, str(var_dir()))


def reset_key_cache() -> None:
    """Forget the loaded keys (after changing ``SORAQ_FIELD_KEYS`` in-process)."""
    _multifernet_for.cache_clear()


def encrypt_bytes(data: bytes) -> bytes:
    """A Fernet token for ``data`` under the newest key."""
    return multifernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    """The plaintext of a token made with any configured key."""
    try:
        return multifernet().decrypt(token)
    except InvalidToken as exc:
        raise KeyConfigurationError(
            "a stored value cannot be decrypted with any configured key "
            f"(was a key removed from {ENV_KEYS} before running `soraq audit rotate-keys`?)"
        ) from exc


def encrypt_text(text: str) -> str:
    return encrypt_bytes(text.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    return decrypt_bytes(token.encode("ascii")).decode("utf-8")


def rotate_token(token: bytes) -> bytes:
    """Re-encrypt a token under the newest key (MultiFernet.rotate keeps the timestamp)."""
    return multifernet().rotate(token)


def encrypted_models():
    """Every installed model with at least one encrypted field, with those fields."""
    from django.apps import apps

    from .fields import EncryptedMixin

    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedMixin)]
        if fields:
            yield model, fields


def rotate_keys(batch_size: int = 500) -> dict[str, int]:
    """Re-encrypt every stored confidential value (and evidence file) with the newest key.

    Works on raw tokens through ``QuerySet.update``: no plaintext is held longer
    than needed, and no post_save signal fires per row. Returns counts per model.
    """
    from django.db import transaction

    from . import evidence_store

    counts: dict[str, int] = {}
    for model, fields in encrypted_models():
        names = [f.attname for f in fields]
        done = 0
        pks = list(model._default_manager.values_list("pk", flat=True).order_by("pk"))
        for start in range(0, len(pks), batch_size):
            chunk = pks[start : start + batch_size]
            with transaction.atomic():
                raw_rows = _raw_values(model, fields, chunk)
                for pk, values in raw_rows.items():
                    updates = {}
                    for field, name in zip(fields, names):
                        token = values[name]
                        if token is None or len(token) == 0:
                            continue
                        updates[name] = field.wrap_raw(rotate_token(field.token_bytes(token)))
                    if updates:
                        model._default_manager.filter(pk=pk).update(**updates)
                        done += 1
        counts[model._meta.label] = done
    counts["evidence files"] = evidence_store.rotate_all()
    return counts


def _raw_values(model, fields, pks) -> dict:
    """Stored tokens (not decrypted) for the given rows, read with plain SQL."""
    from django.db import connection

    table = connection.ops.quote_name(model._meta.db_table)
    pk_col = connection.ops.quote_name(model._meta.pk.column)
    cols = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(pks))
    out = {}
    with connection.cursor() as cur:
        cur.execute(f"SELECT {pk_col}, {cols} FROM {table} WHERE {pk_col} IN ({placeholders})", pks)
        for row in cur.fetchall():
            out[row[0]] = {f.attname: row[i + 1] for i, f in enumerate(fields)}
    return out
