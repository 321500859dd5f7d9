"""The plugin stands alone: it is installed into a bare Wagtail project."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_participation_works_in_a_bare_wagtail_project():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.participation.standalone.settings",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/participation/standalone/check_standalone.py",
            "-p",
            "no:cacheprovider",
            "--noconftest",
            "-p",
            "no:xdist",
            "-q",
            "--ds=tests.participation.standalone.settings",
            "-o",
            "python_files=check_*.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout
