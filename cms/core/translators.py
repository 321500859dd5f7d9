"""The limits of the Translators group: its members translate pages and
snippets with wagtail-localize and never change the source language.

Wagtail grants page permissions by tree position, and the translations of the
home page are siblings of it, so the group's "edit" permission covers the
German pages too. The hooks here turn translators away from those.
"""

from django.conf import settings
from wagtail.admin.auth import permission_denied
from wagtail.models import TranslatableMixin

from .i18n import locale_languages

TRANSLATORS = "Translators"


def is_translator_only(user):
    """Whether the user's only group is Translators (no editor, no superuser)."""
    if not user.is_authenticated or user.is_superuser:
        return False
    cached = getattr(user, "_translator_only", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True)) == {TRANSLATORS}
        user._translator_only = cached
    return cached


def in_source_language(instance):
    language = locale_languages().get(instance.locale_id)
    return language == settings.LANGUAGE_CODE


def forbid_source_page_edit(request, page):
    """before_edit_page hook: translators edit translations, not German pages."""
    if is_translator_only(request.user) and in_source_language(page):
        return permission_denied(request)
    return None


def forbid_source_snippet_edit(request, instance):
    """before_edit_snippet hook: likewise for translatable snippets."""
    if (
        isinstance(instance, TranslatableMixin)
        and is_translator_only(request.user)
        and in_source_language(instance)
    ):
        return permission_denied(request)
    return None
