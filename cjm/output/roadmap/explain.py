"""`cjm prioritise --explain ID`: how one initiative's score, quadrant and stage came about, term by term, in the
maps' language."""

from __future__ import annotations

import re
from typing import IO

from cjm.core.text import safe
from cjm.output.roadmap import Explanation
from cjm.output.roadmap.words import LABELS, input_label, model_line, phase_label, say, value_text
from cjm.output.terminal import console_for
from cjm.prioritise.classify import quadrant_name, risk_name, stage_name
from cjm.prioritise.roadmap import TIE_BREAKS
from cjm.prioritise.scoring import fmt

# The reasons the library gives (quadrant, stage, rank, risk, how a term was mapped or derived) are English
# sentences; `_REASONS` reads each back into its Japanese form for --explain.

# The library's English reasons (cjm.prioritise.classify, staging, roadmap, scoring, derive) as patterns, and the
# same in Japanese; each captured part is read back in turn (`_ja`), so `impact 3 (assumed)` nests.
_REASONS: tuple[tuple[str, str], ...] = (
    (r"(?P<v>.+) \(assumed\)", "{v}（仮定）"),
    (r"(?P<v>[\d.]+) assumed", "{v}、仮定"),
    (r"set-and-forget", "仕組み化"),
    (r"quick win", "クイックウィン"),
    (
        r"advanced: a big bet with heavy upkeep \(maintenance cost (?P<n>\d+)\)",
        "高度な施策：維持コストの重い大型施策（維持コスト {n}）",
    ),
    (r"big bet on a key journey point", "重要な接点を強化する大型施策"),
    (r"fill-in", "余力で実施"),
    (r"money pit: last, and worth reconsidering", "見送り候補：最後に回し、見直す価値がある"),
    (r"pinned in the map", "マップでステージを指定"),
    (r"needed by (?P<who>.+) in stage (?P<n>\d+)", "ステージ{n}の{who}がこれに依存"),
    (r"after (?P<who>.+), which it depends on", "依存先の{who}の後"),
    (
        r"stage (?P<n>\d+) full \(capacity (?P<c>\d+)\), moved to stage (?P<m>\d+)",
        "ステージ{n}はキャパシティ{c}件で満杯のため、ステージ{m}へ",
    ),
    (
        r"ranked before (?P<who>.+) \(score (?P<s>[\d.]+)\), which depends on it",
        "これに依存する{who}（スコア {s}）より先に置いた",
    ),
    (
        r"impact (?P<i>.+) (?P<o1>[≥<]) (?P<m1>\d+), feasibility (?P<f>.+) (?P<o2>[≥<]) (?P<m2>\d+)",
        "インパクト {i} {o1} {m1}、実現しやすさ {f} {o2} {m2}",
    ),
    (
        r"heavy upkeep \(maintenance cost (?P<u>\d+) ≥ (?P<h>\d+)\) and low confidence \((?P<c>[\d.]+) < "
        r"(?P<l>[\d.]+)\): it keeps costing while its return is unsure; rethink or test it small first",
        "維持コストが重く（維持コスト {u} ≥ {h}）確度が低い（{c} < {l}）：効果が不確かなままコストがかかり続ける。"
        "見直すか、まず小さく試す",
    ),
    (r"lower is better: (?P<f>.+)", "低いほど良い：{f}"),
    (r"1 if true, else 0", "ありなら 1、なしなら 0"),
    (r"0-1 as it is", "0〜1 をそのまま"),
    (r"customers per period", "期間あたりの顧客数"),
    (r"customers", "顧客数"),
    (r"person-months", "人月"),
    (r"business value \+ time criticality \+ risk reduction", "事業価値 + 時間的緊急性 + リスク低減・機会創出"),
    (r"100 × Σ\(weight × normalised\) / (?P<rest>.+)", "100 × Σ(重み × 正規化値) / {rest}"),
    (r"(?P<how>.+) \(own (?P<own>.+)\)", "{how}（自身の値 {own}）"),
    (
        r"inherits urgency (?P<v>[\d.]+) from (?P<src>'.+'), which depends on it through (?P<via>.+)",
        "これに依存する{src}から {via} を経て緊急度 {v} を継承",
    ),
    (
        r"inherits urgency (?P<v>[\d.]+) from (?P<src>'.+'), which depends on it",
        "これに依存する{src}から緊急度 {v} を継承",
    ),
    (r"from confidence (?P<v>.+) × 10 \(at least 1\)", "確度 {v} × 10（最小 1）"),
    (
        r"from what it answers: (?P<p>\d+) pain points?, (?P<o>\d+) opportunit(?:y|ies), unblocks (?P<k>\d+) = "
        r"(?P<c>\d+), on (?P<steps>.+)",
        "対応するもの：ペインポイント {p}件、機会 {o}件、後続の施策 {k}件 = {c}、{steps} で換算",
    ),
    (r"from (?P<source>[a-z_]+) (?P<v>.+?) on (?P<steps>.+)", "{source} {v} から {steps} で換算"),
    (r"funnel estimate: (?P<where>.+?), (?P<unit>(?:of an audience|per 100).+)", "ファネル推定：{where}、{unit}"),
    (r"addresses no phase: half the journey's customers assumed", "対応するフェーズが無いため、顧客の半数と仮定"),
    (
        r"(?P<pct>\d+)% of the customers reach (?P<name>'.*'), phase (?P<n>\d+) of (?P<m>\d+)",
        "顧客の {pct}% が{name}（{m}フェーズ中 {n}番目）に到達",
    ),
    (
        r"of an audience of (?P<a>[\d.]+), the median reach per funnel share of (?P<ids>.+)",
        "母数 {a}（{ids} のファネル比率あたりリーチの中央値）",
    ),
    (r"per 100 customers entering the journey", "ジャーニーに入る顧客 100 人あたり"),
    (r"(?P<a>.+?); (?P<b>.+)", "{a}。{b}"),  # last: the reasons above that hold a `; ` read whole
)
_REASON_PATTERNS = tuple((re.compile(pattern), japanese) for pattern, japanese in _REASONS)
# The tie-breaks of roadmap.TIE_BREAKS that are not input names.
_TIE_BREAKS_JA = {
    "score": "スコア",
    "maintenance_cost (lower first)": "維持コスト（低い順）",
    "set_and_forget (true first)": "仕組み化（ありが先）",
    "map id": "マップID",
    "id": "ID",
}


def _ja(text: str) -> str:
    """A reason of the library in Japanese; a part no pattern reads (a name, a number) stays as it is."""
    for pattern, japanese in _REASON_PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            return japanese.format(**{k: _ja(v) for k, v in found.groupdict().items()})
    return input_label(text, "ja") if text in LABELS else text


def _reason(text: str, language: str) -> str:
    return _ja(text) if language == "ja" else text


def _term_name(name: str, language: str) -> str:
    return input_label(name, language) if language == "ja" and name in LABELS else name


def write_explanation(explanation: Explanation, stream: IO[str], *, color: bool = False) -> None:
    """How one initiative's score, quadrant and stage came about, term by term, in the maps' language."""
    roadmap, item = explanation
    from rich import box
    from rich.table import Table
    from rich.text import Text

    language = roadmap.language
    sep = say("list_sep", language)

    def line(text: str, style: str = "") -> None:
        # Japanese breaks anywhere, as the terminal does; English at spaces.
        console.print(Text(text, style=style), soft_wrap=True)

    def names(terms: tuple[str, ...]) -> str:
        return sep.join(_term_name(name, language) for name in terms)

    console = console_for(stream, color=color)
    head = Text()
    head.append(safe(item.ref), style="bold")
    head.append(f"  {safe(item.title)}")
    console.print(head, soft_wrap=True)
    line(f"{safe(item.source)}:{item.line}", "dim")
    line(say("scored", language, model=model_line(roadmap, language)))
    table = Table(box=box.SIMPLE_HEAD if color else box.ASCII2, show_edge=False, pad_edge=False)
    weighted = roadmap.model.name == "default"
    columns = ("input", "value", "normalised", "weight", "points", "how") if weighted else ("input", "value", "how")
    for column in columns:
        table.add_column(say(column, language), justify="left" if column in ("input", "how") else "right")
    for term in item.terms:
        value = (
            (say("yes" if term.value else "no", language) if isinstance(term.value, bool) else value_text(term.value))
            + (say("assumed", language) if term.assumed else "")
            + (say("derived", language) if term.derived else "")
        )
        name = _term_name(term.name, language)
        if weighted:
            table.add_row(
                name,
                value,
                f"{term.normalised:.2f}",
                fmt(term.weight or 0),
                f"{term.points:.2f}",
                _reason(term.note, language),
            )
        else:
            how = term.derived or (term.note if term.name == "cost_of_delay" else "")
            table.add_row(name, value, _reason(how, language) if how else say("written", language))
    console.print(table)
    line(say("score", language, formula=_reason(item.formula, language)), "bold")
    for term in item.terms:
        if weighted and term.derived:
            how = safe(_reason(term.derived, language))
            line(say("term", language, name=_term_name(term.name, language), how=how))
    if item.derived and not weighted:
        line(say("derived_all", language, names=names(item.derived)), "yellow")
    keys = sep.join(_TIE_BREAKS_JA.get(key) or _term_name(key, language) for key in TIE_BREAKS)
    order = say("order", language, keys=keys if language == "ja" else ", ".join(TIE_BREAKS))
    count = len(roadmap.initiatives)
    if item.rank_reason:
        reason = safe(_reason(item.rank_reason, language))
        line(say("rank_why", language, rank=item.rank, count=count, reason=reason))
        line(say("otherwise", language, order=order), "dim")
    else:
        line(say("rank", language, rank=item.rank, count=count, order=order))
    if item.assumed:
        line(say("assumed_all", language, names=names(item.assumed)), "yellow")
    label = quadrant_name(item.quadrant, language)
    line(say("quadrant", language, label=label, reason=_reason(item.quadrant_reason, language)))
    if item.risk:
        risk = risk_name(item.risk, language)
        line(say("risk", language, risk=risk, reason=_reason(item.risk_reason, language)), "bold red")
    stage = say(
        "stage",
        language,
        n=item.stage,
        label=stage_name(item.stage, language),
        reason=safe(_reason(item.stage_reason, language)),
    )
    line(stage)
    if item.depends_on:
        line(say("depends_on", language, ids=sep.join(safe(d) for d in item.depends_on)))
    none = say("none", language)
    phases = sep.join(safe(phase_label(roadmap, item.map_id, p)) for p in item.addresses.phases) or none
    pains = sep.join(safe(p) for p in item.addresses.pain_points) or none
    line(say("addresses", language, phases=phases, pains=pains))
