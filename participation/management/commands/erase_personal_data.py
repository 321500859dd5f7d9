"""Erase one person's data (right to erasure): anonymise or delete their
contributions, withdraw their supports, remove the address."""

from django.core.management.base import BaseCommand, CommandError

from participation.personal_data import (
    ParticipantNotFound,
    erase_personal_data,
    is_known,
)


class Command(BaseCommand):
    help = (
        "Erase the person with this e-mail address. Their ideas and comments stay "
        "anonymously unless --delete-contributions is given; supports, access "
        "links and the address itself are deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's e-mail address.")
        parser.add_argument(
            "--delete-contributions",
            action="store_true",
            help="Delete their ideas (with their discussions) and comments too.",
        )
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, email, delete_contributions, yes, **options):
        what = (
            "delete their ideas (with the discussions on them) and comments"
            if delete_contributions
            else "keep their ideas and comments anonymously"
        )
        if not is_known(email):
            raise CommandError(f"Nothing is stored for the address '{email}'.")
        if not yes:
            answer = input(
                f"Erase everything stored for '{email}' and {what}? "
                "This cannot be undone. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was erased.")
        try:
            summary = erase_personal_data(
                email, delete_contributions=delete_contributions
            )
        except ParticipantNotFound as error:
            raise CommandError(
                f"Nothing is stored for the address '{error.email}'; nothing erased."
            ) from None
        details = ", ".join(
            f"{key.replace('_', ' ')}: {value}"
            for key, value in summary.items()
            if isinstance(value, int) and not isinstance(value, bool)
        )
        self.stdout.write(
            self.style.SUCCESS(f"Erased {summary['email']}.") + f" {details}."
        )
