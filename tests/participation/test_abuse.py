"""Bad input thrown at every public form: each gets a clear message, no 500,
and stores nothing (no row, no mail)."""

import dataclasses
import time

import pytest
from django.core import signing
from django.utils.html import escape

from participation import antispam
from participation.models import DiscussionComment, Idea

from .conftest import remember, stored_counts, timestamp, url
from .factories import CommentFactory, IdeaFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

# An invalid form is shown again, with its errors, on a page of its own.
SHOWN_AGAIN = 200

IDEA, COMMENT, REPLY, IDEA_COMMENT = "idea", "comment", "reply", "idea_comment"
SUPPORT_BY_MAIL, SUPPORT, REPORT_IDEA, REPORT_COMMENT, MANAGE_LINK = (
    "support_by_mail",
    "support",
    "report_idea",
    "report_comment",
    "manage_link",
)
ALL_FORMS = [
    IDEA,
    COMMENT,
    REPLY,
    IDEA_COMMENT,
    SUPPORT_BY_MAIL,
    SUPPORT,
    REPORT_IDEA,
    REPORT_COMMENT,
    MANAGE_LINK,
]
WITH_EMAIL = [IDEA, COMMENT, REPLY, IDEA_COMMENT, SUPPORT_BY_MAIL, MANAGE_LINK]
WITH_CONSENT = [IDEA, COMMENT, REPLY, IDEA_COMMENT, SUPPORT_BY_MAIL]
WITH_TIMESTAMP = [
    IDEA,
    COMMENT,
    REPLY,
    IDEA_COMMENT,
    SUPPORT_BY_MAIL,
    REPORT_IDEA,
    REPORT_COMMENT,
    MANAGE_LINK,
]
COMMENT_FORMS = [COMMENT, REPLY, IDEA_COMMENT]


@dataclasses.dataclass
class Target:
    url: str
    data: dict


@pytest.fixture
def places(client, participation_page, collection, stream, categories):
    idea = IdeaFactory(collection=collection, title="Eine Idee")
    return {
        "collection": collection,
        "stream": stream,
        "idea": idea,
        "comment": CommentFactory(stream=stream, text="Ein Kommentar"),
        "category": categories[0],
    }


def target(name, places, client):
    """The URL and valid data of a public form."""
    participant = {
        "email": "neu@example.org",
        "display_name": "Neu",
        "consent": "on",
    }
    spam_guard = {"website": "", "form_timestamp": timestamp()}
    idea, stream = places["idea"], places["stream"]
    if name == IDEA:
        return Target(
            url("submit_idea", places["collection"].pk),
            {
                "title": "Sichere Radwege",
                "description": "Vor der Schule fehlt ein Radweg.",
                "category": str(places["category"].pk),
                **participant,
                **spam_guard,
            },
        )
    if name in COMMENT_FORMS:
        data = {"text": "Ich stimme zu.", **participant, **spam_guard}
        if name == REPLY:
            data["parent"] = str(places["comment"].pk)
        target_stream = idea.discussion_id if name == IDEA_COMMENT else stream.pk
        return Target(url("submit_comment", target_stream), data)
    if name == SUPPORT_BY_MAIL:
        return Target(
            url("support", idea.pk),
            {"email": "neu@example.org", "consent": "on", **spam_guard},
        )
    if name == SUPPORT:
        remember(client, ParticipantFactory(email="fan@example.org"))
        return Target(url("support", idea.pk), {"action": "support", "website": ""})
    if name in (REPORT_IDEA, REPORT_COMMENT):
        kind, pk = (
            ("idea", idea.pk)
            if name == REPORT_IDEA
            else ("comment", places["comment"].pk)
        )
        return Target(
            url("report", kind, pk),
            {"reason": "spam", "explanation": "Werbung.", **spam_guard},
        )
    if name == MANAGE_LINK:
        return Target(
            url("request_manage_link"), {"email": "neu@example.org", **spam_guard}
        )
    raise ValueError(name)


def assert_refused(client, target, data, message, mailoutbox, capture):
    """POST the data: the form comes back with the message; nothing is stored."""
    before = stored_counts()
    with capture(execute=True):
        response = client.post(target.url, data)
    assert response.status_code == SHOWN_AGAIN
    html = response.content.decode()
    assert escape(message) in html
    assert 'role="alert"' in html
    assert stored_counts() == before
    assert mailoutbox == []
    return html


def test_every_form_takes_its_valid_data(
    client, places, mailoutbox, django_capture_on_commit_callbacks
):
    """The baseline for the tests below: the same data, unchanged, is stored."""
    for name in ALL_FORMS:
        client.cookies.clear()
        form = target(name, places, client)
        before = stored_counts()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(form.url, form.data)
        assert response.status_code == 302, (name, response.content.decode()[-3000:])
        assert stored_counts() != before or name == MANAGE_LINK, name


EMPTY = {
    IDEA: ({"title": "", "description": ""}, "Please give your idea a title."),
    COMMENT: ({"text": ""}, "Please write a comment."),
    REPLY: ({"text": "   "}, "Please write a comment."),
    IDEA_COMMENT: ({"text": ""}, "Please write a comment."),
    SUPPORT_BY_MAIL: ({"email": ""}, "Please enter your e-mail address."),
    SUPPORT: ({"action": ""}, "This field is required."),
    REPORT_IDEA: ({"reason": ""}, "Please choose a reason."),
    REPORT_COMMENT: ({"reason": ""}, "Please choose a reason."),
    MANAGE_LINK: ({"email": ""}, "Please enter your e-mail address."),
}


@pytest.mark.parametrize("name", ALL_FORMS)
def test_empty(client, places, mailoutbox, django_capture_on_commit_callbacks, name):
    form = target(name, places, client)
    changes, message = EMPTY[name]
    assert_refused(
        client,
        form,
        {**form.data, **changes},
        message,
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


@pytest.mark.parametrize("name", ALL_FORMS)
def test_an_empty_post(client, places, mailoutbox, name):
    form = target(name, places, client)
    before = stored_counts()
    response = client.post(form.url, {})
    assert response.status_code == SHOWN_AGAIN
    assert 'role="alert"' in response.content.decode()
    assert stored_counts() == before
    assert mailoutbox == []


TOO_LONG = [
    (IDEA, "title", 121, "The title can be at most 120 characters long (it has 121)."),
    (
        IDEA,
        "description",
        5001,
        "The description can be at most 5000 characters long (it has 5001).",
    ),
    (
        IDEA,
        "display_name",
        61,
        "The display name can be at most 60 characters long (it has 61).",
    ),
    (
        COMMENT,
        "text",
        3001,
        "The comment can be at most 3000 characters long (it has 3001).",
    ),
    (
        REPLY,
        "text",
        3001,
        "The comment can be at most 3000 characters long (it has 3001).",
    ),
    (
        IDEA_COMMENT,
        "display_name",
        61,
        "The display name can be at most 60 characters long (it has 61).",
    ),
    (
        REPORT_IDEA,
        "explanation",
        1001,
        "The explanation can be at most 1000 characters long (it has 1001).",
    ),
    (
        REPORT_COMMENT,
        "explanation",
        1001,
        "The explanation can be at most 1000 characters long (it has 1001).",
    ),
    (SUPPORT_BY_MAIL, "email", 255, "Ensure this value has at most 254 characters"),
    (MANAGE_LINK, "email", 255, "Ensure this value has at most 254 characters"),
]


@pytest.mark.parametrize(
    "name, field, length, message", TOO_LONG, ids=[f"{t[0]}-{t[1]}" for t in TOO_LONG]
)
def test_too_long(
    client,
    places,
    mailoutbox,
    django_capture_on_commit_callbacks,
    name,
    field,
    length,
    message,
):
    form = target(name, places, client)
    value = "a" * length
    if field == "email":
        value = "a" * (length - len("@example.org")) + "@example.org"
    assert_refused(
        client,
        form,
        {**form.data, field: value},
        message,
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


def test_the_longest_allowed_texts_are_stored(client, places):
    form = target(IDEA, places, client)
    client.post(
        form.url,
        {**form.data, "title": "t" * 120, "description": "d" * 5000},
    )
    assert Idea.objects.filter(title="t" * 120, description="d" * 5000).exists()
    form = target(COMMENT, places, client)
    client.post(form.url, {**form.data, "text": "k" * 3000})
    assert DiscussionComment.objects.filter(text="k" * 3000).exists()


CONTROL = "The text contains invisible control characters."
CONTROL_CASES = [
    (IDEA, "title", "Rad\x07weg"),
    (IDEA, "description", "Zeile\x1b[31m rot"),
    (IDEA, "display_name", "Neu\x08"),
    (COMMENT, "text", "Text mit \x0b Tab"),
    (REPLY, "text", "\x7f"),
    (REPORT_IDEA, "explanation", "Klingel\x07"),
    (REPORT_COMMENT, "explanation", "\x1b"),
]


@pytest.mark.parametrize(
    "name, field, value",
    CONTROL_CASES,
    ids=[f"{c[0]}-{c[1]}" for c in CONTROL_CASES],
)
def test_control_characters_are_refused(
    client, places, mailoutbox, django_capture_on_commit_callbacks, name, field, value
):
    form = target(name, places, client)
    assert_refused(
        client,
        form,
        {**form.data, field: value},
        CONTROL,
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


@pytest.mark.parametrize("name", [IDEA, COMMENT, REPORT_IDEA])
def test_a_null_character_is_refused(client, places, mailoutbox, name):
    form = target(name, places, client)
    field = {IDEA: "title", COMMENT: "text", REPORT_IDEA: "explanation"}[name]
    before = stored_counts()
    response = client.post(form.url, {**form.data, field: "Null\x00Byte"})
    assert response.status_code == SHOWN_AGAIN
    assert "Null characters are not allowed." in response.content.decode()
    assert stored_counts() == before


def test_zero_width_characters_are_stripped_and_text_normalised(client, places):
    form = target(IDEA, places, client)
    client.post(
        form.url,
        {
            **form.data,
            "title": "\u200bFahr\u200crad\u200dweg\u2060\ufeff Cafe\u0301",
            "description": "Zeile 1\r\nZeile 2\tmit Tab\r",
            "display_name": "Ne\u200bu",
        },
    )
    idea = Idea.objects.get(collection=places["collection"], display_name="Neu")
    assert idea.title == "Fahrradweg Café"
    assert idea.description == "Zeile 1\nZeile 2\tmit Tab"
    form = target(COMMENT, places, client)
    client.post(form.url, {**form.data, "text": "Gu\u200bt\ufeff"})
    assert DiscussionComment.objects.filter(text="Gut").exists()


@pytest.mark.parametrize(
    "name, field, message",
    [
        (COMMENT, "text", "Please write a comment."),
        (IDEA, "title", "Please give your idea a title."),
        (IDEA, "description", "Please describe your idea."),
    ],
)
def test_a_text_of_zero_width_characters_only_is_empty(
    client, places, mailoutbox, name, field, message
):
    form = target(name, places, client)
    before = stored_counts()
    response = client.post(form.url, {**form.data, field: "\u200b\u200d\ufeff"})
    assert response.status_code == SHOWN_AGAIN
    assert message in response.content.decode()
    assert stored_counts() == before


@pytest.mark.parametrize("name", WITH_EMAIL)
@pytest.mark.parametrize(
    "email",
    ["keine-adresse", "a@b", "jemand@", "@example.org", "a b@example.org", "a@@x.org"],
)
def test_invalid_email(
    client, places, mailoutbox, django_capture_on_commit_callbacks, name, email
):
    form = target(name, places, client)
    assert_refused(
        client,
        form,
        {**form.data, "email": email},
        "Please enter a complete e-mail address, e.g. name@example.org.",
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


@pytest.mark.parametrize("name", WITH_CONSENT)
def test_missing_consent(
    client, places, mailoutbox, django_capture_on_commit_callbacks, name
):
    form = target(name, places, client)
    data = {key: value for key, value in form.data.items() if key != "consent"}
    assert_refused(
        client,
        form,
        data,
        "Please agree to the privacy notice, or we cannot store it.",
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


@pytest.mark.parametrize("name", ALL_FORMS)
def test_honeypot_filled(
    client, places, mailoutbox, django_capture_on_commit_callbacks, name
):
    form = target(name, places, client)
    assert_refused(
        client,
        form,
        {**form.data, "website": "http://spam.example"},
        "Please leave the field 'Leave this field empty' empty; it is there to keep "
        "out robots.",
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


@pytest.mark.parametrize("name", WITH_TIMESTAMP)
def test_sent_too_fast(
    client, places, mailoutbox, django_capture_on_commit_callbacks, name
):
    form = target(name, places, client)
    assert_refused(
        client,
        form,
        {**form.data, "form_timestamp": timestamp(seconds_ago=1)},
        "The form was sent very quickly, so we could not tell you from a robot.",
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


def forged_timestamp():
    """A timestamp claiming the form was shown a minute ago, signed with another
    key."""
    return signing.dumps(
        {"t": time.time() - 60}, key="not-the-secret-key", salt=antispam.TIMESTAMP_SALT
    )


def edited_timestamp():
    """A genuine timestamp whose payload was changed to look older."""
    value = antispam.make_timestamp()
    payload, rest = value.split(":", 1)
    other = signing.dumps({"t": time.time() - 3600}, salt=antispam.TIMESTAMP_SALT)
    return other.split(":", 1)[0] + ":" + rest if payload else value


TAMPERED = {
    "missing": None,
    "empty": "",
    "garbage": "12345",
    "forged": forged_timestamp,
    "edited": edited_timestamp,
    "not-a-number": lambda: signing.dumps(
        {"t": "gestern"}, salt=antispam.TIMESTAMP_SALT
    ),
}


@pytest.mark.parametrize("name", WITH_TIMESTAMP)
@pytest.mark.parametrize("how", list(TAMPERED))
def test_tampered_timestamp(
    client, places, mailoutbox, django_capture_on_commit_callbacks, name, how
):
    form = target(name, places, client)
    value = TAMPERED[how]
    data = dict(form.data)
    if value is None:
        del data["form_timestamp"]
    else:
        data["form_timestamp"] = value() if callable(value) else value
    assert_refused(
        client,
        form,
        data,
        "The form could not be checked. Please check your entries and send it again.",
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


@pytest.mark.parametrize("name", [IDEA, COMMENT, REPORT_IDEA, MANAGE_LINK])
def test_a_form_left_open_for_a_day_has_expired(
    client, places, mailoutbox, django_capture_on_commit_callbacks, name
):
    form = target(name, places, client)
    assert_refused(
        client,
        form,
        {**form.data, "form_timestamp": timestamp(seconds_ago=25 * 3600)},
        "The form was open for a long time and has expired.",
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


LINKS = "Siehe https://a.example.org, www.b.example und shop.example.com/kaufen"


@pytest.mark.parametrize(
    "name, field",
    [(IDEA, "description"), (IDEA, "title"), (COMMENT, "text"), (REPLY, "text")],
)
def test_too_many_links(
    client, places, mailoutbox, django_capture_on_commit_callbacks, name, field
):
    form = target(name, places, client)
    assert_refused(
        client,
        form,
        {**form.data, field: LINKS},
        "Please include at most 2 links.",
        mailoutbox,
        django_capture_on_commit_callbacks,
    )


def test_links_in_title_and_description_count_together(client, places, mailoutbox):
    form = target(IDEA, places, client)
    before = stored_counts()
    response = client.post(
        form.url,
        {
            **form.data,
            "title": "Siehe https://a.example.org",
            "description": "und https://b.example.org und https://c.example.org",
        },
    )
    assert "Please include at most 2 links." in response.content.decode()
    assert stored_counts() == before


def test_two_links_are_fine(client, places):
    form = target(COMMENT, places, client)
    client.post(
        form.url, {**form.data, "text": "https://a.example.org und www.b.example"}
    )
    assert DiscussionComment.objects.filter(text__startswith="https://a.").exists()


# Rate limits

RATE_LIMITED = [
    (IDEA, "idea", "You have handed in many ideas within a short time."),
    (COMMENT, "comment", "You have written many comments within a short time."),
    (SUPPORT_BY_MAIL, "link", "We have sent many e-mails to this address"),
    (MANAGE_LINK, "link", "We have sent many e-mails to this address"),
]


def unique(data, number):
    """Vary the data so that each post is a new contribution."""
    varied = dict(data)
    for field in ("title", "text"):
        if field in varied:
            varied[field] = f"{varied[field]} ({number})"
    return varied


@pytest.mark.parametrize(
    "name, action, message", RATE_LIMITED, ids=[r[0] for r in RATE_LIMITED]
)
@pytest.mark.parametrize("per", ["address", "ip"])
def test_rate_limit(
    client,
    places,
    settings,
    mailoutbox,
    django_capture_on_commit_callbacks,
    name,
    action,
    message,
    per,
):
    settings.PARTICIPATION_RATE_LIMITS = {action: 2}
    ParticipantFactory(email="neu@example.org")  # so that a manage link is sent
    form = target(name, places, client)

    for number in (1, 2, 3):
        ParticipantFactory(email=f"person{number}@example.org")

    def post(number):
        data = unique(form.data, number)
        ip = f"10.0.0.{number}" if per == "address" else "10.0.0.1"
        if per == "ip":
            data["email"] = f"person{number}@example.org"
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(form.url, data, REMOTE_ADDR=ip)

    for number in (1, 2):
        assert post(number).status_code == 302
    mails = len(mailoutbox)
    before = stored_counts()
    response = post(3)
    assert response.status_code == SHOWN_AGAIN
    assert message in response.content.decode()
    assert stored_counts() == before
    assert len(mailoutbox) == mails


def test_the_support_rate_limit(client, places, settings, collection):
    settings.PARTICIPATION_RATE_LIMITS = {"support": 2}
    remember(client, ParticipantFactory(email="fan@example.org"))
    ideas = [IdeaFactory(collection=collection) for _ in range(3)]
    for idea in ideas[:2]:
        client.post(url("support", idea.pk), {"action": "support", "website": ""})
    before = stored_counts()
    response = client.post(
        url("support", ideas[2].pk), {"action": "support", "website": ""}
    )
    assert response.status_code == SHOWN_AGAIN
    assert "You have supported many ideas within a short time." in (
        response.content.decode()
    )
    assert stored_counts() == before


def test_refused_forms_do_not_count_against_the_limit(client, places, settings):
    settings.PARTICIPATION_RATE_LIMITS = {"comment": 1}
    form = target(COMMENT, places, client)
    for _ in range(3):
        client.post(form.url, {**form.data, "website": "spam"})
    assert client.post(form.url, form.data).status_code == 302


# Wrong places


@pytest.mark.parametrize(
    "name", [IDEA, COMMENT, SUPPORT_BY_MAIL, SUPPORT, REPORT_IDEA, REPORT_COMMENT]
)
def test_a_wrong_id_is_not_found(client, places, mailoutbox, name):
    form = target(name, places, client)
    wrong = {
        IDEA: url("submit_idea", 999999),
        COMMENT: url("submit_comment", 999999),
        SUPPORT_BY_MAIL: url("support", 999999),
        SUPPORT: url("support", 999999),
        REPORT_IDEA: url("report", "idea", 999999),
        REPORT_COMMENT: url("report", "comment", 999999),
    }[name]
    before = stored_counts()
    for path in (wrong, wrong.replace("999999", str(10**20))):
        assert client.post(path, form.data).status_code == 404, path
    assert (
        client.post(url("report", "measure", places["idea"].pk), form.data).status_code
        == 404
    )
    assert stored_counts() == before
    assert mailoutbox == []


def test_a_comment_cannot_be_posted_into_an_ideas_discussion_with_a_foreign_parent(
    client, places, mailoutbox
):
    form = target(IDEA_COMMENT, places, client)
    before = stored_counts()
    response = client.post(form.url, {**form.data, "parent": str(places["comment"].pk)})
    assert response.status_code == SHOWN_AGAIN
    assert (
        "The comment you replied to is no longer available."
        in response.content.decode()
    )
    response = client.post(form.url, {**form.data, "parent": "abc"})
    assert response.status_code == SHOWN_AGAIN
    assert stored_counts() == before


@pytest.mark.parametrize("name", [IDEA, COMMENT])
def test_a_wrong_category_or_parent_is_refused(client, places, name):
    form = target(name, places, client)
    field, value, message = {
        IDEA: ("category", "999999", "Please choose one of the categories offered."),
        COMMENT: (
            "parent",
            "999999",
            "The comment you replied to is no longer available.",
        ),
    }[name]
    before = stored_counts()
    response = client.post(form.url, {**form.data, field: value})
    assert response.status_code == SHOWN_AGAIN
    assert message in response.content.decode()
    assert stored_counts() == before


def test_next_never_leads_to_another_site(client, places):
    form = target(COMMENT, places, client)
    remember(client, ParticipantFactory(email="neu@example.org"))
    response = client.post(form.url, {**form.data, "next": "https://evil.example/"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")
    assert response["Location"].startswith(places["stream"].page.url)


# What is typed is stored as typed and shown escaped

HTML = '<script>alert("x")</script> & <b>fett</b> <img src=x onerror=alert(1)>'


def test_html_is_stored_as_typed_and_shown_escaped(client, places, participation_page):
    remember(client, ParticipantFactory(email="neu@example.org"))
    form = target(IDEA, places, client)
    client.post(form.url, {**form.data, "title": HTML[:120], "description": HTML})
    idea = Idea.objects.get(description=HTML)
    assert idea.title == HTML[:120]
    form = target(COMMENT, places, client)
    client.post(form.url, {**form.data, "text": HTML})
    assert DiscussionComment.objects.filter(text=HTML).exists()
    for path in (url("idea_detail", idea.pk), participation_page.url):
        html = client.get(path).content.decode()
        assert "<script>alert" not in html
        assert "<b>fett</b>" not in html
        assert "<img src=x" not in html
        assert (
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fett"
            in html
        )
