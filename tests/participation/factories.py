"""factory_boy factories for the participation plugin.

Contributions are created the way the services leave them: an idea with its own
discussion stream, a confirmed and published comment that counts towards the
idea's and its parent's counters when `counted=True` (the default for visible
ones). `ParticipantFactory` is confirmed; `UnconfirmedParticipantFactory` is
not.
"""

import factory
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale

from participation.models import (
    POST_MODERATION,
    AccessLink,
    CannedReply,
    Category,
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaCollection,
    IdeaStatus,
    Participant,
    Report,
    Support,
    Visibility,
)
from participation.services import keyed_hash


def default_locale():
    return Locale.get_default()


class ParticipantFactory(factory.django.DjangoModelFactory):
    """A citizen whose address is confirmed."""

    email = factory.Sequence(lambda n: f"buerger{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Bürgerin {n}")
    language = "de"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Participant


class UnconfirmedParticipantFactory(ParticipantFactory):
    confirmed_at = None


class AccessLinkFactory(factory.django.DjangoModelFactory):
    participant = factory.SubFactory(ParticipantFactory)
    purpose = AccessLink.MANAGE

    class Meta:
        model = AccessLink


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategorie {n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Category


class CannedReplyFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Textbaustein {n}")
    text = "Dieser Beitrag verstößt gegen die Grundsätze der Zusammenarbeit."
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = CannedReply


class IdeaCollectionFactory(factory.django.DjangoModelFactory):
    """An open, post-moderated collection; `categories=[...]` sets its categories."""

    title = factory.Sequence(lambda n: f"Ideensammlung {n}")
    moderation = POST_MODERATION
    comment_moderation = POST_MODERATION

    class Meta:
        model = IdeaCollection
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)


class CommentStreamFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Diskussion {n}")
    moderation = POST_MODERATION

    class Meta:
        model = CommentStream


class IdeaFactory(factory.django.DjangoModelFactory):
    """A confirmed, published idea by a confirmed participant, with its own
    discussion stream (moderated like the collection says)."""

    collection = factory.SubFactory(IdeaCollectionFactory)
    participant = factory.SubFactory(ParticipantFactory)
    display_name = factory.LazyAttribute(
        lambda o: o.participant.display_name if o.participant else ""
    )
    language = "de"
    title = factory.Sequence(lambda n: f"Idee {n}: mehr Fahrradbügel")
    description = "Am Bahnhof fehlen sichere Abstellplätze für Fahrräder."
    visibility = Visibility.PUBLISHED
    status = factory.LazyAttribute(
        lambda o: (
            IdeaStatus.PUBLISHED
            if o.visibility == Visibility.PUBLISHED
            else IdeaStatus.SUBMITTED
        )
    )
    confirmed_at = factory.LazyFunction(timezone.now)
    discussion = factory.LazyAttribute(
        lambda o: CommentStream.objects.create(
            title=o.title[:150],
            moderation=o.collection.comment_moderation,
            page_id=o.collection.page_id,
        )
    )

    class Meta:
        model = Idea


class CommentFactory(factory.django.DjangoModelFactory):
    """A confirmed, published comment. Visible comments move the counters of the
    idea whose discussion the stream is and of the parent (as the services do)
    unless `counted=False`."""

    stream = factory.SubFactory(CommentStreamFactory)
    participant = factory.SubFactory(ParticipantFactory)
    display_name = factory.LazyAttribute(
        lambda o: o.participant.display_name if o.participant else ""
    )
    language = "de"
    text = factory.Sequence(lambda n: f"Kommentar {n}: gute Idee.")
    visibility = Visibility.PUBLISHED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = DiscussionComment
        skip_postgeneration_save = True

    @factory.post_generation
    def counted(self, create, extracted, **kwargs):
        if not create or extracted is False or not self.is_visible:
            return
        if self.parent_id:
            DiscussionComment.objects.filter(pk=self.parent_id).update(
                reply_count=F("reply_count") + 1
            )
        Idea.objects.filter(discussion_id=self.stream_id).update(
            comment_count=F("comment_count") + 1
        )


class SupportFactory(factory.django.DjangoModelFactory):
    """A support; the idea's counter moves with it."""

    idea = factory.SubFactory(IdeaFactory)
    participant = factory.SubFactory(ParticipantFactory)

    class Meta:
        model = Support
        skip_postgeneration_save = True

    @factory.post_generation
    def counted(self, create, extracted, **kwargs):
        if create and extracted is not False:
            Idea.objects.filter(pk=self.idea_id).update(
                support_count=F("support_count") + 1
            )


class ReportFactory(factory.django.DjangoModelFactory):
    """A report of `content_object` (an idea or comment); the counter is not
    moved (use services.report_contribution for that)."""

    content_object = factory.SubFactory(IdeaFactory)
    reason = Report.Reason.SPAM
    reporter_hash = factory.Sequence(lambda n: keyed_hash(f"reporter-{n}"))

    class Meta:
        model = Report
