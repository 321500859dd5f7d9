"""Who may do what in the participation admin.

Moderation (the queue, approving, hiding, rejecting, statuses, official answers,
opening and closing) needs the ``participation.moderate_contributions``
permission, which the "Moderators" group holds. Contributions are written by
citizens: the admin never adds or deletes them, it only edits and moderates.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy

MODERATE_PERMISSION = "participation.moderate_contributions"
NEVER_IN_ADMIN = frozenset({"add", "delete"})


def can_moderate(user):
    """Whether this staff member may moderate contributions."""
    return bool(user and user.is_active and user.has_perm(MODERATE_PERMISSION))


class ModeratorRequiredMixin:
    """A view only moderators reach; everyone else gets 403."""

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ContributionPermissionPolicy(ModelPermissionPolicy):
    """Staff may view and edit ideas and comments (to remove personal data) but
    never add or delete them through the admin: a contribution leaves the public
    through moderation, and disappears only when its author's data is erased."""

    def user_has_permission(self, user, action):
        if action in NEVER_IN_ADMIN:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in NEVER_IN_ADMIN]
        )
