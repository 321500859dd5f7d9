"""The Atom feed of a news overview, built with Django's syndication framework."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class NewsFeed(Feed):
    """The newest news items below one news overview page."""

    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.get_url(self.request)

    def subtitle(self, obj):
        return obj.introduction or obj.search_description or obj.title

    def items(self, obj):
        return obj.get_news().prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"news-{item.translation_key}-{item.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        published = datetime.datetime.combine(item.date, datetime.time(8, 0))
        return timezone.make_aware(published)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
