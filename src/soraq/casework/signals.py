"""Signal receivers: every change to registry and case-work records goes into the audit log.

Only the record's type and id (and whether it was created) are written: never
field values, which may be names, contacts or testimony.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from . import audit

AUDITED_APPS = {"registry", "casework"}
NOT_AUDITED = {"casework.auditentry", "casework.audithead"}


def _audited(sender) -> bool:
    """Registry and case-work models, not the log itself, and not migrations' historical models
    (the log's tables may not exist yet while migrations run)."""
    meta = getattr(sender, "_meta", None)
    return (meta is not None and meta.app_label in AUDITED_APPS and meta.label_lower not in NOT_AUDITED
            and sender.__module__ != "__fake__")


def on_save(sender, instance, created, raw=False, update_fields=None, **kwargs) -> None:
    if raw or not _audited(sender):
        return
    details: dict[str, object] = {"created": bool(created)}
    if update_fields:
        details["fields"] = sorted(update_fields)
    audit.record(None, "create" if created else "update", instance, details)


def on_delete(sender, instance, **kwargs) -> None:
    if _audited(sender):
        audit.record(None, "delete", instance, {})


def on_m2m(sender, instance, action, pk_set=None, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and _audited(type(instance)):
        audit.record(None, f"m2m.{action[5:]}", instance,
                     {"relation": sender._meta.label_lower, "ids": sorted(pk_set or [])})


def connect() -> None:
    post_save.connect(on_save, dispatch_uid="soraq.casework.audit.save")
    post_delete.connect(on_delete, dispatch_uid="soraq.casework.audit.delete")
    m2m_changed.connect(on_m2m, dispatch_uid="soraq.casework.audit.m2m")
