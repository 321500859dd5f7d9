"""Routing in two queries, and the cached view restrictions and main menu
(cms.core.tree): the same answers as Wagtail's own lookups, never stale."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_deep_pages_are_found_with_their_breadcrumbs(client, field_page):
    deep = StandardPageFactory(parent=field_page, title="Tiefe Seite", slug="tief")
    response = client.get(deep.url)
    assert response.status_code == 200
    assert response.context["page"].specific_class is type(deep)
    trail = [p.title for p in response.context["ancestors"]]
    assert trail == ["Smart. Smarter. Musterstadt?!", "Mobilität"]


def test_an_unknown_slug_on_the_way_is_a_404(client, field_page):
    assert client.get(field_page.url + "gibt-es-nicht/").status_code == 404
    assert client.get("/de/nirgends/mobilitaet/").status_code == 404


def test_a_draft_page_is_a_404_but_its_live_child_is_served(client, field_page):
    child = StandardPageFactory(parent=field_page, slug="kind")
    field_page.unpublish()
    assert client.get("/de/smart-city/mobilitaet/").status_code == 404
    assert client.get("/de/smart-city/mobilitaet/kind/").status_code == 200
    assert child.live


def test_routes_of_routable_pages_still_answer(client, news_index):
    item = NewsPageFactory(parent=news_index, slug="meldung")
    assert client.get(news_index.url + "feed/").status_code == 200
    assert client.get(item.url).status_code == 200
    assert client.get(news_index.url + "feed/zu-viel/").status_code == 404


def test_a_route_of_a_routable_page_wins_over_a_child_with_that_slug(
    client, news_index
):
    NewsPageFactory(parent=news_index, slug="feed")
    response = client.get(news_index.url + "feed/")
    assert response["Content-Type"].startswith("application/atom+xml")


def test_a_new_restriction_applies_at_once(client, field_page):
    assert client.get(field_page.url).status_code == 200  # caches the restrictions
    restriction = PageViewRestriction.objects.create(
        page=field_page.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(field_page.url)
    assert response.status_code == 302 and "login" in response["Location"]
    restriction.delete()
    assert client.get(field_page.url).status_code == 200


def test_the_menu_follows_publishing_at_once(client, home_page, project_page):
    def menu(response):
        return [item["page"].title for item in response.context["items"]]

    first = client.get(project_page.url)
    assert "Neu im Menü" not in menu(first)
    page = StandardPageFactory(
        parent=home_page, title="Neu im Menü", slug="neu", show_in_menus=True
    )
    assert "Neu im Menü" in menu(client.get(project_page.url))
    page.unpublish()
    assert "Neu im Menü" not in menu(client.get(project_page.url))
