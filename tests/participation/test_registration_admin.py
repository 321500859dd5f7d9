"""Registrations in the admin: registrants per event with counts per group,
CSV and XLSX export, a message to all confirmed registrants, subscriber counts;
and who may see them."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from openpyxl import load_workbook

from participation import registrations as reg
from participation.models import Registration, RegistrationList, Subscription

from .registration_helpers import registration_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def reg_list(event_index, django_capture_on_commit_callbacks):
    event = registration_event(event_index, capacity=2, title="Workshop Handel")
    registration_list = RegistrationList.objects.get(page=event)
    people = [
        ("Anna", "anna@example.org", "Citizen"),
        ("Bernd", "bernd@example.org", "Local business"),
        ("Cem", "cem@example.org", "Citizen"),
        ("=HYPERLINK(1)", "dora@example.org", "Other"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for name, email, group in people:
            result = reg.register(
                registration_list,
                name=name,
                email=email,
                group=group,
                language="de",
                accessibility_needs="Rampe" if name == "Anna" else "",
            )
            reg.confirm_registration(reg.make_token(result.registration, reg.CONFIRM))
        reg.register(
            registration_list, name="Egon", email="egon@example.org", language="de"
        )
    mail.outbox.clear()
    registration_list.refresh_from_db()
    return registration_list


def admin_url(name, *args):
    return reverse(f"participation_registrations:{name}", args=args)


def test_index_lists_events_with_counts(admin_client, reg_list):
    html = admin_client.get(admin_url("index")).content.decode()
    assert "Workshop Handel" in html
    assert reg_list.confirmed_count == 2 and reg_list.waiting_count == 2


def test_detail_counts_per_group(admin_client, reg_list):
    response = admin_client.get(admin_url("detail", reg_list.pk))
    assert response.status_code == 200
    counts = response.context["group_counts"]
    assert counts == [("Citizen", 1, 1), ("Local business", 1, 0), ("Other", 0, 1)]
    html = response.content.decode()
    assert "anna@example.org" in html and "Rampe" in html


def test_csv_export(admin_client, reg_list):
    response = admin_client.get(admin_url("export", reg_list.pk, "csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Name" and len(rows[0]) == 9
    names = [row[0] for row in rows[1:]]
    # confirmed first, then the waiting list in order, then unconfirmed
    assert names == ["Anna", "Bernd", "Cem", "'=HYPERLINK(1)", "Egon"]
    anna = rows[1]
    assert anna[1] == "anna@example.org" and anna[3] == "Rampe"
    assert rows[3][5] == "1"  # Cem is first on the waiting list


def test_xlsx_export(admin_client, reg_list):
    response = admin_client.get(admin_url("export", reg_list.pk, "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Name"
    assert [row[0] for row in rows[1:]] == [
        "Anna",
        "Bernd",
        "Cem",
        "'=HYPERLINK(1)",
        "Egon",
    ]
    assert rows[2][2] == "Local business"


def test_message_to_all_confirmed(
    admin_client, reg_list, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            admin_url("detail", reg_list.pk),
            {"subject": "Raumänderung", "text": "Wir treffen uns in Raum 2."},
        )
    assert response.status_code == 302
    assert not mail.outbox  # a mailing to many waits for send_outbox
    call_command("send_outbox")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anna@example.org",
        "bernd@example.org",
    ]
    assert "Wir treffen uns in Raum 2." in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Raumänderung")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"subject": "", "text": "x"}, "subject"),
        ({"subject": "x", "text": ""}, "text"),
        ({"subject": "x" * 151, "text": "x"}, "subject"),
    ],
)
def test_message_bad_input_sends_nothing(
    admin_client, reg_list, django_capture_on_commit_callbacks, data, message
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(admin_url("detail", reg_list.pk), data)
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [message]
    assert not mail.outbox


def test_staff_without_permission_see_nothing(client, moderator, reg_list):
    client.force_login(moderator)
    for target in (
        admin_url("index"),
        admin_url("detail", reg_list.pk),
        admin_url("export", reg_list.pk, "csv"),
        reverse("participation_subscribers:index"),
    ):
        assert client.get(target).status_code in (302, 403)


def test_subscriber_counts_without_addresses(admin_client, field_page):
    key = field_page.translation_key
    Subscription.objects.create(
        email="a@example.org", wants_news=False, confirmed_at="2026-01-01T00:00Z"
    )
    chosen = Subscription.objects.create(
        email="b@example.org", all_topics=False, confirmed_at="2026-01-01T00:00Z"
    )
    chosen.topics.create(topic_key=key)
    Subscription.objects.create(email="c@example.org")
    response = admin_client.get(reverse("participation_subscribers:index"))
    counts = response.context["counts"]
    assert counts["total"] == 2
    assert counts["events"] == 2 and counts["news"] == 1 and counts["both"] == 1
    assert counts["all_topics"] == 1
    assert ("Mobilität", 1) in counts["topics"]
    assert counts["pending"] == 1
    assert "a@example.org" not in response.content.decode()


def test_registration_fields_in_the_page_editor(admin_client, event_index):
    event = registration_event(event_index)
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[event.pk])
    ).content.decode()
    assert "registration_capacity" in html and "registrant_details" in html
    assert Registration.objects.count() == 0


def test_page_settings_are_checked(event_index):
    from django.core.exceptions import ValidationError

    event = registration_event(event_index)
    event.registration_capacity = None
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "registration_capacity" in error.value.message_dict
    event.registration_capacity = 5
    event.registration_opens = event.start
    event.registration_closes = event.start - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "registration_closes" in error.value.message_dict


def test_preview_shows_the_draft_and_writes_nothing(event_index):
    from cms.events.models import EventPage

    event = registration_event(event_index, capacity=2)
    draft = EventPage.objects.get(pk=event.pk)
    draft.registration_capacity = 7
    response = draft.make_preview_request()
    assert response.status_code == 200
    assert "7 seats left" in response.content.decode() or (
        "Noch 7 Plätze frei" in response.content.decode()
    )
    assert RegistrationList.objects.get(page=event).capacity == 2

    start = event.start
    new = EventPage(
        title="Neuer Workshop",
        slug="neuer-workshop",
        start=start,
        end=start + datetime.timedelta(hours=1),
        description="<p>Neu</p>",
        registration_enabled=True,
        registration_capacity=5,
    )
    request = RequestFactory().get("/")
    request.is_preview = True
    panel = reg.registration_panel(new, request)
    assert panel.seats_left == 5 and panel.action_url == ""
    assert RegistrationList.objects.count() == 1


def test_editors_run_the_registrations_of_their_events(
    client, django_user_model, reg_list
):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user(username="redaktion")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(admin_url("index")).status_code == 200
    detail = client.get(admin_url("detail", reg_list.pk))
    assert detail.status_code == 200 and detail.context["can_message"]
    assert client.get(admin_url("export", reg_list.pk, "csv")).status_code == 200
    counts = client.get(reverse("participation_subscribers:index"))
    assert counts.status_code == 200
