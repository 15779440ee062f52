"""Load the 15 fylker and 357 kommuner of 2024 from the app's data files."""

from django.db import migrations

from innoplatform.municipalities.registry import load_registry


def load(apps, schema_editor):
    load_registry(apps.get_model("municipalities", "Fylke"), apps.get_model("municipalities", "Kommune"))


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
