"""Where each page type may be created, in the models and in the admin."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page

from cms.core.models import StandardPage
from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsIndexPage, NewsPage
from cms.strategy.models import FieldPage, ProjectPage
from home.models import HomePage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.utils import add_page_url, post_page_form


def assert_refused(response):
    """The admin turns a refused page type into a redirect with an error message."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    # The admin speaks German: "Sorry, you do not have permission to access this area."
    assert [m.strip() for m in messages] == [
        "Sie haben leider keinen Zugang zu diesem Bereich."
    ]


ALL_TYPES = [
    HomePage,
    ProjectPage,
    FieldPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
]

ALLOWED_PARENTS = {
    HomePage: {Page},
    ProjectPage: {HomePage},
    FieldPage: {ProjectPage},
    EventIndexPage: {HomePage, ProjectPage},
    EventPage: {EventIndexPage},
    NewsIndexPage: {HomePage, ProjectPage},
    NewsPage: {NewsIndexPage},
    StandardPage: {HomePage, StandardPage, ProjectPage},
}


@pytest.mark.parametrize("model", ALL_TYPES, ids=lambda m: m.__name__)
def test_allowed_parent_page_types(model):
    assert set(model.allowed_parent_page_models()) == ALLOWED_PARENTS[model]


@pytest.mark.django_db  # a page instance looks up its content type
@pytest.mark.parametrize(
    ("parent", "child"),
    [
        (parent, child)
        for child in ALL_TYPES
        for parent in ALL_TYPES
        if parent is not child or child is StandardPage
    ],
    ids=lambda m: m.__name__,
)
def test_each_type_may_only_be_created_below_its_parents(parent, child):
    expected = parent in ALLOWED_PARENTS[child]
    assert child.can_exist_under(parent()) is expected


def test_event_and_news_pages_have_no_children():
    assert EventPage.allowed_subpage_models() == []
    assert NewsPage.allowed_subpage_models() == []


def test_home_page_can_be_created_below_the_root(db):
    # Before the site fixture, only Wagtail's welcome page sits below the root.
    assert HomePage.can_create_at(Page.get_first_root_node())


def test_home_page_cannot_be_created_below_site_pages(home_page, project_page):
    assert not HomePage.can_create_at(home_page)
    assert not HomePage.can_create_at(project_page)


def test_only_one_home_page_below_the_root(home_page):
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_project_page_can_be_created_below_the_home_page(home_page, field_page):
    assert ProjectPage.can_create_at(home_page)
    assert not ProjectPage.can_create_at(field_page)


def test_field_page_only_below_a_project(home_page, project_page, field_page):
    assert FieldPage.can_create_at(project_page)
    assert not FieldPage.can_create_at(home_page)
    assert not FieldPage.can_create_at(field_page)


@pytest.mark.parametrize(
    ("index_model", "index_factory"),
    [(EventIndexPage, EventIndexPageFactory), (NewsIndexPage, NewsIndexPageFactory)],
    ids=["events", "news"],
)
def test_one_index_page_per_parent(home_page, project_page, index_model, index_factory):
    assert index_model.can_create_at(home_page)
    index_factory(parent=home_page)
    assert not index_model.can_create_at(home_page)
    # Another parent may still have its own overview.
    assert index_model.can_create_at(project_page)


def test_event_page_only_below_an_event_index(home_page, event_index, news_index):
    assert EventPage.can_create_at(event_index)
    assert not EventPage.can_create_at(home_page)
    assert not EventPage.can_create_at(news_index)


def test_news_page_only_below_a_news_index(home_page, event_index, news_index):
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home_page)
    assert not NewsPage.can_create_at(event_index)


def test_standard_page_below_home_standard_and_project_pages(
    home_page, project_page, field_page, event_index, news_index
):
    standard = StandardPageFactory(parent=home_page)
    assert StandardPage.can_create_at(home_page)
    assert StandardPage.can_create_at(standard)
    assert StandardPage.can_create_at(project_page)
    assert not StandardPage.can_create_at(event_index)
    assert not StandardPage.can_create_at(news_index)
    assert not StandardPage.can_create_at(EventPageFactory(parent=event_index))
    assert not StandardPage.can_create_at(NewsPageFactory(parent=news_index))


def test_admin_refuses_a_field_page_below_the_home_page(admin_client, home_page):
    fields = {"title": "Mobilität", "slug": "mobilitaet", "introduction": "Text"}

    response = post_page_form(admin_client, add_page_url(FieldPage, home_page), fields)

    assert_refused(response)
    assert not FieldPage.objects.exists()


def test_admin_refuses_a_news_item_below_the_event_index(admin_client, event_index):
    response = admin_client.get(add_page_url(NewsPage, event_index))

    assert_refused(response)


def test_admin_refuses_a_second_event_index_below_the_home_page(
    admin_client, home_page, event_index
):
    fields = {"title": "Termine", "slug": "termine"}

    response = post_page_form(
        admin_client, add_page_url(EventIndexPage, home_page), fields
    )

    assert_refused(response)
    assert EventIndexPage.objects.count() == 1


def test_admin_offers_only_the_allowed_types_below_a_project(
    admin_client, project_page
):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add_subpage", args=[project_page.pk])
    )

    assert response.status_code == 200
    offered = {(app, model) for _, app, model, _ in response.context["page_types"]}
    assert offered == {
        ("cms_strategy", "fieldpage"),
        ("cms_events", "eventindexpage"),
        ("cms_news", "newsindexpage"),
        ("cms_core", "standardpage"),
    }
