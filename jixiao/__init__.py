"""jixiao (绩效): read 部门（单位）整体支出绩效自评报告 into tidy tables and cross-check them.

    >>> import jixiao
    >>> report = jixiao.read("samples/seed.docx")
    >>> report.figures.query("key == 'income.fiscal'")
    >>> jixiao.extract(["samples/"]).findings

Stages, one way: jixiao.extract (files → document model) → jixiao.normalize
(model → tables) → jixiao.validate (tables → findings, checks).
"""

from __future__ import annotations

# The subpackage jixiao.extract is imported before the function of the same name is bound:
# Python sets a package attribute when a submodule is first loaded, so loading it later
# would replace jixiao.extract(paths) with the module.
import jixiao.extract  # noqa: F401
from jixiao.errors import JixiaoError, ReadError
from jixiao.pipeline import extract, iter_paths, read
from jixiao.report import Report

__all__ = ["read", "extract", "iter_paths", "Report", "JixiaoError", "ReadError"]
__version__ = "0.1.0"
