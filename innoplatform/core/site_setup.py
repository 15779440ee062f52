"""Makes sure the page tree has the platform's home page as the default site's root.

The data migration does this for a new database; this function does it for a
database that was emptied (test flushes) or built some other way.
"""

from django.db import transaction

from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_TITLE = "Innovasjonsplattformen"


@transaction.atomic
def ensure_home_page() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="nb")
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
        root.refresh_from_db()
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="home"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=HOME_TITLE)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home
