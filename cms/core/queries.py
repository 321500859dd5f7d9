"""Query helpers shared by the page types."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def not_restricted(queryset):
    """Like PageQuerySet.public(), but as a subquery.

    Wagtail's public() loads all view restrictions in a query of its own each
    time it is called; this excludes pages at or below a restricted page inside
    the same query, so list pages cost one query fewer per list.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restricted))
