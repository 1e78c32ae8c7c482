"""The one model of a journey that every command shares, built from a schema-valid document.

Every element keeps its JSON `path` in the document, so whatever a command finds can be located with
`Document.locate(path)`. The model is read-only: commands that change a map edit the YAML round-trip
(see `cjm.core.edit`) and load the result again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cjm.core.document import Document, KeyPath

# The usual order of phase kinds (the domain brief's standard five, with the adaptations placed among them).
# Kinds of equal rank may come in either order; `custom` has no rank.
KIND_ORDER: dict[str, int] = {
    "need_recognition": 0,
    "awareness": 1,
    "industry_awareness": 1,
    "product_awareness": 2,
    "interest": 2,
    "information_search": 3,
    "consideration": 3,
    "information_gathering": 3,
    "online_consideration": 3,
    "comparison": 4,
    "store_confirmation": 4,
    "evaluation": 4,
    "final_confirmation": 5,
    "internal_coordination": 5,
    "approval": 6,
    "decision": 6,
    "purchase": 7,
    "delivery": 8,
    "receive": 8,
    "unboxing": 9,
    "use": 10,
    "use_and_maintenance": 10,
    "support": 10,
    "thank": 11,
    "post_purchase_evaluation": 11,
    "repeat_purchase": 12,
    "retention": 12,
    "advocacy": 13,
}
POST_PURCHASE_KINDS = frozenset(k for k, rank in KIND_ORDER.items() if rank > KIND_ORDER["purchase"])

# Whether a channel is online or offline (the domain brief: "Channels are online or offline").
ONLINE_CHANNELS = frozenset(
    {"search", "sns", "ads", "ec_site", "marketplace", "app", "email", "line", "chat", "review_site", "web_media"}
)
OFFLINE_CHANNELS = frozenset(
    {"store", "event", "dm", "package_insert", "call_centre", "sales_rep", "print", "tv", "word_of_mouth"}
)

ITEM_LISTS = ("actions", "thoughts", "touchpoints", "pain_points", "opportunities", "kpis")
# What one entry of each list is called in messages.
NOUNS = {
    "actions": "action",
    "thoughts": "thought",
    "touchpoints": "touchpoint",
    "pain_points": "pain point",
    "opportunities": "opportunity",
    "kpis": "KPI",
    "phases": "phase",
    "personas": "persona",
    "initiatives": "initiative",
    "messages": "message",
}


@dataclass(frozen=True)
class Item:
    """An entry in one of a phase's lists: an action, thought, touchpoint, pain point, opportunity or KPI."""

    list_name: str
    text: str
    path: KeyPath
    id: str | None = None
    persona: str | None = None
    raw: Any = None  # the entry as written (a string or a mapping)

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default) if isinstance(self.raw, dict) else default


@dataclass(frozen=True)
class Emotion:
    score: float
    path: KeyPath
    note: str | None = None
    persona: str | None = None


@dataclass(frozen=True)
class Phase:
    id: str
    name: str
    kind: str
    path: KeyPath
    index: int
    items: dict[str, tuple[Item, ...]]
    emotions: tuple[Emotion, ...] = ()
    intentional_order: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def __getattr__(self, name: str) -> tuple[Item, ...]:
        # phase.actions, phase.pain_points, ...
        if name in ITEM_LISTS:
            return self.items[name]
        raise AttributeError(name)

    def all_items(self) -> Iterator[Item]:
        for name in ITEM_LISTS:
            yield from self.items[name]

    @property
    def emotion_score(self) -> float | None:
        """The phase's score: the mean over its lanes."""
        if not self.emotions:
            return None
        return sum(e.score for e in self.emotions) / len(self.emotions)


@dataclass(frozen=True)
class Persona:
    id: str
    name: str
    path: KeyPath
    role: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Initiative:
    id: str
    title: str
    path: KeyPath
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def __getitem__(self, key: str) -> Any:
        return self.raw.get(key)

    @property
    def phases(self) -> list[str]:
        return self.raw.get("phases", [])

    @property
    def pain_points(self) -> list[str]:
        return self.raw.get("pain_points", [])

    @property
    def opportunities(self) -> list[str]:
        return self.raw.get("opportunities", [])

    @property
    def depends_on(self) -> list[str]:
        return self.raw.get("depends_on", [])


@dataclass(frozen=True)
class Message:
    id: str
    type: str
    channel: str
    path: KeyPath
    phase: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Journey:
    id: str
    title: str
    business: dict[str, Any]
    personas: tuple[Persona, ...]
    phases: tuple[Phase, ...]
    initiatives: tuple[Initiative, ...]
    messages: tuple[Message, ...]
    document: Document = field(repr=False, compare=False)
    data: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @property
    def source(self) -> str:
        return self.document.source

    def phase(self, phase_id: str) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)

    def items(self) -> Iterator[tuple[Phase, Item]]:
        for phase in self.phases:
            for item in phase.all_items():
                yield phase, item

    @property
    def language(self) -> str:
        """The map's language: declared, or guessed from its text (any kana or kanji means Japanese)."""
        declared = self.data.get("language")
        if declared:
            return str(declared).split("-")[0].lower()
        sample = self.title + "".join(p.name for p in self.phases)
        return "ja" if any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in sample) else "en"


def build_journey(doc: Document) -> Journey:
    """The model of a document that passed schema validation."""
    data = doc.data
    personas = tuple(
        Persona(p["id"], p["name"], ("personas", i), p.get("role"), p) for i, p in enumerate(data.get("personas", []))
    )
    phases = tuple(_phase(p, i) for i, p in enumerate(data["phases"]))
    initiatives = tuple(
        Initiative(x["id"], x["title"], ("initiatives", i), x) for i, x in enumerate(data.get("initiatives", []))
    )
    messages = tuple(
        Message(m["id"], m["type"], m["channel"], ("messages", i), m.get("phase"), m)
        for i, m in enumerate(data.get("messages", []))
    )
    return Journey(
        data["id"], data["title"], data.get("business", {}), personas, phases, initiatives, messages, doc, data
    )


def _phase(raw: dict[str, Any], index: int) -> Phase:
    path: KeyPath = ("phases", index)
    items = {
        name: tuple(_item(name, entry, (*path, name, i)) for i, entry in enumerate(raw.get(name, [])))
        for name in ITEM_LISTS
    }
    emotion = raw.get("emotion")
    if isinstance(emotion, dict):
        emotions: tuple[Emotion, ...] = (
            Emotion(emotion["score"], (*path, "emotion"), emotion.get("note"), emotion.get("persona")),
        )
    else:
        emotions = tuple(
            Emotion(e["score"], (*path, "emotion", i), e.get("note"), e.get("persona"))
            for i, e in enumerate(emotion or [])
        )
    return Phase(
        raw["id"], raw["name"], raw["kind"], path, index, items, emotions, bool(raw.get("intentional_order")), raw
    )


def _item(list_name: str, entry: Any, path: KeyPath) -> Item:
    if isinstance(entry, str):
        return Item(list_name, entry, path, raw=entry)
    text = entry.get("text") or entry.get("name") or ""
    return Item(list_name, text, path, entry.get("id"), entry.get("persona"), entry)
