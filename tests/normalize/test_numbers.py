"""Numbers as the forms print them (FAILURE_MODES F9): exact, with the decimals shown."""

from decimal import Decimal

import pytest

from jixiao.normalize.numbers import parse_number, to_wan


@pytest.mark.parametrize(
    ("text", "value", "decimals", "unit"),
    [
        ("232.13", "232.13", 2, ""),
        ("0", "0", 0, ""),
        ("0.00万元", "0.00", 2, "万元"),
        ("1,234.50", "1234.50", 2, ""),
        ("２３２．１３", "232.13", 2, ""),
        ("１，２３４．５０", "1234.50", 2, ""),
        ("245个", "245", 0, "个"),
        ("50％", "50", 0, "%"),
        ("98\n ", "98", 0, ""),
        ("-3.50", "-3.50", 2, ""),
        ("(12.50)", "-12.50", 2, ""),
        ("（12.50）", "-12.50", 2, ""),
        ("￥232.13", "232.13", 2, ""),
    ],
)
def test_number_parses_exactly(text, value, decimals, unit):
    number = parse_number(text)
    assert (number.value, number.decimals, number.unit) == (Decimal(value), decimals, unit)


@pytest.mark.parametrize("text", ["", " ", "\u3000", "—", "-", "/", "——", "无"])
def test_nothing_is_missing_not_zero(text):
    number = parse_number(text)
    assert number.value is None and number.state == "missing"


@pytest.mark.parametrize("text", ["见附表", "23213\n.x", "1,2345", "232。13"])
def test_text_is_not_a_number(text):
    assert parse_number(text).state == "text"


def test_yuan_to_wan_keeps_the_precision_shown():
    number = to_wan(parse_number("2,321,300.00元"))
    assert (number.value, number.decimals, number.unit) == (Decimal("232.130000"), 6, "万元")
