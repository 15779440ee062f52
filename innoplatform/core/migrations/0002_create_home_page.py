"""Replace Wagtail's welcome page with the platform's home page and make it the site root."""

from django.db import migrations

HOME_TITLE = "Innovasjonsplattformen"
HOME_INTRODUCTION = (
    "Innovasjonsplattformen samler kunnskap og samarbeid om innovasjon i norske kommuner: "
    "hva andre har prøvd, hvordan innovasjonsprosessen drives, hvem du kan samarbeide med, "
    "og hva befolkningsutviklingen betyr for tjenestene i din kommune."
)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("core.HomePage")

    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    locale = Locale.objects.order_by("pk").first()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="core")
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="home",
        introduction=HOME_INTRODUCTION,
        content_type=home_type,
        locale=locale,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
    )
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
                        site_name=HOME_TITLE)


def remove_home_page(apps, schema_editor):
    apps.get_model("core.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
