"""Comment streams on pages and on ideas: replies one level deep, pre- and
post-moderation, closed streams, official answers, pages of comments that work
without JavaScript."""

import datetime
import re

import pytest
from django.utils import timezone

from participation import services
from participation.models import PRE_MODERATION, DiscussionComment, Idea, Visibility

from .conftest import de, messages_of, remember, stored_counts, url
from .factories import CommentFactory, IdeaFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

COMMENT_TEXT = re.compile(
    r'<div class="comment__text" lang="[a-z]+"><p>([^<]*)</p></div>'
)


def texts(response):
    return COMMENT_TEXT.findall(response.content.decode())


@pytest.fixture
def citizen(client):
    """A confirmed participant whom the test browser remembers."""
    participant = ParticipantFactory(email="kommentar@example.org")
    remember(client, participant)
    return participant


def test_a_remembered_citizen_comments_at_once(
    client, participation_page, stream, citizen, comment_data
):
    response = client.post(
        url("submit_comment", stream.pk), comment_data(next=participation_page.url)
    )
    comment = DiscussionComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{participation_page.url}#comment-{comment.pk}"
    assert messages_of(response) == ["Thank you! Your comment is published."]
    assert comment.is_visible and comment.participant == citizen
    assert texts(client.get(participation_page.url)) == ["Das sehe ich genauso."]


def test_a_reply_to_a_reply_attaches_to_the_top_comment(
    client, participation_page, stream, citizen, comment_data
):
    top = CommentFactory(stream=stream, text="Oben")
    reply = CommentFactory(stream=stream, parent=top, text="Antwort")
    response = client.post(
        url("submit_comment", stream.pk),
        comment_data(text="Antwort auf die Antwort", parent=str(reply.pk)),
    )
    assert response.status_code == 302
    new = DiscussionComment.objects.get(text="Antwort auf die Antwort")
    assert new.parent == top
    top.refresh_from_db()
    assert top.reply_count == 2
    html = client.get(participation_page.url).content.decode()
    replies = html[html.index(f'id="comment-{top.pk}"') :]
    assert replies.index("Antwort") < replies.index("Antwort auf die Antwort")
    assert 'class="comment-replies"' in html


def test_a_reply_to_a_comment_of_another_stream_is_refused(
    client, participation_page, stream, citizen, comment_data
):
    elsewhere = CommentFactory(stream=IdeaFactory().discussion)
    before = stored_counts()
    response = client.post(
        url("submit_comment", stream.pk), comment_data(parent=str(elsewhere.pk))
    )
    assert response.status_code == 200
    assert (
        "The comment you replied to is no longer available."
        in response.content.decode()
    )
    assert stored_counts() == before


def test_pre_moderated_comments_wait_for_the_team(
    client, participation_page, stream, citizen, comment_data, moderator
):
    stream.moderation = PRE_MODERATION
    stream.save()
    html = client.get(participation_page.url).content.decode()
    assert de("Our team checks every comment before it is published.") in html
    response = client.post(url("submit_comment", stream.pk), comment_data())
    assert messages_of(response) == [
        "Thank you! Your comment will appear after our team has checked it."
    ]
    comment = DiscussionComment.objects.get()
    assert comment.visibility == Visibility.PENDING
    assert texts(client.get(participation_page.url)) == []
    services.approve(comment, moderator)
    assert texts(client.get(participation_page.url)) == ["Das sehe ich genauso."]


def test_comments_on_ideas_follow_the_collections_comment_moderation(
    client, collection, citizen, comment_data
):
    collection.comment_moderation = PRE_MODERATION
    collection.save()
    idea = IdeaFactory(collection=collection)
    response = client.post(url("submit_comment", idea.discussion_id), comment_data())
    assert response.status_code == 302
    assert response["Location"] == url("idea_detail", idea.pk)
    assert DiscussionComment.objects.get().visibility == Visibility.PENDING
    assert Idea.objects.get(pk=idea.pk).comment_count == 0


@pytest.mark.parametrize(
    "change",
    [
        {"is_open": False},
        {"open_from": timezone.now() + datetime.timedelta(hours=1)},
        {"open_until": timezone.now() - datetime.timedelta(hours=1)},
    ],
    ids=["closed", "not-yet-open", "ended"],
)
def test_a_closed_stream_refuses_comments(
    client, participation_page, stream, citizen, comment_data, change
):
    old = CommentFactory(stream=stream, text="Von früher")
    for field, value in change.items():
        setattr(stream, field, value)
    stream.save()
    response = client.get(participation_page.url)
    assert texts(response) == ["Von früher"]
    html = response.content.decode()
    assert f'action="{url("submit_comment", stream.pk, lang="de")}"' not in html
    before = stored_counts()
    for data in (comment_data(), comment_data(parent=str(old.pk))):
        response = client.post(url("submit_comment", stream.pk), data)
        assert response.status_code == 403
        assert "Nothing was stored." in response.content.decode()
    assert stored_counts() == before


def test_a_closed_collection_takes_no_comments_on_its_ideas(
    client, collection, citizen, comment_data
):
    idea = IdeaFactory(collection=collection)
    collection.is_open = False
    collection.save()
    html = client.get(url("idea_detail", idea.pk)).content.decode()
    assert f'action="{url("submit_comment", idea.discussion_id)}"' not in html
    before = stored_counts()
    response = client.post(url("submit_comment", idea.discussion_id), comment_data())
    assert response.status_code == 403
    assert stored_counts() == before


def test_comments_on_an_idea_the_public_may_not_see_are_refused(
    client, collection, citizen, comment_data
):
    idea = IdeaFactory(collection=collection, visibility=Visibility.HIDDEN)
    before = stored_counts()
    response = client.post(url("submit_comment", idea.discussion_id), comment_data())
    assert response.status_code == 404
    assert stored_counts() == before


def test_an_official_answer_is_marked(client, participation_page, stream, moderator):
    top = CommentFactory(stream=stream, text="Wann kommt das?")
    services.post_official_answer(stream, moderator, "Im Frühjahr.", parent=top)
    html = client.get(participation_page.url).content.decode()
    official = html[html.index('class="comment comment--official"') :]
    assert official.index('class="official-badge"') < official.index("Im Frühjahr.")
    assert html.count('class="official-badge"') == 1
    # the town's answers cannot be reported
    answer = DiscussionComment.objects.get(is_official=True)
    assert url("report", "comment", answer.pk, lang="de") not in html
    assert client.get(url("report", "comment", answer.pk)).status_code == 404


def test_a_hidden_comment_shows_the_reason_instead_of_its_text(
    client, participation_page, stream, moderator
):
    comment = CommentFactory(stream=stream, text="Ruf mich an: 0170 1234567")
    services.hide(comment, moderator, "Enthält eine Telefonnummer.")
    html = client.get(participation_page.url).content.decode()
    assert "0170 1234567" not in html
    assert "Enthält eine Telefonnummer." in html


def make_comments(stream, count, **kwargs):
    now = timezone.now()
    return [
        CommentFactory(
            stream=stream,
            text=f"Kommentar {number:02d}",
            created_at=now - datetime.timedelta(minutes=number),
            **kwargs,
        )
        for number in range(count)
    ]


def test_comments_come_in_pages_of_20_newest_first_without_javascript(
    client, participation_page, stream
):
    make_comments(stream, 45)
    param = f"comments{stream.pk}-page"
    first = client.get(participation_page.url)
    assert texts(first) == [f"Kommentar {n:02d}" for n in range(20)]
    html = first.content.decode()
    older = f"{participation_page.url}?{param}=2#comments-{stream.pk}"
    assert f'<a href="{older}" rel="next">' in html
    assert 'rel="prev"' not in html.split('id="comments-')[1]
    third = client.get(participation_page.url, {param: 3})
    assert texts(third) == [f"Kommentar {n:02d}" for n in range(40, 45)]
    assert (
        f'href="{participation_page.url}?{param}=2#comments-{stream.pk}" rel="prev"'
        in third.content.decode()
    )
    empty = client.get(participation_page.url, {param: 9})
    assert empty.status_code == 200
    assert texts(empty) == []
    assert (
        f'href="{participation_page.url}#comments-{stream.pk}"'
        in empty.content.decode()
    )


def test_three_replies_are_shown_and_a_link_leads_to_all(
    client, participation_page, stream
):
    top = CommentFactory(stream=stream, text="Oben")
    now = timezone.now()
    for number in range(5):
        CommentFactory(
            stream=stream,
            parent=top,
            text=f"Antwort {number}",
            created_at=now + datetime.timedelta(minutes=number),
        )
    assert texts(client.get(participation_page.url)) == [
        "Oben",
        "Antwort 0",
        "Antwort 1",
        "Antwort 2",
    ]
    thread = url("comment_detail", top.pk, lang="de")
    assert f'href="{thread}"' in client.get(participation_page.url).content.decode()
    response = client.get(thread)
    assert response.status_code == 200
    assert texts(response) == ["Oben"] + [f"Antwort {n}" for n in range(5)]


def test_a_comment_on_an_idea_is_shown_on_the_ideas_page(client, collection):
    idea = IdeaFactory(collection=collection)
    comment = CommentFactory(stream=idea.discussion)
    response = client.get(url("comment_detail", comment.pk))
    assert response.status_code == 302
    assert response["Location"] == f"{url('idea_detail', idea.pk)}#comment-{comment.pk}"


def test_a_comment_the_public_may_not_see_is_not_found(client, stream):
    for state in (
        {"visibility": Visibility.PENDING},
        {"visibility": Visibility.REJECTED},
        {"confirmed_at": None},
        {"withdrawn_at": timezone.now()},
    ):
        comment = CommentFactory(stream=stream, **state)
        assert client.get(url("comment_detail", comment.pk)).status_code == 404
    assert client.get(url("comment_detail", 999999)).status_code == 404
