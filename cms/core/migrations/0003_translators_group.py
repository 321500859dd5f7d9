"""Create the "Translators" group: staff who translate pages and snippets with
wagtail-localize and do nothing else.

Translators may use the admin, start translations ("Translate this page"),
edit the translated pages (never the German source: a hook in
cms/core/translators.py stops that) and the translatable snippets (idea
categories, canned replies). They cannot publish: translated pages go through
the approval workflow, so no half-translated page goes live. No images,
documents, participation data or settings.
"""

from django.db import migrations

TRANSLATORS = "Translators"
PAGE_PERMISSIONS = ["change_page"]
# Translatable snippets: (app label, model, verbose name).
SNIPPETS = [
    ("participation", "category", "idea category"),
    ("participation", "cannedreply", "canned reply"),
]


def permission(apps, app_label, model, codename, name=None):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name or codename}
    )
    return perm


def create_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    group, _ = Group.objects.get_or_create(name=TRANSLATORS)
    group.permissions.add(
        permission(apps, "wagtailadmin", "admin", "access_admin"),
        permission(
            apps,
            "wagtail_localize",
            "translation",
            "submit_translation",
            "Can submit translations",
        ),
    )
    for app_label, model, verbose_name in SNIPPETS:
        group.permissions.add(
            permission(
                apps, app_label, model, f"change_{model}", f"Can change {verbose_name}"
            )
        )
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root,
            permission=permission(apps, "wagtailcore", "page", codename),
        )


def remove_translators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TRANSLATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms_core", "0002_editorial_groups"),
        ("participation", "0002_moderators_group"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_translators, remove_translators)]
