"""Pages scheduled with a go-live date are published by `publish_scheduled`."""

import datetime

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

from cms.core.models import StandardPage
from tests.factories import StandardPageFactory
from tests.utils import create_page_in_admin


def test_scheduled_page_goes_live_once_its_time_has_come(home_page):
    page = StandardPageFactory(parent=home_page, live=False, slug="termin")
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()

    call_command("publish_scheduled")

    page.refresh_from_db()
    assert not page.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at == page.go_live_at

    # An hour later: both the page's go-live date and the approval are due.
    due = timezone.now() - datetime.timedelta(minutes=1)
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=due,
        content={**revision.content, "go_live_at": due.isoformat()},
    )
    call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk
    assert page.url == "/de/termin/"


def test_revision_scheduled_in_the_past_is_published(home_page):
    page = StandardPageFactory(parent=home_page, live=False, slug="rueckblick")
    go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    page.go_live_at = go_live_at
    revision = page.save_revision(approved_go_live_at=go_live_at)
    assert not Page.objects.get(pk=page.pk).live

    call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk


def test_admin_publish_with_future_go_live_date_schedules_the_page(
    admin_client, home_page
):
    go_live_at = timezone.localtime() + datetime.timedelta(days=2)
    page = create_page_in_admin(
        admin_client,
        StandardPage,
        home_page,
        {
            "title": "Einladung",
            "slug": "einladung",
            "introduction": "Bald geht es los.",
            "body-count": "0",
            "go_live_at": go_live_at.strftime("%d.%m.%Y %H:%M"),
        },
    )

    assert not page.live
    assert page.latest_revision.approved_go_live_at == go_live_at.replace(
        second=0, microsecond=0
    )
    assert page.approved_schedule
