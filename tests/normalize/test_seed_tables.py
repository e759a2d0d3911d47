"""The seed's Word rendition into every SPEC §3 table, pinned value by value."""

from __future__ import annotations

import pandas as pd
import pytest

SEED_FIGURES = {
    "income.total": 232.13, "income.carryover": 0, "income.fiscal": 232.13,
    "income.gov_fund": 0, "income.special_account": 0, "income.other": 0,
    "expense.total": 232.13, "expense.basic": 232.13, "expense.personnel": 167.25,
    "expense.public": 64.88, "expense.project": None, "balance.current": None,
    "balance.cumulative": None, "three_public.total": 8.57, "three_public.reception": 8.57,
    "three_public.vehicle_ops": None, "three_public.vehicle_purchase": None,
    "three_public.overseas": None, "assets.total": 19.64, "assets.in_use": 19.64,
    "assets.leased": None, "assets.other": None, "staff.authorized": 17, "staff.actual": 13,
    "self_eval.score": 98,
}


def test_every_canonical_figure_is_read_once(seed):
    assert sorted(seed.figures["key"]) == sorted(SEED_FIGURES)


@pytest.mark.parametrize(("key", "value"), SEED_FIGURES.items())
def test_figure_value_as_the_seed_states_it(seed, key, value):
    row = seed.figures[seed.figures["key"] == key].iloc[0]
    if value is None:
        assert pd.isna(row["value"]) and pd.isna(row["decimals"])
        assert row["raw_value"] == ""
    else:
        assert row["value"] == value


def test_blank_is_missing_and_zero_is_zero(seed):
    figures = seed.figures.set_index("key")
    assert figures.loc["income.carryover", "value"] == 0
    assert figures.loc["income.carryover", "decimals"] == 2  # a 0 among 2-decimal amounts
    assert figures["value"].isna()["expense.project"]


def test_figures_carry_org_raw_label_and_location(seed):
    row = seed.figures.set_index("key").loc["income.fiscal"]
    assert (row["table"], row["org"], row["label"]) == ("income", "机关", "公共财政拨款")
    assert row["raw_label"] == "公共财\n政拨款"
    assert row["location"] == "t1 r11 c7"
    assert row["unit"] == "万元"


def test_document_identity_and_grade(seed):
    doc = seed.documents.iloc[0]
    assert doc["org_name"] == "中共岳阳市岳阳楼区委巡察工作领导小组办公室"
    assert doc["year"] == 2021
    assert doc["grade"] == "优秀"
    assert doc["status"] == "ok" and doc["format"] == "docx"
    assert len(doc["doc_id"]) == 16 and doc["sha256"].startswith(doc["doc_id"])


def test_all_25_score_items_with_their_maxima(seed):
    items = seed.scores[seed.scores["kind"] == "item"]
    assert len(items) == 25
    assert items["max_score"].sum() - 2 * 15 == 100  # the group maximum counted once
    adjust = items.set_index("indicator").loc["预算调整率"]
    assert (adjust["max_score"], adjust["self_score"]) == (3, 5)
    assert (adjust["level1"], adjust["level1_max"], adjust["level2"], adjust["level2_max"]) == (
        "过程", 40, "预算执行", 15)


def test_merged_score_cell_is_a_group_maximum(seed):
    items = seed.scores.set_index("indicator")
    group = items.loc[["经济效益", "社会效益", "生态效益"]]
    assert set(group["max_score"]) == {15}
    assert group["max_group"].nunique() == 1 and set(group["max_group_size"]) == {3}
    assert items["max_group"].isna()["社会公众或服务对象满意度"]


def test_vertical_merges_carry_over_the_split_sheet(seed):
    items = seed.scores.set_index("indicator")
    assert items.loc["资产管理安全性", "level1"] == "过程"
    assert items.loc["资产管理安全性", "location"].startswith("t3 ")
    assert items.loc["建设湖南新增极目标任务完成情况", "criteria"].startswith("此项指标根据")


def test_total_row_is_kept(seed):
    total = seed.scores[seed.scores["kind"] == "total"].iloc[0]
    assert (total["max_score"], total["self_score"]) == (100, 98)


def test_reasons_are_read(seed):
    reasons = seed.scores.set_index("indicator")["reason"]
    assert reasons["资金结余"] == "有结余" and reasons["公务卡刷卡率"] == "部分未刷卡"


def test_goals_qualitative_and_quantitative(seed):
    goals = seed.goals
    assert goals["kind"].value_counts().to_dict() == {"quantitative": 9, "qualitative": 3}
    found = goals.set_index("indicator").loc["发现问题"]
    assert (found["category"], found["subcategory"], found["actual"]) == ("产出目标", "质量指标", "245个")
    assert (found["actual_value"], found["actual_unit"]) == (245, "个")
    assert goals.set_index("indicator").loc["充分发挥巡察利剑作用，形成震慑", "category"] == "效益目标"


def test_evaluators(seed):
    people = seed.evaluators[["name", "title", "org"]].values.tolist()
    assert people == [["汤友华", "组长", "区委巡察组"], ["姚威", "副组长", "区委巡察组"],
                      ["罗晋", "副主任", "区委巡察办"], ["史维巍", "巡察事务中心主任", "区委巡察办"]]


def test_profile_fields(seed):
    profile = dict(zip(seed.profile["field"], seed.profile["value"]))
    assert profile["联系人"] == "史维巍" and profile["联络电话"] == "18182015045"
    assert profile["人员编制"] == "17人"
    assert profile["年度主要工作内容"].count("\n") == 3


def test_narrative_paragraphs_under_their_headings(seed):
    narrative = seed.narrative
    assert len(narrative) == 21
    assert narrative["para"].tolist() == list(range(1, 22))
    row = narrative[narrative["text"].str.contains("一共支出232.13万元")].iloc[0]
    assert row["section"] == "一、部门（单位）概况"
    assert narrative["section"].iloc[-1] == "六、改进措施和有关建议"
