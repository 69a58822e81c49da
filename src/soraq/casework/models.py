"""Case work data: cases, tracing requests from families, notes, evidence, alerts, reviews, audit.

Confidential values (family contacts, testimony, a missing person's phone and
photo, notes, evidence file names) are stored encrypted
(:mod:`soraq.casework.fields`); what a case needs to be found (name search
keys, citizenship, region, dates) stays searchable in plain columns.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .fields import EncryptedBinaryField, EncryptedTextField
from .permissions import ACTIONS, codename

#: Crockford's base32 alphabet: no I, L, O, U (nothing to misread when a family dictates it)
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PREFIX = "SRQ-"


#: how the person filing is related to the missing person (the contract's relations, family words)
RELATION_CHOICES = [
    ("mother", _("mother")), ("father", _("father")), ("wife", _("wife")), ("husband", _("husband")),
    ("sister", _("sister")), ("brother", _("brother")), ("son", _("son")), ("daughter", _("daughter")),
    ("in_law", _("in-law")), ("relative", _("other relative")),
]


def new_reference() -> str:
    """An unguessable case reference: ``SRQ-`` and 8 random base32 characters (40 bits)."""
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class AuditHead(models.Model):
    """The end of the audit chain: last sequence number and hash (one row, locked on append)."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)
    #: the hash before the last append: lets one statement both move the head and link the entry
    prev_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("audit chain head")


class AuditEntry(models.Model):
    """One link of the tamper-evident audit chain (see :mod:`soraq.casework.audit`)."""

    seq = models.PositiveBigIntegerField(unique=True)
    timestamp = models.DateTimeField(db_index=True)
    actor = models.CharField(max_length=200)
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    details = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["object_type", "object_id"])]
        # the role matrix's actions, so the admin shows the same policy as the views enforce
        permissions = [(codename(action), label) for action, label in ACTIONS.items()]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class Case(models.Model):
    """A case file: the search for one person, opened by a family's request or by a caseworker."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        OPEN = "open", _("open")
        FOUND = "found", _("found")
        CLOSED = "closed", _("closed")

    reference = models.CharField(_("reference"), max_length=12, unique=True, default=new_reference)
    name = models.CharField(_("name"), max_length=255)
    other_names = models.JSONField(_("other spellings"), default=list, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    citizenship = models.CharField(_("citizenship"), max_length=2, blank=True, db_index=True)
    home_region = models.CharField(_("home region"), max_length=255, blank=True, db_index=True)
    status = models.CharField(_("case status"), max_length=8, choices=Status.choices,
                              default=Status.NEW, db_index=True)
    # The case's anchor in the registry is a *mention* (the family's own claim, or a report's),
    # not a person row: persons are merged and split by linking, mentions stay put and move along.
    mention = models.ForeignKey("registry.Mention", verbose_name=_("anchor mention in the registry"),
                                null=True, blank=True, on_delete=models.SET_NULL, related_name="cases")
    last_contact = models.DateField(_("last contact"), null=True, blank=True)
    silence_days = models.PositiveSmallIntegerField(
        _("alert after days without news"), default=30,
        help_text=_("followers are alerted when this many days pass without news"))
    has_new_reports = models.BooleanField(_("has new reports"), default=False, db_index=True)
    silence_alerted_on = models.DateField(null=True, blank=True)
    followers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="followed_cases")
    family_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="family_cases")
    hidden = models.BooleanField(_("hidden (false or malicious)"), default=False, db_index=True)
    hidden_reason = models.CharField(_("reason"), max_length=500, blank=True)
    # The family's consent to publish the person's name and photo (read by soraq.sharing.source).
    # Consent counts only with all three: who in the family gave it and how (confidential, encrypted),
    # which user recorded it, and when. Withdrawal clears them and stamps publish_consent_withdrawn_at:
    # a withdrawal newer than every consent about the same person wins over consent on another case.
    publish_consent_from = EncryptedTextField(
        _("consent to publish given by"), blank=True,
        help_text=_("Who in the family agreed, and how (e.g. \"mother, by phone\")."))
    publish_consent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("consent recorded by"),
                                           null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    publish_consent_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    publish_consent_withdrawn_at = models.DateTimeField(_("consent withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("casework:case-detail", args=[self.reference])

    @property
    def person(self):
        """The registry person the case is about now (follows merges and splits of its mention)."""
        return self.mention.person if self.mention_id and self.mention else None

    @property
    def has_publish_consent(self) -> bool:
        """The family's consent to publish is on record, with who gave it, who recorded it and when."""
        return bool(self.publish_consent_from and self.publish_consent_by_id and self.publish_consent_at)

    def days_since_contact(self, today=None) -> int | None:
        """Whole days since the last news of the person (None when never known)."""
        if self.last_contact is None:
            return None
        today = today or timezone.localdate()
        return (today - self.last_contact).days


class CaseNameKey(models.Model):
    """A search key of a case's names (:func:`soraq.names.search_keys`), for search in any script."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=255, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "key"], name="casework_case_key_unique")]


class TracingRequest(models.Model):
    """What a family said when filing a request: a dated, sourced claim about a missing person."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="requests")
    reference = models.CharField(_("reference"), max_length=12, unique=True, default=new_reference)
    submitted_at = models.DateTimeField(default=timezone.now)
    lang = models.CharField(_("language"), max_length=8)
    # who is missing (searchable facts stay plain; contacts and testimony are encrypted)
    name = models.CharField(_("name"), max_length=255)
    birth_date = models.CharField(_("birth date or year"), max_length=10, blank=True)
    citizenship = models.CharField(_("citizenship"), max_length=2, blank=True)
    home_district = models.CharField(_("home district"), max_length=255, blank=True)
    work_abroad = models.CharField(_("where they worked abroad"), max_length=255, blank=True)
    phone = EncryptedTextField(_("phone of the missing person"), blank=True)
    photo = EncryptedBinaryField(_("photo"), null=True, blank=True)
    photo_type = models.CharField(max_length=50, blank=True)
    # what happened
    story = EncryptedTextField(_("what happened"), blank=True)
    last_contact = models.CharField(_("last contact"), max_length=10, blank=True)
    went_missing = models.CharField(_("went missing"), max_length=10, blank=True)
    # how to reach the family (confidential)
    contact_name = EncryptedTextField(_("your name"), blank=True)
    contact_relation = models.CharField(_("relation"), max_length=20, blank=True, choices=RELATION_CHOICES)
    contact_phone = EncryptedTextField(_("your phone"), blank=True)
    contact_email = EncryptedTextField(_("your e-mail"), blank=True)
    contact_other = EncryptedTextField(_("other ways to reach you"), blank=True)
    # the claim in the registry this request became
    mention = models.ForeignKey("registry.Mention", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="tracing_requests")
    flagged = models.BooleanField(_("marked false or malicious"), default=False, db_index=True)
    flag_reason = models.CharField(_("reason"), max_length=500, blank=True)
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    flagged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("tracing request")
        verbose_name_plural = _("tracing requests")

    def __str__(self) -> str:
        return self.reference

    @property
    def doc_id(self) -> str:
        """The registry document id this request is filed under."""
        return f"intake-{self.reference.lower()}"


class CandidateMatch(models.Model):
    """A registry person who may be the one a case is about, with the matcher's reasons."""

    class Verdict(models.TextChoices):
        OPEN = "", _("not decided")
        SAME = "same", _("same person")
        DIFFERENT = "different", _("different person")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField()
    reasons = models.JSONField(default=list, blank=True)
    verdict = models.CharField(max_length=9, choices=Verdict.choices, blank=True, default="")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    found_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-probability"]
        constraints = [models.UniqueConstraint(fields=["case", "person"], name="casework_candidate_unique")]


class Note(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    body = EncryptedTextField(_("note"))

    class Meta:
        ordering = ["created_at"]


class EvidenceFile(models.Model):
    """A file attached to a case: content-addressed, encrypted, never altered (see evidence_store)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="evidence")
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveBigIntegerField()
    filename = EncryptedTextField(_("file name"))
    content_type = models.CharField(max_length=100, blank=True)
    description = EncryptedTextField(_("description"), blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at"]


class Alert(models.Model):
    """Something a follower of a case should look at (also sent by e-mail)."""

    class Kind(models.TextChoices):
        SILENCE = "silence", _("no news")
        NEW_REPORT = "new_report", _("new report")
        INTAKE = "intake", _("new tracing request")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class FactReview(models.Model):
    """A reviewer's ruling on one extracted fact of one mention.

    Keyed by the document id and mention index (not the row), so the ruling
    survives a later automatic re-extraction that recreates the mention rows.
    """

    class Verdict(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        CORRECTED = "corrected", _("corrected")

    doc_id = models.CharField(max_length=255)
    mention_index = models.PositiveIntegerField()
    field = models.CharField(max_length=40)
    machine_value = models.JSONField(null=True, blank=True)
    verdict = models.CharField(max_length=9, choices=Verdict.choices)
    value = models.JSONField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["doc_id", "mention_index", "field"],
                                               name="casework_fact_review_unique")]
