"""Give Wagtail's default moderation workflow and its task Norwegian names.

Wagtail creates them as "Moderators approval"; editors see these names in the page
editor's status panel, the workflow reports and the moderation e-mails. Only rows
that still carry Wagtail's default name are renamed, both ways.
"""

from django.db import migrations

NAMES = [
    # (model, Wagtail's default name, Norwegian name)
    ("Workflow", "Moderators approval", "Godkjenning i redaksjonen"),
    ("Task", "Moderators approval", "Redaksjonen godkjenner"),
]


def rename(apps, schema_editor, reverse=False):
    for model_name, default, norwegian in NAMES:
        model = apps.get_model("wagtailcore", model_name)
        old, new = (norwegian, default) if reverse else (default, norwegian)
        model.objects.filter(name=old).update(name=new)


def to_norwegian(apps, schema_editor):
    rename(apps, schema_editor)


def to_default(apps, schema_editor):
    rename(apps, schema_editor, reverse=True)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_form_submission"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_norwegian, to_default)]
