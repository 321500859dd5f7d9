"""The evaluation in real Chromium: an evaluator scores an idea in the admin,
criterion by criterion; a moderator takes two ideas into a measure; the
measure's public page lists both as its sources."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from participation.models import (
    Idea,
    IdeaStatus,
    Measure,
    MeasureSource,
    Score,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, base, username, password):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()


def test_scoring_merging_and_the_measure_page(demo_site, new_page, django_user_model):
    base = demo_site
    evaluator = django_user_model.objects.create_user(
        "bewertung", "bewertung@example.org", "bewertung-pass-123"
    )
    evaluator.groups.add(Group.objects.get(name="Evaluators"))
    moderator = django_user_model.objects.create_user(
        "moderation", "moderation@example.org", "moderation-pass-123"
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    idea = Idea.objects.get(
        title="Freie Parkplätze und Ladesäulen in Echtzeit anzeigen"
    )
    criteria = list(idea.evaluation.process.criteria.all())

    # The evaluator scores the idea; the others' scores appear afterwards.
    admin = new_page()
    log_in(admin, base, "bewertung", "bewertung-pass-123")
    admin.goto(base + "/admin/participation/scoring/")
    with admin.expect_navigation():
        admin.get_by_role("link", name=idea.title).click()
    assert "Spart Pendelnden und Lieferverkehr viel Sucherei." not in admin.content()
    for position, criterion in enumerate(criteria):
        admin.get_by_label(f"Bewertung für „{criterion.name}“").select_option(
            str(position % 5 + 1)
        )
        admin.get_by_label(f"Begründung für „{criterion.name}“").fill(
            f"Begründung {position + 1}"
        )
    with admin.expect_navigation():
        admin.get_by_role("button", name="Meine Bewertung speichern").click()
    assert "Ihre Bewertung ist gespeichert." in admin.content()
    assert "Spart Pendelnden und Lieferverkehr viel Sucherei." in admin.content()
    mine = Score.objects.filter(evaluator=evaluator, idea=idea)
    assert sorted(mine.values_list("value", flat=True)) == [1, 2, 3, 4, 5]
    # nothing else in the admin
    admin.goto(base + "/admin/participation/moderation/")
    assert admin.url.rstrip("/").endswith("/admin")
    assert admin.problems == []

    # A moderator takes two ideas into a new measure.
    measure = Measure.objects.create(
        title="Mobilitätsstation am Bahnhof",
        locale=Locale.get_default(),
        description="<p>Rad, Bus und Carsharing an einem Ort.</p>",
    )
    first = Idea.objects.get(title="Sichere Fahrradboxen am Bahnhof online buchen")
    second = Idea.objects.get(title="Leihräder und Lastenräder an mehreren Stationen")
    staff = new_page()
    log_in(staff, base, "moderation", "moderation-pass-123")
    staff.goto(base + "/admin/participation/evaluation/")
    with staff.expect_navigation():
        staff.get_by_role("link", name="Ideencheck der Smart-City-Strategie").click()
    merge = staff.locator("form:has(input[name=action][value=merge])")
    merge.locator(f"input[name=ideas][value='{first.pk}']").check()
    merge.locator(f"input[name=ideas][value='{second.pk}']").check()
    merge.locator("select[name=measure]").select_option(str(measure.pk))
    merge.locator("textarea[name=reason]").fill("Beides gehört an den Bahnhof.")
    with staff.expect_navigation():
        merge.locator("button[type=submit]").click()
    assert "in die Maßnahme „Mobilitätsstation am Bahnhof“" in staff.content()
    assert set(
        MeasureSource.objects.filter(measure_key=measure.key).values_list(
            "idea_id", flat=True
        )
    ) == {first.pk, second.pk}
    first.refresh_from_db()
    assert first.status == IdeaStatus.ACCEPTED
    assert staff.problems == []

    # The measure's page shows both sources, and an idea links to the measure.
    citizen = new_page()
    citizen.goto(f"{base}/de/beteiligung/massnahmen/{measure.key}/")
    sources = citizen.locator(".measure-sources")
    assert sources.get_by_role("link", name=first.title).is_visible()
    assert sources.get_by_role("link", name=second.title).is_visible()
    total = first.support_count + second.support_count
    assert f"2 Ideen von Bürgerinnen und Bürgern, insgesamt {total}" in (
        citizen.content()
    )
    with citizen.expect_navigation():
        sources.get_by_role("link", name=first.title).click()
    assert citizen.get_by_role("link", name="Mobilitätsstation am Bahnhof").is_visible()
    assert "Beides gehört an den Bahnhof." in citizen.content()
    assert citizen.problems == []
