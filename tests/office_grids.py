"""Journey grids as consultants make them, written as data so a reviewer can read them, and saved as .xlsx by
`write_grid` (the tests make them in a temporary folder). Each has the quirks of real workshop files: title
rows, persona blocks, merged cells, spacer rows, several items per cell, faces, 1..5 scales, other sheets.
`tests/office_golden/*.csv` are hand-made CSV files; the expected maps are `tests/office_golden/NAME.yaml`.

Run `python -m tests.office_grids OUTDIR` to write the .xlsx files to look at them in a spreadsheet."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

# Each grid: its sheets in order; each sheet: cells by reference, merged ranges, formulas with the cached value
# Excel would have saved (openpyxl writes none, so `write_grid` adds it to the file).
GRIDS: dict[str, list[dict[str, Any]]] = {
    # A Japanese workshop grid: merged title, a persona block, 顧客の行動/ペインポイント/施策 synonyms, faces,
    # "・" bullets, a merged row label over two rows and a spacer row in the middle.
    "ja-workshop": [
        {
            "name": "CJM",
            "cells": {
                "A1": "オンライン英会話 カスタマージャーニーマップ（2025年度ワークショップ）",
                "A3": "ペルソナ",
                "B3": "佐藤 美咲",
                "A4": "年齢",
                "B4": "29歳",
                "A5": "職業",
                "B5": "IT企業の営業職",
                "A6": "目標",
                "B6": "・昇進のためにTOEIC 800点を取りたい\n・通勤時間を有効に使いたい",
                "A7": "悩み",
                "B7": "・仕事が忙しく続かない\n・何から始めればいいか分からない",
                "A9": "フェーズ",
                "B9": "認知",
                "C9": "情報収集",
                "D9": "比較・検討",
                "E9": "申込",
                "F9": "継続利用",
                "A10": "顧客の行動",
                "B10": "・同僚がアプリで勉強しているのを見る\n・Instagram広告を見る",
                "C10": "・「オンライン英会話 おすすめ」で検索\n・比較記事を読む",
                "D10": "・無料体験を2社で受ける\n・料金プランを比べる",
                "E10": "・月8回プランに申し込む",
                "F10": "・週2回レッスンを受ける\n・レッスン後に復習する",
                "B11": "・SNSで口コミを見る",
                "A12": "思考",
                "B12": "自分にもできるかな",
                "C12": "どこがいいんだろう",
                "D12": "講師の質はどう違う？",
                "E12": "続けられるか心配",
                "F12": "少し話せるようになってきた",
                "A13": "感情",
                "B13": "🙂",
                "C13": "😐",
                "D13": "😟 迷う",
                "E13": "😟",
                "F13": "😊 楽しい",
                "A15": "タッチポイント",
                "B15": "Instagram\n同僚の口コミ",
                "C15": "Google検索\n比較ブログ",
                "D15": "無料体験レッスン\n公式サイト",
                "E15": "申込フォーム",
                "F15": "アプリ\nLINE",
                "A16": "ペインポイント",
                "C16": "・サービスが多すぎて違いが分からない",
                "D16": "・講師によって当たり外れがある",
                "E16": "・解約条件が分かりにくい",
                "F16": "・予約が取りにくい時間帯がある",
                "A17": "施策",
                "C17": "・目的別の比較表を公式サイトに載せる",
                "D17": "・講師のレビューを公開する",
                "E17": "・解約手順を申込前に明示する",
                "F17": "・人気時間帯の講師を増やす",
                "A18": "KPI",
                "B18": "広告CTR 目標 1.2%",
                "C18": "サイト訪問数 目標 50000 件/月",
                "D18": "無料体験申込率 8%",
                "E18": "CVR 目標 2.5%",
                "F18": "3か月継続率 目標 70%",
            },
            "merged": ["A1:F1", "A10:A11"],
        }
    ],
    # An English service-design template: a cover sheet first, Doing/Thinking/Feeling, "-" bullets and numbered
    # lists, feelings in words, and a "Notes" row cjm does not know.
    "en-service-design": [
        {"name": "Cover", "cells": {"A1": "Acme Coffee — Journey workshop", "A3": "Prepared by the CX team"}},
        {
            "name": "Journey",
            "cells": {
                "A1": "Subscription coffee: first order to loyal subscriber",
                "A2": "Draft for the March review",
                "A4": "Stage",
                "B4": "Discover",
                "C4": "Research",
                "D4": "Sign up",
                "E4": "First delivery",
                "F4": "Ongoing use",
                "A5": "Doing",
                "B5": "- Sees a friend's post about fresh beans\n- Clicks a podcast ad",
                "C5": "1. Reads the FAQ\n2. Compares plans\n3. Looks for reviews",
                "D5": "- Chooses a plan\n- Enters card details",
                "E5": "- Opens the box\n- Brews the first cup",
                "F5": "- Skips a delivery\n- Rates each coffee",
                "A6": "Thinking",
                "B6": "Is fresh coffee worth it?",
                "C6": "Which plan fits two cups a day?",
                "D6": "Can I cancel easily?",
                "E6": "This smells amazing",
                "F6": "I want more variety",
                "A7": "Feeling",
                "B7": "curious",
                "C7": "unsure, a bit overwhelmed",
                "D7": "anxious",
                "E7": "delighted",
                "F7": "satisfied",
                "A8": "Touchpoints",
                "B8": "Instagram\nPodcast ad",
                "C8": "Website FAQ\nReview site",
                "D8": "Checkout",
                "E8": "Package insert",
                "F8": "Email\nApp",
                "A9": "Pain points",
                "C9": "- Too many plans to compare",
                "D9": "- Cancellation terms are hidden",
                "F9": "- Skipping requires logging in on desktop",
                "A10": "Opportunities",
                "C10": "- A two-question plan finder",
                "D10": "- Show how to cancel on the checkout page",
                "F10": "- Skip from the email in one tap",
                "A11": "KPIs",
                "B11": "Site visits: target 20000 visits/month",
                "D11": "Conversion rate: target 3%",
                "F11": "Retention rate: target 80%",
                "A12": "Notes",
                "D12": "Legal to review the cancellation copy",
            },
        },
    ],
    # A Japanese grid whose labels are in column B (column A groups them), phases merged over two columns,
    # an emotion score on 1..5 with the feelings in their own row, and a score that is a formula.
    "ja-score-1to5": [
        {
            "name": "ジャーニー",
            "cells": {
                "B1": "ネットスーパー初回利用ジャーニー",
                "B3": "フェーズ",
                "C3": "認知",
                "E3": "初回注文",
                "G3": "受け取り",
                "A4": "顧客",
                "B4": "行動",
                "C4": "チラシのQRを読む",
                "D4": "アプリをインストール",
                "E4": "・野菜をカートに入れる\n・配送枠を選ぶ",
                "F4": "・クーポンを使う",
                "G4": "玄関で受け取る",
                "B5": "思考",
                "C5": "店に行かなくていいなら楽",
                "E5": "配送枠が埋まっている…",
                "G5": "鮮度は大丈夫？",
                "B6": "感情スコア",
                "C6": 4,
                "E6": 2,
                "G6": "=C6",
                "B7": "感情",
                "C7": "期待",
                "E7": "イライラ",
                "G7": "安心",
                "A8": "企業",
                "B8": "タッチポイント",
                "C8": "折込チラシ",
                "E8": "アプリ",
                "G8": "配送スタッフ",
                "B9": "課題",
                "E9": "夕方の配送枠がすぐ埋まる",
                "G9": "不在時の置き配が選べない",
                "B10": "改善案",
                "E10": "配送枠の増枠",
                "G10": "置き配の選択肢",
                "B11": "KPI",
                "C11": "アプリDL数 目標 3000件",
                "E11": "初回購入率 目標 40%",
                "G11": "再購入率 目標 35%",
            },
            "merged": ["C3:D3", "E3:F3", "G3:H3", "A4:A7", "A8:A11"],
            "formulas": {"G6": ("C6", 4)},
        }
    ],
    # Two personas in one grid (a gift): rows named for each lane, on -2..2, and an initiatives sheet after it.
    "en-multilane-gift": [
        {
            "name": "Map",
            "cells": {
                "A1": "Birthday flowers: giver and receiver",
                "A3": "Persona",
                "B3": "Giver: Ken",
                "D3": "Persona",
                "E3": "Receiver: Aya",
                "A4": "Goals",
                "B4": "Surprise her on the day",
                "D4": "Goals",
                "E4": "Enjoy the flowers for a week",
                "A6": "Phase",
                "B6": "Choose",
                "C6": "Order",
                "D6": "Deliver",
                "E6": "Enjoy",
                "A7": "Actions (Giver: Ken)",
                "B7": "Browses bouquets by budget",
                "C7": "Writes a card message",
                "D7": "Gets a delivery notice",
                "A8": "Actions (Receiver: Aya)",
                "D8": "Receives the bouquet at work",
                "E8": "Posts a photo",
                "A9": "Emotion score (Giver: Ken)",
                "B9": 1,
                "C9": 0,
                "D9": 2,
                "E9": 1,
                "A10": "Emotion score (Receiver: Aya)",
                "D10": 2,
                "E10": 1.5,
                "A11": "Pain points",
                "C11": "Delivery time windows are vague",
                "E11": "Flowers wilt in three days",
                "A12": "Opportunities",
                "C12": "Two-hour delivery windows",
                "E12": "Care card with every bouquet",
            },
        },
        {"name": "Initiatives", "cells": {"A1": "Initiative", "B1": "Impact", "A2": "Two-hour windows", "B2": 4}},
    ],
    # A sparse Japanese grid: no label above the phases, stars for feelings, circled numbers, an unlabelled row
    # after a spacer, and a source note below the grid.
    "ja-sparse-stars": [
        {
            "name": "Sheet1",
            "cells": {
                "B2": "ふるさと納税 返礼品選びジャーニー",
                "C4": "きっかけ",
                "D4": "探す",
                "E4": "選ぶ",
                "F4": "寄付する",
                "G4": "届く",
                "B5": "行動",
                "C5": "年末に控除の上限を調べる",
                "D5": "①ポータルで検索\n②ランキングを見る",
                "E5": "①レビューを読む\n②容量を比べる",
                "F5": "クレジットカードで寄付",
                "G5": "冷凍庫に入れる",
                "B6": "気持ち",
                "C6": "★★★☆☆",
                "D6": "★★☆☆☆",
                "E6": "★★☆☆☆",
                "F6": "★★★★☆",
                "G6": "★★★★★",
                "B7": "困りごと",
                "D7": "似た返礼品が多すぎる",
                "E7": "容量が一度に届くと多すぎる",
                "C9": "（社内メモ）年末の駆け込みが多い",
                "B11": "※出典: 2025年 利用者アンケート n=412",
            },
        }
    ],
    # An English grid starting at B2, scores on -5..5, a Channels row, and KPIs with operators.
    "en-scale-5": [
        {
            "name": "Journey map",
            "cells": {
                "B2": "Home insurance online: quote to renewal",
                "B4": "Journey stage",
                "C4": "Awareness",
                "D4": "Quote",
                "E4": "Purchase",
                "F4": "Claim",
                "G4": "Renewal",
                "B5": "Customer actions",
                "C5": "• Sees a TV spot\n• Hears about it from a neighbour",
                "D5": "• Fills in the quote form",
                "E5": "• Pays the first premium",
                "F5": "• Calls the hotline",
                "G5": "• Gets the renewal email",
                "B6": "Emotions",
                "C6": 2,
                "D6": -1,
                "E6": 3,
                "F6": -5,
                "G6": 0,
                "B7": "Channels",
                "C7": "TV\nWord of mouth",
                "D7": "Website",
                "E7": "Checkout",
                "F7": "Call centre",
                "G7": "Email",
                "B8": "Pain points",
                "D8": "• The form asks for the building year, which I don't know",
                "F8": "• Long waiting time on the phone",
                "B9": "Ideas",
                "D9": "• Prefill from the address",
                "F9": "• Call-back instead of waiting",
                "B10": "Metrics",
                "C10": "Brand recall ≥ 30%",
                "D10": "Quote completion 45%",
                "F10": "NPS ≥ 20",
                "G10": "Renewal rate target 85%",
            },
        }
    ],
}


def write_grid(name: str) -> bytes:
    """The grid `name` as .xlsx bytes, with each formula's cached value in the file as Excel saves it."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for spec in GRIDS[name]:
        ws = book.create_sheet(spec["name"])
        for ref, value in spec["cells"].items():
            ws[ref] = value
        for cells in spec.get("merged", []):
            ws.merge_cells(cells)
        for column in "ABCDEFGH":
            ws.column_dimensions[column].width = 24
    out = io.BytesIO()
    book.save(out)
    formulas = {
        (spec["name"], ref): cached for spec in GRIDS[name] for ref, (_, cached) in spec.get("formulas", {}).items()
    }
    return _with_cached_values(out.getvalue(), [spec["name"] for spec in GRIDS[name]], formulas)


def _with_cached_values(data: bytes, sheets: list[str], formulas: dict[tuple[str, str], Any]) -> bytes:
    if not formulas:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            for index, sheet in enumerate(sheets, 1):
                if item.filename == f"xl/worksheets/sheet{index}.xml":
                    text = content.decode()
                    for (name, ref), cached in formulas.items():
                        if name == sheet:
                            start = text.index(f'<c r="{ref}"')
                            end = text.index("</c>", start)
                            text = (
                                text[:start]
                                + text[start:end]
                                .replace("<v></v>", f"<v>{cached}</v>")
                                .replace("<v />", f"<v>{cached}</v>")
                                + text[end:]
                            )
                    content = text.encode()
            target.writestr(item, content)
    return out.getvalue()


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    for grid in GRIDS:
        (folder / f"{grid}.xlsx").write_bytes(write_grid(grid))
        print(folder / f"{grid}.xlsx")
