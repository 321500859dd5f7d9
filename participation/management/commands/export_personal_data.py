"""Export everything stored about one e-mail address as JSON (right of access)."""

import json

from django.core.management.base import BaseCommand, CommandError

from participation.personal_data import ParticipantNotFound, export_personal_data


class Command(BaseCommand):
    help = (
        "Export everything stored about the person with this e-mail address "
        "(participant, links sent, ideas, comments, supports, reports) as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's e-mail address.")
        parser.add_argument(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the JSON to this file instead of the standard output.",
        )

    def handle(self, *args, email, output=None, **options):
        try:
            data = export_personal_data(email)
        except ParticipantNotFound as error:
            raise CommandError(
                f"Nothing is stored for the address '{error.email}'."
            ) from None
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
            self.stderr.write(
                f"Personal data of {data['participant']['email']} written to {output}."
            )
        else:
            self.stdout.write(text, ending="")
