"""The HTML report as a reader sees it: drawn by a real browser (Debian's chromium, headless), which measures
the smallest text it actually draws, how a wide map fits the page, and the gap between a touchpoint and its
channel badge. `make setup` installs chromium; these tests fail, not skip, without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cjm
from tests.render.browser import probe

ROOT = Path(__file__).parent.parent.parent
MIN_TEXT_PX = 10  # the smallest text a reader should have to read on screen
MIN_BADGE_GAP_PX = 2.5  # between a touchpoint's text and its channel mark

# Written into a copy of the report: it measures what the browser drew and puts the figures in the page, which
# `--dump-dom` prints once the page has loaded.
PROBE = """
<script>
window.addEventListener("load", () => {
  const drawn = [];
  for (const el of document.querySelectorAll("text, p, li, td, th, h1, h2, summary, footer, code")) {
    if (!el.textContent.trim() || el.closest("details:not([open]) p")) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    const scale = el instanceof SVGElement ? el.getScreenCTM().a : 1;
    drawn.push({size: size * scale, text: el.textContent.trim().slice(0, 40), svg: el instanceof SVGElement});
  }
  const gaps = [];
  for (const badge of document.querySelectorAll("svg text")) {
    // SVG drops leading ASCII spaces: find the mark among the characters drawn
    const at = badge.textContent.replace(/^[ \\t\\n]+/, "").search(/[\\u25c6\\u25c7]/);
    const before = badge.previousElementSibling;
    if (at < 0 || !before || before.tagName !== "text" || !before.textContent.trim()
        || before.getAttribute("y") !== badge.getAttribute("y")) continue;
    const scale = badge.getScreenCTM().a;
    const end = before.getEndPositionOfChar(before.getNumberOfChars() - 1).x;
    gaps.push({gap: (badge.getStartPositionOfChar(at).x - end) * scale, text: before.textContent});
  }
  const figure = document.querySelector("figure");
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({drawn, gaps, figure: figure && {scroll: figure.scrollWidth,
                                    client: figure.clientWidth}, page: document.documentElement.scrollWidth,
                                    viewport: window.innerWidth});
  document.body.appendChild(out);
});
</script>
"""


def measure(report: Path, tmp_path: Path) -> dict:
    probed = tmp_path / "probed.html"
    probed.write_text(report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    return probe(probed, tmp_path)


def report_of(map_path: Path, tmp_path: Path) -> Path:
    out = tmp_path / f"{map_path.stem}.html"
    proc = run_cjm("report", str(map_path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize(
    "name", ["samples/gift-sweets.yaml", "tests/render/maps/gift-untagged.yaml", "tests/render/maps/apparel-ja.yaml"]
)
def test_no_text_is_drawn_smaller_than_legible_and_a_wide_map_scrolls(name: str, tmp_path: Path) -> None:
    figures = measure(report_of(ROOT / name, tmp_path), tmp_path)
    smallest = min(figures["drawn"], key=lambda d: d["size"])
    assert smallest["size"] >= MIN_TEXT_PX, smallest
    assert any(d["svg"] for d in figures["drawn"])  # the map's text was measured, not only the page's
    assert figures["page"] <= figures["viewport"], "the page itself must not scroll sideways; the map does"


def test_an_eleven_phase_map_scrolls_in_its_figure_instead_of_shrinking(tmp_path: Path) -> None:
    figures = measure(report_of(ROOT / "samples" / "gift-sweets.yaml", tmp_path), tmp_path)
    assert figures["figure"]["scroll"] > figures["figure"]["client"]


def test_a_channel_badge_stands_apart_from_its_touchpoint(tmp_path: Path) -> None:
    figures = measure(report_of(ROOT / "samples" / "gift-sweets.yaml", tmp_path), tmp_path)
    assert len(figures["gaps"]) >= 3
    tightest = min(figures["gaps"], key=lambda g: g["gap"])
    assert tightest["gap"] >= MIN_BADGE_GAP_PX, tightest


def test_the_report_carries_the_map_in_words_and_no_absolute_path(tmp_path: Path) -> None:
    page = report_of(ROOT / "tests" / "render" / "maps" / "gift-untagged.yaml", tmp_path).read_text(encoding="utf-8")
    assert 'role="img" aria-labelledby="cjm-title cjm-desc"' in page
    assert '<desc id="cjm-desc">Customer journey map' in page
    assert "Low points: Delivery (−1.5: Worried the flowers wait outside)" in page
    assert str(ROOT) not in page and str(tmp_path) not in page
