"""Remind projects before their report deadlines (a scheduler runs this daily)."""

from django.core.management.base import BaseCommand

from funding.reminders import REMINDER_DAYS, send_reminders


class Command(BaseCommand):
    help = f"Sender påminnelse om delrapport og sluttrapport {REMINDER_DAYS} dager før fristen."

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(self.style.SUCCESS(f"Påminnelser sendt: {count}"))
