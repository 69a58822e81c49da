"""API tokens: how programs (an NGO's scripts, a consulate's tools) call the REST API.

A token is shown once when created; only its SHA-256 digest is stored, so a
leaked database does not leak working tokens (tokens are 256 random bits, so a
fast hash is enough: there is nothing to brute-force). Every token belongs to a
user and acts with exactly that user's roles; it can be revoked at any time
and records when it was last used.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: tokens start with this, so that secret scanners and people recognise them
TOKEN_PREFIX = "soraq_"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, help_text=_("what the token is for"))
    #: the first characters of the token, to recognise it in lists (not enough to use it)
    prefix = models.CharField(max_length=16, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        """A new token for ``user``: the stored row and the token itself (shown once, never stored)."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = cls.objects.create(user=user, name=name[:100], prefix=token[: len(TOKEN_PREFIX) + 6],
                                 digest=digest(token))
        _audit(user, "sharing.token.create", row)
        return row, token

    @classmethod
    def authenticate(cls, token: str) -> "ApiToken | None":
        """The active token row for a presented token (and note its use), or None."""
        if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        row = cls.objects.active().select_related("user").filter(digest=digest(token)).first()
        if row is None:
            return None
        now = timezone.now()
        # record use at most once a minute: no write per request under load
        if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=row.pk).update(last_used_at=now)
            row.last_used_at = now
        return row

    def revoke(self, by=None) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
            _audit(by, "sharing.token.revoke", self)


def _audit(actor, action: str, token: "ApiToken") -> None:
    """Token creation and revocation go to case work's audit log (prefix and owner, never the token)."""
    from soraq.casework.audit import record

    record(actor, action, token, {"prefix": token.prefix, "owner": token.user_id})
