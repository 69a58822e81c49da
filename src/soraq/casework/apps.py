"""Case work: family intake, case files, review, roles, confidentiality and audit."""
from django.apps import AppConfig


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
