"""Work on contributions that spans models: handing in, confirming, supporting,
reporting and moderating. Every function here runs in one transaction, keeps
the denormalised counters right under concurrency, and leaves e-mails to be
sent after the transaction commits.

Views, forms, the admin and management commands call these functions; none of
them changes contributions on its own.
"""

import dataclasses
import hashlib
import hmac

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import emails
from .models import (
    AccessLink,
    CommentStream,
    DiscussionComment,
    FollowNotice,
    Idea,
    IdeaStatus,
    Participant,
    Report,
    Support,
    Visibility,
    normalise_email,
)
from .subscriptions import notify_followers
from .tokens import LinkError, read_token


def report_threshold():
    return getattr(settings, "PARTICIPATION_REPORT_THRESHOLD", 3)


def edit_window():
    minutes = getattr(settings, "PARTICIPATION_EDIT_WINDOW_MINUTES", 15)
    return timezone.timedelta(minutes=minutes)


def keyed_hash(value):
    """A keyed hash (HMAC-SHA256 with SECRET_KEY) of an address or IP, so that rate
    limits and reports can tell people apart without storing who they are."""
    return hmac.new(
        settings.SECRET_KEY.encode(), str(value).encode(), hashlib.sha256
    ).hexdigest()


@dataclasses.dataclass
class Submission:
    """What came of handing in a contribution."""

    contribution: object
    needs_confirmation: bool


def get_participant(email, display_name="", language=None):
    """The participant for an address, created on first contact; a newly given
    display name replaces the old one."""
    participant, created = Participant.objects.get_or_create(
        email=normalise_email(email),
        defaults={
            "display_name": display_name,
            "language": language or settings.LANGUAGE_CODE,
        },
    )
    if not created:
        changed = []
        if display_name and display_name != participant.display_name:
            participant.display_name = display_name
            changed.append("display_name")
        if language and language != participant.language:
            participant.language = language
            changed.append("language")
        if changed:
            participant.save(update_fields=changed)
    return participant


def initial_visibility(space):
    return Visibility.PENDING if space.is_pre_moderated else Visibility.PUBLISHED


def _start_submission(participant, remembered_id):
    """Whether the contribution counts at once: only if this browser remembers
    this very participant as confirmed."""
    return participant.is_confirmed and remembered_id == participant.pk


def _request_confirmation(participant, contribution):
    link = AccessLink.objects.create(
        participant=participant, purpose=AccessLink.CONFIRM
    )
    emails.send_confirmation(link, contribution)


@transaction.atomic
def submit_idea(
    collection,
    *,
    email,
    display_name,
    language,
    title,
    description,
    category=None,
    location_text="",
    image=None,
    remembered_id=None,
):
    """Store a new idea with its own discussion, confirmed at once for a
    remembered participant and otherwise after the e-mail link is opened."""
    participant = get_participant(email, display_name, language)
    confirmed = _start_submission(participant, remembered_id)
    visibility = initial_visibility(collection)
    discussion = CommentStream.objects.create(
        title=title[:150],
        moderation=collection.comment_moderation,
        page_id=collection.page_id,
    )
    idea = Idea(
        collection=collection,
        discussion=discussion,
        participant=participant,
        display_name=display_name or participant.display_name,
        language=language,
        title=title,
        description=description,
        category=category,
        location_text=location_text,
        visibility=visibility,
        status=IdeaStatus.PUBLISHED
        if visibility == Visibility.PUBLISHED
        else IdeaStatus.SUBMITTED,
        confirmed_at=timezone.now() if confirmed else None,
    )
    if image:
        idea.image = image
    idea.save()
    if confirmed:
        emails.send_received(idea)
    else:
        _request_confirmation(participant, idea)
    return Submission(idea, needs_confirmation=not confirmed)


@transaction.atomic
def submit_comment(
    stream,
    *,
    email,
    display_name,
    language,
    text,
    parent=None,
    remembered_id=None,
):
    """Store a comment or a reply (replies go one level deep: a reply to a
    reply is attached to the comment it answers)."""
    if parent is not None and parent.parent_id is not None:
        parent = parent.parent
    participant = get_participant(email, display_name, language)
    confirmed = _start_submission(participant, remembered_id)
    comment = DiscussionComment.objects.create(
        stream=stream,
        parent=parent,
        participant=participant,
        display_name=display_name or participant.display_name,
        language=language,
        text=text,
        visibility=initial_visibility(stream),
        confirmed_at=timezone.now() if confirmed else None,
    )
    if confirmed:
        _count_visibility_change(comment, was_visible=False)
        emails.send_received(comment)
    else:
        _request_confirmation(participant, comment)
    return Submission(comment, needs_confirmation=not confirmed)


@transaction.atomic
def post_official_answer(stream, user, text, parent=None, language=None):
    """A comment written by staff as the town, public at once and marked official."""
    if parent is not None and parent.parent_id is not None:
        parent = parent.parent
    comment = DiscussionComment.objects.create(
        stream=stream,
        parent=parent,
        staff_author=user,
        display_name="",
        language=language or settings.LANGUAGE_CODE,
        text=text,
        is_official=True,
        visibility=Visibility.PUBLISHED,
        confirmed_at=timezone.now(),
    )
    _count_visibility_change(comment, was_visible=False)
    log(instance=comment, action="participation.official_answer", user=user)
    return comment


@transaction.atomic
def confirm_participant(token):
    """Open a confirmation link: the address counts as verified, and every
    contribution of this person that waited for it is confirmed. A link works
    once; LinkError says why it does not."""
    link = read_token(token, AccessLink.CONFIRM)
    link = AccessLink.objects.select_for_update().get(pk=link.pk)
    if link.used_at is not None:
        raise LinkError(
            _("This link has already been used. Your contribution is confirmed."),
            "used",
        )
    now = timezone.now()
    link.used_at = now
    link.save(update_fields=["used_at"])
    participant = Participant.objects.select_for_update().get(pk=link.participant_id)
    if participant.confirmed_at is None:
        participant.confirmed_at = now
        participant.save(update_fields=["confirmed_at"])
    confirmed = []
    for model in (Idea, DiscussionComment):
        pending = model.objects.select_for_update().filter(
            participant=participant,
            confirmed_at__isnull=True,
            withdrawn_at__isnull=True,
        )
        for contribution in pending:
            contribution.confirmed_at = now
            contribution.save(update_fields=["confirmed_at"])
            if isinstance(contribution, DiscussionComment):
                _count_visibility_change(contribution, was_visible=False)
            confirmed.append(contribution)
    return participant, confirmed


def _count_visibility_change(comment, was_visible):
    """Keep comment counters right when a comment becomes visible or stops being
    visible. Counters move with F() so that concurrent changes add up."""
    now_visible = comment.is_visible
    if now_visible == was_visible:
        return
    delta = 1 if now_visible else -1
    if comment.parent_id:
        DiscussionComment.objects.filter(pk=comment.parent_id).update(
            reply_count=F("reply_count") + delta
        )
    Idea.objects.filter(discussion_id=comment.stream_id).update(
        comment_count=F("comment_count") + delta
    )


@transaction.atomic
def support_idea(idea, participant):
    """Add one confirmed participant's support; False if they support it already."""
    if not participant.is_confirmed:
        raise ValueError("only confirmed participants can support ideas")
    try:
        with transaction.atomic():
            Support.objects.create(idea=idea, participant=participant)
    except IntegrityError:
        return False
    Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    return True


@transaction.atomic
def withdraw_support(idea, participant):
    """Take a support back; False if there was none."""
    deleted, _ = Support.objects.filter(idea=idea, participant=participant).delete()
    if deleted:
        Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    return bool(deleted)


@transaction.atomic
def request_support_confirmation(idea, *, email, language):
    """For a browser that does not know its participant yet: e-mail a link that
    confirms the address; opening it counts the support for the idea."""
    participant = get_participant(email, language=language)
    link = AccessLink.objects.create(
        participant=participant, purpose=AccessLink.CONFIRM
    )
    emails.send_support_confirmation(link, idea, language)
    return link


@transaction.atomic
def create_manage_link(participant, *, send=False, language=None):
    """A link to the participant's own contributions; e-mailed if `send`."""
    link = AccessLink.objects.create(participant=participant, purpose=AccessLink.MANAGE)
    if send:
        emails.send_manage_link(link, language)
    return link


@transaction.atomic
def report_contribution(
    contribution, *, reason, explanation, reporter_hash, participant=None
):
    """Record a report; at the threshold the contribution is hidden until a
    moderator decides. False if this reporter reported it already."""
    try:
        with transaction.atomic():
            Report.objects.create(
                content_type=ContentType.objects.get_for_model(contribution),
                object_id=contribution.pk,
                reason=reason,
                explanation=explanation,
                reporter_hash=reporter_hash,
                participant=participant,
            )
    except IntegrityError:
        return False
    model = type(contribution)
    locked = model.objects.select_for_update().get(pk=contribution.pk)
    was_visible = locked.is_visible
    locked.report_count = F("report_count") + 1
    locked.save(update_fields=["report_count"])
    locked.refresh_from_db()
    # Only reports no moderator has looked at yet count towards hiding: an item a
    # moderator kept public is hidden again only by as many new reports.
    open_reports = Report.objects.filter(
        content_type=ContentType.objects.get_for_model(locked),
        object_id=locked.pk,
        resolved_at__isnull=True,
    ).count()
    if open_reports >= report_threshold() and locked.visibility == Visibility.PUBLISHED:
        locked.visibility = Visibility.HIDDEN
        locked.moderation_reason = ""
        locked.save(update_fields=["visibility", "moderation_reason"])
        if isinstance(locked, DiscussionComment):
            _count_visibility_change(locked, was_visible)
        log(
            instance=locked,
            action="participation.auto_hide",
            data={"reports": locked.report_count},
        )
    return True


def _set_visibility(contribution, visibility, user, action, reason=""):
    model = type(contribution)
    locked = model.objects.select_for_update().get(pk=contribution.pk)
    was_visible = locked.is_visible
    locked.visibility = visibility
    locked.moderation_reason = reason
    fields = ["visibility", "moderation_reason"]
    if isinstance(locked, Idea):
        if visibility == Visibility.PUBLISHED and locked.status == IdeaStatus.SUBMITTED:
            locked.status = IdeaStatus.PUBLISHED
            fields.append("status")
    locked.save(update_fields=fields)
    # Any decision by a moderator settles the open reports.
    Report.objects.filter(
        content_type=ContentType.objects.get_for_model(locked),
        object_id=locked.pk,
        resolved_at__isnull=True,
    ).update(resolved_at=timezone.now())
    if isinstance(locked, DiscussionComment):
        _count_visibility_change(locked, was_visible)
    log(instance=locked, action=action, user=user, data={"reason": reason})
    emails.send_moderation_decision(locked)
    return locked


@transaction.atomic
def approve(contribution, user):
    """Make a waiting or hidden contribution public; open reports are resolved."""
    return _set_visibility(
        contribution, Visibility.PUBLISHED, user, "participation.approve"
    )


@transaction.atomic
def hide(contribution, user, reason):
    """Hide a contribution from the public, with a reason shown in its place."""
    return _set_visibility(
        contribution, Visibility.HIDDEN, user, "participation.hide", reason
    )


@transaction.atomic
def reject(contribution, user, reason):
    """Refuse a contribution that waited for moderation, with a reason for its author."""
    return _set_visibility(
        contribution, Visibility.REJECTED, user, "participation.reject", reason
    )


@transaction.atomic
def set_idea_status(idea, status, user, reason="", merged_into=None):
    """Move an idea to a new public status; 'not pursued' needs a public reason and
    'merged' the idea it was merged into. The author is told by e-mail."""
    if status == IdeaStatus.NOT_PURSUED and not reason.strip():
        raise ValueError(_("Give a public reason why the idea is not pursued."))
    if status == IdeaStatus.MERGED:
        if merged_into is None or merged_into.pk == idea.pk:
            raise ValueError(_("Choose the idea this one was merged into."))
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    previous = locked.status
    locked.status = status
    locked.status_reason = reason
    locked.merged_into = merged_into if status == IdeaStatus.MERGED else None
    locked.save(update_fields=["status", "status_reason", "merged_into"])
    log(
        instance=locked,
        action="participation.status",
        user=user,
        data={"from": previous, "to": status, "reason": reason},
    )
    emails.send_status_change(locked)
    notify_followers(locked, FollowNotice.STATUS)
    return locked


@transaction.atomic
def answer_idea(idea, text, user):
    """Publish or replace the town's official answer to an idea."""
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    locked.official_answer = text
    locked.answered_at = timezone.now()
    locked.save(update_fields=["official_answer", "answered_at"])
    log(instance=locked, action="participation.answer", user=user)
    emails.send_official_answer(locked)
    notify_followers(locked, FollowNotice.ANSWER)
    return locked


def can_edit(contribution, participant, now=None):
    """Whether its author may still change it: within the edit window, not withdrawn."""
    now = now or timezone.now()
    return (
        participant is not None
        and contribution.participant_id == participant.pk
        and contribution.withdrawn_at is None
        and contribution.confirmed_at is not None
        and now - contribution.created_at <= edit_window()
    )


@transaction.atomic
def edit_contribution(contribution, participant, **changes):
    """Let the author change their text within the edit window."""
    if not can_edit(contribution, participant):
        raise PermissionError(_("This contribution can no longer be changed."))
    locked = type(contribution).objects.select_for_update().get(pk=contribution.pk)
    was_visible = locked.is_visible
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.edited_at = timezone.now()
    fields = [*changes, "edited_at"]
    space = locked.collection if isinstance(locked, Idea) else locked.stream
    if space.is_pre_moderated and locked.visibility == Visibility.PUBLISHED:
        # Under pre-moderation the team checks the new text, too.
        locked.visibility = Visibility.PENDING
        fields.append("visibility")
    locked.save(update_fields=fields)
    if isinstance(locked, DiscussionComment):
        _count_visibility_change(locked, was_visible)
    return locked


@transaction.atomic
def withdraw_contribution(contribution, participant):
    """The author takes their contribution back; it disappears from the public."""
    if participant is None or contribution.participant_id != participant.pk:
        raise PermissionError(_("Only the author can withdraw this contribution."))
    locked = type(contribution).objects.select_for_update().get(pk=contribution.pk)
    if locked.withdrawn_at is not None:
        return locked
    was_visible = locked.is_visible
    locked.withdrawn_at = timezone.now()
    locked.save(update_fields=["withdrawn_at"])
    if isinstance(locked, DiscussionComment):
        _count_visibility_change(locked, was_visible)
    return locked
