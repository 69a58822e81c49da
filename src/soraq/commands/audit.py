"""``soraq audit``: check the tamper-evident audit log, read it, rotate the field keys."""

from __future__ import annotations

import argparse

HELP = "verify the audit log's hash chain, show recent entries, or re-encrypt data with a new key"
DESCRIPTION = """\
Every change to the registry and to case files, and every time someone views
confidential data (a family's contacts, testimony, evidence), is written to an
audit log whose entries are chained by SHA-256 hashes. Editing or deleting an
entry breaks the chain: `verify` finds where, and exits with status 1.

Examples:
  soraq audit verify                 check the whole chain (exit 0 = intact)
  soraq audit verify --expect 3f9a…  and check that an earlier head (kept elsewhere) is still in it
  soraq audit log --limit 20         the 20 newest entries (no confidential values are logged)
  soraq audit rotate-keys            re-encrypt every confidential value and evidence file
                                     with the newest key in SORAQ_FIELD_KEYS

Key rotation, step by step: put a new key (python -c 'from cryptography.fernet
import Fernet; print(Fernet.generate_key().decode())') FIRST in SORAQ_FIELD_KEYS,
keeping the old ones after it; run `soraq audit rotate-keys`; then remove the old keys.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", help="check the hash chain; exit 1 and say where when it is broken")
    verify.add_argument("--expect", metavar="HASH", action="append", default=[],
                        help="a head hash printed by an earlier verify and kept elsewhere: it must "
                             "still be in the chain (detects a rewrite of the whole log); repeatable")
    log = sub.add_parser("log", help="print the newest entries")
    log.add_argument("--limit", type=int, default=50, help="how many entries (default 50)")
    sub.add_parser("rotate-keys", help="re-encrypt stored confidential data with the newest key")


def _setup_django() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soraq.site.settings")
    django.setup()


def run(args: argparse.Namespace) -> int:
    _setup_django()
    if args.audit_command == "verify":
        return _verify(args.expect)
    if args.audit_command == "log":
        return _log(args.limit)
    if args.audit_command == "rotate-keys":
        return _rotate()
    raise AssertionError(args.audit_command)


def _verify(expected: list[str] | None = None) -> int:
    from soraq.casework import audit
    from soraq.casework.models import AuditEntry

    checked, problems = audit.verify()
    for anchor in expected or []:
        if not AuditEntry.objects.filter(hash=anchor.strip().lower()).exists():
            problems.append(audit.Problem(0, "rewritten", f"the earlier head {anchor[:16]}… is no longer in the "
                                                          "chain: the log was rewritten or cut"))
    if problems:
        for problem in problems:
            print(f"BROKEN: {problem}")
        print(f"audit log: {checked} entries read, {len(problems)} problem(s): the log was tampered with")
        return 1
    from soraq.casework.models import AuditHead

    head = AuditHead.objects.filter(pk=1).first()
    print(f"audit log intact: {checked} entries, head {head.hash if head else '-'}")
    print("(keep the head hash somewhere else to detect a rewrite of the whole log later)")
    return 0


def _log(limit: int) -> int:
    import json

    from soraq.casework.models import AuditEntry

    entries = list(AuditEntry.objects.order_by("-seq")[: max(limit, 0)])
    for e in reversed(entries):
        print(f"{e.seq:>8} {e.timestamp:%Y-%m-%d %H:%M:%S} {e.actor:<24} {e.action:<20} "
              f"{e.object_type}:{e.object_id} {json.dumps(e.details, ensure_ascii=False)}")
    return 0


def _rotate() -> int:
    from soraq.casework import audit, crypto

    with audit.suspended():
        counts = crypto.rotate_keys()
    audit.record("system:cli", "keys.rotate", None, {"counts": counts})
    for label, count in counts.items():
        print(f"{label}: {count} re-encrypted")
    return 0
