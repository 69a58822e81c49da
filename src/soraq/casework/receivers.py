"""Receivers that react to the registry: a new report about a followed case raises an alert."""

from __future__ import annotations

from django.db.models.signals import post_save


def _mention_saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    if raw or (instance.person_id is None and getattr(instance, "review_candidate_id", None) is None):
        return
    from .services.alerts import on_mention_linked

    on_mention_linked(instance)


def connect() -> None:
    from soraq.registry.models import Mention

    post_save.connect(_mention_saved, sender=Mention, dispatch_uid="soraq.casework.new_report_alert")
