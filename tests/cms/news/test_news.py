"""News items: created in the admin, listed by tag and page, and offered as a feed."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text, streamfield

from cms.news.feeds import FEED_LENGTH
from cms.news.models import NEWS_PER_PAGE, NewsIndexPage, NewsPage
from tests.factories import ImageFactory, NewsPageFactory
from tests.utils import create_page_in_admin

TODAY = datetime.date(2022, 3, 15)


def days_ago(n):
    return TODAY - datetime.timedelta(days=n)


def test_news_index_created_in_the_admin_is_live_and_shown(admin_client, home_page):
    page = create_page_in_admin(
        admin_client,
        NewsIndexPage,
        home_page,
        {"title": "Neuigkeiten", "slug": "neuigkeiten", "introduction": "Was gibt's?"},
    )

    assert page.live
    response = admin_client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Neuigkeiten</h1>" in content
    assert "Was gibt&#x27;s?" in content
    assert 'href="/de/neuigkeiten/feed/"' in content


def test_news_item_created_in_the_admin_is_live_and_shown(
    admin_client, news_index, field_page
):
    image = ImageFactory(title="Workshop-Foto")
    page = create_page_in_admin(
        admin_client,
        NewsPage,
        news_index,
        {
            "title": "Erste Workshops sind gestartet",
            "slug": "erste-workshops",
            "date": "01.03.2022",
            "field_of_action": str(field_page.pk),
            "teaser": "Über 80 Menschen haben mitgemacht.",
            "image": str(image.pk),
            "image_alt": "Menschen an Stellwänden",
            "body": streamfield(
                [("paragraph", rich_text("<p>Die Ergebnisse folgen bald.</p>"))]
            ),
            "tags": "Workshop, Ergebnisse",
        },
    )

    assert page.live
    assert page.date == datetime.date(2022, 3, 1)
    assert sorted(page.tags.names()) == ["Ergebnisse", "Workshop"]
    assert page.get_share_image() == image

    response = admin_client.get(page.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Erste Workshops sind gestartet</h1>" in content
    assert "Über 80 Menschen haben mitgemacht." in content
    assert "Die Ergebnisse folgen bald." in content
    assert 'alt="Menschen an Stellwänden"' in content
    assert f'<a href="{field_page.url}">Mobilität</a>' in content
    assert 'href="/de/aktuelles/?tag=workshop"' in content


@pytest.fixture
def news(news_index):
    """Three live items, newest first, and a draft that must never be shown."""
    items = [
        NewsPageFactory(
            parent=news_index,
            title="Ergebnisse online",
            date=days_ago(0),
            tags=["Ergebnisse"],
        ),
        NewsPageFactory(
            parent=news_index,
            title="Zweiter Workshop",
            date=days_ago(7),
            tags=["Workshop", "Ergebnisse"],
        ),
        NewsPageFactory(
            parent=news_index, title="Auftakt", date=days_ago(30), tags=["Workshop"]
        ),
    ]
    NewsPageFactory(
        parent=news_index,
        title="Geheimer Entwurf",
        date=days_ago(0),
        live=False,
        tags=["Intern"],
    )
    return items


def test_index_lists_live_news_newest_first(client, news_index, news):
    response = client.get(news_index.url)

    assert response.status_code == 200
    assert list(response.context["news_page"]) == news
    assert [t.name for t in response.context["tags"]] == ["Ergebnisse", "Workshop"]
    assert "Geheimer Entwurf" not in response.content.decode()


def test_same_day_news_are_ordered_newest_created_first(client, news_index):
    first = NewsPageFactory(parent=news_index, date=TODAY)
    second = NewsPageFactory(parent=news_index, date=TODAY)

    response = client.get(news_index.url)

    assert list(response.context["news_page"]) == [second, first]


def test_tag_filter_shows_only_tagged_news(client, news_index, news):
    response = client.get(news_index.url, {"tag": "workshop"})

    assert response.status_code == 200
    assert list(response.context["news_page"]) == [news[1], news[2]]
    assert response.context["current_tag"].name == "Workshop"
    assert not response.context["unknown_tag"]
    content = response.content.decode()
    assert "Ergebnisse online" not in content
    assert 'href="/de/aktuelles/?tag=workshop" aria-current="page"' in content


def test_unknown_tag_shows_an_empty_list(client, news_index, news):
    response = client.get(news_index.url, {"tag": "gibt-es-nicht"})

    assert response.status_code == 200
    assert list(response.context["news_page"]) == []
    assert response.context["unknown_tag"]
    content = response.content.decode()
    for item in news:
        assert item.title not in content


def test_tag_of_a_draft_is_unknown(client, news_index, news):
    response = client.get(news_index.url, {"tag": "intern"})

    assert response.status_code == 200
    assert response.context["unknown_tag"]
    assert "Geheimer Entwurf" not in response.content.decode()


@pytest.fixture
def many_news(news_index):
    return [
        NewsPageFactory(parent=news_index, title=f"Meldung Nr. {n}", date=days_ago(n))
        for n in range(NEWS_PER_PAGE + 3)
    ]


def test_ten_news_items_per_page(client, news_index, many_news):
    first = client.get(news_index.url)
    second = client.get(news_index.url, {"page": "2"})

    assert NEWS_PER_PAGE == 10
    assert list(first.context["news_page"]) == many_news[:10]
    assert list(second.context["news_page"]) == many_news[10:]
    assert 'rel="next"' in first.content.decode()
    assert "Meldung Nr. 12" in second.content.decode()


@pytest.mark.parametrize(
    ("page", "number"), [("99", 2), ("-1", 2), ("zwei", 1), ("", 1), ("1.5", 1)]
)
def test_out_of_range_or_garbage_page_shows_a_valid_page(
    client, news_index, many_news, page, number
):
    response = client.get(news_index.url, {"page": page})

    assert response.status_code == 200
    assert response.context["news_page"].number == number


def test_feed_is_valid_atom_with_the_newest_items_first(client, news_index, news):
    response = client.get(news_index.url + "feed/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert feed.version == "atom10"
    assert feed.feed.title == "Aktuelles"
    assert feed.feed.link == "http://testserver/de/aktuelles/"
    assert feed.feed.subtitle == "Neuigkeiten aus dem Strategieprozess."
    assert [e.title for e in feed.entries] == [item.title for item in news]
    assert [e.link for e in feed.entries] == [
        f"http://testserver/de/aktuelles/{item.slug}/" for item in news
    ]
    first = feed.entries[0]
    assert first.id == f"news-{news[0].translation_key}-{news[0].locale_id}"
    assert first.summary == news[0].teaser
    assert sorted(t.term for t in feed.entries[1].tags) == ["Ergebnisse", "Workshop"]
    published = datetime.datetime(*first.published_parsed[:6], tzinfo=datetime.UTC)
    assert published == timezone.make_aware(
        datetime.datetime.combine(news[0].date, datetime.time(8, 0))
    )


def test_feed_follows_the_links_of_the_index(client, news_index, news):
    feed = feedparser.parse(client.get(news_index.url + "feed/").content)

    for entry in feed.entries:
        path = entry.link.removeprefix("http://testserver")
        assert client.get(path).status_code == 200


def test_feed_is_limited_to_the_newest_items(client, news_index):
    items = [
        NewsPageFactory(parent=news_index, date=days_ago(n))
        for n in range(FEED_LENGTH + 2)
    ]

    feed = feedparser.parse(client.get(news_index.url + "feed/").content)

    assert len(feed.entries) == FEED_LENGTH
    assert feed.entries[-1].title == items[FEED_LENGTH - 1].title
