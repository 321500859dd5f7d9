"""Everything stored for one e-mail address: exported as JSON, or erased (the
contributions stay anonymously unless they are to be deleted too); by function,
by management command and in the admin."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from participation import services
from participation.models import (
    AccessLink,
    CommentStream,
    DiscussionComment,
    Idea,
    Participant,
    Report,
    Support,
)
from participation.personal_data import (
    ParticipantNotFound,
    erase_personal_data,
    export_personal_data,
)

from .conftest import counter_mismatches
from .factories import (
    CommentFactory,
    IdeaFactory,
    ParticipantFactory,
    ReportFactory,
    SupportFactory,
)

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/participation/personal-data/"


@pytest.fixture
def person(collection, stream):
    """Anna's contributions around Bert's: an idea Bert supports and comments
    on, an unconfirmed idea, comments (one Bert replied to), a support of
    Bert's idea, a report, links."""
    anna = ParticipantFactory(email="anna@example.org", display_name="Anna")
    bert = ParticipantFactory(email="bert@example.org", display_name="Bert")
    anna_idea = IdeaFactory(collection=collection, participant=anna, title="Annas Idee")
    IdeaFactory(
        collection=collection,
        participant=anna,
        title="Unbestätigt",
        confirmed_at=None,
    )
    bert_idea = IdeaFactory(collection=collection, participant=bert, title="Berts Idee")
    SupportFactory(idea=anna_idea, participant=bert)
    SupportFactory(idea=bert_idea, participant=anna)
    SupportFactory(idea=bert_idea, participant=ParticipantFactory())
    CommentFactory(stream=anna_idea.discussion, participant=bert, text="Bert dazu")
    on_bert = CommentFactory(
        stream=bert_idea.discussion, participant=anna, text="Anna zu Bert"
    )
    CommentFactory(
        stream=bert_idea.discussion, participant=bert, parent=on_bert, text="Danke"
    )
    CommentFactory(stream=stream, participant=anna, text="Anna allein")
    CommentFactory(stream=stream, participant=bert, text="Bert allein")
    ReportFactory(
        content_object=bert_idea,
        participant=anna,
        reporter_hash=services.keyed_hash(f"participant:{anna.pk}"),
        explanation="Annas Begründung",
    )
    services.create_manage_link(anna)
    services.create_manage_link(bert)
    assert counter_mismatches() == []
    return {"anna": anna, "bert": bert, "anna_idea": anna_idea, "bert_idea": bert_idea}


def test_the_export_holds_everything_of_one_address_only(person):
    data = export_personal_data(" ANNA@example.org ")
    assert data["participant"]["email"] == "anna@example.org"
    assert data["participant"]["display_name"] == "Anna"
    assert [idea["title"] for idea in data["ideas"]] == ["Annas Idee", "Unbestätigt"]
    assert sorted(c["text"] for c in data["comments"]) == [
        "Anna allein",
        "Anna zu Bert",
    ]
    assert [s["idea"]["title"] for s in data["supports"]] == ["Berts Idee"]
    assert [r["explanation"] for r in data["reports"]] == ["Annas Begründung"]
    assert [link["purpose"] for link in data["access_links"]] == ["manage"]
    text = json.dumps(data, ensure_ascii=False)
    assert "bert@example.org" not in text
    assert "Bert dazu" not in text and "Danke" not in text
    for link in AccessLink.objects.all():
        assert link.secret not in text
    for report in Report.objects.all():
        assert report.reporter_hash not in text


def test_an_unknown_address_has_nothing_to_export_or_erase(person):
    with pytest.raises(ParticipantNotFound):
        export_personal_data("niemand@example.org")
    with pytest.raises(ParticipantNotFound):
        erase_personal_data("niemand@example.org")
    assert Participant.objects.count() == 3


def test_erasing_keeps_contributions_anonymously(person):
    anna = person["anna"]
    summary = erase_personal_data("anna@example.org")
    assert summary == {
        "email": "anna@example.org",
        "contributions_deleted": False,
        "ideas_anonymised": 1,
        "comments_anonymised": 2,
        "ideas_deleted": 1,
        "comments_deleted": 0,
        "comments_emptied": 0,
        "supports_deleted": 1,
        "reports_anonymised": 1,
        "access_links_deleted": 1,
        "registrations_deleted": 0,
        "subscriptions_deleted": 0,
        "emails_deleted": 0,
    }
    assert not Participant.objects.filter(pk=anna.pk).exists()
    idea = Idea.objects.get(pk=person["anna_idea"].pk)
    assert (idea.participant, idea.display_name, idea.title) == (None, "", "Annas Idee")
    assert idea.is_visible
    assert not Idea.objects.filter(title="Unbestätigt").exists()
    comment = DiscussionComment.objects.get(text="Anna zu Bert")
    assert (comment.participant, comment.display_name) == (None, "")
    assert Support.objects.filter(participant_id=anna.pk).count() == 0
    assert Idea.objects.get(pk=person["bert_idea"].pk).support_count == 1
    report = Report.objects.get()
    assert report.participant is None
    assert report.reporter_hash != services.keyed_hash(f"participant:{anna.pk}")
    assert report.explanation == "Annas Begründung"
    assert AccessLink.objects.filter(participant__email="bert@example.org").count()
    assert counter_mismatches() == []
    assert Participant.objects.filter(email="bert@example.org").exists()


def test_erasing_with_the_contributions_deletes_them(person):
    streams = CommentStream.objects.count()
    summary = erase_personal_data("anna@example.org", delete_contributions=True)
    assert summary["ideas_deleted"] == 2
    assert summary["comments_emptied"] == 1  # Bert replied to it
    assert summary["comments_deleted"] == 1  # "Anna allein"
    assert not DiscussionComment.objects.filter(text="Bert dazu").exists()
    assert not Idea.objects.filter(participant__isnull=True).exists()
    assert list(Idea.objects.values_list("title", flat=True)) == ["Berts Idee"]
    assert CommentStream.objects.count() == streams - 2
    assert not DiscussionComment.objects.filter(text__startswith="Anna").exists()
    emptied = DiscussionComment.objects.get(replies__text="Danke")
    assert (emptied.text, emptied.participant) == ("", None)
    assert emptied.withdrawn_at is not None
    assert DiscussionComment.objects.filter(text="Danke").exists()
    assert Report.objects.get().explanation == ""
    assert counter_mismatches() == []


def test_erasing_blanks_the_audit_log_of_deleted_contributions(person, moderator):
    services.hide(person["anna_idea"], moderator, "Telefonnummer")
    erase_personal_data("anna@example.org", delete_contributions=True)
    entry = ModelLogEntry.objects.get(action="participation.hide")
    assert "Annas Idee" not in entry.label
    assert entry.data == {}


# Management commands


def test_the_export_command_prints_json(person, capsys):
    call_command("export_personal_data", "anna@example.org")
    data = json.loads(capsys.readouterr().out)
    assert data["participant"]["email"] == "anna@example.org"


def test_the_export_command_writes_a_file(person, tmp_path):
    target = tmp_path / "anna.json"
    call_command("export_personal_data", "anna@example.org", output=str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["ideas"][0]["title"] == "Annas Idee"


def test_the_erase_command_anonymises(person):
    call_command("erase_personal_data", "anna@example.org", "--yes")
    assert not Participant.objects.filter(email="anna@example.org").exists()
    assert Idea.objects.get(pk=person["anna_idea"].pk).participant is None


def test_the_erase_command_deletes_contributions_when_asked(person):
    call_command(
        "erase_personal_data", "anna@example.org", "--yes", "--delete-contributions"
    )
    assert not Idea.objects.filter(pk=person["anna_idea"].pk).exists()


def test_the_erase_command_asks_first(person, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "nein")
    with pytest.raises(CommandError, match="Nothing was erased"):
        call_command("erase_personal_data", "anna@example.org")
    assert Participant.objects.filter(email="anna@example.org").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["export_personal_data", "niemand@example.org"],
        ["erase_personal_data", "niemand@example.org", "--yes"],
    ],
    ids=["export", "erase"],
)
def test_the_commands_exit_non_zero_for_an_unknown_address(person, argv):
    # manage.py exits with a CommandError's returncode (run_from_argv)
    with pytest.raises(CommandError) as error:
        call_command(*argv)
    assert error.value.returncode == 1
    assert "Nothing is stored for the address 'niemand@example.org'" in str(error.value)
    assert Participant.objects.count() == 3


# The admin page


def test_a_moderator_exports_in_the_admin(person, moderator_client):
    assert moderator_client.get(ADMIN_URL).status_code == 200
    response = moderator_client.post(
        ADMIN_URL, {"email": "anna@example.org", "operation": "export"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["participant"]["email"] == "anna@example.org"
    entry = ModelLogEntry.objects.get(action="participation.export")
    assert "anna" not in entry.label.lower()


def test_erasing_in_the_admin_needs_the_tick(person, moderator_client):
    response = moderator_client.post(
        ADMIN_URL, {"email": "anna@example.org", "operation": "erase"}
    )
    assert response.status_code == 400
    assert "Tick this box to confirm" in response.content.decode()
    assert Participant.objects.filter(email="anna@example.org").exists()
    response = moderator_client.post(
        ADMIN_URL,
        {"email": "anna@example.org", "operation": "erase", "confirm": "on"},
    )
    assert response.status_code == 200
    assert not Participant.objects.filter(email="anna@example.org").exists()
    assert Idea.objects.get(pk=person["anna_idea"].pk).participant is None
    entry = ModelLogEntry.objects.get(action="participation.erase")
    assert entry.data == {"delete_contributions": False}


def test_the_admin_says_when_nothing_is_stored(person, moderator_client):
    response = moderator_client.post(
        ADMIN_URL, {"email": "niemand@example.org", "operation": "export"}
    )
    assert response.status_code == 400
    assert "Nothing is stored for this e-mail address." in response.content.decode()


def test_an_editor_cannot_reach_personal_data(person, client, editor):
    client.force_login(editor)
    response = client.get(ADMIN_URL)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    response = client.post(
        ADMIN_URL,
        {"email": "anna@example.org", "operation": "erase", "confirm": "on"},
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Participant.objects.filter(email="anna@example.org").exists()
    assert reverse("participation_personal_data:index") == ADMIN_URL
