"""Supports: one per confirmed address and idea, withdrawable, counted."""

import pytest

from participation.models import Idea, Participant, Support

from .conftest import messages_of, remember, stored_counts, timestamp, url
from .factories import IdeaFactory, ParticipantFactory, SupportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(collection, participation_page):
    return IdeaFactory(collection=collection, title="Mehr Bänke")


@pytest.fixture
def supporter(client):
    participant = ParticipantFactory(email="fan@example.org")
    remember(client, participant)
    return participant


def support(client, idea, action="support"):
    return client.post(url("support", idea.pk), {"action": action, "website": ""})


def test_support_and_withdraw(client, idea, supporter):
    response = support(client, idea)
    assert response.status_code == 302
    assert response["Location"] == f"{url('idea_detail', idea.pk)}#support"
    assert messages_of(response) == ["Thank you for supporting this idea."]
    assert Support.objects.get().participant == supporter
    assert Idea.objects.get(pk=idea.pk).support_count == 1
    html = client.get(url("idea_detail", idea.pk)).content.decode()
    assert "1 person supports this idea" in html
    assert 'name="action" value="withdraw"' in html

    response = support(client, idea, "withdraw")
    assert messages_of(response)[-1] == "You no longer support this idea."
    assert Support.objects.count() == 0
    assert Idea.objects.get(pk=idea.pk).support_count == 0
    response = support(client, idea, "withdraw")
    assert messages_of(response)[-1] == "You did not support this idea."
    assert Idea.objects.get(pk=idea.pk).support_count == 0


def test_a_second_support_changes_nothing(client, idea, supporter):
    support(client, idea)
    before = stored_counts()
    response = support(client, idea)
    assert messages_of(response)[-1] == "You already support this idea."
    assert stored_counts() == before
    assert Idea.objects.get(pk=idea.pk).support_count == 1


def test_a_second_support_by_mail_link_changes_nothing(
    client, idea, mailoutbox, django_capture_on_commit_callbacks
):
    SupportFactory(idea=idea, participant=ParticipantFactory(email="fan@example.org"))
    data = {
        "email": "fan@example.org",
        "consent": "on",
        "website": "",
        "form_timestamp": timestamp(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("support", idea.pk), data)
    link = mailoutbox[0].body.split("http://testserver", 1)[1].split()[0]
    assert client.get(link).status_code == 200
    assert Support.objects.count() == 1
    assert Idea.objects.get(pk=idea.pk).support_count == 1


def test_supports_are_counted_per_idea(client, collection, participation_page):
    popular = IdeaFactory(collection=collection, title="Beliebt")
    for _ in range(3):
        SupportFactory(idea=popular)
    SupportFactory(idea=IdeaFactory(collection=collection, title="Weniger"))
    response = client.get(participation_page.url)
    ideas = {
        idea.title: idea.support_count for idea in response.context["listing"].ideas
    }
    assert ideas == {"Beliebt": 3, "Weniger": 1}
    assert (
        "3 people support this idea"
        in client.get(url("idea_detail", popular.pk)).content.decode()
    )


def test_the_listing_marks_what_this_browser_supports(
    client, collection, participation_page, supporter
):
    mine = IdeaFactory(collection=collection, title="Unterstützt")
    IdeaFactory(collection=collection, title="Nicht unterstützt")
    SupportFactory(idea=mine, participant=supporter)
    ideas = client.get(participation_page.url).context["listing"].ideas
    assert {idea.title: idea.is_supported for idea in ideas} == {
        "Unterstützt": True,
        "Nicht unterstützt": False,
    }


def test_an_unconfirmed_address_in_the_cookie_is_asked_for_a_link(client, idea):
    participant = ParticipantFactory(confirmed_at=None)
    remember(client, participant)
    response = support(client, idea)
    assert response.status_code == 200  # the form asking for the address
    assert "Please enter your e-mail address." in response.content.decode()
    assert Support.objects.count() == 0


def test_a_closed_collection_takes_no_supports(client, idea, supporter):
    idea.collection.is_open = False
    idea.collection.save()
    html = client.get(url("idea_detail", idea.pk)).content.decode()
    assert f'action="{url("support", idea.pk)}"' not in html
    before = stored_counts()
    response = support(client, idea)
    assert response.status_code == 403
    assert stored_counts() == before


def test_an_idea_the_public_may_not_see_cannot_be_supported(
    client, collection, supporter
):
    hidden = IdeaFactory(collection=collection, visibility="hidden")
    assert support(client, hidden).status_code == 404
    assert client.post(url("support", 999999), {"action": "support"}).status_code == 404
    assert Support.objects.count() == 0


def test_a_support_needs_a_post(client, idea, supporter):
    assert client.get(url("support", idea.pk)).status_code == 405
    assert Support.objects.count() == 0
    assert Participant.objects.count() == 2
