"""Taking part in real Chromium: a citizen hands in an idea, confirms it from the
e-mail, supports it and comments on it with the keyboard alone; a moderator
approves a pre-moderated comment in the admin and it appears on the page."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from participation.models import (
    PRE_MODERATION,
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaCollection,
    Support,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MAX_TABS = 400


def tab_to(page, locator):
    """Press Tab until the keyboard focus is on `locator`, as a keyboard user would."""
    handle = locator.element_handle()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
    raise AssertionError(f"Tab never reached {locator}")


def reveal(page, locator):
    """Open the closed disclosure (<details>) around a field with the keyboard."""
    if locator.is_visible():
        return
    summary = locator.locator("xpath=ancestor::details[not(@open)][1]/summary")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    assert locator.is_visible()


def type_into(page, locator, text):
    reveal(page, locator)
    tab_to(page, locator)
    page.keyboard.type(text)


def tick(page, locator):
    reveal(page, locator)
    tab_to(page, locator)
    page.keyboard.press("Space")
    assert locator.is_checked()


def press(page, locator):
    tab_to(page, locator)
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.fixture
def field(demo_site, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    collection = IdeaCollection.objects.exclude(page=None).order_by("pk").first()
    page = collection.page.specific
    stream = CommentStream.objects.filter(page=page, idea__isnull=True).get()
    stream.moderation = PRE_MODERATION
    stream.save()
    return demo_site, page, collection, stream


def test_citizen_takes_part_and_a_moderator_approves(
    field, new_page, django_user_model
):
    base, host_page, collection, stream = field
    citizen = new_page()
    citizen.goto(base + host_page.url)

    # Hand in an idea with the keyboard.
    form = citizen.locator(f"form[action$='/sammlungen/{collection.pk}/idee/']")
    type_into(citizen, form.locator("[name=title]"), "Trinkbrunnen am Marktplatz")
    type_into(
        citizen,
        form.locator("[name=description]"),
        "Im Sommer fehlt in der Innenstadt frisches Wasser für alle.",
    )
    category = form.locator("[name=category]")
    tab_to(citizen, category)
    citizen.keyboard.press("ArrowDown")
    assert category.input_value() != ""
    type_into(citizen, form.locator("[name=email]"), "buergerin@example.org")
    type_into(citizen, form.locator("[name=display_name]"), "Nachbarin")
    tick(citizen, form.locator("[name=consent]"))
    press(citizen, form.locator("button[type=submit]"))

    idea = Idea.objects.get(title="Trinkbrunnen am Marktplatz")
    assert idea.confirmed_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["buergerin@example.org"]
    link = re.search(r"https?://\S+?(/\S+/bestaetigen/\S+?/)", mail.outbox[0].body)

    # Open the link from the mail; the confirmation page links to the idea.
    citizen.goto(base + link.group(1))
    idea.refresh_from_db()
    assert idea.is_visible
    press(citizen, citizen.get_by_role("link", name="Trinkbrunnen am Marktplatz").first)
    assert citizen.get_by_role("heading", level=1).inner_text() == idea.title

    # Support it.
    support = citizen.locator(f"form[action$='/ideen/{idea.pk}/unterstuetzen/']")
    press(citizen, support.locator("button[type=submit]"))
    assert Support.objects.filter(idea=idea).count() == 1
    idea.refresh_from_db()
    assert idea.support_count == 1

    # Comment on it: the browser is remembered, so no new mail is needed.
    comments = citizen.locator(
        f"form[action$='/diskussionen/{idea.discussion_id}/kommentar/']"
    ).first
    type_into(citizen, comments.locator("[name=text]"), "Gerne auch am Bahnhof!")
    if not comments.locator("[name=consent]").is_checked():
        tick(citizen, comments.locator("[name=consent]"))
    press(citizen, comments.locator("button[type=submit]"))
    assert "Gerne auch am Bahnhof!" in citizen.content()
    assert len(mail.outbox) >= 1

    # A comment on the pre-moderated stream of the page waits for the moderation.
    citizen.goto(base + host_page.url)
    page_form = citizen.locator(
        f"form[action$='/diskussionen/{stream.pk}/kommentar/']"
    ).first
    type_into(citizen, page_form.locator("[name=text]"), "Wann kommt der Workshop?")
    if not page_form.locator("[name=consent]").is_checked():
        tick(citizen, page_form.locator("[name=consent]"))
    press(citizen, page_form.locator("button[type=submit]"))
    comment = DiscussionComment.objects.get(text="Wann kommt der Workshop?")
    assert not comment.is_visible
    citizen.goto(base + host_page.url)
    assert "Wann kommt der Workshop?" not in citizen.content()

    # A moderator approves it in the admin.
    moderator = django_user_model.objects.create_user(
        "moderation", "moderation@example.org", "moderation-pass-123"
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    admin = new_page()
    admin.goto(base + "/admin/login/")
    admin.fill("#id_username", "moderation")
    admin.fill("#id_password", "moderation-pass-123")
    with admin.expect_navigation():
        admin.locator("form button[type=submit]").click()
    admin.goto(base + "/admin/participation/moderation/")
    admin.locator(f"input[name=items][value='comment:{comment.pk}']").check()
    admin.locator("[name=action]").select_option("approve")
    with admin.expect_navigation():
        admin.locator(".participation-queue__actions button[type=submit]").click()
    comment.refresh_from_db()
    assert comment.is_visible

    citizen.goto(base + host_page.url)
    assert "Wann kommt der Workshop?" in citizen.content()
    assert citizen.problems == []
    assert admin.problems == []
