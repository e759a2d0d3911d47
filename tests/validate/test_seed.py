"""SPEC §4: the seed yields exactly two errors and one warning, and says what it could not check."""


def test_the_seed_yields_exactly_its_two_errors_and_one_warning(seed):
    findings = seed.findings
    errors = findings[findings["severity"] == "error"]
    warnings = findings[findings["severity"] == "warning"]
    assert sorted(errors["rule"]) == ["score.item_max", "score.total"]
    assert list(warnings["rule"]) == ["score.rescore"]


def test_the_seed_errors_name_both_sides(seed):
    by_rule = seed.findings.set_index("rule")
    item_max = by_rule.loc["score.item_max"]
    assert "预算调整率" in item_max["message"] and (item_max["actual"], item_max["expected"]) == ("5", "≤3")
    total = by_rule.loc["score.total"]
    assert (total["expected"], total["actual"], total["difference"]) == ("100", "98", "-2")
    rescore = by_rule.loc["score.rescore"]
    assert "资金结余" in rescore["message"] and rescore["expected"] == "3"


def test_every_rule_has_a_check_row_and_blank_balances_are_skipped_not_passed(seed):
    from jixiao.validate import RULES

    checks = seed.checks.set_index("rule")
    assert set(checks.index) == set(RULES)
    assert checks.loc["balance.identity", "status"] == "skipped"
    assert "结余为空" in checks.loc["balance.identity", "reason"]
    assert checks.loc["income.sum", "status"] == "pass"


def test_a_narrative_figure_whose_table_cell_is_blank_is_not_a_contradiction(seed):
    checks = seed.checks.set_index("rule")
    assert checks.loc["narrative.figure", "status"] == "pass"
    assert "项目支出" in checks.loc["narrative.figure", "reason"]


def test_every_finding_carries_a_location(seed):
    assert seed.findings["location"].str.len().gt(0).all()


def test_validation_never_raises_on_tables_it_does_not_expect():
    import pandas as pd

    from jixiao.tables import frame
    from jixiao.validate import validate

    documents = frame("documents", [{"doc_id": "x", "status": "ok", "grade": "优秀"}])
    odd = {"documents": documents, "figures": pd.DataFrame({"doc_id": ["x"], "value": ["abc"]}),
           "scores": pd.DataFrame({"doc_id": ["x"], "kind": ["item"], "self_score": ["?"]})}
    out = validate(odd)
    assert out["findings"].empty
    assert set(out["checks"]["status"]) == {"skipped"}
    assert validate({})["checks"].empty


def test_checks_list_every_rule_once_in_spec_order(seed):
    from jixiao.validate.registry import SPEC_ORDER

    checks = seed.checks
    assert checks["rule"].tolist() == list(SPEC_ORDER)
