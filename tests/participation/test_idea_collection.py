"""An idea collection on a page: paginated, sorted, filtered and counted ideas;
closed and not-yet-open collections; each idea's own page."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import escape

from participation import services
from participation.models import Idea, IdeaStatus, Visibility

from .conftest import stored_counts, url
from .factories import CommentFactory, IdeaFactory

pytestmark = pytest.mark.django_db

CARD = re.compile(
    r'<h4 class="idea-card__title"><a href="([^"]+)" lang="([^"]+)" dir="auto">([^<]+)</a></h4>'
)


def cards(response):
    """(href, lang, title) of each idea card, in order."""
    return CARD.findall(response.content.decode())


def titles(response):
    return [title for _href, _lang, title in cards(response)]


def listing(response):
    return response.context["listing"]


def make_ideas(collection, count, **kwargs):
    now = timezone.now()
    return [
        IdeaFactory(
            collection=collection,
            title=f"Idee {number:02d}",
            created_at=now - datetime.timedelta(minutes=number),
            **kwargs,
        )
        for number in range(count)
    ]


def test_ideas_are_paginated_20_a_page(client, participation_page, collection):
    make_ideas(collection, 25)
    first = client.get(participation_page.url)
    assert first.status_code == 200
    assert titles(first) == [f"Idee {n:02d}" for n in range(20)]
    assert listing(first).total == 25
    assert listing(first).page.paginator.num_pages == 2
    html = first.content.decode()
    next_page = (
        f"{participation_page.url}?ideas{collection.pk}-page=2#ideas-{collection.pk}"
    )
    assert f'href="{next_page}" rel="next"' in html
    second = client.get(participation_page.url, {f"ideas{collection.pk}-page": 2})
    assert titles(second) == [f"Idee {n:02d}" for n in range(20, 25)]
    for page in ("99", "abc", "-1"):
        response = client.get(
            participation_page.url, {f"ideas{collection.pk}-page": page}
        )
        assert response.status_code == 200
        assert len(titles(response)) in (5, 20)


def test_ideas_are_sorted(client, participation_page, collection):
    old, middle, new = make_ideas(collection, 3)[::-1]
    Idea.objects.filter(pk=old.pk).update(support_count=5, comment_count=1)
    Idea.objects.filter(pk=middle.pk).update(support_count=9, comment_count=0)
    Idea.objects.filter(pk=new.pk).update(support_count=0, comment_count=7)
    param = f"ideas{collection.pk}-sort"
    expected = {
        "newest": [new, middle, old],
        "supported": [middle, old, new],
        "discussed": [new, old, middle],
        "nonsense": [new, middle, old],
    }
    for sort, ideas in expected.items():
        response = client.get(participation_page.url, {param: sort})
        assert titles(response) == [idea.title for idea in ideas], sort
    html = client.get(participation_page.url, {param: "supported"}).content.decode()
    assert '<option value="supported" selected>' in html


def test_ideas_are_filtered_by_category_and_status_with_counts(
    client, participation_page, collection, categories
):
    cycling, transit = categories
    IdeaFactory(collection=collection, category=cycling, title="Rad 1")
    IdeaFactory(
        collection=collection,
        category=cycling,
        title="Rad 2",
        status=IdeaStatus.ACCEPTED,
    )
    IdeaFactory(collection=collection, category=transit, title="Bus 1")
    IdeaFactory(collection=collection, category=transit, visibility=Visibility.HIDDEN)
    prefix = f"ideas{collection.pk}"

    response = client.get(participation_page.url, {f"{prefix}-category": cycling.pk})
    assert sorted(titles(response)) == ["Rad 1", "Rad 2"]
    result = listing(response)
    assert (result.total, result.count, result.category) == (3, 2, cycling)
    html = response.content.decode()
    assert f'<option value="{cycling.pk}" selected>Radverkehr (2)</option>' in html
    assert f'<option value="{transit.pk}">ÖPNV (1)</option>' in html

    response = client.get(participation_page.url, {f"{prefix}-status": "accepted"})
    assert titles(response) == ["Rad 2"]
    assert listing(response).status_counts == [
        ("published", IdeaStatus.PUBLISHED.label, 2),
        ("accepted", IdeaStatus.ACCEPTED.label, 1),
    ]
    html = response.content.decode()
    assert f'<option value="{cycling.pk}">Radverkehr (1)</option>' in html
    assert f'<option value="{transit.pk}">ÖPNV (0)</option>' in html

    for junk in ({f"{prefix}-status": "secret"}, {f"{prefix}-category": "x"}):
        response = client.get(participation_page.url, junk)
        assert len(titles(response)) == 3


@pytest.mark.parametrize("filtered_by_category", [False, True])
def test_a_status_filter_without_matching_ideas_shows_none(
    client, participation_page, collection, categories, filtered_by_category
):
    IdeaFactory(collection=collection, category=categories[0])
    IdeaFactory(
        collection=collection, category=categories[1], status=IdeaStatus.ACCEPTED
    )
    prefix = f"ideas{collection.pk}"
    query = {f"{prefix}-status": "accepted" if filtered_by_category else "merged"}
    if filtered_by_category:
        query[f"{prefix}-category"] = categories[0].pk
    response = client.get(participation_page.url, query)
    assert response.status_code == 200
    assert titles(response) == []
    assert listing(response).count == 0


def test_each_card_links_the_idea_in_its_language(
    client, participation_page, collection
):
    german = IdeaFactory(collection=collection, language="de", title="Deutsch")
    english = IdeaFactory(collection=collection, language="en", title="English")
    found = {
        title: (href, lang)
        for href, lang, title in cards(client.get(participation_page.url))
    }
    assert found == {
        "Deutsch": (url("idea_detail", german.pk, lang="de"), "de"),
        "English": (url("idea_detail", english.pk, lang="de"), "en"),
    }


def test_an_open_collection_shows_its_form(client, participation_page, collection):
    html = client.get(participation_page.url).content.decode()
    assert f'action="{url("submit_idea", collection.pk, lang="de")}"' in html
    assert 'name="form_timestamp"' in html and 'name="website"' in html


def post_idea(client, collection, idea_data, categories):
    return client.post(
        url("submit_idea", collection.pk),
        idea_data(category=str(categories[0].pk)),
    )


@pytest.mark.parametrize(
    "change",
    [
        {"is_open": False},
        {"open_from": timezone.now() + datetime.timedelta(days=2)},
        {"open_until": timezone.now() - datetime.timedelta(minutes=1)},
    ],
    ids=["closed", "not-yet-open", "ended"],
)
def test_a_closed_collection_is_read_only(
    client, participation_page, collection, idea_data, categories, change
):
    IdeaFactory(collection=collection, title="Eine alte Idee")
    for field, value in change.items():
        setattr(collection, field, value)
    collection.save()
    html = client.get(participation_page.url).content.decode()
    assert "Eine alte Idee" in html
    assert f'action="{url("submit_idea", collection.pk, lang="de")}"' not in html
    assert 'class="participation__notice"' in html
    before = stored_counts()
    response = post_idea(client, collection, idea_data, categories)
    assert response.status_code == 403
    assert "Not open for contributions" in response.content.decode()
    assert "Nothing was stored." in response.content.decode()
    assert stored_counts() == before
    assert client.get(url("submit_idea", collection.pk)).status_code == 403


def test_the_idea_page_shows_status_answer_and_comments(
    client, participation_page, collection, moderator
):
    idea = IdeaFactory(
        collection=collection,
        title="Trinkbrunnen am Markt",
        description="Im Sommer fehlt Wasser.",
    )
    services.set_idea_status(
        idea, IdeaStatus.NOT_PURSUED, moderator, "Die Leitung fehlt dort."
    )
    services.answer_idea(idea, "Wir prüfen einen anderen Ort.", moderator)
    CommentFactory(stream=idea.discussion, text="Gute Idee!")
    response = client.get(url("idea_detail", idea.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="idea-title" lang="de" dir="auto">Trinkbrunnen am Markt</h1>' in html
    assert "Im Sommer fehlt Wasser." in html
    assert "not pursued" in html.lower()
    assert "Die Leitung fehlt dort." in html
    assert "Wir prüfen einen anderen Ort." in html
    assert 'class="official-answer"' in html
    assert "Gute Idee!" in html
    assert (
        f'<link rel="canonical" href="http://testserver{url("idea_detail", idea.pk)}">'
        in html
    )
    assert f'href="{participation_page.url}#ideas-{collection.pk}"' in html


def test_a_merged_idea_links_the_target(client, collection, moderator):
    target = IdeaFactory(collection=collection, title="Das große Ganze")
    idea = IdeaFactory(collection=collection)
    services.set_idea_status(idea, IdeaStatus.MERGED, moderator, merged_into=target)
    html = client.get(url("idea_detail", idea.pk)).content.decode()
    assert (
        f'<a href="{url("idea_detail", target.pk)}" lang="de">Das große Ganze</a>'
        in html
    )


@pytest.mark.parametrize(
    "state",
    [
        {"visibility": Visibility.PENDING},
        {"visibility": Visibility.HIDDEN},
        {"visibility": Visibility.REJECTED},
        {"confirmed_at": None},
        {"withdrawn_at": timezone.now()},
    ],
    ids=["pending", "hidden", "rejected", "unconfirmed", "withdrawn"],
)
def test_an_idea_the_public_may_not_see_is_not_found(
    client, participation_page, collection, state
):
    idea = IdeaFactory(collection=collection, title="Nicht öffentlich", **state)
    assert client.get(url("idea_detail", idea.pk)).status_code == 404
    assert client.get(url("idea_detail", idea.pk, lang="de")).status_code == 404
    assert "Nicht öffentlich" not in client.get(participation_page.url).content.decode()


def test_an_unknown_idea_is_not_found(client, db):
    assert client.get(url("idea_detail", 4711)).status_code == 404
    assert client.get(url("idea_detail", 10**20)).status_code == 404


def test_the_idea_page_in_another_language_keeps_the_ideas_language(client, collection):
    idea = IdeaFactory(collection=collection, language="de", title="Deutsch")
    html = client.get(url("idea_detail", idea.pk, lang="en")).content.decode()
    assert '<html lang="en"' in html
    assert '<h1 id="idea-title" lang="de" dir="auto">Deutsch</h1>' in html
    assert escape(idea.description) in html
