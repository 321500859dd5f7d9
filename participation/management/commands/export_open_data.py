"""Write the open data (ideas without personal data, scores, decisions and
measures) as CSV files and one JSON file into a folder, e.g. from cron for a
town's open-data portal. The fields are documented in docs/open-data.md."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from participation.measures import OPEN_DATA_SETS, open_data, open_data_csv


class Command(BaseCommand):
    help = "Write the open data as CSV and JSON files into a folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Folder to write to (created if missing).")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        folder.mkdir(parents=True, exist_ok=True)
        for dataset in OPEN_DATA_SETS:
            (folder / f"{dataset}.csv").write_text(
                open_data_csv(dataset), encoding="utf-8"
            )
        (folder / "open-data.json").write_text(
            json.dumps(open_data(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        self.stdout.write(
            f"Open data written to {folder}: "
            + ", ".join(f"{name}.csv" for name in OPEN_DATA_SETS)
            + ", open-data.json"
        )
