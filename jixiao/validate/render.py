"""`jixiao check`: one document's findings as text for a person, errors first, with locations."""

from __future__ import annotations

import pandas as pd

from jixiao.report import Report

_SEVERITY = {"error": "错误", "warning": "警告"}
_SHOWN_LOCATIONS = 6  # a sum over the whole 评分表 names every cell; the first few find it


def render_report(report: Report) -> str:
    """Every document of `report`, each a block of lines ending in a blank line."""
    return "".join(_document(report, doc) + "\n" for doc in report.documents.to_dict("records"))


def _document(report: Report, doc: dict) -> str:
    lines = [_heading(doc)]
    if doc.get("status") == "failed":
        lines.append(f"  无法读取：{_text(doc.get('error'))}")
        return "\n".join(lines)
    findings = _of(report.findings, doc["doc_id"])
    checks = _of(report.checks, doc["doc_id"])
    lines.append("  " + _summary(findings, checks))
    order = findings["severity"].map({"error": 0, "warning": 1}).fillna(2)
    for finding in findings.assign(_order=order).sort_values("_order", kind="stable").to_dict("records"):
        lines += _finding(finding)
    lines += [f"  文档提示：{w}" for w in _text(doc.get("warnings")).splitlines() if w.strip()]
    skipped = checks[checks["status"] == "skipped"]
    for check in skipped.to_dict("records"):
        lines.append(f"  未核对 {check['rule']}：{_text(check['reason']) or '没有可核对的数据'}")
    return "\n".join(lines)


def _heading(doc: dict) -> str:
    who = " ".join(_text(doc.get(k)) for k in ("org_name", "year") if _text(doc.get(k)))
    status = {"ok": "", "partial": "（不完整）", "failed": "（读取失败）"}.get(_text(doc.get("status")), "")
    return f"{_text(doc.get('source'))}{status}" + (f"  {who}" if who else "")


def _summary(findings: pd.DataFrame, checks: pd.DataFrame) -> str:
    errors = int((findings["severity"] == "error").sum())
    warnings = int((findings["severity"] == "warning").sum())
    counts = checks["status"].value_counts()
    return (f"错误 {errors} 项，警告 {warnings} 项；规则通过 {counts.get('pass', 0)} 条，"
            f"未通过 {counts.get('fail', 0)} 条，未核对 {counts.get('skipped', 0)} 条")


def _finding(finding: dict) -> list[str]:
    mark = "✗" if finding["severity"] == "error" else "!"
    head = f"  {mark} {_SEVERITY.get(finding['severity'], finding['severity'])} {finding['rule']}"
    locations = [loc for loc in _text(finding["location"]).split("; ") if loc]
    where = "; ".join(locations[:_SHOWN_LOCATIONS])
    if len(locations) > _SHOWN_LOCATIONS:
        where += f" 等{len(locations)}处"
    return [head, f"      {_text(finding['message'])}"] + ([f"      位置：{where}"] if where else [])


def _of(df: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    return df[df["doc_id"] == doc_id] if len(df) else df


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)
