"""Periods a figure refers to, read from the sentence and carried through its paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..lexicons import alternation, lexicons
from ..model import Span

_YEAR = r"((?:19|20)\d{2})"
_RULES: tuple[tuple[str, str], ...] = (
    ("span", rf"(?i)từ\s+(?:năm\s+)?{_YEAR}\s+(?:đến|tới)\s+(?:năm\s+)?{_YEAR}"),
    ("open", rf"(?i)từ\s+(?:năm\s+)?{_YEAR}\s+(?:đến|tới)\s+nay"),
    ("span", rf"(?i)(?:giai đoạn|thời kỳ|nhiệm kỳ|năm học|niên khóa|trong|năm|mùa vụ)\s+{_YEAR}\s*[-–]\s*{_YEAR}"),
    ("until", rf"(?i)(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+){_YEAR}"),
    ("year", rf"(?i)(?:năm|đầu năm|cuối năm|tài khóa)\s+{_YEAR}(?!\s*[-–]\s*\d)"),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return tuple((kind, regex.compile(p)) for kind, p in _RULES)


@lru_cache(maxsize=1)
def _reset_marker() -> regex.Pattern[str]:
    markers = [p for p, k in lexicons().periods.items() if k in ("present", "recurring")]
    return regex.compile(rf"(?i)^\W*(?:{alternation(markers)})\b")


def find_period(sentence: str) -> tuple[int | None, int | None] | None:
    """The period a sentence states, as (start year, end year).

    >>> find_period("Tính từ năm 2016 đến  năm 2020, huyện đã ...")
    (2016, 2020)
    >>> find_period("Từ năm 2003 đến nay"), find_period("tính đến năm 2020"), find_period("Năm 2021, tỉnh")
    ((2003, None), (None, 2020), (2021, 2021))
    """
    for kind, pattern in _compiled():
        match = pattern.search(sentence)
        if not match:
            continue
        years = [int(g) for g in match.groups()]
        if kind == "span":
            return years[0], years[1]
        if kind == "open":
            return years[0], None
        if kind == "until":
            return None, years[0]
        return years[0], years[0]
    return None


@dataclass
class PeriodTracker:
    """Carries a stated period to the following sentences of the same paragraph."""

    block: int = -1
    current: tuple[int | None, int | None] | None = None
    history: list[int] = field(default_factory=list)

    def period_for(self, text: str, sentence: Span, block: int) -> tuple[int | None, int | None] | None:
        if block != self.block:
            self.block, self.current = block, None
        sentence_text = text[sentence.start : sentence.end]
        stated = find_period(sentence_text)
        if stated:
            self.current = stated
        elif _reset_marker().search(sentence_text):
            self.current = None
        return self.current
