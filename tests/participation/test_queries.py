"""Exact SQL query counts of the participation pages, the same for a little and
for a lot of data (10 ideas with 50 comments; 1,000 ideas with 10,000
comments, made with participation.seeding).

Each page shows the same fixed probe items at both sizes (the newest ideas and
comments, the oldest items in the queue), so that only the amount of data
around them differs. A new query per row would show up as a different count at
the large size; any new query at all changes the exact numbers here.
"""

import datetime
import random

import pytest
from django.utils import timezone

from participation import fragments, services
from participation.models import Visibility
from participation.seeding import seed

from .conftest import place_blocks, url
from .factories import (
    CommentFactory,
    CommentStreamFactory,
    IdeaFactory,
    ReportFactory,
    SupportFactory,
)

pytestmark = pytest.mark.django_db

# Counts with the rendered blocks in the cache (participation.fragments), as
# visitors the site does not know see them, and right after a change, when the
# blocks are rendered anew.
FIELD_PAGE_QUERIES = 10  # a field page with an idea collection and a comment stream
FIELD_PAGE_QUERIES_FRESH = 15
IDEA_PAGE_QUERIES = 8  # an idea's own page with its discussion and its measure
STREAM_PAGE_QUERIES = 9  # the first page of a comment stream (a field page with one)
STREAM_PAGE_QUERIES_FRESH = 11
QUEUE_QUERIES = 18  # the moderation queue, for a logged-in moderator

SIZES = {"small": (10, 50), "large": (1000, 10000)}


@pytest.fixture(params=list(SIZES))
def scene(request, project_page, collection, stream, moderator):
    """A field page with a collection and a stream, a page with a stream only,
    the probe items, and seeded data of the requested size."""
    ideas, comments = SIZES[request.param]
    soon = timezone.now() + datetime.timedelta(hours=1)
    page = place_blocks(project_page, collection, stream, slug="abfrage")
    own_stream = CommentStreamFactory(title="Nur Diskussion")
    stream_page = place_blocks(project_page, stream=own_stream, slug="nur-diskussion")
    collection.refresh_from_db()
    stream.refresh_from_db()
    seed(
        collection,
        stream,
        ideas=ideas,
        comments=comments,
        staff_user=moderator,
        rng=random.Random(3),
    )
    seed(collection, own_stream, ideas=0, comments=comments, rng=random.Random(4))

    # Probes: the newest idea with supports, an answer and a discussion with
    # replies; the newest comments of both streams; the oldest items waiting.
    probe = IdeaFactory(
        collection=collection,
        title="Probe",
        category=collection.categories.first(),
        created_at=soon,
    )
    services.answer_idea(probe, "Antwort der Stadt.", moderator)
    for _ in range(3):
        SupportFactory(idea=probe)
    for target in (probe.discussion, stream, own_stream):
        tops = [
            CommentFactory(
                stream=target, created_at=soon + datetime.timedelta(seconds=n)
            )
            for n in range(22)
        ]
        for _reply in range(4):
            CommentFactory(stream=target, parent=tops[-1], created_at=soon)
        services.post_official_answer(target, moderator, "Offiziell.", parent=tops[-2])
    long_ago = timezone.now() - datetime.timedelta(days=400)
    for _ in range(30):
        IdeaFactory(
            collection=collection, visibility=Visibility.PENDING, created_at=long_ago
        )
        CommentFactory(
            stream=stream, visibility=Visibility.PENDING, created_at=long_ago
        )
    reported = IdeaFactory(collection=collection, created_at=long_ago)
    ReportFactory(content_object=reported)
    return {
        "field": page.url,
        "idea": url("idea_detail", probe.pk, lang="de"),
        "stream": stream_page.url,
        "size": request.param,
    }


def assert_queries(client, path, expected, django_assert_num_queries):
    assert client.get(path).status_code == 200  # warm up
    with django_assert_num_queries(expected):
        response = client.get(path)
    assert response.status_code == 200
    return response


def test_the_field_page(client, scene, django_assert_num_queries):
    response = assert_queries(
        client, scene["field"], FIELD_PAGE_QUERIES, django_assert_num_queries
    )
    html = response.content.decode()
    assert html.count('<li class="idea-card">') == (
        20 if scene["size"] == "large" else 12
    )
    assert html.index(">Probe</a>") < html.index(
        '<li class="idea-card">', 1 + html.index('<li class="idea-card">')
    )


def test_the_field_page_right_after_a_change(client, scene, django_assert_num_queries):
    assert client.get(scene["field"]).status_code == 200  # warm up
    fragments.bump_content_version()
    with django_assert_num_queries(FIELD_PAGE_QUERIES_FRESH):
        response = client.get(scene["field"])
    assert response.context["listing"].ideas[0].title == "Probe"


def test_the_idea_page(client, scene, django_assert_num_queries):
    response = assert_queries(
        client, scene["idea"], IDEA_PAGE_QUERIES, django_assert_num_queries
    )
    assert "Antwort der Stadt." in response.content.decode()
    assert len(response.context["comments"].comments) == 20


def test_the_first_page_of_a_stream(client, scene, django_assert_num_queries):
    response = assert_queries(
        client, scene["stream"], STREAM_PAGE_QUERIES, django_assert_num_queries
    )
    html = response.content.decode()
    assert html.count('rel="next"') == 1 and html.count("comment__body") >= 20


def test_a_stream_right_after_a_change(client, scene, django_assert_num_queries):
    assert client.get(scene["stream"]).status_code == 200  # warm up
    fragments.bump_content_version()
    with django_assert_num_queries(STREAM_PAGE_QUERIES_FRESH):
        response = client.get(scene["stream"])
    assert len(response.context["comments"].comments) == 20


def test_the_moderation_queue(client, scene, moderator, django_assert_num_queries):
    client.force_login(moderator)
    response = assert_queries(
        client,
        "/admin/participation/moderation/",
        QUEUE_QUERIES,
        django_assert_num_queries,
    )
    assert len(response.context["object_list"]) == 50
