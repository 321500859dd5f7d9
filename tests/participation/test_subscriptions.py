"""Subscriptions to announcements without an account: double opt-in, matching
by kind and field of action, one mail per item, one-click unsubscribe and
changing one's choices, and bad input on every form."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from participation import subscriptions as subs
from participation.models import Announcement, Subscription, SubscriptionTopic
from tests.factories import EventPageFactory, FieldPageFactory, NewsPageFactory

from .conftest import timestamp, url
from .registration_helpers import link_in, mails_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def fields(project_page):
    return {
        "mobility": FieldPageFactory(
            parent=project_page, title="Mobilität", slug="mobilitaet"
        ),
        "economy": FieldPageFactory(
            parent=project_page, title="Wirtschaft", slug="wirtschaft"
        ),
    }


def subscription_data(**overrides):
    data = {
        "email": "abo@example.org",
        "kinds": ["events", "news"],
        "scope": "all",
        "consent": "on",
        "website": "",
        "form_timestamp": timestamp(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def subscribe(client, capture, **overrides):
    with capture(execute=True):
        return client.post(url("subscribe"), subscription_data(**overrides))


def subscribe_and_confirm(client, capture, **overrides):
    subscribe(client, capture, **overrides)
    email = overrides.get("email", "abo@example.org")
    confirm = link_in(mails_to(email)[-1], "/abonnieren/bestaetigen/")
    with capture(execute=True):
        response = client.get(confirm)
    assert response.status_code == 302
    return Subscription.objects.get(email=email)


def send_outbox():
    """Announcements wait in the outbox for the cron command."""
    call_command("send_outbox")


def new_event(parent, field=None, days=10, **kwargs):
    start = timezone.now() + datetime.timedelta(days=days)
    return EventPageFactory(
        parent=parent,
        field_of_action=field,
        start=start,
        end=start + datetime.timedelta(hours=2),
        **kwargs,
    )


def test_form_offers_the_fields_of_action(client, fields):
    html = client.get(url("subscribe")).content.decode()
    assert "Mobilität" in html and "Wirtschaft" in html
    assert str(fields["mobility"].translation_key) in html


def test_double_opt_in(client, fields, django_capture_on_commit_callbacks):
    response = subscribe(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert not subscription.is_confirmed
    assert subscription.language == "en"
    [message] = mail.outbox
    assert "/abonnieren/bestaetigen/" in message.body
    confirm = link_in(message, "/abonnieren/bestaetigen/")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(confirm).status_code == 302
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    welcome = mail.outbox[-1]
    assert "List-Unsubscribe" in welcome.extra_headers
    assert welcome.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    again = client.get(confirm)
    assert again.status_code == 410


def test_expired_confirmation(
    client, fields, django_capture_on_commit_callbacks, settings
):
    subscribe(client, django_capture_on_commit_callbacks)
    confirm = link_in(mail.outbox[0], "/abonnieren/bestaetigen/")
    settings.PARTICIPATION_LINK_VALID_DAYS = 0
    assert client.get(confirm).status_code == 410
    assert not Subscription.objects.get().is_confirmed


def test_unconfirmed_subscriptions_get_nothing_and_are_purged(
    client, fields, event_index, django_capture_on_commit_callbacks
):
    subscribe(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new_event(event_index, fields["mobility"])
    send_outbox()
    assert not mail.outbox
    Subscription.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    call_command("purge_registrations")
    assert not Subscription.objects.exists()


def test_announcements_match_kind_and_field_once_per_item(
    client, fields, event_index, news_index, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    mobility = str(fields["mobility"].translation_key)
    subscribe_and_confirm(client, capture, email="all@example.org")
    subscribe_and_confirm(client, capture, email="news@example.org", kinds=["news"])
    subscribe_and_confirm(
        client,
        capture,
        email="mobil@example.org",
        kinds=["events"],
        scope="chosen",
        topics=[mobility],
    )
    mail.outbox.clear()
    with capture(execute=True):
        event = new_event(event_index, fields["mobility"], title="Workshop Radwege")
    assert not mail.outbox  # the request that published it sends nothing
    send_outbox()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "all@example.org",
        "mobil@example.org",
    ]
    message = mails_to("mobil@example.org")[0]
    assert "Workshop Radwege" in message.subject
    assert event.url in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/")
    assert "/abmelden/" in message.body and "/abonnieren/" in message.body
    assert Announcement.objects.get().recipients == 2

    mail.outbox.clear()
    with capture(execute=True):
        event.title = "Workshop Radwege (neuer Raum)"
        event.save_revision().publish()
    send_outbox()
    assert not mail.outbox  # not again on re-publish

    with capture(execute=True):
        new_event(event_index, fields["economy"], title="Workshop Handel")
    send_outbox()
    assert [m.to[0] for m in mail.outbox] == ["all@example.org"]

    mail.outbox.clear()
    with capture(execute=True):
        NewsPageFactory(parent=news_index, title="Ergebnisse der Runde 1")
    send_outbox()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "all@example.org",
        "news@example.org",
    ]
    assert "News: Ergebnisse der Runde 1" in mail.outbox[0].subject


def test_past_events_are_not_announced(
    client, fields, event_index, django_capture_on_commit_callbacks
):
    subscribe_and_confirm(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new_event(event_index, fields["mobility"], days=-30)
    send_outbox()
    assert not mail.outbox


def test_announcement_in_the_subscribers_language(
    client, fields, event_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("subscribe", lang="de"), subscription_data())
    confirm = link_in(mail.outbox[0], "/abonnieren/bestaetigen/")
    with django_capture_on_commit_callbacks(execute=True):
        client.get(confirm)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new_event(event_index, fields["mobility"], title="Workshop Radwege")
    send_outbox()
    assert mail.outbox[0].subject == "Neue Veranstaltung: Workshop Radwege"
    assert "/de/beteiligung/abmelden/" in mail.outbox[0].body


def test_one_click_unsubscribe_without_csrf(
    client, fields, django_capture_on_commit_callbacks
):
    subscription = subscribe_and_confirm(client, django_capture_on_commit_callbacks)
    client = Client(enforce_csrf_checks=True)  # like a mail program
    unsubscribe = url("unsubscribe", subs.make_token(subscription, subs.MANAGE))
    page = client.get(unsubscribe)
    assert page.status_code == 200
    assert Subscription.objects.exists()  # a GET only asks
    response = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert not SubscriptionTopic.objects.exists()
    # a mail program may post again
    assert client.post(unsubscribe).status_code == 200


def test_change_choices_through_the_link(
    client, fields, django_capture_on_commit_callbacks
):
    subscription = subscribe_and_confirm(client, django_capture_on_commit_callbacks)
    manage = url("subscription_manage", subs.make_token(subscription, subs.MANAGE))
    assert client.get(manage).status_code == 200
    economy = str(fields["economy"].translation_key)
    response = client.post(
        manage, {"kinds": ["news"], "scope": "chosen", "topics": [economy]}
    )
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert (subscription.wants_events, subscription.wants_news) == (False, True)
    assert not subscription.all_topics
    assert [str(t.topic_key) for t in subscription.topics.all()] == [economy]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kinds": None}, "Please choose events, news or both."),
        ({"kinds": ["weather"]}, "Please choose events, news or both."),
        ({"scope": "chosen"}, "Please choose at least one field of action"),
        (
            {"scope": "chosen", "topics": ["00000000-0000-0000-0000-000000000000"]},
            "Please choose among the fields of action offered.",
        ),
        ({"scope": "some"}, "Please say whether you want all fields of action."),
    ],
)
def test_bad_choices_change_nothing(
    client, fields, django_capture_on_commit_callbacks, data, message
):
    subscription = subscribe_and_confirm(client, django_capture_on_commit_callbacks)
    manage = url("subscription_manage", subs.make_token(subscription, subs.MANAGE))
    post = {"kinds": ["news"], "scope": "all"}
    post.update(data)
    response = client.post(manage, {k: v for k, v in post.items() if v is not None})
    assert response.status_code == 200
    assert message in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.wants_events and subscription.wants_news
    assert subscription.all_topics


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"email": ""}, "Please enter your e-mail address."),
        ({"email": "abo@"}, "Please enter a complete e-mail address"),
        ({"kinds": None}, "Please choose events, news or both."),
        ({"scope": "chosen"}, "Please choose at least one field of action"),
        ({"topics": ["not-a-field"], "scope": "chosen"}, "fields of action offered"),
        ({"consent": None}, "Please agree to the privacy notice"),
        ({"form_timestamp": ""}, "The form could not be checked."),
    ],
)
def test_bad_input_stores_nothing(
    client, fields, django_capture_on_commit_callbacks, overrides, message
):
    response = subscribe(client, django_capture_on_commit_callbacks, **overrides)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "p-error-summary" in html
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_subscribing_again_changes_nothing_and_sends_the_link(
    client, fields, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    subscribe_and_confirm(client, capture)
    subscribe(client, capture, kinds=["news"])
    subscription = Subscription.objects.get()
    assert subscription.wants_events  # unchanged
    assert "/abonnieren/" in mail.outbox[-1].body
    assert Subscription.objects.count() == 1


def test_invalid_links(client):
    assert client.get(url("subscription_confirm", "x")).status_code == 400
    assert client.get(url("subscription_manage", "x")).status_code == 400
    assert client.post(url("unsubscribe", "x")).status_code == 400
