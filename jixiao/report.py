"""Report: the SPEC §3 tables of one or many documents, as pandas DataFrames."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from jixiao.tables import TABLE_NAMES, frame

if TYPE_CHECKING:  # pandas is imported where it is used: `jixiao --help` must not pay its ~0.3 s start-up.
    import pandas as pd


@dataclass
class Report:
    documents: pd.DataFrame
    figures: pd.DataFrame
    profile: pd.DataFrame
    goals: pd.DataFrame
    scores: pd.DataFrame
    evaluators: pd.DataFrame
    narrative: pd.DataFrame
    claims: pd.DataFrame
    findings: pd.DataFrame
    checks: pd.DataFrame

    @classmethod
    def from_tables(cls, tables: dict[str, pd.DataFrame]) -> Report:
        """Missing tables become empty frames with the right columns."""
        # Not tables.get(name, frame(name)): that builds an empty frame (~4 ms) for every table.
        return cls(**{name: tables[name] if name in tables else frame(name) for name in TABLE_NAMES})

    @classmethod
    def concat(cls, reports: Iterable[Report]) -> Report:
        import pandas as pd

        collected: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLE_NAMES}
        for report in reports:
            for name, df in report.items():
                if len(df):
                    collected[name].append(df)
        return cls.from_tables(
            {
                name: pd.concat(dfs, ignore_index=True) if dfs else frame(name)
                for name, dfs in collected.items()
            }
        )

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        for f in fields(self):
            yield f.name, getattr(self, f.name)

    def tables(self) -> dict[str, pd.DataFrame]:
        return dict(self.items())
