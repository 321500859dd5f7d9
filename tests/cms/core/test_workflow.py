"""Editors write and submit pages; Approvers approve and thereby publish them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowState,
)
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.core.models import StandardPage
from tests.factories import StandardPageFactory
from tests.utils import SUBMIT, create_page_in_admin, edit_page_url


def page_codenames(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "permission__codename", flat=True
        )
    )


def test_migration_grants_editors_no_publish_permission(db):
    assert page_codenames("Editors") == {"add_page", "change_page", "lock_page"}


def test_migration_grants_approvers_publish_permission(db):
    assert page_codenames("Approvers") == {
        "add_page",
        "change_page",
        "lock_page",
        "publish_page",
        "unlock_page",
    }


def test_page_permissions_apply_to_the_whole_tree(db):
    roots = set(
        GroupPagePermission.objects.filter(
            group__name__in=["Editors", "Approvers"]
        ).values_list("page__depth", flat=True)
    )
    assert roots == {1}


def test_wagtails_moderators_group_became_approvers(db):
    # "Moderators" may exist again, but only for citizens' contributions.
    assert page_codenames("Moderators") == set()
    assert not GroupPagePermission.objects.exclude(
        group__name__in=["Editors", "Approvers", "Translators"]
    ).exists()
    assert Group.objects.filter(name__in=["Editors", "Approvers"]).count() == 2


def test_approval_workflow_on_the_root_page_with_one_approvers_task(db):
    workflow = Workflow.objects.get(name="Approval")
    assert workflow.active
    assert list(workflow.workflow_pages.values_list("page__depth", flat=True)) == [1]
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == ["Approvers"]


def test_every_page_of_the_site_gets_the_approval_workflow(home_page, field_page):
    assert field_page.get_workflow().name == "Approval"


def standard_page_fields(title="Barrierefreiheit", slug="barrierefreiheit"):
    return {
        "title": title,
        "slug": slug,
        "introduction": "Wie barrierefrei diese Website ist.",
        "body": streamfield([]),
    }


@pytest.fixture
def submitted_page(client, editor, home_page):
    """A standard page an editor has created and submitted for approval."""
    client.force_login(editor)
    return create_page_in_admin(
        client, StandardPage, home_page, standard_page_fields(), action=SUBMIT
    )


def test_editor_submits_a_new_page_for_approval(submitted_page, editor):
    assert not submitted_page.live
    assert submitted_page.live_revision is None
    state = submitted_page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert state.workflow.name == "Approval"
    assert submitted_page.current_workflow_task.name == "Approvers approval"


def test_editor_cannot_publish_a_new_page(client, editor, home_page):
    client.force_login(editor)

    page = create_page_in_admin(client, StandardPage, home_page, standard_page_fields())

    assert not page.live
    assert page.live_revision is None
    assert page.first_published_at is None
    assert page.current_workflow_state is None


def test_editor_can_edit_a_live_page_but_not_publish_it(client, editor, home_page):
    page = StandardPageFactory(
        parent=home_page, title="Barrierefreiheit", slug="barrierefreiheit"
    )
    client.force_login(editor)

    response = client.post(
        edit_page_url(page),
        {
            **nested_form_data(
                standard_page_fields(title="Erklärung zur Barrierefreiheit")
            ),
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.title == "Barrierefreiheit"
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Erklärung zur Barrierefreiheit"
    assert page.live_revision != page.latest_revision


def test_editor_cannot_approve_their_own_submission(client, editor, submitted_page):
    task_state = submitted_page.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submitted_page.pk, "approve", task_state.pk],
    )

    client.post(url)

    submitted_page.refresh_from_db()
    assert not submitted_page.live
    assert submitted_page.current_workflow_state.status == "in_progress"


def test_approver_approves_in_the_admin_and_the_page_goes_live(
    client, approver, submitted_page
):
    task_state = submitted_page.current_workflow_task_state
    client.force_login(approver)

    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[submitted_page.pk, "approve", task_state.pk],
        )
    )

    assert response.status_code == 302
    submitted_page.refresh_from_db()
    assert submitted_page.live
    assert submitted_page.live_revision == task_state.revision
    assert submitted_page.current_workflow_state is None
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    assert task_state.finished_by == approver
    assert task_state.workflow_state.status == WorkflowState.STATUS_APPROVED


def test_approving_through_the_task_api_publishes(approver, submitted_page):
    task_state = submitted_page.current_workflow_task_state

    task_state.task.specific.on_action(task_state, approver, "approve")

    page = Page.objects.get(pk=submitted_page.pk)
    assert page.live
    assert page.live_revision_id == task_state.revision_id


def test_approver_may_reject_and_the_page_stays_offline(approver, submitted_page):
    task_state = submitted_page.current_workflow_task_state

    task_state.task.specific.on_action(task_state, approver, "reject")

    submitted_page.refresh_from_db()
    assert not submitted_page.live
    assert submitted_page.current_workflow_state.status == (
        WorkflowState.STATUS_NEEDS_CHANGES
    )


def test_approver_publishes_directly(client, approver, home_page):
    client.force_login(approver)

    page = create_page_in_admin(client, StandardPage, home_page, standard_page_fields())

    assert page.live
    assert page.url == "/de/barrierefreiheit/"
