"""Rules as small registered functions keyed by their SPEC §4 id (pandera/frictionless style).

A rule takes the document's `Context` and yields outcomes: a `Finding` for each
disagreement, a `Skip` with the reason for each thing it could not check (a figure
it needs is blank), `PASSED` for each thing it checked and found right. The
validator folds them into one `checks` row per rule and document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jixiao.validate.context import Context


@dataclass(frozen=True)
class Finding:
    message: str
    expected: str = ""
    actual: str = ""
    difference: str = ""
    tolerance: str = ""
    keys: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skip:
    reason: str


@dataclass(frozen=True)
class Pass:
    pass


PASSED = Pass()
Outcome = Finding | Skip | Pass
Check = Callable[["Context"], Iterable[Outcome]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # error | warning
    check: Check


RULES: dict[str, Rule] = {}

# SPEC §4's order, so that `checks` reads like the contract; rules added later follow it.
SPEC_ORDER = (
    "income.sum", "expense.sum", "expense.basic_split", "balance.identity", "balance.unstated",
    "three_public.sum", "assets.sum", "staff.over_quota", "score.item_max", "score.max_sum",
    "score.total", "score.grade", "score.reason_missing", "score.rescore",
    "rectification.rate", "rectification.count", "narrative.figure", "narrative.sum",
)


def ordered_rules() -> list[Rule]:
    rank = {rule_id: i for i, rule_id in enumerate(SPEC_ORDER)}
    return sorted(RULES.values(), key=lambda r: rank.get(r.id, len(rank)))


def rule(rule_id: str, severity: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, check)
        return check

    return register
