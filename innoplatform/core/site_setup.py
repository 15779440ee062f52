"""The site's identity: the home page as the default Wagtail site's root, and the name and address in e-mails.

The data migration creates the home page for a new database; `ensure_home_page`
does it for a database that was emptied (test flushes) or built some other way.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from django.core.management import call_command
from django.db import transaction

from wagtail import hooks
from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_TITLE = "Innovasjonsplattformen"
SITE_SETUP_HOOK = "register_site_setup"


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
        hostname, port = site_address()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=HOME_TITLE)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def site_address() -> tuple[str, int]:
    """Host name and port of SITE_URL, the platform's public address."""
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def sync_site_identity(**kwargs) -> None:
    """Name the platform and its public address wherever links are built outside a request.

    Django's Site is what account e-mails name; the default Wagtail site's host and port
    make `page.get_full_url()` point to SITE_URL. Connected to post_migrate, so a new
    SITE_URL takes effect with the next `migrate`.
    """
    hostname, port = site_address()
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.SITE_URL).netloc, "name": settings.WAGTAIL_SITE_NAME},
    )
    Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port).update(hostname=hostname, port=port)


def create_cache_tables(using: str = "default", **kwargs) -> None:
    """Create the database cache's table, if one is configured; connected to post_migrate."""
    call_command("createcachetable", database=using, verbosity=0)


def setup_site() -> list[str]:
    """Make a new or emptied database a working, empty site: the home page and every part's index page.

    Each app registers a ``register_site_setup`` hook that creates its index page if it is
    missing and returns the page; editors' later changes to existing pages are kept.
    Returns one line per page, for `manage.py setup_site` to print.
    """
    with transaction.atomic():
        pages = [ensure_home_page(), *(fn() for fn in hooks.get_hooks(SITE_SETUP_HOOK))]
    return [f"{page.title}: {page.url}" for page in pages]
