"""Registers the participation plugin with the Wagtail admin: the
"Participation" menu, the audit log actions and the dashboard panel."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin.evaluation import EvaluationViewSetGroup, register_evaluation_log_actions
from .admin.panels import ModerationSummaryPanel
from .admin.permissions import ContributionPermissionPolicy, can_moderate
from .admin.viewsets import ParticipationViewSetGroup
from .models import DiscussionComment, Idea

register_permission_policy(Idea, ContributionPermissionPolicy(Idea))
register_permission_policy(
    DiscussionComment, ContributionPermissionPolicy(DiscussionComment)
)
register_snippet(ParticipationViewSetGroup)
register_snippet(EvaluationViewSetGroup)
hooks.register("register_log_actions", register_evaluation_log_actions)


def shorten(text, length=160):
    return Truncator(" ".join(str(text).split())).chars(length)


def field_label(log_entry, name):
    model = log_entry.content_type.model_class() if log_entry.content_type_id else None
    try:
        return str(model._meta.get_field(name).verbose_name)
    except (AttributeError, FieldDoesNotExist):
        return name


class ReasonFormatter(LogFormatter):
    """Adds the reason a moderator gave to the message shown in the history."""

    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason", "")
        if reason:
            return _("%(message)s. Reason: %(reason)s") % {
                "message": self.message,
                "reason": shorten(reason),
            }
        return self.message

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("reason", "")


@hooks.register("register_log_actions")
def register_participation_log_actions(actions):
    actions.register_action(
        "participation.approve", _("Participation: approve"), _("Approved: public")
    )

    @actions.register_action("participation.hide")
    class Hide(ReasonFormatter):
        label = _("Participation: hide")
        message = _("Hidden from the public")

    @actions.register_action("participation.reject")
    class Reject(ReasonFormatter):
        label = _("Participation: reject")
        message = _("Rejected")

    @actions.register_action("participation.auto_hide")
    class AutoHide(LogFormatter):
        label = _("Participation: hidden after reports")

        def format_message(self, log_entry):
            reports = (log_entry.data or {}).get("reports")
            if reports:
                return _("Hidden automatically after %(count)s reports") % {
                    "count": reports
                }
            return _("Hidden automatically after reports")

    @actions.register_action("participation.status")
    class Status(ReasonFormatter):
        label = _("Participation: change status")

        def format_message(self, log_entry):
            from .models import IdeaStatus

            data = log_entry.data or {}
            labels = dict(IdeaStatus.choices)
            try:
                message = _("Status changed from “%(old)s” to “%(new)s”") % {
                    "old": labels.get(data["from"], data["from"]),
                    "new": labels.get(data["to"], data["to"]),
                }
            except (KeyError, TypeError):
                return _("Status changed")
            if data.get("reason"):
                message = _("%(message)s. Reason: %(reason)s") % {
                    "message": message,
                    "reason": shorten(data["reason"]),
                }
            return message

    actions.register_action(
        "participation.answer",
        _("Participation: official answer"),
        _("Official answer written"),
    )

    actions.register_action(
        "participation.official_answer",
        _("Participation: comment as the town"),
        _("Official comment published"),
    )

    @actions.register_action("participation.edit")
    class StaffEdit(LogFormatter):
        label = _("Participation: edit by staff")

        def format_message(self, log_entry):
            old = (log_entry.data or {}).get("old") or {}
            if not old:
                return _("Edited by staff")
            return _("Edited by staff. Before: %(values)s") % {
                "values": "; ".join(
                    f"{field_label(log_entry, field)}: “{shorten(value)}”"
                    for field, value in old.items()
                )
            }

    actions.register_action(
        "participation.open", _("Participation: open"), _("Opened for contributions")
    )

    actions.register_action(
        "participation.close", _("Participation: close"), _("Closed for contributions")
    )

    actions.register_action(
        "participation.export",
        _("Participation: export personal data"),
        _("Personal data exported"),
    )

    @actions.register_action("participation.erase")
    class Erase(LogFormatter):
        label = _("Participation: erase personal data")

        def format_message(self, log_entry):
            if (log_entry.data or {}).get("delete_contributions"):
                return _("Personal data and contributions erased")
            return _("Personal data erased; contributions kept anonymously")


@hooks.register("construct_homepage_panels")
def add_moderation_summary_panel(request, panels):
    if can_moderate(request.user):
        panels.insert(0, ModerationSummaryPanel())
