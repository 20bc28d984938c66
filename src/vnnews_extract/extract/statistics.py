"""Statistics: figures with their kind, value, unit, comparator, change, subject and period.

Rules work on characters of one sentence at a time (regex over the normalised text) and are
driven by lexicons: units, counted nouns, comparators, contexts that make a number no figure
(dates, document numbers, roads, sessions, ordinals) and the words that delimit a subject.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lexicons import alternation, lexicons
from ..model import Document, Span
from ..numbers import (
    MULTIPLIER_PATTERN,
    NUMBER_PATTERN,
    NUMBER_WORD_PATTERN,
    multiplier,
    parse_number,
    parse_number_words,
)
from ..records import Evidence, Period, Statistic
from . import register
from .periods import PeriodTracker

SUBJECT_MAX_WORDS = 25
_B = r"(?![\p{L}\p{N}])"  # right word boundary


@dataclass(frozen=True)
class _Patterns:
    figure: regex.Pattern[str]
    unit: regex.Pattern[str]
    noun: regex.Pattern[str]
    before_block: regex.Pattern[str]
    comparator_before: regex.Pattern[str]
    comparator_after: regex.Pattern[str]
    change_before: regex.Pattern[str]
    subject_stop: regex.Pattern[str]
    subject_nonstart: regex.Pattern[str]
    count_stop: regex.Pattern[str]
    predicate_tail: regex.Pattern[str]


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    lex = lexicons()
    number = rf"(?:\d{{1,3}}(?: \d{{3}})+(?![\d,.])|{NUMBER_PATTERN})"
    figure = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}\-/.,:+])(?P<num>{number}|(?i:{NUMBER_WORD_PATTERN}){_B})"
        rf"(?:(?:\s?%)?(?P<sep>\s*[-–]\s*|\s+(?:đến|tới)\s+)(?P<num2>{number}){_B})?"
        rf"(?:\s+(?P<mult>{MULTIPLIER_PATTERN}){_B})?",
        regex.V1,
    )
    comps = lex.comparators
    before = [p for p, (_, pos) in comps.items() if pos == "before"]
    after = [p for p, (_, pos) in comps.items() if pos == "after"]
    words = lex.subject_words
    return _Patterns(
        figure=figure,
        unit=regex.compile(rf"(?:\s?(?P<u>%|‰|%o)|\s+(?P<u2>{alternation(lex.units)}){_B})"),
        noun=regex.compile(rf"\s+(?P<n>{alternation(lex.counted_nouns)}){_B}"),
        before_block=regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?:{alternation(lex.non_figure_before)})\s*$"),
        comparator_before=regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?P<c>{alternation(before)})\s*$"),
        comparator_after=regex.compile(rf"(?i)\s*(?P<c>{alternation(after)}){_B}"),
        change_before=regex.compile(r"(?i)(?:^|[^\p{L}])(?P<v>tăng trưởng|tăng thêm|tăng|giảm bớt|giảm)\s*$"),
        subject_stop=regex.compile(
            rf"(?i)\s*[;:(]|,\s*(?:[\d]|(?:{alternation(w for w, k in words.items() if 'stop' in k.split(','))}){_B})|\s(?:{alternation(w for w, k in words.items() if 'stop' in k.split(','))}){_B}"
        ),
        subject_nonstart=regex.compile(
            rf"(?i)^\s*(?:[,.;:)\-–]|$|(?:{alternation(w for w, k in words.items() if 'nonstart' in k.split(','))}){_B})"
        ),
        count_stop=regex.compile(
            rf"(?i)\s(?:{alternation(w for w, k in words.items() if 'countstop' in k.split(','))}){_B}|\s*(?:,|và)\s*\d"
        ),
        predicate_tail=regex.compile(
            rf"(?i)(?:\s+|^)(?:{alternation(w for w, k in words.items() if 'predicate' in k.split(','))})\s*$"
        ),
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


def _read_unit(text: str, pos: int, end: int, has_mult: bool) -> tuple[str, str, int] | None:
    """(kind, unit, end offset) of the unit or counted noun at ``pos``."""
    p = patterns()
    lex = lexicons()
    match = p.unit.match(text, pos, end)
    if match:
        surface = match.group("u") or match.group("u2")
        kind, canonical, _ = lex.units[surface] if surface in lex.units else ("percent", surface, 1.0)
        return kind, canonical, match.end()
    match = p.noun.match(text, pos, end)
    if match:
        return "count", match.group("n"), match.end()
    return None


def _is_blocked(text: str, start: int, end: int, sentence: Span) -> bool:
    """Numbers that are not figures: dates, times, documents, ordinals, years, names."""
    before = text[max(sentence.start, start - 30) : start]
    after = text[end : min(sentence.end, end + 3)]
    if patterns().before_block.search(before):
        return True
    if regex.match(r"[/:]\s?\d|/\p{L}|h\d|-\p{L}", after):
        return True
    return bool(regex.search(r"(?i)(?:^|\s)(?:cả|hai bên)\s*$", before))


def _figures(text: str, sentence: Span) -> Iterator[_Figure]:
    p = patterns()
    for match in p.figure.finditer(text, sentence.start, sentence.end):
        raw = match.group("num")
        is_word = not raw[0].isdigit()
        if _is_blocked(text, match.start(), match.end("num"), sentence):
            continue
        value = _value(raw)
        if value is None or (is_word and raw.lower() in ("một", "năm")):
            continue
        unit = _read_unit(text, match.end(), sentence.end, bool(match.group("mult")))
        ratio = _ratio(text, match, sentence)
        if ratio:
            yield ratio
            continue
        if unit is None:
            continue
        kind, unit_name, unit_end = unit
        if is_word and kind != "count":
            continue
        factor = multiplier(match.group("mult"))
        value_max = _value(match.group("num2")) if match.group("num2") else None
        if value_max is not None and match.group("sep").strip() in "-–" and _looks_like_years(value, value_max):
            continue
        if kind == "ratio" and not regex.search(r"(?i)(?:gấp|tăng|giảm)\s+(?:\S+\s+)?$", text[max(0, match.start() - 15) : match.start()]):
            kind = "count"
        yield _Figure(
            match.start(), unit_end, kind, value * factor,
            value_max * factor if value_max is not None else None, unit_name,
        )


def _looks_like_years(a: float, b: float) -> bool:
    return 1900 <= a <= 2100 and 1900 <= b <= 2100


def _ratio(text: str, match: regex.Match[str], sentence: Span) -> _Figure | None:
    """"3/5 xã", "2/3 số hộ": a fraction followed by a counted noun."""
    m = regex.match(r"/(\d{1,3})(?![\d/])(?:\s+số)?", text[match.end("num") : sentence.end])
    if not m or match.group("num2") or not match.group("num").isdigit():
        return None
    numerator, denominator = int(match.group("num")), int(m.group(1))
    if denominator == 0 or numerator > denominator:
        return None
    noun = patterns().noun.match(text, match.end("num") + m.end(), sentence.end)
    if not noun:
        return None
    return _Figure(match.start(), noun.end(), "ratio", numerator / denominator, None, noun.group("n"))


def _comparator(text: str, fig: _Figure, sentence: Span) -> str:
    p = patterns()
    before = text[max(sentence.start, fig.start - 25) : fig.start]
    after_match = p.comparator_after.match(text, fig.end, sentence.end)
    if after_match:
        comparator = lexicons().comparators[after_match.group("c").lower()][0]
        if regex.search(r"(?i)(?:^|\s)từ\s*$", before) or _tail_of_clause(text, after_match.end(), sentence):
            return comparator
    match = p.comparator_before.search(before)
    if match:
        return lexicons().comparators[" ".join(match.group("c").lower().split())][0]
    return "eq"


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


def _subject(text: str, fig: _Figure, sentence: Span) -> str | None:
    p = patterns()
    pos = fig.end
    after_comp = p.comparator_after.match(text, pos, sentence.end)
    if after_comp:
        pos = after_comp.end()
    rate = regex.match(r"/\p{L}+(?:\s\p{L}+)?", text[pos : sentence.end])
    if fig.kind in ("count", "ratio"):
        right = _right_phrase(text, fig.end, sentence, from_unit=True, unit=fig.unit)
        if right:
            return right
    if rate:
        return _left_phrase(text, fig.start, sentence) or rate.group(0)
    if fig.kind == "percent" and not p.subject_nonstart.match(text[pos : sentence.end]):
        right = _right_phrase(text, pos, sentence)
        if right:
            return right
    return _left_phrase(text, fig.start, sentence)


def _right_phrase(text: str, pos: int, sentence: Span, *, from_unit: bool = False, unit: str = "") -> str | None:
    segment = text[pos : sentence.end]
    stop = patterns().subject_stop.search(segment, 1 if segment[:1] == " " else 0)
    phrase = segment[: stop.start()] if stop else segment
    phrase = phrase.strip(" ,.;:–-")
    words = phrase.split()
    if from_unit:
        cut = patterns().count_stop.search(" " + " ".join(words))
        if cut:
            words = " ".join(words)[: max(cut.start() - 1, 0)].split()
        words = unit.split() + words[:SUBJECT_MAX_WORDS]
        return " ".join(words).strip(" ,") if words else None
    return " ".join(words[:SUBJECT_MAX_WORDS]) or None


def _left_phrase(text: str, start: int, sentence: Span) -> str | None:
    segment = text[sentence.start : start]
    cut = max(segment.rfind(";"), segment.rfind(":"), segment.rfind("("))
    comma = segment.rfind(",")
    if comma > cut and len(segment[comma + 1 :].split()) >= 3:
        cut = comma
    phrase = segment[cut + 1 :]
    p = patterns()
    for _ in range(4):
        match = p.predicate_tail.search(phrase)
        if not match:
            break
        phrase = phrase[: match.start()]
    phrase = phrase.strip(" ,.;:–-")
    return " ".join(phrase.split()[-SUBJECT_MAX_WORDS:]) or None


def _scope(subject: str | None) -> str | None:
    if not subject:
        return None
    match = regex.search(r"cấp (?:xã|huyện|tỉnh|cơ sở)|(?:huyện|tỉnh|xã|thị xã|thành phố|quận) (?:\p{Lu}\p{Ll}*\s?)+", subject)
    return match.group(0).strip() if match else None


@register("statistics", name="figure")
def extract_statistics(doc: Document) -> Iterator[Statistic]:
    """Every figure of every sentence, with its period carried through the paragraph."""
    tracker = PeriodTracker()
    for index, sentence in enumerate(doc.sentences):
        period = tracker.period_for(doc.text, sentence, doc.sentence_block[index])
        for fig in _figures(doc.text, sentence):
            subject = _subject(doc.text, fig, sentence)
            yield Statistic(
                kind=fig.kind,  # type: ignore[arg-type]
                value=fig.value,
                value_max=fig.value_max,
                unit=fig.unit,
                comparator=_comparator(doc.text, fig, sentence),  # type: ignore[arg-type]
                change=_change(doc.text, fig, sentence),  # type: ignore[arg-type]
                subject=subject,
                period=Period(start=period[0], end=period[1]) if period else None,
                scope=_scope(subject),
                evidence=Evidence(
                    start=fig.start,
                    end=fig.end,
                    text=doc.text[fig.start : fig.end],
                    sentence=doc.text[sentence.start : sentence.end],
                    sentence_start=sentence.start,
                    rule=f"statistics.{fig.kind}",
                ),
            )
