"""The output tables of SPEC §3: their names and columns, in order.

One place defines them so that the normalizer, the validator, the exports and
the database agree. Columns beyond SPEC's minimum are noted where they are.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where it is used: `jixiao --help` must not pay its ~0.3 s start-up.
    import pandas as pd

COLUMNS: dict[str, list[str]] = {
    # warnings: the document's reader/normalizer warnings joined by newlines (not in SPEC's minimum).
    "documents": [
        "doc_id", "source", "format", "sha256", "pages", "org_name", "year", "grade",
        "status", "error", "warnings",
    ],
    # decimals: the precision the value stands for (SPEC §4 rounding), after unit conversion.
    "figures": [
        "doc_id", "table", "org", "key", "label", "value", "unit", "raw_label", "raw_value",
        "decimals", "location",
    ],
    "profile": ["doc_id", "field", "value", "location"],
    "goals": [
        "doc_id", "kind", "category", "subcategory", "indicator", "target", "actual",
        "actual_value", "actual_unit", "location",
    ],
    # kind: `item` for a 三级指标, `total` for the 总分 row. max_group names the merged 分值
    # cell an item shares (its location) and max_group_size how many items share it; for such
    # items max_score is the group's maximum, so sum maxima over distinct groups.
    "scores": [
        "doc_id", "kind", "level1", "level1_max", "level2", "level2_max", "indicator",
        "criteria", "max_score", "max_group", "max_group_size", "self_score", "reason",
        "location", "max_location",
    ],
    "evaluators": ["doc_id", "name", "title", "org", "location"],
    "narrative": ["doc_id", "section", "para", "text", "location"],
    # clause groups the claims read from one clause (a rectification sentence's counts and rate).
    "claims": [
        "doc_id", "para", "clause", "kind", "subject", "key", "value", "unit", "decimals",
        "text", "location",
    ],
    "findings": [
        "doc_id", "rule", "severity", "message", "expected", "actual", "difference",
        "tolerance", "keys", "location",
    ],
    "checks": ["doc_id", "rule", "status", "reason"],
}

TABLE_NAMES: tuple[str, ...] = tuple(COLUMNS)

_NUMERIC = {
    "figures": {"value": "Float64", "decimals": "Int64"},
    "documents": {"pages": "Int64", "year": "Int64"},
    "goals": {"actual_value": "Float64"},
    "scores": {
        "level1_max": "Float64", "level2_max": "Float64", "max_score": "Float64",
        "max_group_size": "Int64", "self_score": "Float64",
    },
    "narrative": {"para": "Int64"},
    "claims": {"para": "Int64", "clause": "Int64", "value": "Float64", "decimals": "Int64"},
}


def frame(name: str, rows: list[dict] | None = None) -> pd.DataFrame:
    """A DataFrame of table `name` with exactly its columns and stable dtypes.

    Built column by column from typed arrays: pandas' from_records followed by one
    astype per column cost ~3 ms a table, more than reading the document.
    """
    import pandas as pd

    records = rows or []
    dtypes = _NUMERIC.get(name, {})
    data = {}
    for col in COLUMNS[name]:
        kind = dtypes.get(col, "string")
        values = [_cell(row.get(col), kind, pd.NA) for row in records]
        data[col] = pd.array(values, dtype=_dtype(kind))
    return pd.DataFrame(data)


@cache
def _dtype(kind: str) -> pd.api.extensions.ExtensionDtype:
    """The dtype object, resolved once: pandas looks a dtype name up anew on every call."""
    import pandas as pd

    return pd.api.types.pandas_dtype(kind)


def _cell(value: object, dtype: str, na: object) -> object:
    """None for anything missing or not of the column's kind (as pd.to_numeric's coerce did)."""
    if value is None or value is na or (isinstance(value, float) and value != value):
        return None
    if dtype == "string":
        return str(value)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if dtype == "Int64":
        return int(number) if number.is_integer() else None
    return number


Columns = dict[str, list]


def to_columns(df: pd.DataFrame) -> Columns:
    """A table as plain lists: what a worker process sends back (pickles ~15× faster than a frame)."""
    return {col: df[col].tolist() for col in df.columns}


def frame_from_columns(name: str, parts: list[Columns]) -> pd.DataFrame:
    """One frame of table `name` from many documents' columns, typed as `frame` types them."""
    import pandas as pd

    dtypes = _NUMERIC.get(name, {})
    data = {}
    for col in COLUMNS[name]:
        values = [v for part in parts for v in part.get(col, [None] * row_count(part))]
        data[col] = pd.array(values, dtype=_dtype(dtypes.get(col, "string")))
    return pd.DataFrame(data)


def row_count(part: Columns) -> int:
    return len(next(iter(part.values()), []))
