"""Every Mermaid diagram cjm writes, drawn by Mermaid itself (`mmdc`, the mermaid-cli, in Debian's chromium):
it parses, it shows every phase and every action as written, in order, and its actors are only the personas
that the actions name.

`make setup` installs mermaid-cli into tests/render/mermaid-cli (npm, no browser download)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from cjm.core.model import Journey
from cjm.render import facts
from cjm.render.mermaid import build_mermaid
from cjm.validation.check import check_file
from tests.render.browser import probe

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
CLI = HERE / "mermaid-cli"
MMDC = CLI / "node_modules" / ".bin" / "mmdc"
MAPS = [
    *sorted((ROOT / "samples").glob("*.yaml")),
    *sorted((HERE / "maps").glob("*.yaml")),
    *sorted(p for p in (ROOT / "tests" / "corpus").glob("*.yaml") if not p.name.endswith(".expect.yaml")),
]
SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def journeys() -> list[Journey]:
    found = []
    for path in MAPS:
        journey = check_file(str(path)).journey
        if journey is not None:
            found.append(journey)
    return found


@cache
def drawn(tmp: str) -> list[str]:
    """Each map's diagram drawn by mmdc from one Markdown file of fenced blocks (one browser for all)."""
    assert MMDC.exists(), f"{MMDC} is missing: run `make setup`"
    assert shutil.which("chromium"), "Debian's chromium is missing: run `make setup`"
    folder = Path(tmp)
    source = folder / "all.md"
    source.write_text("\n".join(build_mermaid(j, fenced=True) for j in journeys()), encoding="utf-8")
    done = subprocess.run(
        [str(MMDC), "-q", "-p", str(CLI / "puppeteer.json"), "-i", str(source), "-o", str(folder / "out.md")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [(folder / f"out-{n}.svg").read_text(encoding="utf-8") for n in range(1, len(journeys()) + 1)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mermaid")


@pytest.fixture(scope="module")
def diagrams(folder: Path) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in drawn(str(folder))]


# Measures, in the browser, whether each task's text fits its box (Mermaid cuts what overflows).
PROBE = """<script>
window.addEventListener("load", () => {
  const cut = [];
  for (const box of document.querySelectorAll("foreignObject")) {
    const label = box.querySelector(".label");
    if (!label) continue;
    const room = box.getBoundingClientRect();
    const text = label.getBoundingClientRect();
    if (text.height > room.height + 1 || text.width > room.width + 1) cut.push(label.textContent);
  }
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({boxes: document.querySelectorAll("foreignObject").length, cut});
  document.body.appendChild(out);
});
</script>"""


def test_no_task_text_is_cut_in_the_browser(folder: Path) -> None:
    page = folder / "all.html"
    page.write_text(
        # The charset said, not guessed: Chromium may otherwise read the UTF-8 page as windows-1252.
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        + "".join(drawn(str(folder)))
        + PROBE
        + "</body></html>",
        encoding="utf-8",
    )
    found = probe(page, folder, width=3000)
    assert found["boxes"] > 50
    said = sum(
        int(m)
        for m in re.findall(
            r"%% cjm: (\d+) tasks? (?:is|are) longer than", "".join(build_mermaid(j) for j in journeys())
        )
    )
    assert len(found["cut"]) <= said, found["cut"]  # none, or no more than the diagrams warn of


def _shown(text: str) -> str:
    return " ".join(text.split())


def test_every_diagram_parses_and_shows_every_phase_and_action_in_order(diagrams: list[ET.Element]) -> None:
    for journey, svg in zip(journeys(), diagrams, strict=True):
        assert "Syntax error" not in ET.tostring(svg, encoding="unicode"), journey.source
        boxes = [_shown("".join(div.itertext())) for div in svg.iter(f"{XHTML}div") if div.get("class") == "label"]
        lanes = facts.lanes(journey)
        expected = []
        for phase in journey.phases:
            actions = [
                item.text for lane in lanes for item in facts.lane_items(phase, "actions", lane, len(lanes) == 1)
            ]
            if actions:  # Mermaid draws a section only with its tasks
                expected += [phase.name, *actions]
        assert boxes == [_shown(t) for t in expected], journey.source


def test_actors_are_only_the_personas_the_actions_name(diagrams: list[ET.Element]) -> None:
    for journey, svg in zip(journeys(), diagrams, strict=True):
        actors = sorted(
            {
                _shown("".join(title.itertext()))
                for circle in svg.iter(f"{SVG}circle")
                if (circle.get("class") or "").startswith("actor-")
                for title in circle.iter(f"{SVG}title")
            }
        )
        if len(journey.personas) == 1:
            named = {journey.personas[0].name} if any(p.actions for p in journey.phases) else set()
        else:
            names = {p.id: p.name for p in journey.personas}
            named = {names[item.persona] for _, item in journey.items() if item.list_name == "actions" and item.persona}
        assert actors == sorted(_shown(n) for n in named), journey.source


def test_a_phase_without_actions_is_said_not_invented() -> None:
    journey = check_file(str(HERE / "maps" / "gift-untagged.yaml")).journey
    diagram = build_mermaid(journey)
    assert re.search(r"^  section Delivery\n  section Receive$", diagram, re.MULTILINE)
    assert "%% cjm: no actions, so no task: Delivery" in diagram
    assert "no entry names its persona, so no task has an actor" in diagram
    assert "Pays by card: 2\n" in diagram  # no actor: neither the giver nor the receiver


def test_long_texts_get_a_box_that_holds_them(diagrams: list[ET.Element]) -> None:
    journey_list = journeys()
    svg = diagrams[next(i for i, j in enumerate(journey_list) if j.id == "gift-untagged")]
    longest = next(
        div
        for div in svg.iter(f"{XHTML}div")
        if "magnifying" not in "".join(div.itertext()) and "late at night" in "".join(div.itertext())
    )
    assert html.unescape("".join(longest.itertext())).endswith("children are asleep")
    box = next(o for o in svg.iter(f"{SVG}foreignObject") if any(d is longest for d in o.iter()))
    assert float(box.get("width", 0)) > 150  # wider than Mermaid's default, so the text is not cut
