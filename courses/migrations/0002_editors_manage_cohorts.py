"""Editors (Wagtail's «Editors» and «Moderators» groups) may run courses as cohorts in the admin."""

from django.db import migrations

CODENAMES = ("add_cohort", "change_cohort", "delete_cohort", "view_cohort")
GROUPS = ("Editors", "Moderators")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("courses")
    config.models_module = True  # the permissions of a new app are made after its migrations unless asked for
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="courses", codename__in=CODENAMES))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="courses", codename__in=CODENAMES))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial"), ("wagtailcore", "0002_initial_data"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant, revoke)]
