"""Round trip: a random valid variant of the form, written as .docx, reads back exactly.

Each example is a `ReportSpec` drawn by `formgen.random_specs.reports` (wording,
unit, number style, blanks, organisations and 合计 rows, amounts, layouts,
score sheet shapes), written by formgen's Word writer and read by `jixiao.read`.
Every figure, score item, the 总分 row, the organisation and year must come
back as `expected_for(spec)` says, and every goal measure with its unit.
"""

from __future__ import annotations

import math
import os

from hypothesis import HealthCheck, given, settings

import jixiao

from formgen import expected_for, write_docx
from formgen.random_specs import RandomReport, reports
from golden import document_differences, figure_differences, score_differences

# 200 examples in CI and `make test` (~0.2 s each, ~40 s in all); set
# JIXIAO_ROUNDTRIP_EXAMPLES for a quicker local run or a longer hunt.
EXAMPLES = int(os.environ.get("JIXIAO_ROUNDTRIP_EXAMPLES", "200"))


def measure_differences(report, drawn: RandomReport) -> list[str]:
    quantitative = report.goals[report.goals["kind"] == "quantitative"]
    got = [(g.actual_value, g.actual_unit) for g in quantitative.itertuples()]
    problems = [] if len(got) == len(drawn.measures) else [f"{len(got)} measures read"]
    for (value, unit), (want_value, want_unit) in zip(got, drawn.measures):
        if value is None or not math.isclose(value, float(want_value)) or unit != want_unit:
            problems.append(f"measure {value!r}{unit} != {want_value}{want_unit}")
    return problems


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=reports())
def test_random_variant_reads_back_exactly(tmp_path_factory, drawn: RandomReport):
    path = write_docx(drawn.spec, tmp_path_factory.getbasetemp() / "roundtrip.docx")
    report = jixiao.read(path)
    expected = expected_for(drawn.spec)
    problems = (document_differences(report, expected) + figure_differences(report, expected)
                + score_differences(report, expected) + measure_differences(report, drawn))
    assert problems == []
