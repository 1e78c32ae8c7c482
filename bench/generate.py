"""The benchmark corpus, generated from the domain brief: deterministic (same seed, same bytes), valid maps.

- `maps/`: many maps like the ones consultants keep. Each takes an industry of the brief with the phases its
  split/merge rules give it (repeat purchase for consumables, use & maintenance for durables, giver and receiver
  for gifts, approval for B2B, information gathering -> comparison -> final confirmation for long cycles, store
  confirmation for omnichannel), one to three personas, mostly Japanese text, initiatives and messages.
- `single/phases-N.yaml`: one map of N phases (10 to 10,000) for the scaling measurements, and
  `single/phases-N-edited.yaml` the same map after a round of edits (renamed, reordered and rewritten phases,
  entries edited, moved, added and removed), for `cjm diff`. Their phases are leaner than the many maps' (no
  description or emotion note, fewer entries, shorter ids, lists flush with their key, an initiative for every
  four phases), so that 10,000 phases fit in the 8 MB that cjm reads of a file.

Run `python -m bench.generate DIR` to write a corpus; the harness does it for you.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.vocabulary import EMOTION_NOTES, INDUSTRIES, INITIATIVES, MESSAGES, PERSONAS, PHASES, Industry, Pair
from cjm.core.model import POST_PURCHASE_KINDS

GENERATOR_VERSION = 3
SCHEMA_LINE = (
    "# yaml-language-server: $schema=https://raw.githubusercontent.com/cjm-tools/cjm/main/schemas/journey.schema.json"
)
SINGLE_SIZES = (10, 100, 1000, 10000)


@dataclass(frozen=True)
class Corpus:
    root: Path
    maps: list[Path]
    single: dict[int, Path]  # phases -> file
    edited: dict[int, Path]  # phases -> the same map, edited

    @property
    def map_dir(self) -> Path:
        return self.root / "maps"


class _Flow(list):
    """A list written in flow style (`[a, b]`), as people write short id lists."""


def _dumper(indent_lists: bool) -> type:
    import yaml

    # Both list styles occur in real maps: indented under their key, or flush with it (PyYAML's default, which
    # the faster C emitter writes).
    class Dumper(yaml.SafeDumper if indent_lists else yaml.CSafeDumper):  # type: ignore[misc]
        if indent_lists:

            def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
                super().increase_indent(flow, False)

    Dumper.add_representer(
        _Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
    )
    return Dumper


_DUMPERS: dict[bool, type] = {}


def to_yaml(data: dict[str, Any], *, indent_lists: bool, comment: str) -> str:
    import yaml

    dumper = _DUMPERS.get(indent_lists) or _DUMPERS.setdefault(indent_lists, _dumper(indent_lists))
    body = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120)
    return f"{SCHEMA_LINE}\n# {comment}\n{body}"


def _slug(text: str, length: int = 40) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:length].strip("-") or "item"


class _MapBuilder:
    """Builds one map; `ja` picks the language of every text."""

    def __init__(self, rng: random.Random, industry: Industry, ja: bool, lean: bool = False) -> None:
        self.rng = rng
        self.industry = industry
        self.ja = ja
        self.lean = lean  # the single maps' phases: no description or emotion note, fewer entries, shorter ids
        self.slug_length = 12 if lean else 40
        self.pains: list[tuple[str, str]] = []  # (pain point id, phase id)
        self.opportunities: list[tuple[str, str]] = []

    def text(self, pair: Pair) -> str:
        return (pair[1] if self.ja else pair[0]).replace("{p}", self.industry.product[1 if self.ja else 0])

    def pick(self, options: tuple | list, low: int, high: int) -> list:
        count = min(len(options), self.rng.randint(low, high))
        return self.rng.sample(list(options), count)

    def persona(self, key: str) -> dict[str, Any]:
        spec = PERSONAS[key]
        out: dict[str, Any] = {
            "id": key,
            "name": self.text(spec["name"]),
            "role": spec["role"],
            "description": self.text(spec["description"]),
        }
        for field, source in (
            ("goals", "goals"),
            ("pains", "pains"),
            ("behaviour", "behaviour"),
            ("information_sources", "sources"),
        ):
            if spec.get(source):
                out[field] = [self.text(pair) for pair in spec[source]]
        if demographics := spec.get("demographics"):
            out["demographics"] = {k: (self.text(v) if isinstance(v, tuple) else v) for k, v in demographics.items()}
        return out

    def phase(self, kind: str, phase_id: str, suffix: str, personas: list[str]) -> dict[str, Any]:
        spec = PHASES[kind]
        rng = self.rng
        phase: dict[str, Any] = {"id": phase_id, "name": self.text(spec.name) + suffix, "kind": kind}
        if rng.random() < 0.5 and not self.lean:
            phase["description"] = self.text(rng.choice(spec.actions))
        actions: list[Any] = []
        for pair in self.pick(spec.actions, 2, 4):
            if len(personas) > 1 or rng.random() < 0.3:
                actions.append({"text": self.text(pair), "persona": rng.choice(personas)})
            else:
                actions.append(self.text(pair))
        phase["actions"] = actions
        phase["thoughts"] = [self.text(pair) for pair in self.pick(spec.thoughts, 1, 2 if self.lean else 3)]
        if len(personas) > 1:
            phase["emotion"] = [self.emotion(persona) for persona in personas]
        else:
            phase["emotion"] = self.emotion(None)
        touchpoints = self.pick(spec.touchpoints, 1, 2 if self.lean else 3)
        phase["touchpoints"] = [{"name": self.text((en, ja)), "channel": channel} for channel, en, ja in touchpoints]
        pains = []
        for pair in self.pick(spec.pains, 0, 2):
            pain_id = f"{phase_id}-{_slug(pair[0], self.slug_length)}"
            pains.append({"id": pain_id, "text": self.text(pair), "severity": rng.randint(1, 5)})
            self.pains.append((pain_id, phase_id))
        phase["pain_points"] = pains
        opportunities = []
        for pair in self.pick(spec.opportunities, 0 if not pains else 1, 1 if self.lean else 2):
            opportunity_id = f"{phase_id}-{_slug(pair[0], self.slug_length)}"
            opportunity: dict[str, Any] = {"id": opportunity_id, "text": self.text(pair)}
            if pains:
                opportunity["addresses"] = _Flow([rng.choice(pains)["id"]])
            opportunities.append(opportunity)
            self.opportunities.append((opportunity_id, phase_id))
        phase["opportunities"] = opportunities
        phase["kpis"] = [
            {"name": self.text((en, ja)), "metric": metric, "target": target, "unit": unit}
            for metric, en, ja, unit, target in self.pick(spec.kpis, 1, 1 if self.lean else 2)
        ]
        return phase

    def emotion(self, persona: str | None) -> dict[str, Any]:
        score = self.rng.choice((-2, -1, -1, 0, 1, 1, 2, 0.5, -0.5))
        emotion: dict[str, Any] = {"score": score}
        if not self.lean:
            emotion["note"] = self.text(self.rng.choice(EMOTION_NOTES[int(round(score))]))
        if persona:
            emotion["persona"] = persona
        return emotion

    def initiatives(self, count: int) -> list[dict[str, Any]]:
        rng = self.rng
        out: list[dict[str, Any]] = []
        for number in range(count):
            en, ja, set_and_forget, stage = INITIATIVES[number % len(INITIATIVES)]
            title = ja if self.ja else en
            initiative: dict[str, Any] = {
                "id": f"{_slug(en)}-{number + 1}",
                "title": title if number < len(INITIATIVES) else f"{title} {number + 1}",
            }
            if self.pains:
                chosen = self.pick(self.pains, 1, 2)
                initiative["phases"] = _Flow(dict.fromkeys(phase for _, phase in chosen))
                initiative["pain_points"] = _Flow(pain for pain, _ in chosen)
            if self.opportunities and rng.random() < 0.7:
                initiative["opportunities"] = _Flow([rng.choice(self.opportunities)[0]])
            # Set-and-forget measures are the easy ones that keep working once set up (the domain's stage 1).
            initiative.update(
                impact=rng.randint(1, 5),
                feasibility=rng.randint(3, 5) if set_and_forget else rng.randint(1, 5),
                urgency=rng.randint(1, 5),
                maintenance_cost=rng.randint(1, 2) if set_and_forget else rng.randint(1, 5),
                set_and_forget=set_and_forget,
            )
            if rng.random() < 0.5:
                initiative["confidence"] = rng.choice((0.5, 0.6, 0.7, 0.8, 0.9))
            if out and rng.random() < 0.4:
                # Dependencies only on recent earlier initiatives: acyclic, and as many edges as initiatives.
                window = [i["id"] for i in out[-10:]]
                initiative["depends_on"] = _Flow(self.pick(window, 1, 2))
            elif rng.random() < 0.2:
                initiative["stage"] = stage  # pinned only where no dependency could contradict the pin
            out.append(initiative)
        return out

    def messages(self, plan: list[tuple[str, str]], personas: list[str]) -> list[dict[str, Any]]:
        """Welcome and transactional messages whenever the journey goes past the purchase (the domain's most
        opened ones), and a few of the other types, each in the phase where it is sent."""
        after = [phase_id for kind, phase_id in plan if kind in POST_PURCHASE_KINDS] or [plan[-1][1]]
        before = [phase_id for kind, phase_id in plan if kind in _DECIDING] or [plan[0][1]]
        required = [m for m in MESSAGES if m[0] in ("welcome", "transactional")]
        others = [m for m in MESSAGES if m not in required]
        out = []
        for kind, channel, trigger in required + self.pick(others, 0, 3):
            message: dict[str, Any] = {
                "id": kind.replace("_", "-"),
                "type": kind,
                "trigger": self.text(trigger),
                "channel": channel,
                "phase": self.rng.choice(before if kind.endswith("abandonment") else after),
            }
            if kind in ("welcome", "cart_abandonment"):
                message["sequence"] = self.rng.randint(3, 5)
            if kind == "win_back":
                message["inactivity_days"] = self.rng.choice((60, 90))
            if self.rng.random() < 0.3:
                message["persona"] = personas[0]
            out.append(message)
        return out


_DECIDING = frozenset({"consideration", "online_consideration", "comparison", "final_confirmation", "purchase"})


def generate_map(seed: int, index: int, phases: int | None = None, *, edited: bool = False) -> str:
    """The YAML text of map number `index`; with `phases`, a map of exactly that many phases (`edited`: the same
    map after a round of edits)."""
    rng = random.Random(seed * 1_000_003 + index)
    industry = INDUSTRIES[index % len(INDUSTRIES)] if phases is None else INDUSTRIES[0]
    ja = phases is not None or rng.random() < 0.7
    builder = _MapBuilder(rng, industry, ja, lean=phases is not None)
    persona_keys = list(industry.personas)
    if phases is None:
        kinds = list(industry.phases)
        if rng.random() < 0.3 and "advocacy" in kinds:
            kinds.remove("advocacy")
        plan = [(kind, kind.replace("_", "-"), "") for kind in kinds]
    else:
        cycle = [kind for industry_ in INDUSTRIES for kind in industry_.phases]
        plan = [
            (cycle[i % len(cycle)], f"{cycle[i % len(cycle)].replace('_', '-')}-{i + 1}", f" {i + 1}")
            for i in range(phases)
        ]
    name = builder.text(industry.name)
    data: dict[str, Any] = {
        "cjm": 1,
        "id": f"{industry.key}-{index + 1:04d}" if phases is None else f"scale-{phases}",
        "title": f"{name} カスタマージャーニーマップ {index + 1}" if ja else f"{name} customer journey map {index + 1}",
        "language": "ja" if ja else "en",
    }
    if rng.random() < 0.6:
        data["owner"] = "ECマーケティングチーム" if ja else "E-commerce marketing team"
        data["updated"] = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        data["tags"] = _Flow([name, "D2C" if industry.business["model"] == "b2c" else "B2B"])
    data["business"] = {**industry.business, "industry": name}
    data["personas"] = [builder.persona(key) for key in persona_keys]
    data["phases"] = [builder.phase(kind, phase_id, suffix, persona_keys) for kind, phase_id, suffix in plan]
    initiatives = rng.randint(3, 10) if phases is None else max(3, phases // 4)
    data["initiatives"] = builder.initiatives(initiatives)
    data["messages"] = builder.messages([(kind, phase_id) for kind, phase_id, _ in plan], persona_keys)
    comment = f"Generated for the cjm benchmarks: {industry.key}, {len(plan)} phases."
    indent_lists = rng.random() < 0.5 and phases is None
    if edited:
        _edit(data, random.Random(seed + index))
        comment += " Edited."
    return to_yaml(data, indent_lists=indent_lists, comment=comment)


def _edit(data: dict[str, Any], rng: random.Random) -> None:
    """A round of edits spread over the whole map, as `cjm diff` meets them: in every ten phases one renamed,
    one action reworded, a thought moved to the phase before, a thought added, a touchpoint removed, an emotion
    rescored; every twentieth phase swapped with the next; every tenth initiative rescored."""
    phases = data["phases"]
    for number, phase in enumerate(phases):
        step = number % 10
        if step == 1:
            phase["name"] += "（改）"
        elif step == 2 and phase["actions"]:
            action = phase["actions"][0]
            if isinstance(action, dict):
                action["text"] += "（再確認）"
            else:
                phase["actions"][0] = action + "（再確認）"
        elif step == 3 and number and phase["thoughts"]:
            phases[number - 1]["thoughts"].append(phase["thoughts"].pop())
        elif step == 4:
            phase["thoughts"].append(f"新しい気づき {number}")
        elif step == 5 and len(phase["touchpoints"]) > 1:
            phase["touchpoints"].pop(0)
        elif step == 6:
            emotions = phase["emotion"] if isinstance(phase["emotion"], list) else [phase["emotion"]]
            emotions[0]["score"] = 2 if emotions[0]["score"] < 2 else -2
    for number in range(7, len(phases) - 1, 20):
        phases[number], phases[number + 1] = phases[number + 1], phases[number]
    for initiative in data["initiatives"][::10]:
        initiative["impact"] = 6 - initiative["impact"] if initiative["impact"] != 3 else 4


def write_corpus(root: Path, count: int = 1000, seed: int = 2024, sizes: tuple[int, ...] = SINGLE_SIZES) -> Corpus:
    """Write the corpus under `root` (`count` maps, single maps of `sizes` phases), or reuse it when it was
    generated with the same parameters."""
    stamp = {"generator": GENERATOR_VERSION, "count": count, "seed": seed, "single": list(sizes)}
    stamp_file = root / "corpus.json"
    maps = [root / "maps" / f"map-{i + 1:04d}.yaml" for i in range(count)]
    single = {n: root / "single" / f"phases-{n}.yaml" for n in sizes}
    edited = {n: root / "single" / f"phases-{n}-edited.yaml" for n in sizes}
    fresh = stamp_file.exists() and json.loads(stamp_file.read_text()) == stamp
    if not (fresh and all(p.exists() for p in [*maps, *single.values(), *edited.values()])):
        for folder in ("maps", "single"):
            (root / folder).mkdir(parents=True, exist_ok=True)
            for old in (root / folder).glob("*.yaml"):
                old.unlink()
        for i, path in enumerate(maps):
            path.write_text(generate_map(seed, i), encoding="utf-8")
        for n, path in single.items():
            path.write_text(generate_map(seed, 0, phases=n), encoding="utf-8")
            edited[n].write_text(generate_map(seed, 0, phases=n, edited=True), encoding="utf-8")
        stamp_file.write_text(json.dumps(stamp))
    return Corpus(root, maps, single, edited)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="where to write the corpus (maps/ and single/)")
    parser.add_argument("--count", type=int, default=1000, help="how many maps (default 1000)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    corpus = write_corpus(args.root, args.count, args.seed)
    print(f"{len(corpus.maps)} maps in {corpus.map_dir}, single maps: {', '.join(map(str, corpus.single.values()))}")


if __name__ == "__main__":
    main()
