"""Fill one idea collection and its page's comment stream with realistic German
test data, for benchmarks: `seed_participation --ideas 1000 --comments 10000`."""

import random
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from participation.blocks import CommentStreamBlock, IdeaCollectionBlock
from participation.models import CommentStream, IdeaCollection
from participation.seeding import body_block_name, place_on_page, seed, spaces_on

FALLBACK_SLUG = "mobilitaet"


class Command(BaseCommand):
    help = (
        "Fill an idea collection and the comment stream of its page with many "
        "ideas, supports and comments (test data with example.org addresses). "
        "Without --page-slug it uses the first live page that shows an idea "
        "collection, or else the page with the slug 'mobilitaet'; a page "
        "without the blocks gets a new collection and stream added to its body."
    )

    def add_arguments(self, parser):
        parser.add_argument("--ideas", type=int, default=1000)
        parser.add_argument("--comments", type=int, default=10000)
        parser.add_argument("--page-slug", help="The slug of the page to fill.")
        parser.add_argument(
            "--seed",
            dest="random_seed",
            type=int,
            help="Random seed, for repeatable data.",
        )

    def handle(self, *args, ideas, comments, page_slug, random_seed, **options):
        if ideas < 0 or comments < 0:
            raise CommandError("--ideas and --comments cannot be negative.")
        started = time.monotonic()
        page = find_page(page_slug)
        with transaction.atomic():
            collection, stream = self.ensure_spaces(page)
            collection.refresh_from_db()
            result = seed(
                collection,
                stream,
                ideas=ideas,
                comments=comments,
                staff_user=get_user_model()
                .objects.filter(is_superuser=True, is_active=True)
                .order_by("pk")
                .first(),
                rng=random.Random(random_seed),
            )
        self.stdout.write(
            f"Seeded '{collection}' on the page '{page.title}' ({page.url_path}): "
            f"{result.ideas} ideas, {result.supports} supports, "
            f"{result.comments} comments, {result.participants} participants "
            f"in {time.monotonic() - started:.1f} s."
        )

    def ensure_spaces(self, page):
        """The collection and stream on the page; what is missing is created and
        added to the page's body, which is then published."""
        collection, stream = spaces_on(page)
        missing = []
        if collection is None:
            collection = IdeaCollection.objects.create(
                title=f"{page.title} – Ideen (Testdaten)"[:150],
                allow_location=True,
            )
            missing.append(
                (
                    IdeaCollectionBlock,
                    {"heading": "Ihre Ideen", "intro": "", "collection": collection.pk},
                )
            )
        if stream is None:
            stream = CommentStream.objects.create(
                title=f"{page.title} – Diskussion (Testdaten)"[:150]
            )
            missing.append(
                (
                    CommentStreamBlock,
                    {"heading": "Diskussion", "intro": "", "stream": stream.pk},
                )
            )
        if missing:
            try:
                place_on_page(page, missing)
            except LookupError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"Added an idea collection or stream to '{page.title}'.")
        return collection, stream


def find_page(slug=None):
    """The page to fill: by slug, or the first live page showing an idea
    collection, or the page with the fallback slug."""
    if slug:
        page = Page.objects.filter(slug=slug).order_by("path").first()
        if page is None:
            raise CommandError(f"There is no page with the slug '{slug}'.")
        return usable(page.specific)
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        if spaces_on(page)[0] is not None:
            return page
    page = Page.objects.filter(slug=FALLBACK_SLUG).order_by("path").first()
    if page is None:
        raise CommandError(
            "No page shows an idea collection and there is no page with the slug "
            f"'{FALLBACK_SLUG}'. Name a page with --page-slug."
        )
    return usable(page.specific)


def usable(page):
    if body_block_name(page, IdeaCollectionBlock) is None:
        raise CommandError(
            f"The page '{page.title}' has no body that offers the idea collection "
            "block. Choose another page with --page-slug."
        )
    return page
