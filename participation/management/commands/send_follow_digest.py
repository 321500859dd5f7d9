"""The daily digest for people who follow ideas; run once a day from cron."""

from django.core.management.base import BaseCommand

from participation.subscriptions import send_follow_digests


class Command(BaseCommand):
    help = (
        "Send each follower one e-mail with the new statuses and official answers "
        "of the ideas they follow. Nobody gets more than one digest a day."
    )

    def handle(self, *args, **options):
        count = send_follow_digests()
        self.stdout.write(f"Queued {count} digests.")
