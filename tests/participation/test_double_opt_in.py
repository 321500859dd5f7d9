"""Taking part without a password: the first contribution waits for the link in
an e-mail; opening it confirms, and the browser remembers the address."""

import re
import time
from unittest import mock

import pytest
from django.core import signing

from participation import tokens
from participation.models import (
    PRE_MODERATION,
    AccessLink,
    DiscussionComment,
    Idea,
    Participant,
    Support,
    Visibility,
)

from .conftest import messages_of, stored_counts, timestamp, url
from .factories import IdeaFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

CONFIRM_URL = re.compile(
    r"http://testserver(/[a-z]{2}/beteiligung/bestaetigen/[^/\s]+/)"
)


def confirm_path(mail):
    """The path of the confirmation link in a mail's text (exactly one)."""
    paths = CONFIRM_URL.findall(mail.body)
    assert len(paths) == 1, mail.body
    return paths[0]


@pytest.fixture
def hand_in(client, participation_page, collection, idea_data, categories):
    """POST an idea the way the form on the page does; mails go out."""

    def post(capture, **overrides):
        data = idea_data(category=str(categories[0].pk), **overrides)
        with capture(execute=True):
            return client.post(url("submit_idea", collection.pk), data)

    return post


def test_a_first_idea_is_stored_unconfirmed_invisible_with_one_mail(
    client,
    hand_in,
    participation_page,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    response = hand_in(django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == participation_page.url
    assert any("We have sent you an e-mail" in m for m in messages_of(response))
    idea = Idea.objects.get()
    assert idea.confirmed_at is None
    assert idea.title == "Sichere Fahrradbügel am Bahnhof"
    assert idea.language == "en"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ideen@example.org"]
    confirm_path(mailoutbox[0])
    assert client.get(url("idea_detail", idea.pk)).status_code == 404
    page = client.get(participation_page.url).content.decode()
    assert "Sichere Fahrradbügel" not in page
    assert tokens.COOKIE_NAME not in response.cookies


def test_opening_the_link_confirms_publishes_and_remembers(
    client,
    hand_in,
    participation_page,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    hand_in(django_capture_on_commit_callbacks)
    response = client.get(confirm_path(mailoutbox[0]))
    assert response.status_code == 200
    idea = Idea.objects.get()
    assert idea.is_visible
    assert Participant.objects.get().is_confirmed
    assert AccessLink.objects.get(purpose=AccessLink.CONFIRM).used_at is not None
    cookie = response.cookies[tokens.COOKIE_NAME]
    assert cookie.value and cookie["httponly"]
    assert f'href="{url("idea_detail", idea.pk)}"' in response.content.decode()
    assert client.get(url("idea_detail", idea.pk)).status_code == 200
    assert "Sichere Fahrradbügel" in client.get(participation_page.url).content.decode()


def test_a_pre_moderated_idea_waits_for_the_team_after_confirming(
    client, hand_in, collection, mailoutbox, django_capture_on_commit_callbacks
):
    collection.moderation = PRE_MODERATION
    collection.save()
    hand_in(django_capture_on_commit_callbacks)
    response = client.get(confirm_path(mailoutbox[0]))
    assert response.status_code == 200
    assert "after our team has checked it" in response.content.decode()
    idea = Idea.objects.get()
    assert idea.confirmed_at is not None
    assert idea.visibility == Visibility.PENDING
    assert list(Idea.objects.awaiting_moderation()) == [idea]
    assert client.get(url("idea_detail", idea.pk)).status_code == 404


def test_a_later_contribution_from_the_same_browser_needs_no_link(
    client, hand_in, mailoutbox, django_capture_on_commit_callbacks
):
    hand_in(django_capture_on_commit_callbacks)
    client.get(confirm_path(mailoutbox[0]))
    links = AccessLink.objects.count()
    response = hand_in(django_capture_on_commit_callbacks, title="Zweite Idee")
    second = Idea.objects.get(title="Zweite Idee")
    assert response.status_code == 302
    assert response["Location"] == url("idea_detail", second.pk, lang="en")
    assert second.is_visible
    assert AccessLink.objects.count() == links
    assert len(mailoutbox) == 2  # a receipt only, without a link
    assert CONFIRM_URL.search(mailoutbox[1].body) is None
    assert "Zweite Idee" in mailoutbox[1].body


def test_another_address_from_the_same_browser_needs_a_link(
    client, hand_in, mailoutbox, django_capture_on_commit_callbacks
):
    hand_in(django_capture_on_commit_callbacks)
    client.get(confirm_path(mailoutbox[0]))
    hand_in(django_capture_on_commit_callbacks, email="andere@example.org")
    other = Idea.objects.get(participant__email="andere@example.org")
    assert other.confirmed_at is None
    assert len(mailoutbox) == 2
    assert mailoutbox[1].to == ["andere@example.org"]
    confirm_path(mailoutbox[1])


def test_a_replayed_link_is_refused_and_changes_nothing(
    client, hand_in, mailoutbox, django_capture_on_commit_callbacks
):
    hand_in(django_capture_on_commit_callbacks)
    path = confirm_path(mailoutbox[0])
    client.get(path)
    used_at = AccessLink.objects.get(purpose=AccessLink.CONFIRM).used_at
    before = stored_counts()
    client.cookies.clear()
    response = client.get(path)
    assert response.status_code == 410
    assert "This link has already been used." in response.content.decode()
    assert tokens.COOKIE_NAME not in response.cookies
    assert stored_counts() == before
    assert AccessLink.objects.get(purpose=AccessLink.CONFIRM).used_at == used_at


def test_an_expired_link_is_refused(
    client, hand_in, mailoutbox, django_capture_on_commit_callbacks
):
    hand_in(django_capture_on_commit_callbacks)
    link = AccessLink.objects.get()
    eight_days_ago = time.time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        token = tokens.make_token(link)
    response = client.get(url("confirm", token))
    assert response.status_code == 410
    assert "This link has expired." in response.content.decode()
    assert Idea.objects.get().confirmed_at is None
    assert AccessLink.objects.get().used_at is None
    assert not Participant.objects.get().is_confirmed
    assert tokens.COOKIE_NAME not in response.cookies


def test_the_mailed_link_expires_with_the_setting(
    client, hand_in, mailoutbox, django_capture_on_commit_callbacks, settings
):
    hand_in(django_capture_on_commit_callbacks)
    path = confirm_path(mailoutbox[0])
    settings.PARTICIPATION_LINK_VALID_DAYS = 1
    one_day_later = time.time() + 24 * 3600 + 60
    with mock.patch("django.core.signing.time.time", return_value=one_day_later):
        response = client.get(path)
    assert response.status_code == 410
    assert Idea.objects.get().confirmed_at is None


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("xy" if not token.endswith("xy") else "zz"),
        lambda token: "A" + token[1:] if token[0] != "A" else "B" + token[1:],
        lambda token: "not-a-token",
        lambda token: signing.dumps({"l": 1, "s": "guess"}, salt="other"),
        lambda token: signing.dumps("just a string", salt=tokens.LINK_SALT),
    ],
    ids=["signature", "payload", "garbage", "other-salt", "not-a-dict"],
)
def test_a_tampered_link_is_refused(
    client, hand_in, mailoutbox, django_capture_on_commit_callbacks, tamper
):
    hand_in(django_capture_on_commit_callbacks)
    token = confirm_path(mailoutbox[0]).rstrip("/").rsplit("/", 1)[1]
    before = stored_counts()
    response = client.get(url("confirm", tamper(token)))
    assert response.status_code == 400
    assert "This link is not valid." in response.content.decode()
    assert stored_counts() == before
    assert Idea.objects.get().confirmed_at is None


def test_a_manage_link_does_not_confirm(
    client, hand_in, mailoutbox, django_capture_on_commit_callbacks
):
    hand_in(django_capture_on_commit_callbacks)
    manage = AccessLink.objects.create(
        participant=Participant.objects.get(), purpose=AccessLink.MANAGE
    )
    response = client.get(url("confirm", tokens.make_token(manage)))
    assert response.status_code == 400
    assert Idea.objects.get().confirmed_at is None


@pytest.mark.parametrize(
    "cookie",
    [
        lambda pk: str(pk),
        lambda pk: signing.get_cookie_signer(salt="other").sign(str(pk)),
        lambda pk: (
            signing.get_cookie_signer(
                salt=tokens.COOKIE_NAME + tokens.COOKIE_SALT
            ).sign(str(pk))[:-1]
            + "x"
        ),
    ],
    ids=["unsigned", "other-salt", "bad-signature"],
)
def test_a_forged_cookie_is_ignored(
    client, hand_in, mailoutbox, django_capture_on_commit_callbacks, cookie
):
    known = ParticipantFactory(email="ideen@example.org")
    client.cookies[tokens.COOKIE_NAME] = cookie(known.pk)
    hand_in(django_capture_on_commit_callbacks)
    idea = Idea.objects.get()
    assert idea.participant == known
    assert idea.confirmed_at is None
    assert len(mailoutbox) == 1
    confirm_path(mailoutbox[0])


def test_a_genuine_cookie_of_the_address_counts_at_once(
    client, hand_in, mailoutbox, django_capture_on_commit_callbacks
):
    known = ParticipantFactory(email="ideen@example.org")
    signer = signing.get_cookie_signer(salt=tokens.COOKIE_NAME + tokens.COOKIE_SALT)
    client.cookies[tokens.COOKIE_NAME] = signer.sign(str(known.pk))
    hand_in(django_capture_on_commit_callbacks)
    assert Idea.objects.get().is_visible


def test_a_first_comment_waits_for_its_link_too(
    client,
    participation_page,
    stream,
    comment_data,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("submit_comment", stream.pk), comment_data())
    assert response.status_code == 302
    comment = DiscussionComment.objects.get()
    assert comment.confirmed_at is None
    assert (
        "Das sehe ich genauso."
        not in client.get(participation_page.url).content.decode()
    )
    response = client.get(confirm_path(mailoutbox[0]))
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.is_visible
    assert (
        "Das sehe ich genauso." in client.get(participation_page.url).content.decode()
    )


def test_supporting_from_an_unknown_browser_goes_through_a_link(
    client,
    collection,
    participation_page,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    idea = IdeaFactory(collection=collection)
    data = {
        "email": "fan@example.org",
        "consent": "on",
        "website": "",
        "form_timestamp": timestamp(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("support", idea.pk), data)
    assert response.status_code == 302
    assert Support.objects.count() == 0
    assert len(mailoutbox) == 1
    path = confirm_path(mailoutbox[0])
    assert f"{path}?support={idea.pk}" in mailoutbox[0].body
    response = client.get(f"{path}?support={idea.pk}")
    assert response.status_code == 200
    assert Support.objects.get().participant.email == "fan@example.org"
    assert Idea.objects.get(pk=idea.pk).support_count == 1
    assert tokens.COOKIE_NAME in response.cookies
