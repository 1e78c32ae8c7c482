"""Look at what `cjm export` makes, as a client would see it: LibreOffice (installed by `make setup`, see
scripts/install-system-deps.sh) renders the .xlsx and .pptx to PDF, poppler turns the pages into text and
pictures, and every phase and item of the map must be on them. The test never skips: without LibreOffice it
fails and says how to install it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from cjm.output.office import export_bytes
from cjm.validation.check import check_file

ROOT = Path(__file__).resolve().parent.parent
MAPS = {"ja": ROOT / "samples/apparel-working-mother.yaml", "en": ROOT / "samples/gift-sweets.yaml"}


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: run `make setup` (scripts/install-system-deps.sh installs it)"
    return found


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """Every export of both maps, rendered to PDF by LibreOffice in one run, with its own profile."""
    folder = tmp_path_factory.mktemp("office-render")
    files = []
    for language, path in MAPS.items():
        journey = check_file(str(path)).journey
        for fmt in ("xlsx", "pptx"):
            target = folder / f"{language}-{fmt}.{fmt}"
            target.write_bytes(export_bytes(journey, fmt))
            files.append(target)
    proc = subprocess.run(
        [
            _tool("soffice"),
            f"-env:UserInstallation=file://{folder}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, files),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    pdfs = {f.stem: folder / f"{f.stem}.pdf" for f in files}
    missing = [name for name, pdf in pdfs.items() if not pdf.exists()]
    assert not missing, (missing, proc.stdout[-1000:], proc.stderr[-1000:])
    return pdfs


def _text(pdf: Path) -> str:
    out = subprocess.run([_tool("pdftotext"), str(pdf), "-"], capture_output=True, timeout=60, check=True)
    return out.stdout.decode("utf-8")


def _flat(text: str) -> str:
    """Text without spaces and line breaks: a renderer wraps cells wherever it likes."""
    return re.sub(r"\s+", "", text)


def _shown(text: str, pages: str) -> bool:
    """Whether `text` is on the pages whole. pdftotext reads a row of cells line by line across the row, so a
    cell's wrapped lines come interleaved with its neighbours': its characters must follow each other in order,
    from where its start is, within a few lines' reach."""
    wanted = _flat(text)
    reach = 6 * len(wanted) + 400
    start = pages.find(wanted[:4])
    while start != -1:
        at, found = start, 0
        for char in wanted:
            at = pages.find(char, at, start + reach)
            if at == -1:
                break
            at, found = at + 1, found + 1
        if found == len(wanted):
            return True
        start = pages.find(wanted[:4], start + 1)
    return False


@pytest.mark.parametrize("language", MAPS)
@pytest.mark.parametrize("fmt", ["xlsx", "pptx"])
def test_the_rendered_pages_show_the_map(rendered, language: str, fmt: str) -> None:
    journey = check_file(str(MAPS[language])).journey
    pages = _flat(_text(rendered[f"{language}-{fmt}"]))
    assert _flat(journey.title) in pages
    for phase in journey.phases:
        assert _shown(phase.name, pages), phase.name
        for item in (*phase.actions, *phase.pain_points, *phase.opportunities):
            assert _shown(item.text, pages), (fmt, item.text)
    if fmt == "pptx":
        for initiative in journey.initiatives:
            assert _shown(initiative.title, pages), initiative.title


@pytest.mark.parametrize("name", ["ja-pptx", "ja-xlsx", "en-pptx"])
def test_the_pages_are_pictures_with_something_on_them(rendered, name: str, tmp_path: Path) -> None:
    pdf = rendered[name]
    subprocess.run([_tool("pdftoppm"), "-r", "40", "-png", str(pdf), str(tmp_path / "page")], timeout=120, check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages
    if name.endswith("pptx"):
        journey = check_file(str(MAPS[name[:2]])).journey
        deck = Presentation(io.BytesIO(export_bytes(journey, "pptx")))
        assert len(pages) == len(deck.slides)
    for page in pages:
        with Image.open(page) as image:
            width, height = image.size
            assert width > height  # landscape: 16:9 slides, and the grid printed across
            colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
            assert colours is None or len(colours) > 20, page  # not a blank page
