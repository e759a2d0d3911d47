"""Compare what jixiao read from a sample with the expectation written from its spec."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd


def _dec(value) -> Decimal | None:
    if value is None or pd.isna(value):
        return None
    return Decimal(repr(float(value))).normalize()


def _exp(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).normalize()


def figure_differences(report, expected: dict) -> list[str]:
    """Every expected figure not read exactly, and every read figure nobody expected."""
    got = {}
    for row in report.figures.itertuples():
        if pd.isna(row.key):
            continue
        got[(row.table, row.org or "", row.key)] = _dec(row.value)
    want = {(f["table"], f["org"] or "", f["key"]): _exp(f["value"]) for f in expected["figures"]}
    problems = [f"{k}: expected {v}, read {got.get(k, 'nothing')}" for k, v in want.items()
                if k not in got or got[k] != v]
    problems += [f"{k}: read {v}, not expected" for k, v in got.items() if k not in want]
    unkeyed = report.figures[report.figures["key"].isna()]
    problems += [f"unrecognised figure {r.raw_label!r}={r.raw_value!r} at {r.location}"
                 for r in unkeyed.itertuples()]
    return problems


def score_differences(report, expected: dict) -> list[str]:
    items = report.scores[report.scores["kind"] == "item"]
    problems = []
    if len(items) != len(expected["scores"]):
        problems.append(f"{len(items)} score items read, {len(expected['scores'])} expected")
    for got, want in zip(items.itertuples(), expected["scores"]):
        for field in ("level1", "level2", "indicator", "reason"):
            if (getattr(got, field) or "") != (want[field] or ""):
                problems.append(f"{want['indicator']}: {field} {getattr(got, field)!r} != {want[field]!r}")
        for field in ("level1_max", "level2_max", "max_score", "self_score"):
            if _dec(getattr(got, field)) != _exp(want[field]):
                problems.append(f"{want['indicator']}: {field} {getattr(got, field)} != {want[field]}")
    total = report.scores[report.scores["kind"] == "total"]
    if expected.get("total"):
        if len(total) != 1:
            problems.append(f"{len(total)} 总分 rows read")
        elif (_dec(total.iloc[0]["self_score"]), _dec(total.iloc[0]["max_score"])) != (
                _exp(expected["total"]["self_score"]), _exp(expected["total"]["max_score"])):
            problems.append(f"总分 row {total.iloc[0]['self_score']}/{total.iloc[0]['max_score']}")
    return problems


def document_differences(report, expected: dict) -> list[str]:
    doc = report.documents.iloc[0]
    problems = []
    for field in ("org_name", "year", "grade"):
        if doc[field] != expected[field]:
            problems.append(f"{field}: {doc[field]!r} != {expected[field]!r}")
    if doc["status"] != "ok":
        problems.append(f"status {doc['status']}: {doc['error'] or doc['warnings']}")
    people = report.evaluators[["name", "title", "org"]].values.tolist()
    want = [[e["name"], e["title"], e["org"]] for e in expected["evaluators"]]
    if people != want:
        problems.append(f"evaluators {people} != {want}")
    if len(report.goals) != len(expected["goals"]):
        problems.append(f"{len(report.goals)} goals read, {len(expected['goals'])} expected")
    if len(report.narrative) != expected["narrative_paragraphs"]:
        problems.append(f"{len(report.narrative)} narrative paragraphs, {expected['narrative_paragraphs']} expected")
    return problems


def all_differences(report, expected: dict) -> list[str]:
    return (document_differences(report, expected) + figure_differences(report, expected)
            + score_differences(report, expected))
