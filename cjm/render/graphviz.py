"""Running Graphviz's `dot` program, and checking that a Japanese-capable font is installed."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile

from cjm.core.errors import CjmError

DOT_TIMEOUT = 120  # seconds: a hung or runaway `dot` must not hang cjm
FONT_CHECK_TIMEOUT = 10
RASTER_DPI = 144  # PNGs at twice the screen density: crisp on high-density screens and when zoomed

INSTALL_GRAPHVIZ = (
    "install Graphviz: `sudo apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` "
    "(macOS), `winget install graphviz` (Windows); --format dot and --format mermaid work without it"
)
INSTALL_FONT = (
    "install one: `sudo apt-get install fonts-noto-cjk` (Debian, Ubuntu), "
    "`brew install --cask font-noto-sans-cjk-jp` (macOS)"
)


def find_dot() -> str | None:
    return shutil.which("dot")


def run_dot(source: str, output_format: str, *, timeout: float = DOT_TIMEOUT) -> bytes:
    """The DOT source laid out and drawn by `dot -T<format>`."""
    dot = find_dot()
    if dot is None:
        raise CjmError(f"Graphviz's `dot` program was not found; {INSTALL_GRAPHVIZ}")
    command = [dot, f"-T{output_format}"]
    if output_format == "png":
        command.append(f"-Gdpi={RASTER_DPI}")
    with tempfile.TemporaryDirectory(prefix="cjm-dot-") as empty:
        # Defence in depth: labels are escaped so none can name a file, and with SERVER_NAME set Graphviz also
        # refuses to read image files outside GV_FILE_PATH, here an empty folder.
        env = {**os.environ, "SERVER_NAME": "cjm", "GV_FILE_PATH": empty}
        try:
            done = subprocess.run(
                command,
                input=source.encode("utf-8"),
                capture_output=True,
                timeout=timeout,
                env=env,
                cwd=empty,
                check=False,
            )
        except subprocess.TimeoutExpired as err:
            raise CjmError(
                f"Graphviz took longer than {timeout:g} s to draw the diagram; try --view map on a "
                "smaller map, or --format dot to inspect it"
            ) from err
        except OSError as err:
            raise CjmError(f"could not run Graphviz's `dot` ({dot}): {err.strerror or err}") from err
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[-1] if message else f"exit status {done.returncode}"
        raise CjmError(f"Graphviz could not draw the diagram: {detail}")
    return done.stdout


@functools.cache
def japanese_font_available() -> bool | None:
    """Whether fontconfig knows a font that covers Japanese; None when that cannot be told (no `fc-list`)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        done = subprocess.run(
            [fc_list, ":lang=ja", "family"], capture_output=True, timeout=FONT_CHECK_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return bool(done.stdout.strip())


def font_warning(needs_japanese: bool) -> str | None:
    """A warning when the map has Japanese text but no font can draw it (it would come out as empty boxes)."""
    if needs_japanese and japanese_font_available() is False:
        return (
            f"no Japanese-capable font found (`fc-list :lang=ja` lists none), so Japanese text may show as empty "
            f"boxes; {INSTALL_FONT}"
        )
    return None
