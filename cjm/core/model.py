"""The one model of a journey that every command shares, built from a schema-valid document.

Every element keeps its JSON `path` in the document, so whatever a command finds can be located with
`Document.locate(path)`. The model is read-only: commands that change a map edit its round-trip data through
`EditableMap`, which sees that data in the same terms (ids, an entry's words, phase kinds, where keys go), and
load the result again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cjm.core.document import Document, KeyPath
from cjm.core.edit import (
    append_entry,
    as_mapping,
    ensure_blank_line_after,
    following_lines,
    insert_entry,
    set_key,
)
from cjm.core.vocabulary import KIND_ORDER, reading

POST_PURCHASE_KINDS = frozenset(k for k, rank in KIND_ORDER.items() if rank > KIND_ORDER["purchase"])

# Whether a channel is online or offline (the domain brief: "Channels are online or offline").
ONLINE_CHANNELS = frozenset(
    {"search", "sns", "ads", "ec_site", "marketplace", "app", "email", "line", "chat", "review_site", "web_media"}
)
OFFLINE_CHANNELS = frozenset(
    {"store", "event", "dm", "package_insert", "call_centre", "sales_rep", "print", "tv", "word_of_mouth"}
)

ITEM_LISTS = ("actions", "thoughts", "touchpoints", "pain_points", "opportunities", "kpis")
# Where keys go in a phase that cjm writes (the order of the schema and the templates).
PHASE_KEYS = (
    "id",
    "name",
    "kind",
    "description",
    "intentional_order",
    "origin",
    "actions",
    "thoughts",
    "emotion",
    "touchpoints",
    "pain_points",
    "opportunities",
    "kpis",
)
# The key that holds an entry's words, by list; an entry may also be written as its words alone.
TEXT_KEY = {
    "actions": "text",
    "thoughts": "text",
    "pain_points": "text",
    "opportunities": "text",
    "touchpoints": "name",
    "kpis": "name",
}
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


def entry_text(entry: Any) -> str:
    """The words of an entry as written (its words alone, or a mapping): its text, or a touchpoint's or KPI's
    name."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, Mapping):
        return str(entry.get("text") or entry.get("name") or "")
    return ""


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
    return Item(list_name, entry_text(entry), path, entry.get("id"), entry.get("persona"), entry)


# Kinds before the customer looks at offers (need recognition, awareness).
BEFORE_LOOKING = frozenset({"need_recognition", "awareness", "industry_awareness"})


def is_trigger(phase: Phase) -> bool:
    """Whether a phase's low score is the trigger of the journey, the frustration that sends the customer looking
    ("annoyed at the weekly shop run"), rather than a place where they give up on the brand: a phase before they
    look at offers, with no pain point of its own."""
    return phase.kind in BEFORE_LOOKING and not phase.pain_points


def phase_reading(phase: Mapping[str, Any]) -> str:
    """The kind a phase (as written) is read as for journey order: a phase named 配送 of kind `retention` is a
    delivery."""
    return reading(str(phase.get("kind")), str(phase.get("name") or ""))


def set_phase_key(phase: Any, key: str, value: Any) -> None:
    """Set a key of a phase's round-trip mapping, in the usual place among the others."""
    set_key(phase, key, value, after=PHASE_KEYS[: PHASE_KEYS.index(key)] if key in PHASE_KEYS else ())


def add_entry(phase: Any, list_name: str, entry: Any) -> Any:
    """Append an entry (plain data, or a `cjm.core.edit.Entry` taken out with its comments) to a list of a
    phase's round-trip mapping, making the list where the phase has none; return the entry as it now stands."""
    set_phase_key(phase, list_name, phase.get(list_name, []))
    append_entry(phase[list_name], entry, phase, list_name)
    return phase[list_name][-1]


def entry_mapping(seq: Any, index: int, list_name: str) -> Any:
    """The entry at `index` of a phase's round-trip list as a mapping: words alone become `{text: ...}` (or
    `{name: ...}`), keeping their comment."""
    return as_mapping(seq, index, TEXT_KEY[list_name])


class EditableMap:
    """A map's round-trip data (`cjm.core.edit`: dicts and lists that keep their comments) seen as the model sees
    a map, for the commands that change one: its phases by id and kind, every id and what it names, an entry's
    words, and where a phase's keys go. Changes made through it keep the text's comments and layout."""

    def __init__(self, data: Any, language: str) -> None:
        self.data = data
        self.language = language

    @property
    def phases(self) -> Any:
        return self.data["phases"]

    def section(self, name: str) -> Any:
        """A top-level list (`personas`, `initiatives`, `messages`), empty when the map has none."""
        return self.data.get(name) or []

    def phase_index(self, phase_id: str) -> int | None:
        return next((i for i, p in enumerate(self.phases) if p.get("id") == phase_id), None)

    def of_kind(self, kinds: Iterable[str]) -> list[int]:
        wanted = set(kinds)
        return [i for i, p in enumerate(self.phases) if p.get("kind") in wanted]

    def roles(self) -> dict[str, str | None]:
        return {p["id"]: p.get("role") for p in self.section("personas")}

    def lane(self, roles: Sequence[str]) -> str | None:
        """The id of the first persona with one of `roles`."""
        return next((pid for pid, role in self.roles().items() if role in roles), None)

    def used_ids(self) -> dict[str, str]:
        """Every id in the map and what it names."""
        ids: dict[str, str] = {}
        for persona in self.section("personas"):
            ids.setdefault(persona["id"], "persona")
        for phase in self.phases:
            ids.setdefault(phase["id"], "phase")
            for list_name, entry in self.entries(phase):
                if isinstance(entry, Mapping) and entry.get("id"):
                    ids.setdefault(entry["id"], NOUNS[list_name])
        for section in ("initiatives", "messages"):
            for entry in self.section(section):
                ids.setdefault(entry["id"], NOUNS[section])
        return ids

    @staticmethod
    def entries(phase: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
        """(list name, entry) of every entry of a phase, list by list."""
        for list_name in ITEM_LISTS:
            for entry in phase.get(list_name) or []:
                yield list_name, entry

    def entry_phases(self) -> dict[str, str]:
        """The id of the phase of every entry that has an id."""
        return {
            entry["id"]: phase["id"]
            for phase in self.phases
            for _, entry in self.entries(phase)
            if isinstance(entry, Mapping) and entry.get("id")
        }

    def free_id(self, wanted: str, reusable: Iterable[str] = (), reserved: Iterable[str] = ()) -> str:
        """`wanted`, or `wanted-2`, `wanted-3`... if another entry has it (ids in `reusable` may be taken over,
        ids in `reserved` are about to be used)."""
        taken = (set(self.used_ids()) - set(reusable)) | set(reserved)
        candidate, n = wanted, 1
        while candidate in taken:
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    @staticmethod
    def describe(phase: Mapping[str, Any]) -> str:
        return f"'{phase['id']}' ({phase['name']})"

    def insert_phase(self, position: int, phase: Any, *, replacing: bool = False) -> None:
        """Insert a phase; when the map separates its phases with blank lines, so is this one. `replacing`: it
        takes the place of the phase at `position`, behind the comments that introduced that one."""
        phases = self.phases
        spaced = len(phases) > 1 and following_lines(phases, 0).startswith("\n")
        insert_entry(phases, position, phase, self.data, "phases", displace=not replacing)
        if spaced:
            for index in (position - 1, position):
                if 0 <= index < len(phases) - 1:
                    ensure_blank_line_after(phases, index)
