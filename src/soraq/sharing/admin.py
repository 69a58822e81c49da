"""API tokens in the Django admin: list and revoke (tokens are created with `manage.py soraq_token`)."""

from django.contrib import admin, messages

from soraq.sharing.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "name", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("name", "prefix", "user__username")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at", "revoked_at", "user")
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False  # a token must be shown once to its owner: see `soraq_token create`

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset) -> None:
        for token in queryset:
            token.revoke(by=request.user)
        messages.success(request, f"{queryset.count()} token(s) revoked")
