"""StreamField blocks that put participation on any page: staff add an idea
collection or a comment stream to a page's body and choose which one it shows.

Heading and intro are translatable text; the collection or stream is the same
in every language version of the page, so all readers share one discussion.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from . import fragments
from .forms import CommentForm, IdeaForm
from .listings import (
    SORT_CHOICES,
    comment_labels,
    comment_listing,
    current_participant,
    idea_labels,
    idea_listing,
    localized_categories,
    participant_initial,
)
from .templatetags.participation_tags import space_state


def request_of(parent_context):
    return (parent_context or {}).get("request")


def space_state_key(space):
    """What of a space's state shows in its block and changes with time."""
    return space_state(space)


class CachedSpaceBlock(blocks.StructBlock):
    """Renders through the cache for visitors the site does not know
    (participation.fragments); others get their own rendering."""

    space_field = None

    def render(self, value, context=None):
        space = value.get(self.space_field)
        request = request_of(context)
        if space is None or context is None:
            return super().render(value, context)
        key = fragments.cache_key(
            self.space_field, space, value, request, space_state_key(space)
        )
        if key is None:
            return super().render(value, context)

        def render(overrides):
            parent = {**dict(context), **overrides}
            new_context = self.get_context(value, parent_context=parent)
            return render_to_string(self.meta.template, new_context)

        return fragments.render_cached(key, request, render)


class IdeaCollectionBlock(CachedSpaceBlock):
    """Shows an idea collection on a page: its ideas, sortable and filterable,
    and the form to hand in a new idea while the collection is open."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=200,
        help_text=_("E.g. 'Your ideas for mobility'."),
    )
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        help_text=_("A few sentences: what ideas are wanted, and what happens next."),
    )
    collection = SnippetChooserBlock(
        "participation.IdeaCollection",
        label=_("Idea collection"),
        help_text=_("The collection whose ideas this block shows and collects."),
    )

    space_field = "collection"

    class Meta:
        icon = "pick"
        label = _("Idea collection")
        template = "participation/blocks/idea_collection.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        collection = value.get("collection")
        if collection is None:
            return context
        request = request_of(parent_context)
        participant = current_participant(request)
        categories = localized_categories(collection)
        form = None
        if collection.accepts_contributions():
            form = IdeaForm(
                collection=collection,
                categories=categories,
                request=request,
                id_prefix=f"idea{collection.pk}",
                initial=participant_initial(request),
            )
        context.update(
            {
                "collection": collection,
                "listing": idea_listing(
                    request,
                    collection,
                    participant_id=participant.pk if participant else None,
                    categories=categories,
                ),
                "form": form,
                "sort_choices": SORT_CHOICES,
                "labels": idea_labels(),
                "next_url": request.get_full_path() if request else "",
            }
        )
        return context


class CommentStreamBlock(CachedSpaceBlock):
    """Shows a comment stream on a page: the comments with their replies and the
    form to write one while the stream is open."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=200,
        help_text=_("E.g. 'Discuss this field of action'."),
    )
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        help_text=_("A few sentences: what should people discuss here?"),
    )
    stream = SnippetChooserBlock(
        "participation.CommentStream",
        label=_("Comment stream"),
        help_text=_("The stream whose comments this block shows."),
    )

    space_field = "stream"

    class Meta:
        icon = "comment"
        label = _("Comment stream")
        template = "participation/blocks/comment_stream.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        stream = value.get("stream")
        if stream is None:
            return context
        request = request_of(parent_context)
        context.update(stream_context(request, stream, participant_initial(request)))
        return context


def stream_context(request, stream, initial=None):
    """What the comment-stream template needs, for a block or an idea's page."""
    form = None
    if stream.accepts_contributions():
        form = CommentForm(
            stream=stream,
            request=request,
            id_prefix=f"c{stream.pk}",
            initial=initial or {},
        )
    return {
        "stream": stream,
        "comments": comment_listing(request, stream),
        "labels": comment_labels(request),
        "comment_form": form,
        "initial": initial or {},
        "next_url": request.get_full_path() if request else "",
    }


class MeasureCatalogueBlock(blocks.StructBlock):
    """Shows the catalogue of measures on a page: filters by field, status and
    priority, the overview of measures by status per field, the exports and
    the list of measures with links to their pages."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=200,
        help_text=_("E.g. 'Catalogue of measures'."),
    )
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        help_text=_(
            "A few sentences: where the measures come from, what happens next."
        ),
    )

    class Meta:
        icon = "tasks"
        label = _("Catalogue of measures")
        template = "participation/blocks/measure_catalogue.html"

    def get_context(self, value, parent_context=None):
        from .views_measures import catalogue_context

        context = super().get_context(value, parent_context=parent_context)
        context.update(catalogue_context(request_of(parent_context)))
        context["prefix"] = "measures"
        return context
