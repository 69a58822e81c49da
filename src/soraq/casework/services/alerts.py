"""Alerts to the followers of a case: in the UI, and by e-mail through Django's mail backend.

E-mails name the case reference and link to it, never the person or the
family: mail passes through servers the organisation does not control.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from soraq.casework import audit
from soraq.casework.models import Alert, CandidateMatch, Case
from soraq.casework.services.cases import gone_silent

log = logging.getLogger(__name__)


def _case_link(case: Case) -> str:
    base = getattr(settings, "SORAQ_BASE_URL", "").rstrip("/")
    return base + reverse("casework:case-detail", args=[case.reference])


def notify(case: Case, kind: str | Alert.Kind, detail: dict, subject: str, body: str) -> list[Alert]:
    """One in-UI alert per follower, and an e-mail to those with an address (after commit)."""
    made = []
    for user in case.followers.filter(is_active=True):
        made.append(Alert.objects.create(recipient=user, case=case, kind=kind, detail=detail))
        if user.email:
            address = user.email

            def _send(address=address):
                try:
                    send_mail(subject, body, None, [address], fail_silently=False)
                except Exception as exc:  # a mail outage must not lose the in-UI alert
                    log.warning("alert e-mail not sent: %s", type(exc).__name__)

            transaction.on_commit(_send)
    return made


def check_silence(today: dt.date | None = None) -> int:
    """Alert followers of every case that passed its days-without-news threshold (once per silence)."""
    today = today or timezone.localdate()
    sent = 0
    for case, days in gone_silent(today):
        if case.silence_alerted_on is not None and (today - case.silence_alerted_on).days < days:
            continue  # already alerted during this silence
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            subject = _("Soraq: case %(ref)s has had no news for %(days)d days") % {"ref": case.reference, "days": days}
            body = _("No news for %(days)d days (threshold %(limit)d). Open the case: %(link)s") % {
                "days": days, "limit": case.silence_days, "link": _case_link(case)}
            sent += len(notify(case, Alert.Kind.SILENCE, {"days": days}, subject, body))
            case.silence_alerted_on = today
            case.save(update_fields=["silence_alerted_on"])
    audit.record("system:check-silence", "alerts.silence", None, {"alerts": sent})
    return sent


def on_mention_linked(mention) -> int:
    """A newly linked report (or another family's request) about a followed case's person, or a
    possible match: flag the case and alert its followers, once per mention."""
    from soraq.casework.services.claims import SOURCE_KIND

    from_family = mention.document.origin == SOURCE_KIND
    person_ids = {pid for pid in (mention.person_id,
                                  getattr(getattr(mention, "review_candidate", None), "person_id", None)) if pid}
    if not person_ids:
        return 0
    sent = 0
    for case in Case.objects.filter(mention__person_id__in=person_ids, hidden=False).exclude(mention=mention):
        if Alert.objects.filter(case=case, kind__in=[Alert.Kind.NEW_REPORT, Alert.Kind.INTAKE],
                                detail__mention=mention.pk).exists():
            continue
        possible = mention.person_id != case.mention.person_id
        if possible and mention.person_id:
            # the uncertain match also shows among the case's candidates, with the matcher's reasons
            CandidateMatch.objects.get_or_create(
                case=case, person_id=mention.person_id,
                defaults={"probability": mention.link_score or 0.0, "reasons": mention.link_reasons or []})
        if not case.has_new_reports and not from_family:
            case.has_new_reports = True
            case.save(update_fields=["has_new_reports"])
        with translation.override(settings.LANGUAGE_CODE):
            subject = (_("Soraq: another family's request may concern case %(ref)s") if from_family
                       else _("Soraq: a new report may concern case %(ref)s")) % {"ref": case.reference}
            body = _("A newly ingested report %(how)s case %(ref)s. Open the case: %(link)s") % {
                "how": _("possibly matches") if possible else _("was linked to"),
                "ref": case.reference, "link": _case_link(case)}
        sent += len(notify(case, Alert.Kind.INTAKE if from_family else Alert.Kind.NEW_REPORT,
                           {"mention": mention.pk, "document": mention.document_id, "possible": possible},
                           subject, body))
    return sent
