"""The manage link: a participant sees, edits (within the window) and withdraws
their own contributions, and nobody else's."""

import datetime
import re

import pytest
from django.utils import timezone

from participation import services, tokens
from participation.models import (
    PRE_MODERATION,
    AccessLink,
    DiscussionComment,
    Idea,
    Visibility,
)

from .conftest import messages_of, stored_counts, timestamp, url
from .factories import (
    CommentFactory,
    IdeaFactory,
    ParticipantFactory,
    UnconfirmedParticipantFactory,
)

pytestmark = pytest.mark.django_db

MANAGE_URL = re.compile(
    r"http://testserver(/[a-z]{2}/beteiligung/meine-beitraege/[^/\s]+/)"
)


@pytest.fixture
def author():
    return ParticipantFactory(email="autorin@example.org")


@pytest.fixture
def own(author, collection, stream, categories):
    """An idea and a comment of the author, and an idea of someone else."""
    return {
        "idea": IdeaFactory(
            collection=collection,
            participant=author,
            title="Meine Idee",
            category=categories[0],
        ),
        "comment": CommentFactory(stream=stream, participant=author, text="Mein Text"),
        "foreign": IdeaFactory(collection=collection, title="Fremde Idee"),
        "foreign_comment": CommentFactory(stream=stream, text="Fremder Text"),
    }


def manage_url(participant):
    link = services.create_manage_link(participant)
    return url("manage", tokens.make_token(link))


def edit(client, path, contribution, kind="idea", **fields):
    return client.post(
        path, {"kind": kind, "id": str(contribution.pk), "action": "edit", **fields}
    )


def test_the_page_lists_own_contributions_only(client, author, own):
    response = client.get(manage_url(author))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Meine Idee" in html and "Mein Text" in html
    assert "Fremde Idee" not in html and "Fremder Text" not in html
    assert f'href="{url("idea_detail", own["idea"].pk)}"' in html
    assert tokens.COOKIE_NAME in response.cookies


def test_the_author_edits_an_idea_within_the_window(client, author, own, categories):
    path = manage_url(author)
    form = client.get(f"{path}?edit=idea-{own['idea'].pk}")
    assert 'name="title"' in form.content.decode()
    response = edit(
        client,
        path,
        own["idea"],
        title="Meine bessere Idee",
        description="Jetzt genauer beschrieben.",
        category=str(categories[1].pk),
    )
    assert response.status_code == 302
    assert response["Location"] == path
    assert messages_of(response) == ["Your changes have been saved."]
    idea = Idea.objects.get(pk=own["idea"].pk)
    assert (idea.title, idea.description, idea.category) == (
        "Meine bessere Idee",
        "Jetzt genauer beschrieben.",
        categories[1],
    )
    assert idea.edited_at is not None


def test_the_author_edits_a_comment_within_the_window(client, author, own):
    path = manage_url(author)
    response = edit(client, path, own["comment"], kind="comment", text="Korrigiert")
    assert response.status_code == 302
    assert DiscussionComment.objects.get(pk=own["comment"].pk).text == "Korrigiert"


def test_a_bad_edit_is_shown_again_and_changes_nothing(client, author, own, categories):
    path = manage_url(author)
    response = edit(
        client,
        path,
        own["idea"],
        title="x" * 121,
        description="",
        category=str(categories[0].pk),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The title can be at most 120 characters long (it has 121)." in html
    assert "Please describe your idea." in html
    assert 'role="alert"' in html
    idea = Idea.objects.get(pk=own["idea"].pk)
    assert (idea.title, idea.edited_at) == ("Meine Idee", None)


def test_no_edit_after_the_window(client, author, own, categories):
    Idea.objects.filter(pk=own["idea"].pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    path = manage_url(author)
    page = client.get(f"{path}?edit=idea-{own['idea'].pk}").content.decode()
    assert 'name="title"' not in page
    assert f"?edit=idea-{own['idea'].pk}" not in page
    response = edit(
        client,
        path,
        own["idea"],
        title="Zu spät",
        description="x",
        category=str(categories[0].pk),
    )
    assert response.status_code == 302
    assert messages_of(response) == ["This contribution can no longer be changed."]
    assert Idea.objects.get(pk=own["idea"].pk).title == "Meine Idee"


def test_the_edit_window_is_a_setting(client, author, own, settings):
    settings.PARTICIPATION_EDIT_WINDOW_MINUTES = 60
    DiscussionComment.objects.filter(pk=own["comment"].pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    path = manage_url(author)
    assert "within 60 minutes" in client.get(path).content.decode()
    edit(client, path, own["comment"], kind="comment", text="Noch rechtzeitig")
    assert (
        DiscussionComment.objects.get(pk=own["comment"].pk).text == "Noch rechtzeitig"
    )


def test_the_author_withdraws_an_idea(client, author, own):
    path = manage_url(author)
    response = client.post(
        path, {"kind": "idea", "id": str(own["idea"].pk), "action": "withdraw"}
    )
    assert response.status_code == 302
    assert messages_of(response) == ["Your contribution has been withdrawn."]
    assert Idea.objects.get(pk=own["idea"].pk).withdrawn_at is not None
    assert client.get(url("idea_detail", own["idea"].pk)).status_code == 404
    assert "withdrawn" in client.get(path).content.decode()


@pytest.mark.parametrize("action", ["edit", "withdraw"])
def test_someone_elses_contribution_cannot_be_touched(client, author, own, action):
    path = manage_url(author)
    for kind, key in (("idea", "foreign"), ("comment", "foreign_comment")):
        response = client.post(
            path,
            {
                "kind": kind,
                "id": str(own[key].pk),
                "action": action,
                "title": "Gekapert",
                "description": "Gekapert",
                "text": "Gekapert",
            },
        )
        assert response.status_code == 404
    foreign = Idea.objects.get(pk=own["foreign"].pk)
    assert (foreign.title, foreign.withdrawn_at) == ("Fremde Idee", None)
    comment = DiscussionComment.objects.get(pk=own["foreign_comment"].pk)
    assert (comment.text, comment.withdrawn_at) == ("Fremder Text", None)
    page = client.get(f"{path}?edit=idea-{own['foreign'].pk}").content.decode()
    assert "Fremde Idee" not in page


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "measure", "id": "1", "action": "withdraw"},
        {"kind": "idea", "id": "abc", "action": "withdraw"},
        {"kind": "idea", "id": "", "action": "withdraw"},
        {"kind": "idea", "id": "99999999", "action": "withdraw"},
        {"kind": "idea", "id": "OWN", "action": "delete"},
    ],
    ids=["kind", "id-not-a-number", "id-missing", "id-unknown", "action"],
)
def test_a_malformed_request_is_not_found(client, author, own, data):
    if data["id"] == "OWN":
        data = {**data, "id": str(own["idea"].pk)}
    path = manage_url(author)
    before = stored_counts()
    response = client.post(path, data)
    assert response.status_code == 404
    assert stored_counts() == before
    assert Idea.objects.get(pk=own["idea"].pk).withdrawn_at is None


def test_an_invalid_manage_link_is_refused(client, author, own):
    link = services.create_manage_link(author)
    confirm = AccessLink.objects.create(participant=author, purpose=AccessLink.CONFIRM)
    for token in ("kaputt", tokens.make_token(confirm)):
        response = client.get(url("manage", token))
        assert response.status_code == 400
        assert "Meine Idee" not in response.content.decode()
        response = client.post(
            url("manage", token),
            {"kind": "idea", "id": str(own["idea"].pk), "action": "withdraw"},
        )
        assert response.status_code == 400
    assert Idea.objects.get(pk=own["idea"].pk).withdrawn_at is None
    assert client.get(url("manage", tokens.make_token(link))).status_code == 200


def request_link(client, email, **extra):
    data = {"email": email, "website": "", "form_timestamp": timestamp(), **extra}
    return client.post(url("request_manage_link"), data)


def test_a_known_address_gets_a_manage_link_by_mail(
    client, author, own, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = request_link(client, "Autorin@Example.org")
    assert response.status_code == 302
    assert messages_of(response) == [
        "If we know this address, we have sent a link to it. Please look into "
        "your mailbox."
    ]
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["autorin@example.org"]
    path = MANAGE_URL.search(mailoutbox[0].body).group(1)
    assert "Meine Idee" in client.get(path).content.decode()


@pytest.mark.parametrize("known", [False, True], ids=["unknown", "unconfirmed"])
def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    client, mailoutbox, django_capture_on_commit_callbacks, known
):
    if known:
        UnconfirmedParticipantFactory(email="fremd@example.org")
    before = stored_counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = request_link(client, "fremd@example.org")
    assert response.status_code == 302
    assert messages_of(response) == [
        "If we know this address, we have sent a link to it. Please look into "
        "your mailbox."
    ]
    assert mailoutbox == []
    assert stored_counts() == before


def test_an_edit_in_a_pre_moderated_stream_waits_for_the_team_again(
    client, author, stream, moderator
):
    stream.moderation = PRE_MODERATION
    stream.save()
    comment = CommentFactory(
        stream=stream, participant=author, visibility=Visibility.PENDING
    )
    services.approve(comment, moderator)
    edit(client, manage_url(author), comment, kind="comment", text="Jetzt mit Werbung")
    comment.refresh_from_db()
    assert comment.text == "Jetzt mit Werbung"
    assert comment.visibility == Visibility.PENDING
