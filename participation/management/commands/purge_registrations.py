"""Delete registrant data after events; run daily from cron."""

from django.core.management.base import BaseCommand
from django.db import transaction

from participation.registrations import purge_registrations, retention_days
from participation.subscriptions import purge_unconfirmed_subscriptions


class Command(BaseCommand):
    help = (
        "Delete the registrations of events that ended more than --days days ago "
        "(PARTICIPATION_REGISTRATION_RETENTION_DAYS, 30 by default), and "
        "registrations and subscriptions never confirmed within the link's validity."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days after the end of an event (default from the settings).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = retention_days() if days is None else days
        if days < 0:
            self.stderr.write("--days must not be negative.")
            return
        with transaction.atomic():
            registrations = purge_registrations(days)
            subscriptions = purge_unconfirmed_subscriptions()
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {registrations} registrations and {subscriptions} unconfirmed "
            f"subscriptions (events ended more than {days} days ago)."
        )
