"""A sentence that states no period of its own but refers back to one ("Trong năm, có 1.244 hộ
thoát nghèo", "… tăng 5% so với cùng kỳ"): its figures take the period stated last in the
paragraph. Other sentences that state none leave the period null, as the conventions ask;
``Options(carry_periods=True)`` carries the paragraph's period to them all.

The back-references are the ``period_reference`` words of ``grammar_words.tsv``.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons
from ...model import Span
from ..rules import declare

REFERRED = declare(
    "statistics.period.referred", "Statistic.period",
    "the period stated last in the paragraph, for a sentence that refers back to it ('Trong năm, …', '… so với cùng kỳ')",
)


@lru_cache(maxsize=1)
def _reference() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(lexicons().grammar('period_reference'))})(?![\p{{L}}])")


def refers_back(text: str, sentence: Span) -> bool:
    """The sentence refers back to a period stated before it.

    >>> refers_back("Trong năm, có 1.244 hộ thoát nghèo.", Span(0, 35))
    True
    >>> refers_back("Huyện có 1.942 hộ cận nghèo.", Span(0, 28))
    False
    """
    return _reference().search(text, sentence.start, sentence.end) is not None
