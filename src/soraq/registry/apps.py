from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "soraq.registry"
    label = "registry"
    verbose_name = _("Registry")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Every database connection of every process (server workers, `soraq ingest`, `soraq watch`)
        reports writes to registry data, so cached pages change with the data (soraq.registry.dataversion)."""
        from django.db.backends.signals import connection_created

        from soraq.registry import dataversion

        connection_created.connect(dataversion.connection_created, dispatch_uid="soraq.registry.dataversion")

    def nav_items(self, request):
        """The registry's entries in the site menu (for every logged-in user another app does not bar)."""
        from django.urls import reverse

        from soraq.site.navigation import NavItem, may_read_registry

        if not may_read_registry(request):
            return []
        return [
            NavItem(_("Persons"), reverse("registry:person-list"),
                    ("registry:person-list", "registry:person-detail")),
            NavItem(_("Documents"), reverse("registry:document-list"),
                    ("registry:document-list", "registry:document-detail")),
        ]

    def person_actions(self, request, person):
        """For administrators: the person's record in the Django admin."""
        from django.urls import reverse

        from soraq.site.navigation import NavItem

        if not request.user.is_staff or not request.user.has_perm("registry.view_person"):
            return []
        return [NavItem(_("View in the admin"), reverse("admin:registry_person_change", args=[person.pk]))]

