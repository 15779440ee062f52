"""Remind organisations a week before their posts expire (a scheduler runs this daily)."""

from django.core.management.base import BaseCommand

from partners.notices import remind_expiring


class Command(BaseCommand):
    help = "Sender påminnelse til organisasjoner med innlegg som utløper innen en uke."

    def handle(self, *args, **options):
        count = remind_expiring()
        self.stdout.write(self.style.SUCCESS(f"Påminnelser sendt: {count}"))
