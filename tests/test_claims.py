"""Claims read from the narrative: amounts attributed to form items, 其中 parts, rectification clauses."""

import pandas as pd

from jixiao.normalize.claims import extract_claims
from jixiao.tables import COLUMNS, frame


def claims_of(*paragraphs: str, section: str = "一、概况") -> pd.DataFrame:
    rows = [{"doc_id": "d", "section": section, "para": i + 1, "text": t, "location": f"¶{i + 1}"}
            for i, t in enumerate(paragraphs)]
    return extract_claims(frame("narrative", rows))


def as_tuples(df: pd.DataFrame) -> list[tuple]:
    return [(r.kind, r.subject, None if pd.isna(r.key) else r.key, r.value)
            for r in df.itertuples()]


def test_total_and_its_functional_parts():
    df = claims_of("2021年度区委巡察办一共支出232.13万元，其中一般公共服务支出187.76万元、其它经费支出44.37万元。")
    assert as_tuples(df) == [
        ("amount", "一共支出", "expense.total", 232.13),
        ("part", "一般公共服务支出", None, 187.76),
        ("part", "其它经费支出", None, 44.37),
    ]
    assert df["clause"].nunique() == 1
    assert list(df["text"]) == ["一共支出232.13万元", "一般公共服务支出187.76万元", "其它经费支出44.37万元"]
    assert list(df["decimals"]) == [2, 2, 2]


def test_basic_total_and_project_are_their_own_items():
    df = claims_of("2021年本年基本支出合计232.13万元，项目支出0.00万元。")
    assert as_tuples(df) == [("amount", "基本支出", "expense.basic", 232.13),
                             ("amount", "项目支出", "expense.project", 0.0)]


def test_a_generic_total_under_a_special_heading_is_not_the_department_total():
    df = claims_of("（二）专项支出", "共巡察了91个单位，共支出44.37万元。")
    assert as_tuples(df) == [("amount", "专项支出", None, 44.37)]


def test_yuan_amounts_are_converted_keeping_their_precision():
    df = claims_of("全年支出合计2,321,300.00元。")
    assert as_tuples(df) == [("amount", "全年支出", "expense.total", 232.13)]
    assert df["decimals"].iloc[0] == 6


def test_amounts_not_tied_to_a_form_term_are_not_claims():
    assert claims_of("用于培训5万元。").empty


def test_rectification_clause_with_subject():
    df = claims_of("其中，五届区委第十轮8家被巡察单位，共反馈一般性问题66个，已完成整改64个，"
                   "巡察整改落实不彻底2个，整改率为97%；深化“最多跑一次”改革、优化营商环境专项巡察涉及"
                   "40家责任单位，共反馈问题102个，完成整改100个，巡察整改落实不彻底2个，整改率为98%。")
    first, second = (g for _, g in df.groupby("clause"))
    assert set(first["subject"]) == {"五届区委第十轮"}
    assert dict(zip(first["key"], first["value"])) == {
        "rectification.reported": 66, "rectification.fixed": 64,
        "rectification.unfinished": 2, "rectification.rate": 97}
    assert set(second["subject"]) == {"深化“最多跑一次”改革、优化营商环境专项巡察"}
    assert first.set_index("key").loc["rectification.rate", "unit"] == "%"


def test_a_rate_keeps_its_shown_decimals():
    df = claims_of("五届区委第十一轮共反馈一般性问题77个，已完成整改73个，整改率为94.8%。")
    assert df.set_index("key").loc["rectification.rate", "decimals"] == 1


def test_problems_found_without_rectification_are_not_a_rectification_claim():
    assert claims_of("共发现一般性问题77个，问题线索5条。").empty


def test_claims_have_the_table_columns_and_locations():
    df = claims_of("一共支出232.13万元。")
    assert list(df.columns) == COLUMNS["claims"]
    assert df["location"].iloc[0] == "¶1" and df["para"].iloc[0] == 1


def test_seed_claims(seed):
    claims = seed.claims
    assert set(claims["key"].dropna()) >= {"expense.total", "expense.basic", "expense.project",
                                           "rectification.rate"}
    assert (claims["key"] == "rectification.rate").sum() == 3
    assert not (claims["value"] == 44.37).any() or claims[claims["value"] == 44.37]["key"].isna().all()


def test_headcounts_in_the_narrative_are_claims(seed):
    staff = seed.claims[seed.claims["key"].isin(["staff.authorized", "staff.actual"])]
    assert dict(zip(staff["key"], staff["value"])) == {"staff.authorized": 17, "staff.actual": 13}
    assert set(staff["kind"]) == {"count"}


def test_a_narrative_headcount_that_contradicts_the_table_is_an_error(tmp_path):
    import dataclasses

    import jixiao

    from formgen import seed_spec, write_docx

    spec = seed_spec()
    narrative = tuple(p.replace("共17个编制", "共18个编制") for p in spec.narrative)
    write_docx(dataclasses.replace(spec, narrative=narrative), tmp_path / "r.docx")
    findings = jixiao.read(tmp_path / "r.docx").findings
    found = findings[findings["rule"] == "narrative.figure"].iloc[0]
    assert (found["expected"], found["actual"], found["difference"]) == ("17", "18", "1")
    assert "人员编制为17人" in found["message"] and "舍入" not in found["message"]
    assert "t1 r3 c4" in found["location"]
