"""Load the German demo site ("Smart. Smarter. Pinneberg?!"); safe to run again."""

from django.core.management.base import BaseCommand

from home.demo.builder import load_demo


class Command(BaseCommand):
    help = (
        "Create the demo content: home page, strategy project with five fields of "
        "action, workshops, news, standard pages, branding, images and documents. "
        "Existing pages are kept; a second run changes nothing."
    )

    def handle(self, *args, **options):
        load_demo(stdout=self.stdout)
