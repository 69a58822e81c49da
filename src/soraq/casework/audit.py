"""A tamper-evident audit log: who did what, to which record, when.

Why a hash chain: case work decides what families are told and who is shown
a family's contacts. Each :class:`~soraq.casework.models.AuditEntry` carries
``hash = SHA-256(canonical JSON of the entry + prev_hash)``, so editing or
deleting any entry breaks the chain at that point, and :func:`verify` says
where. A separate head row (:class:`~soraq.casework.models.AuditHead`) holds
the last sequence number and hash; appends lock it first, which serialises
concurrent writers on PostgreSQL (row lock) and SQLite (write lock) alike,
and it reveals entries cut off the end of the chain. On PostgreSQL the whole
append is one statement, so the lock is never held across a round trip
(:func:`_append_postgresql`).

Details must never hold sensitive values (names, contacts, testimony): only
ids, field names, counts and decisions. :func:`record` drops values under
keys that look sensitive as a second line of defence.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

GENESIS_HASH = "0" * 64
SYSTEM = "system"
ANONYMOUS = "anonymous"

#: keys whose values are never written to the log, whatever a caller passes
SENSITIVE_KEYS = frozenset(
    {"name", "names", "phone", "email", "contact", "contacts", "testimony", "story", "text",
     "photo", "address", "note", "body", "value", "password", "query", "q"}
)

_actor: contextvars.ContextVar[str | None] = contextvars.ContextVar("soraq_audit_actor", default=None)
_suspended: contextvars.ContextVar[bool] = contextvars.ContextVar("soraq_audit_off", default=False)


def actor_name(actor: Any) -> str:
    """A stable label for whoever acts: a username, ``anonymous`` or ``system``."""
    if actor is None:
        return _actor.get() or SYSTEM
    if isinstance(actor, str):
        return actor
    if getattr(actor, "is_authenticated", False):
        return f"user:{actor.get_username()}"
    return ANONYMOUS


@contextlib.contextmanager
def acting_as(actor: Any) -> Iterator[None]:
    """Attribute the changes made inside (e.g. by signal receivers) to ``actor``."""
    token = _actor.set(actor_name(actor))
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor() -> str:
    return _actor.get() or SYSTEM


def _scrub(details: Any) -> Any:
    """Drop values under sensitive keys, recursively; keep the structure readable."""
    if isinstance(details, dict):
        return {
            str(k): ("[withheld]" if str(k).lower() in SENSITIVE_KEYS else _scrub(v))
            for k, v in details.items()
        }
    if isinstance(details, list | tuple):
        return [_scrub(v) for v in details]
    if details is None or isinstance(details, bool | int | str):
        return details
    return str(details)


def canonical_timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def entry_body(
    *, timestamp: dt.datetime, actor: str, action: str, object_type: str,
    object_id: str, details: Any,
) -> tuple[str, str]:
    """The entry's canonical JSON, split around its sequence number: (before, after).

    Why split: on PostgreSQL the sequence number is assigned inside the one statement that appends
    the entry (:func:`_append_postgresql`), which hashes ``before + seq + after`` there; keys are
    sorted, so ``seq`` is an integer between ``object_type`` and ``timestamp`` in every entry.
    """
    marker = "\u0000seq\u0000"  # only "timestamp" (an ISO date) follows "seq": split at the last one
    body = json.dumps(
        {
            "seq": marker,
            "timestamp": canonical_timestamp(timestamp),
            "actor": actor,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "details": details,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    before, after = body.rsplit(json.dumps(marker), 1)
    return before, after


def entry_digest(
    *, seq: int, timestamp: dt.datetime, actor: str, action: str, object_type: str,
    object_id: str, details: Any, prev_hash: str,
) -> str:
    """SHA-256 over the canonical JSON of the entry followed by the previous hash."""
    before, after = entry_body(timestamp=timestamp, actor=actor, action=action,
                               object_type=object_type, object_id=object_id, details=details)
    body = f"{before}{int(seq)}{after}"
    return hashlib.sha256(body.encode("utf-8") + prev_hash.encode("ascii")).hexdigest()


def describe(obj: Any) -> tuple[str, str]:
    """(object type, object id) for a model instance, a (type, id) pair, or nothing."""
    if obj is None:
        return "", ""
    if isinstance(obj, tuple):
        return str(obj[0]), str(obj[1])
    meta = getattr(obj, "_meta", None)
    if meta is not None:
        return meta.label_lower, str(obj.pk if obj.pk is not None else "")
    return type(obj).__name__, ""


def record(actor: Any, action: str, obj: Any = None, details: dict | None = None):
    """Append one entry to the chain and return it (inside the caller's transaction, if any)."""
    from .models import AuditEntry

    if _suspended.get():
        return None
    object_type, object_id = describe(obj)
    clean = _scrub(details or {})
    # round-trip through JSON so the hashed form equals what the database returns
    clean = json.loads(json.dumps(clean, ensure_ascii=False))
    fields = {"timestamp": dt.datetime.now(dt.UTC), "actor": actor_name(actor), "action": action,
              "object_type": object_type, "object_id": object_id, "details": clean}
    append = _append_postgresql if connection.vendor == "postgresql" else _append_locked
    seq, prev_hash, digest, pk = append(fields)
    entry = AuditEntry(pk=pk, seq=seq, prev_hash=prev_hash, hash=digest, **fields)
    entry._state.adding, entry._state.db = False, connection.alias
    return entry


def _ensure_head() -> None:
    from .models import AuditHead

    AuditHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": GENESIS_HASH})


def _append_postgresql(fields: dict[str, Any]) -> tuple[int, str, str, int]:
    """Append in one statement: the head's row lock is held for that statement only.

    Why: a view of a case file appends an entry, so every concurrent view queues on the head row.
    Taking the lock, hashing (``sha256`` over the entry's canonical JSON, split around the
    sequence number by :func:`entry_body`, and the previous hash), moving the head and inserting
    the entry in one statement keeps the lock for well under a millisecond on the server, never
    across a network round trip or a Python thread waiting for the interpreter lock. Outside a
    transaction the statement commits by itself; inside one, the lock lasts until its commit,
    as for any write. The hash is the same SHA-256 :func:`entry_digest` computes, so
    :func:`verify` checks entries the same way whichever database wrote them.
    """
    from .models import AuditEntry, AuditHead

    quote = connection.ops.quote_name
    head, entry = quote(AuditHead._meta.db_table), quote(AuditEntry._meta.db_table)
    before, after = entry_body(**fields)
    sql = (
        f"WITH moved AS (UPDATE {head} SET seq = seq + 1, prev_hash = hash, "  # noqa: S608 - table names only
        "hash = encode(sha256(convert_to(%s::text || (seq + 1)::text || %s::text || hash, 'UTF8')), 'hex') "
        "WHERE id = 1 RETURNING seq, prev_hash, hash) "
        f"INSERT INTO {entry} (seq, timestamp, actor, action, object_type, object_id, details, prev_hash, hash) "
        "SELECT seq, %s, %s, %s, %s, %s, %s::jsonb, prev_hash, hash FROM moved "
        "RETURNING seq, prev_hash, hash, id"
    )
    params = [before, after, fields["timestamp"], fields["actor"], fields["action"], fields["object_type"],
              fields["object_id"], json.dumps(fields["details"], ensure_ascii=False)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
        if row is None:  # no head row yet (a database emptied by flush): make it, then append
            _ensure_head()
            cursor.execute(sql, params)
            row = cursor.fetchone()
    return int(row[0]), str(row[1]), str(row[2]), int(row[3])


def _append_locked(fields: dict[str, Any]) -> tuple[int, str, str, int]:
    """Append on other databases (SQLite): bump the head, insert the entry, store its hash.

    In one transaction that holds the write lock from the first statement: two writers never
    see the same head. On the embedded SQLite a statement is a function call, not a round trip.
    """
    from .models import AuditEntry, AuditHead

    with _one_writer_per_process(), transaction.atomic():
        head = _bump_head()
        if head is None:
            _ensure_head()
            head = _bump_head()
        seq, prev_hash = head
        digest = entry_digest(seq=seq, prev_hash=prev_hash, **fields)
        entry = AuditEntry.objects.create(seq=seq, prev_hash=prev_hash, hash=digest, **fields)
        AuditHead.objects.filter(pk=1).update(hash=digest, prev_hash=prev_hash)
    return seq, prev_hash, digest, entry.pk


_sqlite_writer = threading.Lock()


@contextlib.contextmanager
def _one_writer_per_process() -> Iterator[None]:
    """On SQLite, the threads of one process queue for the chain here rather than in SQLite's
    busy handler, which sleeps up to 100 ms between tries however soon the lock is free.

    Only at the top level: a thread already inside a transaction may hold the database's write
    lock, and waiting here for a thread that waits for that lock would deadlock.
    """
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with _sqlite_writer:
        yield


def _bump_head() -> tuple[int, str] | None:
    """Advance the head's sequence number and return (new seq, last hash); None without a head row.

    ``UPDATE ... RETURNING`` (SQLite 3.35+) takes the write lock and reads in one statement.
    """
    from .models import AuditHead

    table = connection.ops.quote_name(AuditHead._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")  # noqa: S608
        row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else None


@contextlib.contextmanager
def suspended() -> Iterator[None]:
    """Stop signal-driven entries inside (only for operations that record one summary entry)."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


@dataclass(frozen=True)
class Problem:
    seq: int
    kind: str  # "edited", "deleted", "relinked", "truncated"
    message: str

    def __str__(self) -> str:
        return self.message


def verify(batch_size: int = 2000) -> tuple[int, list[Problem]]:
    """Check the whole chain; return (entries checked, problems found, in order).

    The chain is checked up to the head as read first: entries appended while the check runs (a
    server keeps appending) are neither checked nor mistaken for a cut-off end, since the head and
    its entry are always committed together.
    """
    from .models import AuditEntry, AuditHead

    problems: list[Problem] = []
    expected_seq = 1
    prev_hash = GENESIS_HASH
    checked = 0
    head = AuditHead.objects.filter(pk=1).first()
    entries = AuditEntry.objects.order_by("seq")
    if head is not None:
        entries = entries.filter(seq__lte=head.seq)
    for entry in entries.iterator(chunk_size=batch_size):
        checked += 1
        if entry.seq > expected_seq:
            missing = (
                f"entry {expected_seq}" if entry.seq == expected_seq + 1
                else f"entries {expected_seq}-{entry.seq - 1}"
            )
            problems.append(Problem(expected_seq, "deleted", f"{missing} deleted"))
        elif entry.prev_hash != prev_hash:
            problems.append(Problem(entry.seq, "relinked",
                                    f"entry {entry.seq} does not follow entry {entry.seq - 1} "
                                    "(previous hash differs: an earlier entry was edited or replaced)"))
        recomputed = entry_digest(
            seq=entry.seq, timestamp=entry.timestamp, actor=entry.actor, action=entry.action,
            object_type=entry.object_type, object_id=entry.object_id, details=entry.details,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            problems.append(Problem(entry.seq, "edited",
                                    f"entry {entry.seq} was edited (its content no longer matches its hash)"))
        prev_hash = entry.hash
        expected_seq = entry.seq + 1
    last_seq = expected_seq - 1
    if head is not None and head.seq > last_seq:
        missing = f"entry {head.seq}" if head.seq == last_seq + 1 else f"entries {last_seq + 1}-{head.seq}"
        problems.append(Problem(last_seq + 1, "truncated", f"{missing} deleted from the end of the log"))
    elif head is not None and head.seq == last_seq and head.hash != prev_hash and last_seq:
        problems.append(Problem(last_seq, "edited", f"entry {last_seq} was replaced (head hash differs)"))
    return checked, problems
