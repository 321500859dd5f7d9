"""Measures are translatable content that editors write: the "Editors" group
may add, change and delete them, and the "Translators" group may change them
(translations only: cms/core/translators.py keeps them off the German ones).

Editors also run the events they publish: they see the registrants of an
event, export them and write to them, and see how many people subscribed to
announcements (never their addresses)."""

from django.db import migrations

EDITORS = "Editors"
TRANSLATORS = "Translators"
EDITOR_ACTIONS = ["add", "change", "delete", "view"]
# (model, action, verbose name) that editors get for registrations
EDITOR_REGISTRATIONS = [
    ("registrationlist", "view", "registration list"),
    ("registrationlist", "change", "registration list"),
    ("subscription", "view", "subscription"),
]


def participation_permission(apps, model, action, verbose_name):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="participation", model=model
    )
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {verbose_name}"},
    )
    return perm


def measure_permission(apps, action):
    return participation_permission(apps, "measure", action, "measure")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(
            *(measure_permission(apps, action) for action in EDITOR_ACTIONS),
            *(
                participation_permission(apps, *spec)
                for spec in EDITOR_REGISTRATIONS
            ),
        )
    translators = Group.objects.filter(name=TRANSLATORS).first()
    if translators is not None:
        translators.permissions.add(measure_permission(apps, "change"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    models = ["measure", *(model for model, _action, _name in EDITOR_REGISTRATIONS)]
    perms = Permission.objects.filter(
        content_type__app_label="participation", content_type__model__in=models
    )
    for group in Group.objects.filter(name__in=[EDITORS, TRANSLATORS]):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("cms_core", "0004_merge_translations_measures"),
        ("participation", "0004_merge_registrations_evaluation"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
