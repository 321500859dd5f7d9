"""Send queued e-mails and retry failed ones; run every few minutes from cron."""

from django.core.management.base import BaseCommand

from participation.outbox import purge_sent, send_due


class Command(BaseCommand):
    help = (
        "Send the e-mails of the outbox that are due: those whose delivery after "
        "the commit failed are retried with a growing pause (5 minutes, doubling, "
        "at most 12 hours) until PARTICIPATION_MAIL_MAX_ATTEMPTS (10). Sent mails "
        "older than --keep-days are deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)
        parser.add_argument(
            "--keep-days",
            type=int,
            default=14,
            help="Delete sent mails older than this (they contain addresses).",
        )

    def handle(self, *args, limit=500, keep_days=14, **options):
        sent, failed = send_due(limit=limit)
        deleted = purge_sent(keep_days)
        self.stdout.write(
            f"Sent {sent} e-mails, {failed} failed and stay queued; deleted "
            f"{deleted} old sent e-mails."
        )
