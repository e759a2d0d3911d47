"""What a generated report says, independent of how it is laid out in Word.

A `ReportSpec` is the single source of a sample: `form.py` lays it out,
`expected.py` derives the golden JSON from it. Figures are decimal strings in
万元 as the normalizer must return them (None = blank cell); the number style
and unit only change how they are printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Column order of each figures table, as the form prints them after 机构名称.
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "income": (
        "income.total", "income.carryover", "income.fiscal", "income.gov_fund",
        "income.special_account", "income.other",
    ),
    "expense": (
        "expense.total", "expense.basic", "expense.personnel", "expense.public",
        "expense.project", "balance.current", "balance.cumulative",
    ),
    "three_public": (
        "three_public.total", "three_public.reception", "three_public.vehicle_ops",
        "three_public.vehicle_purchase", "three_public.overseas",
    ),
    "assets": ("assets.total", "assets.in_use", "assets.leased", "assets.other"),
}

# Header wording the seed uses; a spec's `labels` overrides any of them. A "\n"
# is a paragraph break inside the cell (FAILURE_MODES F4).
DEFAULT_LABELS: dict[str, str] = {
    "income.total": "收入合计",
    "income.carryover": "上年结转",
    "income.fiscal": "公共财\n政拨款",
    "income.gov_fund": "政府基金拨款",
    "income.special_account": "纳入专户管理的非税收入拨款",
    "income.other": "其他\n收入",
    "expense.total": "支出合计",
    "expense.basic": "基本支出",
    "expense.personnel": "人员支出",
    "expense.public": "公用支出",
    "expense.project": "项目支出",
    "balance.current": "当年结余",
    "balance.cumulative": "累计结余",
    "three_public.total": "三公经费\n合计",
    "three_public.reception": "公务接待费",
    "three_public.vehicle_ops": "公务用车运维费",
    "three_public.vehicle_purchase": "公务用车购置费",
    "three_public.overseas": "因公出国费",
    "assets.total": "固定资产\n合计",
    "assets.in_use": "在用固定资产",
    "assets.leased": "出租固定资产",
    "assets.other": "其他",
    "staff.authorized": "人员编制",
    "staff.actual": "实有人数",
    "self_eval.score": "绩效自评综合得分",
    "org": "机构名称",
    "total_row": "合计",
}


@dataclass(frozen=True)
class OrgRow:
    """One 机构名称 row: the org's figures in `TABLE_KEYS[table]` order, 万元, None = blank."""

    org: str
    values: tuple[str | None, ...]


@dataclass(frozen=True)
class Figures:
    """The four tables of 二、收支情况, each a tuple of org rows in printed order."""

    income: tuple[OrgRow, ...]
    expense: tuple[OrgRow, ...]
    three_public: tuple[OrgRow, ...]
    assets: tuple[OrgRow, ...]

    def table(self, name: str) -> tuple[OrgRow, ...]:
        return getattr(self, name)


@dataclass(frozen=True)
class Indicator:
    indicator: str
    actual: str


@dataclass(frozen=True)
class GoalGroup:
    """A 产出目标/效益目标 category's subcategory (质量指标…) with its indicators."""

    category: str  # 产出目标 / 效益目标
    category_note: str  # the bracketed explanation printed under the category
    subcategory: str
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Evaluator:
    name: str
    title: str
    org: str


@dataclass(frozen=True)
class ScoreItem:
    """A 三级指标 row of the 评分表.

    `criteria` None: the 评分标准 cell is merged with the one above (shared text).
    `max_score` None: the 分值 cell is merged with the one above (a group maximum).
    `level2_filler` is text left in a vMerge continuation cell of the 二级 column
    (the seed has a U+3000 there).
    """

    level1: str
    level1_max: int
    level2: str
    level2_max: int
    indicator: str  # "\n" = paragraph break in the cell
    criteria: str | None
    max_score: str | None
    self_score: str
    reason: str = ""
    level2_filler: str = ""


@dataclass(frozen=True)
class ScoreSheet:
    """附件3-2 评分表.

    split_before: index of the first item of the second Word table (header
    repeated, vertical merges restarted, FAILURE_MODES F7/F2); None = one table.
    level1_style: "merged" (`投  入\\n（15分）` merged over its rows) or "inline"
    (`投入（15分）` repeated on every row, no merge).
    group_max: "merged" keeps the items' merged 分值 cells; "per_item" prints
    `per_item_max` in each instead (see `variants.per_item_maxima`).
    level1_text: printed text per level1 overriding the style (the seed's `产  出（25分）`).
    """

    items: tuple[ScoreItem, ...]
    total_max: str = "100"
    total_self: str = "98"
    total_self_text: str = "98\n "
    split_before: int | None = None
    level1_style: str = "merged"
    level1_text: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ReportSpec:
    """Everything one sample report says and how it prints it.

    unit: "万元" or "元" (amounts printed ×10000 with 2 decimals).
    unit_style: "title" puts （元） in each table title; "line" adds a 单位：元 row.
    number_style: "plain", "thousands" (1,234.56) or "fullwidth" (１２３．４５).
    blank: what a blank figure prints as: "", "—", "-" or "/".
    layout: "one_table" (the seed: everything in one Word table on a 16-column
    grid) or "separate_tables" (section headings as paragraphs, one table each).
    labels: overrides of `DEFAULT_LABELS`.
    features: extras placed somewhere harmless: "tracked_change" (联系人),
    "sdt" (联络电话), "nested_table" (a table in the 年度主要工作内容 cell),
    "vertical_label" (tbRl text direction on the 定量目标 label), "unit_line".
    """

    org_name: str
    year: int
    contact: str
    phone: str
    staff_authorized: str
    staff_actual: str
    duties: str
    work_items: tuple[str, ...]
    achievements: str
    figures: Figures
    qualitative_targets: tuple[str, ...]
    qualitative_actual: str
    goal_groups: tuple[GoalGroup, ...]
    self_score_text: str
    self_score: str
    grade: str
    evaluators: tuple[Evaluator, ...]
    narrative: tuple[str, ...]
    scores: ScoreSheet
    expected_rules: tuple[str, ...] = ()
    unit: str = "万元"
    unit_style: str = "title"
    number_style: str = "plain"
    blank: str = ""
    layout: str = "one_table"
    labels: tuple[tuple[str, str], ...] = ()
    features: frozenset[str] = field(default_factory=frozenset)
    old_contact: str = "旧名字"
    title: str | None = None  # None: f"{org_name}{year}年度部门整体支出绩效自评报告"

    def label(self, key: str) -> str:
        return dict(self.labels).get(key, DEFAULT_LABELS[key])

    @property
    def title_text(self) -> str:
        return self.title or f"{self.org_name}{self.year}年度部门整体支出绩效自评报告"
