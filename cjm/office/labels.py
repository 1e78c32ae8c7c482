"""The words consultants write in journey grids, as data: row labels and their synonyms, phase names, emotion
faces and words, KPI names and channels. `cjm import` reads a grid through these tables; to teach it a new label,
add the word here (lower case for English; matching ignores case, spaces, brackets and trailing colons)."""

from __future__ import annotations

# What a row holds -> the labels that name it. Matching is on the whole label after normalising
# (`cjm.office.text.label_key`), then on a label that starts with one of these (`感情スコア（母）`).
ROW_LABELS: dict[str, tuple[str, ...]] = {
    "phase": ("フェーズ", "ステージ", "段階", "ステップ", "phase", "phases", "stage", "stages", "step", "steps",
              "journey stage", "journey phase"),
    "actions": ("行動", "顧客の行動", "顧客行動", "ユーザー行動", "ユーザーの行動", "アクション", "行為", "やること",
                "doing", "actions", "action", "customer actions", "customer action", "behaviour", "behavior",
                "what they do", "activities", "user actions"),
    "thoughts": ("思考", "考え", "考えていること", "思っていること", "心の声", "顧客の思考", "ユーザーの思考", "本音",
                 "thinking", "thoughts", "thought", "what they think", "quotes", "customer thoughts"),
    "emotion": ("感情", "気持ち", "顧客の感情", "心理", "感情の動き", "感情曲線", "feeling", "feelings", "emotion",
                "emotions", "mood", "how they feel", "sentiment", "emotional state"),
    "emotion_score": ("感情スコア", "感情の点数", "感情値", "満足度", "感情(点数)", "感情(スコア)", "emotion score",
                      "feeling score", "score", "satisfaction", "sentiment score", "mood score"),
    "touchpoints": ("タッチポイント", "接点", "顧客接点", "チャネル", "チャネル・接点", "接点・チャネル", "媒体",
                    "touchpoints", "touchpoint", "touch points", "touch point", "channels", "channel",
                    "where", "contact points"),
    "pain_points": ("課題", "ペインポイント", "ペイン", "不満", "不満点", "障壁", "困りごと", "問題点", "悩み",
                    "pain points", "pain point", "pains", "pain", "problems", "issues", "frustrations", "barriers",
                    "friction", "frictions"),
    "opportunities": ("改善案", "施策", "施策案", "機会", "改善機会", "打ち手", "対策", "解決策", "アイデア",
                      "opportunities", "opportunity", "ideas", "improvements", "solutions", "actions to take",
                      "what we can do", "initiatives"),
    "kpis": ("kpi", "kpis", "指標", "評価指標", "目標指標", "kgi/kpi", "kpi・目標", "metrics", "metric", "measures",
             "success metrics", "targets"),
}

# Labels of the persona block above the grid: the block's title, and its fields.
PERSONA_TITLES = ("ペルソナ", "persona", "ペルソナ像", "対象顧客", "ターゲット", "target customer", "customer",
                  "ユーザー像")
PERSONA_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("名前", "氏名", "name"),
    "description": ("概要", "説明", "プロフィール", "人物像", "description", "profile", "about", "summary"),
    "goals": ("目標", "目的", "ゴール", "ニーズ", "goal", "goals", "needs", "wants"),
    "pains": ("悩み", "課題", "不満", "ペイン", "pains", "pain points", "frustrations", "challenges"),
    "behaviour": ("購買行動", "行動特性", "購入行動", "behaviour", "behavior", "habits"),
    "information_sources": ("情報源", "情報収集", "information sources", "sources", "media"),
    "age": ("年齢", "年代", "age"),
    "gender": ("性別", "gender"),
    "occupation": ("職業", "仕事", "occupation", "job", "role"),
    "location": ("居住地", "住まい", "地域", "location", "lives in"),
    "household": ("家族", "家族構成", "世帯", "household", "family"),
    "income": ("年収", "収入", "予算", "income", "budget"),
}
DEMOGRAPHICS = ("age", "gender", "occupation", "location", "household", "income")

# Phase names -> kind. A name that contains one of these words gets its kind (longest word first).
PHASE_KINDS: dict[str, tuple[str, ...]] = {
    "need_recognition": ("ニーズ", "課題認識", "need", "trigger", "きっかけ"),
    "awareness": ("認知", "知る", "気づく", "気付く", "発見", "awareness", "aware", "discover", "discovery", "hear",
                  "notice"),
    "interest": ("興味", "関心", "interest", "engage"),
    "information_gathering": ("情報収集", "調べる", "探す", "research", "information", "search"),
    "comparison": ("比較", "選ぶ", "compare", "comparison", "choose", "quote"),
    "consideration": ("検討", "consideration", "consider", "evaluate", "evaluation"),
    "store_confirmation": ("来店", "店舗", "store visit", "showroom"),
    "final_confirmation": ("最終確認", "final"),
    "approval": ("稟議", "承認", "approval"),
    "purchase": ("購入", "買う", "申込", "申し込み", "注文", "契約", "決済", "寄付", "purchase", "buy", "order",
                 "checkout",
                 "sign up", "signup", "conversion"),
    "delivery": ("配送", "お届け", "届く", "delivery", "deliver", "shipping"),
    "receive": ("受け取", "受取", "receive"),
    "unboxing": ("開封", "unboxing"),
    "use": ("利用", "使用", "使う", "体験", "use", "usage", "onboarding", "experience", "enjoy"),
    "support": ("サポート", "問い合わせ", "support", "claim", "help"),
    "repeat_purchase": ("リピート", "再購入", "継続", "repeat", "renewal", "renew"),
    "retention": ("ファン化", "定着", "継続利用", "retention", "loyalty", "ongoing"),
    "advocacy": ("推奨", "共有", "口コミ", "紹介", "advocacy", "advocate", "share", "recommend", "referral"),
}

# Emotion faces -> score on cjm's -2..2 scale.
FACES: dict[str, float] = {
    "😍": 2, "🤩": 2, "😆": 2, "😄": 2, "😁": 2, "😀": 1.5, "😃": 1.5, "😊": 1, "🙂": 1, "☺": 1, "☺️": 1,
    ":)": 1, ":-)": 1, ":D": 2, ":-D": 2, "^^": 1, "^_^": 1, "(^^)": 1, "(^_^)": 1,
    "😐": 0, "😶": 0, "🤔": 0, ":|": 0, ":-|": 0, "😑": 0,
    "🙁": -1, "☹": -1, "☹️": -1, "😕": -1, "😟": -1, "😞": -1, "😔": -1, "😥": -1, ":(": -1, ":-(": -1,
    "😢": -1.5, "😩": -1.5, "😫": -1.5, "😣": -1.5, "😖": -1.5, "😰": -1.5,
    "😡": -2, "😠": -2, "😤": -2, "😭": -2, ":'(": -2, "D:": -2,
}

# Emotion words -> score. A word found anywhere in the cell counts (longest first); several average.
FEELINGS: dict[str, float] = {
    # Japanese
    "ワクワク": 2, "わくわく": 2, "感動": 2, "大満足": 2, "最高": 2, "嬉しい": 1.5, "うれしい": 1.5, "楽しい": 1.5,
    "満足": 1.5, "期待": 1, "安心": 1, "興味": 1, "好奇心": 1, "納得": 1, "ほっと": 1, "便利": 1, "良い": 1,
    "楽しみ": 1, "気になる": 0.5, "普通": 0, "無関心": 0, "迷い": -0.5, "迷う": -0.5, "悩む": -0.5,
    "不安": -1, "心配": -1, "面倒": -1, "めんどう": -1, "困惑": -1, "戸惑い": -1, "疑問": -0.5, "不満": -1,
    "がっかり": -1.5, "失望": -1.5, "ストレス": -1.5, "焦り": -1, "イライラ": -2, "いらいら": -2, "怒り": -2,
    "最悪": -2, "諦め": -1.5, "後悔": -1.5, "疲れ": -1,
    # English
    "delighted": 2, "excited": 2, "thrilled": 2, "love": 2, "happy": 1.5, "pleased": 1.5, "satisfied": 1.5,
    "hopeful": 1, "curious": 1, "interested": 1, "relieved": 1, "confident": 1, "reassured": 1, "good": 1,
    "positive": 1, "neutral": 0, "ok": 0, "okay": 0, "indifferent": 0, "unsure": -0.5, "hesitant": -0.5,
    "uncertain": -0.5, "anxious": -1, "worried": -1, "confused": -1, "bored": -1, "negative": -1,
    "annoyed": -1, "disappointed": -1.5, "frustrated": -1.5, "stressed": -1.5, "overwhelmed": -1.5,
    "angry": -2, "furious": -2, "hate": -2,
}

# Numeric emotion scales a grid uses, tried in this order: the first that holds every number in the row.
SCALES: tuple[tuple[float, float], ...] = ((-2, 2), (1, 5), (-3, 3), (-5, 5), (0, 10), (1, 10), (0, 100))

# KPI names -> standard metric (a name containing the word; longest first).
METRICS: dict[str, tuple[str, ...]] = {
    "site_visits": ("訪問数", "訪問者数", "セッション数", "流入数", "site visits", "visits", "sessions", "traffic"),
    "new_user_rate": ("新規率", "新規ユーザー率", "new user rate", "new users"),
    "time_on_site": ("滞在時間", "time on site", "dwell time"),
    "page_views": ("pv", "ページビュー", "閲覧数", "page views", "pageviews"),
    "product_page_view_rate": ("商品ページ閲覧率", "product page view rate"),
    "add_to_cart_rate": ("カート投入率", "カゴ落ち前", "add-to-cart", "add to cart", "atc"),
    "cart_abandonment_rate": ("カゴ落ち率", "カート放棄率", "cart abandonment"),
    "conversion_rate": ("cvr", "購入率", "転換率", "コンバージョン率", "成約率", "conversion"),
    "average_order_value": ("客単価", "平均注文額", "aov", "average order value", "basket size"),
    "repeat_rate": ("リピート率", "再購入率", "repeat rate", "repeat purchase rate"),
    "retention_rate": ("継続率", "定着率", "更新率", "retention", "renewal rate", "churn"),
    "ltv": ("ltv", "顧客生涯価値", "lifetime value", "clv"),
    "nps": ("nps", "推奨度"),
    "customer_effort_score": ("ces", "customer effort"),
    "open_rate": ("開封率", "open rate"),
    "click_through_rate": ("ctr", "クリック率", "click-through", "click through"),
    "review_rate": ("レビュー投稿率", "レビュー率", "review rate"),
    "referral_rate": ("紹介率", "referral"),
    "store_visits": ("来店数", "来店率", "store visits"),
}

# Touchpoint names -> channel (a name containing the word; longest first). Unknown names get `other`.
CHANNEL_WORDS: dict[str, tuple[str, ...]] = {
    "sns": ("instagram", "インスタ", "tiktok", "twitter", "x(旧twitter)", "facebook", "youtube", "sns", "pinterest",
            "threads"),
    "line": ("line",),
    "search": ("google", "検索", "search", "yahoo"),
    "ads": ("広告", "バナー", "ad ", " ads", "banner", "advert"),
    "email": ("メール", "メルマガ", "email", "e-mail", "newsletter", "mail"),
    "app": ("アプリ", "app"),
    "chat": ("チャット", "chat", "chatbot"),
    "review_site": ("レビュー", "口コミサイト", "比較サイト", "review", "価格.com", "@cosme"),
    "marketplace": ("amazon", "楽天", "rakuten", "yahoo!ショッピング", "marketplace", "モール"),
    "ec_site": ("ecサイト", "公式サイト", "商品ページ", "カート", "マイページ", "フォーム", "サイト", "website",
                "web site", "form",
                "product page", "checkout", "cart", "site", "lp", "ec"),
    "web_media": ("ブログ", "記事", "メディア", "blog", "article", "magazine site"),
    "store": ("店舗", "店頭", "ショールーム", "売り場", "store", "shop", "showroom"),
    "event": ("イベント", "展示会", "セミナー", "event", "fair", "seminar", "webinar"),
    "dm": ("dm", "カタログ", "ダイレクトメール", "direct mail", "catalogue", "catalog", "はがき"),
    "package_insert": ("同梱", "チラシ同梱", "package insert", "insert"),
    "call_centre": ("電話", "コールセンター", "call centre", "call center", "phone", "hotline"),
    "sales_rep": ("営業", "担当者", "sales rep", "account manager"),
    "print": ("雑誌", "チラシ", "新聞", "ポスター", "magazine", "flyer", "newspaper", "poster"),
    "tv": ("テレビ", "tv", "cm"),
    "word_of_mouth": ("口コミ", "友人", "知人", "ママ友", "家族", "friend", "word of mouth", "colleague"),
}

# Persona roles named before a persona's name (`Giver: Ken`, `贈る人：山本`).
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "buyer": ("購入者", "buyer"), "user": ("利用者", "ユーザー", "user"),
    "decision_maker": ("意思決定者", "decision maker"),
    "approver": ("承認者", "決裁者", "approver"), "influencer": ("影響者", "influencer"),
    "giver": ("贈る人", "贈り主", "giver"), "receiver": ("受け取る人", "受取人", "receiver", "recipient"),
}
