"""Translate a page or snippet through wagtail-localize from a table of
translated strings: used by the demo (hand-written English) and by tests.

The result is an ordinary wagtail-localize translation: a TranslationSource,
a Translation for the target locale and a StringTranslation per segment, so
translators can go on in the admin's translation editor and sync changes.
"""

from django.db import transaction
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class MissingStrings(Exception):
    """Some source strings have no entry in the table of translations."""

    def __init__(self, instance, missing):
        self.missing = missing
        super().__init__(
            f"{len(missing)} strings of {instance!r} are not translated: "
            + "; ".join(repr(text[:60]) for text in missing[:5])
        )


def source_strings(instance):
    """The texts wagtail-localize asks translators to translate, in page order."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).order_by("order")
    return list(segments.values_list("string__data", flat=True))


@transaction.atomic
def translate_from_strings(instance, locale, strings, *, publish=True, user=None):
    """Translate `instance` into `locale`: every segment's source text is looked
    up in `strings` ({source text: translation}); all must be there. Pages are
    saved as a new revision and, if `publish`, published at once; returns the
    translated object. Running it again updates the same translation."""
    if isinstance(instance, Page):
        instance = instance.specific
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    )
    missing = [s.string.data for s in segments if s.string.data not in strings]
    if missing:
        raise MissingStrings(instance, missing)
    for segment in segments:
        text = strings[segment.string.data]
        current = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if current is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=text,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                last_translated_by=user,
            )
        elif current.data != text:
            current.data = text
            current.save(update_fields=["data", "updated_at"])
    drafts = isinstance(instance, DraftStateMixin)
    # Publish here rather than on commit (as wagtail-localize does), so that the
    # page is live inside the caller's transaction too.
    translation.save_target(user=user, publish=not drafts)
    translated = source.get_translated_instance(locale)
    if drafts:
        translated = translated.specific if isinstance(translated, Page) else translated
        if publish:
            translated.get_latest_revision().publish(user=user)
            translated.refresh_from_db()
    return translated
