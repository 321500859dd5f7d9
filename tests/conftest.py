"""Fixtures shared by the whole suite: the German locale, a site with a home page,
a strategy project with one field of action, the event and news overviews, and
users in the editorial groups."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from cms.strategy.models import ProjectPhase

from .factories import (
    EventIndexPageFactory,
    FieldPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    ProjectPageFactory,
)


@pytest.fixture(autouse=True)
def empty_cache():
    """Wagtail caches site root paths; a rolled-back test must not leave them."""
    cache.clear()


@pytest.fixture
def locale(db):
    """The German locale, created from LANGUAGE_CODE by the first migrate."""
    return Locale.objects.get(language_code="de")


@pytest.fixture
def site(locale):
    """The default site with a published HomePage as its root page.

    The welcome page Wagtail's migrations put there is replaced; the hostname is
    the test client's, so full URLs are those a reader of the test server sees.
    """
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=locale)
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    welcome.delete()
    return site


@pytest.fixture
def home_page(site):
    return site.root_page.specific


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def project_page(home_page):
    """A live project whose second of three phases is current today."""
    return ProjectPageFactory(
        parent=home_page,
        title="Smart. Smarter. Musterstadt?!",
        slug="smart-city",
        phases=[
            ProjectPhase(
                name="Bestandsanalyse", start_date=days(-300), end_date=days(-101)
            ),
            ProjectPhase(
                name="Beteiligungsphase", start_date=days(-100), end_date=days(60)
            ),
            ProjectPhase(name="Strategieentwicklung", start_date=days(61)),
        ],
    )


@pytest.fixture
def field_page(project_page):
    return FieldPageFactory(
        parent=project_page,
        title="Mobilität",
        slug="mobilitaet",
        introduction="Wie wir uns künftig durch die Stadt bewegen.",
    )


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page, slug="veranstaltungen")


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, slug="aktuelles")


@pytest.fixture
def editor(django_user_model):
    """A user in the Editors group: may create and edit pages, not publish them."""
    user = django_user_model.objects.create_user(
        username="redaktion", password="redaktion-passwort"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def approver(django_user_model):
    """A user in the Approvers group: approves and publishes pages."""
    user = django_user_model.objects.create_user(
        username="freigabe", password="freigabe-passwort"
    )
    user.groups.add(Group.objects.get(name="Approvers"))
    return user
