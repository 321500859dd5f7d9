"""Fixtures of the participation tests: a published field page that shows an idea
collection and a comment stream, moderators, and helpers that post the public
forms the way a browser does (with a timestamp old enough to pass)."""

import time

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import signing
from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from participation import antispam, tokens
from participation.models import (
    AccessLink,
    CommentStream,
    DiscussionComment,
    Idea,
    Participant,
    Report,
    Support,
)
from tests.factories import FieldPageFactory

from .evaluation_helpers import evaluator, other_evaluator  # noqa: F401
from .factories import (
    CategoryFactory,
    CommentStreamFactory,
    IdeaCollectionFactory,
)

STORED_MODELS = (
    Idea,
    DiscussionComment,
    CommentStream,
    Participant,
    AccessLink,
    Support,
    Report,
)


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate limits live in the cache: every test starts with none used."""
    cache.clear()
    yield
    cache.clear()


def url(name, *args, lang="en", query=""):
    """A public URL of the plugin in a language (English by default, so that
    messages are the msgids whatever catalogues exist)."""
    with translation.override(lang):
        path = reverse(f"participation:{name}", args=args)
    return f"{path}?{query}" if query else path


def timestamp(seconds_ago=60):
    return antispam.make_timestamp(time.time() - seconds_ago)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def stored_counts():
    """Rows of everything a public form might write."""
    return {model.__name__: model.objects.count() for model in STORED_MODELS}


def place_blocks(parent, collection=None, stream=None, **kwargs):
    """A published field page whose body shows the collection and the stream."""
    body = []
    if collection is not None:
        body.append(
            {
                "type": "idea_collection",
                "value": {
                    "heading": "Ihre Ideen",
                    "intro": "Was sollte sich ändern?",
                    "collection": collection.pk,
                },
            }
        )
    if stream is not None:
        body.append(
            {
                "type": "comment_stream",
                "value": {
                    "heading": "Diskussion",
                    "intro": "Fragen und Hinweise.",
                    "stream": stream.pk,
                },
            }
        )
    return FieldPageFactory(parent=parent, body=body, **kwargs)


@pytest.fixture
def categories(locale):
    return [CategoryFactory(name="Radverkehr"), CategoryFactory(name="ÖPNV")]


@pytest.fixture
def collection(db, categories):
    """An open, post-moderated idea collection offering two categories."""
    return IdeaCollectionFactory(title="Mobilität – Ideen", categories=categories)


@pytest.fixture
def stream(db):
    """An open, post-moderated comment stream for a page."""
    return CommentStreamFactory(title="Mobilität – Diskussion")


@pytest.fixture
def participation_page(project_page, collection, stream):
    """A published field page showing the collection and the stream; publishing
    it points both to the page."""
    page = place_blocks(
        project_page,
        collection,
        stream,
        title="Digitale Mobilität",
        slug="digitale-mobilitaet",
    )
    collection.refresh_from_db()
    stream.refresh_from_db()
    assert collection.page_id == page.pk
    assert stream.page_id == page.pk
    return page


@pytest.fixture
def moderator(django_user_model):
    """A staff member in the "Moderators" group, with an e-mail address, who
    uses the admin in English (so that messages are the msgids)."""
    user = django_user_model.objects.create_user(
        username="moderation",
        password="moderation-passwort",
        email="moderation@stadt.example.org",
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def idea_data():
    """Form data of a valid idea (add `category`)."""

    def make(**overrides):
        data = {
            "title": "Sichere Fahrradbügel am Bahnhof",
            "description": "Am Bahnhof fehlen überdachte Abstellplätze.",
            "email": "ideen@example.org",
            "display_name": "Radlerin",
            "consent": "on",
            "website": "",
            "form_timestamp": timestamp(),
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture
def comment_data():
    def make(**overrides):
        data = {
            "text": "Das sehe ich genauso.",
            "email": "kommentar@example.org",
            "display_name": "Nachbar",
            "consent": "on",
            "website": "",
            "form_timestamp": timestamp(),
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return make


def counter_mismatches():
    """Denormalised counters that differ from the rows they count: supports and
    visible comments (replies included) of every idea, visible replies of every
    comment. Empty when all are right; a few queries whatever the size."""

    def per(queryset, field):
        return dict(
            queryset.order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values_list(field, "n")
        )

    visible = DiscussionComment.objects.visible()
    supports = per(Support.objects.all(), "idea")
    comments = per(visible, "stream")
    replies = per(visible.filter(parent__isnull=False), "parent")
    wrong = []
    ideas = Idea.objects.values_list(
        "pk", "discussion_id", "support_count", "comment_count"
    )
    for pk, stream_id, support_count, comment_count in ideas:
        expected = (supports.get(pk, 0), comments.get(stream_id, 0))
        if (support_count, comment_count) != expected:
            wrong.append(
                f"idea {pk}: supports, comments {support_count, comment_count} "
                f"!= {expected}"
            )
    tops = DiscussionComment.objects.filter(parent__isnull=True)
    for pk, reply_count in tops.values_list("pk", "reply_count"):
        if reply_count != replies.get(pk, 0):
            wrong.append(f"comment {pk}: replies {reply_count} != {replies.get(pk, 0)}")
    return wrong


def remember(client, participant):
    """Give the test browser the signed cookie a confirmation link sets."""
    signer = signing.get_cookie_signer(salt=tokens.COOKIE_NAME + tokens.COOKIE_SALT)
    client.cookies[tokens.COOKIE_NAME] = signer.sign(str(participant.pk))


def de(text):
    """A UI text as a German reader sees it (pages of the site are German)."""
    with translation.override("de"):
        return gettext(text)
