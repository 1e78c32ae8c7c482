"""Headless chromium for the tests that look at what a browser draws: load a page whose script writes its
measurements into a `<pre id="probe">` as JSON, and read them back from `--dump-dom`."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


def probe(page: Path, folder: Path, *, width: int = 1280, height: int = 900) -> Any:
    """The JSON the page's script put in `<pre id="probe">`, once chromium has loaded and drawn it."""
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is missing: run `make setup` (scripts/install-system-deps.sh installs it)"
    done = subprocess.run(
        [
            chromium,
            *FLAGS,
            f"--user-data-dir={folder / 'chromium-profile'}",
            f"--window-size={width},{height}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, f"chromium wrote no measurement (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(html.unescape(found.group(1)))
