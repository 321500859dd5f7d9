"""Everything stored about one person, exported or erased on request (GDPR art. 15
and 17). A management command and an admin action call these functions.

A person is known by their e-mail address only: the Participant row, the access
links sent to them, and the ideas, comments, supports and reports they made;
their registrations for events, their subscription, the ideas they follow and
the e-mails to them in the outbox.
Erasing keeps their ideas and comments anonymously (the discussion stays
readable) unless they ask to delete them as well.
"""

import secrets
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Greatest
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from . import registrations, subscriptions
from .emails import contribution_url
from .models import (
    AccessLink,
    CommentStream,
    DiscussionComment,
    Idea,
    OutboxMail,
    Participant,
    Registration,
    Report,
    Subscription,
    Support,
    normalise_email,
)
from .services import keyed_hash


class ParticipantNotFound(LookupError):
    """Nothing is stored for this e-mail address."""

    def __init__(self, email):
        super().__init__(f"No participant with the address {email!r}.")
        self.email = email


def is_known(email):
    """Whether anything at all is stored for this address."""
    email = normalise_email(email)
    return (
        Participant.objects.for_email(email).exists()
        or Registration.objects.filter(email=email).exists()
        or Subscription.objects.filter(email=email).exists()
    )


def _mailing_data(email):
    return {
        "registrations": registrations.export_for(email),
        **subscriptions.export_for(email),
    }


def _get_participant(email, lock=False):
    participants = Participant.objects.for_email(email)
    if lock:
        participants = participants.select_for_update()
    participant = participants.first()
    if participant is None:
        raise ParticipantNotFound(normalise_email(email))
    return participant


def _date(value):
    return value.isoformat() if value else None


def _page(space):
    page = space.page if space is not None else None
    if page is None:
        return None
    return {"id": page.pk, "title": page.title, "url": page.full_url}


def _public_url(contribution):
    try:
        return contribution_url(contribution)
    except NoReverseMatch:
        return None


def _contribution(item):
    return {
        "id": item.pk,
        "display_name": item.display_name,
        "language": item.language,
        "moderation_state": item.visibility,
        "moderation_reason": item.moderation_reason,
        "written": _date(item.created_at),
        "confirmed": _date(item.confirmed_at),
        "edited": _date(item.edited_at),
        "withdrawn": _date(item.withdrawn_at),
        "url": _public_url(item),
    }


def _reports_by(participant):
    # The public report form keys a participant's reports like this.
    reporter_hash = keyed_hash(f"participant:{participant.pk}")
    return Report.objects.filter(
        Q(participant=participant) | Q(reporter_hash=reporter_hash)
    )


def export_personal_data(email):
    """Everything stored about the person with this address, as a JSON-ready dict.
    Secrets (link secrets, hashes) are left out. Raises ParticipantNotFound."""
    if not Participant.objects.for_email(email).exists() and is_known(email):
        # registered for an event or subscribed, nothing else
        return {
            "exported": _date(timezone.now()),
            "participant": {"email": normalise_email(email)},
            **_mailing_data(normalise_email(email)),
        }
    participant = _get_participant(email)
    ideas = (
        Idea.objects.filter(participant=participant)
        .select_related("collection__page", "category", "merged_into")
        .order_by("created_at", "pk")
    )
    comments = (
        DiscussionComment.objects.filter(participant=participant)
        .select_related("stream__page", "stream__idea")
        .order_by("created_at", "pk")
    )
    supports = (
        Support.objects.filter(participant=participant)
        .select_related("idea__collection__page")
        .order_by("created_at", "pk")
    )
    reports = _reports_by(participant).select_related("content_type")
    return {
        "exported": _date(timezone.now()),
        "participant": {
            "email": participant.email,
            "display_name": participant.display_name,
            "language": participant.language,
            "created": _date(participant.created_at),
            "email_confirmed": _date(participant.confirmed_at),
        },
        "access_links": [
            {
                "purpose": link.purpose,
                "sent": _date(link.created_at),
                "used": _date(link.used_at),
            }
            for link in participant.access_links.order_by("created_at", "pk")
        ],
        "ideas": [
            {
                **_contribution(idea),
                "idea_collection": idea.collection.title,
                "page": _page(idea.collection),
                "title": idea.title,
                "description": idea.description,
                "category": idea.category.name if idea.category else None,
                "location": idea.location_text,
                "image": idea.image.name or None,
                "status": idea.status,
                "status_reason": idea.status_reason,
                "merged_into": idea.merged_into.title if idea.merged_into else None,
                "official_answer": idea.official_answer,
                "answered": _date(idea.answered_at),
                "supports": idea.support_count,
                "comments": idea.comment_count,
            }
            for idea in ideas
        ],
        "comments": [
            {
                **_contribution(comment),
                "comment_stream": comment.stream.title,
                "page": _page(comment.stream),
                "idea": _idea_of(comment.stream),
                "reply_to": comment.parent_id,
                "text": comment.text,
                "replies": comment.reply_count,
            }
            for comment in comments
        ],
        "supports": [
            {
                "idea": {"id": support.idea_id, "title": support.idea.title},
                "page": _page(support.idea.collection),
                "given": _date(support.created_at),
            }
            for support in supports
        ],
        "reports": [
            {
                "reported": f"{report.content_type.model} {report.object_id}",
                "reason": report.reason,
                "explanation": report.explanation,
                "made": _date(report.created_at),
                "resolved": _date(report.resolved_at),
            }
            for report in reports.order_by("created_at", "pk")
        ],
        **_mailing_data(participant.email),
    }


def _idea_of(stream):
    try:
        idea = stream.idea
    except Idea.DoesNotExist:
        return None
    return {"id": idea.pk, "title": idea.title}


@transaction.atomic
def erase_personal_data(email, delete_contributions=False):
    """Erase the person with this address, in one transaction, and return what was
    done. Their ideas and comments stay anonymously, or are deleted too with
    delete_contributions; supports are withdrawn, reports they made stay without
    a link to them. Registrations, the subscription and queued or sent e-mails
    are deleted. Raises ParticipantNotFound."""
    email = normalise_email(email)
    summary = Counter()
    summary["registrations_deleted"] = registrations.erase_for(email)
    summary["subscriptions_deleted"] = subscriptions.erase_for(email)
    summary["emails_deleted"] = OutboxMail.objects.filter(recipient=email).delete()[0]
    participant = Participant.objects.for_email(email).select_for_update().first()
    if participant is None:
        if not any(summary.values()):
            raise ParticipantNotFound(email)
        return _erase_summary(email, delete_contributions, summary)

    # Supports count towards ideas: take them back one by one in the counters.
    supported = list(
        Support.objects.filter(participant=participant).values_list(
            "idea_id", flat=True
        )
    )
    Idea.objects.filter(pk__in=supported).update(
        support_count=Greatest(F("support_count") - 1, Value(0))
    )
    summary["supports_deleted"] = Support.objects.filter(
        participant=participant
    ).delete()[0]

    reports = list(_reports_by(participant))
    for report in reports:
        # A fresh random value keeps one report per row unique without
        # pointing to anybody.
        report.participant = None
        report.reporter_hash = secrets.token_hex(32)
        if delete_contributions:
            report.explanation = ""
    Report.objects.bulk_update(reports, ["participant", "reporter_hash", "explanation"])
    summary["reports_anonymised"] = len(reports)

    ideas = Idea.objects.filter(participant=participant)
    comments = DiscussionComment.objects.filter(participant=participant)
    # Never confirmed, never public: nothing worth keeping.
    summary["ideas_deleted"] += delete_ideas(ideas.filter(confirmed_at__isnull=True))
    summary["comments_deleted"] += delete_comments(
        comments.filter(confirmed_at__isnull=True)
    )
    if delete_contributions:
        summary["ideas_deleted"] += delete_ideas(ideas)
        emptied, deleted = _delete_own_comments(participant, comments)
        summary["comments_emptied"] += emptied
        summary["comments_deleted"] += deleted
    else:
        summary["ideas_anonymised"] = ideas.update(participant=None, display_name="")
        summary["comments_anonymised"] = comments.update(
            participant=None, display_name=""
        )

    summary["access_links_deleted"] = AccessLink.objects.filter(
        participant=participant
    ).delete()[0]
    participant.delete()
    return _erase_summary(participant.email, delete_contributions, summary)


def _erase_summary(email, delete_contributions, summary):
    return {
        "email": email,
        "contributions_deleted": delete_contributions,
        **{
            key: summary[key]
            for key in (
                "ideas_anonymised",
                "comments_anonymised",
                "ideas_deleted",
                "comments_deleted",
                "comments_emptied",
                "supports_deleted",
                "reports_anonymised",
                "access_links_deleted",
                "registrations_deleted",
                "subscriptions_deleted",
                "emails_deleted",
            )
        },
    }


def _delete_own_comments(participant, comments):
    """Delete a person's comments. A comment others have replied to is emptied and
    withdrawn instead, so that their replies stay. Returns (emptied, deleted)."""
    replied_by_others = (
        DiscussionComment.objects.filter(parent__in=comments)
        .exclude(participant=participant)
        .values("parent_id")
    )
    emptied = 0
    for comment in comments.filter(pk__in=replied_by_others).select_for_update():
        if comment.is_visible:
            _count_removed_comments([comment])
        comment.text = ""
        comment.participant = None
        comment.display_name = ""
        comment.withdrawn_at = comment.withdrawn_at or timezone.now()
        comment.save(
            update_fields=["text", "participant", "display_name", "withdrawn_at"]
        )
        _scrub_log_entries(DiscussionComment, [comment.pk])
        emptied += 1
    return emptied, delete_comments(comments)


def _count_removed_comments(comments, deleted_ids=()):
    """Lower the counters of ideas and parent comments for visible comments that
    disappear; parents that are deleted too need no counting."""
    gone = [c for c in comments if c.is_visible]
    per_stream = Counter(c.stream_id for c in gone)
    per_parent = Counter(
        c.parent_id for c in gone if c.parent_id and c.parent_id not in deleted_ids
    )
    for stream_id, number in per_stream.items():
        Idea.objects.filter(discussion_id=stream_id).update(
            comment_count=Greatest(F("comment_count") - number, Value(0))
        )
    for parent_id, number in per_parent.items():
        DiscussionComment.objects.filter(pk=parent_id).update(
            reply_count=Greatest(F("reply_count") - number, Value(0))
        )


def delete_comments(comments):
    """Delete comments (and replies to them) and keep the counters of ideas and
    parent comments right; their reports and audit-log labels go too. Returns
    the number of comments deleted."""
    ids = set(comments.values_list("pk", flat=True))
    if not ids:
        return 0
    doomed = list(
        DiscussionComment.objects.filter(Q(pk__in=ids) | Q(parent_id__in=ids)).only(
            "pk",
            "stream_id",
            "parent_id",
            "visibility",
            "confirmed_at",
            "withdrawn_at",
        )
    )
    doomed_ids = {c.pk for c in doomed}
    _count_removed_comments(doomed, deleted_ids=doomed_ids)
    _forget(DiscussionComment, doomed_ids)
    DiscussionComment.objects.filter(pk__in=doomed_ids).delete()
    return len(doomed_ids)


def delete_ideas(ideas):
    """Delete ideas with their discussions, supports, reports and image files.
    Returns the number of ideas deleted."""
    rows = list(ideas.values_list("pk", "discussion_id", "image"))
    if not rows:
        return 0
    idea_ids = {pk for pk, _stream, _image in rows}
    stream_ids = {stream for _pk, stream, _image in rows}
    comment_ids = set(
        DiscussionComment.objects.filter(stream_id__in=stream_ids).values_list(
            "pk", flat=True
        )
    )
    _forget(Idea, idea_ids)
    _forget(DiscussionComment, comment_ids)
    Idea.objects.filter(pk__in=idea_ids).delete()
    CommentStream.objects.filter(pk__in=stream_ids).delete()
    storage = Idea._meta.get_field("image").storage
    for name in {image for _pk, _stream, image in rows if image}:
        transaction.on_commit(lambda name=name: storage.delete(name))
    return len(idea_ids)


def _forget(model, ids):
    """Remove the reports on deleted contributions and blank their audit-log
    entries, which carry a title or the first words of the text."""
    if not ids:
        return
    content_type = ContentType.objects.get_for_model(model)
    Report.objects.filter(content_type=content_type, object_id__in=ids).delete()
    _scrub_log_entries(model, ids, content_type)


def _scrub_log_entries(model, ids, content_type=None):
    content_type = content_type or ContentType.objects.get_for_model(model)
    ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in ids]
    ).update(label=_erased_label(model), data={})


def _erased_label(model):
    with translation.override(settings.LANGUAGE_CODE):
        return str(_("%(model)s (erased)") % {"model": model._meta.verbose_name})
