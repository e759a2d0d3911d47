"""Property tests for the number parser the rules depend on: print a figure as forms do, parse it back."""

import unicodedata
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from jixiao.normalize.numbers import parse_number, to_wan

values = st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False,
                     places=2) | st.decimals(min_value=0, max_value=10**6, places=0)
units = st.sampled_from(["", "万元", "元", "个", "%", "分", "人"])

_FULL = str.maketrans("0123456789.,%-", "０１２３４５６７８９．，％－")


def _plain(value: Decimal) -> str:
    return format(value, "f")


def _thousands(value: Decimal) -> str:
    places = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
    return f"{value:,.{places}f}"


@given(values, units)
def test_a_printed_number_parses_back_exactly_with_its_decimals(value, unit):
    number = parse_number(_plain(value) + unit)
    assert number.value == value
    assert number.decimals == max(0, -value.as_tuple().exponent)
    assert number.unit == unit


@given(values)
def test_thousands_separators_do_not_change_the_value(value):
    assert parse_number(_thousands(value)).value == value


@given(values, units)
def test_full_width_digits_read_as_ascii(value, unit):
    text = (_plain(value) + unit).translate(_FULL)
    assert unicodedata.normalize("NFKC", text) == _plain(value) + unit.replace("％", "%")
    assert parse_number(text).value == value


@given(values)
def test_spaces_and_line_breaks_inside_a_cell_are_ignored(value):
    assert parse_number(f" {_plain(value)}\n ").value == value


@given(st.sampled_from(["", " ", "\u3000", "—", "-", "/", "无", "\n"]))
def test_blank_and_dashes_are_missing_never_zero(text):
    number = parse_number(text)
    assert number.value is None and number.state == "missing"


def test_zero_is_zero():
    assert parse_number("0").value == 0
    assert parse_number("0.00万元").decimals == 2


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_yuan_to_wan_keeps_the_shown_precision(value):
    wan = to_wan(parse_number(f"{value}元"))
    assert wan.value == value.scaleb(-4) and wan.decimals == 6 and wan.unit == "万元"


@given(st.text(alphabet="abc汉字", min_size=1, max_size=5))
def test_words_are_text_not_numbers(text):
    assert parse_number(text).value is None
