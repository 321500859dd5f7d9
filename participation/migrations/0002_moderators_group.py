"""Create the "Moderators" group: staff who moderate citizens' contributions.

The group may use the Wagtail admin and the participation menu (the queue,
ideas, comments, collections, streams, categories, canned replies, personal
data requests) and nothing else: no pages, images or documents.

Wagtail's own first migration made a group called "Moderators" that publishes
pages. That group is renamed "Approvers" here (as the site's editorial
migration does too, whichever runs first), so that "Moderators" means the
people who moderate participation.
"""

from django.apps import apps as installed_apps
from django.db import migrations

MODERATORS = "Moderators"
APPROVERS = "Approvers"
MODERATE = ("idea", "moderate_contributions", "Can moderate ideas and comments")
ALL = ["add", "change", "delete", "view"]
# model: (verbose name, actions). Ideas and comments are written by citizens:
# staff view and edit them (to remove personal data) but never add or delete.
MODEL_PERMISSIONS = {
    "idea": ("idea", ["view", "change"]),
    "discussioncomment": ("comment", ["view", "change"]),
    "ideacollection": ("idea collection", ALL),
    "commentstream": ("comment stream", ALL),
    "category": ("idea category", ALL),
    "cannedreply": ("canned reply", ALL),
    "participant": ("participant", ["view", "delete"]),
}


def permission(apps, app_label, model, codename, name):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def free_the_name(apps):
    """Rename Wagtail's page-publishing "Moderators" group, if it is still there."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    wagtail_group = Group.objects.filter(name=MODERATORS).first()
    if wagtail_group is None:
        return
    if not GroupPagePermission.objects.filter(group=wagtail_group).exists():
        return
    new_name = APPROVERS
    if Group.objects.filter(name=new_name).exists():
        new_name = f"{APPROVERS} (pages)"
    wagtail_group.name = new_name
    wagtail_group.save()
    GroupApprovalTask.objects.filter(
        groups=wagtail_group, name=f"{MODERATORS} approval"
    ).update(name=f"{new_name} approval")


def create_moderators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    free_the_name(apps)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    perms = [
        permission(
            apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
        ),
        permission(apps, "participation", *MODERATE),
    ]
    for model, (verbose_name, actions) in MODEL_PERMISSIONS.items():
        for action in actions:
            perms.append(
                permission(
                    apps,
                    "participation",
                    model,
                    f"{action}_{model}",
                    f"Can {action} {verbose_name}",
                )
            )
    moderators.permissions.add(*perms)


# These apps' migrations give permissions to any group named "Moderators"; they
# must run before the group is created here, or it would get them too.
GRANTING_MIGRATIONS = {
    "wagtail.images": ("wagtailimages", "0027_image_description"),
    "wagtail.documents": ("wagtaildocs", "0014_alter_document_file_size"),
    "wagtail_localize": (
        "wagtail_localize",
        "0006_create_submit_translation_permission",
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ] + [
        migration
        for app, migration in GRANTING_MIGRATIONS.items()
        if installed_apps.is_installed(app)
    ]

    operations = [migrations.RunPython(create_moderators, migrations.RunPython.noop)]
