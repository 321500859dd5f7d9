"""Moderation in the Wagtail admin: the queue, bulk decisions with reasons,
statuses and official answers, opening and closing, the audit log, the
dashboard panel, and who may reach all of this."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from participation import services
from participation.models import (
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaCollection,
    IdeaStatus,
    Visibility,
)

from .factories import (
    CannedReplyFactory,
    CommentFactory,
    IdeaFactory,
    ReportFactory,
)

pytestmark = pytest.mark.django_db

QUEUE = "/admin/participation/moderation/"
ACT = "/admin/participation/moderation/act/"


def admin_messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def actions_logged(instance):
    return list(
        ModelLogEntry.objects.for_instance(instance)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def queue_keys(client, query=""):
    """The items the queue lists, in order, as 'idea:12' / 'comment:3'."""
    response = client.get(f"{QUEUE}?{query}" if query else QUEUE)
    assert response.status_code == 200
    return [f"{row['kind']}:{row['id']}" for row in response.context["object_list"]]


@pytest.fixture
def waiting(collection, stream):
    """What waits: a pending idea, a pending comment, a reported idea and a
    reported comment; and what does not: published, unconfirmed, withdrawn,
    decided reports."""
    published = IdeaFactory(collection=collection, title="Schon öffentlich")
    items = {
        "pending_idea": IdeaFactory(
            collection=collection,
            visibility=Visibility.PENDING,
            title="Wartende Idee mit Parkbank",
            participant__email="idee@example.org",
        ),
        "pending_comment": CommentFactory(
            stream=stream,
            visibility=Visibility.PENDING,
            text="Wartender Kommentar",
            participant__email="kommentar@example.org",
        ),
        "reported_idea": IdeaFactory(collection=collection, title="Gemeldete Idee"),
        "reported_comment": CommentFactory(
            stream=published.discussion, text="Gemeldeter Kommentar"
        ),
        "published": published,
        "unconfirmed": IdeaFactory(
            collection=collection, visibility=Visibility.PENDING, confirmed_at=None
        ),
        "withdrawn": IdeaFactory(
            collection=collection,
            visibility=Visibility.PENDING,
            withdrawn_at=timezone.now(),
        ),
        "settled": IdeaFactory(collection=collection, title="Entschieden"),
    }
    ReportFactory(content_object=items["reported_idea"])
    ReportFactory(content_object=items["reported_comment"])
    ReportFactory(content_object=items["settled"], resolved_at=timezone.now())
    return items


def key(contribution):
    kind = "idea" if isinstance(contribution, Idea) else "comment"
    return f"{kind}:{contribution.pk}"


def test_the_queue_lists_what_waits(moderator_client, waiting):
    expected = [
        key(waiting[name])
        for name in (
            "pending_idea",
            "pending_comment",
            "reported_idea",
            "reported_comment",
        )
    ]
    assert queue_keys(moderator_client) == expected  # oldest first
    html = moderator_client.get(QUEUE).content.decode()
    assert "Wartende Idee mit Parkbank" in html
    for name in ("published", "unconfirmed", "withdrawn", "settled"):
        assert f'value="{key(waiting[name])}"' not in html


@pytest.mark.parametrize(
    "query, names",
    [
        ("kind=idea", ["pending_idea", "reported_idea"]),
        ("kind=comment", ["pending_comment", "reported_comment"]),
        ("reason=waiting", ["pending_idea", "pending_comment"]),
        ("reason=reported", ["reported_idea", "reported_comment"]),
        ("reason=reported&kind=comment", ["reported_comment"]),
        ("visibility=pending", ["pending_idea", "pending_comment"]),
        ("q=parkbank", ["pending_idea"]),
        ("q=Wartender", ["pending_comment"]),
        ("q=nichts-passt", []),
        (
            "ordering=-created_at",
            ["reported_comment", "reported_idea", "pending_comment", "pending_idea"],
        ),
    ],
)
def test_the_queue_filters_and_searches(moderator_client, waiting, query, names):
    assert queue_keys(moderator_client, query) == [key(waiting[n]) for n in names]


def test_the_queue_filters_by_collection_and_stream(
    moderator_client, waiting, collection, stream
):
    assert queue_keys(moderator_client, f"collection={collection.pk}") == [
        key(waiting["pending_idea"]),
        key(waiting["reported_idea"]),
        key(waiting["reported_comment"]),  # in the discussion of an idea
    ]
    assert queue_keys(moderator_client, f"stream={stream.pk}") == [
        key(waiting["pending_comment"])
    ]


def test_the_queue_filters_by_date(moderator_client, waiting):
    ten_days_ago = timezone.now() - datetime.timedelta(days=10)
    Idea.objects.filter(pk=waiting["pending_idea"].pk).update(created_at=ten_days_ago)
    since = (timezone.localdate() - datetime.timedelta(days=5)).isoformat()
    until = (timezone.localdate() - datetime.timedelta(days=9)).isoformat()
    assert key(waiting["pending_idea"]) not in queue_keys(
        moderator_client, f"created_at_from={since}"
    )
    assert queue_keys(moderator_client, f"created_at_to={until}") == [
        key(waiting["pending_idea"])
    ]


def test_the_queue_filters_by_page(moderator_client, participation_page, waiting):
    assert len(queue_keys(moderator_client, f"page={participation_page.pk}")) == 4


def bulk(client, action, items, **extra):
    data = {"action": action, "items": [key(c) for c in items], **extra}
    return client.post(ACT, data)


def test_bulk_approve(
    moderator_client, moderator, waiting, mailoutbox, django_capture_on_commit_callbacks
):
    items = [waiting["pending_idea"], waiting["pending_comment"]]
    with django_capture_on_commit_callbacks(execute=True):
        response = bulk(moderator_client, "approve", items)
    assert response.status_code == 302
    assert admin_messages(response) == ["2 items approved and public."]
    for contribution in items:
        contribution.refresh_from_db()
        assert contribution.is_visible
        entry = ModelLogEntry.objects.for_instance(contribution).get()
        assert (entry.action, entry.user) == ("participation.approve", moderator)
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "idee@example.org",
        "kommentar@example.org",
    ]
    assert queue_keys(moderator_client) == [
        key(waiting["reported_idea"]),
        key(waiting["reported_comment"]),
    ]


@pytest.mark.parametrize("action", ["hide", "reject"])
def test_hide_and_reject_need_a_reason(moderator_client, waiting, action):
    items = [waiting["pending_idea"], waiting["reported_comment"]]
    response = bulk(moderator_client, action, items, reason="   ")
    assert response.status_code == 400
    assert (
        "Choose a canned reply or write a reason to hide or reject."
        in response.content.decode()
    )
    assert Idea.objects.get(pk=items[0].pk).visibility == Visibility.PENDING
    assert DiscussionComment.objects.get(pk=items[1].pk).is_visible
    assert not ModelLogEntry.objects.filter(
        action__startswith="participation."
    ).exists()


def test_bulk_hide_with_a_canned_reply_in_the_authors_language(
    moderator_client, waiting, locale, mailoutbox, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    reply = CannedReplyFactory(title="Werbung", text="Werbung zeigen wir nicht.")
    english, _created = Locale.objects.get_or_create(language_code="en")
    translated = reply.copy_for_translation(english)
    translated.text = "We do not show advertising."
    translated.save()
    german = waiting["reported_idea"]
    english_comment = waiting["reported_comment"]
    DiscussionComment.objects.filter(pk=english_comment.pk).update(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = bulk(
            moderator_client,
            "hide",
            [german, english_comment],
            canned_reply=str(reply.pk),
        )
    assert response.status_code == 302
    assert admin_messages(response) == ["2 items hidden from the public."]
    german.refresh_from_db()
    english_comment.refresh_from_db()
    assert (german.visibility, german.moderation_reason) == (
        Visibility.HIDDEN,
        "Werbung zeigen wir nicht.",
    )
    assert english_comment.moderation_reason == "We do not show advertising."
    assert Idea.objects.get(pk=waiting["published"].pk).comment_count == 0
    assert actions_logged(german) == ["participation.hide"]
    assert queue_keys(moderator_client) == [
        key(waiting["pending_idea"]),
        key(waiting["pending_comment"]),
    ]


def test_bulk_reject_with_a_written_reason(moderator_client, waiting):
    response = bulk(
        moderator_client, "reject", [waiting["pending_idea"]], reason="Doppelt."
    )
    assert response.status_code == 302
    idea = Idea.objects.get(pk=waiting["pending_idea"].pk)
    assert (idea.visibility, idea.moderation_reason) == (
        Visibility.REJECTED,
        "Doppelt.",
    )
    entry = ModelLogEntry.objects.get(action="participation.reject")
    assert entry.data == {"reason": "Doppelt."}


@pytest.mark.parametrize(
    "data, message",
    [
        ({"action": "approve"}, "Select at least one idea or comment."),
        (
            {"action": "approve", "items": ["idea:x"]},
            "The selection could not be read.",
        ),
        ({"action": "publish", "items": ["idea:1"]}, "Choose what to do"),
    ],
)
def test_a_bad_bulk_request_changes_nothing(moderator_client, waiting, data, message):
    response = moderator_client.post(ACT, data)
    assert response.status_code == 302
    assert any(message in m for m in admin_messages(response))
    assert Idea.objects.get(pk=waiting["pending_idea"].pk).visibility == "pending"
    assert not ModelLogEntry.objects.filter(
        action__startswith="participation."
    ).exists()


def moderation_url(name, *args):
    return reverse(f"participation_moderation:{name}", args=args)


def test_the_moderation_page_of_an_idea(moderator_client, waiting):
    idea = waiting["reported_idea"]
    response = moderator_client.get(moderation_url("idea", idea.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gemeldete Idee" in html
    assert moderation_url("idea_status", idea.pk) in html
    assert moderation_url("idea_answer", idea.pk) in html
    # a 404 outside i18n_patterns is redirected to /de/… first, which 404s too
    response = moderator_client.get(moderation_url("idea", 999999), follow=True)
    assert response.status_code == 404


def test_a_status_change_through_the_admin(
    moderator_client, moderator, waiting, mailoutbox, django_capture_on_commit_callbacks
):
    idea = waiting["published"]
    path = moderation_url("idea_status", idea.pk)
    response = moderator_client.post(path, {"status": "not_pursued", "reason": ""})
    assert response.status_code == 400
    assert (
        "Give a public reason why the idea is not pursued." in response.content.decode()
    )
    assert Idea.objects.get(pk=idea.pk).status == IdeaStatus.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            path, {"status": "not_pursued", "reason": "Zuständig ist der Kreis."}
        )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.status, idea.status_reason) == (
        IdeaStatus.NOT_PURSUED,
        "Zuständig ist der Kreis.",
    )
    assert len(mailoutbox) == 1
    entry = ModelLogEntry.objects.get(action="participation.status")
    assert (entry.user, entry.data["from"], entry.data["to"]) == (
        moderator,
        "published",
        "not_pursued",
    )


def test_merging_through_the_admin_needs_an_idea_of_the_collection(
    moderator_client, waiting, collection
):
    idea = waiting["published"]
    path = moderation_url("idea_status", idea.pk)
    other_collection = IdeaFactory(title="Anderswo")
    for target in ("", str(idea.pk), str(other_collection.pk)):
        response = moderator_client.post(
            path, {"status": "merged", "merged_into": target}
        )
        assert response.status_code == 400
    assert Idea.objects.get(pk=idea.pk).status == IdeaStatus.PUBLISHED
    target = waiting["reported_idea"]
    response = moderator_client.post(
        path, {"status": "merged", "merged_into": str(target.pk)}
    )
    assert response.status_code == 302
    assert Idea.objects.get(pk=idea.pk).merged_into == target


def test_an_official_answer_through_the_admin(
    moderator_client, waiting, mailoutbox, django_capture_on_commit_callbacks
):
    idea = waiting["published"]
    path = moderation_url("idea_answer", idea.pk)
    assert moderator_client.post(path, {"text": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(path, {"text": "Wir prüfen das bis Mai."})
    assert response.status_code == 302
    assert Idea.objects.get(pk=idea.pk).official_answer == "Wir prüfen das bis Mai."
    assert len(mailoutbox) == 1
    assert actions_logged(idea) == ["participation.answer"]


def test_an_official_comment_through_the_admin(moderator_client, moderator, waiting):
    idea = waiting["published"]
    top = waiting["reported_comment"]
    response = moderator_client.post(
        moderation_url("official_comment", idea.discussion_id),
        {"text": "Antwort der Stadt", "language": "de", "parent": str(top.pk)},
    )
    assert response.status_code == 302
    answer = DiscussionComment.objects.get(is_official=True)
    assert (answer.parent, answer.staff_author, answer.is_visible) == (
        top,
        moderator,
        True,
    )
    assert actions_logged(answer) == ["participation.official_answer"]


@pytest.mark.parametrize("model", [IdeaCollection, CommentStream])
def test_opening_and_closing_is_logged(
    moderator_client, moderator, participation_page, model
):
    space = model.objects.get(page=participation_page)
    name = "collection" if model is IdeaCollection else "stream"
    path = moderation_url(name, space.pk)
    assert moderator_client.get(path).status_code == 200
    response = moderator_client.post(path, {"is_open": "0"})
    assert response.status_code == 302
    space.refresh_from_db()
    assert space.is_open is False
    assert "is closed" in admin_messages(response)[-1]
    response = moderator_client.post(path, {"is_open": "0"})
    assert "was already closed" in admin_messages(response)[-1]
    moderator_client.post(path, {"is_open": "1"})
    space.refresh_from_db()
    assert space.is_open is True
    response = moderator_client.post(path, {"is_open": "maybe"})
    assert admin_messages(response)[-1] == "Nothing was changed: unknown request."
    assert actions_logged(space) == ["participation.close", "participation.open"]
    entry = ModelLogEntry.objects.for_instance(space).first()
    assert entry.user == moderator


def test_a_staff_edit_keeps_the_original_in_the_history(moderator_client, waiting):
    idea = waiting["published"]
    path = reverse("participation_ideas:edit", args=[idea.pk])
    response = moderator_client.post(
        path,
        {
            "title": idea.title,
            "description": "Ohne Telefonnummer.",
            "location_text": "",
            "display_name": idea.display_name,
        },
    )
    assert response.status_code == 302
    assert Idea.objects.get(pk=idea.pk).description == "Ohne Telefonnummer."
    entry = ModelLogEntry.objects.get(action="participation.edit")
    assert entry.data["fields"] == ["description"]
    assert entry.data["old"] == {"description": idea.description}


def test_contributions_cannot_be_added_or_deleted_in_the_admin(
    moderator_client, waiting
):
    idea = waiting["published"]
    for path in (
        "/admin/participation/ideas/new/",
        f"/admin/participation/ideas/delete/{idea.pk}/",
    ):
        response = moderator_client.post(path, {"title": "Von der Verwaltung"})
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Idea.objects.filter(pk=idea.pk).exists()
    assert not Idea.objects.filter(title="Von der Verwaltung").exists()


# The dashboard and who may do what


def test_the_dashboard_panel_counts_what_waits(moderator_client, waiting):
    html = moderator_client.get("/admin/").content.decode()
    assert "1 idea waits for approval" in html
    assert "1 comment waits for approval" in html
    assert "2 reported items wait for a decision" in html


def test_the_dashboard_panel_says_when_nothing_waits(moderator_client, collection):
    assert (
        "Nothing waits for moderation."
        in moderator_client.get("/admin/").content.decode()
    )


def test_a_moderator_reaches_the_queue_but_not_pages(
    moderator_client, participation_page, waiting
):
    assert moderator_client.get(QUEUE).status_code == 200
    for path in (
        "/admin/pages/",
        f"/admin/pages/{participation_page.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
    ):
        response = moderator_client.get(path)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), path


def test_an_editor_cannot_reach_the_queue(client, editor, waiting):
    client.force_login(editor)
    assert client.get("/admin/pages/").status_code == 200
    for path in (QUEUE, moderation_url("idea", waiting["pending_idea"].pk)):
        response = client.get(path)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    response = client.post(
        ACT, {"action": "approve", "items": [key(waiting["pending_idea"])]}
    )
    assert response.status_code == 302
    assert Idea.objects.get(pk=waiting["pending_idea"].pk).visibility == "pending"
    assert "Waiting for moderation" not in client.get("/admin/").content.decode()


def test_moderation_history_lists_the_actions(moderator_client, moderator, waiting):
    services.approve(waiting["pending_idea"], moderator)
    response = moderator_client.get("/admin/participation/history/")
    assert response.status_code == 302
    assert "action=participation.approve" in response["Location"]
