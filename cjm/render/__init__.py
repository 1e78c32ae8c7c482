"""Diagrams of a journey map, drawn by Graphviz (`cjm render`).

The library works without the command line and never prints. Use it like this::

    from cjm.render import render, dot_source
    from cjm.validation.check import check_file

    journey = check_file("samples/apparel-working-mother.yaml").journey   # None when the map is invalid
    svg = render(journey, view="map", output_format="svg")               # bytes, drawn by `dot`
    text = dot_source(journey, view="emotion")                           # the DOT, no Graphviz needed

Views (`VIEWS`): `map` (phases as columns, rows per persona lane, the emotion curve, touchpoints, pain points,
opportunities, KPIs and initiatives), `emotion` (the curve, its low points tied to the initiatives that address
them), `matrix` (impact against feasibility, the four quadrants) and `roadmap` (the stages). `matrix` and
`roadmap` rank the initiatives with `cjm.prioritise`; pass a `Roadmap` to use other settings than the defaults.

Formats (`FORMATS`): `svg`, `png`, `pdf` (run Graphviz's `dot`), `dot` (the DOT text) and `mermaid` (a Mermaid
`journey` block, map view only). The DOT is a pure function of the map: same map, same bytes. Map text reaches
Graphviz only inside escaped HTML-like labels (`cjm.render.labels`), so no label can make Graphviz read a file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cjm.core.errors import CjmError

if TYPE_CHECKING:
    from cjm.core.model import Journey
    from cjm.prioritise import Roadmap


@dataclass(frozen=True)
class View:
    name: str
    description: str
    needs_roadmap: bool  # ranks the initiatives: no diagram without a roadmap

    def builder(self) -> Callable[..., str]:
        from cjm.render import emotion_view, map_view, matrix_view, roadmap_view

        return {
            "map": map_view.build_map,
            "emotion": emotion_view.build_emotion,
            "matrix": matrix_view.build_matrix,
            "roadmap": roadmap_view.build_roadmap,
        }[self.name]


VIEWS: dict[str, View] = {
    "map": View("map", "the journey map: phases as columns, a row per kind of entry, the emotion curve", False),
    "emotion": View("emotion", "the emotion curve, its low points tied to the initiatives that address them", False),
    "matrix": View("matrix", "initiatives by impact and feasibility, in four quadrants", True),
    "roadmap": View("roadmap", "initiatives in the stages of the roadmap, in rank order", True),
}


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    binary: bool
    graphviz: bool  # needs the `dot` program


FORMATS: dict[str, Format] = {
    "svg": Format("svg", ".svg", False, True),
    "png": Format("png", ".png", True, True),
    "pdf": Format("pdf", ".pdf", True, True),
    "dot": Format("dot", ".dot", False, False),
    "mermaid": Format("mermaid", ".mmd", False, False),
}
SUFFIXES: dict[str, str] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".md": "mermaid",
}


def format_for(path: str | None, requested: str | None) -> str:
    """The output format: the one requested, else the one the file's extension names."""
    import os

    if requested is not None:
        if requested not in FORMATS:
            raise CjmError(f"unknown format '{requested}'; choose one of: {', '.join(FORMATS)}")
        return requested
    suffix = os.path.splitext(path or "")[1].lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    where = f"'{path}' has no extension cjm knows" if path else "writing to standard output"
    raise CjmError(
        f"{where}; give --format ({', '.join(FORMATS)}) or an output file ending in {', '.join(sorted(SUFFIXES))}"
    )


def view_named(name: str) -> View:
    if name not in VIEWS:
        raise CjmError(f"unknown view '{name}'; choose one of: {', '.join(VIEWS)}")
    return VIEWS[name]


def dot_source(journey: Journey, view: str = "map", roadmap: Roadmap | None = None) -> str:
    """The DOT text of a view of the map."""
    chosen = view_named(view)
    if chosen.needs_roadmap:
        if roadmap is None:
            from cjm.prioritise import prioritise

            roadmap = prioritise([journey])
        return chosen.builder()(journey, roadmap)
    if roadmap is None:
        from cjm.render.facts import roadmap_for

        roadmap = roadmap_for(journey)
    return chosen.builder()(journey, roadmap)


def render(
    journey: Journey,
    view: str = "map",
    output_format: str = "svg",
    roadmap: Roadmap | None = None,
    *,
    fenced: bool = False,
) -> bytes:
    """The diagram in a format of `FORMATS`. `fenced`: a Mermaid diagram inside a ```mermaid block."""
    chosen = format_for(None, output_format)
    if chosen == "mermaid":
        if view != "map":
            raise CjmError(
                f"--format mermaid draws the map as a Mermaid journey; it has no '{view}' view. "
                "Use --format svg (or png, pdf, dot) for it"
            )
        from cjm.render.mermaid import build_mermaid

        return build_mermaid(journey, fenced=fenced).encode("utf-8")
    source = dot_source(journey, view, roadmap)
    if chosen == "dot":
        return source.encode("utf-8")
    from cjm.render.graphviz import run_dot

    drawn = run_dot(source, chosen)
    if chosen == "svg":
        from cjm.render.describe import describe
        from cjm.render.theme import word

        name = word({"map": "map_title", "emotion": "emotion_title"}.get(view, view), journey.language)
        drawn = accessible_svg(drawn, f"{journey.title} \u2014 {name}", describe(journey))
    return drawn


def accessible_svg(svg: bytes, title: str, description: str) -> bytes:
    """Graphviz's SVG with a text alternative: `role="img"`, and a `<title>` and `<desc>` as the first children
    of the root that `aria-labelledby` names, so screen readers read the map in words."""
    import re
    from html import escape

    from cjm.render.labels import visible

    text = svg.decode("utf-8")
    opening = re.search(r"<svg\b[^>]*>", text)
    if opening is None:
        return svg
    tag = opening.group()
    labelled = tag[:-1] + ' role="img" aria-labelledby="cjm-title cjm-desc">'
    alternative = (
        f'\n<title id="cjm-title">{escape(visible(title), quote=False)}</title>'
        f'\n<desc id="cjm-desc">{escape(visible(description), quote=False)}</desc>'
    )
    return (text[: opening.start()] + labelled + alternative + text[opening.end() :]).encode("utf-8")


def has_japanese(journey: Journey) -> bool:
    """Whether the map has text that needs a Japanese-capable font (kana, kanji, full-width forms)."""
    import json

    text = json.dumps(journey.data, ensure_ascii=False)
    return any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)
