"""`manage.py send_partner_digest`: the weekly e-mail of new matches, run by the scheduler once a week."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from partners.digest import send_digests


class Command(BaseCommand):
    help = (
        "Sender ukentlig e-post med nye treff til medlemmer av organisasjoner med publiserte innlegg. "
        "Trygt å kjøre flere ganger: samme treff sendes aldri to ganger."
    )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            sent = send_digests()
        self.stdout.write(self.style.SUCCESS(f"{sent} e-poster med nye treff sendt."))
