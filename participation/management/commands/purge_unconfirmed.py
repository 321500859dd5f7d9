"""Delete what was handed in but never confirmed; run daily from cron."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from participation.models import AccessLink, DiscussionComment, Idea, Participant
from participation.personal_data import delete_comments, delete_ideas
from participation.tokens import link_max_age


class Command(BaseCommand):
    help = (
        "Delete ideas and comments whose confirmation link was never opened and "
        "has expired (PARTICIPATION_LINK_VALID_DAYS, 7 days by default), expired "
        "links, and addresses that were never confirmed and have nothing left."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted.",
        )

    def handle(self, *args, dry_run=False, **options):
        cutoff = timezone.now() - link_max_age()
        with transaction.atomic():
            counts = purge(cutoff)
            if dry_run:
                transaction.set_rollback(True)
        days = link_max_age() // datetime.timedelta(days=1)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {counts['ideas']} ideas, {counts['comments']} comments, "
            f"{counts['links']} expired links and {counts['participants']} "
            f"participants never confirmed within {days} days."
        )


def purge(cutoff):
    """Delete everything unconfirmed from before cutoff; return the counts."""
    unconfirmed = {"confirmed_at__isnull": True, "created_at__lt": cutoff}
    ideas = delete_ideas(Idea.objects.filter(**unconfirmed))
    comments = delete_comments(
        DiscussionComment.objects.filter(is_official=False, **unconfirmed)
    )
    # Confirmation links expire; links to manage contributions expire just
    # the same. Neither can be used any more.
    links, _ = (
        AccessLink.objects.filter(created_at__lt=cutoff)
        .filter(used_at__isnull=True)
        .delete()
    )
    _, participants = (
        Participant.objects.filter(**unconfirmed)
        .exclude(Exists(Idea.objects.filter(participant=OuterRef("pk"))))
        .exclude(Exists(DiscussionComment.objects.filter(participant=OuterRef("pk"))))
        .exclude(Exists(AccessLink.objects.filter(participant=OuterRef("pk"))))
        .delete()
    )
    return {
        "ideas": ideas,
        "comments": comments,
        "links": links,
        "participants": participants.get(Participant._meta.label, 0),
    }
