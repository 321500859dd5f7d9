"""Remember on which page a collection or stream is shown: when a page that
places one with a block is published, the collection or stream points to that
page (its version in the default language), so that an idea's own page can link
back to it and the moderation queue can show where things were written."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.signals import page_published

from . import fragments
from .blocks import CommentStreamBlock, IdeaCollectionBlock
from .models import (
    Category,
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaCollection,
    Participant,
    Report,
    Support,
)


def placed_spaces(page):
    """The collections and streams chosen in the top-level blocks of the page's
    StreamFields."""
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for child in getattr(page, field.name) or []:
            if isinstance(child.block, IdeaCollectionBlock):
                space = child.value.get("collection")
            elif isinstance(child.block, CommentStreamBlock):
                space = child.value.get("stream")
            else:
                continue
            if space is not None:
                yield space


def default_locale_version(page):
    try:
        default_locale = Locale.get_default()
    except Locale.DoesNotExist:
        return page
    if page.locale_id == default_locale.pk:
        return page
    return page.get_translation_or_none(default_locale) or page


def link_spaces_to_page(sender, instance, **kwargs):
    """page_published receiver: point placed collections and streams to the page."""
    spaces = list(placed_spaces(instance.specific))
    if not spaces:
        return
    page = default_locale_version(instance)
    for space in spaces:
        if space.page_id == page.pk:
            continue
        type(space).objects.filter(pk=space.pk).update(page=page)
        fragments.content_changed()
        if not isinstance(space, CommentStream):
            # the discussions of its ideas belong to the same page
            CommentStream.objects.filter(idea__collection=space).update(page=page)


def connect():
    from .registrations import sync_on_publish
    from .subscriptions import announce_on_publish

    for model in (
        Idea,
        DiscussionComment,
        Support,
        Report,
        Category,
        IdeaCollection,
        CommentStream,
        Participant,
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                fragments.content_changed,
                sender=model,
                dispatch_uid=f"participation.content_changed.{model.__name__}.{id(signal)}",
            )
    m2m_changed.connect(
        fragments.content_changed,
        sender=IdeaCollection.categories.through,
        dispatch_uid="participation.content_changed.categories",
    )
    page_published.connect(
        link_spaces_to_page, dispatch_uid="participation.link_spaces_to_page"
    )
    page_published.connect(
        sync_on_publish, dispatch_uid="participation.sync_registration_list"
    )
    page_published.connect(announce_on_publish, dispatch_uid="participation.announce")
