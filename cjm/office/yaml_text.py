"""A map's data as YAML a consultant reads like the samples: block lists, short mappings on one line
(`{name: Instagram, channel: sns}`), Japanese as it is, and a comment on top."""

from __future__ import annotations

from typing import Any

import yaml

_FLOW_WIDTH = 100


class _Dumper(yaml.SafeDumper):
    pass


def _mapping(dumper: yaml.SafeDumper, data: dict) -> yaml.Node:
    flat = all(isinstance(v, (str, int, float, bool)) for v in data.values())
    flow = flat and len(data) <= 4 and sum(len(str(k)) + len(str(v)) + 4 for k, v in data.items()) < _FLOW_WIDTH - 20
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


def _sequence(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=False)


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(dict, _mapping)
_Dumper.add_representer(list, _sequence)
_Dumper.add_representer(str, _text)


def map_text(data: dict[str, Any], header: str) -> str:
    body = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=_FLOW_WIDTH, default_flow_style=False, indent=2
    )
    # Separate the top-level sections and the phases with a blank line, as the samples are written.
    lines: list[str] = []
    section = ""
    for line in body.splitlines():
        if line[:1].isalpha():
            section = line.split(":")[0]
            if section in ("personas", "phases", "initiatives") and lines:
                lines.append("")
        elif section == "phases" and line.startswith("- ") and lines[-1] != "phases:":
            lines.append("")
        lines.append(line)
    comment = "".join(f"# {part}\n" for part in header.splitlines())
    return comment + "\n".join(lines) + "\n"
