"""Cleaning text the way the forms need it: labels compare equal however they were typed.

`公共财\n政拨款`, `姓  名`, `“三公”经费合计` and `（元）` all turn into comparable keys
(FAILURE_MODES F4, F5); display text keeps its punctuation and loses only the
line breaks and padding a layout added.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")
HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
SUBHEADING = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十\d]+\s*[)）]")
_MAX_IN_LABEL = re.compile(r"^(?P<name>.*?)[(](?P<max>\d+(?:\.\d+)?)分[)]$")


def squash(text: str | None) -> str:
    """Remove every kind of space and line break: right for CJK labels and cells."""
    return _SPACE.sub("", text or "")


@lru_cache(maxsize=8192)  # the same few hundred cell texts are compared thousands of times
def label_key(text: str | None) -> str:
    """A label's comparison key: NFKC, no spaces or breaks, no quotes, no trailing colon."""
    key = squash(unicodedata.normalize("NFKC", text or "")).translate(_QUOTES)
    return key.rstrip(":")


def display(text: str | None) -> str:
    """Cell text for people: NFKC-free, lines joined, padding gone, inner CJK spacing closed."""
    lines = [line.strip(" \t\u3000") for line in (text or "").splitlines()]
    joined = "".join(line for line in lines if line)
    return re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])", "", joined)


def is_blank(text: str | None) -> bool:
    return not squash(text)


def split_max(label: str) -> tuple[str, str | None]:
    """`投  入\n（15分）` → (`投入`, `15`); a label without a maximum → (label, None)."""
    key = squash(unicodedata.normalize("NFKC", label or ""))
    match = _MAX_IN_LABEL.match(key)
    if not match:
        return display(label), None
    return match["name"], match["max"]
