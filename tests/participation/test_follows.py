"""Following ideas: authors and supporters follow an idea and get at most one
e-mail a day (a digest) when its status changes or the town answers it."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from participation import services
from participation import subscriptions as subs
from participation.models import Follow, FollowNotice, IdeaStatus

from .conftest import remember, url
from .factories import IdeaFactory, ParticipantFactory, SupportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(participation_page, collection):
    return IdeaFactory(collection=collection, title="Fahrradbügel am Bahnhof")


@pytest.fixture
def supporter(idea):
    participant = ParticipantFactory(email="fan@example.org", language="en")
    SupportFactory(idea=idea, participant=participant)
    return participant


def test_supporter_follows_from_the_idea_page(client, idea, supporter):
    remember(client, supporter)
    page = client.get(url("idea_detail", idea.pk)).content.decode()
    assert "Follow this idea by e-mail" in page
    response = client.post(url("follow", idea.pk), {"action": "follow"})
    assert response.status_code == 302
    assert Follow.objects.filter(participant=supporter, idea=idea).exists()
    page = client.get(url("idea_detail", idea.pk)).content.decode()
    assert "Stop following" in page
    client.post(url("follow", idea.pk), {"action": "unfollow"})
    assert not Follow.objects.exists()


def test_others_cannot_follow(client, idea):
    stranger = ParticipantFactory()
    remember(client, stranger)
    page = client.get(url("idea_detail", idea.pk)).content.decode()
    assert "Follow this idea by e-mail" not in page
    client.post(url("follow", idea.pk), {"action": "follow"})
    assert not Follow.objects.exists()
    anonymous = Client()
    anonymous.post(url("follow", idea.pk), {"action": "follow"})
    assert not Follow.objects.exists()


def test_digest_once_a_day_with_all_news(
    idea, supporter, admin_user, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    assert subs.follow(supporter, idea)
    assert subs.follow(idea.participant, idea)  # the author may follow, too
    with capture(execute=True):
        services.set_idea_status(idea, IdeaStatus.UNDER_EVALUATION, admin_user)
        services.answer_idea(idea, "Wir prüfen das gern.", admin_user)
    author_mails = len(mail.outbox)  # the author is told at once, as before
    assert author_mails == 2
    notices = FollowNotice.objects.all()
    assert {n.participant_id for n in notices} == {supporter.pk}
    with capture(execute=True):
        call_command("send_follow_digest")
    digests = mail.outbox[author_mails:]
    assert len(digests) == 1
    digest = digests[0]
    assert digest.to == ["fan@example.org"]
    assert "Fahrradbügel am Bahnhof" in digest.body
    assert "answered" in digest.body
    assert "List-Unsubscribe" in digest.extra_headers

    # more news the same day wait for tomorrow: never more than one mail a day
    with capture(execute=True):
        services.set_idea_status(idea, IdeaStatus.ACCEPTED, admin_user)
        call_command("send_follow_digest")
    assert len(mail.outbox) == author_mails + 2  # the author's status mail only
    FollowNotice.objects.filter(sent_at__isnull=False).update(
        sent_at=timezone.now() - datetime.timedelta(days=1)
    )
    with capture(execute=True):
        call_command("send_follow_digest")
        call_command("send_follow_digest")
    assert len(mail.outbox) == author_mails + 3
    assert not FollowNotice.objects.filter(sent_at__isnull=True).exists()


def test_nothing_new_no_digest(idea, supporter, django_capture_on_commit_callbacks):
    subs.follow(supporter, idea)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_follow_digest")
    assert not mail.outbox


def test_unfollow_all_with_one_click(
    idea, supporter, admin_user, django_capture_on_commit_callbacks
):
    subs.follow(supporter, idea)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_idea(idea, "Danke!", admin_user)
    link = url("unfollow", subs.follow_token(supporter))
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(link).status_code == 200
    assert Follow.objects.exists()
    assert browser.post(link).status_code == 200
    assert not Follow.objects.exists()
    assert not FollowNotice.objects.exists()
    assert browser.post(url("unfollow", "forged")).status_code == 400


def test_an_evaluation_decision_reaches_the_followers(
    idea, supporter, moderator, django_capture_on_commit_callbacks
):
    from participation import evaluation

    assert subs.follow(supporter, idea)
    with django_capture_on_commit_callbacks(execute=True):
        evaluation.not_pursued(idea, moderator, "Liegt nicht in städtischer Hand.")
    assert [m.to for m in mail.outbox] == [[idea.participant.email]]
    notice = FollowNotice.objects.get()
    assert notice.participant_id == supporter.pk
    assert notice.kind == FollowNotice.STATUS
