"""Periods a figure refers to, read from the sentence and carried through its paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons
from ...model import Span
from ..rules import Rule, declare
from .figures import grammar_pattern

_YEAR = r"((?:19|20)\d{2})"
_DATE = r"\d{1,2}\s*/\s*\d{1,2}"
_SEP = r"\s*[/.\-–]\s*"  # between a month and its year: "tháng 3/2024", "tháng 12-2016", "tháng 8.2015"
_FULL_DATE = r"\d{1,2}[/.\-]\d{1,2}[/.\-]"  # a day and a month before a year: "4/7/2016", "9-7-2011"
_ANY_YEAR = regex.compile(_YEAR)


def _month() -> str:
    """A month or a quarter before a year: "tháng 3", "tháng 2-4" (a range of months), "quý I", "quý 2"."""
    g = grammar_pattern
    return rf"(?:(?:{g('month_noun')})\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}}(?=\s*/))?|(?:{g('quarter_noun')})\s+(?:[IV]+|\d))"


def _dated() -> str:
    """A day before a year: "ngày 4/7/2016", "31/12/2016", "đêm 9-7-2011"."""
    return rf"(?:(?:{grammar_pattern('day_noun')})\s+)?{_FULL_DATE}"


def _rules() -> tuple[tuple[str, str], ...]:
    """The period rules, by kind; every word comes from grammar_words.tsv."""
    g = grammar_pattern
    frm, join, day, year, month = g("range_start"), g("range_joiner"), g("day_noun"), g("year_noun"), _month()
    opening = rf"(?:(?:(?:{g('period_edge')})\s+)?(?:{year})\s+|{month}{_SEP})?{_YEAR}"  # "đầu năm 2024", "quý I/2024"
    day_month = r"(?:\d{1,2}\s*[/.\-]\s*){1,2}"  # "đến ngày 18/4/", "đến 31/12/"
    clock = rf"\d{{1,2}}\s+(?:{g('hour_noun')})\s+(?:\d{{1,2}}\s+)?(?:\p{{Ll}}+\s+)?"  # "17 giờ 30 phút"
    return (
        ("dates", rf"(?i)(?:{frm})\s+(?:(?:{day})\s+)?{_DATE}(?:\s*/\s*{_YEAR})?\s+(?:{join})\s+(?:(?:{g('through')})\s+)?(?:(?:{day})\s+)?{_DATE}\s*/\s*{_YEAR}"),
        ("span", rf"(?i)(?:{frm})\s+{opening}\s+(?:{join})\s+(?:(?:{g('period_end')})\s+)?(?:(?:{year})\s+|{month}{_SEP})?{_YEAR}"),
        ("month_span", rf"(?i)(?<![\p{{L}}])(?:{month}){_SEP}{_YEAR}\s*(?:[-–]|\s(?:{join})\s)\s*(?:(?:{g('month_noun')})\s+)?\d{{1,2}}{_SEP}{_YEAR}"),
        ("open", rf"(?i)(?:{frm})\s+{opening}\s+(?:{join})\s+(?:{g('present_time')})"),
        ("open", rf"(?i)(?:^|[,;]\s*)(?:{frm})\s+{opening}(?=\s*,)"),
        ("span", rf"(?i)(?:{g('span_label')}|(?:{g('crop_season')})(?:\s+\p{{Ll}}+){{0,3}})\s+{_YEAR}\s*[-–]\s*{_YEAR}"),
        ("from", _from_open()),
        ("until", rf"(?i)(?:(?:{g('as_of')})\s+)?(?:{join})\s+(?:(?:{g('period_end')})\s+(?=(?:{day})\s+\d))?"  # "đến hết ngày 31/12/2016"
                  rf"(?:(?:{g('period_end')})\s+|(?:{clock})?(?:(?:{day})\s+)?{day_month}|(?:{g('moment_noun')})\s+)?"
                  rf"(?:(?:{year})\s+|{month}{_SEP}|{month}\s+(?:{year})\s+)?{_YEAR}"),
        ("year", rf"(?i)(?:(?:(?:{g('period_edge')})\s+)?(?:{year})\s*|(?:{g('fiscal_year')})\s*|{month}{_SEP}|{month}\s+(?:{year})\s*|{_dated()}"
                 rf"|(?:{g('period_event')})(?:\s+\p{{Lu}}\p{{L}}*)?\s+){_YEAR}(?!\s*[-–]\s*\d)"),
    )


def _from_open() -> str:
    """"từ năm 2019", "kể từ ngày 18/7/2016", "từ tháng 7-2019", "từ 2015" with no end after it (no
    "đến …", no "- 2020"): the period starts then and stays open; not a range of months ("từ tháng
    2-4/2017": that year)."""
    g = grammar_pattern
    day, join = g("day_noun"), g("range_joiner")
    when = rf"(?:(?:{day})\s+)?{_FULL_DATE}|(?:{g('month_noun')})\s+\d{{1,2}}{_SEP}|(?:(?:{g('period_edge')})\s+)?(?:{g('year_noun')})\s+"
    return rf"(?i)(?<![\p{{L}}])(?:{g('range_start')})\s+(?:{when})?{_YEAR}(?![\d/])(?!\s*[-–]\s*\d)(?!\s+(?:{join})(?![\p{{L}}]))"


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return tuple((kind, regex.compile(p)) for kind, p in _rules())


@lru_cache(maxsize=1)
def _comparison() -> regex.Pattern[str]:
    """A year that is only the base of a comparison ("so với cùng kỳ năm 2023", "mức thấp nhất kể
    từ năm 2009") is no period."""
    g, lex = grammar_pattern, lexicons()
    compared = g("compared_with")
    base = alternation(lex.grammar("same_period") + lex.grammar("plan_target"))
    dated = rf"(?:(?:{g('moment_noun')})\s+)?{_dated()}"
    year = rf"(?:(?:(?:{g('period_edge')})\s+)?(?:{g('year_noun')})\s+|{_month()}{_SEP}|{dated})?(?:19|20)\d{{2}}"
    open_end = rf"(?!\d)(?!\s*[-–]\s*\d)(?!\s+(?:{g('range_joiner')})(?![\p{{L}}]))"
    since = rf"(?:{g('superlative')})(?![\p{{L}}])[^,;.:()]{{0,40}}?(?<![\p{{L}}])(?:{g('range_start')})\s+{year}{open_end}"
    return regex.compile(
        rf"(?i){since}"  # "mức thấp nhất kể từ năm 2009": the year a record is measured from, no period
        rf"|(?:{alternation(lex.grammar('compared_with') + lex.grammar('equivalent_to'))})\s+(?:(?:{base})\s+)?{year}"
        # "so với 6 tháng đầu năm 2016", "so với dịp Tết năm 2016": at most three words (no figure) before the base year
        rf"|(?:{compared})\s+(?:\d{{1,2}}\s+(?:{g('month_noun')}|{g('day_noun')})\s+)?(?:\p{{L}}+\s+){{0,3}}?(?:{g('year_noun')})\s+(?:19|20)\d{{2}}{open_end}"
        rf"|(?:{compared})\s+(?:{alternation(lex.grammar('same_period') + lex.grammar('last_year'))})(?:\s+(?:{g('year_noun')})\s+(?:19|20)\d{{2}})?"
        rf"|(?:{g('ratio_verb')})\s+[\d,.]+\s+(?:{g('times_noun')})\s+(?:(?:{compared})\s+)?(?:(?:{g('same_period')})\s+)?(?:(?:{g('year_noun')})\s+)?(?:19|20)\d{{2}}"
    )


@lru_cache(maxsize=1)
def _document_year() -> regex.Pattern[str]:
    """The year in the name of a law or act ("Bộ luật Hình sự năm 2015", "Luật Đất đai 2024")."""
    names = [p for p, k in lexicons().periods.items() if k == "document"]
    year = grammar_pattern("year_noun")
    word = r"(?:\p{L}+|\([^()]{1,20}\)|\d+)"  # "Luật BHXH", "Luật Bảo hiểm xã hội (BHXH)", "Nghị quyết 49"
    return regex.compile(rf"(?<!\p{{L}})(?i:{alternation(names)})\s+(?:\p{{Lu}}\p{{L}}*|\d+)(?:\s+{word}){{0,4}}?\s+(?:(?i:{year})\s+)?(?:19|20)\d{{2}}(?!\d)")


@lru_cache(maxsize=1)
def _not_period() -> regex.Pattern[str]:
    """Years that date no figure: a birth year after a name, a bracket or a comma ("Quỳnh (sinh năm
    1979", "Hồng sinh ngày 15-8-2000", "SN 1967"; not "phát sinh năm 2017") and the date of a
    numbered document ("Kết luận số 24-KL/TW ngày 5/6/2012")."""
    g = grammar_pattern
    birth = rf"(?:(?<=^|[(,;:]\s?)|(?-i:(?<=\p{{Lu}}\p{{Ll}}*\s)))(?:{g('birth')})\s+(?:(?:{g('year_noun')}|{g('day_noun')})\s+)?(?:{_FULL_DATE})?(?:19|20)\d{{2}}(?!\d)"
    document = rf"(?<![\p{{L}}])(?:{g('document_number')})\s+\S*\d\S*\s+{_dated()}(?:19|20)\d{{2}}(?!\d)"
    return regex.compile(rf"(?i){birth}|{document}")


@lru_cache(maxsize=1)
def _reset_marker() -> regex.Pattern[str]:
    markers = [p for p, k in lexicons().periods.items() if k in ("present", "recurring")]
    return regex.compile(rf"(?i)^\W*(?:{alternation(markers)})\b")


@lru_cache(maxsize=1)
def _present_marker() -> regex.Pattern[str]:
    markers = [p for p, k in lexicons().periods.items() if k == "present"]
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(markers)})(?![\p{{L}}])")


YearSpan = tuple[int | None, int | None]


@lru_cache(maxsize=1)
def _own_gap() -> regex.Pattern[str]:
    """Between a figure and the period stated right after it: maybe a preposition ("trong năm 2023")."""
    return regex.compile(rf"\s*(?:(?:{grammar_pattern('period_preposition')})\s+)?$")


AFTER_FIGURE = declare("statistics.period.after_figure", "Statistic.period", "a period stated right after the figure ('… 5.684 hộ năm 2023')")
BEFORE_FIGURE = declare("statistics.period.before_figure", "Statistic.period", "the nearest period stated before the figure in its sentence")
LATER_IN_CLAUSE = declare("statistics.period.later_in_clause", "Statistic.period", "a period stated later in the figure's clause")
BRACKETED = declare("statistics.period.bracketed", "Statistic.period", "a period in brackets right after the figure ('tăng từ 19,4% (năm 2009) lên …')")
FROM_OPEN = declare("statistics.period.from_open", "Statistic.period",
                    "'từ năm 2019', 'kể từ ngày 18/7/2016' with no end stated: a period open at its end (2019, null)")
MONTH_SPAN = declare("statistics.period.month_span", "Statistic.period",
                     "'tháng 10/2011 - 7/2012', 'tháng 4/2017 đến tháng 3/2018': a range of months across years, with no 'từ' "
                     "before it, is one period from the first year to the last (2011, 2012), not a year and an open end")
CARRIED = declare("statistics.period.carried", "Statistic.period", "the period stated last in the paragraph, carried to a sentence that states none")


@dataclass(frozen=True, slots=True)
class Stated:
    """A period stated at ``[start, end)`` of the document text."""

    start: int
    end: int
    years: YearSpan
    rule: Rule | None = None  # the named rule that read it, when one did (statistics.period.from_open)


def _years(kind: str, match: regex.Match[str]) -> YearSpan:
    years = [int(g) for g in match.groups() if g]
    if kind in ("span", "dates", "month_span"):
        return years[0], years[-1]
    if kind in ("open", "from"):
        return years[0], None
    if kind == "until":
        return None, years[0]
    return years[0], years[0]


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[Stated]:
    """Every period stated in ``text[start:end]`` (one sentence), in text order, with offsets into
    ``text``; a comparison base ("so với cùng kỳ năm 2023") is none.

    >>> [p.years for p in find_periods("Tính từ năm 2016 đến  năm 2020, huyện đã ...")]
    [(2016, 2020)]
    >>> [(p.start, p.years) for p in find_periods("tăng từ 57,5% năm 2015 lên 63,6% năm 2023 so với năm 2010")]
    [(14, (2015, 2015)), (33, (2023, 2023))]
    >>> [p.years for p in find_periods("Từ năm 2003 đến nay; tính đến năm 2020; Năm 2021, tỉnh")]
    [(2003, None), (None, 2020), (2021, 2021)]
    >>> [p.years for p in find_periods("từ đầu năm 2024 đến nay, vụ đông xuân 2023-2024, quý I/2024")]
    [(2024, None), (2023, 2024), (2024, 2024)]
    >>> [p.years for p in find_periods("tính đến hết năm 2023, tăng 5% so với cùng kỳ năm 2023")]
    [(None, 2023)]
    >>> [p.years for p in find_periods("Ngày 12/11/2016, tháng 12-2016, Hùng (sinh năm 1979), Luật BHXH năm 2014")]
    [(2016, 2016), (2016, 2016)]
    """
    end = len(text) if end is None else end
    if not _ANY_YEAR.search(text, start, end):
        return []  # every rule reads a year
    sentence = text[start:end]
    blanked = _comparison().sub(lambda m: " " * len(m.group(0)), sentence)
    blanked = _document_year().sub(lambda m: " " * len(m.group(0)), blanked)
    blanked = _not_period().sub(lambda m: " " * len(m.group(0)), blanked)
    found: list[Stated] = []
    for kind, pattern in _compiled():
        for match in pattern.finditer(blanked):
            if all(match.end() <= f.start - start or match.start() >= f.end - start for f in found):
                found.append(Stated(start + match.start(), start + match.end(), _years(kind, match), _KIND_RULES.get(kind)))
    return sorted(found, key=lambda f: f.start)


_KIND_RULES = {"from": FROM_OPEN, "month_span": MONTH_SPAN}  # the named rules that read a period themselves
_BRACKET = regex.compile(r"\([^()]*\)")
_BRACKET_END = regex.compile(r"\s*\)")


@lru_cache(maxsize=1)
def _period_lead() -> regex.Pattern[str]:
    """Words that may open a bracket before the period it holds: "(tính từ …", "(từ nay đến …"."""
    g = grammar_pattern
    words = "|".join(g(c) for c in ("as_of", "range_start", "present_time", "range_joiner", "period_preposition", "period_end"))
    return regex.compile(rf"(?i)\s*(?:(?:{words})\s+)*")


@lru_cache(maxsize=1)
def _bracket_gap() -> regex.Pattern[str]:
    """Between a figure and a period in the bracket right after it: "19,4% (năm 2009)"."""
    return regex.compile(rf"\s*\(\s*(?:(?:{grammar_pattern('period_preposition')})\s+)?$")


@lru_cache(maxsize=1)
def _apposed_age() -> regex.Pattern[str]:
    """An age between brackets or commas: "(73 tuổi,", ", 47 tuổi,"."""
    return regex.compile(rf"(?i).?[(,]\s?[^()]*?(?<![\p{{L}}])(?:{grammar_pattern('age')})\s?[,);].?", regex.DOTALL)


@dataclass
class PeriodTracker:
    """The period of each figure: one stated right after it, else the nearest stated before it
    in its sentence, else one later in its clause, else the one carried through the paragraph."""

    block: int = -1
    current: Stated | None = None
    text: str = ""
    sentence: Span = Span(0, 0)
    stated: list[Stated] = field(default_factory=list)
    brackets: list[tuple[int, int]] = field(default_factory=list)

    def read(self, text: str, sentence: Span, block: int) -> Stated | None:
        """Read one sentence; return the period carried into it."""
        if block != self.block:
            self.block, self.current = block, None
        self.text, self.sentence = text, sentence
        self.stated = find_periods(text, sentence.start, sentence.end)
        self.brackets = [m.span() for m in _BRACKET.finditer(text, sentence.start, sentence.end) if not self._only_period(*m.span())] if self.stated else []
        carried = self.current
        if self.stated:
            self.current = self.stated[-1]
        elif _reset_marker().search(text[sentence.start : sentence.end]):
            self.current = carried = None
        return carried

    def period_at(self, start: int, end: int, carried: Stated | None) -> tuple[Stated, Rule] | None:
        """The period of the figure at ``[start, end)`` of the last sentence read, and how it was found.
        A person's age set off by brackets or commas ("Frank de Boer, 47 tuổi, bị …") has none; a
        period in brackets with other words dates only the figures in the same brackets, or the
        figure right before them ("27 dự án (năm 2016 là 21 dự án)": 27 has none)."""
        if _apposed_age().fullmatch(self.text, max(self.sentence.start, start - 2), min(self.sentence.end, end + 2)):
            return None
        own = self._bracket(start)
        stated = [s for s in self.stated if self._bracket(s.start) in (None, own)]
        for s in stated:
            if s.start >= end and _own_gap().match(self.text[end : s.start]):
                return s, AFTER_FIGURE
        bracketed = self._bracketed_after(end)
        if bracketed is not None:
            return bracketed, BRACKETED
        before = [s for s in stated if s.end <= start]
        if before:
            return None if self._present_between(before[-1].end, start) else (before[-1], BEFORE_FIGURE)
        for s in stated:
            if s.start >= end and ";" not in self.text[end : s.start]:
                return s, LATER_IN_CLAUSE
        if carried is None or self._present_between(self.sentence.start, start):
            return None
        return carried, CARRIED

    def _bracketed_after(self, end: int) -> Stated | None:
        """A period alone in the bracket right after the figure: "19,4% (năm 2009)"."""
        for s in self.stated:
            if s.start >= end and _bracket_gap().match(self.text, end, s.start) and _BRACKET_END.match(self.text, s.end):
                return s
        return None

    def _only_period(self, start: int, end: int) -> bool:
        """The bracket holds a period and nothing else ("(từ tháng 3-5/2017)", "(6/2/1958)", "(từ nay
        đến năm 2021)"): it dates its clause."""
        return any(s.start > start and s.end < end and _period_lead().fullmatch(self.text, start + 1, s.start) and not self.text[s.end : end - 1].strip(" ,")
                   for s in self.stated)

    def _bracket(self, pos: int) -> tuple[int, int] | None:
        return next((b for b in self.brackets if b[0] < pos < b[1]), None)

    def _present_between(self, start: int, end: int) -> bool:
        """A present marker ("đến nay", "hiện nay") between a stated period and the figure: the
        figure is a current state ("giai đoạn 2021-2025, tuy nhiên đến nay mới có 7 dự án")."""
        return any(
            all(m.end() <= s.start or m.start() >= s.end for s in self.stated)
            for m in _present_marker().finditer(self.text, start, end)
        )
