"""Which organisation and year a report is about, from its title line or its text."""

from __future__ import annotations

import re

from jixiao.normalize.text import squash

_TITLE = re.compile(
    r"^(?:附件\d*(?:-\d+)?)?(?P<org>.*?)(?P<year>20\d\d)年度?(?:部门|单位)?(?:\(单位\))?"
    r"(?:整体支出|部门整体支出)?绩效(?:自评|评价)"
)
_LABELLED_ORG = re.compile(r"(?:填报单位|部门(?:\(单位\))?名称|单位名称|预算单位)[:：](?P<org>[^\s:：]{2,40})")
_YEAR = re.compile(r"(?P<year>20\d\d)年度?")


def find_identity(texts: list[str]) -> tuple[str, int | None]:
    """(org_name, year): the title wins; then a labelled 填报单位; the year from the first 20xx年."""
    org, year = "", None
    for text in texts:
        key = squash(text).replace("（", "(").replace("）", ")")
        match = _TITLE.match(key)
        if match:
            org = org or match["org"].strip("：:")
            year = year or int(match["year"])
        labelled = _LABELLED_ORG.search(key)
        if labelled and not org:
            org = labelled["org"]
    if year is None:
        for text in texts:
            found = _YEAR.search(squash(text))
            if found:
                year = int(found["year"])
                break
    return org, year
