"""Case work: family intake, case files, review, roles, confidentiality and audit."""
from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "soraq.casework"
    label = "casework"
    verbose_name = "Case work"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import permissions, receivers, signals

        permissions.check_matrix()
        signals.connect()
        receivers.connect()
