"""Rules on the 评分表: maxima (merged 分值 cells, 二级/一级), totals, grade bands, reasons, rescoring."""

from decimal import Decimal

from builders import Doc

from jixiao.validate.scores import grade_of

STAFF_CRITERIA = "以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。"
BALANCE_CRITERIA = "无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分。"
ASSET_CRITERIA = "每低于100%一个百分点扣0.1分，扣完为止。"


def budget_group(doc, adjust=3.0):
    """The seed's 预算执行 (15分): four items, 3 + 3 + 3 + 6."""
    for name, top, got in (("预算调整率", 3, adjust), ("支付进度", 3, 3), ("资金结余", 3, 3),
                           ("“三公经费”控制率", 6, 6)):
        doc.item(name, top, got, level1="过程", level1_max=15, level2="预算执行", level2_max=15)
    return doc


def test_item_above_its_maximum_fires_once_not_again_for_its_group():
    doc = Doc()
    status, findings, _ = budget_group(doc, adjust=5).run("score.item_max")
    assert status == "fail"
    (finding,) = findings  # 预算执行 16 of 15 is a knock-on of 预算调整率 5 of 3
    assert "预算调整率" in finding["message"] and "5分" in finding["message"] and "3分" in finding["message"]
    assert finding["location"] == "t2 r2 c6; t2 r2 c5"


def test_a_group_over_its_maximum_on_its_own_fires():
    doc = Doc()
    doc.item("甲", 5, 5, level2="预算配置", level2_max=8).item("乙", 5, 5, level2="预算配置", level2_max=8)
    status, findings, _ = doc.run("score.item_max")
    assert status == "fail" and "预算配置" in findings[0]["message"]


def test_a_negative_score_fires():
    doc = Doc()
    assert doc.item("甲", 5, -1).run("score.item_max")[0] == "fail"


def test_merged_max_cell_is_a_group_maximum():
    doc = Doc()
    levels = {"level1": "效果", "level1_max": 20, "level2": "履职效益", "level2_max": 20}
    for name in ("经济效益", "社会效益", "生态效益"):
        doc.item(name, 15, 5, max_group="t3 r10 c5", max_group_size=3, **levels)
    assert doc.run("score.item_max")[0] == "pass"
    doc.item("满意度", 5, 5, **levels).total(20, 20)
    assert doc.run("score.max_sum")[0] == "pass"  # 15 counted once + 5 = 20


def test_merged_group_over_its_maximum_fires_once():
    doc = Doc()
    for name, got in (("经济效益", 6), ("社会效益", 5), ("生态效益", 5)):
        doc.item(name, 15, got, max_group="t3 r10 c5", max_group_size=3)
    status, findings, _ = doc.run("score.item_max")
    assert status == "fail" and len(findings) == 1 and "16分" in findings[0]["message"]


def test_max_sum_fires_when_item_maxima_do_not_add_up_to_the_level2():
    doc = Doc()
    doc.item("甲", 5, 5, level2="预算配置", level2_max=15, level1="投入", level1_max=15)
    doc.item("乙", 5, 5, level2="预算配置", level2_max=15, level1="投入", level1_max=15)
    status, findings, _ = doc.run("score.max_sum")
    assert status == "fail"
    messages = [f["message"] for f in findings]
    assert any("预算配置" in m and "10分" in m for m in messages)
    assert not any("“投入”" in m for m in messages)  # 一级 adds its stated 二级 maxima: 15 = 15


def test_max_sum_checks_the_total_row():
    doc = Doc()
    budget_group(doc).total(100, 15)
    status, findings, _ = doc.run("score.max_sum")
    assert status == "fail" and "总分" in findings[-1]["message"]


def test_score_total_fires_once_when_both_stated_totals_agree_with_each_other():
    doc = Doc()
    budget_group(doc).total(15, 14).fig("self_eval.score", "14")
    status, findings, _ = doc.run("score.total")
    assert status == "fail" and len(findings) == 1
    assert "合计15分" in findings[0]["message"] and "14分" in findings[0]["message"]
    assert "t3 r14 c6" in findings[0]["location"]


def test_score_total_passes_when_items_add_up():
    doc = Doc()
    budget_group(doc).total(15, 15).fig("self_eval.score", "15")
    assert doc.run("score.total")[0] == "pass"


def test_stated_totals_that_disagree_fire():
    doc = Doc()
    budget_group(doc).total(15, 15).fig("self_eval.score", "14")
    status, findings, _ = doc.run("score.total")
    assert status == "fail" and "绩效自评综合得分" in findings[0]["message"]


def test_blank_item_score_skips_the_total_check():
    doc = Doc()
    doc.item("甲", 5, None).item("乙", 5, 5).total(10, 5)
    status, _, reason = doc.run("score.total")
    assert status == "skipped" and "甲" in reason


def test_exactly_90_is_excellent():
    doc = Doc()
    doc.fig("self_eval.score", "90")
    assert doc.run("score.grade")[0] == "pass"


def test_89_5_graded_excellent_fires():
    doc = Doc()
    doc.fig("self_eval.score", "89.5")
    status, findings, _ = doc.run("score.grade")
    assert status == "fail" and "良好" in findings[0]["message"]


def test_grade_bands():
    assert [grade_of(Decimal(s)) for s in ("100", "90", "89.9", "80", "79", "60", "59.9", "0")] == [
        "优秀", "优秀", "良好", "良好", "中", "中", "差", "差"]


def test_unknown_grade_is_skipped():
    doc = Doc()
    doc.grade = "合格"
    doc.fig("self_eval.score", "90")
    status, _, reason = doc.run("score.grade")
    assert status == "skipped" and "合格" in reason


def test_reason_missing_warns_for_a_deduction_without_a_reason():
    doc = Doc()
    doc.item("公务卡刷卡率", 3, 2).item("资金结余", 3, 2, reason="有结余")
    status, findings, _ = doc.run("score.reason_missing")
    assert status == "fail" and len(findings) == 1 and "公务卡刷卡率" in findings[0]["message"]


def test_rescore_staff_rate():
    doc = Doc()
    doc.fig("staff.authorized", "17").fig("staff.actual", "18")
    doc.item("财政供养人员控制率", 5, 5, criteria=STAFF_CRITERIA)
    status, findings, _ = doc.run("score.rescore")
    assert status == "fail" and "105.88%" in findings[0]["message"]
    assert findings[0]["expected"] == "2–2.5"  # 5.88 points over: 6 or 5 half-points off


def test_rescore_staff_equal_to_quota_is_full_marks():
    doc = Doc()
    doc.fig("staff.authorized", "17").fig("staff.actual", "17")
    doc.item("财政供养人员控制率", 5, 5, criteria=STAFF_CRITERIA)
    assert doc.run("score.rescore")[0] == "pass"


def test_rescore_balance_with_no_balance_wants_full_marks():
    doc = Doc()
    doc.fig("income.total", "232.13").fig("expense.total", "232.13").fig("income.carryover", "0")
    doc.item("资金结余", 3, 2, reason="有结余", criteria=BALANCE_CRITERIA)
    status, findings, _ = doc.run("score.rescore")
    assert status == "fail" and findings[0]["expected"] == "3"


def test_rescore_balance_within_carryover():
    doc = Doc()
    doc.fig("income.carryover", "20.00").fig("balance.cumulative", "10.00")
    doc.item("资金结余", 3, 2, criteria=BALANCE_CRITERIA)
    assert doc.run("score.rescore")[0] == "pass"


def test_rescore_balance_beyond_carryover_scores_nothing():
    doc = Doc()
    doc.fig("income.carryover", "5.00").fig("balance.cumulative", "10.00")
    doc.item("资金结余", 3, 2, criteria=BALANCE_CRITERIA)
    status, findings, _ = doc.run("score.rescore")
    assert status == "fail" and findings[0]["expected"] == "0"


def test_rescore_asset_use():
    doc = Doc()
    doc.fig("assets.total", "20.00").fig("assets.in_use", "18.00")
    doc.item("固定资产利用率", 3, 3, criteria=ASSET_CRITERIA)
    status, findings, _ = doc.run("score.rescore")
    assert status == "fail" and findings[0]["expected"] == "2"


def test_rescore_skips_criteria_in_other_words():
    doc = Doc()
    doc.fig("assets.total", "20.00").fig("assets.in_use", "18.00")
    doc.item("固定资产利用率", 3, 3, criteria="利用率高的得满分")
    status, _, reason = doc.run("score.rescore")
    assert status == "skipped" and "评分标准" in reason
