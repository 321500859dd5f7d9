"""Mailings without an account: subscriptions to announcements (double opt-in,
matched by kind and field of action, once per item), and follows of ideas with
a daily digest.

The host project tells the plugin which pages announce, without the plugin
importing it, through two settings:

``PARTICIPATION_ANNOUNCEMENTS``
    ``{"app_label.Model": {"kind": "events" or "news", "topic": "<name of a
    foreign key to the field-of-action page>", "skip_if": "<name of a boolean
    attribute, e.g. is_past>"}}``. When a page of such a model is published for
    the first time, matching confirmed subscribers get one e-mail.
``PARTICIPATION_TOPIC_PAGE_MODEL``
    ``"app_label.Model"`` of the pages people may choose as fields of action
    (their live pages in the reader's language are offered).
"""

import datetime
import uuid

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from . import emails
from .models import (
    Announcement,
    Follow,
    FollowNotice,
    Idea,
    Participant,
    Subscription,
    SubscriptionTopic,
    Support,
)
from .models.subscriptions import EVENTS, NEWS
from .tokens import LinkError, link_max_age, load_signed

TOKEN_SALT = "participation.subscription"
FOLLOW_SALT = "participation.follow"
CONFIRM, MANAGE = "c", "m"
DIGEST_PAUSE = datetime.timedelta(hours=20)


def announcement_settings():
    return getattr(settings, "PARTICIPATION_ANNOUNCEMENTS", {})


def topic_choices(language=None):
    """The fields of action people may choose, as (translation key, title) in the
    reader's language (or the default language where no translation is live)."""
    reference = getattr(settings, "PARTICIPATION_TOPIC_PAGE_MODEL", "")
    if not reference:
        return []
    model = apps.get_model(reference)
    pages = list(model.objects.live().order_by("path").only("title", "locale_id"))
    language = language or get_language() or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language).first()
    by_key = {}
    for page in pages:
        key = str(page.translation_key)
        if key not in by_key or (locale and page.locale_id == locale.pk):
            by_key.setdefault(key, page)
            if locale and page.locale_id == locale.pk:
                by_key[key] = page
    return [(key, page.title) for key, page in by_key.items()]


# Links


def make_token(subscription, purpose):
    return signing.dumps(
        {"u": subscription.pk, "s": subscription.secret, "p": purpose},
        salt=TOKEN_SALT,
        compress=True,
    )


def read_token(token, purpose):
    """The subscription a token stands for, or LinkError."""
    max_age = link_max_age() if purpose == CONFIRM else None
    data = load_signed(
        token,
        salt=TOKEN_SALT,
        max_age=max_age,
        expired=_("This link has expired. Please subscribe again."),
        purpose=purpose,
    )
    subscription = Subscription.objects.filter(pk=data.get("u")).first()
    if subscription is None or not constant_time_compare(
        subscription.secret, str(data.get("s", ""))
    ):
        raise LinkError(
            _("This subscription no longer exists; you receive no more e-mails."),
            "gone",
        )
    return subscription


def subscription_urls(subscription):
    """The links every mail to a subscriber carries."""
    manage = make_token(subscription, MANAGE)
    return {
        "manage_url": emails.absolute_url(
            reverse("participation:subscription_manage", args=[manage])
        ),
        "unsubscribe_url": emails.absolute_url(
            reverse("participation:unsubscribe", args=[manage])
        ),
    }


# Subscribing


def _set_topics(subscription, all_topics, topic_keys):
    subscription.topics.all().delete()
    if not all_topics:
        SubscriptionTopic.objects.bulk_create(
            SubscriptionTopic(subscription=subscription, topic_key=uuid.UUID(str(key)))
            for key in set(topic_keys)
        )


@transaction.atomic
def subscribe(
    *, email, language, wants_events, wants_news, all_topics=True, topic_keys=()
):
    """Store a subscription waiting for its e-mail confirmation and send the link.
    An address that is subscribed already gets its personal link instead, so
    the page reveals nothing about who subscribed."""
    email = email.strip().lower()
    subscription = Subscription.objects.select_for_update().filter(email=email).first()
    if subscription is not None and subscription.is_confirmed:
        emails.send_subscription_mail("subscription_known", subscription)
        return subscription
    if subscription is None:
        subscription = Subscription(email=email)
    subscription.language = language
    subscription.wants_events = wants_events
    subscription.wants_news = wants_news
    subscription.all_topics = all_topics
    subscription.created_at = timezone.now()
    subscription.save()
    _set_topics(subscription, all_topics, topic_keys)
    emails.send_subscription_mail("subscription_confirm", subscription)
    return subscription


@transaction.atomic
def confirm_subscription(token):
    """Open the confirmation link: from now on the address receives announcements."""
    subscription = read_token(token, CONFIRM)
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.is_confirmed:
        raise LinkError(
            _("This link has already been used. Your subscription is confirmed."),
            "used",
        )
    subscription.confirmed_at = timezone.now()
    subscription.save(update_fields=["confirmed_at"])
    emails.send_subscription_mail("subscription_welcome", subscription)
    return subscription


@transaction.atomic
def update_subscription(
    subscription, *, wants_events, wants_news, all_topics, topic_keys, language=None
):
    """Change what a subscriber receives."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    subscription.wants_events = wants_events
    subscription.wants_news = wants_news
    subscription.all_topics = all_topics
    if language:
        subscription.language = language
    subscription.save()
    _set_topics(subscription, all_topics, topic_keys)
    return subscription


@transaction.atomic
def unsubscribe(subscription):
    """End a subscription: the address and its choices are deleted."""
    return Subscription.objects.filter(pk=subscription.pk).delete()[0] > 0


def purge_unconfirmed_subscriptions(now=None):
    """Delete subscriptions never confirmed within the link's validity."""
    now = now or timezone.now()
    return Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - link_max_age()
    ).delete()[0]


# Announcements


def matching_subscriptions(kind, topic_key):
    """Confirmed subscriptions that want this kind of item for this field."""
    wanted = Q(wants_events=True) if kind == EVENTS else Q(wants_news=True)
    topic = Q(all_topics=True)
    if topic_key is not None:
        topic |= Q(topics__topic_key=topic_key)
    return (
        Subscription.objects.filter(wanted, topic, confirmed_at__isnull=False)
        .distinct()
        .order_by("pk")
    )


def announcement_config(page):
    return announcement_settings().get(page._meta.label)


def is_first_publication(page):
    first, last = page.first_published_at, page.last_published_at
    return (
        first is None or last is None or (last - first) < datetime.timedelta(minutes=1)
    )


def announce(page):
    """Tell matching subscribers about a newly published page, once per item
    (all its language versions count as one); returns the number of mails."""
    page = page.specific
    config = announcement_config(page)
    if config is None or not is_first_publication(page):
        return 0
    skip_if = config.get("skip_if")
    if skip_if and getattr(page, skip_if, False):
        return 0
    kind = config.get("kind", NEWS)
    if Announcement.objects.filter(translation_key=page.translation_key).exists():
        return 0
    topic_page = getattr(page, config["topic"], None) if config.get("topic") else None
    topic_key = topic_page.translation_key if topic_page is not None else None
    with transaction.atomic():
        try:
            with transaction.atomic():
                announcement = Announcement.objects.create(
                    translation_key=page.translation_key,
                    kind=kind,
                    title=page.title[:255],
                    page=page,
                )
        except IntegrityError:
            return 0
        count = 0
        for subscription in matching_subscriptions(kind, topic_key):
            emails.send_subscription_mail(
                "announcement",
                subscription,
                kind=kind,
                item_title=page.title,
                item_teaser=getattr(page, "search_description", "")
                or getattr(page, "teaser", ""),
                item_url=_page_url(page, subscription.language),
                topic_title=topic_page.title if topic_page is not None else "",
            )
            count += 1
        announcement.recipients = count
        announcement.save(update_fields=["recipients"])
    return count


def _page_url(page, language):
    from .registrations import page_url

    return page_url(page, language)


def announce_on_publish(sender, instance, **kwargs):
    """page_published receiver."""
    if announcement_settings():
        announce(instance)


def subscriber_counts():
    """How many confirmed subscribers chose what, for the admin."""
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
    totals = confirmed.aggregate(
        total=Count("pk"),
        events=Count("pk", filter=Q(wants_events=True)),
        news=Count("pk", filter=Q(wants_news=True)),
        both=Count("pk", filter=Q(wants_events=True, wants_news=True)),
        all_topics=Count("pk", filter=Q(all_topics=True)),
    )
    per_topic = dict(
        SubscriptionTopic.objects.filter(subscription__confirmed_at__isnull=False)
        .values_list("topic_key")
        .annotate(count=Count("pk"))
        .values_list("topic_key", "count")
    )
    topics = [
        (title, per_topic.get(uuid.UUID(key), 0)) for key, title in topic_choices()
    ]
    pending = Subscription.objects.filter(confirmed_at__isnull=True).count()
    return {**totals, "topics": topics, "pending": pending}


# Follows


def may_follow(participant, idea):
    """Authors and supporters of an idea may follow it."""
    if participant is None or not participant.is_confirmed:
        return False
    return (
        idea.participant_id == participant.pk
        or Support.objects.filter(idea=idea, participant=participant).exists()
    )


def follow(participant, idea):
    """Follow an idea; False if not allowed or already following."""
    if not may_follow(participant, idea):
        return False
    _obj, created = Follow.objects.get_or_create(participant=participant, idea=idea)
    return created


def unfollow(participant, idea=None):
    """Stop following one idea, or all of them; returns how many follows ended."""
    follows = Follow.objects.filter(participant=participant)
    if idea is not None:
        follows = follows.filter(idea=idea)
    FollowNotice.objects.filter(
        participant=participant,
        sent_at__isnull=True,
        **({"idea": idea} if idea is not None else {}),
    ).delete()
    return follows.delete()[0]


def notify_followers(idea, kind):
    """Note a new status or official answer for everyone who follows the idea
    (its author is told at once by e-mail, so not here)."""
    followers = Follow.objects.filter(idea=idea).exclude(
        participant_id=idea.participant_id
    )
    FollowNotice.objects.bulk_create(
        FollowNotice(participant_id=participant_id, idea=idea, kind=kind)
        for participant_id in followers.values_list("participant_id", flat=True)
    )


def follow_token(participant):
    return signing.dumps({"f": participant.pk}, salt=FOLLOW_SALT)


def read_follow_token(token):
    data = load_signed(token, salt=FOLLOW_SALT, max_age=None)
    participant = Participant.objects.filter(pk=data.get("f")).first()
    if participant is None:
        raise LinkError(_("You follow no ideas any more."), "gone")
    return participant


def send_follow_digests(now=None):
    """One mail per follower with everything new on the ideas they follow; never
    more than one a day. Returns the number of digests queued."""
    from .emails import contribution_url

    now = now or timezone.now()
    waiting = (
        FollowNotice.objects.filter(sent_at__isnull=True)
        .values_list("participant_id", flat=True)
        .distinct()
    )
    sent = 0
    for participant_id in list(waiting):
        with transaction.atomic():
            participant = (
                Participant.objects.select_for_update()
                .filter(pk=participant_id)
                .first()
            )
            if participant is None:
                continue
            last = FollowNotice.objects.filter(
                participant=participant, sent_at__isnull=False
            ).aggregate(last=Max("sent_at"))["last"]
            if last is not None and now - last < DIGEST_PAUSE:
                continue
            notices = list(
                FollowNotice.objects.select_for_update()
                .filter(participant=participant, sent_at__isnull=True)
                .order_by("created_at", "pk")
            )
            if not notices:
                continue
            FollowNotice.objects.filter(pk__in=[n.pk for n in notices]).update(
                sent_at=now
            )
            ideas = {
                idea.pk: idea
                for idea in Idea.objects.filter(
                    pk__in={n.idea_id for n in notices}
                ).select_related("merged_into")
            }
            items = []
            for idea_id in dict.fromkeys(n.idea_id for n in notices):
                idea = ideas.get(idea_id)
                if idea is None:
                    continue
                kinds = {n.kind for n in notices if n.idea_id == idea_id}
                items.append(
                    {
                        "idea": idea,
                        "status_changed": FollowNotice.STATUS in kinds,
                        "answered": FollowNotice.ANSWER in kinds,
                        "url": contribution_url(idea),
                    }
                )
            if not items:
                continue
            with translation.override(participant.language):
                for item in items:
                    item["url"] = contribution_url(item["idea"])
                unfollow_url = emails.absolute_url(
                    reverse("participation:unfollow", args=[follow_token(participant)])
                )
            emails.send_follow_digest(participant, items, unfollow_url)
            sent += 1
    return sent


def announcement_page(announcement):
    page = announcement.page
    return page.specific if isinstance(page, Page) else None


# Personal data


def export_for(email):
    """The subscription and the follows of an address, for the export."""
    email = email.strip().lower()
    subscription = Subscription.objects.filter(email=email).first()
    data = {"subscription": None, "follows": []}
    if subscription is not None:
        data["subscription"] = {
            "new_events": subscription.wants_events,
            "news": subscription.wants_news,
            "all_fields_of_action": subscription.all_topics,
            "fields_of_action": [str(t.topic_key) for t in subscription.topics.all()],
            "language": subscription.language,
            "subscribed": subscription.created_at.isoformat(),
            "confirmed": subscription.confirmed_at.isoformat()
            if subscription.confirmed_at
            else None,
        }
    data["follows"] = [
        {"idea": {"id": follow.idea_id, "title": follow.idea.title}}
        for follow in Follow.objects.filter(participant__email=email).select_related(
            "idea"
        )
    ]
    return data


def erase_for(email):
    """Delete the subscription of an address (follows go with the participant)."""
    return Subscription.objects.filter(email=email.strip().lower()).delete()[0]
