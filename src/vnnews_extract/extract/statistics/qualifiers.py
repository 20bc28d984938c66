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
from .figures import Figure, function_words_of, grammar_pattern, grammar_set, patterns, rx

COMPARATOR_BEFORE = declare("statistics.comparator.before", "Statistic.comparator", "a comparator of comparators.tsv right before the figure: 'hơn', 'khoảng', 'dưới'")
COMPARATOR_AFTER = declare("statistics.comparator.after", "Statistic.comparator", "'trở lên', 'trở xuống' right after the figure, at the end of its clause or after 'từ'")
DIFFERENCE = declare("statistics.comparator.difference", "Statistic.comparator",
    "'cao hơn 0,6 tấn/ha so với …': after a comparative adjective the figure is the difference (eq)")
REACH = declare("statistics.comparator.reach", "Statistic.comparator",
    "'lên tới 33 người', 'có tới 95 vụ án': an amount reached is eq; lte after a cap word ('có thể bị phạt tiền tới 75 triệu đồng')")
NOUN_MAXIMUM = declare("statistics.comparator.noun_maximum", "Statistic.comparator",
    "'tốc độ tối đa 320 km/h': 'tối đa' after a property of figure_cues.tsv (maximum_of) names its maximum (eq), unless a cap word stands before")
LOCATIVE = declare("statistics.comparator.locative", "Statistic.comparator",
    "'đi trên 6 xe ôtô': 'trên' right after a verb of place or motion (grammar_words.tsv place_verb) is 'on', no bound (eq)")
LOCATIVE_SURFACE = declare("statistics.comparator.locative_surface", "Statistic.comparator",
    "'trên 2 tuyến phố', 'trên hai kênh': 'trên' right before a count, not round, of surfaces or ways (grammar_words.tsv surface_noun) is 'on' (eq)")
ESTIMATE = declare("statistics.comparator.estimate", "Statistic.comparator",
    "'ước tính đạt 2,8 nghìn tỷ đồng', 'ước thiệt hại 900 tỷ đồng': an estimate word (figure_cues.tsv estimate) "
    "at most two words before the figure in its clause: approx")
CHANGE_VERB = declare("statistics.change.verb", "Statistic.change", "a change verb of change_words.tsv before the figure: 'tăng 5%', 'giảm 120 hộ'")
CHANGE_OBJECT = declare("statistics.change.object", "Statistic.change",
    "'tăng lương tối thiểu vùng 6,52%': a change verb, then only the noun phrase it changes, then the figure")
CHANGE_LISTED = declare("statistics.change.listed", "Statistic.change",
    "'giảm tương ứng 6 điểm và 5 điểm': a figure listed right after a changed one changes the same way")
CHANGE_RESTATED = declare("statistics.change.restated", "Statistic.change",
    "'tăng 4 USD, tương đương 0,3%', 'giảm 2,7 xu Mỹ, tức 0,16%': a figure restating a changed one in another unit changes the same way")
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
    words = lexicons().change_words
    verbs = alternation(w for w, d in words.items() if d != "modifier")
    modifiers = alternation(w for w, d in words.items() if d == "modifier")
    return regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?P<v>{verbs})(?:\s+(?:{modifiers}))*\s*$")


@lru_cache(maxsize=1)
def _change_verb() -> regex.Pattern[str]:
    verbs = alternation(w for w, d in lexicons().change_words.items() if d != "modifier")
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?P<v>{verbs})(?![\p{{L}}])")


def comparator(text: str, fig: Figure, sentence: Span, words: tuple[Span, ...] = ()) -> Decided | None:
    """The comparator of a figure (None: "eq" with nothing that says so)."""
    window = max(sentence.start, fig.start - 25)
    before = text[window : fig.start]
    after = _after_comparator(text, fig, sentence, before)
    if after is not None:
        return after
    match = patterns().comparator_before.search(before)
    if not match:
        return _estimate(text, fig, sentence)
    phrase = " ".join(match.group("c").lower().split())
    value, position = lexicons().comparators[phrase]
    start, end = window + match.start("c"), window + match.end("c")
    if _no_estimate(text, sentence, start, end):  # "mơ ước 20 năm", "hiệp ước 5 điều": no estimate
        return None
    if position == "reach":
        return Decided("lte" if _cap_before(text, sentence, start) else "eq", start, end, REACH)
    if phrase.startswith("tối đa") and _after_property(text, sentence, start) and not _cap_before(text, sentence, start):
        return Decided("eq", start, end, NOUN_MAXIMUM)
    if phrase in grammar_set("locative_preposition") and _place_verb().search(before[: match.start("c")]):
        return Decided("eq", start, end, LOCATIVE)
    if phrase in grammar_set("locative_preposition") and _on_surface(text, fig):
        return Decided("eq", start, end, LOCATIVE_SURFACE)
    if value == "gt" and _difference(text, fig, before[: match.start("c")], sentence):
        return Decided("eq", start, end, DIFFERENCE)
    return Decided(value, start, end, COMPARATOR_BEFORE)


def _estimate(text: str, fig: Figure, sentence: Span) -> Decided | None:
    """"ước tính đạt 2,8 nghìn tỷ đồng", "ước thiệt hại 900 tỷ đồng", "ước tính là 40 tỷ USD": an
    estimate word of figure_cues.tsv (a whole word) at most two words before the figure in its clause."""
    clause = _clause_start(text, sentence, fig.start)
    cues = list(patterns().cues["estimate"].finditer(text, clause, fig.start))
    if not cues:
        return None
    cue = cues[-1]  # a whole word by the lexicon, not by the tagger (it glues "nông nghiệp ước")
    if _no_estimate(text, sentence, cue.start(), cue.end()):
        return None
    if not rx(r"(?:\s+\p{L}+){0,2}\s*").fullmatch(text, cue.end(), fig.start):
        return None
    return Decided("approx", cue.start(), cue.end(), ESTIMATE)


def _no_estimate(text: str, sentence: Span, start: int, end: int) -> bool:
    """The words at ``[start, end)`` lie inside a word of figure_cues.tsv not_estimate ("hiệp ước", "ước mơ")."""
    found = patterns().cues["not_estimate"].finditer(text, max(sentence.start, start - 12), min(sentence.end, end + 12))
    return any(m.start() <= start and end <= m.end() for m in found)


def _on_surface(text: str, fig: Figure) -> bool:
    """A count of surfaces or ways right after the number ("2 tuyến phố"), not round (a round
    "trên 500 tuyến phố" reads "more than")."""
    if fig.kind != "count" or (fig.value >= 10 and fig.value % 10 == 0):
        return False
    return rx(rf"(?i)\s*(?:{grammar_pattern('surface_noun')})(?![\p{{L}}])").match(text, fig.unit_start) is not None


@lru_cache(maxsize=1)
def _place_verb() -> regex.Pattern[str]:
    """A verb of place or motion ending the text before "trên": "đi", "ngồi", "di cư"."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{grammar_pattern('place_verb')})\s*$")


@lru_cache(maxsize=1)
def _after_comparators() -> str:
    """The comparators written after a figure (comparators.tsv, position "after": "trở lên", "trở xuống")."""
    return alternation(p for p, (_, position) in lexicons().comparators.items() if position == "after")


def _after_comparator(text: str, fig: Figure, sentence: Span, before: str) -> Decided | None:
    """"trở lên"/"trở xuống" right after the figure, or after its rate and at most two words when
    "từ" stands before it ("từ 20 năm tù trở lên", "từ 300 triệu đồng/chiếc trở xuống")."""
    from_ = rx(rf"(?i)(?:^|\s)(?:{grammar_pattern('range_start')})\s*$").search(before) is not None
    skip = rx(rf"(?:\s?/\s?\p{{L}}+)*(?:\s+\p{{Ll}}+){{0,2}}?(?=\s+(?:{_after_comparators()})(?![\p{{L}}]))").match(text[fig.end : sentence.end]) if from_ else None
    pos = fig.end + (skip.end() if skip else 0)
    after = _comparator_after().match(text, pos, sentence.end)
    if not after:
        return None
    value = lexicons().comparators[" ".join(after.group("c").lower().split())][0]
    if from_ or _tail_of_clause(text, after.end(), sentence):
        return Decided(value, after.start("c"), after.end("c"), COMPARATOR_AFTER)
    return None


def _clause_start(text: str, sentence: Span, pos: int) -> int:
    """Where the clause before ``pos`` starts, at most 80 characters back: after its last , ; : or bracket."""
    window = max(sentence.start, pos - 80)
    marks = [m.end() for m in rx(r"[,;:()]").finditer(text, window, pos)]
    return marks[-1] if marks else window


def _cap_before(text: str, sentence: Span, pos: int) -> bool:
    """A cap word ("có thể", "tối đa", "phạt") stands before ``pos`` in its clause."""
    return patterns().cues["cap"].search(text[_clause_start(text, sentence, pos) : pos]) is not None


def _after_property(text: str, sentence: Span, pos: int) -> bool:
    """A quantity whose maximum is a named property stands right before ``pos`` ("tốc độ tối đa")."""
    before = text[max(sentence.start, pos - 25) : pos].rstrip()
    return any(m.end() == len(before) for m in patterns().cues["maximum_of"].finditer(before))


def _difference(text: str, fig: Figure, before: str, sentence: Span) -> bool:
    """"cao hơn 0,6 tấn/ha so với bình quân": after a comparative adjective and before the base
    of the comparison, the figure is the difference itself, not a lower bound. A bracket may stand
    between ("cao hơn 7,7% (+89 USD/ounce) so với …")."""
    last = before.split()[-1].lower() if before.split() else ""
    if last not in function_words_of("comparative"):
        return False
    return rx(rf"(?i)(?:\s?/\s?\p{{L}}+)*\s*(?:\([^()]{{0,40}}\))?\s*,?\s*(?:{grammar_pattern('compared_with')})\s").match(text[fig.end : sentence.end]) is not None


def _tail_of_clause(text: str, pos: int, sentence: Span) -> bool:
    return rx(r"\s*(?:[,;.)]|$)").match(text[pos : sentence.end]) is not None


def change(text: str, fig: Figure, sentence: Span, words: tuple[Span, ...] = ()) -> Decided | None:
    """Increase or decrease when the figure is the amount of a change."""
    window = max(sentence.start, fig.start - 40)
    comp = patterns().comparator_before.search(text[window : fig.start])
    end = window + comp.start("c") if comp else fig.start
    if fig.value_max is not None:  # "giảm từ 0,35-0,46 điểm phần trăm": the range of the change
        opening = rx(rf"(?i)(?<![\p{{L}}])(?:{grammar_pattern('range_start')})\s*$").search(text[window:end])
        end = window + opening.start() if opening else end
    before = text[window:end]
    match = _change_before().search(before)
    if match and not _part_of_word(words, window + match.start("v"), window + match.end("v")):
        direction = lexicons().change_words[" ".join(match.group("v").lower().split())]
        return Decided(direction, window + match.start("v"), window + match.end("v"), CHANGE_VERB)
    sign = rx(r"\(\s*([-–+])\s*$").search(before)
    if sign:
        return Decided("increase" if sign.group(1) == "+" else "decrease", window + sign.start(1), window + sign.end(1), CHANGE_SIGN)
    return _changed_object(text, sentence, end, words)


_OBJECT_TAGS = frozenset({"N", "Nc", "Np", "Nu", "A"})


def _object_word(text: str, tag: Span) -> bool:
    """A word of the noun phrase a change verb changes: a noun, an adjective or a numeral word
    ("tỷ lệ" is often tagged M), no predicate."""
    word = text[tag.start : tag.end].lower()
    if "predicate" in lexicons().subject_words.get(word, ""):
        return False
    return tag.label in _OBJECT_TAGS or (tag.label == "M" and not rx(r"\d").search(word))


def _part_of_word(words: tuple[Span, ...], start: int, end: int) -> bool:
    """The verb read at ``[start, end)`` is only part of a longer word ("gia tăng" of "giá trị gia tăng")."""
    return any(t.start < end and t.end > start and (t.start < start or t.end > end) for t in words if t.label != "X")


def _changed_object(text: str, sentence: Span, end: int, words: tuple[Span, ...]) -> Decided | None:
    """"tăng lương tối thiểu vùng 6,52%": a change verb (a whole word), then at most six words of
    the noun phrase it changes (nouns and adjectives), then the figure."""
    clause_start = _clause_start(text, sentence, end)
    verbs = list(_change_verb().finditer(text, clause_start, end))
    if not verbs:
        return None
    verb = verbs[-1]
    word = next((t for t in words if t.start == verb.start()), None)
    between = [t for t in words if verb.end() <= t.start and t.end <= end]
    if word is None or word.end != verb.end() or not between or len(between) > 6:
        return None
    if any(not _object_word(text, t) for t in between):
        return None
    direction = lexicons().change_words[" ".join(verb.group("v").lower().split())]
    return Decided(direction, verb.start(), verb.end(), CHANGE_OBJECT)


def listed_change(text: str, previous: tuple[int, Decided | None] | None, fig: Figure) -> Decided | None:
    """A figure listed right after a changed one ("giảm tương ứng 6 điểm và 5 điểm", "tăng lần lượt
    4,38% và 3,65%") or in a bracket right after it ("tăng 2,78 điểm (0,36%)") changes the same way."""
    if previous is None or previous[1] is None:
        return None
    joiner = grammar_pattern("and")
    between = text[previous[0] : fig.start]
    if rx(rf"(?i)\s*,?\s*(?:{grammar_pattern('equivalent_to')}|{grammar_pattern('restated')})\s*").fullmatch(between):
        return Decided(previous[1].value, previous[1].start, previous[1].end, CHANGE_RESTATED)
    if not rx(rf"\s*(?:,|{joiner}|,\s*(?:{joiner})|\()\s*").fullmatch(between):
        return None
    return Decided(previous[1].value, previous[1].start, previous[1].end, CHANGE_LISTED)
