"""The subject of a statistic, as defined in corpus/FORMAT.md ("The subject of a statistic").

1. A figure followed by what it counts or measures: from the counted noun (or the phrase after
   the figure) to the end of the figure's clause.
2. A figure after a verb: the noun phrase before the verb, in the same clause.
3. A clause with no noun phrase of its own ("..., đạt 89,3% kế hoạch"): the subject of the
   clause it continues.
4. A rate ("160 triệu đồng/căn"): the subject with "/căn" appended.

Every subject is a span of the document text. Words are classed by the document's ``words``
layer (underthesea's part-of-speech tags, for the sentences that hold figures) together with the
subject_words lexicon.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

import regex

from ...lexicons import alternation, lexicons
from ...model import Span
from ...text.numbers import MULTIPLIERS, NUMBER_WORD_PATTERN, parse_number_words
from ..rules import Rule, declare
from .figures import TABLE_ROW, Figure, comparator_words_before, grammar_pattern, grammar_set, rx
from .figures import function_words_of as figure_words
from .figures import patterns as figure_patterns

AFTER_FIGURE = declare("statistics.subject.after_figure", "Statistic.subject", "rule 1: the phrase after the figure, to the end of its clause")
BEFORE_VERB = declare("statistics.subject.before_verb", "Statistic.subject", "rule 2: the noun phrase before the verb the figure stands after")
OBJECT = declare("statistics.subject.object", "Statistic.subject", "rule 2: after 'với'/'có', the noun phrase the figure measures")
PREVIOUS_FIGURE = declare("statistics.subject.previous_figure", "Statistic.subject", "rule 3: a clause with no noun phrase takes the previous figure's subject")
EARLIER_CLAUSE = declare("statistics.subject.earlier_clause", "Statistic.subject", "rule 3: the subject of the clause the figure's clause continues")
COUNTED_NOUN = declare("statistics.subject.counted_noun", "Statistic.subject", "rule 1 for a count: from its counted noun to the end of its clause")
CHANGED_THING = declare("statistics.subject.changed_thing", "Statistic.subject", "a count after 'tăng'/'giảm' with no phrase after it: the noun phrase before the verb")
NOUN_BEFORE = declare("statistics.subject.noun_before", "Statistic.subject",
    "rule 2: the noun phrase right before the figure with no verb between ('đạt tốc độ tối đa 320 km/h', 'trên diện tích 102,05 ha')")
BRACKETED = declare("statistics.subject.bracketed", "Statistic.subject",
    "a figure opening a bracket: the name before it ('Trần Thanh Dâng (40 tuổi)'), or the previous figure's subject ('(tương đương 11,2 tỷ đồng)')")
UNIT_ONLY = declare("statistics.subject.unit_only", "Statistic.subject",
    "a count whose phrase is only its counted noun ('sức chứa 40.000 chỗ ngồi', 'số công nhân nhập viện lên tới 33 người'): the noun phrase before it (rule 2),"
    " or the label before a colon ('Tổng số cán bộ vi phạm kỷ luật: 02 cán bộ')")
PRICED = declare("statistics.subject.priced", "Statistic.subject",
    "an amount of money after a price noun ('với giá 14 triệu đồng'): the thing priced, the noun phrase before the price noun")
MEASURED = declare("statistics.subject.measured_thing", "Statistic.subject",
    "a figure right after a measuring adjective ('cầu dẫn dài khoảng 519m', 'con hổ nặng 200 kg', 'clip dài gần 2 phút'): the noun phrase before the adjective")
ACT_OBJECT = declare("statistics.subject.act_object", "Statistic.subject",
    "a bare object noun right before the figure after the verb of an act ('phạt tù 6 tháng', 'hoàn tiền 15%', 'thu lợi bất chính 4 tỷ đồng'): the verb and its object")
TIME_TAIL = declare("statistics.subject.time_tail", "Statistic.subject",
    "a time phrase inside a subject ends it ('điểm tâm linh trong khoảng thời gian', 'tổng nợ vay trong quý I', 'phụ huynh … vào chiều 7/2'):"
    " it says when, not what is measured (a trailing period phrase is left out); not after a superlative ('nhiệt độ cao nhất trong ngày')")
LEADING_TIME = declare("statistics.subject.leading_time", "Statistic.subject",
    "a subject that opens with a time phrase set off by a comma ('Quý I, dòng tiền thuần', 'Tuần trước, giá vàng', 'Cùng ngày, chỉ số …'):"
    " it starts after the comma, as the time says when, not what is measured; the time phrase is a time noun of time_tails.tsv with a"
    " preposition or quantifier before it or a deictic word, number or date after it ('ngày nắng, gió nhẹ' stays); not a count's counted noun")
LEADING_PREPOSITION = declare("statistics.subject.leading_preposition", "Statistic.subject",
    "a subject that opens with 'với'/'đối với' (grammar class object_marker) starts after it ('với giá bán' -> 'giá bán'):"
    " a leading preposition is left out")
NO_CONTENT = declare("statistics.subject.no_content", "Statistic.subject",
    "a subject made only of words of subject_fragments.tsv (prepositions, time words, function words, a level noun alone: 'năm', 'sau',"
    " 'ở mức', 'chỉ sau', 'đến năm') names nothing measured: the figure takes the previous figure's subject, or none (a level noun before a rate stays: 'mức/căn')")
SECOND_PREDICATE = declare("statistics.subject.second_predicate", "Statistic.subject",
    "a subject read after a figure ends at a comma or 'và' followed by a verb, after a noun, in a phrase with no verb of its own ('1 xe máy, làm …',"
    " '2 sổ đỏ và quyết định …'): the verb opens a second predicate, not a part of what is measured")
DISTANCE_FROM = declare("statistics.subject.distance_from", "Statistic.subject",
    "a figure after a place read after a word of distance ('cách Côn Đảo khoảng 270 km', 'cách nhà nạn nhân hơn 1 km'): the subject"
    " opens with the word of distance (grammar class distance_from), as the figure is the distance from the place")
DURATION_ACT = declare("statistics.subject.duration_act", "Statistic.subject",
    "a duration right after the verb of an act, with the subject read before the verb ('bị bắt tạm giam 4 tháng', 'anh chỉ thi đấu 14 phút'):"
    " the verbs stay in the subject (the duration measures the act); not a verb of time taken (grammar class duration_lead: 'mất', 'kéo dài', 'qua');"
    " an adverb before the figure ('thêm') stays out")
BARE_COUNTER = declare("statistics.subject.bare_counter", "Statistic.subject",
    "a count whose phrase is only a counted noun that names nothing counted (grammar class bare_counter: 'chiếc', 'lần', 'lượt', 'đơn vị', 'trận'):"
    " the noun phrase before the verb the figure stands after, with the verbs of its act ('đội bóng bị xử thua 2 trận' -> 'đội bóng bị xử thua');"
    " the word alone stays when no noun phrase stands before the verb in the figure's clause")
CHANGE_LEFTOVER = declare("statistics.subject.change_leftover", "Statistic.subject",
    "a phrase read after the first figure of a change that ends in the words leading to the second figure (grammar class change_target:"
    " 'từ 15% hiện nay xuống còn 5%', 'từ 2 ca lên 3 ca'): a count keeps its counted noun phrase without them ('ca');"
    " another figure after 'từ' takes the noun phrase before it ('giảm thuế nhập khẩu linh kiện từ 15%' -> 'thuế nhập khẩu linh kiện'), or none")
ROW_LABEL = declare("statistics.subject.row_label", "Statistic.subject",
                    "a cell of a comparison table (statistics.count.two_sided_row): the row label it stands beside ('Số game cầm giao bóng')")
LIST_ITEM = declare("statistics.subject.list_item", "Statistic.subject",
    "a figure after a verb whose noun phrase follows another figure and a 'và' or comma ('VNM giảm 0,5% và FPT giảm 2,1%'):"
    " the item after the separator names this figure's thing, not the previous figure's subject")
RESPECTIVE_ITEM = declare("statistics.subject.respective_item", "Statistic.subject",
    "a list of figures after a cue of grammar class respectively ('A và B lần lượt là 5% và 7%', 'A, B và C tăng tương ứng 1%, 2% và 3%'):"
    " the subject before the cue is split at its commas and 'và' into as many noun items as there are figures, and each figure takes its own item")
TIME_LEFTOVER = declare("statistics.subject.time_leftover", "Statistic.subject",
    "a subject that ends in the first words of a time phrase whose rest follows it ('Giá vàng SJC hôm' before 'nay', 'GDP vào cuối' before"
    " 'năm 2016', 'giá vàng … sáng' before 'nay'): a word of grammar class period_edge, day_word or time_of_day, with a preposition before it,"
    " goes, as it says when, not what is measured; only when a number, a time noun or a deictic word of time_tails.tsv follows")
FULL_STOP = declare("statistics.subject.full_stop", "Statistic.subject",
    "a full stop right after a figure and before a capital ('… 15 - 18 độ C. Nhiệt độ cao nhất 25 - 28 độ C', where the segmenter"
    " read 'C.' as an initial) ends a sentence: a figure after it reads its noun phrase from the stop on, and takes no subject of a figure before it")
RUN_ON = declare("statistics.subject.run_on", "Statistic.subject",
    "a capitalised intro word of subject_words.tsv ('Theo', 'Trong đó', 'Tuy nhiên') after a lower-case word and before another, with no"
    " punctuation, opens a new sentence run on without its full stop ('… ô tô Theo ông …'): a subject after the figure ends before it,"
    " one before the figure starts after it")
RATE = declare("statistics.subject.rate", "Statistic.rate", "rule 4: the '/căn' of a rate, and a noun phrase right after it ('/kg lợn hơi')")
RATE_SPACED = declare("statistics.subject.rate_spaced", "Statistic.rate",
    "rule 4 on tokenised text: '36 triệu đồng / lượng', '17 USD / ounce': a slash with spaces round it, then a lower-case word, is the rate '/lượng'")

SUBJECT_MAX_WORDS = 24  # read forward: long enough for the seed's list subjects; real gold: 99% of subjects have at most 18 words
PRICED_MAX_WORDS = 6  # a priced thing read before a verb: a short noun phrase ("ngôi biệt thự xinh đẹp này")
DURATION_ACT_WORDS = 3  # verbs kept before a duration ("bắt tạm giam", "phải nghỉ thi đấu")
SUBJECT_OWN_WORDS = 2  # a clause's own words naming its figure (", giật cấp 10")
SUBJECT_MAX_WORDS_BEFORE = 18  # read backward, from the verb
LIST_ITEM_GAP = 2  # words between the other figure and the "và" of a list ("BHN giảm 0,83% và EIB", "4.76 tỷ đồng và PGS")
LIST_ITEM_WORDS = 8  # an item named after a figure and a "và" ("và EIB giảm 3,7%"): a short noun phrase
RESPECTIVE_WINDOW = 240  # characters before a figure searched for its respectively cue (a list of a few figures)
RESPECTIVE_CUE_WORDS = 3  # words between a respectively cue and its first figure ("lần lượt là", "tương ứng ở mức")
_B = r"(?![\p{L}\p{N}])"
_COMMA = regex.compile(r"\s*,\s*")
# "/căn", and the tokenised "đồng / lượng" of vietnews text (a spaced slash before a lower-case word)
_RATE = regex.compile(r"(?:/|\s/\s?(?=\p{Ll}))\p{L}[\p{L}\d]*(?:(?:/|\s/\s?(?=\p{Ll}))\p{L}[\p{L}\d]*)*")
_RATE_SLASH = regex.compile(r"\s*/\s*")
_VERB_TAGS = frozenset({"V", "R"})
_NOUN_TAGS = frozenset({"N", "Np", "Nc", "Ny", "Nb", "L", "P"})
_EDGE = " ,.;:–-"


@lru_cache(maxsize=32)
def _kinds(kind: str) -> frozenset[str]:
    return frozenset(w for w, k in lexicons().subject_words.items() if kind in k.split(","))


@dataclass(frozen=True)
class _Patterns:
    hard_stop: regex.Pattern[str]
    intro: regex.Pattern[str]
    nonstart: regex.Pattern[str]
    period_tail: regex.Pattern[str]
    copula: regex.Pattern[str]
    lead: regex.Pattern[str]
    base: regex.Pattern[str]
    predicate_tail: regex.Pattern[str]
    tail_comparator: regex.Pattern[str]
    opener: regex.Pattern[str]
    adverb_tail: regex.Pattern[str]
    measure_adjective: regex.Pattern[str]
    bracket: regex.Pattern[str]
    maximum: regex.Pattern[str]
    bound: regex.Pattern[str]
    separator: regex.Pattern[str]
    joined: regex.Pattern[str]
    copula_lead: regex.Pattern[str]
    apposition: regex.Pattern[str]
    linker: regex.Pattern[str]
    period_head: regex.Pattern[str]


def _not_compound() -> str:
    """A lookahead that no compound of the lexicon starts here: a word whose first syllable is an
    intro or linking word ("song hành", "song song" beside the linking "song") is neither."""
    compounds = _kinds("compound")
    return rf"(?!(?i:{alternation(compounds)}){_B})" if compounds else ""


def _period_tail() -> regex.Pattern[str]:
    """A period phrase at the end of a subject ("… trong 6 tháng đầu năm 2023", "… năm nay", "…
    vào năm 2020"), or a preposition or conjunction left dangling there: every word from
    grammar_words.tsv."""
    g, number = grammar_pattern, rf"(?:\d+|{NUMBER_WORD_PATTERN})"
    month, year, edge = g("month_noun"), g("year_noun"), g("period_edge")
    hour_letters = "".join(sorted({regex.escape(c) for w in lexicons().grammar("hour_noun") for c in w}))  # "8 giờ 30"
    return regex.compile(
        rf"(?i)(?:\s+(?:{g('period_preposition')}))?(?:\s+{number}\s+(?:{month})(?:\s+(?:{edge}))?)?"
        rf"(?:\s+(?:{g('period_noun')}|(?:{g('quarter_noun')})\s+[IV\d]+|(?:{month})\s+\d+))?"
        rf"(?:(?:\s+|/)(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?|\s+(?:{g('now')}))\s*$"
        rf"|\s+(?:{g('time_preposition')})\s+(?:(?:{year})\s+)?\d[\d\s/:h,{hour_letters}]*$"
        rf"|(?:\s+(?:{g('duration_preposition')}))?\s+{number}\s+(?:{month})(?:\s+(?:{edge})\s+(?:{year}))?\s*$"
        rf"|\s+(?:{g('trailing_link')})\s*$"
    )


@lru_cache(maxsize=1)
def _period_tail_ends() -> tuple[tuple[str, ...], frozenset[str]]:
    """What a string the period-tail pattern matches must end with (before trailing spaces): a digit,
    a word of the classes its alternatives end with, or (for a clock time, which also needs a digit)
    a character of the time run."""
    words = tuple(w.lower() for c in ("now", "month_noun", "year_noun", "trailing_link") for w in lexicons().grammar(c))
    clock = frozenset("/:h," + "".join(lexicons().grammar("hour_noun")).lower())
    return words, clock


def _period_tail_in(phrase: str) -> regex.Match[str] | None:
    """``period_tail.search(phrase)``, skipped when the phrase cannot end in a period phrase."""
    rest = phrase.rstrip().lower()
    if not rest:
        return None
    words, clock = _period_tail_ends()
    last = rest[-1]
    if not (last.isdigit() or rest.endswith(words) or (last in clock and any(c.isdigit() for c in rest))):
        return None
    return _patterns().period_tail.search(phrase)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    comps = lexicons().comparators
    before = comparator_words_before()
    after = [p for p, (_, pos) in comps.items() if pos == "after"]
    lead_words = alternation([*before, *lexicons().grammar("range_start")])
    g = grammar_pattern
    return _Patterns(
        hard_stop=regex.compile(rf"(?i)\s*[;:(]|\s(?:{alternation(_kinds('clauseend'))}){_B}"),
        intro=regex.compile(rf"(?i)^\s*(?:{_not_compound()}(?:{alternation(_kinds('intro'))})(?:\s*,?\s+|\s*$))+"),
        nonstart=regex.compile(rf"(?i)^\s*(?:[,.;:)\-–/]|$|(?:{alternation(_kinds('nonstart'))}){_B})"),
        period_tail=_period_tail(),
        copula=regex.compile(rf"(?i)^\s*(?:{alternation(_kinds('copula'))})\s+"),
        base=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(_kinds('base'))}){_B}"),
        predicate_tail=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(w for w in _kinds('predicate') if ' ' in w)})\s*$"),
        lead=regex.compile(rf"(?i)(?:(?:^|\s)(?:{lead_words}))+\s*$"),
        tail_comparator=regex.compile(rf"\s*(?:{alternation(after)})(?=\s*(?:[,;.)]|$))"),
        opener=regex.compile(rf"(?i)^\s*(?:{alternation(_kinds('opener'))})\s+"),
        adverb_tail=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(_kinds('adverb'))})\s*$"),
        measure_adjective=regex.compile(
            rf"(?i)(?<![\p{{L}}])(?<!(?:{g('dimension_noun')})\s)(?:{alternation(figure_words('comparative'))})\s*$"
        ),
        bracket=regex.compile(rf"(?i)\(\s*[+\-–]?\s*(?:(?:{lead_words})\s+)*$"),
        maximum=regex.compile(rf"\s*(?:{g('maximum')})"),
        bound=regex.compile(rf"(?i)(\S+)\s+(?:{g('bound_word')})\s*$"),
        separator=regex.compile(rf"(?P<comma>\s*,\s*)|\s+(?:(?:{g('and')})|(?P<with>{g('with')}))\s+"),
        joined=regex.compile(rf"(?i)\s(?:{g('and')})\s+$"),
        copula_lead=regex.compile(rf"(?i)(?:{g('copula_have')})\s+"),
        period_head=regex.compile(
            rf"(?i)^\s*(?:(?:{g('period_preposition')}|{g('time_preposition')})\s+)?(?:{g('year_noun')})\s+(?:19|20)\d{{2}}\s*,?\s+(?=\p{{L}})"
        ),
        linker=regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_not_compound()}(?:{alternation(_kinds('clauseend') - (_kinds('stop') - _kinds('intro')))}){_B}"),
        apposition=regex.compile(
            rf"\s(?i:{alternation(_kinds('apposition'))})\s+(?:(?i:{alternation(lexicons().honorifics)})\s+)?(?=\p{{Lu}})"
        ),
    )


@dataclass(frozen=True)
class SentenceView:
    """One sentence with its words (in text order) and the (start, end, kind) of each figure it holds.
    ``leads`` caches :func:`_lead_start` for the sentence: the rules of one figure ask it for the same
    positions several times."""

    text: str
    sentence: Span
    tags: tuple[Span, ...]
    figures: tuple[tuple[int, int, str], ...]
    leads: dict[tuple[int, bool], int] = field(default_factory=dict, compare=False, repr=False)
    starts: tuple[int, ...] = field(init=False, compare=False, repr=False)
    full_stops: tuple[int, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(t.start for t in self.tags))
        object.__setattr__(self, "full_stops", _full_stops(self.text, self.figures))

    def word(self, tag: Span) -> str:
        return self.text[tag.start : tag.end].lower()

    def tags_in(self, start: int, end: int) -> list[Span]:
        """The words inside ``[start, end)`` (the words are in text order: found by bisecting their starts)."""
        lo = bisect_left(self.starts, start)
        hi = bisect_right(self.starts, end, lo=lo)
        return [t for t in self.tags[lo:hi] if t.end <= end]


@dataclass(frozen=True, slots=True)
class Chosen:
    """A subject part: ``[start, end)`` of the text and the rule that chose it."""

    start: int
    end: int
    rule: Rule


@dataclass(frozen=True, slots=True)
class Subject:
    """The subject of one figure: its phrase, and the rate appended to it (rule 4)."""

    phrase: Chosen | None
    rate: Chosen | None = None

    def text(self, source: str) -> str | None:
        base = source[self.phrase.start : self.phrase.end] if self.phrase else ""
        if self.rate is None:
            return base or None
        rate = _RATE_SLASH.sub("/", source[self.rate.start : self.rate.end])  # "đồng / lượng" -> "/lượng"
        return base + rate


def _full_stops(text: str, figures: tuple[tuple[int, int, str], ...]) -> tuple[int, ...]:
    """Full stops right after a figure and before a capital ("15 - 18 độ C. Nhiệt độ cao nhất …"):
    a sentence end the segmenter kept inside the sentence (it reads "C." as an initial)."""
    return tuple(end for _, end, _ in figures if text.startswith(".", end) and _SENTENCE_OPENER.match(text, end + 1))


_SENTENCE_OPENER = regex.compile(r"\s+\p{Lu}")


def _is_verb(v: SentenceView, tag: Span) -> bool:
    return tag.label in _VERB_TAGS or "predicate" in lexicons().subject_words.get(v.word(tag), "")


_LEAD_WINDOW = 64  # characters before a figure searched first for its comparator words (the longest is 14)


def _lead_start(v: SentenceView, start: int, keep_property: bool = False) -> int:
    """Start of the comparator words right before a figure ("khoảng", "hơn", "từ"); with
    ``keep_property``, a "tối đa" that names a property's maximum stays ("tốc độ tối đa").
    Read once per position of the sentence (``v.leads``)."""
    key = (start, keep_property)
    if key not in v.leads:
        v.leads[key] = _read_lead_start(v, start, keep_property)
    return v.leads[key]


def _read_lead_start(v: SentenceView, start: int, keep_property: bool) -> int:
    begin = max(v.sentence.start, start - _LEAD_WINDOW)
    match = _patterns().lead.search(v.text, begin, start) if begin > v.sentence.start else None
    if begin == v.sentence.start or (match is not None and match.start() - begin < _LEAD_WINDOW // 2):
        begin = v.sentence.start  # the words may run on before the window (or "^" matched its edge): read the whole prefix
        match = _patterns().lead.search(v.text[begin:start])
        if match is None:
            return start
        lead = begin + match.start()
    elif match is None:
        return start  # a run of lead words ends at the figure, so its last word would be in the window
    else:
        lead = match.start()
    maximum = _patterns().maximum.match(v.text, lead, start)
    if keep_property and maximum:
        head = v.text[v.sentence.start : lead].rstrip()
        if any(m.end() == len(head) for m in figure_patterns().cues["maximum_of"].finditer(head)):
            return maximum.end()
    return lead


def _qualifier(v: SentenceView, index: int) -> bool:
    """A measure that only qualifies a noun ("người từ 60 tuổi", "trẻ em dưới 1 tuổi")."""
    start, _, kind = v.figures[index]
    if kind != "measure":
        return False
    before = v.text[max(v.sentence.start, start - 40) : start]
    match = _patterns().bound.search(before)
    if not match:
        return False
    word = match.group(1).lower()
    return word not in lexicons().subject_words and word.isalpha()


def _clause_end(v: SentenceView, pos: int, head: str) -> int:
    """End of the clause that runs from ``pos`` (rule 1): a hard stop, the comma or "và" before
    another figure's clause, or a comma opening a new clause."""
    stops = (m for m in _patterns().hard_stop.finditer(v.text, pos, v.sentence.end) if _whole_words(v, m.end() - len(m.group().lstrip()), m.end()))
    stop = next(stops, None)
    hard = stop.start() if stop else v.sentence.end
    named = _patterns().apposition.search(v.text, pos, hard)  # "2 ứng cử viên khác là ông David Nabarro": the names are no part
    hard = named.start() if named else hard
    for index, (start, _, _) in enumerate(v.figures):
        if start <= pos or start >= hard or _qualifier(v, index):
            continue
        hard = max(pos, _separator_end(v, pos, _lead_start(v, start), head))
        break
    for comma in _COMMA.finditer(v.text, pos, hard):
        if _new_clause(v, pos, comma.end(), hard):
            return comma.start()
    return _joined_predicate(v, pos, hard)


def _joined_predicate(v: SentenceView, pos: int, end: int) -> int:
    """Where "và" joins a second predicate to a phrase that already holds its verb ("2 người đi xe
    máy bị thương và được đưa đi cấp cứu", "15 hộ bị ngập nhà và sẽ được di dời"): a tense word or a
    passive word right after "và" ends the phrase; "và" between nouns goes on ("40 hộ nuôi bò và dê")."""
    tags = v.tags_in(pos, end)
    for i, tag in enumerate(tags[1:-1], 1):
        if v.word(tag) not in grammar_set("and"):
            continue
        after = tags[i + 1]
        verb = v.word(after) in grammar_set("tense_marker") or v.word(after) in grammar_set("passive")
        if verb and any(t.label == "V" for t in tags[:i]):
            return tag.start
    return end


def _new_clause(v: SentenceView, start: int, pos: int, end: int) -> bool:
    """After a comma, a list item (a noun or a verb phrase) goes on; an adverbial, a preposition
    or a quantifier ("chủ yếu là", "theo ...", "nhiều nơi ...") opens a new clause, and so do, once
    the phrase from ``start`` holds its verb, a predicate after a noun ("3 người tử vong, cơ quan
    công an điều tra": a noun phrase with its own verb, not joined by "và"; "bãi giữ xe, niêm yết
    giá": a verb right after the noun)."""
    first = next((t for t in v.tags if t.start >= pos), None)
    if first is None or first.start >= end:
        return True
    if first.label not in ("N", "Nc", "Np", "Ny", "V") or v.word(first) in lexicons().subject_words:
        return True
    comma = _COMMA.search(v.text, pos, end)
    item = v.tags_in(pos, comma.start() if comma else end)
    said = any(t.label == "V" for t in v.tags_in(start, pos))
    verb = next((i for i, t in enumerate(item[1:], 1) if t.label == "V"), len(item))
    listed = any(v.word(t) in grammar_set("and") for t in item[:verb])  # "…, công an, quân đội và dân quân tự vệ": the list's last items
    if first.label == "V":  # "… bãi giữ xe máy, niêm yết giá công khai": a predicate after a noun
        last = [t for t in v.tags_in(start, pos) if t.end < pos]
        return said and bool(last) and last[-1].label in ("N", "Nc", "Np")
    return said and not listed and any(t.label == "V" for t in item[1:])


def _separator_end(v: SentenceView, pos: int, lead: int, head: str) -> int:
    """Before another figure: the last comma or "và" opening a new clause or list item, or a "với"
    opening the other figure's phrase ("27 doanh nghiệp mới thành lập với tổng vốn 350 tỷ
    đồng"), else ``lead``."""
    seps = list(_patterns().separator.finditer(v.text[pos:lead]))
    if not seps:
        return lead
    sep = seps[-1]
    rest = v.text[pos + sep.end() : lead]
    if sep.group("with") is not None:
        return pos + sep.start()
    if sep.group("comma") is not None:
        first = rest.split()[0].lower() if rest.split() else ""
        return lead if first and first == head.lower() else pos + sep.start()
    if not rest.strip() or all(_is_verb(v, t) for t in v.tags_in(pos + sep.end(), lead)):
        return pos + sep.start()
    return lead


def _strip(text: str, start: int, end: int, chars: str, left: bool = True) -> tuple[int, int]:
    while left and start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing period phrase and the punctuation around ``text[start:end]``."""
    for _ in range(3):
        start, end = _strip(text, start, end, _EDGE)
        tail = _period_tail_in(text[start:end])
        if tail:
            end = start + tail.start()
    return _strip(text, start, end, _EDGE + ")")


def _first_words(text: str, start: int, end: int, n: int = SUBJECT_MAX_WORDS) -> tuple[int, int]:
    spaces = [m.start() for m in rx(" ").finditer(text[start:end])]
    return (start, start + spaces[n - 1]) if len(spaces) >= n else (start, end)


def _last_words(text: str, start: int, end: int, n: int = SUBJECT_MAX_WORDS_BEFORE) -> tuple[int, int]:
    spaces = [m.end() for m in rx(" ").finditer(text[start:end])]
    return (start + spaces[-n], end) if len(spaces) >= n else (start, end)


def forward(v: SentenceView, pos: int, head: str = "") -> tuple[int, int] | None:
    """Rule 1: the phrase from ``pos`` to the end of its clause."""
    start, end = _trim(v.text, pos, _clause_end(v, pos, head))
    start, end = _first_words(v.text, start, end)
    return (start, end) if end > start else None


def _clause_start(v: SentenceView, end: int) -> int:
    """Start of the clause before ``end``: after ; : an open ( or a comma, or a "và" right before
    the figure; a short noun fragment before a comma stays in ("khu vực nông, lâm nghiệp")."""
    segment = v.text[v.sentence.start : end]
    marks = {m.group(): m.start() for m in rx(r"[;:()]").finditer(segment)}  # where each mark stands last
    opened = marks.get("(", -1) if marks.get("(", -1) > marks.get(")", -1) else -1
    stop = next((p - v.sentence.start for p in reversed(v.full_stops) if p < end), -1)
    cut = max(marks.get(";", -1), marks.get(":", -1), opened, stop)
    bounds = [cut] + [m.start() for m in rx(",").finditer(segment) if m.start() > cut]
    while len(bounds) > 1 and _list_fragment(v, v.sentence.start + bounds[-2] + 1, v.sentence.start + bounds[-1]):
        bounds.pop()
    start = v.sentence.start + bounds[-1] + 1
    lead = _lead_start(v, end)
    joined = _patterns().joined.search(v.text[start:lead])
    return start + joined.end() if joined else start


def _after_linker(v: SentenceView, clause: int, start: int) -> int:
    """Past the last word of the clause that opens a new one ("… nên thời gian tạm giam là 4 tháng",
    "… như SSI tăng 1%"), or past a copula with no figure after it ("Nguyên nhân chính là lượng mưa tăng 30%":
    what the copula names), when a noun is left after it before the figure."""
    end = _lead_start(v, start)
    links = [m for m in _patterns().linker.finditer(v.text, clause, end) if _whole_words(v, m.start(), m.end())]
    after = links[-1].end() if links else clause
    after = after if any(t.label in ("N", "Nc", "Np", "Ny") for t in v.tags_in(after, end)) else clause
    copulas = [t.end for t in v.tags_in(after, end) if v.word(t) in grammar_set("copula") and not rx(r"[\d)]").search(v.text, t.end, end)]
    if copulas and any(t.label in ("N", "Nc", "Np", "Ny") for t in v.tags_in(copulas[-1], end)):
        return copulas[-1]
    return after


def _list_fragment(v: SentenceView, start: int, end: int) -> bool:
    fragment = v.text[start:end]
    if len(fragment.split()) > 4 or _patterns().intro.match(fragment) or rx(r"\d").search(fragment):
        return False
    tags = v.tags_in(start, end)
    return bool(tags) and not any(_is_verb(v, t) or t.label == "E" for t in tags)


def _base_verb(v: SentenceView, start: int, end: int) -> int | None:
    """Start of the last base verb ("đạt", "chiếm", "bằng") of ``text[start:end]``; not a syllable of
    a longer word ("mặt bằng", "bằng chứng", "chiếm đoạt") unless it stands right before the figure
    ("chè búp tươi đạt 2.345,6 tấn", where the tagger joined "tươi đạt")."""
    lead = _lead_start(v, end)
    starts = [m.start() for m in _patterns().base.finditer(v.text, start, end) if _whole_words(v, m.start(), m.end()) or not v.text[m.end() : lead].strip()]
    return starts[-1] if starts else None


_CONTENT_TAGS = frozenset({"N", "Nc", "Np", "Ny", "A", "V"})


def _whole_words(v: SentenceView, start: int, end: int) -> bool:
    """No noun, adjective or verb of the sentence holds ``text[start:end]`` as one of its syllables
    ("mặt bằng", "chiếm đoạt", "tự do", "lý do"); a function word that does ("như vậy", "vậy mà") still
    ends a clause."""
    return not any(t.label in _CONTENT_TAGS and not (start <= t.start and t.end <= end) for t in v.tags if t.start < end and start < t.end)


def _strip_verbs(v: SentenceView, start: int, end: int, other: bool = False) -> int:
    """Drop the comparator, then the predicate at the end of ``text[start:end]``: predicate words
    of the lexicon, auxiliaries ("đã", "bị") and at most one other verb ("đóng góp"), so that a
    verb-tagged word of the noun phrase ("Kim ngạch xuất khẩu đạt") stays (none when ``other``, a
    base verb's phrase, which also keeps the adverbs before its verb: "khối lượng mua ròng đạt")."""
    end = max(start, _lead_start(v, end))
    end = end if other else _manner_tail(v, start, end)
    phrase = _patterns().predicate_tail.search(v.text, start, end)
    stripped = phrase is not None
    level = phrase is not None and "level" in lexicons().subject_words.get(" ".join(phrase.group(0).lower().split()), "")
    end = phrase.start() if phrase else end
    point = None if phrase else _level_after_verb(v, start, end)
    if point is not None:  # "lương tối thiểu vùng 1 sẽ lên mức …": a level noun after a verb is its predicate
        end, level, stripped = point, True, True
    tags = v.tags_in(start, end)
    copula = grammar_set("copula")  # after a copula, a passive chain qualifies the noun ("diện tích lúa bị ngập là …")
    said = phrase is not None and phrase.group(0).split()[-1].lower() in copula
    for i in range(len(tags) - 1, -1, -1):
        tag = tags[i]
        predicate = "predicate" in lexicons().subject_words.get(v.word(tag), "")
        if v.text[tag.end : end].strip() or not (predicate or _is_verb(v, tag)) or v.word(tag) in grammar_set("superlative") or _dimension(v, tags, i):
            break
        said = said or v.word(tag) in copula
        if level or (not said and _passive_chain(v, tags, i)):  # "giá vàng SJC đang được mua bán ở mức …", "vé … được rao bán với giá": the whole verb chain goes
            end = tag.start
            continue
        if not predicate and tag.label != "R" and v.word(tag) not in grammar_set("passive"):
            if other or (stripped and tag.label == "V"):
                break
            other = True
        end, stripped = tag.start, True
    return max(start, end)


def _passive_chain(v: SentenceView, tags: list[Span], i: int) -> bool:
    """``tags[i]`` is a verb of a chain of verbs right after a passive word ("được rao bán", "bị
    tạm giữ") after a noun: the chain is the predicate, however many verbs it holds (a phrase that is
    the chain alone, "thì bị phạt tù", keeps it: it names what the figure measures)."""
    j = i
    while j > 0 and tags[j].label == "V" and v.word(tags[j]) not in grammar_set("passive") and not v.text[tags[j - 1].end : tags[j].start].strip():
        j -= 1
    return j < i and v.word(tags[j]) in grammar_set("passive") and any(t.label in _NOUN_TAGS for t in tags[:j])


def _level_after_verb(v: SentenceView, start: int, end: int) -> int | None:
    """Start of a level noun (level kind of subject_words, grammar class level_point: "mức",
    "mốc", "ngưỡng") that ends ``text[start:end]`` right after a verb ("sẽ lên mức", "quay về
    mức", "giữ mức"): the noun names the level the figure gives, not what is measured. None when no
    noun is left before the verb chain ("Phản hồi lại đề xuất mức 5%") or the clause already holds
    a figure ("… giảm 220 tỷ đồng so với … xuống mức 502 tỷ đồng": the change's level)."""
    tags = v.tags_in(start, end)
    if len(tags) < 3 or v.text[tags[-1].end : end].strip() or v.word(tags[-1]) not in grammar_set("level_point"):
        return None
    if v.text[tags[-2].end : tags[-1].start].strip() or tags[-2].label not in _VERB_TAGS:
        return None
    i = len(tags) - 2
    while i >= 0 and (tags[i].label in _VERB_TAGS or v.word(tags[i]) in grammar_set("passive")):
        i -= 1
    clause = _clause_start(v, end)
    verb = any(t.label == "V" for t in tags[i + 1 : -1])  # "quay về mức": a verb in the chain
    if i < 0 or not verb or tags[i].label not in _NOUN_TAGS | {"M"} or any(clause <= f_start < end for f_start, _, _ in v.figures):
        return None
    return tags[-1].start


def _manner_tail(v: SentenceView, start: int, end: int) -> int:
    """Drop the adverbs and adjectives that follow a verb at the end of ``text[start:end]`` ("Tổng
    tài sản tăng bình quân", "HVN nhích nhẹ", "PVS được mua ròng mạnh nhất"); a noun's adjective
    stays ("Tỷ lệ hộ nghèo")."""
    tags = v.tags_in(start, end)
    i = len(tags)
    while i > 0 and not v.text[tags[i - 1].end : tags[i].start if i < len(tags) else end].strip():
        tag = tags[i - 1]
        if tag.label != "A" and "adverb" not in lexicons().subject_words.get(v.word(tag), ""):
            break
        i -= 1
    if i == len(tags) or i < 2 or not _is_verb(v, tags[i - 1]):
        return end
    return tags[i].start


def _object_start(v: SentenceView, start: int, end: int, based: bool = False) -> int | None:
    """After "với" (or "có" with no verb after it): the noun phrase the figure measures; before a
    base verb, after "với" only ("… cho xã hội với tỉ lệ việc làm đạt trên 95%")."""
    objects = _kinds("object") if not based else frozenset(grammar_set("with"))
    for tag in reversed(v.tags_in(start, end)):
        word = v.word(tag)
        if word in objects:
            return tag.end
        if tag.label == "V" or (word in lexicons().subject_words and "level" not in lexicons().subject_words[word]):
            return None
    return None


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """A phrase without its intro words, a leading "và/thì/còn", a leading year ("năm 2023 …"), a
    parenthesis and a period tail."""
    intro = _patterns().intro.match(text[start:end])
    start += intro.end() if intro else 0
    opener = _patterns().opener.match(text[start:end])
    start += opener.end() if opener else 0
    period = _patterns().period_head.match(text[start:end])  # "năm 2023 khu vực công nghiệp - xây dựng"
    start += period.end() if period else 0
    bracket = rx(r"\(.*\)").search(text, start, end)
    end = bracket.start() if bracket else end
    start, end = _trim(text, start, end)
    return _last_words(text, start, end)


def backward(v: SentenceView, start: int, previous: Chosen | None) -> Chosen | None:
    """Rules 2 and 3: the noun phrase right before the figure ("đạt tốc độ tối đa 320 km/h"), else
    the noun phrase before the verb the figure stands after, past a main verb before it ("tập đoàn
    DOJI cũng điều chỉnh giá vàng SJC là …" -> "giá vàng SJC")."""
    clause = _after_linker(v, _clause_start(v, start), start)
    noun = _noun_before(v, clause, start)
    if noun is not None:
        return noun
    base = _base_verb(v, clause, start)
    end = _strip_verbs(v, clause, base if base is not None else start, base is not None)
    obj = _object_start(v, clause, end, base is not None)
    s, e = _clean(v.text, obj if obj is not None else _after_main_verb(v, clause, end), end)
    holds_figure = any(s < f_end and f_start < e for f_start, f_end, _ in v.figures) and not _term(v, s, e)
    if e > s and not (holds_figure and previous) and _names_thing(v, s, e):  # "X giảm 220 tỷ đồng … xuống mức 502 tỷ đồng": X
        return Chosen(s, e, OBJECT if obj is not None else BEFORE_VERB)
    item = _list_item(v, s, e) if e > s and holds_figure and previous else None
    if item is not None:
        return item
    own = _own_words(v, clause, start)
    if own is not None:
        return own
    if previous:
        return Chosen(previous.start, previous.end, PREVIOUS_FIGURE)
    if clause - 1 > v.sentence.start:
        earlier = backward(v, clause - 1, None)
        return Chosen(earlier.start, earlier.end, EARLIER_CLAUSE) if earlier else None
    return None


def _list_item(v: SentenceView, start: int, end: int) -> Chosen | None:
    """The noun phrase before the verb holds another figure ("BHN giảm 0,83% và EIB", "nông thôn tăng
    từ 30.000 đồng lên 40.000 đồng và miền núi"): the item after the last comma or "và" past that figure
    names this figure's thing (rule statistics.subject.list_item); none when no short noun phrase with
    no number follows the separator."""
    ends = [f_end for f_start, f_end, _ in v.figures if start < f_end and f_end <= end]
    if not ends:
        return None
    seps = [m for m in _patterns().separator.finditer(v.text, max(ends), end) if m.group("with") is None]
    gap = _RATE.sub(" ", v.text[max(ends) : seps[-1].start()]) if seps else ","
    if "," in gap or len(gap.split()) > LIST_ITEM_GAP:
        return None  # "420km đường ống nối Hà Tĩnh và Nghệ An": the figure qualifies a noun, the "và" joins names
    s, e = _strip(v.text, seps[-1].end(), end, _EDGE)
    tags = v.tags_in(s, e)
    if not tags or tags[0].start != s or len(tags) > LIST_ITEM_WORDS:
        return None
    noun = tags[0].label in ("N", "Nc", "Np", "Ny", "X")
    if not noun and not (tags[0].label == "V" and v.word(tags[0]) not in lexicons().subject_words and any(t.label in ("N", "Np") for t in tags[1:])):
        return None  # a verb opens an item only as a noun the tagger misread ("sản lượng ngô"), not a predicate ("và tăng")
    timed = _time_phrase()[1].match(v.text, s, e) or v.word(tags[0]).split()[0] in grammar_set("time_opener")
    if rx(r"[\d()]").search(v.text, s, e) or not _names_thing(v, s, e) or timed:
        return None  # "… và sau Tết chuyển thêm 500 triệu đồng": a time phrase, not an item
    return Chosen(s, e, LIST_ITEM)


def _respective_list(v: SentenceView, start: int) -> tuple[int, int, int] | None:
    """The figure at ``start`` in a list right after a respectively cue ("lần lượt là 5% và 7%"): the
    cue's start, the figure's place in the list and the list's length (at least 2); the figures follow
    one another with only a comma, a joiner of grammar class figure_list_joiner, a rate or a comparator
    between them."""
    begin = max(v.sentence.start, start - RESPECTIVE_WINDOW)  # a bounded look back: no quadratic scan of a long sentence
    cues = [m for m in _respectively_cue().finditer(v.text, begin, start) if _whole_words(v, m.start(), m.end())]
    if not cues:
        return None
    cue = cues[-1]
    after = [(s, e) for s, e, _ in v.figures if s >= cue.end()]
    if not after or _respective_gap(v, cue.end(), after[0][0], first=True) is False:
        return None
    listed = [after[0]]
    for s, e in after[1:]:
        if not _respective_gap(v, listed[-1][1], s):
            break
        listed.append((s, e))
    at = [i for i, (s, _) in enumerate(listed) if s == start]
    if len(listed) < 2 or not at:
        return None
    return cue.start(), at[0], len(listed)


@lru_cache(maxsize=1)
def _respectively_cue() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{grammar_pattern('respectively')}){_B}")


def _respective_gap(v: SentenceView, end: int, start: int, first: bool = False) -> bool:
    """Only list words between two figures of a respectively list (or, ``first``, a few words with no
    number or punctuation between the cue and the first figure: "là", "ở mức")."""
    gap = v.text[end : _lead_start(v, start)]
    if first:
        return not rx(r"[\d,;:()]").search(gap) and len(gap.split()) <= RESPECTIVE_CUE_WORDS
    gap = _RATE.sub(" ", gap)
    words = gap.replace(",", " , ").split()
    joiners = grammar_set("figure_list_joiner")
    return len(words) <= 2 and all(w == "," or w.lower() in joiners for w in words)


def _respective_item(v: SentenceView, fig: Figure) -> Chosen | None:
    """The item of the subject that a figure of a respectively list is paired with (rule
    statistics.subject.respective_item): the subject read before the cue, split at its commas and its
    "và" into noun items, one per figure of the list. None when the counts differ or an item does not
    open with a noun ("kỳ hạn 5 năm và 7 năm", "nợ xấu hợp nhất và riêng": one subject qualified twice)."""
    listed = _respective_list(v, fig.start)
    if listed is None:
        return None
    cue, at, n = listed
    for s, e in _listed_subjects(v, cue):
        items = _items(v, s, e)
        if len(items) == n:
            return Chosen(*items[at], RESPECTIVE_ITEM)
    return None


def _listed_subjects(v: SentenceView, cue: int) -> Iterator[tuple[int, int]]:
    """Where the listed subject of a respectively cue may stand: the noun phrase read before it
    (rule 2), then the words opening its clause up to the first predicate, marker, countstop or
    adverb word, or those of the clause before it when no noun opens the cue's own ("A và B cũng
    tăng, ở mức lần lượt …")."""
    whole = backward(v, cue, None)
    if whole is not None:
        yield whole.start, whole.end
    clause = _clause_start(v, cue)
    if whole is not None and whole.start >= clause:
        return  # the cue's own clause names the thing ("X, Y và Z có số ca lần lượt là …": "số ca")
    for start in (clause, _clause_start(v, clause - 1) if clause - 1 > v.sentence.start else None):
        if start is None:
            break
        end = start
        for tag in v.tags_in(start, cue):
            kinds = lexicons().subject_words.get(v.word(tag), "")
            if tag.label == "R" or any(k in kinds for k in ("predicate", "marker", "countstop", "base", "stop", "clauseend")):
                break
            end = tag.end
        s, e = _clean(v.text, start, end)
        if e > s and any(t.label in ("N", "Nc", "Np", "Ny") and v.word(t) not in _kinds("level") for t in v.tags_in(s, e)):
            yield s, e
            break


def _items(v: SentenceView, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` split at its commas and "và" (grammar class and); every item after the first
    opens with a noun and holds no number; the last ends before a word of the predicate ("dư nợ tín dụng
    dự kiến tăng trưởng")."""
    bounds, pos = [], start
    for m in _patterns().separator.finditer(v.text, start, end):
        if m.group("with") is not None:
            return []
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, end))
    items = []
    for k, (s, e) in enumerate(bounds):
        s, e = _strip(v.text, s, e, _EDGE)
        tags = v.tags_in(s, e)
        if not tags or (k and (tags[0].start != s or tags[0].label not in ("N", "Nc", "Np", "Ny", "V", "X"))) or rx(r"\d").search(v.text, s, e):
            return []
        items.append((s, e))
    s, e = items[-1]
    tags = v.tags_in(s, e)
    cut = next((t.start for t in tags[1:] if any(k in lexicons().subject_words.get(v.word(t), "") for k in ("intro", "predicate", "marker", "countstop"))), e)
    items[-1] = _strip(v.text, s, cut, _EDGE)
    untagged = [(s, e) for s, e in items if all(t.label == "X" for t in v.tags_in(s, e))]  # words past the tagger's window
    return items if all((s, e) in untagged or _names_thing(v, s, e) for s, e in items) else []


def _term(v: SentenceView, start: int, end: int) -> bool:
    """The phrase is a duration figure alone ("2 tuần giảm còn 3,3%", "1 tháng ở 3,65%"): it names
    the term the figure after it is given for (a rate's maturity), not another measured amount."""
    inside = [(s, e) for s, e, kind in v.figures if start < e and s < end]
    if len(inside) != 1 or inside[0][0] != start:
        return False
    words = v.text[start:end].lower().split()
    return len(words) == 2 and words[1] in grammar_set("duration_unit")


def _own_words(v: SentenceView, clause: int, start: int) -> Chosen | None:
    """A short clause after a comma that names its own figure with a verb of no predicate, base,
    marker or level word of the lexicon (", giật cấp 10", ", truy thu gần 9 tỷ NDT"): its words."""
    if clause <= v.sentence.start + 1:
        return None
    s, e = _strip(v.text, clause, _lead_start(v, start), _EDGE)
    tags = v.tags_in(s, e)
    if not tags or len(tags) > SUBJECT_OWN_WORDS or not rx(r"^[\p{L} ]+$").match(v.text[s:e]):
        return None
    if any(v.word(t) in lexicons().subject_words or t.label not in ("V", "N") for t in tags):
        return None
    return Chosen(s, e, BEFORE_VERB) if any(t.label == "V" for t in tags) else None


def _names_thing(v: SentenceView, start: int, end: int) -> bool:
    """A phrase can be a subject: it holds a noun or a verb with letters that is no number, multiplier
    or intro word ("409.980", "7 triệu", "tức", "cao nhất", "nặng" alone name nothing measured)."""
    intro = _kinds("intro")
    for t in v.tags_in(start, end):
        word = v.word(t)
        if t.label not in ("N", "Nc", "Np", "Ny", "M", "V") or not rx(r"\p{L}").search(word) or word in intro:
            continue
        if word not in MULTIPLIERS:
            return True
    return False


_NOUN_RUN_TAGS = frozenset({"N", "Nc", "Np", "Nu", "Ny", "A"})


def _is_plain_verb(v: SentenceView, tag: Span) -> bool:
    """A verb that may sit inside a noun phrase ("thời gian thu hồi vốn", "doanh thu bán bò"): no
    predicate, marker or stop word."""
    kinds = lexicons().subject_words.get(v.word(tag), "")
    return not any(k in kinds for k in ("predicate", "marker", "stop", "base", "clauseend"))


def _in_noun_run(v: SentenceView, tag: Span, run: list[Span]) -> bool:
    """A word of a noun phrase read backwards: a noun or adjective, a numeral word ("tổng số
    tiền"), or "của/tại/ở/từ" between two nouns ("kim ngạch xuất khẩu của tỉnh")."""
    word = v.word(tag)
    if word in grammar_set("noun_link") or tag.label == "L":  # "thiệt hại do mưa lũ", "giá mỗi suất ăn"
        return bool(run) and run[0].label in ("N", "Nc", "Np", "Ny")
    kinds = lexicons().subject_words.get(word, "")
    if any(k in kinds for k in ("predicate", "intro", "stop")):
        return False
    if word == "-" and run:
        return True
    if tag.label == "M":  # a numeral word ("tổng số", "tỷ lệ" are often tagged M), not a number or multiplier
        return not (rx(r"\d").search(word) or word in MULTIPLIERS or parse_number_words(word) is not None)
    return tag.label in _NOUN_RUN_TAGS


def _noun_before(v: SentenceView, clause: int, start: int) -> Chosen | None:
    """A noun phrase right before the figure, with no verb between ("công suất 4 triệu tấn",
    "trên diện tích 102,05 ha", "bộ pin 22kWh"): its nouns and adjectives back to the first other
    word, after a name followed by a common noun ("huyện Tuy An kinh phí" -> "kinh phí"); a verb
    inside the phrase ("doanh thu bán bò") is none before a classifier ("mua chiếc xe máy cũ": its
    object); none
    when the word before the figure names a level ("đạt tỷ lệ 99%", "ở mức")."""
    end = _noun_end(v, clause, start)
    if end is None:
        return None
    words = v.text[clause:end].split()
    if not words or words[-1].lower() in _kinds("base"):
        return None  # "… chè búp tươi đạt 2.345,6 tấn", "tươi đạt" tagged as one noun: a base verb is no noun
    tags = v.tags_in(clause, end)
    run: list[Span] = []
    for i in range(len(tags) - 1, -1, -1):
        tag = tags[i]
        if v.text[tag.end : run[0].start if run else end].strip():
            break
        inner_verb = tag.label == "V" and run and run[0].label != "Nc" and i > 0 and tags[i - 1].label in ("N", "Nc") and _is_plain_verb(v, tag)
        if not (_in_noun_run(v, tag, run) or inner_verb or _dimension(v, tags, i)):
            break
        run.insert(0, tag)
    if not run or v.word(run[-1]) in _kinds("level"):
        return None
    names = [i for i in range(len(run) - 1) if run[i].label == "Np" and run[i + 1].label in ("N", "Nc")]
    run = run[names[-1] + 1 :] if names else run
    while run and (run[0].label not in ("N", "Nc", "Np", "Ny", "M") or v.word(run[0]) in grammar_set("noun_link") or run[0].label == "L"):
        run.pop(0)
    if not run or rx(r"[\d%+]").search(v.text[run[0].start : end]):
        return None
    s, e = _clean(v.text, run[0].start, end)
    lead = _patterns().copula_lead.match(v.text, s, e)
    s = lead.end() if lead else s
    if e <= s:
        return None
    widened = _word_before_run(v, clause, run, e) if s == run[0].start else None
    return widened or Chosen(s, e, NOUN_BEFORE)


def _word_before_run(v: SentenceView, clause: int, run: list[Span], end: int) -> Chosen | None:
    """The noun phrase with the word before it that says what the figure measures: a word of distance
    ("cách Côn Đảo") or the verb of an act ("phạt tù"); None when there is none."""
    distance = _distance_word(v, clause, run[0])
    if distance is not None:
        return Chosen(distance, end, DISTANCE_FROM)
    act = _act_before(v, clause, run)
    return Chosen(act, end, ACT_OBJECT) if act is not None else None


def _distance_word(v: SentenceView, clause: int, first: Span) -> int | None:
    """Start of a word of distance (grammar class distance_from: "cách") right before the noun phrase
    read before a figure ("cách Côn Đảo khoảng 270 km", "cách nhà nạn nhân hơn 1 km"): the figure
    measures the distance from the place, so the word stays in the subject; the place alone names
    no measured thing."""
    before = [t for t in v.tags_in(clause, first.start) if t.end <= first.start]
    if not before or v.text[before[-1].end : first.start].strip() or v.word(before[-1]) not in grammar_set("distance_from"):
        return None
    return before[-1].start


def _act_before(v: SentenceView, clause: int, run: list[Span]) -> int | None:
    """Start of the verb right before a bare object noun ("phạt tù 6 tháng", "hoàn tiền 15%", "thu lợi
    bất chính"): the noun alone ("tù", "tiền") does not say what the figure measures, the act does. Only
    a plain verb (no word of the subject lexicon, no "có"/"là") before a one-syllable noun that is no
    price noun, alone or with one adjective: a noun of its own ("ký hợp đồng", "giữ số tiền", "đề nghị
    mức án") names the measured thing without its verb."""
    if not run or len(run) > 2 or run[0].label != "N" or " " in v.word(run[0]) or v.word(run[0]) in grammar_set("price_noun"):
        return None
    if len(run) == 2 and run[1].label != "A":  # "thu lợi bất chính", "trả lãi thiếu"; not "giữ số tiền", "đề nghị mức án"
        return None
    before = v.tags_in(clause, run[0].start)
    if not before or v.text[before[-1].end : run[0].start].strip():
        return None
    verb, word = before[-1], v.word(before[-1])
    copula = word in grammar_set("copula_have") or word in grammar_set("copula")
    if verb.label != "V" or not word.replace(" ", "").isalpha() or word in lexicons().subject_words or copula:
        return None
    return verb.start


def _dimension(v: SentenceView, tags: list[Span], i: int) -> bool:
    """A measuring adjective right after a dimension noun ("bề rộng", "chiều dài", "độ sâu"), or a
    verb right after a quantity noun ("tầm bắn", "tổng mức đầu tư", "phạm vi hoạt động", "mức tăng"):
    together they name the property measured, so the word stays in the noun phrase."""
    if i == 0 or v.text[tags[i - 1].end : tags[i].start].strip():
        return False
    word, before = v.word(tags[i]), v.word(tags[i - 1])
    if word in figure_words("comparative") and before in grammar_set("dimension_noun"):
        return True
    kinds = lexicons().subject_words.get(word, "")
    plain = tags[i].label == "V" and word not in grammar_set("copula_have") and not any(k in kinds for k in ("marker", "base", "clauseend", "copula"))
    if not (plain and tags[i - 1].label in ("N", "Nc") and before in grammar_set("quantity_head")):
        return False
    # a change verb names the quantity after a head that opens its phrase ("với mức tăng 8%"), not after a longer noun ("Giá vốn giảm 5%")
    return "predicate" not in kinds or i < 2 or tags[i - 2].label not in _NOUN_TAGS


def _noun_end(v: SentenceView, clause: int, start: int) -> int | None:
    """Where a noun phrase right before a figure ends: before its comparator and a dropped adverb
    ("phổ biến"); none after a measuring adjective ("khu đất … rộng 1.500 m2": the clause's subject)."""
    end = _lead_start(v, start, keep_property=True)
    end = _strip(v.text, clause, end, _EDGE, left=False)[1]
    tail = _patterns().adverb_tail.search(v.text, clause, end)
    end = tail.start() if tail else end
    return None if _patterns().measure_adjective.search(v.text, clause, end) else end


def _after_main_verb(v: SentenceView, clause: int, end: int) -> int:
    """Where the noun phrase before the predicate starts: past the last main verb of the clause, a
    verb after a marker ("cũng", "đã", "sẽ" …) or after a name ("DOJI niêm yết giá vàng SJC"),
    when a noun is left after it; else the clause start."""
    tags = v.tags_in(clause, end)
    markers = _kinds("marker")
    for i in range(len(tags) - 2, 0, -1):
        if tags[i].label != "V" or not (v.word(tags[i - 1]) in markers or tags[i - 1].label == "Np"):
            continue
        rest = [t for t in tags[i + 1 :] if t.label in ("N", "Nc", "Np")]
        if rest and not any(t.label == "V" for t in tags[i + 1 : i + 2]):
            return tags[i].end
    return clause


def bracketed(v: SentenceView, fig: Figure, previous: Chosen | None) -> Chosen | None:
    """A figure opening a bracket ("Trần Thanh Dâng (40 tuổi, …)", "giá 400.000 Bảng Anh (tương
    đương 11,2 tỷ đồng)"): the previous figure's subject when a figure stands right before the
    bracket, else the name or noun phrase right before it."""
    before = v.text[v.sentence.start : fig.start]
    opened = _patterns().bracket.search(before)
    if not opened:
        return None
    paren = v.sentence.start + opened.start()
    if any(0 <= paren - end <= 2 for _, end, _ in v.figures):
        return Chosen(previous.start, previous.end, PREVIOUS_FIGURE) if previous else None
    words = [t for t in v.tags_in(v.sentence.start, paren)]
    name = [t for t in words[-6:] if t.label == "Np" or v.text[t.start : t.start + 1].isupper()]
    run: list[Span] = []
    for tag in reversed(words):
        if tag not in name or (run and v.text[tag.end : run[0].start].strip()):
            break
        run.insert(0, tag)
    if run:
        return Chosen(run[0].start, run[-1].end, BRACKETED)
    return _noun_before(v, _clause_start(v, paren), paren)


def subject(v: SentenceView, fig: Figure, change: bool, previous: Chosen | None) -> tuple[Subject, Chosen | None]:
    """The subject of a figure, and the phrase the next figure of the sentence may continue (its
    subject without the rate), without a time phrase inside it."""
    if fig.rule is TABLE_ROW:  # a table cell: its row label, whichever side of it the cell stands
        return Subject(Chosen(fig.unit_start, fig.unit_end, ROW_LABEL)), previous
    previous = None if previous is not None and any(previous.end <= p < fig.start for p in v.full_stops) else previous
    found, carried = _subject(v, fig, change, previous)
    stopped = _after_full_stop(v, found.phrase, fig.start)
    if stopped is not found.phrase:
        found, carried = Subject(stopped, found.rate), stopped if carried is found.phrase else carried
    listed = _respective_item(v, fig)
    if listed is not None:  # a figure after the list continues the whole subject, not the last item
        return Subject(listed, found.rate), carried
    phrase = _before_predicate(v, _change_leftover(v, found.phrase, fig.start))
    phrase = _after_preposition(v, _after_time(v, _time_leftover(v, _before_time(v, _run_on(v, phrase, fig.start)))))
    counted = phrase is not None and phrase.rule is COUNTED_NOUN  # "57 mốc": what a count counts is its subject
    if phrase is not None and not counted and (previous is not None or found.rate is None) and _no_content(v.text[phrase.start : phrase.end]):
        phrase = Chosen(previous.start, previous.end, NO_CONTENT) if previous is not None else None  # "mức/căn" stays (rule 4)
        return Subject(phrase, found.rate), phrase
    if phrase is found.phrase:
        return found, carried
    return Subject(phrase, found.rate), phrase if carried is found.phrase else carried


def _after_full_stop(v: SentenceView, phrase: Chosen | None, start: int) -> Chosen | None:
    """A noun phrase read before the figure from a full stop that ends a sentence inside the segmenter's
    sentence (rule statistics.subject.full_stop): the phrase, named by that rule."""
    stop = next((p for p in reversed(v.full_stops) if p < start), None)
    if stop is None or phrase is None or phrase.start <= stop or phrase.rule not in (BEFORE_VERB, NOUN_BEFORE, OBJECT):
        return phrase
    if rx(r"[,;:()]").search(v.text, stop + 1, phrase.start):
        return phrase  # a later mark opens the clause
    return Chosen(phrase.start, phrase.end, FULL_STOP)


@lru_cache(maxsize=1)
def _change_target_tail() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?:\s+(?:{alternation(grammar_set('change_target'))}))+\s*$")


def _change_leftover(v: SentenceView, phrase: Chosen | None, start: int) -> Chosen | None:
    """A phrase read after the first figure of a change that runs to the words leading to the second
    figure ("từ 15% hiện nay xuống còn 5%", "từ 2 ca lên 3 ca"; grammar class change_target):
    for a count, its counted noun phrase without those words ("ca"); else the words are a leftover
    (a time, the verb of the change) and, after "từ" (grammar class range_start), the figure takes the noun
    phrase before it ("giảm thuế nhập khẩu linh kiện từ 15%" -> "thuế nhập khẩu linh kiện"), or none (rule
    statistics.subject.change_leftover)."""
    if phrase is None or phrase.rule not in (AFTER_FIGURE, COUNTED_NOUN) or phrase.start < start:
        return phrase
    tail = _change_target_tail().search(v.text, phrase.start, phrase.end)
    inner = any(phrase.start <= f_start < phrase.end for f_start, _, _ in v.figures)  # "5 căn nhà … từ 80 m2 lên": not the first figure's phrase
    if tail is None or inner or not _whole_words(v, tail.start() + len(tail.group()) - len(tail.group().lstrip()), phrase.end):
        return phrase
    if not any(f_start > phrase.end and not v.text[phrase.end : _lead_start(v, f_start)].strip() for f_start, _, _ in v.figures):
        return phrase  # the words lead to no figure right after them
    if phrase.rule is COUNTED_NOUN:
        s, e = _strip(v.text, phrase.start, tail.start(), _EDGE)
        return Chosen(s, e, CHANGE_LEFTOVER) if e > s and _names_thing(v, s, e) else phrase
    words = v.text[v.sentence.start : start].lower().split()[-2:]
    if not any(w in grammar_set("range_start") for w in words):
        return phrase  # no "từ (mức)" before the figure: "sau 5 năm nâng … lên 2 tấn" is no change from it
    before = backward(v, start, None)
    return Chosen(before.start, before.end, CHANGE_LEFTOVER) if before is not None and before.end <= start else None


@lru_cache(maxsize=1)
def _fragment_words() -> frozenset[str]:
    return frozenset(w for phrase in lexicons().subject_fragments for w in phrase.split())


def _no_content(phrase: str) -> bool:
    """Every word of the phrase is a word of subject_fragments.tsv (rule statistics.subject.no_content)."""
    words = [w.strip(_EDGE + "()\"'“”") for w in phrase.lower().replace("/", " ").split()]
    words = [w for w in words if w]
    return bool(words) and all(w in _fragment_words() for w in words)


@lru_cache(maxsize=1)
def _time_tail_kinds() -> dict[str, list[str]]:
    """The phrases of time_tails.tsv by kind (preposition, point, quantifier, noun, deictic, sense)."""
    kinds: dict[str, list[str]] = {}
    for phrase, kind in lexicons().time_tails.items():
        kinds.setdefault(kind, []).append(phrase)
    return kinds


@lru_cache(maxsize=1)
def _time_phrase() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A time phrase (time_tails.tsv): a preposition, quantifier words or numbers, a time noun (or a
    point preposition and the noun right after it); after a word, and at the start of a phrase."""
    kinds = _time_tail_kinds()
    number = rf"(?:\d[\d.,]*|{NUMBER_WORD_PATTERN})"
    body = (
        rf"(?:(?:{alternation(kinds['preposition'])})\s+(?:(?:{alternation(kinds['quantifier'])}|{number})\s+)*|(?:{alternation(kinds['point'])})\s+)"
        rf"(?:{alternation(kinds['noun'])}){_B}(?!\s+(?:{alternation(kinds['sense'])}){_B})"
    )
    return regex.compile(rf"(?i)(?<=\S)\s+{body}"), regex.compile(rf"(?i)\s*{body}")


@lru_cache(maxsize=2)
def _leading_time(comma: bool) -> regex.Pattern[str]:
    """A time phrase at the start of a phrase (time_tails.tsv): prepositions or quantifiers, a time noun
    and its deictic words, numbers and dates ("Trong tuần qua,", "Quý I,", "Hôm thứ Sáu,"), then a comma;
    something before the noun or after it, so a bare noun ("Ngày nắng,") is none. Without the comma, the
    phrase must end in a deictic word or a date ("Tháng 1/2017 lượng hồ sơ", "Năm trước giá vịt")."""
    kinds = _time_tail_kinds()
    lead = alternation(kinds["preposition"] + kinds["point"] + kinds["quantifier"])
    noun = alternation(kinds["noun"])
    last = rf"(?:{alternation(kinds['deictic'])}|\d[\d./-]*\d|\d|[IVX]+){_B}"
    after = rf"(?:(?:{alternation(kinds['noun'] + kinds['preposition'])}){_B}|{last})"
    if comma:
        body = rf"(?:(?:{lead})\s+)+(?:\d[\d.,]*\s+)?(?:{noun}){_B}(?:\s+{after})*|(?:{noun}){_B}(?:\s+{after})+"
        return regex.compile(rf"(?i)\s*(?:{body})\s*,\s*")
    return regex.compile(rf"(?i)\s*(?:(?:{lead})\s+)*(?:\d[\d.,]*\s+)?(?:{noun}){_B}(?:\s+{after})*\s+{last}\s+(?!(?:{noun}){_B}|\d)")


def _after_time(v: SentenceView, phrase: Chosen | None) -> Chosen | None:
    """The phrase after a time phrase that opens it (rule statistics.subject.leading_time), when what is
    left names something: after a comma, or, with no comma, a noun right after the time's deictic word or
    date. Not a count's counted noun phrase ("4 mùa giải, …")."""
    if phrase is None or phrase.rule is COUNTED_NOUN:
        return phrase
    match = _leading_time(True).match(v.text, phrase.start, phrase.end)
    if match is None:
        match = _leading_time(False).match(v.text, phrase.start, phrase.end)
        if match is None:
            return phrase
        first = v.tags_in(match.end(), phrase.end)[:1]
        if not first or first[0].start != match.end() or first[0].label not in ("N", "Np", "Nc"):
            return phrase  # "trong tháng 3/2015 trên các kênh": a preposition opens no subject
    if not _whole_words(v, phrase.start, match.end()):
        return phrase
    s, e = _strip(v.text, match.end(), phrase.end, _EDGE)
    return Chosen(s, e, LEADING_TIME) if e > s and _names_thing(v, s, e) else phrase


@lru_cache(maxsize=1)
def _time_leftover_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The first words of a time phrase at the end of a phrase ("vào cuối", "hôm", "tính đến cuối ngày"), and
    the rest of a time phrase right after it (a number, a time noun or a deictic word of time_tails.tsv, "nay")."""
    g = grammar_pattern
    tails = _time_tail_kinds()
    lead = rf"(?:(?:{g('as_of')})\s+)?(?:{g('span_to')}|{g('time_preposition')}|{alternation(tails['preposition'] + tails['point'])})(?:\s+(?:{g('through')}))?"
    day = rf"(?:{g('day_word')}|{g('time_of_day')}|{g('hour_noun')})"
    words = rf"(?:(?:{g('period_edge')})(?:\s+{day})*|{day}(?:\s+{day})*)"
    rest = alternation(tails["noun"] + tails["deictic"] + list(lexicons().grammar("now")))
    tail = regex.compile(rf"(?i)(?<=\S)(?:\s+{lead})?\s+{words}\s*$")
    return tail, regex.compile(rf"(?i)\s+(?:\d|(?:{rest}){_B})"), regex.compile(rf"(?i)\s*{lead}\s*")


@lru_cache(maxsize=1)
def _run_on_opener() -> regex.Pattern[str]:
    """A capitalised intro word between two words that start in lower case: a sentence run on."""
    words = sorted({w[:1].upper() + w[1:] for w in _kinds("intro")}, key=len, reverse=True)
    return regex.compile(rf"(?<=(?<![\p{{L}}\p{{N}}])\p{{Ll}}[\p{{L}}\p{{N}}]*)\s+(?:{'|'.join(map(regex.escape, words))}){_B}(?=\s+\p{{Ll}})")


def _run_on(v: SentenceView, phrase: Chosen | None, start: int) -> Chosen | None:
    """The phrase up to a sentence run on inside it when read after the figure, or from its end when
    read before (rule statistics.subject.run_on), when what is left names something."""
    if phrase is None:
        return None
    found = list(_run_on_opener().finditer(v.text, phrase.start, phrase.end))
    if not found:
        return phrase
    s, e = (phrase.start, found[0].start()) if phrase.start > start else (found[-1].end(), phrase.end)
    s, e = _clean(v.text, s, e) if phrase.start <= start else _strip(v.text, s, e, _EDGE)
    return Chosen(s, e, RUN_ON) if e > s and _names_thing(v, s, e) else phrase


def _inside_word(v: SentenceView, pos: int) -> bool:
    """A word of the sentence holds ``pos`` after its first character."""
    i = bisect_left(v.starts, pos) - 1
    return i >= 0 and v.tags[i].end > pos


def _time_leftover(v: SentenceView, phrase: Chosen | None) -> Chosen | None:
    """The phrase without the first words of a time phrase that it ends in, when the rest of the time
    phrase follows it (rule statistics.subject.time_leftover) and what is left names something."""
    if phrase is None:
        return None
    tail, rest, lead = _time_leftover_patterns()
    match = tail.search(v.text, phrase.start, phrase.end)
    if match is None or not rest.match(v.text, phrase.end, v.sentence.end) or _inside_word(v, match.start() + len(match.group()) - len(match.group().lstrip())):
        return phrase  # "vốn ban đầu": a syllable of a word is no time word ("hôm" of a "hôm nay" cut short is)
    if any(c.isupper() for c in match.group()):
        return phrase  # "hang Tối": a name
    s, e = _trim(v.text, phrase.start, match.start())  # "… tại ngày 17/6": the preposition left before it goes too
    if e <= s or not _names_thing(v, s, e) or lead.fullmatch(v.text, s, e) or _no_content(v.text[s:e]):
        return phrase  # "hồi cuối", "ngày hôm": the phrase is all time words
    return Chosen(s, e, TIME_LEFTOVER)


def _after_preposition(v: SentenceView, phrase: Chosen | None) -> Chosen | None:
    """The phrase without a leading "với"/"đối với" (rule statistics.subject.leading_preposition),
    when what is left names something."""
    if phrase is None:
        return None
    first = next((t for t in v.tags if t.start >= phrase.start), None)
    if first is None or first.start != phrase.start or first.end >= phrase.end or v.word(first) not in grammar_set("object_marker"):
        return phrase
    s, e = _strip(v.text, first.end, phrase.end, _EDGE)
    return Chosen(s, e, LEADING_PREPOSITION) if e > s and _names_thing(v, s, e) else phrase


def _before_predicate(v: SentenceView, phrase: Chosen | None) -> Chosen | None:
    """A phrase read after the figure up to a comma or "và" right before a verb (rule
    statistics.subject.second_predicate), when a noun stands before it: the verb opens a second
    predicate ("40 cô gái, lừa tình …", "1 thành viên HĐQT và sửa đổi điều lệ"). Not in a phrase
    that holds a verb of its own: the verb after it may be one more of a list ("66 đối tượng hẹn nhau …
    tổ chức đua xe và cổ vũ đua xe", "2 ngày xét xử và nghị án")."""
    if phrase is None or phrase.rule not in (COUNTED_NOUN, AFTER_FIGURE):
        return phrase
    tags = v.tags_in(phrase.start, phrase.end)
    for i in range(1, len(tags) - 2):  # a verb alone at the end may be a noun the tagger read as a verb ("bò và dê")
        mark = v.word(tags[i])
        if tags[i - 1].label == "V":
            return phrase  # a phrase with its own verb may list more ("đăng ký, kê khai và nộp thuế", "túm tóc, tát")
        after = tags[i + 1]
        verb = after.label == "V" and v.word(after) not in grammar_set("copula") and not v.text[after.start].isupper()  # "Bộ Y tế và Công thương": a name
        if not (mark == "," or mark in grammar_set("and")):
            continue
        if not verb or tags[i - 1].label not in ("N", "Nc", "Np"):
            return phrase  # "cán bộ, công chức, viên chức": a list of nouns goes on, whatever the tagger read its later items as
        s, e = _strip(v.text, phrase.start, tags[i].start, _EDGE)
        return Chosen(s, e, SECOND_PREDICATE) if e > s and _names_thing(v, s, e) else phrase
    return phrase


def _before_time(v: SentenceView, phrase: Chosen | None) -> Chosen | None:
    """The phrase up to a time phrase inside it (rule statistics.subject.time_tail), when a phrase
    that names something is left before it, no superlative stands right before it and its words are
    whole words of the sentence."""
    tail, head = _time_phrase()
    if phrase is None or head.match(v.text, phrase.start, phrase.end):
        return phrase  # "kể từ ngày cấp giấy chứng nhận": the phrase is the time phrase itself
    for match in tail.finditer(v.text, phrase.start, phrase.end):
        before = v.text[phrase.start : match.start()].split()
        if (before and before[-1].lower() in grammar_set("superlative")) or not _whole_words(v, match.end() - len(match.group().lstrip()), match.end()):
            continue  # "cao nhất trong ngày"; "phục vụ trong Tuần duyên Mỹ", where the noun is a syllable of a word
        s, e = _strip(v.text, phrase.start, match.start(), _EDGE + ")")  # not _trim: "nhà ở" keeps its "ở"
        if e > s and _names_thing(v, s, e):
            return Chosen(s, e, TIME_TAIL)
        return phrase
    return phrase


def _subject(v: SentenceView, fig: Figure, change: bool, previous: Chosen | None) -> tuple[Subject, Chosen | None]:
    measured = _region_of_list(v, _measured_thing(v, fig.start), previous)
    if measured is not None:
        return Subject(measured), measured
    if fig.kind == "count" or (fig.kind == "ratio" and fig.unit != "lần" and fig.unit_end > fig.unit_start):  # not a table cell "32/50 (64%)"
        found = forward(v, fig.unit_start, v.text[fig.unit_start : fig.unit_end].split()[0])
        phrase = Chosen(found[0], found[1], COUNTED_NOUN) if found else None
        if (phrase is None or len(v.text[phrase.start : phrase.end].split()) <= len(fig.unit.split())) and not _after_with(v, fig.start):
            before = _label(v, fig.start) or backward(v, fig.start, None)
            before = None if before is not None and _whole_area(v, before) else before  # "Toàn tỉnh có 7.500 thí sinh": a scope
            before = None if before is not None and _act_noun_before(v, fig.start) else before
            if before is not None and (change or before.rule in (NOUN_BEFORE, UNIT_ONLY, ACT_OBJECT) or _after_predicate(v, fig.start)):
                phrase = Chosen(before.start, before.end, CHANGED_THING if change else UNIT_ONLY)
            else:
                phrase = _bare_counter(v, phrase, before, fig.start) or phrase
        return Subject(phrase), phrase
    rate = _RATE.match(v.text, fig.end, v.sentence.end)
    pos = rate.end() if rate else fig.end
    tail = _patterns().tail_comparator.match(v.text, pos, v.sentence.end)
    pos = tail.end() if tail else pos
    bracket = bracketed(v, fig, previous)
    priced = _priced(v, bracket or backward(v, fig.start, previous)) if fig.kind == "money" else None
    if rate:
        if priced is not None:
            return _rate_subject(v, (fig.start, pos), (rate.start(), rate.end()), priced)
        return _rate_subject(v, (fig.start, pos), (rate.start(), rate.end()), bracket or backward(v, fig.start, previous))
    duration = fig.kind == "measure" and fig.unit.lower() in grammar_set("duration_unit")
    phrase = bracket or _forward_subject(v, pos, fig.start, duration, fig.kind == "percent") or priced or backward(v, fig.start, previous)
    phrase = _duration_act(v, phrase, fig.start) if duration else phrase
    phrase = _region_of_list(v, phrase, previous)
    return Subject(phrase), phrase


def _bare_counter(v: SentenceView, phrase: Chosen | None, before: Chosen | None, start: int) -> Chosen | None:
    """A count whose phrase is only a counted noun that names nothing counted (grammar class
    bare_counter: "30.000 chiếc", "hơn 40 lần", "2,5 triệu đơn vị"), with a noun phrase before the verb
    the figure stands after: that phrase, with the verbs of the act between it and the figure as for a
    duration ("X bị xử 2 trận" -> "X bị xử"); none when the phrase before is read from an earlier clause,
    holds no noun or a number ("bán 4 trận thay vì 6 trận": another figure's words) or is a pronoun alone
    ("anh đã chơi 120 trận")."""
    if phrase is None or before is None or before.rule not in (BEFORE_VERB, OBJECT):
        return None
    if " ".join(v.text[phrase.start : phrase.end].lower().split()) not in grammar_set("bare_counter"):
        return None
    nouns = [t for t in v.tags_in(before.start, before.end) if t.label in ("N", "Nc", "Np", "Ny")]
    if not nouns or rx(r"\d").search(v.text, before.start, before.end) or " ".join(v.text[before.start : before.end].lower().split()) in grammar_set("pronoun"):
        return None  # "thu gọn", "anh": no noun phrase names what the count counts
    act = _duration_act(v, Chosen(before.start, before.end, BEFORE_VERB), start)
    return Chosen(act.start, act.end, BARE_COUNTER) if act is not None else None


def _duration_act(v: SentenceView, phrase: Chosen | None, start: int) -> Chosen | None:
    """A duration right after the verb of an act, read before the verb ("bị can bị bắt tạm giam 4
    tháng", "anh chỉ thi đấu 14 phút", "Trận đấu bắt đầu muộn 30 phút"): the duration measures the act,
    so the verbs between the noun phrase and the figure stay in the subject. Not a verb that only says
    the time taken (grammar class duration_lead: "mất", "kéo dài", "hết", "qua") nor a predicate, tense
    or level word of the lexicon: "Vụ việc này kéo dài 6 năm" stays "Vụ việc này"; an adverb of the
    subject lexicon before the figure ("thêm") stays out."""
    if phrase is None or phrase.rule is not BEFORE_VERB:
        return phrase
    lead = _lead_start(v, start)
    gap = v.text[phrase.end : lead]
    if not gap.strip() or not rx(r"^[\p{L} ]+$").match(gap):
        return phrase
    tags = v.tags_in(phrase.end, lead)
    while tags and "adverb" in lexicons().subject_words.get(v.word(tags[-1]), ""):
        tags.pop()  # "tăng tuổi nghỉ hưu thêm 6 tháng": an adverb of the figure stays out
    if not tags or len(tags) > DURATION_ACT_WORDS:
        return phrase
    last = tags[-1]
    kinds = set(lexicons().subject_words.get(v.word(last), "").split(","))
    if last.label != "V" or v.word(last) in grammar_set("duration_lead") or kinds & {"predicate", "base", "level", "stop", "countstop", "marker"}:
        return phrase
    if any((t.label not in _VERB_TAGS and v.word(t) not in grammar_set("passive")) or v.word(t) in grammar_set("tense_marker") for t in tags):
        return phrase  # "Dự án … đã được đầu tư 10 năm": a tense word opens the clause's own predicate
    return Chosen(phrase.start, last.end, DURATION_ACT)


def _measured_thing(v: SentenceView, start: int) -> Chosen | None:
    """A figure right after a measuring adjective that follows a noun phrase ("Cầu dẫn phía đảo Cát Hải
    dài khoảng 519m", "con hổ nặng 200 kg", "video dài gần 2 phút"): the adjective measures the noun
    phrase, so that phrase is the subject (not the words after the figure, nor the verb before the
    phrase); none after a noun that names the property ("bề dày 1,2mm", "tầm cao 22 km", "cấp cao 25")
    or a predicate ("bay cao 4.000m")."""
    lead = _lead_start(v, start)
    tags = v.tags_in(max(v.sentence.start, lead - 80), lead)
    if len(tags) < 2 or v.text[tags[-1].end : lead].strip():
        return None
    adjective = grammar_set("measure_adjective")
    at = len(tags) - 1 if v.word(tags[-1]) in adjective else None
    if at is None and len(tags) > 2 and f"{v.word(tags[-2])} {v.word(tags[-1])}" in adjective:  # "kéo dài" as two words
        at = len(tags) - 2
    if at is None:
        return None
    before = v.word(tags[at - 1])
    if any(before in grammar_set(c) for c in ("dimension_noun", "quantity_head", "level_noun")) or "predicate" in lexicons().subject_words.get(before, ""):
        return None
    run = _measured_run(v, tags[:at])
    if not run or not any(t.label in ("N", "Nc", "Np", "Ny") for t in run) or rx(r"[\d%]").search(v.text, run[0].start, run[-1].end):
        return None
    return Chosen(run[0].start, run[-1].end, MEASURED)


_MEASURED_TAGS = frozenset({"N", "Nc", "Np", "Ny", "Nu", "A", "T", "FW"})


def _measured_run(v: SentenceView, tags: list[Span]) -> list[Span]:
    """The noun phrase ending with ``tags``: nouns and their adjectives, a dash inside a name ("Tân Vũ –
    Lạch Huyện"), "của/tại/trong" between nouns, a verb right before the adjective or after a head noun
    alone ("hổ sống", "bãi nuôi ngao", "cầu vượt biển") and a leading "các", "mỗi"; it stops at a
    number or a preposition, and at a verb ("xuất hiện một clip" -> "clip"). Empty when the stop may be
    inside the phrase: a verb after a noun, unless the phrase opens with a classifier ("lớp bê tông cốt
    thép", but "lan truyền đoạn video clip"), or a number after "số" ("số 38 Trương Quốc Dung")."""
    run: list[Span] = []
    for i in range(len(tags) - 1, -1, -1):
        tag, word = tags[i], v.word(tags[i])
        kinds = lexicons().subject_words.get(word, "")
        if v.text[tag.end : run[0].start if run else tag.end].strip():
            break
        if tag.label == "L":
            run.insert(0, tag)
            break
        link = word in ("-", "–") or word in grammar_set("noun_link") or word in grammar_set("inner_link")
        joined = bool(run) and i > 0 and tags[i - 1].label in ("Np", "N", "Nc") and link
        head = i > 0 and tags[i - 1].label in ("N", "Nc") and (i < 2 or tags[i - 2].label not in _NOUN_TAGS)
        verb = tag.label == "V" and (head or not run) and tags[i - 1].label in ("N", "Nc") and _is_plain_verb(v, tag)
        if not joined and (any(k in kinds for k in ("predicate", "intro", "stop", "clauseend", "marker", "base")) or not (tag.label in _MEASURED_TAGS or verb)):
            after_noun = i > 0 and tags[i - 1].label in ("N", "Nc", "Np")
            if run and ((tag.label == "V" and after_noun and run[0].label not in ("Nc", "L")) or (tag.label == "M" and i > 0 and v.word(tags[i - 1]) == "số")):
                return []
            break
        run.insert(0, tag)
    while run and run[0].label not in ("N", "Nc", "Np", "Ny", "L", "FW"):
        run.pop(0)
    return run


def _region_of_list(v: SentenceView, phrase: Chosen | None, previous: Chosen | None) -> Chosen | None:
    """A part of the area alone before a figure that follows another one ("Nhiệt độ thấp nhất từ
    15-18 độ C, vùng núi 12-15 độ C, có nơi dưới 12 độ C"): it says where, not what is measured;
    the figure shares the previous figure's subject."""
    if phrase is None or previous is None or phrase.rule not in (NOUN_BEFORE, OBJECT, BEFORE_VERB, MEASURED, ACT_OBJECT):
        return phrase
    if " ".join(v.text[phrase.start : phrase.end].lower().split()) not in grammar_set("region"):
        return phrase
    return Chosen(previous.start, previous.end, PREVIOUS_FIGURE)


def _whole_area(v: SentenceView, chosen: Chosen) -> bool:
    """The phrase names only the whole area the article reports on ("toàn tỉnh", "cả nước"): the
    figure's scope, not what it counts."""
    return " ".join(v.text[chosen.start : chosen.end].lower().split()) in grammar_set("whole_area")


def _priced(v: SentenceView, chosen: Chosen | None) -> Chosen | None:
    """For a price noun alone right before an amount ("vé khán đài C với giá 7 triệu đồng", "cherry
    đỏ Mỹ với mức giá 399.000 đồng/kg"): the noun phrase of what is priced, before the price noun and
    a "với"/"có" in front of it."""
    if chosen is None or chosen.rule is not NOUN_BEFORE or " ".join(v.text[chosen.start : chosen.end].lower().split()) not in grammar_set("price_noun"):
        return None
    before = v.tags_in(v.sentence.start, chosen.start)
    pos = before[-1].start if before and v.word(before[-1]) in _kinds("object") else chosen.start
    traded = _traded(v, pos)
    if traded is not None:
        return traded
    item = backward(v, pos, None)
    short = item is not None and item.rule is BEFORE_VERB and len(v.text[item.start : item.end].split()) <= PRICED_MAX_WORDS
    if item is None or (item.rule not in (NOUN_BEFORE, OBJECT, ACT_OBJECT) and not short) or item.end > pos:
        return None
    return Chosen(item.start, item.end, PRICED)


def _traded(v: SentenceView, pos: int) -> Chosen | None:
    """The object of a verb of trade right before a price ("mua test thử với giá 150.000 đồng", "Mua
    1 con hổ sống nặng 200 kg với giá …", "tậu căn nhà 4 tầng, … với giá"): its noun phrase, without
    a leading number and from a figure, a comma or a measuring adjective on."""
    tags = v.tags_in(_clause_start(v, pos), pos)
    verbs = [i for i, t in enumerate(tags) if v.word(t) in grammar_set("trade_verb")]
    if not verbs:
        return None
    run: list[Span] = []
    stop: Span | None = None
    rest = tags[verbs[-1] + 1 :]
    for k, tag in enumerate(rest):
        if tag.label == "M" and not run and (rx(r"\d").search(v.word(tag)) or parse_number_words(v.word(tag)) is not None):
            continue
        word = v.word(tag)
        measured = word in figure_words("comparative") and k + 1 < len(rest) and rx(r"\d").search(v.word(rest[k + 1]))  # "nặng 200 kg"
        if rx(r"[\d,;()]").search(word) or measured or (run and v.text[run[-1].end : tag.start].strip()):
            stop = tag
            break
        run.append(tag)
    if not run or run[0].label not in _NOUN_TAGS | {"M"}:
        return None
    dated = stop is not None and rx(r"\d").search(v.word(stop))
    s, e = _clean(v.text, run[0].start, stop.end) if stop is not None and dated else (0, 0)  # "… vào năm 2006": a period
    if not (e > s and not rx(r"\d").search(v.text, s, e)):
        while run and run[-1].label not in _NOUN_TAGS | {"V", "A"}:
            run.pop()
        s, e = _clean(v.text, run[0].start, run[-1].end) if run else (0, 0)
    return Chosen(s, e, PRICED) if e > s else None


def _act_noun_before(v: SentenceView, start: int) -> bool:
    """The noun right before a count is the act of a light verb ("thi hành kỷ luật 13 đảng viên",
    "xử lý kỷ luật 2 cán bộ"): the act names nothing measured, the counted noun does."""
    words = v.text[max(v.sentence.start, start - 40) : _lead_start(v, start)].lower().split()
    light = grammar_set("light_verb") - grammar_set("copula_have")
    return any(" ".join(words[-n - k : -k]) in light for k in (1, 2) for n in (1, 2) if len(words) >= n + k)


def _after_with(v: SentenceView, start: int) -> bool:
    """The figure stands right after "với" ("đối với 3 bị can", "với 6 đối tượng"): its counted noun is
    what it measures."""
    words = v.text[v.sentence.start : _lead_start(v, start)].split()
    return bool(words) and words[-1].lower() in grammar_set("with")


def _label(v: SentenceView, start: int) -> Chosen | None:
    """A label ending in a colon right before the figure ("Tổng số cán bộ vi phạm kỷ luật: 02 cán
    bộ"): the label, from its clause start, names what the count counts."""
    colon = v.text[v.sentence.start : _lead_start(v, start)].rstrip()
    if not colon.endswith(":"):
        return None
    end = v.sentence.start + len(colon) - 1
    s, e = _clean(v.text, _clause_start(v, end), end)
    return Chosen(s, e, UNIT_ONLY) if e > s and _names_thing(v, s, e) else None


def _after_predicate(v: SentenceView, start: int) -> bool:
    """The figure stands right after a predicate word ("đạt", "là", "có", "còn") or a comparator
    of an amount reached ("lên tới")."""
    lead = _lead_start(v, start)
    if lead < start and any(pos == "reach" for _, pos in (lexicons().comparators.get(" ".join(v.text[lead:start].lower().split()), ("", "")),)):
        return True
    words = v.text[v.sentence.start : lead].split()
    return bool(words) and "predicate" in lexicons().subject_words.get(words[-1].lower(), "")


def _rate_subject(v: SentenceView, span: tuple[int, int], rate: tuple[int, int], base: Chosen | None) -> tuple[Subject, Chosen | None]:
    """Rule 4: the subject, "/căn", and a noun phrase right after the rate ("/kg lợn hơi")."""
    rate_end = next((t.end for t in v.tags if t.start < rate[1] < t.end and t.end <= v.sentence.end), rate[1])  # "/cổ phiếu": the whole word
    pos = max(span[1], rate_end)
    first = next((t for t in v.tags if t.start >= pos), None)
    noun = first is None or first.label in _NOUN_TAGS or first.label == "X"
    if noun and rx(r" \p{Ll}").match(v.text[pos : pos + 2]) and not _patterns().nonstart.match(v.text[pos : v.sentence.end]):
        after = forward(v, pos)
        rate_end = after[1] if after else rate_end
    rule = RATE_SPACED if v.text[rate[0]].isspace() else RATE
    return Subject(base, Chosen(rate[0], rate_end, rule)), base


def _forward_subject(v: SentenceView, pos: int, start: int, duration: bool = False, share: bool = False) -> Chosen | None:
    """Rule 1 for a percent, amount or measure: the phrase after the figure, unless the figure
    follows a base verb ("đạt 51,2% dự toán") or the phrase is no noun phrase; after a duration,
    also the activity it lasts ("sau 15 năm bỏ trốn", "trong hơn 30 năm cống hiến tại VTV3"); after a
    percent (``share``), a leading "có"/"là" goes ("11% có quan điểm trung lập")."""
    rest = v.text[pos : v.sentence.end]
    clause = _clause_start(v, start)
    if _patterns().nonstart.match(rest) or _base_verb(v, clause, start) is not None:
        return None
    copula = _patterns().copula.match(rest)
    pos += copula.end() if copula else 0
    first = next((t for t in v.tags if t.start >= pos), None)
    if share and first is not None and v.word(first) in grammar_set("copula_have") and not v.text[pos : first.start].strip():
        pos = first.end  # "11% có quan điểm trung lập", "93% có việc làm ổn định": what the share has (not "4 ha có quy mô 6 tầng")
        first = next((t for t in v.tags if t.start >= pos), None)
    lead_s, lead_e = _clean(v.text, clause, _lead_start(v, start))
    bare = lead_e <= lead_s
    activity = duration and first is not None and first.label == "V" and v.word(first) not in lexicons().subject_words
    before = [t for t in v.tags_in(clause, _lead_start(v, start))]
    named = _after_predicate(v, start) or bool(before and before[-1].label in ("N", "Nc", "A") and v.word(before[-1]) not in lexicons().subject_words)
    activity = activity and not named  # "Thời gian cấp phiếu là 3 ngày làm việc", "thời hạn 15 ngày làm việc": the noun phrase
    if first is None or (first.label not in _NOUN_TAGS and not bare and not activity):
        return None
    if first.label == "V" and "predicate" in lexicons().subject_words.get(v.word(first), ""):  # "2 tuần giảm còn 3,3%": the clause verb
        return None
    found = forward(v, pos)
    return Chosen(found[0], found[1], AFTER_FIGURE) if found else None
