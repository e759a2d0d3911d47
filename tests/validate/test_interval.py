"""The rounding rule of SPEC §4: exact Decimal intervals and percentages rounded as shown."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from jixiao.validate.interval import Interval, exact, half_width, percent, show, total

D = Decimal


def test_two_decimal_figures_tolerate_half_a_cent_per_term():
    parts = [Interval.shown(D("167.25"), 2), Interval.shown(D("64.88"), 2)]
    assert total(parts).overlaps(Interval.shown(D("232.13"), 2))
    assert total(parts).overlaps(Interval.shown(D("232.14"), 2))  # off by rounding only
    assert not total(parts).overlaps(Interval.shown(D("232.17"), 2))


def test_zero_in_a_two_decimal_column_is_zero_point_zero_zero():
    assert half_width(2) == D("0.005")
    assert exact(0.0, 2) == D("0.00")


def test_float_is_rebuilt_to_the_decimal_shown():
    assert exact(232.13, 2) == D("232.13")
    assert exact(0.1 + 0.2, 2) == D("0.30")
    assert exact(23.213, 6) == D("23.213000")


def test_exact_counts_have_no_tolerance():
    assert not Interval(D(13)).overlaps(Interval(D(14)))


def test_percentages_round_half_up_to_the_shown_precision():
    assert percent(D(64), D(66), 0) == D(97)
    assert percent(D(27), D(30), 0) == D(90) != D(96)
    assert percent(D(2), D(3), 1) == D("66.7")
    assert percent(D(73), D(77), 1) == D("94.8")
    assert percent(D(1), D(8), 1) == D("12.5")
    assert percent(D(1), D(40), 0) == D(3)  # 2.5 rounds up, not to even


def test_show_keeps_decimals_and_drops_exponents():
    assert show(D("0.00")) == "0.00"
    assert show(D("1E+2")) == "100"
    assert show(D("-0.00")) == "0"


amounts = st.decimals(min_value=-10**7, max_value=10**7, places=2, allow_nan=False)
places = st.integers(min_value=0, max_value=6)


@given(st.lists(st.decimals(min_value=0, max_value=10**6, places=4), min_size=1, max_size=8))
def test_a_sum_of_rounded_terms_agrees_with_its_rounded_total(values):
    total_shown = sum(values).quantize(D("0.01"))
    terms = [Interval.shown(v.quantize(D("0.01")), 2) for v in values]
    assert total(terms).overlaps(Interval.shown(total_shown, 2))


@given(amounts, amounts)
def test_overlap_is_symmetric(a, b):
    x, y = Interval.shown(a, 2), Interval.shown(b, 1)
    assert x.overlaps(y) == y.overlaps(x)


@given(amounts, places)
def test_an_interval_holds_every_value_that_rounds_to_it(value, d):
    shown = value.quantize(Decimal(1).scaleb(-d))
    assert Interval.shown(shown, d).overlaps(Interval(value))


@given(amounts, st.decimals(min_value=D("0.011"), max_value=10**6, places=3))
def test_differences_beyond_the_tolerance_are_caught(value, gap):
    assert not Interval.shown(value, 2).overlaps(Interval.shown(value + gap, 2))


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda f: round(f, 2)))
def test_exact_round_trips_a_two_decimal_float(value):
    assert exact(value, 2) == Decimal(str(value)).quantize(D("0.01"))


@given(st.integers(min_value=0, max_value=10**4), st.integers(min_value=1, max_value=10**4),
       st.integers(min_value=0, max_value=3))
def test_percent_is_within_half_a_unit_of_the_true_ratio(num, den, d):
    true = D(num) * 100 / D(den)
    assert abs(percent(D(num), D(den), d) - true) <= half_width(d)
