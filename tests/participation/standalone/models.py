"""A minimal page type of a project that knows nothing of Stadtdialog's cms."""

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from participation.blocks import CommentStreamBlock, IdeaCollectionBlock


class PlainPage(Page):
    body = StreamField(
        [
            ("text", blocks.RichTextBlock()),
            ("idea_collection", IdeaCollectionBlock()),
            ("comment_stream", CommentStreamBlock()),
        ],
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
