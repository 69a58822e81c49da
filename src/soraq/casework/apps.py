"""Case work: family intake, case files, review, roles, confidentiality and audit."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "soraq.casework"
    label = "casework"
    verbose_name = "Case work"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import permissions, receivers, signals

        from django.db.models.signals import post_migrate

        permissions.check_matrix()
        post_migrate.connect(permissions.ensure_groups, sender=self, dispatch_uid="soraq.casework.roles")
        signals.connect()
        receivers.connect()

    def nav_items(self, request):
        """Case work's entries in the site menu, each only for roles the matrix allows."""
        from django.urls import reverse

        from soraq.site.navigation import NavItem

        from .permissions import can

        user = request.user
        items = []
        if can(user, "case.list"):
            items.append(NavItem(_("Cases"), reverse("casework:case-list"),
                                 ("casework:case-list", "casework:case-detail", "casework:case-confidential")))
            items.append(NavItem(_("Gone silent"), reverse("casework:silent"), ("casework:silent",)))
        if can(user, "review.view"):
            items.append(NavItem(_("Review"), reverse("casework:review"),
                                 ("casework:review", "casework:person-merge", "casework:person-split")))
        if _family_only(user):
            items.append(NavItem(_("My requests"), reverse("casework:my-cases"), ("casework:my-cases",)))
        return items

    def registry_access(self, request) -> bool:
        """A family account sees its own requests only, never the registry of everyone else."""
        return not _family_only(request.user)


def _family_only(user) -> bool:
    """The user may follow their own request but not list cases: a family account."""
    from .permissions import can

    return can(user, "case.view_own") and not can(user, "case.list")
