"""Reports: at the threshold an idea or comment is hidden until a moderator
decides; one report per reporter; floods are rate-limited."""

import pytest
from django.contrib.contenttypes.models import ContentType

from participation import services
from participation.models import DiscussionComment, Idea, Report, Visibility

from .conftest import de, messages_of, remember, stored_counts, timestamp, url
from .factories import CommentFactory, IdeaFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def report(client, kind, contribution, ip="10.0.0.1", **data):
    form = {
        "reason": "spam",
        "explanation": "Werbung für einen Laden.",
        "website": "",
        "form_timestamp": timestamp(),
        **data,
    }
    return client.post(url("report", kind, contribution.pk), form, REMOTE_ADDR=ip)


@pytest.fixture
def idea(collection, participation_page):
    return IdeaFactory(collection=collection, title="Kauft bei uns")


def test_the_report_form(client, idea):
    response = client.get(url("report", "idea", idea.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kauft bei uns" in html
    assert 'name="reason"' in html and 'name="form_timestamp"' in html


def test_a_report_is_stored_without_the_address_or_ip(client, idea):
    response = report(client, "idea", idea)
    assert response.status_code == 302
    assert response["Location"] == url("idea_detail", idea.pk)
    assert messages_of(response) == [
        "Thank you for your report. Our team will look at it."
    ]
    stored = Report.objects.get()
    assert (stored.content_object, stored.reason, stored.explanation) == (
        idea,
        "spam",
        "Werbung für einen Laden.",
    )
    assert stored.reporter_hash == services.keyed_hash("ip:10.0.0.1")
    assert "10.0.0.1" not in stored.reporter_hash
    assert Idea.objects.get(pk=idea.pk).report_count == 1


def test_the_same_reporter_counts_once(client, idea):
    report(client, "idea", idea)
    before = stored_counts()
    response = report(client, "idea", idea, reason="offensive")
    assert messages_of(response)[-1] == "You have already reported this."
    assert stored_counts() == before
    assert Idea.objects.get(pk=idea.pk).report_count == 1


def test_a_remembered_participant_counts_once_from_any_ip(client, idea):
    remember(client, ParticipantFactory())
    report(client, "idea", idea, ip="10.0.0.1")
    report(client, "idea", idea, ip="10.0.0.2")
    assert Report.objects.count() == 1


def test_three_reports_hide_an_idea_until_a_moderator_decides(
    client, idea, collection, participation_page, moderator_client, moderator
):
    for number in (1, 2):
        report(client, "idea", idea, ip=f"10.0.0.{number}")
    assert client.get(url("idea_detail", idea.pk)).status_code == 200
    response = report(client, "idea", idea, ip="10.0.0.3")
    assert response.status_code == 302
    assert response["Location"] == participation_page.url  # its page is gone
    idea.refresh_from_db()
    assert (idea.report_count, idea.visibility) == (3, Visibility.HIDDEN)
    assert client.get(url("idea_detail", idea.pk)).status_code == 404
    assert "Kauft bei uns" not in client.get(participation_page.url).content.decode()
    queue = moderator_client.get("/admin/participation/moderation/?reason=reported")
    assert [row["id"] for row in queue.context["object_list"]] == [idea.pk]
    services.approve(idea, moderator)
    assert client.get(url("idea_detail", idea.pk)).status_code == 200
    assert not Report.objects.filter(resolved_at__isnull=True).exists()


def test_the_threshold_is_a_setting(client, idea, settings):
    settings.PARTICIPATION_REPORT_THRESHOLD = 2
    report(client, "idea", idea, ip="10.0.0.1")
    assert Idea.objects.get(pk=idea.pk).visibility == Visibility.PUBLISHED
    report(client, "idea", idea, ip="10.0.0.2")
    assert Idea.objects.get(pk=idea.pk).visibility == Visibility.HIDDEN


def test_a_reported_comment_is_replaced_by_a_notice(
    client, idea, participation_page, stream
):
    comment = CommentFactory(stream=stream, text="Billig kaufen bei uns!")
    for number in (1, 2, 3):
        report(client, "comment", comment, ip=f"10.0.1.{number}")
    comment.refresh_from_db()
    assert comment.visibility == Visibility.HIDDEN
    html = client.get(participation_page.url).content.decode()
    assert "Billig kaufen bei uns!" not in html
    assert (
        de(
            "This comment was hidden after reports and waits for a decision by the "
            "moderation."
        )
        in html
    )


def test_a_comment_on_an_idea_leaves_the_ideas_count_when_hidden(
    client, idea, settings
):
    settings.PARTICIPATION_REPORT_THRESHOLD = 1
    comment = CommentFactory(stream=idea.discussion)
    assert Idea.objects.get(pk=idea.pk).comment_count == 1
    response = report(client, "comment", comment)
    assert response["Location"] == f"{url('idea_detail', idea.pk)}#comment-{comment.pk}"
    assert Idea.objects.get(pk=idea.pk).comment_count == 0


def test_a_report_flood_is_rate_limited(client, collection, settings):
    settings.PARTICIPATION_RATE_LIMITS = {"report": 3}
    ideas = [IdeaFactory(collection=collection) for _ in range(4)]
    for idea in ideas[:3]:
        assert report(client, "idea", idea).status_code == 302
    before = stored_counts()
    response = report(client, "idea", ideas[3])
    assert response.status_code == 200
    assert (
        "You have sent many reports within a short time." in response.content.decode()
    )
    assert stored_counts() == before
    # another IP may still report
    assert report(client, "idea", ideas[3], ip="10.9.9.9").status_code == 302
    assert (
        Report.objects.filter(
            content_type=ContentType.objects.get_for_model(Idea), object_id=ideas[3].pk
        ).count()
        == 1
    )


@pytest.mark.parametrize(
    "kind, pk",
    [("measure", None), ("idea", 999999), ("comment", 999999), ("Idea", None)],
    ids=["unknown-kind", "unknown-idea", "unknown-comment", "kind-case"],
)
def test_a_wrong_report_url_is_not_found(client, idea, kind, pk):
    pk = pk or idea.pk
    before = stored_counts()
    assert client.get(url("report", kind, pk)).status_code == 404
    form = {"reason": "spam", "website": "", "form_timestamp": timestamp()}
    assert client.post(url("report", kind, pk), form).status_code == 404
    assert stored_counts() == before


def test_what_the_public_may_not_see_cannot_be_reported(client, collection, stream):
    hidden = IdeaFactory(collection=collection, visibility=Visibility.PENDING)
    pending = CommentFactory(stream=stream, visibility=Visibility.PENDING)
    assert report(client, "idea", hidden).status_code == 404
    assert report(client, "comment", pending).status_code == 404
    assert Report.objects.count() == 0
    assert DiscussionComment.objects.get(pk=pending.pk).report_count == 0
