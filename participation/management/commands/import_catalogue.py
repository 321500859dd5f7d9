"""Import a catalogue of measures in the exchange format (JSON) written by
export_catalogue, here or in another town. Everything or nothing is stored."""

import json

from django.core.management.base import BaseCommand, CommandError

from participation.measures import ExchangeError, import_catalogue


class Command(BaseCommand):
    help = "Import measures from a catalogue exchange file (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The exchange file to read.")
        parser.add_argument(
            "--as-proposed",
            action="store_true",
            help="Import every measure with the status 'proposed' (for a new town).",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite measures that exist already (same key).",
        )

    def handle(self, *args, **options):
        try:
            with open(options["path"], encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as error:
            raise CommandError(f"Cannot read {options['path']}: {error}") from error
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{options['path']} is not valid JSON: {error}"
            ) from error
        try:
            report = import_catalogue(
                data, as_proposed=options["as_proposed"], update=options["update"]
            )
        except ExchangeError as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        self.stdout.write(
            f"{report['created']} measures created, {report['updated']} updated, "
            f"{report['skipped']} left as they were (already there)."
        )
        if report["unmatched_fields"]:
            self.stdout.write(
                "No page found for these fields of action (link them by hand): "
                + ", ".join(report["unmatched_fields"])
            )
