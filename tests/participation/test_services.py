"""The services that change contributions: one transaction each, counters kept
right, e-mails sent after commit, moderation in the audit log."""

import datetime

import pytest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from participation import fragments, services, tokens
from participation.models import (
    PRE_MODERATION,
    AccessLink,
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaStatus,
    Participant,
    Report,
    Support,
    Visibility,
)

from .factories import (
    CommentFactory,
    CommentStreamFactory,
    IdeaCollectionFactory,
    IdeaFactory,
    ParticipantFactory,
    UnconfirmedParticipantFactory,
)

pytestmark = pytest.mark.django_db


def log_actions(instance):
    return list(
        ModelLogEntry.objects.for_instance(instance)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def submit(collection, email="neu@example.org", remembered_id=None, **kwargs):
    data = {
        "email": email,
        "display_name": "Neu",
        "language": "de",
        "title": "Eine Bank am Markt",
        "description": "Zum Ausruhen.",
        "remembered_id": remembered_id,
    }
    data.update(kwargs)
    return services.submit_idea(collection, **data)


# Handing in and confirming


def test_a_first_idea_waits_for_its_confirmation(
    django_capture_on_commit_callbacks, mailoutbox
):
    collection = IdeaCollectionFactory(comment_moderation=PRE_MODERATION)
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit(collection, email=" Neu@Example.ORG ")
    idea = submission.contribution
    assert submission.needs_confirmation is True
    assert idea.confirmed_at is None
    assert idea.is_visible is False
    assert idea.visibility == Visibility.PUBLISHED
    assert idea.status == IdeaStatus.PUBLISHED
    assert idea.participant.email == "neu@example.org"
    assert idea.participant.confirmed_at is None
    assert idea.discussion.moderation == PRE_MODERATION
    link = AccessLink.objects.get()
    assert (link.participant, link.purpose, link.used_at) == (
        idea.participant,
        AccessLink.CONFIRM,
        None,
    )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["neu@example.org"]
    assert "/bestaetigen/" in mailoutbox[0].body


def test_a_pre_moderated_idea_is_submitted_not_published():
    collection = IdeaCollectionFactory(moderation=PRE_MODERATION)
    idea = submit(collection).contribution
    assert (idea.visibility, idea.status) == (Visibility.PENDING, IdeaStatus.SUBMITTED)


def test_no_mail_goes_out_when_the_transaction_is_rolled_back(
    django_capture_on_commit_callbacks, mailoutbox
):
    collection = IdeaCollectionFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(collection)
    mails = [c for c in callbacks if c is not fragments.bump_content_version]
    assert len(mails) == 1
    assert mailoutbox == []


def test_a_remembered_participant_counts_at_once(
    django_capture_on_commit_callbacks, mailoutbox
):
    participant = ParticipantFactory(email="bekannt@example.org")
    collection = IdeaCollectionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit(
            collection, email="bekannt@example.org", remembered_id=participant.pk
        )
    assert submission.needs_confirmation is False
    assert submission.contribution.is_visible is True
    assert AccessLink.objects.count() == 0
    assert len(mailoutbox) == 1  # a receipt, no link
    assert "/bestaetigen/" not in mailoutbox[0].body


def test_a_confirmed_address_from_an_unknown_browser_needs_a_link():
    participant = ParticipantFactory(email="bekannt@example.org")
    other = ParticipantFactory()
    collection = IdeaCollectionFactory()
    for remembered_id in (None, other.pk):
        submission = submit(
            collection, email="bekannt@example.org", remembered_id=remembered_id
        )
        assert submission.needs_confirmation is True
        assert submission.contribution.participant == participant
    assert AccessLink.objects.filter(purpose=AccessLink.CONFIRM).count() == 2


def test_confirming_confirms_everything_that_waited():
    collection = IdeaCollectionFactory()
    stream = CommentStreamFactory()
    idea = IdeaFactory(collection=collection)
    first = submit(collection).contribution
    comment = services.submit_comment(
        idea.discussion,
        email="neu@example.org",
        display_name="",
        language="de",
        text="Dazu passt meine Idee.",
    ).contribution
    withdrawn = services.submit_comment(
        stream, email="neu@example.org", display_name="", language="de", text="x"
    ).contribution
    DiscussionComment.objects.filter(pk=withdrawn.pk).update(
        withdrawn_at=timezone.now()
    )
    assert Idea.objects.get(pk=idea.pk).comment_count == 0
    link = AccessLink.objects.filter(purpose=AccessLink.CONFIRM).first()

    participant, confirmed = services.confirm_participant(tokens.make_token(link))

    assert participant.is_confirmed
    assert {c.pk for c in confirmed if isinstance(c, Idea)} == {first.pk}
    assert {c.pk for c in confirmed if isinstance(c, DiscussionComment)} == {comment.pk}
    assert DiscussionComment.objects.get(pk=withdrawn.pk).confirmed_at is None
    assert Idea.objects.get(pk=idea.pk).comment_count == 1
    assert AccessLink.objects.get(pk=link.pk).used_at is not None


def test_a_confirmation_link_works_once():
    submit(IdeaCollectionFactory())
    token = tokens.make_token(AccessLink.objects.get())
    services.confirm_participant(token)
    with pytest.raises(tokens.LinkError) as error:
        services.confirm_participant(token)
    assert error.value.code == "used"


def test_a_display_name_given_later_replaces_the_old_one():
    participant = services.get_participant("a@example.org", "Alt", "de")
    services.get_participant("A@example.org", "Neu", "en")
    participant.refresh_from_db()
    assert (participant.display_name, participant.language) == ("Neu", "en")
    services.get_participant("a@example.org", "", "")
    participant.refresh_from_db()
    assert participant.display_name == "Neu"
    assert Participant.objects.count() == 1


# Comments


def test_a_reply_to_a_reply_attaches_to_the_top_comment():
    participant = ParticipantFactory()
    idea = IdeaFactory()
    top = CommentFactory(stream=idea.discussion)
    reply = CommentFactory(stream=idea.discussion, parent=top)
    answer = services.submit_comment(
        idea.discussion,
        email=participant.email,
        display_name="",
        language="de",
        text="Antwort",
        parent=reply,
        remembered_id=participant.pk,
    ).contribution
    assert answer.parent_id == top.pk
    top.refresh_from_db()
    assert top.reply_count == 2
    assert Idea.objects.get(pk=idea.pk).comment_count == 3


def test_a_pre_moderated_comment_counts_only_once_approved(moderator):
    participant = ParticipantFactory()
    idea = IdeaFactory(collection__comment_moderation=PRE_MODERATION)
    comment = services.submit_comment(
        idea.discussion,
        email=participant.email,
        display_name="",
        language="de",
        text="Bitte prüfen",
        remembered_id=participant.pk,
    ).contribution
    assert comment.visibility == Visibility.PENDING
    assert Idea.objects.get(pk=idea.pk).comment_count == 0
    services.approve(comment, moderator)
    assert Idea.objects.get(pk=idea.pk).comment_count == 1


def test_an_official_answer_is_public_marked_and_logged(moderator):
    idea = IdeaFactory()
    top = CommentFactory(stream=idea.discussion)
    answer = services.post_official_answer(
        idea.discussion, moderator, "Wir prüfen das.", parent=top
    )
    assert answer.is_official and answer.is_visible
    assert answer.staff_author == moderator
    assert answer.participant is None
    top.refresh_from_db()
    assert top.reply_count == 1
    assert Idea.objects.get(pk=idea.pk).comment_count == 2
    assert log_actions(answer) == ["participation.official_answer"]


# Supports


def test_one_support_per_participant_and_idea():
    idea = IdeaFactory()
    participant = ParticipantFactory()
    assert services.support_idea(idea, participant) is True
    assert services.support_idea(idea, participant) is False
    assert Support.objects.count() == 1
    assert Idea.objects.get(pk=idea.pk).support_count == 1
    assert services.withdraw_support(idea, participant) is True
    assert services.withdraw_support(idea, participant) is False
    assert Support.objects.count() == 0
    assert Idea.objects.get(pk=idea.pk).support_count == 0


def test_an_unconfirmed_participant_cannot_support():
    idea = IdeaFactory()
    with pytest.raises(ValueError):
        services.support_idea(idea, UnconfirmedParticipantFactory())
    assert Support.objects.count() == 0
    assert Idea.objects.get(pk=idea.pk).support_count == 0


# Reports


def report(contribution, reporter):
    return services.report_contribution(
        contribution,
        reason=Report.Reason.SPAM,
        explanation="",
        reporter_hash=services.keyed_hash(reporter),
    )


def test_the_third_report_hides_an_idea_until_a_moderator_decides(moderator):
    idea = IdeaFactory()
    assert report(idea, "a") is True
    assert report(idea, "a") is False  # the same reporter counts once
    assert report(idea, "b") is True
    idea.refresh_from_db()
    assert (idea.report_count, idea.visibility) == (2, Visibility.PUBLISHED)
    assert report(idea, "c") is True
    idea.refresh_from_db()
    assert (idea.report_count, idea.visibility) == (3, Visibility.HIDDEN)
    assert log_actions(idea) == ["participation.auto_hide"]
    services.approve(idea, moderator)
    idea.refresh_from_db()
    assert idea.visibility == Visibility.PUBLISHED
    assert Report.objects.filter(resolved_at__isnull=True).count() == 0


def test_the_threshold_is_a_setting(settings):
    settings.PARTICIPATION_REPORT_THRESHOLD = 1
    comment = CommentFactory(stream=IdeaFactory().discussion)
    report(comment, "a")
    comment.refresh_from_db()
    assert comment.visibility == Visibility.HIDDEN
    assert Idea.objects.get(discussion=comment.stream).comment_count == 0


def test_after_a_moderator_kept_it_one_new_report_does_not_hide_it(moderator):
    idea = IdeaFactory()
    for reporter in "abc":
        report(idea, reporter)
    services.approve(idea, moderator)
    report(idea, "d")
    idea.refresh_from_db()
    assert idea.visibility == Visibility.PUBLISHED
    report(idea, "e")
    report(idea, "f")  # as many new reports as the threshold hide it again
    idea.refresh_from_db()
    assert (idea.report_count, idea.visibility) == (6, Visibility.HIDDEN)


# Moderation


def test_hide_reject_and_approve_are_logged_mailed_and_counted(
    moderator, django_capture_on_commit_callbacks, mailoutbox
):
    idea = IdeaFactory()
    comment = CommentFactory(stream=idea.discussion, participant__email="k@ex.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.hide(comment, moderator, "Enthält eine Telefonnummer.")
    comment.refresh_from_db()
    assert comment.visibility == Visibility.HIDDEN
    assert comment.moderation_reason == "Enthält eine Telefonnummer."
    assert Idea.objects.get(pk=idea.pk).comment_count == 0
    assert mailoutbox[-1].to == ["k@ex.org"]
    assert "Enthält eine Telefonnummer." in mailoutbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(comment, moderator)
    assert Idea.objects.get(pk=idea.pk).comment_count == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.reject(comment, moderator, "Werbung")
    assert Idea.objects.get(pk=idea.pk).comment_count == 0
    assert len(mailoutbox) == 3
    assert log_actions(comment) == [
        "participation.hide",
        "participation.approve",
        "participation.reject",
    ]
    entry = ModelLogEntry.objects.filter(action="participation.reject").get()
    assert (entry.user, entry.data["reason"]) == (moderator, "Werbung")


def test_approving_a_waiting_idea_publishes_it(moderator):
    idea = IdeaFactory(visibility=Visibility.PENDING)
    assert idea.status == IdeaStatus.SUBMITTED
    services.approve(idea, moderator)
    idea.refresh_from_db()
    assert (idea.visibility, idea.status) == (
        Visibility.PUBLISHED,
        IdeaStatus.PUBLISHED,
    )


# Statuses and answers


def status_label(status, language):
    with translation.override(language):
        return str(IdeaStatus(status).label)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "status", [IdeaStatus.UNDER_EVALUATION, IdeaStatus.ACCEPTED, IdeaStatus.PUBLISHED]
)
def test_every_status_change_is_mailed_to_the_author_in_their_language(
    moderator, django_capture_on_commit_callbacks, mailoutbox, status, language
):
    idea = IdeaFactory(language=language, participant__email="autorin@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.set_idea_status(idea, status, moderator)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["autorin@example.org"]
    assert status_label(status, language) in mail.subject
    assert status_label(status, language) in mail.body
    assert f"/beteiligung/ideen/{idea.pk}/" in mail.body
    assert log_actions(idea) == ["participation.status"]


def test_the_mail_about_a_german_idea_is_german(
    moderator, django_capture_on_commit_callbacks, mailoutbox
):
    german = IdeaFactory(language="de")
    english = IdeaFactory(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.set_idea_status(german, IdeaStatus.ACCEPTED, moderator)
        services.set_idea_status(english, IdeaStatus.ACCEPTED, moderator)
    assert "Der Status Ihrer Idee" in mailoutbox[0].body
    assert "angenommen" in mailoutbox[0].subject
    assert "The status of your idea" in mailoutbox[1].body
    assert "accepted" in mailoutbox[1].subject


def test_not_pursued_needs_a_reason(moderator, mailoutbox):
    idea = IdeaFactory()
    for reason in ("", "   "):
        with pytest.raises(ValueError):
            services.set_idea_status(idea, IdeaStatus.NOT_PURSUED, moderator, reason)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED
    assert log_actions(idea) == []


def test_not_pursued_with_a_reason_tells_the_author_why(
    moderator, django_capture_on_commit_callbacks, mailoutbox
):
    idea = IdeaFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.set_idea_status(
            idea, IdeaStatus.NOT_PURSUED, moderator, "Die Fläche gehört dem Kreis."
        )
    idea.refresh_from_db()
    assert idea.status_reason == "Die Fläche gehört dem Kreis."
    assert "Die Fläche gehört dem Kreis." in mailoutbox[0].body


def test_merged_needs_another_idea_and_links_it(
    moderator, django_capture_on_commit_callbacks, mailoutbox
):
    idea = IdeaFactory()
    target = IdeaFactory(collection=idea.collection, title="Die größere Idee")
    for merged_into in (None, idea):
        with pytest.raises(ValueError):
            services.set_idea_status(
                idea, IdeaStatus.MERGED, moderator, merged_into=merged_into
            )
    with django_capture_on_commit_callbacks(execute=True):
        services.set_idea_status(idea, IdeaStatus.MERGED, moderator, merged_into=target)
    idea.refresh_from_db()
    assert idea.merged_into == target
    assert "Die größere Idee" in mailoutbox[0].body
    assert f"/beteiligung/ideen/{target.pk}/" in mailoutbox[0].body
    # a later status forgets the merge
    services.set_idea_status(idea, IdeaStatus.ACCEPTED, moderator, merged_into=target)
    idea.refresh_from_db()
    assert idea.merged_into is None


def test_an_official_answer_is_mailed_and_logged(
    moderator, django_capture_on_commit_callbacks, mailoutbox
):
    idea = IdeaFactory(participant__email="autor@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_idea(idea, "Wir setzen das 2025 um.", moderator)
    idea.refresh_from_db()
    assert idea.official_answer == "Wir setzen das 2025 um."
    assert idea.answered_at is not None
    assert mailoutbox[0].to == ["autor@example.org"]
    assert "Wir setzen das 2025 um." in mailoutbox[0].body
    assert log_actions(idea) == ["participation.answer"]


def test_nobody_is_mailed_about_an_idea_whose_author_was_erased(
    moderator, django_capture_on_commit_callbacks, mailoutbox
):
    idea = IdeaFactory(participant=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_idea(idea, "Danke.", moderator)
        services.set_idea_status(idea, IdeaStatus.ACCEPTED, moderator)
    assert mailoutbox == []


# Editing and withdrawing


def test_the_author_edits_within_the_window_only(settings):
    idea = IdeaFactory()
    author = idea.participant
    assert services.can_edit(idea, author)
    assert not services.can_edit(idea, ParticipantFactory())
    later = idea.created_at + datetime.timedelta(minutes=16)
    assert not services.can_edit(idea, author, now=later)
    settings.PARTICIPATION_EDIT_WINDOW_MINUTES = 30
    assert services.can_edit(idea, author, now=later)
    edited = services.edit_contribution(idea, author, title="Neuer Titel")
    assert (edited.title, edited.edited_at is not None) == ("Neuer Titel", True)
    Idea.objects.filter(pk=idea.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=31)
    )
    idea.refresh_from_db()
    with pytest.raises(PermissionError):
        services.edit_contribution(idea, author, title="Zu spät")
    assert Idea.objects.get(pk=idea.pk).title == "Neuer Titel"


def test_withdrawing_takes_a_comment_out_of_the_counts():
    idea = IdeaFactory()
    top = CommentFactory(stream=idea.discussion)
    reply = CommentFactory(stream=idea.discussion, parent=top)
    with pytest.raises(PermissionError):
        services.withdraw_contribution(reply, ParticipantFactory())
    services.withdraw_contribution(reply, reply.participant)
    services.withdraw_contribution(reply, reply.participant)  # twice: no change
    top.refresh_from_db()
    assert top.reply_count == 0
    assert Idea.objects.get(pk=idea.pk).comment_count == 1
    assert not DiscussionComment.objects.visible().filter(pk=reply.pk).exists()


def test_the_keyed_hash_hides_the_address():
    value = services.keyed_hash("email:jemand@example.org")
    assert value == services.keyed_hash("email:jemand@example.org")
    assert len(value) == 64 and "jemand" not in value
    assert value != services.keyed_hash("email:jemand2@example.org")


def test_an_idea_gets_its_own_discussion():
    collection = IdeaCollectionFactory()
    before = CommentStream.objects.count()
    idea = submit(collection).contribution
    assert CommentStream.objects.count() == before + 1
    assert idea.discussion.idea == idea
