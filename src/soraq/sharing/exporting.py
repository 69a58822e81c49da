"""Building an export from the registry, for the command line, the API and the pages alike."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import timezone

from soraq.sharing.exports import MEDIA_TYPES, FullDataset, PublicDataset, public_dataset, render

DEFAULT_PFIF_DOMAIN = "soraq.example.org"


def pfif_domain() -> str:
    """The domain of PFIF record ids (``SORAQ_PFIF_DOMAIN`` setting)."""
    return getattr(settings, "SORAQ_PFIF_DOMAIN", None) or DEFAULT_PFIF_DOMAIN


def publication_secret() -> str:
    """The key of public record ids (``SORAQ_PUBLIC_ID_KEY``; derived from SECRET_KEY only when a
    settings module lacks it: soraq.site.settings always sets it, from the environment or generated once)."""
    from django.utils.crypto import salted_hmac

    explicit = getattr(settings, "SORAQ_PUBLIC_ID_KEY", None)
    if explicit:
        return explicit
    return salted_hmac("soraq.sharing.public_id", "v1").hexdigest()


def audit(actor, action: str, details: dict) -> None:
    """One entry in case work's tamper-evident audit log (ids and counts only, never names)."""
    from soraq.casework.audit import record

    record(actor, action, None, details)


def audit_export(actor, dataset, fmt: str, channel: str) -> None:
    """Every export is logged: who, which format, public or full, how many records, through what."""
    details = {"format": fmt, "public": dataset.public, "records": len(dataset.persons), "channel": channel}
    if dataset.public:
        details["suppressed"] = dataset.result.suppressed
    audit(actor, "sharing.export", details)


def build_dataset(*, public: bool) -> FullDataset | PublicDataset:
    from soraq.sharing.source import iter_document_records, iter_person_records

    if public:
        secret = publication_secret()
        return public_dataset(_with_photo_urls(list(iter_person_records(public=True)), secret), secret)
    return FullDataset(list(iter_person_records()), list(iter_document_records()), generated=timezone.now())


def _with_photo_urls(records: list, secret: str) -> list:
    """Consented records whose consenting family sent a photo get its public URL (disclosure decides the rest)."""
    import dataclasses

    from soraq.sharing.disclosure import public_id
    from soraq.sharing.photos import persons_with_photos, photo_url

    with_photo = persons_with_photos(int(r.person_id) for r in records if r.consent)
    return [dataclasses.replace(r, photo_url=photo_url(public_id(r.person_id, secret)))
            if r.consent and int(r.person_id) in with_photo else r for r in records]


def render_text(dataset, fmt: str) -> str:
    import io

    out = io.StringIO()
    render(dataset, fmt, out, pfif_domain=pfif_domain())
    return out.getvalue()


def filename(fmt: str, public: bool) -> str:
    stamp = timezone.now().strftime("%Y%m%d")
    return f"soraq-{'public' if public else 'full'}-{stamp}.{MEDIA_TYPES[fmt][1]}"


def export_response(dataset, fmt: str) -> StreamingHttpResponse:
    """The export as a download, rendered into a spooled file (memory up to 8 MB, then disk)."""
    import io
    import tempfile

    media_type, _ = MEDIA_TYPES[fmt]
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
    render(dataset, fmt, text, pfif_domain=pfif_domain())
    text.flush()
    text.detach()
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        try:
            while block := spool.read(64 * 1024):
                yield block
        finally:
            spool.close()

    response = StreamingHttpResponse(chunks(), content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(fmt, dataset.public)}"'
    response["Cache-Control"] = "no-store"
    return response
