"""Normalizer: the document model → the tidy tables of SPEC §3.

It knows the form and nothing of file formats. Each section has its own
module; this one cuts the document into sections and gathers their rows and
warnings. Nothing is dropped: a label it does not know becomes a warning and a
row with an empty key.
"""

from __future__ import annotations

import pandas as pd

from jixiao.extract.model import Document, Paragraph
from jixiao.normalize.claims import extract_claims
from jixiao.normalize.finance import read_finance
from jixiao.normalize.goals import read_performance
from jixiao.normalize.identity import find_identity
from jixiao.normalize.layout import Item, flatten, split_sections
from jixiao.normalize.narrative import read_narrative
from jixiao.normalize.people import read_evaluators
from jixiao.normalize.profile import read_profile
from jixiao.normalize.scores import read_scores
from jixiao.tables import frame

# Parts without which a report cannot be checked: their absence makes it `partial`.
REQUIRED = {"income": "年度收入情况表", "expense": "年度支出和结余情况表", "scores": "评分表"}


def normalize(document: Document, doc_id: str, **file_facts: str) -> dict[str, pd.DataFrame]:
    """The tables of one read document; `file_facts` (source, sha256) go into its documents row."""
    items = flatten(document)
    sections = split_sections(items)
    warnings = list(document.warnings)

    profile, staff, notes = read_profile(sections.get("profile", []), doc_id)
    warnings += notes
    finance, notes = read_finance(sections.get("finance", []), doc_id)
    warnings += notes
    perf = read_performance(sections.get("performance", []), doc_id)
    warnings += perf.warnings
    scores, notes = read_scores(sections.get("scoresheet", []), doc_id)
    warnings += notes
    narrative = read_narrative(sections.get("narrative", []), doc_id)
    figures = staff + finance + ([perf.score] if perf.score else [])

    missing = _missing_parts(figures, scores)
    warnings += [f"缺少{REQUIRED[part]}：文档中未找到" for part in missing]
    org_name, year = find_identity(_identity_texts(sections.get("preamble", []), narrative))
    narrative_df = frame("narrative", narrative)
    status = "partial" if missing or document.status != "ok" else "ok"
    documents = {
        "doc_id": doc_id, "format": document.format, "pages": document.pages,
        "org_name": org_name, "year": year, "grade": perf.grade or "", "status": status,
        "error": "", "warnings": "\n".join(warnings), **file_facts,
    }
    return {
        "documents": frame("documents", [documents]),
        "figures": frame("figures", figures),
        "profile": frame("profile", profile),
        "goals": frame("goals", perf.goals),
        "scores": frame("scores", scores),
        "evaluators": frame("evaluators", read_evaluators(sections.get("evaluators", []), doc_id)),
        "narrative": narrative_df,
        "claims": extract_claims(narrative_df),
    }


def _missing_parts(figures: list[dict], scores: list[dict]) -> list[str]:
    present = {f["table"] for f in figures} | ({"scores"} if scores else set())
    return [part for part in REQUIRED if part not in present]


def _identity_texts(preamble: list[Item], narrative: list[dict]) -> list[str]:
    texts = [i.text for i in preamble if isinstance(i, Paragraph)]
    return texts + [row["text"] for row in narrative]
