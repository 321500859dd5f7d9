"""Remind confirmed registrants of upcoming events; run hourly from cron."""

from django.core.management.base import BaseCommand

from participation.registrations import send_reminders


class Command(BaseCommand):
    help = (
        "Send the reminder e-mail to confirmed registrants of events that start "
        "within the reminder time set on the event page. Each reminder is sent "
        "once, however often the command runs."
    )

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(f"Queued {count} reminders.")
