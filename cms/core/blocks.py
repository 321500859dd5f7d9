"""StreamField blocks that editors combine into the body of a page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from participation.blocks import (
    CommentStreamBlock,
    IdeaCollectionBlock,
    MeasureCatalogueBlock,
)

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline correct for screen readers."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (level 2)")), ("h3", _("Subsection (level 3)"))],
        default="h2",
        help_text=_("Use level 2 for sections, level 3 only inside a section."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    """An image with the text a screen reader reads out and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Leave empty if the image is purely decorative."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    """A highlighted statement, with the role of whoever said it."""

    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Said by"),
        required=False,
        max_length=200,
        help_text=_("A role, for example 'Mayor'; no private person's name."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class DocumentListBlock(blocks.StructBlock):
    """A titled list of downloads (minutes, presentations, results)."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Document")), label=_("Documents")
    )

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "blocks/document_list.html"


class CallToActionBlock(blocks.StructBlock):
    """A short box that points readers to a page or address, e.g. 'Register now'."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    url = blocks.URLBlock(
        label=_("Or link to address"),
        required=False,
        help_text=_("Only used if no page is chosen."),
    )
    button_label = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that readers open one by one (native details/summary)."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "blocks/accordion.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The blocks editors may use in the main text of a page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    documents = DocumentListBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    idea_collection = IdeaCollectionBlock()
    comment_stream = CommentStreamBlock()
    measure_catalogue = MeasureCatalogueBlock()


class FooterLinkBlock(blocks.StructBlock):
    """A link in the site footer: a page of the site or an external address."""

    label = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(
        label=_("Or address"),
        required=False,
        help_text=_("Only used if no page is chosen."),
    )

    class Meta:
        icon = "link"
        label = _("Link")


class InterimResultBlock(blocks.StructBlock):
    """What one workshop round of a field of action produced: summary and documents."""

    round = blocks.IntegerBlock(
        label=_("Workshop round"),
        min_value=1,
        max_value=20,
        help_text=_("1 for the first round."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Summary"), features=RICH_TEXT_FEATURES)
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Document")),
        label=_("Documents"),
        default=[],
        help_text=_("Minutes, photo records or presentations of this round."),
    )

    class Meta:
        icon = "tasks"
        label = _("Interim results")
        template = "blocks/interim_result.html"
