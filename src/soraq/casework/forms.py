"""Forms: the public intake (with its bot checks) and the caseworker's forms."""

from __future__ import annotations

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from soraq.registry.models import STATUS_CHOICES

from .models import RELATION_CHOICES, Case
from .services.dates import parse_partial_date

#: citizenships most often concerned; anything else is chosen as "other" (stored empty)
CITIZENSHIPS = [
    ("", _("Choose…")),
    ("AZ", _("Azerbaijan")), ("UZ", _("Uzbekistan")), ("TJ", _("Tajikistan")), ("KG", _("Kyrgyzstan")),
    ("KZ", _("Kazakhstan")), ("TM", _("Turkmenistan")), ("GE", _("Georgia")), ("AM", _("Armenia")),
    ("NP", _("Nepal")), ("IN", _("India")), ("LK", _("Sri Lanka")), ("CU", _("Cuba")),
    ("GH", _("Ghana")), ("CM", _("Cameroon")), ("SN", _("Senegal")), ("XX", _("Other or unknown")),
]
RELATIONS = [("", _("Choose…"))] + RELATION_CHOICES
_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{4,24}$")
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png", b"RIFF": "image/webp"}
SIGNER_SALT = "soraq.casework.intake.started"


def min_fill_seconds() -> float:
    """A person needs at least this long to fill the form; bots post at once (``SORAQ_INTAKE_MIN_SECONDS``)."""
    return float(getattr(settings, "SORAQ_INTAKE_MIN_SECONDS", 4))


def signed_start() -> str:
    return signing.TimestampSigner(salt=SIGNER_SALT).sign(f"{time.time():.3f}")


def _partial_date_field(label, help_text=""):
    return forms.CharField(label=label, required=False, max_length=10, help_text=help_text,
                           widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))


def _clean_partial(value: str):
    try:
        return parse_partial_date(value)
    except ValueError:
        raise forms.ValidationError(_("Write a year (1990), a month (05.1990) or a day (14.05.1990)."))


def _clean_phone(value: str) -> str:
    value = (value or "").strip()
    if value and not _PHONE.match(value):
        raise forms.ValidationError(_("Write the number with digits only, country code first, e.g. +994 …"))
    return value


class AccessibleErrorsMixin:
    """Point each invalid field at its error message (``aria-describedby``), beside its help text."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                ids = [f"{self[name].auto_id}_error"]
                if self.fields[name].help_text:
                    ids.append(f"{self[name].auto_id}_helptext")
                widget.attrs["aria-describedby"] = " ".join(ids)


class IntakeForm(AccessibleErrorsMixin, forms.Form):
    """A family's tracing request. Contacts, story and photo are stored encrypted."""

    name = forms.CharField(label=_("Full name of the missing person"), max_length=255,
                           help_text=_("In any alphabet, as the family writes it."),
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    birth_date = _partial_date_field(_("Date or year of birth"), _("e.g. 1990 or 14.05.1990"))
    citizenship = forms.ChoiceField(label=_("Citizenship"), choices=CITIZENSHIPS, required=False)
    home_district = forms.CharField(label=_("Home village, town or district"), max_length=255, required=False)
    work_abroad = forms.CharField(label=_("Where did they work or live abroad?"), max_length=255, required=False,
                                  help_text=_("City or region, e.g. where they were last."))
    phone = forms.CharField(label=_("Phone number of the missing person, if known"), max_length=40, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}))
    photo = forms.FileField(label=_("A photo of the person (optional)"), required=False,
                            help_text=_("JPEG, PNG or WebP, at most 5 MB."),
                            widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
    story = forms.CharField(label=_("What happened?"), required=False, max_length=20000,
                            help_text=_("When did they leave, what did they tell you, who was involved. Write in any language."),
                            widget=forms.Textarea(attrs={"rows": 6}))
    last_contact = _partial_date_field(_("Date of the last contact with them"), _("e.g. 03.2025"))
    went_missing = _partial_date_field(_("Since when is there no news?"))
    contact_name = forms.CharField(label=_("Your name"), max_length=200, required=False,
                                   widget=forms.TextInput(attrs={"autocomplete": "name"}))
    contact_relation = forms.ChoiceField(label=_("You are their…"), choices=RELATIONS, required=False)
    contact_phone = forms.CharField(label=_("Your phone number"), max_length=40, required=False,
                                    widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
    contact_email = forms.EmailField(label=_("Your e-mail"), required=False,
                                     widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    contact_other = forms.CharField(label=_("Another safe way to reach you"), max_length=500, required=False,
                                    help_text=_("e.g. a messenger, or a person who can pass on a message"))
    consent = forms.BooleanField(
        label=_("I agree that this information is stored encrypted and seen only by the caseworkers searching for this person."))
    # bot checks: a field people never see, and when the form was shown (signed)
    website = forms.CharField(required=False, label=_("Leave this field empty"),
                              widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signed_start()
        self.bot_suspected = False

    def clean_birth_date(self):
        return _clean_partial(self.cleaned_data["birth_date"])

    def clean_last_contact(self):
        return _clean_partial(self.cleaned_data["last_contact"])

    def clean_went_missing(self):
        return _clean_partial(self.cleaned_data["went_missing"])

    def clean_phone(self):
        return _clean_phone(self.cleaned_data["phone"])

    def clean_contact_phone(self):
        return _clean_phone(self.cleaned_data["contact_phone"])

    def clean_citizenship(self):
        value = self.cleaned_data["citizenship"]
        return "" if value == "XX" else value

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return None
        if photo.size > PHOTO_MAX_BYTES:
            raise forms.ValidationError(_("The photo is larger than 5 MB."))
        data = photo.read()
        kind = next((t for magic, t in PHOTO_TYPES.items() if data.startswith(magic)), None)
        if kind is None or (kind == "image/webp" and data[8:12] != b"WEBP"):
            raise forms.ValidationError(_("Only JPEG, PNG or WebP photos can be sent."))
        return data, kind

    def clean(self):
        data = super().clean()
        if data.get("website"):
            self.bot_suspected = True
        started = data.get("started", "")
        try:
            shown = float(signing.TimestampSigner(salt=SIGNER_SALT).unsign(started, max_age=60 * 60 * 24))
        except (signing.BadSignature, ValueError):
            self.bot_suspected = True
        else:
            if time.time() - shown < min_fill_seconds():
                self.bot_suspected = True
        if not any(data.get(f) for f in ("contact_phone", "contact_email", "contact_other")):
            self.add_error("contact_phone", _("Give at least one way to reach you: phone, e-mail or another way."))
        return data


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or reference"), required=False,
                        widget=forms.TextInput(attrs={"type": "search"}))
    citizenship = forms.ChoiceField(label=_("Citizenship"), choices=[("", _("any"))] + CITIZENSHIPS[1:-1],
                                    required=False)
    status = forms.ChoiceField(label=_("Case status"), choices=[("", _("any"))] + list(Case.Status.choices),
                               required=False)
    person_status = forms.ChoiceField(label=_("Person's status"), required=False,
                                      choices=[("", _("any"))] + list(STATUS_CHOICES))
    region = forms.CharField(label=_("Home region"), required=False)
    date_from = forms.DateField(label=_("Opened from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Opened until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    new_reports = forms.BooleanField(label=_("Has new reports"), required=False)


class CaseEditForm(AccessibleErrorsMixin, forms.ModelForm):
    class Meta:
        model = Case
        fields = ["status", "home_region", "silence_days", "last_contact"]
        widgets = {"last_contact": forms.DateInput(attrs={"type": "date"})}


class NoteForm(AccessibleErrorsMixin, forms.Form):
    body = forms.CharField(label=_("Note"), max_length=20000, widget=forms.Textarea(attrs={"rows": 3}))


class EvidenceForm(AccessibleErrorsMixin, forms.Form):
    file = forms.FileField(label=_("File"))
    description = forms.CharField(label=_("Description"), max_length=2000, required=False)


class HideForm(AccessibleErrorsMixin, forms.Form):
    reason = forms.CharField(label=_("Why is this request false or malicious?"), max_length=500)


class ConsentForm(AccessibleErrorsMixin, forms.Form):
    """Record the family's consent to publish the person's name and photo."""

    given_by = forms.CharField(
        label=_("Who in the family agreed, and how?"), max_length=300,
        help_text=_("e.g. \"mother, by phone\" or \"brother, signed form\". Stored encrypted."))
