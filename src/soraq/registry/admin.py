"""Django admin for the registry's models (for administrators; day-to-day work uses the pages).

What a source said is evidence: documents, mentions and events are shown read-only, and
persons are a roll-up recomputed from their mentions. Links change through
:class:`LinkDecision` (saved here, it takes effect at once through
:func:`soraq.registry.services.linking.apply_decision`).
"""

from django import forms
from django.contrib import admin

from soraq.registry.models import Document, Event, LinkDecision, Mention, Person, PersonNameKey


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewable, never added or edited by hand (rows come from ingestion and the roll-up)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class MentionInline(admin.TabularInline):
    model = Mention
    fk_name = "person"
    extra = 0
    fields = ("document", "index", "name", "birth_year", "status", "link_score", "link_decision", "review_state")
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    fields = ("index", "type", "date", "place", "span_start", "span_end", "span_source")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ("doc_id", "outlet", "lang", "published", "relevant", "ingested_at")
    list_filter = ("relevant", "lang")
    search_fields = ("doc_id", "title", "outlet", "url")
    exclude = ("original",)


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "name_cyrillic", "birth_year", "citizenship", "status", "updated_at")
    list_filter = ("status", "citizenship")
    search_fields = ("name_latin", "name_cyrillic", "name_keys__key")
    inlines = [MentionInline]


@admin.register(Mention)
class MentionAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "name", "person", "link_score", "link_decision", "review_state")
    list_filter = ("link_decision", "review_state", "status")
    search_fields = ("name", "document__doc_id")
    inlines = [EventInline]


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "mention", "type", "date", "place")
    list_filter = ("type",)


class LinkDecisionForm(forms.ModelForm):
    class Meta:
        model = LinkDecision
        fields = ("mention_a", "mention_b", "same", "note")

    def clean(self):
        """Either order of the two mentions is accepted (stored lower id first)."""
        data = super().clean()
        a, b = data.get("mention_a"), data.get("mention_b")
        if a is not None and b is not None:
            if a.pk == b.pk:
                raise forms.ValidationError("A ruling needs two different mentions.")
            if a.pk > b.pk:
                data["mention_a"], data["mention_b"] = b, a
        return data


@admin.register(LinkDecision)
class LinkDecisionAdmin(admin.ModelAdmin):
    form = LinkDecisionForm
    list_display = ("__str__", "same", "decided_by", "decided_at")
    raw_id_fields = ("mention_a", "mention_b")
    readonly_fields = ("decided_by", "decided_at")

    def save_model(self, request, obj, form, change) -> None:
        """Store the ruling in the canonical pair order, by this user, and apply it at once."""
        from soraq.registry.services.linking import apply_decision

        decision = LinkDecision.record(obj.mention_a, obj.mention_b, same=obj.same, user=request.user,
                                       note=obj.note)
        obj.pk = decision.pk
        apply_decision(decision)


@admin.register(PersonNameKey)
class PersonNameKeyAdmin(ReadOnlyAdmin):
    list_display = ("key", "person")
    search_fields = ("key",)
