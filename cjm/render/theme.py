"""How the diagrams look: fonts, sizes, colours and the words they use (English and Japanese)."""

from __future__ import annotations

from cjm.core.vocabulary import CHANNELS, QUADRANT_NAMES, STAGE_NAMES, in_language

# Fontconfig (Graphviz's PNG/PDF) and browsers (SVG) take the first of these that is installed. Noto Sans CJK JP
# is what the set-up installs; Hiragino ships with macOS, Yu Gothic and Meiryo with Windows, IPAex with many Linux
# distributions. All cover Latin as well, so one list serves English and Japanese maps.
FONTS = "Noto Sans CJK JP,Noto Sans JP,Hiragino Sans,Hiragino Kaku Gothic ProN,Yu Gothic,Meiryo,IPAexGothic,sans-serif"

FONT_SIZE = 10
SMALL_SIZE = 8
HEADER_SIZE = 11
TITLE_SIZE = 16

INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#cbd2d9"
HEADER_BG = "#243b53"
HEADER_INK = "#ffffff"
ROW_LABEL_BG = "#f0f4f8"
LOW_BG = "#fff1f0"
NEGATIVE = "#d64545"
PAIN_INK = "#a61b1b"
POSITIVE = "#2f8f5b"
NEUTRAL = "#9aa5b1"
ONLINE = "#2680c2"
OFFLINE = "#c65d21"

# Shape cues, so that colour is never the only carrier of meaning: a touchpoint's channel badge says online or
# offline by its mark as well as its colour.
ONLINE_MARK = "\u25c7"  # ◇
OFFLINE_MARK = "\u25c6"  # ◆
LOW_MARK = "\u25bc"  # ▼ before the feeling of a low point, which is also red
TAG_GAP = "\u2002"  # an en space between a text and its badge: a plain space lets them read as one word

# One colour per persona lane, in persona order; a map's untagged entries use the first.
LANE_COLOURS = ("#2680c2", "#c65d21", "#7b4fb5", "#2f8f5b", "#b8326b", "#5c6f82")
LANE_TINTS = ("#e8f1fa", "#fbeee6", "#f1ebf8", "#e8f4ed", "#f8e8ef", "#eef1f4")

ROW_TINTS = {"pain_points": "#fff5f5", "opportunities": "#f3faf6", "kpis": "#f5f7fa", "initiatives": "#fffbea"}

_WORDS: dict[str, tuple[str, str]] = {
    "phase": ("Phase", "フェーズ"),
    "actions": ("Actions", "行動"),
    "thoughts": ("Thoughts", "思考"),
    "feelings": ("Feelings", "感情"),
    "emotion": ("Emotion", "感情曲線"),
    "touchpoints": ("Touchpoints", "タッチポイント"),
    "pain_points": ("Pain points", "ペインポイント"),
    "opportunities": ("Opportunities", "改善機会"),
    "kpis": ("KPIs", "KPI"),
    "initiatives": ("Initiatives", "施策"),
    "unassigned": ("Unassigned", "ペルソナ未指定"),
    "personas": ("Personas", "ペルソナ"),
    "goals": ("Goals", "目標"),
    "pains": ("Pains", "悩み"),
    "no_initiative": ("no initiative yet", "対応する施策なし"),
    "low_point": ("low point", "低点"),
    "legend_online": ("online channel", "オンラインのチャネル"),
    "legend_offline": ("offline channel", "オフラインのチャネル"),
    "legend_severity": ("pain point severity, 3 of 5", "ペインの深刻度（5段階の3）"),
    "legend_low": ("low point (emotion below 0)", "感情の低点（0未満）"),
    "impact": ("Impact", "インパクト"),
    "feasibility": ("Feasibility (easier →)", "実現しやすさ（易しい →）"),
    "stage": ("Stage", "ステージ"),
    "roadmap": ("Roadmap", "ロードマップ"),
    "matrix": ("Initiative matrix", "施策マトリクス"),
    "emotion_title": ("Emotion curve", "感情曲線"),
    "map_title": ("Journey map", "カスタマージャーニーマップ"),
    "depends_on": ("depends on", "前提"),
    "target": ("target", "目標"),
    "later": ("later", "後回し"),
    "set_and_forget": ("set-and-forget", "仕組み化"),
    "dependency_note": (
        "an arrow leads from an initiative to those that depend on it",
        "矢印：前提となる施策 → それに依存する施策",
    ),
    "assumed_note": (
        "* impact or feasibility not in the map: placed at the assumed value",
        "* インパクトまたは実現しやすさが未入力のため、仮の値で配置",
    ),
    "no_initiatives": ("The map has no initiatives yet.", "このマップにはまだ施策がありません。"),
    "unscored": ("Not scored (no impact or feasibility)", "未評価（インパクトまたは実現しやすさが未入力）"),
}


# What each quadrant means, under its heading (the names are cjm.core.vocabulary's).
_QUADRANT_HINTS: dict[str, tuple[str, str]] = {
    "quick_win": ("high impact, easy", "インパクト大・実現しやすい"),
    "big_bet": ("high impact, hard", "インパクト大・実現が難しい"),
    "fill_in": ("low impact, easy", "インパクト小・実現しやすい"),
    "money_pit": ("low impact, hard", "インパクト小・実現が難しい"),
}


_ROLES: dict[str, tuple[str, str]] = {
    "buyer": ("buyer", "購入者"),
    "user": ("user", "利用者"),
    "decision_maker": ("decision-maker", "意思決定者"),
    "approver": ("approver", "承認者"),
    "influencer": ("influencer", "影響者"),
    "giver": ("giver", "贈る人"),
    "receiver": ("receiver", "受け取る人"),
    "other": ("other", "その他"),
}


def role_name(role: str, language: str) -> str:
    return in_language(_ROLES.get(role, (role, role)), language)


def quadrant_name(key: str, language: str) -> str:
    """A quadrant as a heading: `Quick wins`, `クイックウィン`."""
    name = in_language(QUADRANT_NAMES[key], language)
    return name if language == "ja" else _capitalised(name) + "s"


def quadrant_hint(key: str, language: str) -> str:
    return in_language(_QUADRANT_HINTS[key], language)


def stage_name(stage: int, language: str) -> str:
    """A stage as a heading: `Set-and-forget and quick wins`; a stage beyond the roadmap's is `Later`."""
    return _capitalised(in_language(STAGE_NAMES.get(stage, STAGE_NAMES[4]), language))


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def word(key: str, language: str) -> str:
    return in_language(_WORDS[key], language)


def channel_name(channel: str, language: str) -> str:
    return in_language(CHANNELS.get(channel, (channel, channel)), language)


def lane_colour(index: int) -> str:
    return LANE_COLOURS[index % len(LANE_COLOURS)]


def lane_tint(index: int) -> str:
    return LANE_TINTS[index % len(LANE_TINTS)]


def number(value: float) -> str:
    """`10,000`, `2.5`, `1,000,000` (never `1e+06`)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def score_text(score: float) -> str:
    """`+1`, `0`, `−1.5` (a real minus sign reads better than a hyphen in a diagram)."""
    text = f"{abs(score):g}"
    return f"+{text}" if score > 0 else f"\u2212{text}" if score < 0 else "0"
