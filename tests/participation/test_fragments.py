"""The cached idea-collection and comment-stream blocks (participation.fragments):
every change shows at once, every visitor gets working forms of their own, and
people the site remembers get their own rendering."""

import re

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import ngettext

from participation import fragments, services
from participation.models import Idea, Visibility

from .conftest import de, remember, timestamp
from .factories import (
    CommentFactory,
    IdeaFactory,
    ParticipantFactory,
    SupportFactory,
)

pytestmark = pytest.mark.django_db


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def supports(count):
    with translation.override("de"):
        return ngettext("%(count)d support", "%(count)d supports", count) % {
            "count": count
        }


def test_an_approved_idea_shows_at_once(
    client, collection, participation_page, moderator
):
    pending = IdeaFactory(
        collection=collection, title="Wartet noch", visibility=Visibility.PENDING
    )
    assert "Wartet noch" not in page_html(client, participation_page)
    services.approve(pending, moderator)
    assert "Wartet noch" in page_html(client, participation_page)


def test_a_new_support_and_a_new_reply_show_at_once(
    client, collection, stream, participation_page
):
    idea = IdeaFactory(collection=collection, title="Fahrradstraße")
    comment = CommentFactory(stream=stream, text="Erster Gedanke")
    assert supports(0) in page_html(client, participation_page)
    services.support_idea(idea, ParticipantFactory())
    CommentFactory(stream=stream, parent=comment, text="Eine Antwort darauf")
    html = page_html(client, participation_page)
    assert supports(1) in html and supports(0) not in html
    assert "Eine Antwort darauf" in html


def test_a_hidden_comment_disappears_at_once(client, stream, participation_page):
    comment = CommentFactory(stream=stream, text="Bald verborgen")
    assert "Bald verborgen" in page_html(client, participation_page)
    comment.visibility = Visibility.REJECTED
    comment.save()
    assert "Bald verborgen" not in page_html(client, participation_page)


def test_every_visitor_gets_a_working_form_of_their_own(
    collection, participation_page, idea_data
):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page_html(first, participation_page)  # renders the blocks into the cache
    html = page_html(second, participation_page)  # served from the cache
    assert fragments.CSRF_MARK not in html
    assert fragments.TIMESTAMP_MARK not in html
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert tokens  # masked anew for each form, all from this visitor's secret
    stamps = re.findall(r'name="[^"]*form_timestamp" value="([^"]+)"', html)
    assert stamps and all(":" in stamp for stamp in stamps)
    action = re.search(r'action="([^"]*/idee/)"', html).group(1)
    data = idea_data(
        form_timestamp=timestamp(),
        csrfmiddlewaretoken=tokens.pop(),
        category=collection.categories.first().pk,
    )
    response = second.post(action, data)
    assert response.status_code == 302
    assert Idea.objects.filter(title=data["title"], collection=collection).exists()


def test_a_remembered_participant_sees_their_own_supports(
    client, collection, participation_page
):
    supporter = ParticipantFactory(email="fan@example.org")
    mine = IdeaFactory(collection=collection, title="Meine Unterstützung")
    SupportFactory(idea=mine, participant=supporter)
    label = de("You support this idea")
    assert label not in page_html(Client(), participation_page)
    remember(client, supporter)
    assert label in page_html(client, participation_page)


def test_query_strings_are_cached_apart(client, collection, participation_page):
    IdeaFactory(collection=collection, title="Zuerst")
    IdeaFactory(collection=collection, title="Später")
    newest_first = page_html(client, participation_page)
    SupportFactory(idea=Idea.objects.get(title="Zuerst"))
    supported_url = f"{participation_page.url}?ideas{collection.pk}-sort=supported"
    by_supports = client.get(supported_url).content.decode()
    assert newest_first.index("Später") < newest_first.index("Zuerst")
    assert by_supports.index("Zuerst") < by_supports.index("Später")
