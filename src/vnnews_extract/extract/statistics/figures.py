"""Statistics: figures with their kind, value, unit, comparator, change, subject and period.

Rules work on characters of one sentence at a time (regex over the normalised text) and are
driven by lexicons: units, counted nouns, comparators, contexts that make a number no figure
(dates, document numbers, roads, sessions, ordinals) and the words that delimit a subject.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons, read_table
from ...model import Document, Span
from ...text.numbers import (
    FRACTION_WORD_PATTERN,
    MULTIPLIER_PATTERN,
    NUMBER_PATTERN,
    NUMBER_WORD_PATTERN,
    multiplier,
    parse_fraction_words,
    parse_number,
    parse_number_words,
)
from ...records import Evidence, Period, Statistic
from . import subjects
from .periods import PeriodTracker
from .scope import article_place, scope_of, sentence_scope

POS_BUDGET_CHARS = 8_000  # characters of figure sentences POS-tagged per article (a few seconds at most)
_B = r"(?![\p{L}\p{N}])"  # right word boundary
_NUMBER = rf"(?:\d{{1,3}}(?: \d{{3}})+(?![\d,.])|{NUMBER_PATTERN})"
_TIME_UNITS = frozenset({"năm", "tháng", "tuần", "ngày", "quý", "giờ", "phút"})


@dataclass(frozen=True)
class _Patterns:
    figure: regex.Pattern[str]
    unit: regex.Pattern[str]
    noun: regex.Pattern[str]
    before_block: regex.Pattern[str]
    comparator_before: regex.Pattern[str]
    comparator_after: regex.Pattern[str]
    change_before: regex.Pattern[str]
    after_block: regex.Pattern[str]
    after_time: regex.Pattern[str]
    before_clock: regex.Pattern[str]
    after_clock: regex.Pattern[str]
    label_verb: regex.Pattern[str]
    times_before: regex.Pattern[str]
    chain: regex.Pattern[str]


@lru_cache(maxsize=1)
def _contexts() -> dict[str, tuple[str, ...]]:
    """non_figure_contexts.tsv and time_contexts.tsv, grouped by position."""
    groups: dict[str, list[str]] = {}
    for name in ("non_figure_contexts.tsv", "time_contexts.tsv"):
        for phrase, position in read_table(name)[1]:
            groups.setdefault(position, []).append(phrase)
    return {k: tuple(v) for k, v in groups.items()}


@lru_cache(maxsize=1)
def function_words() -> dict[str, str]:
    """Words that are never a counted noun, with their senses (function, aux, times, comparative)."""
    return {row[0]: row[1] for row in read_table("function_words.tsv")[1]}


def function_words_of(sense: str) -> tuple[str, ...]:
    """The function words that have ``sense`` among their comma-separated senses."""
    return tuple(w for w, k in function_words().items() if sense in k.split(","))


def _figure_pattern() -> regex.Pattern[str]:
    words = rf"(?i:{FRACTION_WORD_PATTERN}|{NUMBER_WORD_PATTERN}){_B}"
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}/.,:])(?<![\p{{L}}\p{{N}}][\-+])(?P<num>{_NUMBER}|{words})"
        rf"(?:(?:\s?%)?(?P<sep>\s*[-–]\s*|\s+(?:đến|tới)\s+)(?P<num2>{_NUMBER}){_B})?"
        rf"(?:\s+(?P<mult>{MULTIPLIER_PATTERN}){_B}(?P<half>\s+rưỡi{_B})?)?",
        regex.V1,
    )


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    lex, ctx = lexicons(), _contexts()
    comps = lex.comparators
    before = [p for p, (_, pos) in comps.items() if pos == "before"]
    after = [p for p, (_, pos) in comps.items() if pos == "after"]
    aux = alternation(function_words_of("aux"))
    return _Patterns(
        figure=_figure_pattern(),
        unit=regex.compile(rf"(?:\s?(?P<u>%o(?!\p{{L}})|‰|%)|\s+(?P<u2>{alternation(lex.units)}){_B})"),
        noun=regex.compile(rf"(?i)\s+(?P<n>{alternation(lex.counted_nouns)}){_B}"),
        before_block=regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?:{alternation(lex.non_figure_before)})\s*$"),
        comparator_before=regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?P<c>{alternation(before)})\s*$"),
        comparator_after=regex.compile(rf"(?i)\s*(?P<c>{alternation(after)}){_B}"),
        change_before=regex.compile(r"(?i)(?:^|[^\p{L}])(?P<v>tăng trưởng|tăng thêm|tăng|giảm bớt|giảm)\s*$"),
        after_block=regex.compile(
            rf"(?i)\s*(?:(?:{alternation(ctx['after'])}){_B}|(?:{alternation(ctx['after_clause'])})(?=\s*(?:[,.;:)]|$|(?:{aux}){_B})))"
        ),
        after_time=regex.compile(rf"(?i)\s*(?:(?:{alternation(ctx['after_time'])}){_B}|/\d)"),
        before_clock=regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?:{alternation(ctx['before_clock'])})\s*$"),
        after_clock=regex.compile(rf"(?i)\s*(?:\d|(?:(?:{alternation(ctx['after_clock'])})\s+)?ngày\s+\d|(?:{alternation(ctx['after_clock'])}){_B})"),
        label_verb=regex.compile(rf"(?i)\s+(?:{alternation(w for w, k in lex.subject_words.items() if 'base' in k.split(','))}){_B}"),
        times_before=regex.compile(
            rf"(?i)(?:^|[^\p{{L}}])(?:{alternation(function_words_of('times'))})\s+(?:\S+\s+)?$"
        ),
        chain=regex.compile(rf"(?:\s*(?:,|và)\s*{_NUMBER})+(?:\s+(?P<mult>{MULTIPLIER_PATTERN}){_B})?"),
    )


@dataclass
class _Figure:
    start: int
    end: int
    kind: str
    value: float
    value_max: float | None
    unit: str


def _value(raw: str) -> float | None:
    if raw[0].isdigit():
        return parse_number(raw)
    return parse_number_words(raw)


def _read_unit(text: str, pos: int, end: int) -> tuple[str, str, int, float] | None:
    """(kind, unit, end offset, factor) of the longest unit or counted noun at ``pos``."""
    p, lex = patterns(), lexicons()
    unit = p.unit.match(text, pos, end)
    noun = p.noun.match(text, pos, end)
    if noun and (not unit or noun.end() > unit.end() or (noun.end() == unit.end() and _modified(text, unit, end))):
        return "count", noun.group("n"), noun.end(), 1.0
    if unit:
        surface = unit.group("u") or unit.group("u2")
        kind, canonical, factor = lex.units.get(surface, ("percent", surface, 1.0))
        return kind, canonical, unit.end(), factor
    return None


def _modified(text: str, unit: regex.Match[str], end: int) -> bool:
    """A lower-case content word follows: a word that is both a measure unit and a counted noun
    is the noun ("215 điểm sạt lở", against "28 điểm")."""
    if lexicons().units.get(unit.group("u2") or "", ("",))[0] != "measure":
        return False
    match = regex.match(r"\s+(\p{Ll}+)(?![\p{L}\p{N}])", text[unit.end() : end])
    return bool(match) and match.group(1) not in function_words() and match.group(1) not in lexicons().units


def _fallback_noun(text: str, pos: int, end: int) -> tuple[str, str, int, float] | None:
    """A lower-case word after a whole number that is no function word: the counted noun.

    Not after a capitalised word: "Quân đội 108 cử", "Trung ương 4 khóa" are names.
    """
    match = regex.match(r"\s+(\p{Ll}+)(?![\p{L}\p{N}])", text[pos:end])
    if not match or match.group(1) in function_words():
        return None
    if _after_name(text[max(0, pos - 40) : pos]):
        return None
    return "count", match.group(1), pos + match.end(), 1.0


def _after_name(before: str) -> bool:
    """The number ends a name: a capitalised word one or two words back, joined by no function word."""
    words = regex.findall(r"[\p{L}\p{N}.,]+|[^\s\p{L}\p{N}]", before)[:-1][-2:]
    if not words or words[-1] in function_words():
        return False
    return any(w[:1].isupper() for w in words)


def _blocked_before(text: str, start: int, sentence: Span) -> bool:
    """Dates, documents, roads, ordinals, grades, sessions: the words before say no figure."""
    before = text[max(sentence.start, start - 30) : start]
    if patterns().before_block.search(before):
        return True
    return bool(regex.search(r"(?i)(?:^|\s)(?:cả|hai bên)\s*$", before))


def _blocked_digits(text: str, end: int, sentence: Span) -> bool:
    """Digits glued to a date, time, code or name ("8/7", "14:30", "7h30", "COVID-19")."""
    return regex.match(r"[/:]\s?\d|/\p{L}|h\d|-\p{L}", text[end : min(sentence.end, end + 3)]) is not None


def _blocked_unit(text: str, fig: _Figure, sentence: Span) -> bool:
    """Back-references, product grades, reporting-period labels, relative times, clock times."""
    p = patterns()
    if p.after_block.match(text, fig.end, sentence.end):
        return True
    if fig.unit not in _TIME_UNITS:
        return False
    if p.after_time.match(text, fig.end, sentence.end):
        return True
    before = text[sentence.start : fig.start]
    if regex.fullmatch(r"(?i)\W*(?:trong\s+)?", before) and regex.match(r"\s*,", text[fig.end : sentence.end]):
        return True
    if fig.unit == "giờ" and (p.after_clock.match(text, fig.end, sentence.end) or p.before_clock.search(before)):
        return True
    return fig.unit == "ngày" and regex.match(r"\s+\d{1,2}(?:/\d|\s+tháng)", text[fig.end : sentence.end]) is not None


def _figures(text: str, sentence: Span) -> list[_Figure]:
    found = []
    for match in patterns().figure.finditer(text, sentence.start, sentence.end):
        fig = _figure(text, match, sentence)
        if fig and not _blocked_unit(text, fig, sentence):
            found.append(fig)
    if len(found) < 2:
        return found
    return [f for f in found if not _period_label(text, f, sentence)]


def _period_label(text: str, fig: _Figure, sentence: Span) -> bool:
    """A month count that labels the reporting period of the sentence's other figures: "… 350
    triệu lượt khách trong 9 tháng", "Sản lượng khai thác 9 tháng đạt 205.000 tấn"."""
    if fig.unit != "tháng" or fig.value_max is not None:
        return False
    before = text[max(sentence.start, fig.start - 25) : fig.start]
    if patterns().comparator_before.search(before):
        return False
    if patterns().label_verb.match(text, fig.end, sentence.end):
        return True
    closes = regex.match(r"\s*(?:[,.;:)\"”]|$)", text[fig.end : sentence.end]) is not None
    return closes and regex.search(r"(?i)(?:^|\s)trong\s+$", before) is not None


def _figure(text: str, match: regex.Match[str], sentence: Span) -> _Figure | None:
    raw = match.group("num")
    if _blocked_before(text, match.start(), sentence) and not _grouped_quantity(text, match, sentence):
        return None
    if raw[0].isdigit():
        ratio = _ratio(text, match, sentence)
        if ratio or _blocked_digits(text, match.end("num"), sentence):
            return ratio
    elif parse_fraction_words(raw) is not None:
        return _word_fraction(text, match, sentence)
    unit = _unit_of(text, match, sentence)
    if unit is None:
        return None
    kind, unit_name, unit_end, factor = unit
    return _build(text, match, (kind, unit_name, unit_end, factor), sentence)


def _unit_of(text: str, match: regex.Match[str], sentence: Span) -> tuple[str, str, int, float] | None:
    """The unit or counted noun of a figure; number words take only lexicon nouns and units."""
    raw = match.group("num")
    unit = _read_unit(text, match.end(), sentence.end)
    if raw[0].isdigit():
        if unit is None and not match.group("num2") and regex.fullmatch(r"\d+|\d{1,3}(?:\.\d{3})+", raw) and not _looks_like_year(raw):
            unit = _fallback_noun(text, match.end(), sentence.end)
        return unit or _respectively(text, match, sentence)
    if unit is None or (raw.lower() in ("một", "năm") and unit[0] != "count"):
        return None
    return unit


def _grouped_quantity(text: str, match: regex.Match[str], sentence: Span) -> bool:
    """A number with thousands groups and a unit or counted noun ("tổng số 5.980 nhân khẩu", "vé
    tháng 200.000 đồng") is a quantity, whatever word stands before it: no date, document,
    grade or road number is written "5.980"."""
    if not regex.fullmatch(r"\d{1,3}(?:\.\d{3})+", match.group("num")) or match.group("num2"):
        return False
    return _read_unit(text, match.end(), sentence.end) is not None


def _looks_like_year(raw: str) -> bool:
    return len(raw) == 4 and 1900 <= int(raw) <= 2100


def _respectively(text: str, match: regex.Match[str], sentence: Span) -> tuple[str, str, int, float] | None:
    """"lần lượt là 60, 75 USD/m2": the first numbers of a list share the unit of the last."""
    if match.group("num2") or match.group("mult"):
        return None
    if not regex.search(r"(?i)lần lượt", text[max(sentence.start, match.start() - 40) : match.start()]):
        return None
    chain = patterns().chain.match(text, match.end(), sentence.end)
    unit = _read_unit(text, chain.end(), sentence.end) if chain else None
    if not chain or unit is None:
        return None
    return unit[0], unit[1], match.end("num"), unit[3] * multiplier(chain.group("mult"))


def _build(text: str, match: regex.Match[str], unit: tuple[str, str, int, float], sentence: Span) -> _Figure | None:
    kind, unit_name, end, factor = unit
    value = _value(match.group("num"))
    if value is None:
        return None
    half = regex.match(r"\s+rưỡi(?![\p{L}\p{N}])", text[end : sentence.end]) if not match.group("mult") else None
    if half or match.group("half"):
        value += 0.5
        end += half.end() if half else 0
    factor *= multiplier(match.group("mult"))
    value_max = _value(match.group("num2")) if match.group("num2") else None
    if value_max is not None and match.group("sep").strip() in "-–" and _years(value, value_max):
        return None
    if kind == "ratio" and not patterns().times_before.search(text[max(sentence.start, match.start() - 20) : match.start()]):
        kind = "count"
    return _Figure(match.start(), end, kind, value * factor, value_max * factor if value_max is not None else None, unit_name)


def _years(a: float, b: float) -> bool:
    return 1900 <= a <= 2100 and 1900 <= b <= 2100


def _ratio(text: str, match: regex.Match[str], sentence: Span) -> _Figure | None:
    """"3/5 xã", "2/3 số hộ": a fraction followed by a counted noun."""
    m = regex.match(r"/(\d{1,3})(?![\d/])(?:\s+số(?=\s))?", text[match.end("num") : sentence.end])
    if not m or match.group("num2") or not match.group("num").isdigit():
        return None
    numerator, denominator = int(match.group("num")), int(m.group(1))
    if denominator == 0 or numerator > denominator:
        return None
    pos = match.end("num") + m.end()
    noun = _read_unit(text, pos, sentence.end) or _fallback_noun(text, pos, sentence.end)
    if not noun or noun[0] != "count":
        return None
    return _Figure(match.start(), noun[2], "ratio", numerator / denominator, None, noun[1])


def _word_fraction(text: str, match: regex.Match[str], sentence: Span) -> _Figure | None:
    """"một nửa số hộ", "hai phần ba số đại biểu"."""
    value = parse_fraction_words(match.group("num"))
    m = regex.match(r"\s+số(?=\s)", text[match.end("num") : sentence.end])
    if value is None or not m:
        return None
    noun = _read_unit(text, match.end("num") + m.end(), sentence.end)
    if not noun or noun[0] != "count":
        return None
    return _Figure(match.start(), noun[2], "ratio", value, None, noun[1])


def _comparator(text: str, fig: _Figure, sentence: Span) -> str:
    p = patterns()
    before = text[max(sentence.start, fig.start - 25) : fig.start]
    after_match = p.comparator_after.match(text, fig.end, sentence.end)
    if after_match:
        comparator = lexicons().comparators[after_match.group("c").lower()][0]
        if regex.search(r"(?i)(?:^|\s)từ\s*$", before) or _tail_of_clause(text, after_match.end(), sentence):
            return comparator
    match = p.comparator_before.search(before)
    if not match:
        return "eq"
    comparator = lexicons().comparators[" ".join(match.group("c").lower().split())][0]
    if comparator == "gt" and _difference(text, fig, before[: match.start("c")], sentence):
        return "eq"
    return comparator


def _difference(text: str, fig: _Figure, before: str, sentence: Span) -> bool:
    """"cao hơn 0,6 tấn/ha so với bình quân": after a comparative adjective and before the base
    of the comparison, the figure is the difference itself, not a lower bound."""
    last = before.split()[-1].lower() if before.split() else ""
    if last not in function_words_of("comparative"):
        return False
    return regex.match(r"(?i)(?:/\p{L}+)*\s*,?\s*so\s+với\s", text[fig.end : sentence.end]) is not None


def _tail_of_clause(text: str, pos: int, sentence: Span) -> bool:
    return regex.match(r"\s*(?:[,;.)]|$)", text[pos : sentence.end]) is not None


def _change(text: str, fig: _Figure, sentence: Span) -> str | None:
    p = patterns()
    before = text[max(sentence.start, fig.start - 40) : fig.start]
    comp = p.comparator_before.search(before)
    if comp:
        before = before[: comp.start("c")]
    match = p.change_before.search(before)
    if match:
        return "increase" if match.group("v").lower().startswith("tăng") else "decrease"
    if regex.search(r"\(\s*[-–]\s*$", before):
        return "decrease"
    if regex.search(r"\(\s*\+\s*$", before):
        return "increase"
    return None


def _sentence_figures(text: str, sentence: Span, budget: list[int]) -> tuple[list[_Figure], subjects.SentenceView | None]:
    """The figures of a sentence, counted nouns widened to their compound word, and its view.

    POS tagging costs about 0.15 s per 1,000 characters: an article spends at most
    ``POS_BUDGET_CHARS`` on it (``budget`` holds what is left); later figure sentences are read
    from untagged words, so no input can make the extractor run long."""
    figures = _figures(text, sentence)
    if not figures:
        return figures, None
    length = sentence.end - sentence.start
    view = subjects.view(text, sentence, [], tag=budget[0] >= length)
    if budget[0] >= length:
        budget[0] -= length
    figures = [_compound_noun(text, f, view) for f in figures]
    return figures, replace(view, figures=tuple((f.start, f.end, f.kind) for f in figures))


def _compound_noun(text: str, fig: _Figure, view: subjects.SentenceView) -> _Figure:
    """A counted noun is the whole compound noun that word segmentation finds at it: "xe" of
    "600 xe buýt" is "xe buýt", "ngân" of "45 ngân hàng" is "ngân hàng"; a classifier ("căn" of
    "căn nhà") stays as it is."""
    if fig.kind not in ("count", "ratio") or "classifier" in lexicons().counted_nouns.get(fig.unit.lower(), ""):
        return fig
    start = fig.end - len(fig.unit)
    if text[start : fig.end] != fig.unit:
        return fig
    word = next((t for t in view.tags if t.start == start), None)
    if word is None or word.label != "N" or word.end <= fig.end or not regex.match(r" \p{Ll}", text[fig.end : word.end]):
        return fig
    return replace(fig, end=word.end, unit=text[start : word.end])


def extract_statistics(doc: Document) -> Iterator[Statistic]:
    """Every figure of every sentence, with its period carried through the paragraph."""
    tracker, place = PeriodTracker(), article_place(doc)
    budget = [POS_BUDGET_CHARS]
    for index, sentence in enumerate(doc.sentences):
        period = tracker.period_for(doc.text, sentence, doc.sentence_block[index])
        figures, sentence_view = _sentence_figures(doc.text, sentence, budget)
        previous = None
        spans = [(f.start, f.end) for f in figures]
        for index, fig in enumerate(figures):
            change = _change(doc.text, fig, sentence)
            assert sentence_view is not None
            subject, previous = subjects.subject(sentence_view, (fig.start, fig.end, fig.kind, fig.unit, change is not None), previous)
            yield Statistic(
                kind=fig.kind,  # type: ignore[arg-type]
                value=fig.value,
                value_max=fig.value_max,
                unit=fig.unit,
                comparator=_comparator(doc.text, fig, sentence),  # type: ignore[arg-type]
                change=change,  # type: ignore[arg-type]
                subject=subject,
                period=Period(start=own[0], end=own[1]) if (own := tracker.period_at(fig.start, fig.end, period)) else None,
                scope=scope_of(subject, sentence_scope(doc.text, sentence, spans, index), place),
                evidence=Evidence(
                    start=fig.start,
                    end=fig.end,
                    text=doc.text[fig.start : fig.end],
                    sentence=doc.text[sentence.start : sentence.end],
                    sentence_start=sentence.start,
                    rule=f"statistics.{fig.kind}",
                ),
            )
