"""Figures read together: the figures of one sentence, read one by one (:mod:`.figures`), then
decided as a group.

- Two figures of one kind joined by "đến", "tới" or a dash are one range, each written with its
  unit ("130.000 đồng đến 180.000 đồng", "từ 6 tháng đến 3 năm": value 6, value_max 36 months).
- "một" with a counted noun (not a post: "có một Phó Giám đốc" counts) is a quantity only in a list with other figures ("4 huy chương vàng,
  một huy chương đồng") or after a comparator ("hơn một người"); alone it is the indefinite
  article ("một người dân cho biết"), no figure.
- A count of times listed right after a multiple ("gấp 1,7 lần năm 2016 và 2,3 lần năm 2015") is a
  multiple too.
- A month count that labels the period of the sentence's other figures is none.
- A range right after "mua vào – bán ra" is the buying and the selling price: two figures.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons
from ...model import Span
from ..rules import Fired
from .figures import (
    BUY_SELL, DESCENDING_PAIR, EXCLUDE_INDEFINITE, EXCLUDE_INDEFINITE_PHRASE, EXCLUDE_ONE_PREPOSITION, LISTED_ONE, LISTED_TIMES, OCCURRENCES,
    RANGE_UNITS, TIMES, UNIT_SHARED, Figure,
    grammar_pattern, grammar_set, indefinite_predicate, note, patterns, period_labels, read_figures, rx,
)

# Units one range may mix, with the factor that turns the second into the first ("6 tháng đến 3 năm").
_CONVERSIONS: dict[tuple[str, str], float] = {
    ("tháng", "năm"): 12, ("tuần", "năm"): 52, ("ngày", "tuần"): 7, ("ngày", "tháng"): 30, ("phút", "giờ"): 60,
    ("giây", "phút"): 60, ("m", "km"): 1000, ("cm", "m"): 100, ("mm", "cm"): 10, ("mm", "m"): 1000,
    ("kg", "tấn"): 1000, ("kg", "tạ"): 100, ("tạ", "tấn"): 10, ("g", "kg"): 1000, ("gam", "kg"): 1000,
}


@lru_cache(maxsize=1)
def _range_join() -> regex.Pattern[str]:
    """Between the two figures of a range: a dash, or a range joiner of grammar_words.tsv with maybe
    a comparator allowed after it ("10 đến dưới 20")."""
    g = lexicons().grammar
    return regex.compile(rf"\s*(?:[-–~]|(?:{alternation(g('range_joiner'))})(?:\s+(?:{alternation(g('range_comparator'))}))?)\s*")


@lru_cache(maxsize=1)
def _list_gap() -> regex.Pattern[str]:
    """Between two items of a list: at most 40 characters ending with a comma or a list joiner."""
    return regex.compile(rf"[^.;:!?()\"“”]{{0,40}}?(?:,|(?<![\p{{L}}])(?:{alternation(lexicons().grammar('figure_list_joiner'))}))\s*")


def sentence_figures(text: str, sentence: Span, trace: list[Fired] | None = None, budget: list[int] | None = None) -> list[Figure]:
    """The figures of one sentence, in text order (see the module docstring)."""
    found = read_figures(text, sentence, trace, budget)
    if len(found) < 2 and not any(_indefinite_candidate(text, f) for f in found):
        return _buy_sell(text, found, sentence)
    found = _buy_sell(text, _ranges(text, found), sentence)
    found = _listed_times(text, found)
    found = _listed_ones(text, found, sentence, trace)
    return period_labels(text, found, sentence, trace)


@lru_cache(maxsize=1)
def _buy_sell_cue() -> regex.Pattern[str]:
    """"mua vào – bán ra", "mua vào/bán ra", "mua vào và bán ra" and the words up to the figure (no
    digit, no clause mark), unless a spread noun stands right before ("chênh lệch mua vào – bán ra")."""
    g = grammar_pattern
    return regex.compile(
        rf"(?i)(?<!(?:{g('spread_noun')})(?:\s+\p{{L}}+){{0,2}}\s+)(?<![\p{{L}}])(?:{g('buy_price')})\s*(?:[-–/]|\s(?:{g('and')})\s)\s*"
        rf"(?:{g('sell_price')})(?![\p{{L}}])[^\d;:()]{{0,50}}$"
    )


def _buy_sell(text: str, found: list[Figure], sentence: Span) -> list[Figure]:
    """A range right after a buying-selling cue ("mua vào – bán ra ở mức 36,16 – 36,38 triệu
    đồng/lượng") is two prices, each a figure with the unit written once after the second."""
    out: list[Figure] = []
    for fig in found:
        split = rx(r"[\d.,]*\d(?P<sep>\s*[-–]\s*)\d").match(text, fig.start, fig.end)
        rule = BUY_SELL if split is not None and _buy_sell_cue().search(text, max(sentence.start, fig.start - 90), fig.start) else None
        if rule is None and fig.value_max is not None and fig.kind in ("money", "percent") and fig.value > fig.value_max:
            split = rx(r"[\d.,]*\d(?:\s*%)?(?P<sep>\s*[-–]\s*)\d").match(text, fig.start, fig.end)  # "55% - 45%", "23.255 - 23.240 đồng"
            rule = DESCENDING_PAIR if split is not None else None
        if fig.value_max is None or split is None or rule is None:
            out.append(fig)
            continue
        first = replace(fig, end=split.start("sep"), value_max=None, rule=rule, unit_rule=UNIT_SHARED)
        out += [first, replace(fig, start=split.end("sep"), value=fig.value_max, value_max=None, rule=rule)]
    return out


def _factor(first: Figure, second: Figure) -> float | None:
    """What a value in ``second``'s unit is in ``first``'s, when one range may hold both."""
    if first.unit.lower() == second.unit.lower():
        return 1.0
    return _CONVERSIONS.get((first.unit, second.unit))


def _ranges(text: str, found: list[Figure]) -> list[Figure]:
    """"130.000 đồng đến 180.000 đồng", "12 năm đến 20 năm", "6 tháng đến 3 năm": one figure."""
    out: list[Figure] = []
    for fig in found:
        prev = out[-1] if out else None
        if prev is not None and prev.value_max is None and fig.value_max is None and prev.kind == fig.kind and prev.kind != "ratio":
            factor = _factor(prev, fig)
            if factor is not None and _range_join().fullmatch(text, prev.end, fig.start) and fig.value * factor >= prev.value:
                out[-1] = replace(prev, end=fig.end, value_max=fig.value * factor, rule=RANGE_UNITS)
                continue
        out.append(fig)
    return out


def _listed_times(text: str, found: list[Figure]) -> list[Figure]:
    """"gấp 1,7 lần năm 2016 và 2,3 lần năm 2015": a count of times listed right after a multiple
    (at most 40 characters between, ending with a comma or a list joiner) is a multiple too."""
    out: list[Figure] = []
    for fig in found:
        prev = out[-1] if out else None
        if fig.rule is OCCURRENCES and prev is not None and prev.kind == "ratio" and prev.rule in (TIMES, LISTED_TIMES):
            if _list_gap().fullmatch(text, prev.end, fig.start):
                fig = replace(fig, kind="ratio", rule=LISTED_TIMES)
        out.append(fig)
    return out


def _indefinite_candidate(text: str, fig: Figure) -> bool:
    if fig.kind != "count" or text[fig.start : fig.unit_start].strip().lower() != "một":
        return False
    nouns = lexicons().counted_nouns
    return "role" not in nouns.get(fig.unit, nouns.get(fig.unit.lower(), ""))  # "có một Phó Giám đốc": a post counted


def _listed_ones(text: str, found: list[Figure], sentence: Span, trace: list[Fired] | None) -> list[Figure]:
    """"một" with a counted noun: kept in a list with another figure or after a comparator, else dropped."""
    kept = []
    for index, fig in enumerate(found):
        if not _indefinite_candidate(text, fig):
            kept.append(fig)
        elif (_listed(text, found, index) or _after_comparator(text, fig, sentence, trace)) and not indefinite_predicate(text, fig, sentence):
            kept.append(replace(fig, rule=LISTED_ONE))
        elif _listed(text, found, index):
            note(trace, EXCLUDE_INDEFINITE_PHRASE, fig.start, fig.end)  # "là một người hiền lành, hai vợ chồng …"
        else:
            note(trace, EXCLUDE_INDEFINITE, fig.start, fig.end)
    return kept


def _after_comparator(text: str, fig: Figure, sentence: Span, trace: list[Fired] | None = None) -> bool:
    """A comparator right before the "một" ("hơn một tháng", "gần một nửa"); not a bare "đến"/"tới"
    (grammar_words.tsv one_preposition), a preposition there ("liên quan đến một vụ")."""
    comp = patterns().comparator_before.search(text, max(sentence.start, fig.start - 25), fig.start)
    if comp is None:
        return False
    if comp.group("c").lower() in grammar_set("one_preposition"):
        note(trace, EXCLUDE_ONE_PREPOSITION, fig.start, fig.end)
        return False
    return True


def _listed(text: str, found: list[Figure], index: int) -> bool:
    """A figure next to this one is an item of the same list: between them at most 40 characters
    with no stronger stop, ending with a comma, "và", "cùng" or "hoặc" and maybe a comparator
    ("một tàu, một xuồng và gần 400 cán bộ"; not "Một người dân cho biết, có 400 cán bộ")."""
    for other in (index - 1, index + 1):
        if not 0 <= other < len(found):
            continue
        gap = text[found[min(index, other)].end : found[max(index, other)].start]
        comp = patterns().comparator_before.search(gap)
        gap = gap[: comp.start("c")] if comp else gap
        if _list_gap().fullmatch(gap):
            return True
    return False
