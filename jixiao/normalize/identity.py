"""Which organisation and year a report is about, from its title line or its text.

Titles put the year before or after the organisation (`…局2021年度部门整体支出
绩效自评报告`, `2021年度…局部门整体…`), in brackets, in Chinese numerals
(`二〇二一年度`), or wrap it in `关于…的报告`. The organisation is what is left
once the attachment mark, the year and the form's name are taken away.
"""

from __future__ import annotations

import re

from jixiao.normalize.text import squash

_CN_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
_YEAR_TEXT = r"(?:20\d\d|二[〇零○Ｏ][〇零○Ｏ一二三四五六七八九]{2})"
_TITLE = re.compile(
    r"^(?:附件[\d\-—－]*[:：]?)?(?P<before>.*?)\(?(?P<year>" + _YEAR_TEXT + r")年度?\)?"
    r"(?P<after>.*?)(?:部门|单位)?(?:\(单位\))?(?:整体支出)?绩效(?:自评|自我评价|评价)"
)
_LABELLED_ORG = re.compile(r"(?:填报单位|部门(?:\(单位\))?名称|单位名称|预算单位)[:：](?P<org>[^\s:：]{2,40})")
_YEAR = re.compile(r"(?P<year>" + _YEAR_TEXT + r")年度?")
# A title is a short line; a narrative sentence that happens to name the form is not one.
_TITLE_MAX = 60


def find_identity(texts: list[str]) -> tuple[str, int | None]:
    """(org_name, year): the title wins; then a labelled 填报单位; the year from the first 20xx年."""
    org, year, previous = "", None, ""
    for text in texts:
        key = squash(text).replace("（", "(").replace("）", ")")
        match = _TITLE.match(key) if len(key) <= _TITLE_MAX else None
        if match:
            # A title broken over two lines has the org alone on the line above.
            org = org or _org_of(match) or _org_line(previous)
            year = year or _year(match["year"])
        labelled = _LABELLED_ORG.search(key)
        if labelled and not org:
            org = labelled["org"]
        previous = key or previous
    if year is None:
        for text in texts:
            found = _YEAR.search(squash(text))
            if found:
                year = _year(found["year"])
                break
    return org, year


def _org_of(match: re.Match[str]) -> str:
    org = (match["before"] + match["after"]).strip("：:，,")
    org = re.sub(r"^关于", "", org)
    return re.sub(r"(?:关于|对)$", "", org)


def _org_line(key: str) -> str:
    if len(key) > 30 or re.search(r"[,，。:：;；]|^附件", key):
        return ""
    return key


def _year(text: str) -> int:
    return int(text.translate(_CN_DIGITS))
