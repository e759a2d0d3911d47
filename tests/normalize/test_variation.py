"""How real submissions vary, one variation a test: each a real .docx written by formgen.

Wording, number formats, blanks, units, layouts, score sheet shapes, titles,
goal measures, missing tables and LibreOffice re-saves. Each test writes the
seed's form with one thing changed into tmp_path and reads it with the real
reader and normalizer (`jixiao.read`); the expectation comes from the spec.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pandas as pd
import pytest

import jixiao
from jixiao.extract import read_document
from jixiao.normalize.layout import Row, flatten, split_sections
from jixiao.normalize.numbers import parse_number

from conftest import needs_soffice
from formgen import OrgRow, convert, expected_for, seed_spec, write_blocks, write_docx
from formgen.form import build_blocks
from formgen.money_tables import money_rows
from formgen.random_specs import TITLES, WORDINGS, chinese_year
from formgen.scoresheet import score_blocks
from golden import all_differences, figure_differences, score_differences

SEED = seed_spec()


def read_spec(spec, tmp_path, name="variant"):
    return jixiao.read(write_docx(spec, tmp_path / f"{name}.docx"))


def with_orgs(spec, *orgs: str, amount: str = "1234.56"):
    """The seed's figures repeated for several 机构名称 rows (values varied per row)."""
    def rows(table):
        base = SEED.figures.table(table)[0].values
        return tuple(OrgRow(org, tuple(amount if v is not None and i else v
                                       for i, v in enumerate(base)))
                     for org in orgs)
    figures = dataclasses.replace(SEED.figures, **{t: rows(t) for t in
                                                    ("income", "expense", "three_public", "assets")})
    return dataclasses.replace(spec, figures=figures)


def values_of(report, key):
    rows = report.figures[report.figures["key"] == key]
    return [None if pd.isna(v) else Decimal(repr(float(v))).normalize() for v in rows["value"]]


# --- wording -------------------------------------------------------------------------------

# Every wording the generator knows, one document per round: round i gives each key its
# i-th wording (spaces and breaks come from the round trip). A new wording goes into
# formgen.random_specs.WORDINGS and jixiao/normalize/labels.tsv; this test then covers it.
ROUNDS = max(len(w) for w in WORDINGS.values())


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_every_known_wording_reads_to_its_key(tmp_path, round_):
    labels = tuple((k, w[round_ % len(w)]) for k, w in WORDINGS.items())
    spec = dataclasses.replace(SEED, labels=labels)
    assert figure_differences(read_spec(spec, tmp_path), expected_for(spec)) == []


@pytest.mark.parametrize("label", ["公共财\n政拨款", "公共 财政拨款", "公共\u3000财政拨款",
                                   "一般公共预算\n财政拨款\n收入"])
def test_label_broken_by_lines_or_spaces_reads_to_its_key(tmp_path, label):
    spec = dataclasses.replace(SEED, labels=(("income.fiscal", label),))
    assert values_of(read_spec(spec, tmp_path), "income.fiscal") == [Decimal("232.13")]


def test_unknown_label_is_kept_raw_with_a_warning_naming_it(tmp_path):
    spec = dataclasses.replace(SEED, labels=(("income.other", "经营\n收入"),))
    report = read_spec(spec, tmp_path)
    kept = report.figures[report.figures["raw_label"] == "经营\n收入"]
    assert len(kept) == 1 and pd.isna(kept.iloc[0]["key"]) and kept.iloc[0]["table"] == "income"
    assert "未识别的栏目“经营收入”" in report.documents.iloc[0]["warnings"]
    assert kept.iloc[0]["location"] in report.documents.iloc[0]["warnings"]


# --- numbers and blanks --------------------------------------------------------------------

@pytest.mark.parametrize("style", ["plain", "thousands", "fullwidth", "fullwidth_thousands"])
@pytest.mark.parametrize("unit", ["万元", "元"])
def test_number_styles_and_units_read_exactly(tmp_path, style, unit):
    spec = with_orgs(dataclasses.replace(SEED, number_style=style, unit=unit), "机关",
                     amount="12345.67")
    report = read_spec(spec, tmp_path)
    assert figure_differences(report, expected_for(spec)) == []
    assert Decimal("12345.67") in values_of(report, "income.fiscal")


@pytest.mark.parametrize("style", ["plain", "thousands", "fullwidth", "fullwidth_thousands"])
def test_negative_balance_keeps_its_sign(tmp_path, style):
    expense = tuple(OrgRow(r.org, (*r.values[:5], "-1234.50", "-0.05"))
                    for r in SEED.figures.expense)
    spec = dataclasses.replace(SEED, number_style=style, unit="元",
                               figures=dataclasses.replace(SEED.figures, expense=expense))
    report = read_spec(spec, tmp_path)
    assert values_of(report, "balance.current") == [Decimal("-1234.5")]
    assert values_of(report, "balance.cumulative") == [Decimal("-0.05")]


@pytest.mark.parametrize("blank", ["", "—", "-", "/", "——", "－", "\u3000", " "])
def test_blank_cell_is_missing_not_zero(tmp_path, blank):
    spec = dataclasses.replace(SEED, blank=blank)
    report = read_spec(spec, tmp_path)
    assert values_of(report, "expense.project") == [None]  # blank in the seed
    assert values_of(report, "income.carryover") == [Decimal(0)]  # the seed's "0"
    assert figure_differences(report, expected_for(spec)) == []


def test_yuan_keeps_cents_as_exact_wan(tmp_path):
    income = (OrgRow("机关", ("0.000001", None, "123.456789", "0", None, None)),)
    spec = dataclasses.replace(SEED, unit="元", unit_style="line",
                               figures=dataclasses.replace(SEED.figures, income=income))
    report = read_spec(spec, tmp_path)
    fiscal = report.figures[report.figures["key"] == "income.fiscal"].iloc[0]
    assert (fiscal["raw_value"], fiscal["unit"]) == ("1234567.89", "万元")
    assert values_of(report, "income.fiscal") == [Decimal("123.456789")]
    assert fiscal["decimals"] == 6


@pytest.mark.parametrize(("unit", "style", "labels"), [
    ("元", "header", (("income.total", "收入合计（元）"), ("expense.total", "支出合计（元）"),
                     ("three_public.total", "三公经费合计（元）"), ("assets.total", "固定资产合计（元）"))),
    ("万元", "none", ()),
])
def test_unit_in_a_header_cell_or_nowhere(tmp_path, unit, style, labels):
    spec = dataclasses.replace(SEED, unit=unit, unit_style=style, labels=labels)
    assert figure_differences(read_spec(spec, tmp_path), expected_for(spec)) == []


def _money_grid_index(blocks, spec) -> int:
    money = tuple(money_rows(spec))
    return next(i for i, b in enumerate(blocks) if getattr(b, "rows", None) == money)


@pytest.mark.parametrize("note", ["单位：元", "单位:元", "金额单位：元"])
def test_unit_in_a_paragraph_above_the_tables(tmp_path, note):
    spec = dataclasses.replace(SEED, layout="separate_tables", unit="元", unit_style="none")
    blocks = build_blocks(spec)
    blocks.insert(_money_grid_index(blocks, spec), note)
    path = tmp_path / "unit-paragraph.docx"
    write_blocks(blocks, path)
    assert figure_differences(jixiao.read(path), expected_for(spec)) == []


def test_unit_in_the_section_heading(tmp_path):
    spec = dataclasses.replace(SEED, layout="separate_tables", unit="元", unit_style="none")
    blocks = build_blocks(spec)
    at = _money_grid_index(blocks, spec) - 1
    blocks[at] = "二、部门（单位）收支情况（单位：元）"
    path = tmp_path / "unit-heading.docx"
    write_blocks(blocks, path)
    assert figure_differences(jixiao.read(path), expected_for(spec)) == []


# --- layouts -------------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["one_table", "separate_tables"])
@pytest.mark.parametrize("orgs", [("机关", "下属单位"), ("合计", "机关", "下属单位"),
                                  ("机关", "区档案馆", "区疾控中心", "合计")],
                         ids=["no-total", "total-first", "total-last"])
def test_several_org_rows_each_read_under_their_org(tmp_path, layout, orgs):
    spec = with_orgs(dataclasses.replace(SEED, layout=layout,
                                         labels=(("total_row", "合  计"),)), *orgs)
    report = read_spec(spec, tmp_path)
    assert figure_differences(report, expected_for(spec)) == []
    income = report.figures[report.figures["table"] == "income"]
    assert list(dict.fromkeys(income["org"])) == list(orgs)


@pytest.mark.parametrize("split", [None, 3, 11, 22])
@pytest.mark.parametrize("level1", ["merged", "inline"])
def test_score_sheet_split_anywhere_reads_every_item(tmp_path, split, level1):
    sheet = dataclasses.replace(SEED.scores, split_before=split, level1_style=level1,
                                level1_text=())
    spec = dataclasses.replace(SEED, scores=sheet)
    assert score_differences(read_spec(spec, tmp_path), expected_for(spec)) == []


def test_group_maximum_cut_by_a_split_spans_both_tables(tmp_path):
    # The seed's 分值 15 is merged over 经济/社会/生态效益 (items 21–23); cut after 21.
    sheet = dataclasses.replace(SEED.scores, split_before=22)
    report = read_spec(dataclasses.replace(SEED, scores=sheet), tmp_path)
    group = report.scores[report.scores["indicator"].isin(["经济效益", "社会效益", "生态效益"])]
    assert group["max_score"].tolist() == [15, 15, 15]
    assert group["max_group_size"].tolist() == [3, 3, 3]


# --- title, year, measures ----------------------------------------------------------------

@pytest.mark.parametrize("title", [t for t in TITLES if "{org}" in t])
def test_org_and_year_from_the_title_line(tmp_path, title):
    org = "长沙市天心区教育局"
    spec = dataclasses.replace(SEED, org_name=org, year=2023,
                               title=title.format(org=org, year=2023, cn_year=chinese_year(2023)))
    doc = read_spec(spec, tmp_path).documents.iloc[0]
    assert (doc["org_name"], doc["year"]) == (org, 2023)


def test_title_broken_over_two_lines_keeps_the_org(tmp_path):
    org = "株洲市芦淞区审计局"
    spec = dataclasses.replace(SEED, org_name=org, year=2024)
    blocks = build_blocks(spec)
    blocks[0:1] = [org, "2024年度部门整体支出绩效自评报告"]
    path = tmp_path / "two-line-title.docx"
    write_blocks(blocks, path)
    doc = jixiao.read(path).documents.iloc[0]
    assert (doc["org_name"], doc["year"]) == (org, 2024)


def test_org_and_year_from_the_narrative_when_the_title_has_neither(tmp_path):
    org = "湘潭县民政局"
    spec = dataclasses.replace(SEED, org_name=org, year=2022, title="部门整体支出绩效自评报告",
                               narrative=(f"{org}2022年度部门整体支出绩效自评报告", *SEED.narrative))
    doc = read_spec(spec, tmp_path).documents.iloc[0]
    assert (doc["org_name"], doc["year"]) == (org, 2022)


def test_goal_measures_keep_value_and_unit(tmp_path):
    printed = ["95%", "50％", "73个", "12条", "30人", "99.5%"]
    wanted = [(95, "%"), (50, "%"), (73, "个"), (12, "条"), (30, "人"), (99.5, "%")]
    groups, it = [], iter(printed)
    for group in SEED.goal_groups:
        indicators = tuple(dataclasses.replace(i, actual=next(it, "达标")) for i in group.indicators)
        groups.append(dataclasses.replace(group, indicators=indicators))
    report = read_spec(dataclasses.replace(SEED, goal_groups=tuple(groups)), tmp_path)
    goals = report.goals[report.goals["kind"] == "quantitative"]
    got = list(zip(goals["actual_value"], goals["actual_unit"]))[:len(wanted)]
    assert got == wanted


# --- nothing lost, nothing invented --------------------------------------------------------

def finance_number_cells(path):
    """Locations of the cells holding a number in 二、收支情况, straight from the document model."""
    document = read_document(str(path), path.read_bytes())
    section = split_sections(flatten(document)).get("finance", [])
    return {str(c.location) for row in section if isinstance(row, Row)
            for c in row.cells if c.row == row.index and parse_number(c.text).value is not None}


@pytest.mark.parametrize("spec", [
    SEED,
    dataclasses.replace(SEED, labels=(("income.other", "经营收入"), ("assets.leased", "出借"))),
    with_orgs(dataclasses.replace(SEED, layout="separate_tables", unit="元"), "合计", "机关", "下属单位"),
], ids=["seed", "unknown-labels", "several-orgs-yuan"])
def test_every_number_cell_of_the_finance_section_becomes_a_figure(tmp_path, spec):
    path = write_docx(spec, tmp_path / "report.docx")
    cells = finance_number_cells(path)
    figures = jixiao.read(path).figures
    assert len(cells) >= 14  # the seed's own
    assert cells <= set(figures["location"])
    unkeyed = figures[figures["key"].isna()]
    assert set(unkeyed["raw_label"]) == {dict(spec.labels)[k] for k in dict(spec.labels)} - {""}


def _write_without(spec, tmp_path, drop) -> object:
    blocks = drop(build_blocks(spec))
    path = tmp_path / "missing.docx"
    write_blocks(blocks, path)
    return jixiao.read(path)


def test_report_without_its_score_sheet_is_partial_naming_it(tmp_path):
    report = _write_without(SEED, tmp_path, lambda b: b[:-len(score_blocks(SEED.scores))])
    doc = report.documents.iloc[0]
    assert doc["status"] == "partial" and "缺少评分表" in doc["warnings"]
    assert not report.figures.empty


# Rows of each money table in the seed's form: its title (income, expense), header rows, org rows.
MONEY_ROWS = {"income": 1 + 2 + 1, "expense": 1 + 3 + 1}


@pytest.mark.parametrize(("table", "name", "kept"), [
    ("income", "年度收入情况表", "expense.total"),
    ("expense", "年度支出和结余情况表", "income.total"),
])
def test_report_without_a_money_table_is_partial_naming_it(tmp_path, table, name, kept):
    spec = dataclasses.replace(SEED, layout="separate_tables")
    money = tuple(money_rows(spec))
    start = 0 if table == "income" else MONEY_ROWS["income"]
    rest = money[:start] + money[start + MONEY_ROWS[table]:]

    def drop_table(blocks):
        return [dataclasses.replace(b, rows=rest) if getattr(b, "rows", None) == money else b
                for b in blocks]

    report = _write_without(spec, tmp_path, drop_table)
    doc = report.documents.iloc[0]
    assert doc["status"] == "partial" and f"缺少{name}" in doc["warnings"]
    assert table not in set(report.figures["table"])
    assert values_of(report, kept) == [Decimal("232.13")]


# --- producers -----------------------------------------------------------------------------

RESAVED = {
    "seed-shapes": SEED,
    "separate-yuan-orgs": with_orgs(dataclasses.replace(
        SEED, layout="separate_tables", unit="元", unit_style="line", number_style="thousands",
        blank="—", scores=dataclasses.replace(SEED.scores, split_before=22, level1_text=(),
                                              level1_style="inline")),
        "机关", "下属单位", "合计"),
    "header-units-fullwidth-total-first": with_orgs(dataclasses.replace(
        SEED, unit="元", unit_style="header", number_style="fullwidth_thousands", blank="/",
        labels=(("income.total", "收入合计（元）"), ("expense.total", "支出合计（元）"),
                ("three_public.total", "“三公”经费\n合计（元）"), ("assets.total", "固定资产合计（元）"),
                ("income.fiscal", "一般公共预算\n拨款"), ("total_row", "合  计"))),
        "合计", "机关", "下属单位"),
}


@needs_soffice
def test_libreoffice_resaved_docx_reads_the_same(tmp_path):
    sources = [write_docx(spec, tmp_path / "src" / f"{name}.docx") for name, spec in RESAVED.items()]
    resaved = convert(sources, "docx", tmp_path / "lo")
    assert len(resaved) == len(sources)
    for path, spec in zip(resaved, RESAVED.values()):
        assert all_differences(jixiao.read(path), expected_for(spec)) == [], path.name
