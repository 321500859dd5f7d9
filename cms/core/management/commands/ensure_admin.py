"""Create the first administrator account, or reset its password on request."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the administrator account for a first run. The password comes from "
        "ADMIN_PASSWORD or is generated and printed. An existing account is kept; "
        "with ADMIN_PASSWORD set, its password is reset to that value."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default=os.environ.get("ADMIN_USERNAME", "admin")
        )
        parser.add_argument(
            "--email", default=os.environ.get("ADMIN_EMAIL", "admin@example.org")
        )

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        password = os.environ.get("ADMIN_PASSWORD", "")
        user = User.objects.filter(username=username).first()
        if user is not None and not password:
            self.stdout.write(
                f"Admin login: user '{username}' exists already; its password is "
                "unchanged. Run with ADMIN_PASSWORD=... to set a new one."
            )
            return
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        if user is None:
            User.objects.create_superuser(
                username=username, email=email, password=password
            )
            action = "created"
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
            action = "password reset"
        shown = password if generated else "(the value of ADMIN_PASSWORD)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login {action}: user '{username}', password {shown}"
            )
        )
