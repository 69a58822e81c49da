"""Create the role groups with their permissions (from the matrix) and the audit chain's head row."""

from django.db import migrations


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from soraq.casework.permissions import sync_role_groups

    # permissions are normally made after all migrations; make this app's now
    app_config = apps.get_app_config("casework")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="casework", model="auditentry")
    sync_role_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), content_type)
    AuditHead = apps.get_model("casework", "AuditHead")
    AuditHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": "0" * 64})


def remove_roles(apps, schema_editor):
    from soraq.casework.permissions import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
