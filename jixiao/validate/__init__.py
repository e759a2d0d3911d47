"""Validation: the cross-checks of SPEC §4 over one document's tidy tables.

    validate(tables) -> {"findings": ..., "checks": ...}

Every rule is a small function registered under its SPEC id (`registry.RULES`);
the modules below register them on import. Each rule yields findings, skips
(with the reason: a figure it needs is blank) and passes; they fold into one
`checks` row per rule and document. Validation never raises on bad data: a rule
that breaks on a table it did not expect is recorded as `skipped` with the cause.
"""

from __future__ import annotations

import pandas as pd

from jixiao.tables import frame
from jixiao.validate import money, narrative, rescore, scores  # noqa: F401  (register the rules)
from jixiao.validate.context import Context
from jixiao.validate.registry import RULES, Finding, Rule, Skip, ordered_rules

__all__ = ["RULES", "validate"]


def validate(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    findings: list[dict] = []
    checks: list[dict] = []
    for doc_id in _doc_ids(tables):
        try:
            ctx = Context(doc_id, tables)
        except Exception as exc:  # tables not shaped as SPEC says: nothing can be checked
            reason = f"表格无法读取：{type(exc).__name__}: {exc}"
            checks += [{"doc_id": doc_id, "rule": r.id, "status": "skipped", "reason": reason}
                       for r in ordered_rules()]
            continue
        for rule in ordered_rules():
            found, check = _apply(rule, ctx)
            findings.extend(found)
            checks.append(check)
    return {"findings": frame("findings", findings), "checks": frame("checks", checks)}


def _doc_ids(tables: dict[str, pd.DataFrame]) -> list[str]:
    documents = tables.get("documents")
    if documents is None or not len(documents):
        return []
    ok = documents[documents["status"].fillna("") != "failed"] if "status" in documents else documents
    return [str(d) for d in dict.fromkeys(ok["doc_id"])]


def _apply(rule: Rule, ctx: Context) -> tuple[list[dict], dict]:
    check = {"doc_id": ctx.doc_id, "rule": rule.id}
    try:
        outcomes = list(rule.check(ctx))
    except Exception as exc:  # a rule must never stop validation; say what broke
        return [], {**check, "status": "skipped",
                    "reason": f"规则运行出错：{type(exc).__name__}: {exc}"}
    found = [_row(rule, ctx.doc_id, o) for o in outcomes if isinstance(o, Finding)]
    skipped = list(dict.fromkeys(o.reason for o in outcomes if isinstance(o, Skip)))
    passed = len(outcomes) > len(found) + len(skipped)
    status = "fail" if found else "pass" if passed else "skipped"
    return found, {**check, "status": status, "reason": "；".join(skipped)}


def _row(rule: Rule, doc_id: str, finding: Finding) -> dict:
    return {
        "doc_id": doc_id, "rule": rule.id, "severity": rule.severity, "message": finding.message,
        "expected": finding.expected, "actual": finding.actual,
        "difference": finding.difference, "tolerance": finding.tolerance,
        "keys": ",".join(finding.keys), "location": "; ".join(dict.fromkeys(finding.locations)),
    }
