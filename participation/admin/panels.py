"""The dashboard panel that tells moderators what waits."""

from django.db.models import Count, Exists, Q
from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..models import DiscussionComment, Idea, Visibility
from .filters import COMMENT, IDEA, REPORTED, WAITING, open_reports


def waiting_counts():
    """How many ideas and comments wait for approval and how many are reported:
    one query per kind of contribution."""
    counts = {}
    for kind, model in ((IDEA, Idea), (COMMENT, DiscussionComment)):
        counts[kind] = model.objects.filter(
            confirmed_at__isnull=False, withdrawn_at__isnull=True
        ).aggregate(
            waiting=Count("pk", filter=Q(visibility=Visibility.PENDING)),
            reported=Count("pk", filter=Q(Exists(open_reports(model)))),
        )
    return {
        "ideas_waiting": counts[IDEA]["waiting"],
        "comments_waiting": counts[COMMENT]["waiting"],
        "reported": counts[IDEA]["reported"] + counts[COMMENT]["reported"],
    }


class ModerationSummaryPanel(Component):
    """Counts of what waits for moderation, each linked to the queue."""

    name = "participation_moderation"
    template_name = "participation/admin/moderation_summary_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        queue = reverse("participation_moderation:index")
        counts = waiting_counts()
        return {
            **counts,
            "total": sum(counts.values()),
            "queue_url": queue,
            "ideas_url": f"{queue}?kind={IDEA}&reason={WAITING}",
            "comments_url": f"{queue}?kind={COMMENT}&reason={WAITING}",
            "reported_url": f"{queue}?reason={REPORTED}",
        }
