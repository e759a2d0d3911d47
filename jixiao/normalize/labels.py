"""Canonical keys from labels, by the alias table in labels.tsv (label variants are data)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from importlib import resources

from jixiao.normalize.text import label_key

CANONICAL_LABEL = {
    "income.total": "收入合计", "income.carryover": "上年结转", "income.fiscal": "公共财政拨款",
    "income.gov_fund": "政府基金拨款", "income.special_account": "纳入专户管理的非税收入拨款",
    "income.other": "其他收入", "expense.total": "支出合计", "expense.basic": "基本支出",
    "expense.personnel": "人员支出", "expense.public": "公用支出", "expense.project": "项目支出",
    "balance.current": "当年结余", "balance.cumulative": "累计结余",
    "three_public.total": "三公经费合计", "three_public.reception": "公务接待费",
    "three_public.vehicle_ops": "公务用车运维费", "three_public.vehicle_purchase": "公务用车购置费",
    "three_public.overseas": "因公出国（境）费", "assets.total": "固定资产合计",
    "assets.in_use": "在用固定资产", "assets.leased": "出租固定资产", "assets.other": "其他（固定资产）",
    "staff.authorized": "人员编制", "staff.actual": "实有人数", "self_eval.score": "绩效自评综合得分",
}


@cache
def aliases() -> dict[str, dict[str, str]]:
    """table → {label key → canonical key}."""
    table: dict[str, dict[str, str]] = {}
    text = resources.files("jixiao.normalize").joinpath("labels.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, key, alias = line.split("\t")
        table.setdefault(kind, {})[label_key(alias)] = key
    return table


def lookup(kind: str, label: str) -> str | None:
    # A unit in the header (`收入合计（元）`) says how to read the values, not what they are.
    key = re.sub(r"\((万元|元)\)$", "", label_key(label))
    return aliases().get(kind, {}).get(key)


def classify(labels: list[str]) -> str | None:
    """Which finance table a header belongs to, by the labels only one table uses."""
    votes: Counter[str] = Counter()
    for label in labels:
        kinds = [kind for kind in aliases() if lookup(kind, label)]
        if len(kinds) == 1:
            votes[kinds[0]] += 1
    return votes.most_common(1)[0][0] if votes else None
