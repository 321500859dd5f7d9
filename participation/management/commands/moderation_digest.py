"""E-mail moderators a digest of what arrived for moderation (for a daily cron).

    manage.py moderation_digest [--since-hours 24] [--dry-run]

Every active staff member who holds the moderation permission through a group
or directly (and has an e-mail address) gets one mail with the counts of ideas
and comments that now wait for approval and of newly reported items, with links
to the moderation queue. When nothing new arrived, nothing is sent.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from participation import emails
from participation.admin.filters import COMMENT, IDEA, REPORTED, WAITING
from participation.admin.panels import waiting_counts
from participation.models import DiscussionComment, Idea, Report, Visibility


def new_since(since):
    """What arrived since `since`: contributions confirmed since then that wait
    for approval, and contributions with an open report made since then."""
    counts = {}
    for kind, model in ((IDEA, Idea), (COMMENT, DiscussionComment)):
        active = model.objects.filter(
            confirmed_at__isnull=False, withdrawn_at__isnull=True
        )
        counts[f"{kind}s_waiting"] = active.filter(
            visibility=Visibility.PENDING, confirmed_at__gte=since
        ).count()
        counts[f"{kind}s_reported"] = active.filter(
            Exists(
                Report.objects.filter(
                    content_type__app_label="participation",
                    content_type__model=model._meta.model_name,
                    object_id=OuterRef("pk"),
                    resolved_at__isnull=True,
                    created_at__gte=since,
                )
            )
        ).count()
    counts["reported"] = counts.pop("ideas_reported") + counts.pop("comments_reported")
    return counts


def moderators():
    """Active users holding the moderation permission through a group or
    directly, with an e-mail address."""
    permission = Permission.objects.filter(
        content_type__app_label="participation", codename="moderate_contributions"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__permissions__in=permission) | Q(user_permissions__in=permission)
        )
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
        .order_by("pk")
    )


def preferred_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None:
        return profile.get_preferred_language()
    return None


class Command(BaseCommand):
    help = "E-mail moderators a digest of new ideas, comments and reports that wait."

    def add_arguments(self, parser):
        parser.add_argument(
            "--since-hours",
            type=int,
            default=24,
            help="Count what arrived in this many hours (default 24, for a daily cron).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be sent without sending anything.",
        )

    def handle(self, *args, since_hours, dry_run, **options):
        if since_hours <= 0:
            raise CommandError("--since-hours must be more than 0.")
        since = timezone.now() - timezone.timedelta(hours=since_hours)
        new = new_since(since)
        if not any(new.values()):
            self.stdout.write(
                f"Nothing new for moderation in the last {since_hours} hours; "
                "no digest sent."
            )
            return

        queue = emails.absolute_url(reverse("participation_moderation:index"))
        context = {
            "new": new,
            "waiting": waiting_counts(),
            "since_hours": since_hours,
            "queue_url": queue,
            "ideas_url": f"{queue}?kind={IDEA}&reason={WAITING}",
            "comments_url": f"{queue}?kind={COMMENT}&reason={WAITING}",
            "reported_url": f"{queue}?reason={REPORTED}",
        }
        sent = 0
        for user in moderators():
            if dry_run:
                self.stdout.write(f"Would send the digest to user {user.pk}.")
                continue
            greeting = {"display_name": user.get_full_name() or user.get_username()}
            if emails.send(
                "moderation_digest",
                user.email,
                preferred_language(user),
                {**context, "participant": greeting, "user": user},
            ):
                sent += 1
        summary = ", ".join(f"{key}={value}" for key, value in new.items())
        if dry_run:
            self.stdout.write(f"Dry run; new items: {summary}.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Digest sent to {sent} moderator(s); new: {summary}."
                )
            )
