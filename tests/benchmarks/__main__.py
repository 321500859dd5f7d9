"""Print median and p95 server time and queries per request for the main pages.

Runs against a throw-away test database (SQLite in memory, or the database in
DATABASE_URL with a `test_` prefix), filled with the demo content plus extra
news and events so that list pages show that their cost does not grow.
"""

import argparse
import os
import statistics
import time

import django


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--extra", type=int, default=200, help="extra news and events")
    parser.add_argument("--ideas", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=10000)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import (
        CaptureQueriesContext,
        setup_test_environment,
        teardown_test_environment,
    )

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from tests.benchmarks.data import build_site

        urls = build_site(extra=args.extra, ideas=args.ideas, comments=args.comments)
        public = Client()
        staff = Client()
        staff.force_login(
            get_user_model().objects.create_superuser("bench", "bench@example.org")
        )
        from participation.fragments import bump_content_version

        # Participation pages twice: as visitors mostly see them (blocks from
        # the cache) and right after a change (every block rendered anew).
        rows = []
        for label, url in urls:
            rows.append((label, url, None))
            if label.startswith(("field page", "stream", "idea page")):
                rows.append((f"{label}, after a change", url, bump_content_version))
        print(f"{'page':<46}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
        for label, url, before in rows:
            client = staff if url.startswith("/admin/") else public
            client.get(url)  # warm up: renditions, caches
            times, queries = [], []
            for _ in range(args.requests):
                if before:
                    before()
                with CaptureQueriesContext(connection) as ctx:
                    start = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (url, response.status_code)
                queries.append(len(ctx.captured_queries))
            print(
                f"{label:<46}{statistics.median(times):>10.1f}"
                f"{percentile(times, 0.95):>10.1f}{max(queries):>9}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
