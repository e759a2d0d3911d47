"""Rules on 二、收支情况 and the headcounts, per 机构名称 row; blank is not zero."""

from builders import Doc


def seed_income(doc, total="232.13", fiscal="232.13", carry="0", org="机关"):
    doc.fig("income.total", total, org).fig("income.carryover", carry, org)
    doc.fig("income.fiscal", fiscal, org).fig("income.gov_fund", "0", org)
    doc.fig("income.special_account", "0", org).fig("income.other", "0", org)
    return doc


def test_income_sum_passes_on_the_seed_figures():
    doc = Doc()
    assert seed_income(doc).run("income.sum")[0] == "pass"


def test_income_sum_fires_with_both_sides_and_locations():
    doc = Doc()
    status, findings, _ = seed_income(doc, fiscal="230.00").run("income.sum")
    assert status == "fail"
    (finding,) = findings
    assert finding["severity"] == "error"
    assert "机关收入合计为232.13万元" in finding["message"] and "230.00" in finding["message"]
    assert finding["expected"] == "230.00" and finding["actual"] == "232.13"
    assert finding["difference"] == "2.13"
    assert "t1 r1 c2" in finding["location"] and "t1 r3 c2" in finding["location"]
    assert "income.total" in finding["keys"] and "income.fiscal" in finding["keys"]


def test_a_sum_off_only_by_rounding_is_not_a_finding():
    doc = Doc()
    doc.fig("expense.basic", "232.13").fig("expense.personnel", "167.26").fig("expense.public", "64.88")
    assert doc.run("expense.basic_split")[0] == "pass"


def test_a_sum_off_by_more_than_the_tolerance_fires():
    doc = Doc()
    doc.fig("expense.basic", "232.13").fig("expense.personnel", "167.27").fig("expense.public", "64.88")
    assert doc.run("expense.basic_split")[0] == "fail"


def test_a_whole_number_in_a_two_decimal_column_counts_as_two_decimals():
    doc = Doc()
    # 232 among 2-decimal amounts is 232.00 ± 0.005, not 232 ± 0.5: 231.98 does not match it.
    doc.fig("expense.total", "232").fig("expense.basic", "231.98")
    assert doc.run("expense.sum")[0] == "fail"


def test_sum_rules_take_the_components_stated():
    doc = Doc()
    doc.fig("expense.total", "232.13").fig("expense.basic", "232.13").fig("expense.project", None)
    assert doc.run("expense.sum")[0] == "pass"


def test_a_blank_total_is_skipped_with_the_reason():
    doc = Doc()
    doc.fig("three_public.total", None).fig("three_public.reception", "8.57")
    status, findings, reason = doc.run("three_public.sum")
    assert (status, findings) == ("skipped", [])
    assert "三公经费合计为空" in reason


def test_every_component_blank_is_skipped():
    doc = Doc()
    doc.fig("assets.total", "19.64").fig("assets.in_use", None).fig("assets.leased", None)
    status, _, reason = doc.run("assets.sum")
    assert status == "skipped" and "均为空" in reason


def test_identities_apply_per_org():
    doc = Doc()
    seed_income(doc, org="机关")
    seed_income(doc, total="10.00", fiscal="9.00", org="下属单位")
    status, findings, _ = doc.run("income.sum")
    assert status == "fail" and len(findings) == 1
    assert findings[0]["message"].startswith("下属单位收入合计")


def test_balance_identity_checks_stated_balances():
    doc = Doc()
    seed_income(doc, total="250.00", fiscal="240.00", carry="10.00")
    doc.fig("expense.total", "232.13").fig("balance.cumulative", "17.87").fig("balance.current", "7.87")
    assert doc.run("balance.identity")[0] == "pass"


def test_balance_identity_fires_on_a_wrong_current_balance():
    doc = Doc()
    seed_income(doc, total="250.00", fiscal="240.00", carry="10.00")
    doc.fig("expense.total", "232.13").fig("balance.cumulative", "17.87").fig("balance.current", "17.87")
    status, findings, _ = doc.run("balance.identity")
    assert status == "fail" and len(findings) == 1
    assert "当年结余" in findings[0]["message"] and findings[0]["expected"] == "7.87"


def test_balance_unstated_warns_when_money_is_left_and_no_balance_is_given():
    doc = Doc()
    seed_income(doc, total="250.00", fiscal="250.00")
    doc.fig("expense.total", "232.13").fig("balance.current", None).fig("balance.cumulative", None)
    status, findings, _ = doc.run("balance.unstated")
    assert status == "fail" and findings[0]["severity"] == "warning"
    assert "17.87" in findings[0]["message"]


def test_balance_unstated_is_quiet_when_income_equals_expense():
    doc = Doc()
    seed_income(doc).fig("expense.total", "232.13").fig("balance.current", None)
    assert doc.run("balance.unstated")[0] == "pass"


def test_staff_over_quota_warns():
    doc = Doc()
    doc.fig("staff.authorized", "17").fig("staff.actual", "18")
    status, findings, _ = doc.run("staff.over_quota")
    assert status == "fail" and findings[0]["severity"] == "warning"
    assert "超编1人" in findings[0]["message"]


def test_actual_staff_equal_to_the_quota_is_fine():
    doc = Doc()
    doc.fig("staff.authorized", "17").fig("staff.actual", "17")
    assert doc.run("staff.over_quota")[0] == "pass"


def test_a_document_without_figures_skips_instead_of_raising():
    doc = Doc()
    status, findings, reason = doc.run("income.sum")
    assert (status, findings) == ("skipped", [])
