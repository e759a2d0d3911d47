"""Each rule fires on a real document with its fault injected, and stays quiet on near misses.

The documents are the seed written by samples/make_faults.py (its own faults repaired, then
one thing broken or brought right up to the limit); faults.json says what must fire.
"""

import json

import pytest

from conftest import SAMPLES, read_sample

MANIFEST = json.loads((SAMPLES / "faults" / "faults.json").read_text("utf-8"))


@pytest.mark.parametrize("stem", sorted(MANIFEST))
def test_exactly_the_injected_rules_fire(stem):
    report = read_sample(f"faults/{stem}.docx")
    assert report.documents["status"].iloc[0] == "ok"
    assert sorted(set(report.findings["rule"])) == MANIFEST[stem]["fires"]


@pytest.mark.parametrize("stem", sorted(s for s, e in MANIFEST.items() if e["rule"]))
def test_the_rule_was_really_applied(stem):
    """A near miss must be checked and pass, not skipped for want of a figure."""
    entry = MANIFEST[stem]
    checks = read_sample(f"faults/{stem}.docx").checks.set_index("rule")["status"]
    assert checks[entry["rule"]] == ("fail" if entry["rule"] in entry["fires"] else "pass")


def test_every_spec_rule_has_a_fault_document():
    from jixiao.validate import RULES

    assert {e["rule"] for e in MANIFEST.values() if e["fires"]} == set(RULES)


def test_findings_locate_every_figure_involved():
    findings = read_sample("faults/income-sum.docx").findings
    (locations,) = findings["location"]
    assert len(locations.split("; ")) == 6  # the total and its five sources


def test_a_near_miss_by_rounding_is_checked_with_its_tolerance():
    report = read_sample("faults/near-rounding-income-sum.docx")
    assert report.findings.empty
    assert report.checks.set_index("rule").loc["income.sum", "status"] == "pass"
