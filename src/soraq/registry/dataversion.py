"""The data version: a token that changes whenever the registry's data changes.

Why: pages cache what is the same for everyone who may read it (a person's
file as rendered, the citizenship filter, the statistics) and must never show
it after the data changed. Every cache key includes :func:`current`; a write
makes a new token, so old entries are simply never read again (they expire).

Why a file and a database instrumentation hook, not signals: the registry is
written by many paths (ingest, linking, review, imports, case work), several of
them with ``bulk_create`` or ``QuerySet.update`` that send no signal, and by
other processes (``soraq ingest``, ``soraq watch``) than the server's workers.
Django's execute wrappers (:meth:`connection.execute_wrapper`) see every SQL
statement any of them sends; :func:`watch` installs one on each new database
connection (``RegistryConfig.ready()`` connects :func:`connection_created`). Writes to
the tables of :data:`WATCHED_PREFIXES` (not the audit chain, which every read of
a case appends to) write a new random token to ``$SORAQ_VAR_DIR/data_version``,
which every process of the host reads (a few microseconds, no query).

When: at once when the token was read since it last changed (so that a reader
in the same transaction, or a test, sees its own change), and again after the
commit, so that a reader who read the old data in between and cached it under
the intermediate token is not believed either. A bulk load in one transaction
thus changes the file once or twice, not once per statement.

Limit: processes on *other hosts* (several web servers on one PostgreSQL) do
not share the file; cached entries therefore also expire after
:data:`MAX_AGE` seconds, the staleness such a deployment accepts.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: tables whose writes change what pages show
WATCHED_PREFIXES: tuple[str, ...] = ("registry_", "casework_")
#: tables written on reads (the audit of confidential views) or bookkeeping that pages do not show
IGNORED_TABLES: frozenset[str] = frozenset({"casework_auditentry", "casework_audithead", "casework_alert"})
#: seconds a cached entry is kept at most, whatever the token says (see "Limit" above)
MAX_AGE = 600

_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE)
_lock = threading.Lock()
logger = logging.getLogger(__name__)


def _path() -> Path:
    from django.conf import settings

    return Path(settings.VAR_DIR) / "data_version"


#: was the token read (in this process) since it was last changed? Only then must a write inside a
#: transaction change it at once: a reader in the same transaction may have cached under it.
_read_since_bump = True


def current() -> str:
    """The token of the data as it is now (a new one is made when there is none yet)."""
    global _read_since_bump
    _read_since_bump = True
    try:
        token = _path().read_text(encoding="ascii").strip()
    except FileNotFoundError:
        token = ""
    return token or bump()


#: set when the token file cannot be written: from then on this process caches nothing (see cached)
_unwritable = False


def bump() -> str:
    """Make a new token: every cached entry keyed by the old one is obsolete."""
    global _read_since_bump, _unwritable
    _read_since_bump = False
    token = secrets.token_hex(12)
    path = _path()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.{token}")
    try:
        with _lock:
            tmp.write_text(token + "\n", encoding="ascii")
            os.replace(tmp, path)  # atomic: a reader sees the old token or the new one, never half
    except OSError as exc:
        # a write to the database must not fail because the var dir is read-only or full; but then
        # no change can be announced, so nothing may be served from a cache any more
        if not _unwritable:
            logger.warning("cannot write %s (%s): pages are no longer cached by this process", path, exc)
        _unwritable = True
    return token


def written_table(sql: str) -> str | None:
    """The table an INSERT, UPDATE or DELETE statement writes to (None for anything else)."""
    match = _WRITE.match(sql)
    return match.group(1).lower() if match else None


def changes_data(sql: str) -> bool:
    """Does this statement change data that pages show?"""
    table = written_table(sql)
    return table is not None and table.startswith(WATCHED_PREFIXES) and table not in IGNORED_TABLES


def _bump_after_commit() -> None:
    bump()


class _Watcher:
    """An execute wrapper: after a statement that changes watched data, a new token (see the module)."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        result = execute(sql, params, many, context)
        if isinstance(sql, str) and changes_data(sql):
            connection = self.connection
            if not connection.in_atomic_block:
                bump()  # autocommit: the change is committed already
            else:
                if _read_since_bump:
                    bump()
                if not any(entry[1] is _bump_after_commit for entry in connection.run_on_commit):
                    connection.on_commit(_bump_after_commit)  # once per transaction (forgotten on rollback)
        return result


def watch(connection: Any) -> None:
    """Watch a database connection's writes (idempotent)."""
    if not any(isinstance(w, _Watcher) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(_Watcher(connection))


def connection_created(sender: Any, connection: Any, **_kwargs: Any) -> None:
    """Receiver of Django's ``connection_created`` signal."""
    watch(connection)


_MISSING = object()


def announced() -> bool:
    """Are this process's writes announced (the token file is writable)? If not, cache nothing."""
    return not _unwritable


def cached(key: str, compute: Callable[[], T], *, alias: str = "default", timeout: int = MAX_AGE) -> T:
    """``compute()``, cached under ``key`` until the data changes (or :data:`MAX_AGE` passes).

    ``key`` must name everything else the value depends on (language, role, ...):
    the data version is the only thing added here.
    """
    from django.core.cache import caches

    version = current()
    if _unwritable:
        return compute()
    cache = caches[alias]
    full_key = f"soraq.v.{version}.{key}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
