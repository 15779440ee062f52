"""`manage.py setup_site`: after `migrate`, the home page and every part's index page exist and are published.

Safe to run again: what exists is left as editors made it.
"""

from django.core.management.base import BaseCommand

from innoplatform.core.site_setup import setup_site


class Command(BaseCommand):
    help = "Oppretter forsiden og indekssidene til alle delene av plattformen hvis de mangler."

    def handle(self, *args, **options):
        for line in setup_site():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Nettstedet er klart."))
