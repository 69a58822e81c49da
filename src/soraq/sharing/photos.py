"""Photos in the public dataset: only of people whose family consented to publication.

A family may send a photo with a tracing request (stored encrypted by case
work). The public dataset links it (``photo_url``) only for a person whose
family's consent is on record (:func:`soraq.sharing.source.consents`), and only
a photo sent with a request of a case that itself holds that consent: another
family's request about the same person does not publish their photo. The URL
carries the record's opaque public id, never a registry id or a case reference,
and the photo is looked up again on every request, so a withdrawal takes the
photo down at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse


def _photo_requests(person_ids: Iterable[int]):
    from soraq.casework.models import TracingRequest

    return (TracingRequest.objects.filter(
        case__mention__person_id__in=list(person_ids), case__hidden=False, flagged=False,
        case__publish_consent_at__isnull=False, photo__isnull=False,
    ).exclude(photo_type="").order_by("-submitted_at", "-pk"))


def persons_with_photos(person_ids: Iterable[int]) -> set[int]:
    """Of these (consented) persons, those with a photo the consenting family sent."""
    ids = list(person_ids)
    if not ids:
        return set()
    return set(_photo_requests(ids).values_list("case__mention__person_id", flat=True))


def photo_url(public_id: str) -> str:
    """Where the public dataset points for a record's photo (absolute with ``SORAQ_BASE_URL``)."""
    base = (getattr(settings, "SORAQ_BASE_URL", "") or "").rstrip("/")
    return base + reverse("sharing-public-photo", args=[public_id])


def find_photo(public_id: str, secret: str) -> tuple[bytes, str] | None:
    """The photo behind a public id, while the family's consent stands; None otherwise."""
    from soraq.sharing.disclosure import public_id as make_public_id
    from soraq.sharing.source import consents

    consented = consents()
    person = next((pk for pk in consented if make_public_id(str(pk), secret) == public_id), None)
    if person is None:
        return None
    request = _photo_requests([person]).only("photo", "photo_type").first()
    if request is None or not request.photo:
        return None
    return bytes(request.photo), request.photo_type
