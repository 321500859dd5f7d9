"""Runs inside the bare project (tests.participation.standalone.settings).

Collected only by tests/participation/test_standalone.py, which starts pytest
in a subprocess with these settings: migrations run, a page with both blocks
renders, and an idea can be handed in and confirmed.
"""

import re
import time

import pytest
from django.core import mail
from wagtail.models import Page, Site

from participation.antispam import make_timestamp
from participation.models import CommentStream, Idea, IdeaCollection
from tests.participation.standalone.models import PlainPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    collection = IdeaCollection.objects.create(title="Ideas for the park")
    stream = CommentStream.objects.create(title="Talk about the park")
    page = PlainPage(
        title="The park",
        slug="park",
        body=[
            ("text", "<p>What should the park look like?</p>"),
            ("idea_collection", {"heading": "Your ideas", "collection": collection}),
            ("comment_stream", {"heading": "Discussion", "stream": stream}),
        ],
    )
    root = Site.objects.get(is_default_site=True).root_page
    root.add_child(instance=page)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def test_migrations_ran_without_the_cms():
    from django.apps import apps

    assert not apps.is_installed("cms.core")
    assert not apps.is_installed("home")
    assert Page.objects.filter(depth=1).exists()


def test_page_with_both_blocks_renders(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your ideas" in html
    assert "Discussion" in html
    assert 'name="title"' in html
    assert 'name="text"' in html


def test_an_idea_can_be_handed_in_and_confirmed(
    client, page, django_capture_on_commit_callbacks
):
    collection = IdeaCollection.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/participation/sammlungen/{collection.pk}/idee/",
            {
                "title": "More benches",
                "description": "Benches in the shade for older people.",
                "email": "resident@example.org",
                "display_name": "Resident",
                "consent": "on",
                "website": "",
                "form_timestamp": make_timestamp(time.time() - 30),
            },
        )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.confirmed_at is None
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/bestaetigen/\S+?/", mail.outbox[0].body).group(0)
    confirm = client.get(link.split("testserver", 1)[1])
    assert confirm.status_code == 200
    idea.refresh_from_db()
    assert idea.is_visible
    assert "More benches" in client.get(page.url).content.decode()
