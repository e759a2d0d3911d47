"""formgen: synthetic 部门整体支出绩效自评报告 documents and their golden expectations.

Import with `sys.path.insert(0, "samples")`; then

    from formgen import seed_spec, write_docx, expected_for, VARIANTS

API (stable; tests elsewhere rely on it):

- `ReportSpec` and its parts (`Figures`, `OrgRow`, `GoalGroup`, `Indicator`,
  `Evaluator`, `ScoreItem`, `ScoreSheet`): frozen dataclasses describing what a
  report says and how it prints it (see `spec.py`). Figures are 万元 decimal
  strings, None for a blank cell. Vary a report with `dataclasses.replace`.
- `TABLE_KEYS`: each figures table's canonical keys in printed column order.
- `seed_spec()`: the seed report.
- `write_docx(spec, path)`: write the report as .docx (deterministic bytes).
- `expected_for(spec)`: the golden expectation dict (shape documented in `expected.py`);
  `to_json(expected)`: its text as written to `samples/expected/<stem>.json`.
- `VARIANTS`: tuple of (stem, spec, renditions) for the sample set, renditions a
  subset of {"pdf", "doc", "lo.docx"}.
- `convert(paths, fmt, outdir)`: LibreOffice headless conversion (batched, private
  profile, timeout); `scan_pdf(pdf, out)`: an image-only PDF of a PDF.
"""

from .convert import convert, scan_pdf, soffice_available
from .docx_writer import write_blocks
from .expected import expected_for, to_json
from .seed import seed_spec
from .spec import (
    TABLE_KEYS,
    Evaluator,
    Figures,
    GoalGroup,
    Indicator,
    OrgRow,
    ReportSpec,
    ScoreItem,
    ScoreSheet,
)
from .variants import VARIANTS
from .writer import write_docx

__all__ = [
    "TABLE_KEYS", "VARIANTS", "Evaluator", "Figures", "GoalGroup", "Indicator", "OrgRow",
    "ReportSpec", "ScoreItem", "ScoreSheet", "convert", "expected_for", "scan_pdf", "seed_spec",
    "soffice_available", "to_json", "write_blocks", "write_docx",
]
