"""Translating with wagtail-localize: a page translated in the admin (create the
translation, translate its segments, publish), the Translators group, and the
participation that every language version of a page shares."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import StringSegment, Translation

from participation.models import Category, Idea, Measure
from tests.participation.conftest import timestamp
from tests.participation.evaluation_helpers import MeasureFactory
from tests.participation.factories import CategoryFactory, CommentFactory, IdeaFactory

pytestmark = pytest.mark.django_db

FIELD_EN = {
    "Digitale Mobilität": "Digital mobility",
    "digitale-mobilitaet": "digital-mobility",
    "Wie wir uns künftig bewegen.": "How we will get around.",
    "Ihre Ideen": "Your ideas",
    "Was sollte sich ändern?": "What should change?",
    "Diskussion": "Discussion",
    "Fragen und Hinweise.": "Questions and remarks.",
}


@pytest.fixture
def translator(django_user_model):
    user = django_user_model.objects.create_user(
        username="uebersetzung", password="uebersetzung-passwort"
    )
    user.groups.add(Group.objects.get(name="Translators"))
    return user


def test_translators_may_translate_and_do_nothing_else(translator, field_page):
    group = Group.objects.get(name="Translators")
    perms = field_page.permissions_for_user(translator)
    assert not (perms.can_publish() or perms.can_unpublish() or perms.can_delete())
    assert not (perms.can_add_subpage() or perms.can_move() or perms.can_lock())

    assert set(
        group.permissions.values_list("content_type__app_label", "codename")
    ) == {
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("participation", "change_category"),
        ("participation", "change_cannedreply"),
        ("participation", "change_measure"),
    }
    page_permissions = GroupPagePermission.objects.filter(group=group)
    assert [(p.page.depth, p.permission.codename) for p in page_permissions] == [
        (1, "change_page")
    ]


def test_a_page_is_translated_through_wagtail_localize_in_the_admin(
    client,
    translator,
    approver,
    english,
    participation_page,
    collection,
    stream,
    django_capture_on_commit_callbacks,
):
    client.force_login(translator)

    # 1. create the translation: a draft, so nothing half-translated goes live
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "wagtail_localize:submit_page_translation", args=[participation_page.pk]
            ),
            {"locales": [english.pk]},
        )
    assert response.status_code == 302
    page_en = participation_page.get_translation(english).specific
    assert not page_en.live
    assert "Digital mobility" not in client.get(
        "/en/smart-city/digitale-mobilitaet/"
    ).content.decode("utf-8")

    # 2. translate every segment in the translation editor
    edit_url = reverse("wagtailadmin_pages:edit", args=[page_en.pk])
    assert client.get(edit_url).status_code == 200
    assert (
        client.get(
            reverse("wagtailadmin_pages:edit", args=[participation_page.pk])
        ).status_code
        == 302
    )  # the German source is not the translator's
    job = Translation.objects.get(
        source__object_id=participation_page.translation_key, target_locale=english
    )
    segments = StringSegment.objects.filter(source=job.source).select_related("string")
    assert {s.string.data for s in segments} == set(FIELD_EN)
    for segment in segments:
        response = client.put(
            reverse(
                "wagtail_localize:edit_string_translation", args=[job.pk, segment.pk]
            ),
            f"value={FIELD_EN[segment.string.data]}",
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
        assert response.status_code == 201, response.content

    # translators cannot publish; the approval goes to Approvers
    response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"  # permission denied
    page_en.refresh_from_db()
    assert not page_en.live

    # 3. publish
    client.force_login(approver)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    page_en.refresh_from_db()
    assert page_en.live
    assert page_en.title == "Digital mobility"
    assert page_en.url == "/en/smart-city/digital-mobility/"

    client.logout()
    content = client.get(page_en.url).content.decode()
    assert '<html lang="en" dir="ltr">' in content
    assert "Your ideas" in content and "Questions and remarks." in content
    # the same collection and stream: wagtail-localize copies the chooser's id
    blocks = {block.block_type: block.value for block in page_en.body}
    assert blocks["idea_collection"]["collection"].pk == collection.pk
    assert blocks["comment_stream"]["stream"].pk == stream.pk


def test_ideas_and_comments_are_the_same_on_every_language_version(
    client, english_site, participation_page, collection, stream
):
    idea = IdeaFactory(collection=collection, title="Mehr Bänke am Drosteipark")
    english_idea = IdeaFactory(
        collection=collection, language="en", title="Bike lanes on Elmshorner Straße"
    )
    comment = CommentFactory(stream=stream, text="Gute Frage, danke!")
    field_en = english_site["field"]

    pages = {
        "de": client.get(participation_page.url).content.decode(),
        "en": client.get(field_en.url).content.decode(),
    }

    for content in pages.values():
        assert idea.title in content
        assert english_idea.title in content
        assert comment.text in content
        # contributions keep the language they were written in
        assert f'lang="de" dir="auto">{idea.title}</a>' in content
        assert f'lang="en" dir="auto">{english_idea.title}</a>' in content
    collection.refresh_from_db()
    assert collection.page_id == participation_page.pk  # the German version


def test_categories_appear_in_the_pages_language(
    client, translate, english_site, participation_page, collection, english
):
    cycling = CategoryFactory(name="Radverkehr")
    collection.categories.add(cycling)
    translate(cycling, english, {"Radverkehr": "Cycling"})

    german = client.get(participation_page.url).content.decode()
    english_page = client.get(english_site["field"].url).content.decode()

    assert "Radverkehr" in german and "Cycling" not in german
    assert "Cycling" in english_page and "Radverkehr" not in english_page


def test_a_translator_translates_snippets_but_not_the_german_original(
    client, translator, english, locale
):
    category = CategoryFactory(name="Radverkehr")
    client.force_login(translator)

    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["participation", "category", category.pk],
        ),
        {"locales": [english.pk]},
    )

    assert response.status_code == 302
    english_category = Category.objects.get(
        translation_key=category.translation_key, locale=english
    )
    edit = "wagtailsnippets_participation_category:edit"
    assert client.get(reverse(edit, args=[english_category.pk])).status_code == 200
    assert client.get(reverse(edit, args=[category.pk])).status_code == 302
    assert client.get(reverse("wagtailimages:index")).status_code == 302
    assert (
        client.get(
            reverse(
                "wagtailadmin_pages:add_subpage", args=[Page.get_first_root_node().pk]
            )
        ).status_code
        == 302
    )


def test_a_translator_translates_a_measure_but_not_the_german_original(
    client, translator, english, locale
):
    measure = MeasureFactory(title="Mobilitätsstation am Bahnhof")
    client.force_login(translator)

    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["participation", "measure", measure.pk],
        ),
        {"locales": [english.pk]},
    )

    assert response.status_code == 302
    english_measure = Measure.objects.get(
        translation_key=measure.translation_key, locale=english
    )
    edit = "wagtailsnippets_participation_measure:edit"
    assert client.get(reverse(edit, args=[english_measure.pk])).status_code == 200
    assert client.get(reverse(edit, args=[measure.pk])).status_code == 302


def test_editors_write_measures(client, django_user_model):
    editor = django_user_model.objects.create_user(username="redaktion")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    index = reverse("wagtailsnippets_participation_measure:list")
    assert client.get(index).status_code == 200
    add = reverse("wagtailsnippets_participation_measure:add")
    assert client.get(add).status_code == 200


@pytest.mark.parametrize("language", ["en", "ar", "uk", "tr"])
def test_mails_go_out_in_the_language_of_the_participation(
    client,
    english_site,
    collection,
    language,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with translation.override(language):
        url = reverse("participation:submit_idea", args=[collection.pk])
    data = {
        "title": "Sichere Fahrradbügel",
        "description": "Am Bahnhof fehlen Abstellplätze.",
        "email": "ideen@example.org",
        "consent": "on",
        "website": "",
        "form_timestamp": timestamp(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 302
    assert Idea.objects.get().language == language
    [mail] = mailoutbox
    msgid = "Please confirm your idea – %(site_name)s"
    with translation.override(language):
        subject = translation.gettext(msgid).split("%(site_name)s")[0]
    if language != "en":
        assert subject != msgid.split("%(site_name)s")[0]
    assert mail.subject.startswith(subject)
