from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "soraq.sharing"
    label = "sharing"
    verbose_name = "Sharing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import post_save

        from .statistics import consent_changed

        if apps.is_installed("soraq.casework"):
            post_save.connect(consent_changed, sender="casework.Case", dispatch_uid="soraq.sharing.consent")

    def nav_items(self, request):
        """Sharing's entries in the site menu, each only for roles its permission table allows."""
        from django.urls import reverse

        from soraq.site.navigation import NavItem

        from .permissions import can

        user = request.user
        items = []
        if can(user, "statistics.public") or can(user, "statistics.full"):
            items.append(NavItem(_("Statistics"), reverse("sharing-statistics"), ("sharing-statistics",)))
        if can(user, "export.public") or can(user, "export.full"):
            items.append(NavItem(_("Exports"), reverse("sharing-exports"), ("sharing-exports",)))
        if can(user, "persons.import"):
            items.append(NavItem(_("Import"), reverse("sharing-import"), ("sharing-import",)))
        return items
