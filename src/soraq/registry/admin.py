"""Django admin for the registry's models (for administrators; day-to-day work uses the pages)."""

from django.contrib import admin

from soraq.registry.models import Document, Event, LinkDecision, Mention, Person, PersonNameKey


class MentionInline(admin.TabularInline):
    model = Mention
    fk_name = "person"
    extra = 0
    fields = ("document", "index", "name", "birth_year", "status", "link_score", "link_decision", "review_state")
    readonly_fields = fields
    show_change_link = True
    can_delete = False


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    fields = ("index", "type", "date", "place", "span_start", "span_end", "span_source")


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("doc_id", "outlet", "lang", "published", "relevant", "ingested_at")
    list_filter = ("relevant", "lang")
    search_fields = ("doc_id", "title", "outlet", "url")
    exclude = ("original",)
    readonly_fields = ("content_sha256", "text_sha256", "report", "extractor_version", "ingested_at")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("__str__", "name_cyrillic", "birth_year", "citizenship", "status", "updated_at")
    list_filter = ("status", "citizenship")
    search_fields = ("name_latin", "name_cyrillic", "name_keys__key")
    readonly_fields = ("created_at", "updated_at")
    inlines = [MentionInline]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "name", "person", "link_score", "link_decision", "review_state")
    list_filter = ("link_decision", "review_state", "status")
    search_fields = ("name", "document__doc_id")
    raw_id_fields = ("document", "person", "reviewed_by")
    inlines = [EventInline]


@admin.register(LinkDecision)
class LinkDecisionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "same", "decided_by", "decided_at")
    raw_id_fields = ("mention_a", "mention_b", "decided_by")


admin.site.register(PersonNameKey)
