"""Create the editorial groups and the approval workflow.

Editors create and edit pages and submit them for approval; Approvers publish.
Wagtail's own first migration creates a group called "Moderators" with publish
rights and a workflow for it; that group becomes "Approvers" here, because
"Moderators" in this product are the staff who moderate citizens' contributions.
"""

from django.db import migrations

EDITORS = "Editors"
APPROVERS = "Approvers"
WORKFLOW_NAME = "Approval"
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
APPROVER_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    model = codename.split("_", 1)[1]
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return perm


def grant(apps, group, page_codenames, root, collection):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group.permissions.add(permission(apps, "wagtailadmin", "access_admin"))
    for codename in page_codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=permission(apps, "wagtailcore", codename)
        )
    for app_label, codenames in MEDIA_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=permission(apps, app_label, codename),
            )


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root = Page.objects.filter(depth=1).first()
    collection = Collection.objects.filter(depth=1).first()
    if root is None or collection is None:
        return

    approvers = Group.objects.filter(name=APPROVERS).first()
    if approvers is None:
        approvers = Group.objects.filter(name="Moderators").first()
        if approvers is not None:
            approvers.name = APPROVERS
            approvers.save()
        else:
            approvers = Group.objects.create(name=APPROVERS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    grant(apps, editors, EDITOR_PAGE_PERMISSIONS, root, collection)
    grant(apps, approvers, APPROVER_PAGE_PERMISSIONS, root, collection)

    # One approval workflow on the whole tree, its single task done by Approvers.
    task = GroupApprovalTask.objects.filter(groups=approvers, active=True).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=f"{APPROVERS} approval", content_type=task_type, active=True
        )
        task.groups.set([approvers])
    else:
        task.name = f"{APPROVERS} approval"
        task.save()
    workflow_link = WorkflowTask.objects.filter(task_id=task.pk).first()
    if workflow_link is not None:
        workflow = Workflow.objects.get(pk=workflow_link.workflow_id)
        workflow.name = WORKFLOW_NAME
        workflow.save()
    else:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cms_core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
