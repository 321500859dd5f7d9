"""The strategy project: its phases on a timeline, created and shown."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from cms.strategy.models import ProjectPage, ProjectPhase
from tests.factories import FieldPageFactory, ProjectPageFactory, ProjectPhaseFactory
from tests.utils import add_page_url, create_page_in_admin, post_page_form

DAY = datetime.date(2022, 3, 1)


@pytest.fixture
def phase():
    return ProjectPhase(
        name="Beteiligung",
        start_date=datetime.date(2022, 2, 1),
        end_date=datetime.date(2022, 3, 31),
    )


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (datetime.date(2022, 1, 31), ProjectPhase.FUTURE),
        (datetime.date(2022, 2, 1), ProjectPhase.CURRENT),
        (datetime.date(2022, 3, 1), ProjectPhase.CURRENT),
        (datetime.date(2022, 3, 31), ProjectPhase.CURRENT),
        (datetime.date(2022, 4, 1), ProjectPhase.PAST),
    ],
)
def test_phase_state_on_a_day(phase, day, state):
    assert phase.state_on(day) == state


def test_open_ended_phase_never_becomes_past(phase):
    phase.end_date = None
    assert phase.state_on(datetime.date(2099, 1, 1)) == ProjectPhase.CURRENT
    assert phase.state_on(datetime.date(2022, 1, 1)) == ProjectPhase.FUTURE


def test_phase_ending_before_it_starts_is_rejected(phase):
    phase.end_date = datetime.date(2022, 1, 1)
    with pytest.raises(ValidationError) as error:
        phase.clean()
    assert list(error.value.message_dict) == ["end_date"]


def test_phase_of_one_day_is_valid(phase):
    phase.end_date = phase.start_date
    phase.clean()
    assert phase.state_on(phase.start_date) == ProjectPhase.CURRENT


def test_current_phase_is_the_one_running_today(project_page):
    assert project_page.current_phase.name == "Beteiligungsphase"
    assert [(p.name, p.state) for p in project_page.phase_list] == [
        ("Bestandsanalyse", ProjectPhase.PAST),
        ("Beteiligungsphase", ProjectPhase.CURRENT),
        ("Strategieentwicklung", ProjectPhase.FUTURE),
    ]


def test_no_current_phase_between_two_phases(home_page):
    today = timezone.localdate()
    project = ProjectPageFactory(parent=home_page)
    ProjectPhaseFactory(
        page=project,
        start_date=today - datetime.timedelta(days=30),
        end_date=today - datetime.timedelta(days=1),
    )
    ProjectPhaseFactory(page=project, start_date=today + datetime.timedelta(days=1))

    assert project.current_phase is None
    assert [p.state for p in project.phase_list] == ["past", "future"]


def test_phase_starting_today_is_current(home_page):
    project = ProjectPageFactory(parent=home_page)
    ProjectPhaseFactory(page=project, name="Start", start_date=timezone.localdate())

    assert project.current_phase.name == "Start"


def test_project_without_phases_has_no_current_phase(home_page):
    assert ProjectPageFactory(parent=home_page).current_phase is None


def test_fields_of_action_are_the_live_children_in_tree_order(project_page, field_page):
    second = FieldPageFactory(parent=project_page, title="Umwelt")
    FieldPageFactory(parent=project_page, title="Entwurf", live=False)

    assert list(project_page.get_fields()) == [field_page, second]


def test_project_page_created_in_the_admin_is_live_and_shown(admin_client, home_page):
    page = create_page_in_admin(
        admin_client,
        ProjectPage,
        home_page,
        {
            "title": "Smart. Smarter. Pinneberg?!",
            "slug": "smart-smarter-pinneberg",
            "summary": "Pinneberg schreibt seine Smart-City-Strategie.",
            "goals": rich_text("<p>Eine digitale Stadt für alle.</p>"),
            "start_date": "01.11.2021",
            "end_date": "31.12.2022",
            "funding": "Modellprojekte Smart Cities",
            "client": "Stadt Pinneberg",
            "carried_out_by": "Projektbüro Smart City",
            "contact_role": "Projektleitung",
            "contact_email": "smartcity@example.org",
            "phases": inline_formset(
                [
                    {
                        "name": "Bestandsaufnahme",
                        "start_date": "01.11.2021",
                        "end_date": "31.01.2022",
                        "description": "Was es schon gibt.",
                    },
                    {
                        "name": "Workshops",
                        "start_date": "01.02.2022",
                        "end_date": "",
                        "description": "",
                    },
                ]
            ),
            "body": streamfield([]),
        },
    )

    assert page.live
    assert page.start_date == datetime.date(2021, 11, 1)
    assert [(p.name, p.state_on(DAY)) for p in page.phases.all()] == [
        ("Bestandsaufnahme", "past"),
        ("Workshops", "current"),
    ]
    assert page.url == "/de/smart-smarter-pinneberg/"

    response = admin_client.get(page.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Smart. Smarter. Pinneberg?!</h1>" in content
    assert "Pinneberg schreibt seine Smart-City-Strategie." in content
    assert "Eine digitale Stadt für alle." in content
    assert "Modellprojekte Smart Cities" in content
    assert "Bestandsaufnahme" in content
    assert "mailto:smartcity@example.org" in content


def test_admin_rejects_a_phase_that_ends_before_it_starts(admin_client, home_page):
    response = post_page_form(
        admin_client,
        add_page_url(ProjectPage, home_page),
        {
            "title": "Projekt",
            "slug": "projekt",
            "summary": "Text",
            "start_date": "01.11.2021",
            "phases": inline_formset(
                [
                    {
                        "name": "Falsch",
                        "start_date": "01.02.2022",
                        "end_date": "01.01.2022",
                    }
                ]
            ),
            "body": streamfield([]),
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].formsets["phases"].errors
    assert [list(form_errors) for form_errors in errors] == [["end_date"]]
    with translation.override("en"):
        assert str(errors[0]["end_date"].data[0].messages[0]) == (
            "The end cannot be before the start."
        )
    assert not ProjectPage.objects.exists()


def test_project_page_shows_phases_with_their_state_and_the_fields(
    client, project_page, field_page
):
    response = client.get(project_page.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "timeline__phase--past" in content
    assert 'class="timeline__phase timeline__phase--current" aria-current="step"' in (
        content
    )
    assert content.count('aria-current="step"') == 1
    assert f'<a href="{field_page.url}">Mobilität</a>' in content
    assert list(response.context["fields_of_action"]) == [field_page]
