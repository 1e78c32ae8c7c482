"""What the generated maps say: phases, personas, initiatives and messages drawn from the domain brief
(shared/domain.md), in English and Japanese. `{p}` stands for the industry's product."""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]  # (English, Japanese)


@dataclass(frozen=True)
class PhaseText:
    name: Pair
    actions: tuple[Pair, ...]
    thoughts: tuple[Pair, ...]
    pains: tuple[Pair, ...]
    opportunities: tuple[Pair, ...]
    touchpoints: tuple[tuple[str, str, str], ...]  # channel, English, Japanese
    kpis: tuple[tuple[str, str, str, str, float], ...]  # metric, English, Japanese, unit, target


@dataclass(frozen=True)
class Industry:
    key: str
    name: Pair
    product: Pair
    business: dict
    phases: tuple[str, ...]  # phase kinds, in time order
    personas: tuple[str, ...]  # keys of PERSONAS


_STANDARD = ("awareness", "interest", "consideration", "purchase", "retention")

# The industries of the domain brief, each with the phases its split/merge rules give it.
INDUSTRIES: tuple[Industry, ...] = (
    Industry(
        "apparel",
        ("Women's apparel", "レディースアパレル"),
        ("dress", "ワンピース"),
        {"model": "b2c", "purchase": "repeat", "channels": "online", "cycle": "short"},
        (*_STANDARD, "advocacy"),
        ("working-mother",),
    ),
    Industry(
        "cosmetics",
        ("Skincare", "スキンケア化粧品"),
        ("serum", "美容液"),
        {"model": "b2c", "purchase": "repeat", "channels": "online"},
        ("awareness", "interest", "consideration", "purchase", "use", "repeat_purchase", "advocacy"),
        ("skincare-fan",),
    ),
    Industry(
        "supplements",
        ("Supplements", "サプリメント"),
        ("supplement", "サプリメント"),
        {"model": "b2c", "purchase": "subscription", "channels": "online"},
        ("need_recognition", "information_search", "consideration", "purchase", "use", "repeat_purchase"),
        ("health-conscious",),
    ),
    Industry(
        "furniture",
        ("Furniture", "家具"),
        ("sofa", "ソファ"),
        {"model": "b2c", "purchase": "one_off", "durable": True, "channels": "omnichannel"},
        (
            "awareness",
            "interest",
            "online_consideration",
            "store_confirmation",
            "purchase",
            "delivery",
            "use_and_maintenance",
            "advocacy",
        ),
        ("new-home-couple",),
    ),
    Industry(
        "appliances",
        ("Home appliances", "家電"),
        ("robot vacuum", "ロボット掃除機"),
        {"model": "b2c", "purchase": "one_off", "durable": True, "channels": "online"},
        ("awareness", "interest", "consideration", "purchase", "delivery", "use_and_maintenance", "support"),
        ("busy-professional",),
    ),
    Industry(
        "gift",
        ("Gifts", "ギフト"),
        ("gift set", "ギフトセット"),
        {"model": "b2c", "purchase": "one_off", "gift": True, "channels": "online"},
        ("awareness", "consideration", "purchase", "delivery", "receive", "unboxing", "advocacy"),
        ("giver", "receiver"),
    ),
    Industry(
        "watches",
        ("Luxury watches", "高級腕時計"),
        ("watch", "腕時計"),
        {"model": "b2c", "purchase": "one_off", "cycle": "long", "channels": "omnichannel"},
        (
            "awareness",
            "interest",
            "information_gathering",
            "comparison",
            "final_confirmation",
            "purchase",
            "support",
            "advocacy",
        ),
        ("collector",),
    ),
    Industry(
        "b2b-saas",
        ("B2B office supplies", "法人向け事務用品"),
        ("office supplies", "事務用品"),
        {"model": "b2b", "purchase": "repeat", "cycle": "long", "channels": "online"},
        ("awareness", "interest", "consideration", "internal_coordination", "approval", "purchase", "repeat_purchase"),
        ("office-user", "approver"),
    ),
    Industry(
        "iot",
        ("Smart home devices", "スマートホーム機器"),
        ("smart lock", "スマートロック"),
        {"model": "b2c", "purchase": "one_off", "awareness": "low", "channels": "online"},
        ("industry_awareness", "product_awareness", "consideration", "purchase", "use", "advocacy"),
        ("early-adopter",),
    ),
    Industry(
        "craft",
        ("Handmade craft supplies", "ハンドメイド材料"),
        ("yarn", "毛糸"),
        {"model": "b2c", "purchase": "repeat", "channels": "online"},
        (*_STANDARD, "advocacy"),
        ("crafter",),
    ),
)

PERSONAS: dict[str, dict] = {
    "working-mother": {
        "name": ("Yuka, busy working mother", "忙しいワーキングマザー 由香"),
        "role": "buyer",
        "description": (
            "33, part-time worker in Tokyo; shops on her phone after the children sleep.",
            "都内在住の33歳、パート勤務。子どもが寝た後にスマホで服を探す。",
        ),
        "goals": [
            ("Find clothes that mix with what she owns, quickly", "手持ちの服と着回せる服を短時間で選びたい"),
            ("Stay within a ¥20,000 monthly budget", "月2万円の予算に収めたい"),
        ],
        "pains": [
            ("No time to visit stores and try things on", "店舗に行って試着する時間がない"),
            ("Unsure of her size since her body changed", "体型が変わり自分に合うサイズが分からない"),
        ],
        "behaviour": [("Buys once or twice a month, ¥5,000-10,000 each", "月1〜2回、1回5,000〜10,000円購入する")],
        "sources": [("Instagram and TikTok outfit accounts", "Instagram と TikTok の着回しアカウント")],
        "demographics": {"age": 33, "gender": ("Female", "女性"), "location": ("Tokyo", "東京都")},
    },
    "skincare-fan": {
        "name": ("Mai, skincare enthusiast", "スキンケア好きの麻衣"),
        "role": "buyer",
        "description": (
            "29, office worker who compares ingredients before buying.",
            "29歳の会社員。成分を比べてから買う。",
        ),
        "goals": [("Calm her sensitive skin", "敏感肌を落ち着かせたい")],
        "pains": [("Products that irritate her skin", "肌に合わずかぶれる商品がある")],
        "behaviour": [("Repurchases every six weeks", "6週間ごとに買い足す")],
        "sources": [("Cosmetics review sites", "化粧品の口コミサイト"), ("YouTube reviews", "YouTube のレビュー動画")],
        "demographics": {"age": "25-34"},
    },
    "health-conscious": {
        "name": ("Kenji, health-conscious commuter", "健康志向の会社員 健二"),
        "role": "buyer",
        "description": ("45, worried about his health check results.", "45歳。健康診断の結果が気になっている。"),
        "goals": [("Build a daily health habit", "毎日の健康習慣をつくりたい")],
        "pains": [("Unsure which supplement actually works", "どのサプリが本当に効くのか分からない")],
        "behaviour": [("Buys on subscription if the first month works", "最初の1か月で効果を感じれば定期購入する")],
        "sources": [("Health news sites", "健康情報サイト")],
    },
    "new-home-couple": {
        "name": ("The Satos, moving into a new flat", "新居に引っ越す佐藤夫妻"),
        "role": "buyer",
        "description": (
            "A couple in their thirties furnishing their first home.",
            "初めての家に家具をそろえる30代の夫婦。",
        ),
        "goals": [("A sofa that lasts ten years", "10年使えるソファがほしい")],
        "pains": [("Cannot picture the size in their room", "部屋に置いたときの大きさが想像できない")],
        "behaviour": [("Researches online, confirms in a store", "ネットで調べて店舗で確かめる")],
        "sources": [("Interior magazines", "インテリア雑誌"), ("Room tour videos", "ルームツアー動画")],
    },
    "busy-professional": {
        "name": ("Aya, busy professional", "共働きの会社員 彩"),
        "role": "buyer",
        "description": ("38, wants housework to take less time.", "38歳。家事の時間を減らしたい。"),
        "goals": [("Spend less time cleaning", "掃除の時間を減らしたい")],
        "pains": [("Too many similar models to compare", "似た機種が多すぎて比べられない")],
        "behaviour": [("Reads comparison articles before buying", "購入前に比較記事を読む")],
        "sources": [("Price comparison sites", "価格比較サイト")],
    },
    "giver": {
        "name": ("Gift giver", "贈る人"),
        "role": "giver",
        "description": ("Looking for a birthday present for a colleague.", "同僚への誕生日プレゼントを探している。"),
        "goals": [("Give something that looks thoughtful", "気の利いた贈り物をしたい")],
        "pains": [("Does not know the receiver's taste", "相手の好みが分からない")],
        "behaviour": [("Decides within a week of the occasion", "贈る日の1週間前までに決める")],
        "sources": [("Gift ranking pages", "ギフトランキング")],
    },
    "receiver": {
        "name": ("Gift receiver", "受け取る人"),
        "role": "receiver",
        "description": ("Receives the gift at work.", "職場でギフトを受け取る。"),
        "goals": [("Enjoy the gift without fuss", "気軽に楽しみたい")],
        "pains": [("Awkward to ask how to exchange it", "交換方法を聞きづらい")],
    },
    "collector": {
        "name": ("Hiroshi, first luxury watch", "初めての高級時計を探す浩"),
        "role": "buyer",
        "description": ("42, marking a promotion with a watch.", "42歳。昇進の記念に時計を買う。"),
        "goals": [("Buy a watch he will keep for life", "一生使える時計を買いたい")],
        "pains": [("Worried about fakes and after-sales service", "偽物やアフターサービスが不安")],
        "behaviour": [("Takes three months to decide", "決めるまでに3か月かける")],
        "sources": [("Watch forums", "時計の専門フォーラム"), ("Boutique staff", "ブティックのスタッフ")],
    },
    "office-user": {
        "name": ("General affairs staff", "総務担当者"),
        "role": "user",
        "description": ("Orders supplies for a 50-person office.", "社員50人の事務所の備品を発注する。"),
        "goals": [("Never run out of supplies", "備品を切らさない")],
        "pains": [("Approval takes weeks", "承認に何週間もかかる")],
        "demographics": {"company_size": ("50 employees", "従業員50名")},
    },
    "approver": {
        "name": ("Department head who approves", "承認する部門長"),
        "role": "approver",
        "description": ("Signs off purchases over ¥100,000.", "10万円を超える購入を承認する。"),
        "goals": [("Keep costs predictable", "コストを予測しやすくしたい")],
        "pains": [("Quotes that are hard to compare", "見積書が比べにくい")],
    },
    "early-adopter": {
        "name": ("Takumi, gadget lover", "ガジェット好きの拓海"),
        "role": "buyer",
        "description": ("31, engineer who tries new devices early.", "31歳のエンジニア。新しい機器をいち早く試す。"),
        "goals": [("A safer, keyless front door", "鍵を持たずに安全に出入りしたい")],
        "pains": [("Not sure it fits his door", "自宅のドアに付くか分からない")],
        "sources": [("Tech blogs", "テック系ブログ")],
    },
    "crafter": {
        "name": ("Keiko, weekend knitter", "週末に編み物をする恵子"),
        "role": "buyer",
        "description": ("52, knits gifts for her grandchildren.", "52歳。孫への贈り物を編む。"),
        "goals": [("Finish a piece she is proud of", "自慢できる作品を完成させたい")],
        "pains": [("Colours look different on screen", "画面と実物で色が違って見える")],
        "behaviour": [("Buys yarn every month", "毎月毛糸を買う")],
        "sources": [("Instagram making contests", "Instagram の作品コンテスト")],
    },
}

_AWARENESS_KPIS = (
    ("site_visits", "Site visits", "サイト訪問数", "visits/month", 30000),
    ("new_user_rate", "New-user rate", "新規ユーザー率", "%", 60),
)
_INTEREST_KPIS = (
    ("time_on_site", "Time on site", "サイト滞在時間", "minutes", 4),
    ("page_views", "Page views per visit", "1訪問あたりページビュー", "PV", 6),
)
_CONSIDERATION_KPIS = (
    ("product_page_view_rate", "Product-page view rate", "商品ページ閲覧率", "%", 55),
    ("add_to_cart_rate", "Add-to-cart rate", "カート投入率", "%", 10),
)
_PURCHASE_KPIS = (
    ("conversion_rate", "Conversion rate", "購入率（CVR）", "%", 2.5),
    ("average_order_value", "Average order value", "平均注文単価", "JPY", 7500),
    ("cart_abandonment_rate", "Cart abandonment rate", "カート放棄率", "%", 65),
)
_RETENTION_KPIS = (
    ("repeat_rate", "Repeat rate", "リピート率", "%", 30),
    ("ltv", "LTV", "顧客生涯価値（LTV）", "JPY", 48000),
    ("retention_rate", "Retention rate", "継続率", "%", 70),
)
_ADVOCACY_KPIS = (
    ("nps", "NPS", "NPS", "points", 30),
    ("review_rate", "Review rate", "レビュー投稿率", "%", 12),
    ("referral_rate", "Referral rate", "紹介経由の新規顧客率", "%", 8),
)
_SUPPORT_KPIS = (
    ("customer_effort_score", "Customer effort score", "顧客努力指標（CES）", "points", 2),
    ("nps", "NPS after support", "サポート後のNPS", "points", 20),
)

_AWARENESS = PhaseText(
    ("Awareness", "認知"),
    (
        ("Sees a {p} in an Instagram post", "Instagram の投稿で{p}を見かける"),
        ("Searches for 'summer mom fashion'", "「夏 ママ ファッション」で検索する"),
        ("Notices a TikTok video tagging the brand", "TikTok の動画でブランドのタグに気づく"),
        ("Hears about the shop from a friend", "友人からショップの話を聞く"),
    ),
    (
        ("Who makes this {p}?", "この{p}、どこのブランドだろう"),
        ("Is it expensive?", "高くないかな"),
        ("That person looks like me", "この人、自分に似ているかも"),
    ),
    (
        ("Cannot tell which brand a post shows", "投稿の商品がどのブランドか分からない"),
        ("Ads feel pushy and get skipped", "広告が押しつけがましく飛ばしてしまう"),
    ),
    (
        ("Tag every post with the product and a link", "すべての投稿に商品タグと購入リンクを付ける"),
        ("Run a hashtag campaign with customers", "顧客参加型のハッシュタグキャンペーンを行う"),
    ),
    (
        ("sns", "Influencer post", "インフルエンサーの投稿"),
        ("ads", "Instagram ad", "Instagram 広告"),
        ("search", "Search results", "検索結果"),
        ("word_of_mouth", "A friend's recommendation", "友人のおすすめ"),
    ),
    _AWARENESS_KPIS,
)

PHASES: dict[str, PhaseText] = {
    "awareness": _AWARENESS,
    "need_recognition": PhaseText(
        ("Need recognition", "ニーズの認識"),
        (
            ("Gets a worrying health check result", "健康診断の結果が気になる"),
            ("Realises the old {p} no longer works", "今の{p}では物足りないと気づく"),
        ),
        (("I should do something about this", "何とかしないと"),),
        (("Does not know where to start", "何から始めればいいか分からない"),),
        (("Publish a short self-check guide", "簡単なセルフチェックガイドを公開する"),),
        (("web_media", "Health article", "健康コラム"), ("tv", "TV programme", "テレビ番組")),
        _AWARENESS_KPIS,
    ),
    "industry_awareness": PhaseText(
        ("Industry awareness", "業界認知"),
        (("Reads that {p}s exist at all", "{p}という製品があることを知る"),),
        (("Is this safe?", "安全なのだろうか"),),
        (("The category is unknown and sounds risky", "カテゴリ自体が知られておらず不安に思われる"),),
        (("Explain the category with a simple video", "カテゴリを短い動画で分かりやすく説明する"),),
        (("web_media", "Tech blog review", "テック系ブログのレビュー"), ("event", "Trade show booth", "展示会ブース")),
        _AWARENESS_KPIS,
    ),
    "product_awareness": PhaseText(
        ("Product awareness", "商品認知"),
        (("Finds the brand's {p} among several makers", "複数のメーカーの中からブランドの{p}を見つける"),),
        (("How is this one different?", "他と何が違うのだろう"),),
        (("Makers look the same", "メーカーごとの違いが分からない"),),
        (("Show a comparison with the alternatives", "他の選択肢との比較表を示す"),),
        (("search", "Search ad", "検索広告"), ("review_site", "Review site", "レビューサイト")),
        _INTEREST_KPIS,
    ),
    "interest": PhaseText(
        ("Interest", "興味・関心"),
        (
            ("Opens the product page from the post", "投稿のリンクから商品ページを開く"),
            ("Browses the styling feature", "コーディネート特集を眺める"),
            ("Adds the {p} to favourites", "{p}をお気に入りに入れる"),
            ("Follows the brand's account", "ブランドのアカウントをフォローする"),
        ),
        (("Can I wash it in the machine?", "洗濯機で洗えるかな"), ("Would it suit my style?", "自分に似合うかな")),
        (
            ("The list is hard to browse on a phone", "スマホで一覧が見づらい"),
            ("Too many products to choose from", "商品が多すぎて選べない"),
        ),
        (
            ("Add filters by life scene", "生活シーン別の絞り込みを用意する"),
            ("Curate a short list of best sellers", "売れ筋を絞って紹介する"),
        ),
        (
            ("ec_site", "Styling feature page", "コーディネート特集ページ"),
            ("sns", "Brand Instagram", "ブランド公式 Instagram"),
            ("app", "Shop app", "ショップアプリ"),
        ),
        _INTEREST_KPIS,
    ),
    "information_search": PhaseText(
        ("Information search", "情報探索"),
        (
            ("Compares ingredients on several sites", "複数のサイトで成分を比べる"),
            ("Reads expert articles", "専門家の記事を読む"),
        ),
        (("Which one really works?", "どれが本当に効くのだろう"),),
        (("Claims are hard to verify", "効果の説明が確かめにくい"),),
        (("Publish the evidence behind each claim", "各効果の根拠を公開する"),),
        (("search", "Search results", "検索結果"), ("web_media", "Expert column", "専門家コラム")),
        _INTEREST_KPIS,
    ),
    "consideration": PhaseText(
        ("Consideration", "検討"),
        (
            ("Compares the size chart with the model's height", "サイズ表とモデルの身長を見比べる"),
            ("Reads reviews from people of similar build", "体型の近い人のレビューを読む"),
            ("Leaves the {p} in the cart until the next day", "{p}をカートに入れたまま翌日まで迷う"),
            ("Asks a question in the chat", "チャットで質問する"),
        ),
        (
            ("I can't judge the fabric from photos", "写真だと生地の質感が分からない"),
            ("Medium or large?", "M と L のどちらにしよう"),
            ("Can I return it?", "返品できるのかな"),
        ),
        (
            ("Unsure of size", "自分に合うサイズが分からない"),
            ("Cannot judge the fabric from photos", "写真だけでは生地の厚さが分からない"),
            ("Shipping is expensive", "送料が高い"),
        ),
        (
            ("Show model measurements on every product page", "全商品にモデルの実寸を載せる"),
            ("Add close-up photos of the fabric", "生地のアップ写真を追加する"),
            ("Show the returns policy next to the price", "価格の横に返品ポリシーを表示する"),
        ),
        (
            ("ec_site", "Product page", "商品ページ"),
            ("review_site", "Review section", "レビュー欄"),
            ("chat", "Size chat", "サイズ相談チャット"),
        ),
        _CONSIDERATION_KPIS,
    ),
    "online_consideration": PhaseText(
        ("Online consideration", "オンラインでの検討"),
        (
            ("Checks stock in nearby stores online", "近くの店舗の在庫をネットで確かめる"),
            ("Saves the {p} to a wishlist", "{p}をほしい物リストに保存する"),
        ),
        (("Will it fit my room?", "部屋に収まるかな"),),
        (("Store stock is not shown online", "店舗在庫がネットで分からない"),),
        (("Show real-time stock for every store", "全店舗の在庫をリアルタイムで表示する"),),
        (("ec_site", "Store stock page", "店舗在庫ページ"), ("app", "Wishlist in the app", "アプリのほしい物リスト")),
        _CONSIDERATION_KPIS,
    ),
    "store_confirmation": PhaseText(
        ("Store confirmation", "店舗での確認"),
        (
            ("Sits on the {p} in the store", "店舗で{p}に座ってみる"),
            ("Asks staff about delivery", "配送について店員に聞く"),
        ),
        (("It feels better than I thought", "思ったより座り心地がいい"),),
        (("The online wishlist is not visible in the store", "ネットのほしい物リストが店舗で見られない"),),
        (("Let staff see the customer's wishlist", "店員が顧客のほしい物リストを見られるようにする"),),
        (("store", "Showroom", "ショールーム"), ("store", "Store staff", "店舗スタッフ")),
        (("store_visits", "Store visits from online", "オンライン経由の来店数", "visits/month", 500),),
    ),
    "information_gathering": PhaseText(
        ("Information gathering", "情報収集"),
        (
            ("Reads watch forums for months", "何か月も時計のフォーラムを読む"),
            ("Visits a boutique", "ブティックを訪れる"),
        ),
        (("Which brand holds its value?", "どのブランドが資産価値を保つだろう"),),
        (("Information is scattered", "情報が散らばっている"),),
        (("Publish an honest buying guide", "率直な購入ガイドを公開する"),),
        (("web_media", "Watch magazine", "時計専門誌"), ("store", "Boutique", "ブティック")),
        _INTEREST_KPIS,
    ),
    "comparison": PhaseText(
        ("Comparison", "比較"),
        (("Compares three models side by side", "3つのモデルを並べて比べる"),),
        (("Is the price difference worth it?", "価格差に見合う価値があるだろうか"),),
        (("Specifications are hard to compare", "仕様が比べにくい"),),
        (("Offer a side-by-side comparison tool", "並べて比較できるツールを提供する"),),
        (("ec_site", "Comparison page", "比較ページ"), ("sales_rep", "Boutique advisor", "ブティックのアドバイザー")),
        _CONSIDERATION_KPIS,
    ),
    "final_confirmation": PhaseText(
        ("Final confirmation", "最終確認"),
        (("Checks the warranty and after-sales service", "保証とアフターサービスを確かめる"),),
        (("What if it breaks?", "壊れたらどうしよう"),),
        (("Fear of buying a fake", "偽物を買ってしまう不安"),),
        (("Show the certificate of authenticity up front", "正規品の証明書を最初に示す"),),
        (("call_centre", "Concierge line", "コンシェルジュ窓口"), ("store", "Boutique", "ブティック")),
        (("conversion_rate", "Conversion rate", "購入率", "%", 20),),
    ),
    "internal_coordination": PhaseText(
        ("Internal coordination", "社内調整"),
        (("Shares the quote with the team", "見積書をチームに共有する"),),
        (("Will my manager agree?", "上司は納得するだろうか"),),
        (("Quotes take days to arrive", "見積書が届くまで数日かかる"),),
        (("Issue quotes instantly online", "オンラインで即時に見積書を発行する"),),
        (("email", "Quote by email", "メールでの見積書"), ("sales_rep", "Sales representative", "営業担当")),
        (("custom", "Quote-to-approval days", "見積から承認までの日数", "days", 14),),
    ),
    "approval": PhaseText(
        ("Approval", "稟議・承認"),
        (("Submits the purchase for approval", "購入の稟議を上げる"),),
        (("How long will this take?", "どれくらい時間がかかるだろう"),),
        (("Approval takes weeks", "承認に何週間もかかる"),),
        (("Provide an approval-ready summary", "稟議にそのまま使える資料を用意する"),),
        (("email", "Approval request", "承認依頼メール"),),
        (("approval_lead_time", "Approval lead time", "承認リードタイム", "days", 10),),
    ),
    "purchase": PhaseText(
        ("Purchase", "購入"),
        (
            ("Adds socks to reach free shipping", "送料無料に届くよう靴下を足す"),
            ("Completes checkout", "購入手続きを完了する"),
            ("Pays with an ID payment service", "ID 決済で支払う"),
        ),
        (
            ("I don't want to pay for shipping", "送料を払うのはもったいない"),
            ("Filling in forms is tedious", "入力が面倒"),
        ),
        (
            ("Checkout has too many steps", "購入手続きの手順が多い"),
            ("Free-shipping threshold is just out of reach", "送料無料の条件にわずかに届かない"),
        ),
        (
            ("Offer guest checkout with ID payment", "ID 決済でゲスト購入できるようにする"),
            ("Suggest small items near the threshold", "送料無料まであと少しのときに小物を提案する"),
        ),
        (("ec_site", "Cart", "カート画面"), ("email", "Order confirmation email", "注文確認メール")),
        _PURCHASE_KPIS,
    ),
    "delivery": PhaseText(
        ("Delivery", "配送"),
        (("Tracks the parcel", "荷物を追跡する"), ("Reschedules the delivery", "配達日時を変更する")),
        (("Will it arrive before the weekend?", "週末までに届くかな"),),
        (("No delivery time slots", "配達時間を指定できない"),),
        (("Offer delivery time slots", "配達時間帯の指定を可能にする"),),
        (("email", "Shipping notice", "発送通知メール"), ("line", "LINE delivery message", "LINE の配送通知")),
        (("customer_effort_score", "Customer effort score", "顧客努力指標（CES）", "points", 2),),
    ),
    "receive": PhaseText(
        ("Receive", "受け取り"),
        (("The receiver gets the parcel at work", "受け取る人が職場で荷物を受け取る"),),
        (("Who is this from?", "誰からだろう"),),
        (("The sender's message is missing", "贈り主のメッセージが入っていない"),),
        (("Print the gift message on a card", "ギフトメッセージをカードに印刷する"),),
        (("package_insert", "Gift message card", "ギフトメッセージカード"),),
        (("nps", "Receiver NPS", "受け取り手のNPS", "points", 40),),
    ),
    "unboxing": PhaseText(
        ("Unboxing", "開封"),
        (("Opens the box and takes a photo", "箱を開けて写真を撮る"),),
        (("The packaging is lovely", "パッケージがすてき"),),
        (("Too much plastic packaging", "プラスチックの梱包が多すぎる"),),
        (("Switch to paper packaging", "紙の梱包に切り替える"),),
        (("package_insert", "Thank-you card", "サンクスカード"),),
        (("review_rate", "Review rate", "レビュー投稿率", "%", 10),),
    ),
    "use": PhaseText(
        ("Use", "使用"),
        (
            ("Uses the {p} every morning", "毎朝{p}を使う"),
            ("Checks the effect after two weeks", "2週間後に効果を確かめる"),
        ),
        (("Is it working?", "効いているのかな"),),
        (("Results take time to show", "効果が出るまで時間がかかる"),),
        (("Send tips at day 7 and day 14", "7日目と14日目に使い方のコツを送る"),),
        (("email", "Step email", "ステップメール"), ("app", "Usage log in the app", "アプリの記録機能")),
        _RETENTION_KPIS,
    ),
    "use_and_maintenance": PhaseText(
        ("Use & maintenance", "使用・メンテナンス"),
        (
            ("Cleans the {p} once a month", "月に一度{p}の手入れをする"),
            ("Orders a replacement part", "交換部品を注文する"),
        ),
        (("How do I look after it?", "どう手入れすればいいのだろう"),),
        (("Care instructions are hard to find", "お手入れ方法が見つけにくい"),),
        (("Send maintenance reminders", "メンテナンス時期をお知らせする"),),
        (("email", "Maintenance reminder", "メンテナンスのお知らせ"), ("call_centre", "Support line", "サポート窓口")),
        _SUPPORT_KPIS,
    ),
    "support": PhaseText(
        ("Support", "サポート"),
        (("Calls the support line", "サポート窓口に電話する"), ("Searches the FAQ", "FAQ を検索する")),
        (("I just want a quick answer", "早く答えがほしい"),),
        (("Long waiting times on the phone", "電話の待ち時間が長い"),),
        (("Expand the FAQ with the top ten questions", "よくある質問上位10件を FAQ に追加する"),),
        (("call_centre", "Call centre", "コールセンター"), ("chat", "Support chat", "サポートチャット")),
        _SUPPORT_KPIS,
    ),
    "repeat_purchase": PhaseText(
        ("Repeat purchase", "リピート購入"),
        (
            ("Reorders when the {p} runs low", "{p}が残り少なくなったら再注文する"),
            ("Switches to a subscription", "定期便に切り替える"),
        ),
        (("It would be easier if it just arrived", "自動で届けば楽なのに"),),
        (("Forgets to reorder in time", "再注文を忘れてしまう"),),
        (("Remind before the product runs out", "なくなる前にお知らせする"),),
        (("email", "Reorder reminder", "再購入リマインドメール"), ("line", "LINE reminder", "LINE のリマインド")),
        _RETENTION_KPIS,
    ),
    "retention": PhaseText(
        ("Retention", "使用・継続"),
        (
            ("Wears the {p} on the school run", "{p}を着て保育園の送迎に行く"),
            ("Opens the new-season email", "新作メールを開く"),
        ),
        (("I could buy here again", "また買ってもいいかも"),),
        (("Unsure how to care for it", "お手入れ方法が分からない"),),
        (("Include a care guide in the parcel", "お手入れガイドを同梱する"),),
        (
            ("package_insert", "Styling guide insert", "同梱の着回しガイド"),
            ("email", "New-season email", "新作案内メール"),
            ("line", "LINE official account", "LINE 公式アカウント"),
        ),
        _RETENTION_KPIS,
    ),
    "advocacy": PhaseText(
        ("Advocacy", "推奨"),
        (
            ("Posts an outfit and tags the brand", "コーデを投稿してブランドをタグ付けする"),
            ("Recommends the shop to a friend", "友人にショップを勧める"),
            ("Writes a review", "レビューを書く"),
        ),
        (("Maybe the brand will feature my post", "公式に紹介されるかな"),),
        (("No response from the brand to posts", "投稿してもブランドから反応がない"),),
        (("Feature customer posts every week", "顧客の投稿を毎週紹介する"),),
        (
            ("sns", "Hashtag campaign", "ハッシュタグキャンペーン"),
            ("word_of_mouth", "Referral coupon", "友人紹介クーポン"),
        ),
        _ADVOCACY_KPIS,
    ),
}

EMOTION_NOTES: dict[int, tuple[Pair, ...]] = {
    -2: (("Frustrated and about to leave", "いらいらして離脱しかけている"),),
    -1: (("Anxious about size", "サイズが不安"), ("Unsure and hesitant", "迷っていて決めきれない")),
    0: (("Neutral, just looking", "特に感情はなく、眺めている"),),
    1: (("A little excited", "少しわくわくしている"), ("Relieved", "ほっとしている")),
    2: (("Delighted and proud", "うれしくて誇らしい"),),
}

# The staged roadmap of the domain brief: (English, Japanese, set-and-forget, stage)
INITIATIVES: tuple[tuple[str, str, bool, int], ...] = (
    ("Customer reviews on every product page", "全商品ページへのレビュー掲載", True, 1),
    ("Simple points programme", "シンプルなポイント制度", True, 1),
    ("Cart abandonment emails", "カート放棄メールの自動配信", True, 1),
    ("Post-purchase follow-up emails", "購入後フォローメールの自動配信", True, 1),
    ("FAQ and richer product descriptions", "FAQ と商品説明の充実", True, 1),
    ("Frequently bought together", "「一緒に買われている商品」の表示", True, 1),
    ("Better site search", "サイト内検索の改善", False, 2),
    ("Product images and size information", "商品画像とサイズ情報の強化", False, 2),
    ("One-page checkout", "購入手続きの1ページ化", False, 2),
    ("Personalised recommendations", "パーソナライズされたおすすめ", False, 3),
    ("Advanced email marketing", "高度なメールマーケティング", False, 3),
    ("Loyalty programme expansion", "ロイヤルティプログラムの拡充", False, 3),
    ("Instagram making contest", "Instagram 作品コンテスト", False, 2),
)

# The seven message types: type, channel, trigger (English, Japanese)
MESSAGES: tuple[tuple[str, str, Pair], ...] = (
    ("welcome", "email", ("First purchase", "初回購入")),
    ("browse_abandonment", "email", ("Left a product page without adding to cart", "カートに入れずに商品ページを離脱")),
    ("cart_abandonment", "line", ("Cart left for 24 hours", "カート投入から24時間購入なし")),
    ("transactional", "email", ("Order shipped", "発送完了")),
    ("loyal_customer", "email", ("Third purchase", "3回目の購入")),
    ("anniversary", "line", ("Customer's birthday", "誕生日")),
    ("win_back", "dm", ("No purchase for 90 days", "最終購入から90日")),
)
