"""Hypothesis strategies: random but valid variants of the seed's form, for round-trip tests.

`reports()` draws a `RandomReport`: a `ReportSpec` whose wording, units, number
formats, blanks, organisations, amounts and layouts are shuffled the way real
submissions vary (SPEC §1, issue 5), plus the goal measures it printed. The
wordings below are written from the submissions seen across years and
provinces, not read from jixiao's alias table, so the round trip tests that
table rather than repeating it. Amounts need not add up: the round trip is
about reading, not checking, so `expected_rules` is left empty and unused.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import strategies as st

from .seed import seed_spec
from .spec import TABLE_KEYS, Figures, GoalGroup, Indicator, OrgRow, ReportSpec, ScoreSheet

# How each header is worded somewhere; the first is the seed's.
WORDINGS: dict[str, tuple[str, ...]] = {
    "income.total": ("收入合计", "合计", "本年收入合计"),
    "income.carryover": ("上年结转", "上年结转结余", "年初结转和结余", "年初结转结余", "上年结转资金"),
    "income.fiscal": ("公共财政拨款", "一般公共预算拨款", "一般公共预算财政拨款收入",
                      "一般公共预算财政拨款", "财政拨款收入", "公共预算财政拨款收入"),
    "income.gov_fund": ("政府基金拨款", "政府性基金预算拨款", "政府性基金拨款",
                        "政府性基金预算财政拨款收入"),
    "income.special_account": ("纳入专户管理的非税收入拨款", "纳入专户管理的非税收入",
                               "纳入财政专户管理的非税收入拨款"),
    "income.other": ("其他收入", "其他", "其它收入"),
    "expense.total": ("支出合计", "合计", "本年支出合计"),
    "expense.basic": ("基本支出", "基本支出合计"),
    "expense.personnel": ("人员支出", "人员经费"),
    "expense.public": ("公用支出", "公用经费", "日常公用经费"),
    "expense.project": ("项目支出", "项目经费"),
    "balance.current": ("当年结余", "本年结余"),
    "balance.cumulative": ("累计结余", "年末结转和结余", "年末结转结余", "累计结转结余"),
    "three_public.total": ("三公经费合计", "“三公”经费合计", "\"三公\"经费合计", "合计",
                           "三公经费支出合计", "“三公”经费支出"),
    "three_public.reception": ("公务接待费", "公务接待费用"),
    "three_public.vehicle_ops": ("公务用车运维费", "公务用车运行维护费", "公务用车运行维护费用"),
    "three_public.vehicle_purchase": ("公务用车购置费",),
    "three_public.overseas": ("因公出国费", "因公出国（境）费", "因公出国(境)费",
                              "因公出国（境）费用"),
    "assets.total": ("固定资产合计", "合计", "固定资产总额", "固定资产总值"),
    "assets.in_use": ("在用固定资产",),
    "assets.leased": ("出租固定资产", "出租出借固定资产"),
    "assets.other": ("其他", "其它", "其他固定资产"),
    "org": ("机构名称", "单位名称"),
    "total_row": ("合计", "合  计", "合\u3000计"),
}

ORGS = ("机关", "下属单位", "区教育事务中心", "区城市管理监察大队", "区档案馆", "区疾控中心",
        "区劳动保障监察大队", "区国库集中支付中心")
DEPARTMENTS = ("岳阳市岳阳楼区财政局", "岳阳市岳阳楼区委巡察工作领导小组办公室", "长沙市天心区教育局",
               "湘潭县民政局", "株洲市芦淞区审计局", "衡阳市统计局")
BLANKS = ("", "—", "-", "/", "——", "－", "\u3000", " ")
NUMBER_STYLES = ("plain", "thousands", "fullwidth", "fullwidth_thousands")
GRADES = ("优秀", "良好", "中", "差")
# Title lines seen above the form; "{org}"/"{year}" are filled in. The last has neither:
# the narrative then names the report (its first paragraph, as some submissions do).
TITLES = (
    "{org}{year}年度部门整体支出绩效自评报告",
    "{org}{year}年部门整体支出绩效自评报告",
    "{org}{year}年度部门（单位）整体支出绩效自评报告",
    "{org}{year}年度整体支出绩效自评报告",
    "附件1{org}{year}年度部门整体支出绩效自评报告",
    "{year}年度{org}部门整体支出绩效自评报告",
    "{org}关于{year}年度部门整体支出绩效自评的报告",
    "{org}（{year}年度）部门整体支出绩效自评报告",
    "{org}{cn_year}年度部门整体支出绩效自评报告",
    "部门整体支出绩效自评报告",
)
# Where the amounts' unit is declared: a title （元）, a 单位：元 line, the total's header
# cell (`收入合计（元）`), or nowhere (万元 then, by the form's convention).
UNIT_STYLES = ("title", "line", "header", "none")
TOTAL_KEYS = tuple(keys[0] for keys in TABLE_KEYS.values())
# How a measure's unit is printed → the unit the reader should report.
MEASURE_UNITS = (("%", "%"), ("％", "%"), ("个", "个"), ("条", "条"), ("人", "人"))


@dataclass(frozen=True)
class RandomReport:
    """A drawn spec and the measures (value, unit) its quantitative goals print, in order."""

    spec: ReportSpec
    measures: tuple[tuple[str, str], ...]


@st.composite
def labels(draw, key: str) -> str:
    """A wording of `key` with spaces, U+3000 or in-cell line breaks at random places (F4, F5)."""
    text = draw(st.sampled_from(WORDINGS[key]))
    if len(text) < 2 or draw(st.booleans()):
        return text
    cut = draw(st.integers(1, len(text) - 1))
    gap = draw(st.sampled_from((" ", "  ", "\u3000", "\n")))
    return text[:cut] + gap + text[cut:]


def amounts(unit: str, negative: bool = False) -> st.SearchStrategy[str]:
    """A 万元 decimal string: 2 decimals, or whole 元 cents (6 decimals of 万元) when printed in 元."""
    places = 6 if unit == "元" else 2
    low = -99_999_999 if negative else 0
    cents = st.integers(low, 999_999_999 if unit == "元" else 9_999_999)
    return cents.map(lambda c: f"{Decimal(c).scaleb(-places):f}")


@st.composite
def cells(draw, unit: str, negative: bool) -> str | None:
    return draw(st.one_of(st.none(), st.just("0"), amounts(unit, negative)))


@st.composite
def org_rows(draw, table: str, unit: str, orgs: tuple[str, ...]) -> tuple[OrgRow, ...]:
    keys = TABLE_KEYS[table]
    rows = []
    for org in orgs:
        values = tuple(draw(cells(unit, negative=k.startswith("balance."))) for k in keys)
        rows.append(OrgRow(org, values))
    return tuple(rows)


@st.composite
def figures(draw, unit: str) -> Figures:
    names = draw(st.lists(st.sampled_from(ORGS), min_size=1, max_size=3, unique=True))
    total = draw(st.sampled_from((None, "first", "last"))) if len(names) > 1 else None
    orgs = ["合计", *names] if total == "first" else [*names, "合计"] if total == "last" else names
    return Figures(**{t: draw(org_rows(t, unit, tuple(orgs))) for t in TABLE_KEYS})


@st.composite
def score_sheets(draw) -> ScoreSheet:
    """The seed's 评分表 with random self scores, split or not, 分值 merged or per item."""
    sheet = seed_spec().scores
    items = tuple(dataclasses.replace(i, self_score=draw(_half_points(i.max_score or "15")),
                                      reason=draw(st.sampled_from(("", "有结余", "部分指标未完成"))),
                                      level2_filler=draw(st.sampled_from(("", "\u3000"))))
                  for i in sheet.items)
    if draw(st.booleans()):
        items = tuple(dataclasses.replace(i, max_score="5") if i.max_score in (None, "15") else i
                      for i in items)
    total = f"{sum(Decimal(i.self_score) for i in items).normalize():f}"
    return dataclasses.replace(
        sheet, items=items, total_self=total,
        total_self_text=draw(st.sampled_from((total, f"{total}分", f"{total}\n "))),
        split_before=draw(st.one_of(st.none(), st.integers(1, len(items) - 1))),
        level1_style=draw(st.sampled_from(("merged", "inline"))),
        level1_text=draw(st.sampled_from(((), sheet.level1_text))),  # the seed's `产  出（25分）`
    )


def _half_points(maximum: str) -> st.SearchStrategy[str]:
    halves = int(Decimal(maximum) * 2)
    return st.integers(0, halves).map(lambda h: f"{(Decimal(h) / 2).normalize():f}")


@st.composite
def goal_groups(draw) -> tuple[tuple[GoalGroup, ...], tuple[tuple[str, str], ...]]:
    """The seed's indicators with random measures: 95%, 50％, 73个, 12条, 30人."""
    groups, measures = [], []
    for group in seed_spec().goal_groups:
        indicators = []
        for ind in group.indicators:
            value = draw(st.integers(0, 500).map(str) | st.decimals(0, 100, places=1).map(str))
            printed, unit = draw(st.sampled_from(MEASURE_UNITS))
            indicators.append(Indicator(ind.indicator, f"{value}{printed}"))
            measures.append((value, unit))
        groups.append(dataclasses.replace(group, indicators=tuple(indicators)))
    return tuple(groups), tuple(measures)


def _header_units(labels: dict[str, str], unit: str) -> dict[str, str]:
    return {k: f"{v}（{unit}）" if k in TOTAL_KEYS else v for k, v in labels.items()}


def chinese_year(year: int) -> str:
    """2021 → 二〇二一, as some titles print it."""
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


@st.composite
def identities(draw) -> dict:
    """org_name, year, title and narrative: the title names the report, or the narrative does."""
    org, year = draw(st.sampled_from(DEPARTMENTS)), draw(st.integers(2015, 2030))
    title = draw(st.sampled_from(TITLES)).format(org=org, year=year, cn_year=chinese_year(year))
    narrative = seed_spec().narrative
    if org not in title:
        narrative = (f"{org}{year}年度部门整体支出绩效自评报告", *narrative)
    return {"org_name": org, "year": year, "title": title, "narrative": narrative}


@st.composite
def reports(draw) -> RandomReport:
    unit = draw(st.sampled_from(("万元", "元")))
    unit_style = draw(st.sampled_from(UNIT_STYLES if unit == "万元" else UNIT_STYLES[:-1]))
    wording = {k: draw(labels(k)) for k in WORDINGS}
    if unit_style == "header":
        wording = _header_units(wording, unit)
    groups, measures = draw(goal_groups())
    score_value = draw(_half_points("100"))
    spec = dataclasses.replace(
        seed_spec(),
        **draw(identities()),
        staff_authorized=str(draw(st.integers(0, 500))),
        staff_actual=str(draw(st.integers(0, 500))),
        figures=draw(figures(unit)),
        goal_groups=groups,
        self_score=score_value,
        self_score_text=draw(st.sampled_from((score_value, f"{score_value}分"))),
        grade=draw(st.sampled_from(GRADES)),
        scores=draw(score_sheets()),
        unit=unit,
        unit_style=unit_style,
        number_style=draw(st.sampled_from(NUMBER_STYLES)),
        blank=draw(st.sampled_from(BLANKS)),
        layout=draw(st.sampled_from(("one_table", "separate_tables"))),
        labels=tuple(wording.items()),
        features=frozenset(draw(st.sets(st.sampled_from(
            ("tracked_change", "sdt", "nested_table", "vertical_label"))))),
        expected_rules=(),
    )
    return RandomReport(spec, measures)
