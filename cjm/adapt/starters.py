"""The starter entries of an `add_phase` step — the actions, thoughts, touchpoints, KPIs and messages a new phase
comes with for the consultant to fill in — built in the map's language from a rule's bilingual text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def text_in(value: Any, language: str) -> str:
    """A rule's text (a string, or a mapping from language to text) in the map's language, else English."""
    if isinstance(value, Mapping):
        return str(value.get(language) or value["en"])
    return str(value)


def starter_phase(
    spec: Mapping[str, Any],
    phase_id: str,
    language: str,
    lanes: Mapping[tuple[str, ...], str | None],
    kpis: bool = True,
) -> dict[str, Any]:
    """The phase an `add_phase` step adds, with its starter entries, as plain data."""
    phase: dict[str, Any] = {"id": phase_id, "name": text_in(spec["name"], language), "kind": spec["kind"]}
    if "description" in spec:
        phase["description"] = text_in(spec["description"], language)
    for list_name in ("actions", "thoughts", "touchpoints") + (("kpis",) if kpis else ()):
        entries = [starter_entry(stub, language, lanes) for stub in spec.get(list_name) or []]
        if entries:
            phase[list_name] = entries
    return phase


def starter_entry(
    stub: Mapping[str, Any], language: str, lanes: Mapping[tuple[str, ...], str | None]
) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    for key, value in stub.items():
        if key == "lane":
            if persona := lanes.get(tuple(value)):
                entry["persona"] = persona
        elif key in ("text", "name", "unit"):
            entry[key] = text_in(value, language)
        else:
            entry[key] = value
    return entry


def starter_messages(spec: Mapping[str, Any], phase_id: str, language: str) -> list[dict[str, Any]]:
    messages = []
    for stub in spec.get("messages") or []:
        message = {
            key: text_in(value, language) if key in ("title", "trigger", "content") else value
            for key, value in stub.items()
        }
        message["phase"] = phase_id
        messages.append(message)
    return messages
