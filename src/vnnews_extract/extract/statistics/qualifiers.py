"""Comparator and change of a figure: the words around it that bound it or make it a change.

Both come from lexicons (comparators.tsv, change_words.tsv, function_words.tsv "comparative") and
are returned with the span of the words that decided them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons
from ...model import Span
from ..rules import Rule, declare
from .figures import Figure, function_words_of, patterns

COMPARATOR_BEFORE = declare("statistics.comparator.before", "Statistic.comparator", "a comparator of comparators.tsv right before the figure: 'hơn', 'khoảng', 'dưới'")
COMPARATOR_AFTER = declare("statistics.comparator.after", "Statistic.comparator", "'trở lên', 'trở xuống' right after the figure, at the end of its clause or after 'từ'")
DIFFERENCE = declare("statistics.comparator.difference", "Statistic.comparator", "'cao hơn 0,6 tấn/ha so với …': after a comparative adjective the figure is the difference (eq)")
CHANGE_VERB = declare("statistics.change.verb", "Statistic.change", "a change verb of change_words.tsv before the figure: 'tăng 5%', 'giảm 120 hộ'")
CHANGE_SIGN = declare("statistics.change.sign", "Statistic.change", "a signed figure in brackets: '(-0,20%)', '(+3,1%)'")


@dataclass(frozen=True, slots=True)
class Decided:
    """A value decided by the words at ``[start, end)``, and the rule that read them."""

    value: str
    start: int
    end: int
    rule: Rule


@lru_cache(maxsize=1)
def _comparator_after() -> regex.Pattern[str]:
    after = [p for p, (_, pos) in lexicons().comparators.items() if pos == "after"]
    return regex.compile(rf"(?i)\s*(?P<c>{alternation(after)})(?![\p{{L}}\p{{N}}])")


@lru_cache(maxsize=1)
def _change_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?P<v>{alternation(lexicons().change_words)})\s*$")


def comparator(text: str, fig: Figure, sentence: Span) -> Decided | None:
    """The comparator of a figure (None: "eq" with nothing that says so)."""
    window = max(sentence.start, fig.start - 25)
    before = text[window : fig.start]
    after = _comparator_after().match(text, fig.end, sentence.end)
    if after:
        value = lexicons().comparators[after.group("c").lower()][0]
        if regex.search(r"(?i)(?:^|\s)từ\s*$", before) or _tail_of_clause(text, after.end(), sentence):
            return Decided(value, after.start("c"), after.end("c"), COMPARATOR_AFTER)
    match = patterns().comparator_before.search(before)
    if not match:
        return None
    value = lexicons().comparators[" ".join(match.group("c").lower().split())][0]
    start, end = window + match.start("c"), window + match.end("c")
    if value == "gt" and _difference(text, fig, before[: match.start("c")], sentence):
        return Decided("eq", start, end, DIFFERENCE)
    return Decided(value, start, end, COMPARATOR_BEFORE)


def _difference(text: str, fig: Figure, before: str, sentence: Span) -> bool:
    """"cao hơn 0,6 tấn/ha so với bình quân": after a comparative adjective and before the base
    of the comparison, the figure is the difference itself, not a lower bound."""
    last = before.split()[-1].lower() if before.split() else ""
    if last not in function_words_of("comparative"):
        return False
    return regex.match(r"(?i)(?:/\p{L}+)*\s*,?\s*so\s+với\s", text[fig.end : sentence.end]) is not None


def _tail_of_clause(text: str, pos: int, sentence: Span) -> bool:
    return regex.match(r"\s*(?:[,;.)]|$)", text[pos : sentence.end]) is not None


def change(text: str, fig: Figure, sentence: Span) -> Decided | None:
    """Increase or decrease when the figure is the amount of a change."""
    window = max(sentence.start, fig.start - 40)
    before = text[window : fig.start]
    comp = patterns().comparator_before.search(before)
    if comp:
        before = before[: comp.start("c")]
    match = _change_before().search(before)
    if match:
        direction = lexicons().change_words[" ".join(match.group("v").lower().split())]
        return Decided(direction, window + match.start("v"), window + match.end("v"), CHANGE_VERB)
    sign = regex.search(r"\(\s*([-–+])\s*$", before)
    if sign:
        return Decided("increase" if sign.group(1) == "+" else "decrease", window + sign.start(1), window + sign.end(1), CHANGE_SIGN)
    return None
