"""Builders for one document's tidy tables, so each rule can be tried on exactly the figures it needs."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from jixiao.normalize.claims import extract_claims
from jixiao.normalize.numbers import parse_number
from jixiao.tables import frame
from jixiao.validate import validate

DOC = "d0c0000000000000"


@dataclass
class Doc:
    figures: list[dict] = field(default_factory=list)
    scores: list[dict] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    grade: str = "优秀"

    def fig(self, key: str, text: str | None, org: str = "机关", decimals: int | None = None) -> Doc:
        """A figure as the form prints it: "232.13", "0", None for a blank cell."""
        number = parse_number(text)
        table = key.split(".")[0] if not key.startswith("balance") else "expense"
        # Like the normalizer: an amount column's usual 2 decimals apply to a bare `0` (SPEC §4).
        usual = 0 if table in ("staff", "self_eval") else 2
        shown = max(number.decimals, usual) if decimals is None else decimals
        self.figures.append({
            "doc_id": DOC, "table": table, "org": "" if table in ("staff", "self_eval") else org,
            "key": key, "value": None if number.value is None else float(number.value),
            "decimals": None if number.value is None else shown, "raw_value": text or "",
            "location": f"t1 r{len(self.figures) + 1} c2",
        })
        return self

    def item(self, indicator: str, max_score: float | None, self_score: float | None, *,
             level1: str = "过程", level1_max: float | None = None, level2: str = "预算执行",
             level2_max: float | None = None, reason: str = "", criteria: str = "",
             max_group: str | None = None, max_group_size: int | None = None) -> Doc:
        n = len(self.scores) + 2
        self.scores.append({
            "doc_id": DOC, "kind": "item", "level1": level1, "level1_max": level1_max,
            "level2": level2, "level2_max": level2_max, "indicator": indicator,
            "criteria": criteria, "max_score": max_score, "max_group": max_group,
            "max_group_size": max_group_size, "self_score": self_score, "reason": reason,
            "location": f"t2 r{n} c6", "max_location": max_group or f"t2 r{n} c5",
        })
        return self

    def total(self, max_score: float | None, self_score: float | None) -> Doc:
        self.scores.append({"doc_id": DOC, "kind": "total", "level1": "总分", "indicator": "总分",
                            "max_score": max_score, "self_score": self_score,
                            "location": "t3 r14 c6", "max_location": "t3 r14 c5"})
        return self

    def say(self, *paragraphs: str) -> Doc:
        self.paragraphs.extend(paragraphs)
        return self

    def tables(self) -> dict[str, pd.DataFrame]:
        narrative = frame("narrative", [
            {"doc_id": DOC, "section": "一、概况", "para": i + 1, "text": t, "location": f"¶{i + 1}"}
            for i, t in enumerate(self.paragraphs)])
        documents = frame("documents", [{"doc_id": DOC, "grade": self.grade, "status": "ok"}])
        return {"documents": documents, "figures": frame("figures", self.figures),
                "scores": frame("scores", self.scores), "narrative": narrative,
                "claims": extract_claims(narrative)}

    def run(self, rule: str) -> tuple[str, list[dict], str]:
        """(status, findings, reason) of one rule on this document."""
        out = validate(self.tables())
        checks = out["checks"].set_index("rule")
        findings = out["findings"]
        return (str(checks.loc[rule, "status"]),
                findings[findings["rule"] == rule].to_dict("records"),
                str(checks.loc[rule, "reason"]))
