"""The audit chain's append: one statement on PostgreSQL, the same chain on every database.

Whatever database wrote an entry, :func:`audit.verify` recomputes its hash in Python: these
tests check that the hash the database computed (PostgreSQL) equals Python's, for awkward
details too, and that concurrent and rolled-back appends leave one unbroken chain.
"""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from django.db import connection, transaction
from django.urls import reverse

from soraq.casework import audit
from soraq.casework.models import AuditEntry, AuditHead, Case, Note

#: details that a hand-written JSON or hash in SQL would get wrong: quotes, backslashes,
#: non-ASCII scripts, newlines, nesting, numbers, booleans and nulls
AWKWARD = {"fields": ["status", "home_region"], "quote": 'say "hi"\\ back', "script": "Ташкент · Gəncə · ڪراچي",
           "nested": {"z": 1, "a": [True, None, 2.5]}, "line": "one\ntwo\ttab"}


def _assert_one_unbroken_chain() -> list[AuditEntry]:
    entries = list(AuditEntry.objects.order_by("seq"))
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    previous = audit.GENESIS_HASH
    for entry in entries:
        assert entry.prev_hash == previous
        previous = entry.hash
    head = AuditHead.objects.get(pk=1)
    assert (head.seq, head.hash) == (entries[-1].seq, entries[-1].hash)
    assert audit.verify()[1] == []
    return entries


@pytest.mark.django_db
def test_the_stored_hash_is_the_one_python_computes_for_awkward_details():
    returned = audit.record("user:tester", "test.awkward", ("thing", "ß-1"), AWKWARD)
    stored = AuditEntry.objects.get(action="test.awkward")
    assert (returned.pk, returned.seq, returned.hash, returned.prev_hash) == (
        stored.pk, stored.seq, stored.hash, stored.prev_hash)
    assert stored.hash == audit.entry_digest(
        seq=stored.seq, timestamp=stored.timestamp, actor=stored.actor, action=stored.action,
        object_type=stored.object_type, object_id=stored.object_id, details=stored.details,
        prev_hash=stored.prev_hash)
    assert stored.details["script"] == AWKWARD["script"]
    _assert_one_unbroken_chain()


@pytest.mark.django_db
def test_an_edit_of_an_entry_written_by_the_database_is_still_found():
    for i in range(3):
        audit.record("user:tester", "test.edit", ("thing", i), {"i": i})
    second = AuditEntry.objects.get(action="test.edit", object_id="1")
    AuditEntry.objects.filter(pk=second.pk).update(actor="user:someone-else")
    problems = audit.verify()[1]
    assert [(p.seq, p.kind) for p in problems] == [(second.seq, "edited")]


@pytest.mark.django_db
def test_an_append_rolled_back_with_its_transaction_leaves_the_chain_whole():
    audit.record("user:tester", "test.before", None, {})
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.record("user:tester", "test.undone", None, {})
        raise RuntimeError("the caller's work failed")
    assert not AuditEntry.objects.filter(action="test.undone").exists()
    audit.record("user:tester", "test.after", None, {})
    assert [e.action for e in _assert_one_unbroken_chain()][-2:] == ["test.before", "test.after"]


@pytest.mark.django_db
def test_the_head_row_is_made_again_when_missing():
    AuditEntry.objects.all().delete()
    AuditHead.objects.all().delete()
    audit.record("user:tester", "test.first", None, {})
    audit.record("user:tester", "test.second", None, {})
    assert [e.seq for e in _assert_one_unbroken_chain()] == [1, 2]


@pytest.mark.django_db(transaction=True)
def test_many_threads_appending_at_once_give_one_unbroken_chain():
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("in-memory SQLite is not shared between threads")
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def worker(n: int) -> None:
        from django.db import connection as conn

        try:
            start.wait()
            for i in range(12):
                if i % 3 == 0:  # some appends inside the caller's own transaction, as views make them
                    with transaction.atomic():
                        audit.record(f"user:w{n}", "test.threads", ("thing", f"{n}-{i}"), {"i": i})
                else:
                    audit.record(f"user:w{n}", "test.threads", ("thing", f"{n}-{i}"), {"i": i})
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert AuditEntry.objects.filter(action="test.threads").count() == 72
    _assert_one_unbroken_chain()


@pytest.mark.django_db
def test_a_case_view_is_one_entry_that_counts_the_notes_shown(client, caseworker):
    case = Case.objects.create(name="Invented Person", status=Case.Status.OPEN)
    for body in ("first fictional note", "second fictional note"):
        Note.objects.create(case=case, author=caseworker, body=body)
    client.force_login(caseworker)
    before = AuditEntry.objects.count()
    page = client.get(reverse("casework:case-detail", args=[case.reference]))
    assert page.status_code == 200 and "second fictional note" in page.content.decode()
    (entry,) = AuditEntry.objects.filter(seq__gt=before)
    assert (entry.action, entry.object_id, entry.details["notes"]) == ("case.view", str(case.pk), 2)
    assert entry.actor == f"user:{caseworker.get_username()}"


@pytest.mark.django_db
def test_entries_appended_during_a_check_are_not_taken_for_a_cut_off_end(monkeypatch):
    for i in range(3):
        audit.record("user:tester", "test.before", ("thing", i), {})
    real_iterator = type(AuditEntry.objects.all()).iterator

    def appending_meanwhile(queryset, *args, **kwargs):
        audit.record("user:tester", "test.meanwhile", None, {})  # a server appends while the check reads
        yield from real_iterator(queryset, *args, **kwargs)

    monkeypatch.setattr(type(AuditEntry.objects.all()), "iterator", appending_meanwhile)
    checked, problems = audit.verify()
    assert (checked, problems) == (3, [])


def test_the_body_is_split_at_the_sequence_number_whatever_the_details_hold():
    moment = dt.datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=dt.UTC)
    tricky = {"text_like": '\u0000seq\u0000', "seq": 99}  # looks like the placeholder and the key
    before, after = audit.entry_body(timestamp=moment, actor="user:x", action="a", object_type="t",
                                     object_id="1", details=tricky)
    assert json.loads(f"{before}7{after}") == {
        "action": "a", "actor": "user:x", "details": tricky, "object_id": "1", "object_type": "t", "seq": 7,
        "timestamp": audit.canonical_timestamp(moment)}
