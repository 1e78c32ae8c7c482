"""Reading what a grid cell says: its label, its items, an emotion, a KPI, a channel; and ids from text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cjm.office.labels import CHANNEL_WORDS, FACES, FEELINGS, METRICS, PHASE_KINDS, ROW_LABELS, SCALES


def normal(text: str) -> str:
    """NFKC (full-width letters, digits and brackets become ASCII), lower case, inner spaces collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def _by_length(table: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    return sorted(((normal(w), key) for key, words in table.items() for w in words), key=lambda e: -len(e[0]))


_LABELS = _by_length(ROW_LABELS)
_EXACT_LABELS = dict(_LABELS)


def row_label(text: str) -> tuple[str, str] | None:
    """What a row label names (`actions`, `emotion_score`, ...) and what is left of it (a persona's name in
    `感情スコア（母）`), or None when it is not a known label."""
    key = normal(text).rstrip(":： ")
    if key in _EXACT_LABELS:
        return _EXACT_LABELS[key], ""
    bare = re.sub(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】", "", key).strip(" :-")
    if not bare or len(bare) > 30 or "\n" in text.strip():
        return None
    if bare in _EXACT_LABELS:
        rest = "".join(re.findall(r"\(([^)]*)\)", key)).strip()
        return _EXACT_LABELS[bare], rest
    for part in re.split(r"\s*[/／|]\s*", bare):
        if part in _EXACT_LABELS:
            return _EXACT_LABELS[part], ""
    for word, kind in _LABELS:
        if bare.startswith(word) and len(word) >= 2 and not _inside_a_word(bare, len(word)):
            rest = bare[len(word) :].strip(" :-・")
            if len(rest) <= 20:
                return kind, rest
    return None


def _inside_a_word(text: str, end: int) -> bool:
    """Whether `text[:end]` ends inside a Latin word (`Thought` in `Thoughtful giver`): not a label."""
    return end < len(text) and all(c.isascii() and c.isalpha() for c in text[end - 1 : end + 1])


# A list marker at the start of a line: bullets, dashes, numbers (`1.`, `1)`, `(1)`, `①`).
_MARKER = re.compile(r"^\s*(?:[・•●○◦■□◆◇▪▫▶►★☆※→*\-–—]|\d{1,2}[.)．、]|[(（]\d{1,2}[)）]|[\u2460-\u2473])\s*")


def split_items(text: str) -> list[str]:
    """The items of a cell: one per line, or one per bullet or number when the cell uses them (a line without
    a marker after a marked one continues that item, as a wrapped line does)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    marked = [bool(_MARKER.match(line)) and bool(_MARKER.sub("", line).strip()) for line in lines]
    items: list[str] = []
    for line, has_marker in zip(lines, marked, strict=True):
        body = _MARKER.sub("", line).strip() if has_marker else line
        if not has_marker and any(marked) and items:
            joiner = " " if items[-1][-1:].isascii() and body[:1].isascii() else ""
            items[-1] = f"{items[-1]}{joiner}{body}"
        elif body:
            items.append(body)
    return items


@dataclass(frozen=True)
class Reading:
    """An emotion as read: the score on cjm's -2..2 scale, the note, and how it was read (for the report)."""

    score: float
    note: str | None
    how: str


_NUMBER = re.compile(r"^\s*([+\-−–]?\d+(?:\.\d+)?)\s*(?:/\s*(\d+))?\s*(?:点|pt|pts|points?)?\s*(.*)$", re.S)
_STARS = re.compile(r"^\s*([★☆]{2,})\s*(.*)$", re.S)


def emotion_number(text: str) -> tuple[float, int | None, str] | None:
    """A leading number in an emotion cell: the value, the `/N` it is out of, and the words after it."""
    match = _NUMBER.match(unicodedata.normalize("NFKC", text))
    if not match:
        return None
    value = float(match.group(1).replace("−", "-").replace("–", "-"))
    return value, int(match.group(2)) if match.group(2) else None, _clean_note(match.group(3))


def scale_of(values: list[float]) -> tuple[float, float]:
    """The common scale that holds every number of an emotion row."""
    for low, high in SCALES:
        if all(low <= v <= high for v in values):
            return low, high
    return min(values), max(values)


def to_score(value: float, low: float, high: float) -> float:
    """A value on [low, high] on cjm's -2..2 scale, to the nearest half."""
    if high == low:
        return 0.0
    score = -2 + 4 * (value - low) / (high - low)
    return max(-2.0, min(2.0, round(score * 2) / 2))


def read_emotion(text: str, scale: tuple[float, float] | None) -> Reading | None:
    """Read an emotion cell: a number (on `scale`, the row's), stars, a face or feeling words."""
    number = emotion_number(text)
    if number is not None:
        value, out_of, rest = number
        low, high = (1, out_of) if out_of else scale or (-2, 2)
        score = to_score(value, low, high)
        how = "as a score" if (low, high) == (-2, 2) else f"{_num(value)} on a {_num(low)}..{_num(high)} scale"
        return Reading(score, rest or None, f"{how}: {_num(score)}")
    stars = _STARS.match(text)
    if stars:
        filled = stars.group(1).count("★")
        score = to_score(filled, 1, len(stars.group(1)))
        return Reading(
            score, _clean_note(stars.group(2)) or None, f"{filled} of {len(stars.group(1))} stars: {_num(score)}"
        )
    for face in sorted(FACES, key=len, reverse=True):
        if face in text:
            note = _clean_note(text.replace(face, " "))
            return Reading(FACES[face], note or None, f"the face {face}: {_num(FACES[face])}")
    lowered = normal(text)
    found = [(w, s) for w, s in _FEELING_WORDS if w in lowered]
    if found:
        used: list[tuple[str, float]] = []
        for word, value in found:  # a word inside a longer one found first (`満足` in `大満足`) counts once
            if not any(word in longer for longer, _ in used):
                used.append((word, value))
        score = max(-2.0, min(2.0, round(sum(v for _, v in used) / len(used) * 2) / 2))
        words = ", ".join(w for w, _ in used)
        return Reading(score, _clean_note(text), f"the word{'s' if len(used) > 1 else ''} {words}: {_num(score)}")
    return None


_FEELING_WORDS = sorted(((normal(w), s) for w, s in FEELINGS.items()), key=lambda e: -len(e[0]))


def _clean_note(text: str) -> str:
    text = re.sub(r"^[\s()（）:：\-–—/、,]+|[\s()（）、,]+$", "", text)
    return " / ".join(split_items(text)) if "\n" in text else text.strip()


def _num(value: float) -> str:
    return f"{value:g}"


_KPI = re.compile(
    r"^(?P<name>.+?)\s*(?:[:：]\s*)?(?:目標(?:値)?|target|goal)?\s*[:：]?\s*(?P<op>[≧≥>＞]=?|以上|以下)?\s*"
    r"(?P<num>[+-]?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>%|％|pt|円|万円|件|人|回|日|時間|分|秒|倍|visits|users|days|"
    r"hours|minutes|jpy|yen|usd|\$|pv|[a-zA-Z/]{1,12}|[件人回日]/月|件/月|/月|per month|a month)?\s*"
    r"(?P<tail>以上|以下|/月|per month)?\s*$",
    re.I,
)


_TARGET = re.compile(r"^(?P<name>.+?)\s*(?:[:：]\s*)?(?:目標値?|target|goal)\s*[:：]?\s*(?P<rest>.+)$", re.I)
_LEADING_NUMBER = re.compile(r"^(?P<num>[+-]?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>.*)$")


def read_kpi(text: str) -> dict[str, object]:
    """A KPI from text: `CVR 目標 2.5%` -> name CVR, target 2.5, unit %; `NPS: target 40 points` -> unit
    `points`; a target that is not a number stays text (`目標 前年比+10%`). Without 目標 / target, a single
    number with a short unit at the end (`CVR 2.5%`) is the target; otherwise the whole text is the name."""
    flat = unicodedata.normalize("NFKC", text).strip()
    kpi: dict[str, object] = {"name": text.strip()}
    targeted = _TARGET.match(text.strip())
    if targeted:
        kpi["name"] = targeted.group("name").strip()
        rest = unicodedata.normalize("NFKC", targeted.group("rest")).strip()
        number = _LEADING_NUMBER.match(rest)
        if number and not re.search(r"\d", number.group("unit")[:1]):
            value = float(number.group("num").replace(",", ""))
            kpi["target"] = int(value) if value.is_integer() else value
            if number.group("unit").strip():
                kpi["unit"] = number.group("unit").strip().replace("％", "%")
        else:
            kpi["target"] = rest
        metric = _lookup(_METRIC_WORDS, normal(str(kpi["name"])))
        if metric:
            kpi["metric"] = metric
        return kpi
    match = _KPI.match(text.strip()) or _KPI.match(flat)
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", flat)
    if match and len(numbers) == 1 and match.group("name").strip(" :：-"):
        name = re.sub(r"\s*(?:目標(?:値)?|target|goal)\s*$", "", match.group("name").strip(" :：-"), flags=re.I)
        kpi["name"] = name.strip() or text.strip()
        amount = float(match.group("num").replace(",", ""))
        kpi["target"] = int(amount) if amount.is_integer() else amount
        unit = (match.group("unit") or "") + (match.group("tail") if match.group("tail") in ("/月",) else "")
        if unit:
            kpi["unit"] = unit.replace("％", "%")
        if match.group("op") or match.group("tail") in ("以上", "以下"):
            kpi["note"] = f"as written: {text.strip()}"
    metric = _lookup(_METRIC_WORDS, normal(str(kpi["name"])))
    if metric:
        kpi["metric"] = metric
    return kpi


_METRIC_WORDS = _by_length(METRICS)
_CHANNEL_WORDS = _by_length(CHANNEL_WORDS)
_KIND_WORDS = _by_length(PHASE_KINDS)


def _lookup(table: list[tuple[str, str]], text: str) -> str | None:
    for word, key in table:
        if len(word) <= 3 and word.isascii() and word.strip().isalnum():
            if re.search(rf"(?<![a-z0-9]){re.escape(word.strip())}(?![a-z0-9])", text):
                return key
        elif word in text:
            return key
    return None


def channel_of(name: str) -> str:
    return _lookup(_CHANNEL_WORDS, f" {normal(name)} ") or "other"


def kind_of(name: str) -> str:
    return _lookup(_KIND_WORDS, normal(name)) or "custom"


def slug(text: str, limit: int = 40) -> str | None:
    """A kebab-case id from ASCII text (`Pain points: unsure of size` -> `pain-points-unsure-of-size`), or None
    when the text has no ASCII words (Japanese: the caller numbers it instead)."""
    flat = unicodedata.normalize("NFKD", text)
    words = re.findall(r"[a-z0-9]+", flat.encode("ascii", "ignore").decode().lower())
    if not words or sum(len(w) for w in words) < max(3, len(text) // 3):
        return None
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    out = out or words[0][:limit]
    return out if re.match(r"^[a-z]", out) else f"x-{out}"[:limit]


def has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def column_name(col: int) -> str:
    """1 -> A, 27 -> AA."""
    name = ""
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name
