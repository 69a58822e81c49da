"""Filing a family's tracing request: case, encrypted request, registry claim, candidate matches."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction

from soraq.casework import audit
from soraq.casework.models import Case, TracingRequest, new_reference
from soraq.casework.services import claims, matching, names
from soraq.casework.services.dates import latest_day

log = logging.getLogger(__name__)


@dataclass
class IntakeData:
    """What the intake form collected (already validated)."""

    lang: str
    name: str
    birth_date: str = ""
    citizenship: str = ""
    home_district: str = ""
    work_abroad: str = ""
    phone: str = ""
    photo: bytes | None = None
    photo_type: str = ""
    story: str = ""
    last_contact: str = ""
    went_missing: str = ""
    contact_name: str = ""
    contact_relation: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    contact_other: str = ""


def _unused_reference() -> str:
    for _ in range(20):
        ref = new_reference()
        if not Case.objects.filter(reference=ref).exists() and not TracingRequest.objects.filter(reference=ref).exists():
            return ref
    raise RuntimeError("could not draw an unused reference")


def submit(data: IntakeData, *, family_user=None, actor=None) -> TracingRequest:
    """Store one request and everything that follows from it, in one transaction.

    ``family_user``: the family's own account, if any (may then follow the case);
    ``actor``: who is filing, for the audit log (a caseworker taking a request by phone).
    """
    actor = actor if actor is not None and getattr(actor, "is_authenticated", False) else (
        family_user or audit.ANONYMOUS)
    reference = _unused_reference()
    birth_year = int(data.birth_date[:4]) if data.birth_date else None
    with transaction.atomic(), audit.acting_as(actor):
        case = Case.objects.create(
            reference=reference, name=data.name, birth_year=birth_year,
            citizenship=data.citizenship, home_region=data.home_district,
            last_contact=latest_day(data.last_contact), family_user=family_user,
        )
        names.index_case(case)
        req = TracingRequest.objects.create(
            case=case, reference=reference, lang=data.lang, name=data.name,
            birth_date=data.birth_date, citizenship=data.citizenship,
            home_district=data.home_district, work_abroad=data.work_abroad, phone=data.phone,
            photo=data.photo or None, photo_type=data.photo_type if data.photo else "",
            story=data.story, last_contact=data.last_contact, went_missing=data.went_missing,
            contact_name=data.contact_name, contact_relation=data.contact_relation,
            contact_phone=data.contact_phone, contact_email=data.contact_email,
            contact_other=data.contact_other,
        )
        mention = claims.file_claim(req)
        req.mention = mention
        req.save(update_fields=["mention"])
        case.mention = mention
        case.save(update_fields=["mention"])
        try:
            with transaction.atomic():
                open_candidates = matching.refresh_candidates(case)
        except Exception as exc:  # candidates can be recomputed later; the request must be kept
            log.warning("candidate matching failed for a new request (%s)", type(exc).__name__)
            open_candidates = 0
        audit.record(actor, "intake.submit", case,
                     {"request": req.pk, "lang": data.lang, "has_photo": bool(data.photo),
                      "candidates": open_candidates, "linked": mention.person_id is not None})
    log.info("tracing request filed (%d candidate matches)", open_candidates)
    return req
