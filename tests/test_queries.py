"""Exact SQL query counts of the public list pages, for few and for many items.

A page view must cost the same number of queries whatever the number of news
items and events; the counts are exact so that any new query shows up here.
"""

import datetime

import pytest
from django.utils import timezone

from .factories import EventPageFactory, ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

HOME_QUERIES = 11
FIELD_QUERIES = 9
NEWS_INDEX_QUERIES = 10
EVENT_INDEX_QUERIES = 8
SIZES = [2, 25]


@pytest.fixture
def populate(home_page, project_page, field_page, event_index, news_index):
    """Add `count` news items with images and `count` events (half of them past)."""

    def add(count):
        now = timezone.now()
        for number in range(count):
            NewsPageFactory(
                parent=news_index,
                title=f"Meldung {number}",
                slug=f"meldung-{number}",
                date=datetime.date(2022, 1, 1) + datetime.timedelta(days=number),
                image=ImageFactory(),
                field_of_action=field_page,
                tags=["Workshop", f"Thema {number % 3}"],
            )
            start = now + datetime.timedelta(days=number - count // 2, hours=2)
            EventPageFactory(
                parent=event_index,
                title=f"Termin {number}",
                slug=f"termin-{number}",
                start=start,
                end=start + datetime.timedelta(hours=2),
                field_of_action=field_page,
            )
        return {
            "home": home_page.url,
            "field": field_page.url,
            "news": news_index.url,
            "events": event_index.url,
        }

    return add


def count_queries(client, url, django_assert_num_queries, expected):
    assert client.get(url).status_code == 200  # warm up: renditions are made once
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("count", SIZES)
def test_home_page_queries(client, populate, django_assert_num_queries, count):
    urls = populate(count)
    count_queries(client, urls["home"], django_assert_num_queries, HOME_QUERIES)


@pytest.mark.parametrize("count", SIZES)
def test_field_page_queries(client, populate, django_assert_num_queries, count):
    urls = populate(count)
    count_queries(client, urls["field"], django_assert_num_queries, FIELD_QUERIES)


@pytest.mark.parametrize("count", SIZES)
def test_news_index_queries(client, populate, django_assert_num_queries, count):
    urls = populate(count)
    count_queries(client, urls["news"], django_assert_num_queries, NEWS_INDEX_QUERIES)


@pytest.mark.parametrize("count", SIZES)
def test_event_index_queries(client, populate, django_assert_num_queries, count):
    urls = populate(count)
    count_queries(
        client, urls["events"], django_assert_num_queries, EVENT_INDEX_QUERIES
    )
