"""五、评价报告综述 → claims: the facts a narrative states, for the narrative and rectification rules.

Two kinds of fact are read, clause by clause (text between 。 and ；), each clause numbered
so that a rule compares only facts stated together:

- amounts attributed to an item. jieba cuts the clause with the form's terms
  (`jieba_terms.txt`), so 一般公共服务支出 stays one word and is not read as 支出; the term
  right before an amount (fillers such as 合计 or 为 skipped) names it. Amounts listed after
  其中 are `part`s of the amount before it (一共支出232.13万元，其中…187.76万元、…44.37万元).
- rectification clauses: the counts of problems reported, fixed and unfinished and the 整改率,
  with the subject named before them (五届区委第十轮).

A generic total (共支出) under a sub-heading that names another item (（二）专项支出) is that
item's total, not the department's: the seed says 共支出44.37万元 of its 专项 work.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import jieba
import pandas as pd

from jixiao.normalize.numbers import Number, parse_number, to_wan
from jixiao.normalize.text import SUBHEADING
from jixiao.tables import frame

TERMS_FILE = Path(__file__).with_name("jieba_terms.txt")
_CLAUSE_END = re.compile(r"[。；;！!？?]")
_AMOUNT = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万元|亿元|元)")
_WINDOW = 24  # characters before an amount that may hold its term and fillers
# Words that may stand between a term and its amount: 基本支出合计232.13万元, 支出为…
_FILLERS = {"合计", "共计", "总计", "总额", "为", "是", "共", "达", "达到", "计", "了", "约", "金额",
            ":", "：", " ", "\u3000"}
_GENERIC = {"expense.total", "income.total"}

_COUNT = r"\s*(\d+)\s*[个条项件]"
_RECTIFICATION = (
    ("count", "rectification.reported",
     re.compile(r"(?:反馈|发现|交办|移交|指出)[^，,、；;。\d]{0,12}?问题" + _COUNT)),
    ("count", "rectification.fixed",
     re.compile(r"(?:已经?)?(?:完成|办结)?整改(?:到位|完成)?" + _COUNT)),
    ("count", "rectification.unfinished",
     re.compile(r"(?:整改)?(?:落实不彻底|未完成整改|尚未整改|未整改|整改未到位|未完成)" + _COUNT)),
    ("rate", "rectification.rate",
     re.compile(r"整改率\s*(?:为|达到|达|是)?\s*(\d+(?:\.\d+)?)\s*%")),
)
# Headcounts the narrative repeats from 基本概况: 共17个编制，现有人数13人.
_HEADCOUNTS = (
    ("staff.authorized", re.compile(
        r"(\d+)\s*(?:个|名)?\s*(?:行政|事业|人员)?编制|编制(?:人数|数)?\s*(?:为|是|共|有)?\s*(\d+)\s*(?:人|个|名)")),
    ("staff.actual", re.compile(
        r"(?:现有|实有|在职|在编)(?:人数|人员|干部职工)?\s*(?:为|是|共|有)?\s*(\d+)\s*(?:人|名)")),
)
_SUBJECT_CUT = re.compile(r"\d+\s*家|涉及|[，,：:]|共(?:反馈|发现)")


@dataclass(frozen=True)
class _Context:
    """What the paragraph is about, from its sub-heading: (key or None, term)."""

    key: str | None = None
    term: str = ""


@cache
def _terms() -> dict[str, str | None]:
    terms: dict[str, str | None] = {}
    for line in TERMS_FILE.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            term, key = line.split("\t")
            terms[_nfkc(term)] = None if key.strip() == "-" else key.strip()
    return terms


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for term in _terms():
        # Longer terms weigh more so 基本支出合计 cuts as 基本支出|合计, not 基本|支出合计.
        tokenizer.add_word(term, freq=10**5 * len(term))
    return tokenizer


def extract_claims(narrative: pd.DataFrame) -> pd.DataFrame:
    """The claims table of SPEC §3 from the narrative table (one document or several)."""
    rows: list[dict] = []
    clause_no = 0
    context, section = _Context(), None
    for para in narrative.itertuples(index=False):
        text = _nfkc(str(para.text))
        if para.section != section:
            context, section = _Context(), para.section
        if SUBHEADING.match(text):
            context = _context_of(text)
        base = {"doc_id": para.doc_id, "para": para.para, "location": para.location}
        for clause in _clauses(text):
            clause_no += 1
            found = _amounts(clause, context) + _rectification(clause) + _headcounts(clause)
            rows.extend({**base, "clause": clause_no, **claim} for claim in found)
    return frame("claims", rows)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_END.split(text) if c.strip()]


def _context_of(heading: str) -> _Context:
    first = _clauses(heading)[0] if _clauses(heading) else heading
    for word, _, _ in _tokenizer().tokenize(first):
        if word in _terms():
            return _Context(_terms()[word], word)
    return _Context()


def _amounts(clause: str, context: _Context) -> list[dict]:
    claims: list[dict] = []
    whole_at: int | None = None  # index in `claims` of the amount the 其中 parts belong to
    for match in _AMOUNT.finditer(clause):
        term, start = _term_before(clause, match.start())
        number = _wan(parse_number(match.group()))
        if term is None or number.value is None:
            continue
        key = _terms()[term]
        subject = term
        if key in _GENERIC and context.term and context.key != key:
            key, subject = context.key, context.term
        part = whole_at is not None and "其中" in clause[claims[whole_at]["_end"]:match.start()]
        claims.append({
            "kind": "part" if part else "amount", "subject": subject, "key": key,
            "value": float(number.value), "unit": "万元", "decimals": number.decimals,
            "text": clause[start:match.end()], "_end": match.end(),
        })
        if not part:
            whole_at = len(claims) - 1
    for claim in claims:
        del claim["_end"]
    return claims


def _term_before(clause: str, at: int) -> tuple[str | None, int]:
    """The form term ending just before position `at`, skipping fillers; else (None, at).

    Only the words just before the amount can name it, so only they are tokenized
    (jieba over whole clauses cost more than reading the document).
    """
    offset = max(0, at - _WINDOW)
    before = [(w, s + offset, e + offset) for w, s, e in _tokenizer().tokenize(clause[offset:at])]
    for i in range(len(before) - 1, -1, -1):
        word, start, _ = before[i]
        if word in _terms():
            return _rejoin(before[i - 1] if i else None, word, start)
        if word not in _FILLERS:
            break
    return None, at


def _rejoin(previous: tuple[str, int, int] | None, word: str, start: int) -> tuple[str, int]:
    """基本|支出合计 → 基本支出: jieba may glue 合计 to the wrong neighbour."""
    head = re.sub(r"(合计|总额|总计)$", "", word)
    if previous is not None and head != word and previous[0] + head in _terms():
        return previous[0] + head, previous[1]
    return word, start


def _wan(number: Number) -> Number:
    if number.unit == "亿元" and number.value is not None:
        return Number(number.value.scaleb(4), number.decimals - 4, "万元")
    return to_wan(number)


def _rectification(clause: str) -> list[dict]:
    if "整改" not in clause:
        return []
    claims: list[dict] = []
    first_at = len(clause)
    for kind, key, pattern in _RECTIFICATION:
        match = pattern.search(clause)
        if match is None:
            continue
        first_at = min(first_at, match.start())
        value = Decimal(match.group(1))
        claims.append({
            "kind": kind, "key": key, "value": float(value),
            "unit": "%" if kind == "rate" else "个",
            "decimals": len(match.group(1).partition(".")[2]), "text": match.group().strip(),
        })
    if not any(c["key"] == "rectification.reported" for c in claims):
        return []
    subject = _subject(clause[:first_at])
    return [{**c, "subject": subject} for c in claims]


def _headcounts(clause: str) -> list[dict]:
    claims = []
    for key, pattern in _HEADCOUNTS:
        for match in pattern.finditer(clause):
            digits = next(g for g in match.groups() if g)
            claims.append({"kind": "count", "subject": match.group().strip(), "key": key,
                           "value": float(digits), "unit": "人", "decimals": 0,
                           "text": match.group().strip()})
    return claims


def _subject(prefix: str) -> str:
    """五届区委第十轮 from `其中，五届区委第十轮8家被巡察单位，`: the first phrase before the counts."""
    prefix = re.sub(r"^(?:其中|另外|此外)[，,]?", "", prefix.strip())
    return _SUBJECT_CUT.split(prefix, maxsplit=1)[0].strip()
