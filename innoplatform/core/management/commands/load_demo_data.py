"""Build the demo site: editorial pages, then every app's registered demo content.

Seeded and idempotent: running it again updates the same pages and rows.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail import hooks

from innoplatform.core.demo import load_core_demo
from innoplatform.core.site_setup import setup_site


class Command(BaseCommand):
    help = "Laster demoinnhold (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            setup_site()
            load_core_demo()
            for loader in hooks.get_hooks("register_demo_loader"):
                loader(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demoinnholdet er lastet."))
