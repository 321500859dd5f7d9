"""Management commands for cron and benchmarks: purge_unconfirmed,
moderation_digest and seed_participation."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.utils import timezone

from participation.models import (
    AccessLink,
    CommentStream,
    DiscussionComment,
    Idea,
    Participant,
    Report,
    Support,
    Visibility,
)

from .conftest import counter_mismatches, stored_counts
from .factories import (
    AccessLinkFactory,
    CommentFactory,
    IdeaFactory,
    ParticipantFactory,
    ReportFactory,
    UnconfirmedParticipantFactory,
)

pytestmark = pytest.mark.django_db


def run(*args):
    """Run a command; mails it queues go out when its transaction commits."""
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(*args, stdout=out)
    return out.getvalue()


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


# purge_unconfirmed


@pytest.fixture
def unconfirmed(collection, stream):
    """Old and recent unconfirmed contributions, and old confirmed ones."""
    old_person = UnconfirmedParticipantFactory(created_at=ago(days=8))
    recent_person = UnconfirmedParticipantFactory(created_at=ago(days=1))
    confirmed = ParticipantFactory(created_at=ago(days=30))
    kept_idea = IdeaFactory(collection=collection, participant=confirmed)
    return {
        "old_idea": IdeaFactory(
            collection=collection,
            participant=old_person,
            confirmed_at=None,
            created_at=ago(days=8),
            title="Alt und unbestätigt",
        ),
        "old_comment": CommentFactory(
            stream=kept_idea.discussion,
            participant=old_person,
            confirmed_at=None,
            created_at=ago(days=8),
        ),
        "old_link": AccessLinkFactory(
            participant=old_person, purpose=AccessLink.CONFIRM, created_at=ago(days=8)
        ),
        "recent_idea": IdeaFactory(
            collection=collection,
            participant=recent_person,
            confirmed_at=None,
            created_at=ago(days=1),
        ),
        "recent_link": AccessLinkFactory(
            participant=recent_person,
            purpose=AccessLink.CONFIRM,
            created_at=ago(days=1),
        ),
        "confirmed_idea": IdeaFactory(
            collection=collection,
            participant=confirmed,
            created_at=ago(days=20),
            confirmed_at=ago(days=20),
        ),
        "confirmed_comment": CommentFactory(
            stream=stream, participant=confirmed, created_at=ago(days=20)
        ),
        "kept_idea": kept_idea,
        "old_person": old_person,
        "recent_person": recent_person,
        "confirmed": confirmed,
    }


def test_purge_deletes_old_unconfirmed_contributions_only(unconfirmed):
    old_stream = unconfirmed["old_idea"].discussion_id
    output = run("purge_unconfirmed")
    assert output == (
        "Deleted 1 ideas, 1 comments, 1 expired links and 1 participants never "
        "confirmed within 7 days.\n"
    )
    assert not Idea.objects.filter(pk=unconfirmed["old_idea"].pk).exists()
    assert not CommentStream.objects.filter(pk=old_stream).exists()
    assert not DiscussionComment.objects.filter(
        pk=unconfirmed["old_comment"].pk
    ).exists()
    assert not AccessLink.objects.filter(pk=unconfirmed["old_link"].pk).exists()
    assert not Participant.objects.filter(pk=unconfirmed["old_person"].pk).exists()
    for key in ("recent_idea", "confirmed_idea", "kept_idea"):
        assert Idea.objects.filter(pk=unconfirmed[key].pk).exists(), key
    assert DiscussionComment.objects.filter(
        pk=unconfirmed["confirmed_comment"].pk
    ).exists()
    assert AccessLink.objects.filter(pk=unconfirmed["recent_link"].pk).exists()
    assert (
        Participant.objects.filter(
            pk__in=[unconfirmed["recent_person"].pk, unconfirmed["confirmed"].pk]
        ).count()
        == 2
    )
    assert counter_mismatches() == []
    assert run("purge_unconfirmed").startswith("Deleted 0 ideas, 0 comments")


def test_purge_dry_run_changes_nothing(unconfirmed):
    before = stored_counts()
    output = run("purge_unconfirmed", "--dry-run")
    assert output.startswith("Would delete 1 ideas, 1 comments, 1 expired links")
    assert stored_counts() == before


def test_purge_follows_the_link_validity(unconfirmed, settings):
    settings.PARTICIPATION_LINK_VALID_DAYS = 14
    assert run("purge_unconfirmed").startswith("Deleted 0 ideas, 0 comments")
    assert Idea.objects.filter(pk=unconfirmed["old_idea"].pk).exists()


def test_purge_keeps_official_answers(stream, moderator):
    from participation import services

    answer = services.post_official_answer(stream, moderator, "Antwort der Stadt")
    DiscussionComment.objects.filter(pk=answer.pk).update(
        confirmed_at=None, created_at=ago(days=30)
    )
    run("purge_unconfirmed")
    assert DiscussionComment.objects.filter(pk=answer.pk).exists()


# moderation_digest


@pytest.fixture
def staff(moderator, editor, django_user_model):
    """The moderator, an editor with an address (gets no digest), and a second
    moderator without an address (cannot get one)."""
    editor.email = "redaktion@stadt.example.org"
    editor.save()
    silent = django_user_model.objects.create_user(username="ohne-adresse")
    silent.groups.add(Group.objects.get(name="Moderators"))
    return moderator


def test_the_digest_is_not_sent_when_nothing_waits(staff, collection, mailoutbox):
    IdeaFactory(collection=collection)  # published: nothing to do
    output = run("moderation_digest")
    assert (
        output == "Nothing new for moderation in the last 24 hours; no digest sent.\n"
    )
    assert mailoutbox == []


def test_the_digest_goes_to_each_moderator_once(staff, collection, mailoutbox):
    IdeaFactory(collection=collection, visibility=Visibility.PENDING)
    IdeaFactory(collection=collection, visibility=Visibility.PENDING)
    idea = IdeaFactory(collection=collection)
    CommentFactory(stream=idea.discussion, visibility=Visibility.PENDING)
    ReportFactory(content_object=idea)
    output = run("moderation_digest")
    assert "Digest sent to 1 moderator(s)" in output
    assert "ideas_waiting=2, comments_waiting=1, reported=1" in output
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["moderation@stadt.example.org"]
    assert "http://testserver/admin/participation/moderation/" in mail.body


def test_the_digest_counts_what_arrived_since_the_last_run(
    staff, collection, mailoutbox
):
    IdeaFactory(
        collection=collection,
        visibility=Visibility.PENDING,
        created_at=ago(days=3),
        confirmed_at=ago(days=3),
    )
    assert run("moderation_digest").startswith("Nothing new")
    assert run("moderation_digest", "--since-hours", "96").startswith("Digest sent")
    assert len(mailoutbox) == 1


def test_the_digest_dry_run_sends_nothing(staff, collection, mailoutbox):
    IdeaFactory(collection=collection, visibility=Visibility.PENDING)
    output = run("moderation_digest", "--dry-run")
    assert f"Would send the digest to user {staff.pk}." in output
    assert mailoutbox == []


def test_the_digest_refuses_a_zero_period(staff):
    with pytest.raises(CommandError):
        run("moderation_digest", "--since-hours", "0")


# seed_participation


def test_seeding_a_page_gives_exact_counts_and_counters(
    participation_page, collection, stream
):
    output = run(
        "seed_participation",
        "--ideas",
        "50",
        "--comments",
        "200",
        "--page-slug",
        participation_page.slug,
        "--seed",
        "7",
    )
    assert f"Seeded '{collection}' on the page '{participation_page.title}'" in output
    assert "50 ideas" in output and "200 comments" in output
    assert Idea.objects.filter(collection=collection).count() == 50
    assert DiscussionComment.objects.count() == 200
    page_comments = DiscussionComment.objects.filter(stream=stream).count()
    assert 0 < page_comments < 200
    assert Support.objects.count() == sum(
        Idea.objects.values_list("support_count", flat=True)
    )
    assert DiscussionComment.objects.filter(parent__isnull=False).exists()
    assert Idea.objects.visible().exclude(status="published").exists()
    assert counter_mismatches() == []
    assert Report.objects.count() == 0


def test_seeding_refuses_an_unknown_page(db):
    with pytest.raises(CommandError, match="no page with the slug"):
        run("seed_participation", "--page-slug", "gibt-es-nicht")


def test_seeding_refuses_negative_numbers(participation_page):
    with pytest.raises(CommandError):
        run("seed_participation", "--ideas", "-1")
