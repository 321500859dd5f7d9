"""Models of the participation plugin, split by concern."""

from .contributions import (
    COMMENT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Contribution,
    DiscussionComment,
    Idea,
    IdeaStatus,
    Report,
    Support,
    Visibility,
)
from .identity import AccessLink, Participant, normalise_email
from .outbox import OutboxMail
from .registrations import Registration, RegistrationList, RegistrationPageMixin
from .spaces import (
    MODERATION_CHOICES,
    POST_MODERATION,
    PRE_MODERATION,
    CannedReply,
    Category,
    CommentStream,
    IdeaCollection,
)
from .subscriptions import (
    Announcement,
    Follow,
    FollowNotice,
    Subscription,
    SubscriptionTopic,
)

__all__ = [
    "COMMENT_MAX_LENGTH",
    "DESCRIPTION_MAX_LENGTH",
    "MODERATION_CHOICES",
    "POST_MODERATION",
    "PRE_MODERATION",
    "TITLE_MAX_LENGTH",
    "AccessLink",
    "Announcement",
    "Follow",
    "FollowNotice",
    "OutboxMail",
    "Registration",
    "RegistrationList",
    "RegistrationPageMixin",
    "Subscription",
    "SubscriptionTopic",
    "CannedReply",
    "Category",
    "CommentStream",
    "Contribution",
    "DiscussionComment",
    "Idea",
    "IdeaCollection",
    "IdeaStatus",
    "Participant",
    "Report",
    "Support",
    "Visibility",
    "normalise_email",
]
