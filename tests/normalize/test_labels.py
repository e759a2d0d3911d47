"""Label variants are data: each wording maps to its canonical key after cleaning."""

import pytest

from jixiao.normalize.labels import aliases, classify, lookup
from jixiao.normalize.text import display, label_key, split_max


@pytest.mark.parametrize(
    ("table", "label", "key"),
    [
        ("income", "公共财\n政拨款", "income.fiscal"),
        ("income", "一般公共预算拨款", "income.fiscal"),
        ("income", "一般公共预算财政拨款收入", "income.fiscal"),
        ("income", "政府性基金预算拨款", "income.gov_fund"),
        ("income", "纳入专户管理的非\n税收入拨款", "income.special_account"),
        ("income", "其他\n收入", "income.other"),
        ("income", "其他", "income.other"),
        ("income", "收入合计（元）", "income.total"),
        ("assets", "其他", "assets.other"),
        ("three_public", "“三公”经费合计", "three_public.total"),
        ("three_public", "因公出国（境）费", "three_public.overseas"),
        ("three_public", "因公出国费", "three_public.overseas"),
        ("expense", "合  计", "expense.total"),
        ("expense", "人员支出", "expense.personnel"),
    ],
)
def test_label_variant_maps_to_canonical_key(table, label, key):
    assert lookup(table, label) == key


def test_unknown_label_has_no_key():
    assert lookup("income", "捐赠收入") is None


def test_alias_table_has_no_conflicting_lines():
    seen: dict[tuple[str, str], str] = {}
    for table, known in aliases().items():
        for alias, key in known.items():
            assert seen.setdefault((table, alias), key) == key


def test_ambiguous_labels_do_not_decide_the_table():
    assert classify(["合计", "其他"]) is None
    assert classify(["机构名称", "固定资产\n合计", "其中：", "在用固定资产", "其他"]) == "assets"


@pytest.mark.parametrize(
    ("raw", "key"),
    [("姓  名", "姓名"), ("\u3000", ""), ("98\n ", "98"), ("联系人：", "联系人"), ("“三公经费”\n变动率", "三公经费变动率")],
)
def test_labels_compare_equal_after_cleaning(raw, key):
    assert label_key(raw) == key


def test_display_closes_cjk_spacing_but_keeps_punctuation():
    assert display("“三公经费”\n变动率") == "“三公经费”变动率"
    assert display("投  入") == "投入"


def test_maximum_is_read_out_of_a_level_label():
    assert split_max("投  入\n（15分）") == ("投入", "15")
    assert split_max("产  出（25分）") == ("产出", "25")
    assert split_max("预算配置") == ("预算配置", None)
