"""Write the catalogue of measures in the exchange format (JSON), so that
another town can import it as a starting point (see docs/open-data.md)."""

from django.core.management.base import BaseCommand

from participation.measures import dumps, export_catalogue


class Command(BaseCommand):
    help = "Export the catalogue of measures in the JSON exchange format."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="File to write; standard output if left out."
        )

    def handle(self, *args, **options):
        text = dumps(export_catalogue())
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Catalogue written to {options['output']}.")
        else:
            self.stdout.write(text)
