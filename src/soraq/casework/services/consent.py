"""The family's consent to publish a person's name and photo, recorded on the case.

Public output (statistics, the public dataset, PFIF, FollowTheMoney) names a
person only when a family agreed, and the record must say who in the family
agreed and how, which user recorded it, and when (:mod:`soraq.sharing.source`
reads these fields). Withdrawal clears the consent and is stamped, so a
withdrawal on any case about the person wins over an older consent on another.
Both changes are written to the audit log (ids only: the family's words stay
encrypted on the case).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from soraq.casework import audit
from soraq.casework.models import Case


@transaction.atomic
def record_consent(case: Case, user, given_by: str) -> Case:
    """Record that the family agreed to publication: ``given_by`` says who and how."""
    given_by = given_by.strip()
    if not given_by:
        raise ValueError("say who in the family gave consent, and how")
    if not getattr(user, "is_authenticated", False):
        raise ValueError("consent is recorded by a signed-in user")
    case.publish_consent_from = given_by
    case.publish_consent_by = user
    case.publish_consent_at = timezone.now()
    case.save(update_fields=["publish_consent_from", "publish_consent_by", "publish_consent_at", "updated_at"])
    audit.record(user, "case.consent.record", case, {"person": _person_id(case)})
    return case


@transaction.atomic
def withdraw_consent(case: Case, user) -> Case:
    """The family withdrew consent: the name leaves every public output from the next request on."""
    had = case.has_publish_consent
    case.publish_consent_from = ""
    case.publish_consent_by = None
    case.publish_consent_at = None
    case.publish_consent_withdrawn_at = timezone.now()
    case.save(update_fields=["publish_consent_from", "publish_consent_by", "publish_consent_at",
                             "publish_consent_withdrawn_at", "updated_at"])
    audit.record(user, "case.consent.withdraw", case, {"person": _person_id(case), "had_consent": had})
    return case


def _person_id(case: Case) -> int | None:
    return case.mention.person_id if case.mention_id and case.mention else None
