"""The registry's data model (documented in docs/data-model.md).

* :class:`Document` - a source as received, with its extraction report kept verbatim.
* :class:`Mention` - a person as one document describes them (``DOC#N``).
* :class:`Person` - a real person: the mentions linked to them, and a roll-up of their facts.
* :class:`Event` - something that happened to a person, as one mention reports it.
* :class:`LinkDecision` - a human's ruling that two mentions are (not) the same person.

A source's claim is never overwritten: what a document says lives on its
mentions and events; the :class:`Person` fields are a derived summary
recomputed from them (:mod:`soraq.registry.services.rollup`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from soraq.report import Coercion, EventType, Relation, Sex, Status
from soraq.report import mention_id as make_mention_id


def _choices(enum: type[StrEnum], labels: dict[str, Any] | None = None) -> list[tuple[str, Any]]:
    """Django choices from one of the report contract's enums (one source of truth)."""
    labels = labels or {}
    return [(m.value, labels.get(m.value, m.value.replace("_", " "))) for m in enum]


STATUS_LABELS = {
    "detained": _("detained"),
    "in_unit": _("in a military unit"),
    "at_front": _("at the front"),
    "missing": _("missing"),
    "captured": _("captured"),
    "wounded": _("wounded"),
    "killed": _("killed"),
    "returned": _("returned"),
    "unknown": _("unknown"),
}
EVENT_LABELS = {
    "departure": _("departure"),
    "documents_lapsed": _("documents lapsed"),
    "detention": _("detention"),
    "threat": _("threat"),
    "torture": _("torture"),
    "court_hearing": _("court hearing"),
    "contract": _("contract"),
    "training": _("training"),
    "deployment": _("deployment"),
    "contact": _("contact"),
    "captured": _("captured"),
    "wounded": _("wounded"),
    "death": _("death"),
    "return": _("return"),
    "appeal": _("appeal"),
    "disappearance": _("disappearance"),
}
COERCION_LABELS = {
    "document_pretext": _("detained over documents"),
    "threat_of_prison": _("threat of prison"),
    "fabricated_charges": _("fabricated charges"),
    "threat_of_deportation": _("threat of deportation"),
    "threat_of_death": _("threat of death"),
    "torture": _("torture"),
    "deception": _("deception"),
    "blank_documents": _("made to sign unreadable papers"),
    "bounty": _("bounty paid per person"),
    "debt": _("debt"),
    "passport_confiscation": _("passport taken"),
    "inducement": _("inducement"),
}
RELATION_LABELS = {
    "mother": _("mother"),
    "father": _("father"),
    "brother": _("brother"),
    "sister": _("sister"),
    "wife": _("wife"),
    "husband": _("husband"),
    "son": _("son"),
    "daughter": _("daughter"),
    "in_law": _("in-law"),
    "relative": _("relative"),
}
STATUS_CHOICES = _choices(Status, STATUS_LABELS)
EVENT_TYPE_CHOICES = _choices(EventType, EVENT_LABELS)
RELATION_CHOICES = _choices(Relation, RELATION_LABELS)
SEX_CHOICES = _choices(Sex, {"male": _("male"), "female": _("female")})
COERCION_CHOICES = _choices(Coercion, COERCION_LABELS)


class DatePrecision(models.TextChoices):
    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


class Document(models.Model):
    """A source document as received: original bytes, readable text, and its extraction report."""

    doc_id = models.CharField(_("document id"), max_length=255, unique=True)
    text = models.TextField(_("text"))
    title = models.CharField(_("title"), max_length=1000, blank=True)
    outlet = models.CharField(_("outlet"), max_length=255, blank=True)
    url = models.CharField(_("URL"), max_length=2000, blank=True)
    lang = models.CharField(_("language"), max_length=8, blank=True)
    published = models.CharField(_("published"), max_length=10, blank=True,
                                 help_text=_("partial ISO date: 2026, 2026-01 or 2026-01-15"))
    published_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    published_sort = models.DateField(null=True, blank=True, db_index=True)
    content_sha256 = models.CharField(_("SHA-256 of the original bytes"), max_length=64, db_index=True)
    text_sha256 = models.CharField(_("SHA-256 of the text"), max_length=64, unique=True)
    original = models.BinaryField(_("original bytes"), null=True, blank=True)
    media_type = models.CharField(_("media type"), max_length=100, default="text/plain")
    origin = models.CharField(_("read from"), max_length=1000, blank=True)
    relevant = models.BooleanField(_("relevant"), default=False, db_index=True)
    report = models.JSONField(_("extraction report"), default=dict,
                              help_text=_("the report as the extractor emitted it, kept verbatim"))
    extractor_version = models.CharField(max_length=64, blank=True)
    ingested_at = models.DateTimeField(_("ingested at"), auto_now_add=True)

    class Meta:
        ordering = ["-published_sort", "doc_id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.doc_id

    def get_absolute_url(self) -> str:
        return reverse("registry:document-detail", args=[self.pk])


class Person(models.Model):
    """A real person, as the registry currently understands them from all linked mentions.

    Every field except the primary key is a roll-up of the linked mentions and can
    be recomputed at any time; the mentions themselves are never changed by it.
    """

    name_latin = models.CharField(_("name (Latin script)"), max_length=255, blank=True)
    name_cyrillic = models.CharField(_("name (Cyrillic script)"), max_length=255, blank=True)
    names = models.JSONField(_("all spellings"), default=list, blank=True)
    given_name = models.CharField(_("given name"), max_length=255, blank=True)
    family_name = models.CharField(_("family name"), max_length=255, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=255, blank=True)
    sex = models.CharField(_("sex"), max_length=6, choices=SEX_CHOICES, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    citizenship = models.CharField(_("citizenship"), max_length=2, blank=True, db_index=True)
    home = models.CharField(_("home"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, blank=True, db_index=True)
    status_as_of = models.CharField(_("status as of"), max_length=10, blank=True)
    status_mention = models.ForeignKey(
        "Mention", verbose_name=_("status source"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["family_name", "given_name", "pk"]
        # the person list's order (soraq.registry.services.search), alone and after its two filters:
        # a page of 25 is read in index order with a LIMIT, never sorted from the whole registry
        indexes = [
            models.Index(fields=["family_name", "name_latin", "name_cyrillic", "id"], name="registry_person_list"),
            models.Index(fields=["citizenship", "family_name", "name_latin", "name_cyrillic", "id"],
                         name="registry_person_by_citizenship"),
            models.Index(fields=["status", "family_name", "name_latin", "name_cyrillic", "id"],
                         name="registry_person_by_status"),
        ]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name_latin or self.name_cyrillic or (self.names[0] if self.names else f"#{self.pk}")

    @property
    def transliterated_name(self) -> str:
        """A Latin reading of the Cyrillic name when no source wrote it in Latin (display only)."""
        if self.name_latin or not self.name_cyrillic:
            return ""
        from soraq.names.transliterate import to_latin

        return " ".join(
            w if w in _LOWER_NAME_PARTICLES else w.capitalize() for w in to_latin(self.name_cyrillic).split()
        )

    def get_absolute_url(self) -> str:
        return reverse("registry:person-detail", args=[self.pk])


#: words of a name written in lower case in Latin (Azerbaijani/Central Asian patronymic markers)
_LOWER_NAME_PARTICLES = frozenset({"ogly", "oglu", "kyzy", "kizi", "gizi", "uly", "uulu"})


class PersonNameKey(models.Model):
    """One search key of a person's names (:func:`soraq.names.search_keys`): name search in any script."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=255, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "key"], name="registry_person_key_unique")]
        # name search: the persons of a key straight from the index (covering, no table lookup)
        indexes = [models.Index(fields=["key", "person"], name="registry_key_person")]

    def __str__(self) -> str:
        return self.key


class MentionQuerySet(models.QuerySet):
    def awaiting_review(self) -> "MentionQuerySet":
        """Links the matcher was unsure of and no one has ruled on yet (the review queue)."""
        return self.filter(link_decision=Mention.LinkOutcome.REVIEW,
                           review_state=Mention.ReviewState.MACHINE_SUGGESTED)


class Mention(models.Model):
    """A person as one document describes them: ``DOC#N`` and every field extracted for them."""

    class ReviewState(models.TextChoices):
        MACHINE_SUGGESTED = "machine_suggested", _("suggested by the matcher")
        VERIFIED = "verified", _("verified")
        REJECTED = "rejected", _("rejected")

    class LinkOutcome(models.TextChoices):
        MERGED = "merge", _("linked to an existing person")
        REVIEW = "review", _("linked, needs review")
        NEW = "new", _("new person")
        HUMAN = "human", _("linked by a person")
        UNLINKED = "unlinked", _("not linked")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="mentions")
    index = models.PositiveIntegerField(_("index in the report"))
    name = models.CharField(_("name"), max_length=255)
    given_name = models.CharField(_("given name"), max_length=255, blank=True)
    family_name = models.CharField(_("family name"), max_length=255, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=255, blank=True)
    sex = models.CharField(_("sex"), max_length=6, choices=SEX_CHOICES, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    citizenship = models.CharField(_("citizenship"), max_length=2, blank=True)
    home = models.CharField(_("home"), max_length=500, blank=True)
    occupation = models.CharField(_("occupation"), max_length=255, blank=True)
    location_abroad = models.CharField(_("location abroad"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, blank=True)
    coercion = models.JSONField(_("coercion"), default=list, blank=True)
    relatives = models.JSONField(_("relatives"), default=list, blank=True)
    evidence = models.JSONField(_("evidence"), default=list, blank=True)

    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="mentions")
    link_score = models.FloatField(_("link probability"), null=True, blank=True)
    link_reasons = models.JSONField(_("link reasons"), default=list, blank=True)
    review_candidate = models.ForeignKey(
        "self", verbose_name=_("possible match"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("the best-scoring mention of another person, when the matcher was unsure"),
    )
    link_decision = models.CharField(_("link outcome"), max_length=8, choices=LinkOutcome.choices,
                                     default=LinkOutcome.UNLINKED, db_index=True)
    review_state = models.CharField(_("review state"), max_length=17, choices=ReviewState.choices,
                                    default=ReviewState.MACHINE_SUGGESTED, db_index=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["document__published_sort", "document__doc_id", "index"]
        constraints = [models.UniqueConstraint(fields=["document", "index"], name="registry_mention_unique")]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")

    def __str__(self) -> str:
        return self.mention_id

    @property
    def mention_id(self) -> str:
        """The spec's id of this mention: ``DOC_ID#N``."""
        return make_mention_id(self.document.doc_id, self.index)

    @property
    def needs_review(self) -> bool:
        return (self.link_decision == self.LinkOutcome.REVIEW
                and self.review_state == self.ReviewState.MACHINE_SUGGESTED)


class Event(models.Model):
    """Something that happened to a person, as one mention reports it, with the text that says so."""

    class SpanSource(models.TextChoices):
        EVIDENCE = "evidence", _("the extractor's evidence for this event")
        NAME_SENTENCE = "name", _("the sentence naming the person (no evidence for the event)")
        NONE = "", _("no supporting text found")

    mention = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="events")
    index = models.PositiveIntegerField(_("index in the mention's events"))
    type = models.CharField(_("type"), max_length=20, choices=EVENT_TYPE_CHOICES, db_index=True)
    date = models.CharField(_("date"), max_length=10, blank=True)
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    date_sort = models.DateField(null=True, blank=True, db_index=True)
    place = models.CharField(_("place"), max_length=500, blank=True)
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    span_source = models.CharField(max_length=8, choices=SpanSource.choices, blank=True)

    class Meta:
        ordering = ["date_sort", "mention_id", "index"]
        constraints = [models.UniqueConstraint(fields=["mention", "index"], name="registry_event_unique")]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.type} {self.date or '?'}"


class LinkDecision(models.Model):
    """A person's ruling that two mentions are, or are not, the same real person.

    Automatic linking never overrides one (the pair is stored with the lower
    primary key first, so there is one ruling per pair; a new ruling replaces it).
    """

    mention_a = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="+")
    mention_b = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="+")
    same = models.BooleanField(_("same person"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+")
    decided_at = models.DateTimeField(auto_now=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mention_a", "mention_b"], name="registry_decision_pair_unique"),
            models.CheckConstraint(condition=Q(mention_a__lt=models.F("mention_b")),
                                   name="registry_decision_pair_ordered"),
        ]
        verbose_name = _("link decision")
        verbose_name_plural = _("link decisions")

    def __str__(self) -> str:
        return f"{self.mention_a_id} {'=' if self.same else '≠'} {self.mention_b_id}"

    @classmethod
    def record(cls, a: Mention, b: Mention, *, same: bool, user=None, note: str = "") -> "LinkDecision":
        """Store (or replace) the ruling on a pair, whichever order the mentions come in."""
        if a.pk == b.pk:
            raise ValueError("a decision needs two different mentions")
        first, second = (a, b) if a.pk < b.pk else (b, a)
        decision, _created = cls.objects.update_or_create(
            mention_a=first, mention_b=second,
            defaults={"same": same, "decided_by": user, "note": note},
        )
        return decision
