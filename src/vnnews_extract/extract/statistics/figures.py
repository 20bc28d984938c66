"""Figures: a number expression with its kind, value, unit (or counted noun) and the rule that read it.

Rules work on characters of one sentence at a time (regex over the normalised text) and are
driven by lexicons: units, counted nouns, and the contexts that make a number no figure (dates,
document numbers, roads, sessions, ordinals, clock times). Every figure carries its spans in
document offsets: the number expression and the unit or counted noun.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ...lexicons import alternation, lexicons
from ...model import Span
from ...text.numbers import (
    FRACTION_WORD_PATTERN,
    MULTIPLIERS,
    MULTIPLIER_PATTERN,
    NUMBER_PATTERN,
    NUMBER_WORD_PATTERN,
    TENS_WORD_PATTERN,
    multiplier,
    parse_fraction_words,
    parse_number,
    parse_number_words,
)
from ..phrase_search import CaselessSearch
from ..rules import Fired, Rule, declare

# Patterns written in the code are compiled once (a bounded cache keyed by the pattern literal).
rx = lru_cache(maxsize=256)(regex.compile)

PERCENT = declare("statistics.percent.unit", "Statistic", "a number with %, ‰, %o or 'phần trăm' (units.tsv)")
MONEY = declare("statistics.money.unit", "Statistic", "a number with a currency of units.tsv: 'đồng', 'USD', 'tỷ đồng'")
MEASURE = declare("statistics.measure.unit", "Statistic", "a number with a measure unit of units.tsv: 'ha', 'km', 'tấn', '5 năm'")
COMPOUND_DURATION = declare("statistics.measure.compound_duration", "Statistic",
                            "a duration in two units, '3 năm 6 tháng', '2 phút 30 giây': one figure in the larger unit (compound_units.tsv)")
TIMES = declare("statistics.ratio.times", "Statistic", "'gấp 3 lần', 'tăng 2,95 lần': a multiple after a word of multiplying")
LISTED_TIMES = declare("statistics.ratio.listed_times", "Statistic",
    "'gấp 1,7 lần năm 2016 và 2,3 lần năm 2015': 'N lần' listed right after a multiple is a multiple")
BREAKDOWN = declare("statistics.count.breakdown", "Statistic",
    "'32 học viên (8 đang xét xử; 10 đã thi hành án)': bare numbers in a bracket after a count are parts of it, counting the same noun")
OCCURRENCES = declare("statistics.count.occurrences", "Statistic", "'N lần' with no word of multiplying before it: how many times")
COUNTED_NOUN = declare("statistics.count.counted_noun", "Statistic", "a number with a counted noun of counted_nouns.tsv: '102 lượt'")
UNIT_WORD_NOUN = declare("statistics.count.unit_word_noun", "Statistic", "a measure word used as a noun: '215 điểm sạt lở'")
INDEX_LEVEL = declare("statistics.measure.index_level", "Statistic",
    "'chinh phục ngưỡng 710 điểm sắp tới', 'vượt mốc 120 điểm trong phiên …': 'điểm' after an index word of figure_cues.tsv "
    "(index) in its clause is an index level, a measure, though a lower-case word follows (no '215 điểm sạt lở')")
ANY_NOUN = declare("statistics.count.any_noun", "Statistic", "a whole number then a lower-case content word: '12 ổ dịch'")
WORD_NOUN = declare("statistics.count.word_noun", "Statistic",
    "'hai chức năng', 'ba chấu': a number word (not one of grammar_words.tsv ambiguous_number_word: 'một', 'năm', 'chín') "
    "then a lower-case word the tagger reads as a noun, not a pair noun ('hai vợ chồng')")
UNIT_AHEAD = declare("statistics.measure.unit_ahead", "Statistic",
    "'Nhiệt độ thấp nhất từ 16 - 19, có nơi dưới 15 độ C': a bare number after a property of figure_cues.tsv "
    "(unit_ahead) takes the measure unit written after it in the sentence")
AGE_AHEAD = declare("statistics.measure.age_ahead", "Statistic",
    "'tuổi nghỉ hưu của nam từ 60 lên 62', 'tuổi thọ trung bình của nam giới là 66': a bare number after an age property "
    "of figure_cues.tsv (age_ahead) and a linking word (age_link) in its clause is an age in 'tuổi'")
SHARED_UNIT = declare("statistics.list.shared_unit", "Statistic",
    "'giá gốc chỉ 200.000 và 350.000 đồng', 'công suất 20 hoặc 40 mã lực': a bare number joined by 'và'/'hoặc' to the next one takes its unit")
BUY_SELL = declare("statistics.list.buy_sell", "Statistic",
                   "'mua vào – bán ra ở mức 36,16 – 36,38 triệu đồng/lượng': a buying and a selling price, two figures sharing the unit, no range")
DESCENDING_PAIR = declare("statistics.list.descending_pair", "Statistic",
    "'tỷ lệ ăn chia 55% - 45%', 'giá mua 23.255 - 23.240 đồng/USD': two amounts or percents joined by a dash, the second smaller, "
    "are no range (a range rises) but two figures sharing the unit written after the second")
RESPECTIVELY = declare("statistics.list.respectively", "Statistic", "'lần lượt là 60, 75 hộ': the list shares the last number's unit")
FRACTION = declare("statistics.ratio.fraction", "Statistic", "'3/5 xã', '2/3 số hộ': a fraction of a counted noun")
FRACTION_WORDS = declare("statistics.ratio.fraction_words", "Statistic", "'một nửa số hộ', 'hai phần ba số đại biểu'")
FRACTION_PERCENT = declare("statistics.ratio.fraction_percent", "Statistic",
    "a table cell '32/50 (64%)', '64% (39/61)': a fraction written beside its own percent in a bracket (the two agree) is a ratio")
PERCENT_CELL = declare("statistics.percent.fraction_cell", "Statistic",
    "'Tổng số điểm 44% (47/107)', 'ăn điểm 63% (22/35)': a percent written before its own fraction in a bracket (the two agree) "
    "is a table cell, a figure though a label before it ('điểm') blocks a grade")
SLASH_PAIR = declare("statistics.list.slash_pair", "Statistic",
    "'254 mã tăng/217 mã giảm', '64.000 tấn/80.000 tấn': a figure right after a slash that repeats the unit of the figure before it is a figure too")
UNIT_LEXICON = declare("statistics.unit.lexicon", "Statistic.unit", "the unit or counted noun right after the number, from units.tsv or counted_nouns.tsv")
UNIT_WORD = declare("statistics.unit.next_word", "Statistic.unit", "the lower-case word right after a whole number, read as its counted noun")
UNIT_SHARED = declare("statistics.unit.shared", "Statistic.unit", "the unit written once after the last number of a 'lần lượt' list")
UNIT_IN_WORD = declare("statistics.count.unit_in_word", "Statistic",
    "'3 đồng chí', '2 đô thị': a unit syllable that word segmentation joins to the next one is the counted noun of a count")
DOUBLING = declare("statistics.ratio.doubling", "Statistic",
    "'tăng gấp đôi', 'nhiều gấp đôi': a phrase of doubling (grammar_words.tsv doubling) is a multiple, 2 'lần', its last word the figure")
FRACTION_ALONE = declare("statistics.ratio.fraction_alone", "Statistic",
    "'chiếm một nửa', 'hơn một nửa trong số này', 'hai phần ba lượng mưa': a fraction in words ('một nửa', 'X phần Y'; not the bare "
    "'nửa' of 'nửa đầu năm') with no 'số' after it is a ratio, of the counted noun after it, else in 'phần'")
HALF_AMOUNT = declare("statistics.amount.half", "Statistic",
    "'nửa tỷ đồng', 'gần nửa tấn', 'nửa triệu USD': a half with a multiplier or a unit (no time unit) is half that amount")
UNIT_IMPLIED_PART = declare("statistics.unit.implied_part", "Statistic.unit",
    "no noun written with a table cell '32/50 (64%)' (none in its row label) or a fraction in words ('chịu một nửa'): the ratio is in 'phần' (parts)")
UNIT_IMPLIED = declare("statistics.unit.implied_dong", "Statistic.unit",
    "no currency written after an amount with a money word before it: 'đồng' (its part is the multiplier read)")
COMPOUND_NOUN = declare("statistics.unit.compound_noun", "Statistic.unit", "a counted noun widened to the compound word segmentation finds: 'xe buýt'")
EXCLUDE_BEFORE = declare("statistics.exclude.context_before", "exclusion", "dates, documents, roads, grades, sessions: non_figure_contexts.tsv before the number")
EXCLUDE_GLUED = declare("statistics.exclude.glued_digits", "exclusion", "digits glued to a date, time, code or name: '8/7', '14:30', '7h30', 'COVID-19'")
EXCLUDE_AFTER = declare("statistics.exclude.context_after", "exclusion", "a back-reference, product grade or relative word after the unit: '2 cơ quan này', '25% tấm'")
EXCLUDE_TIME = declare("statistics.exclude.time_expression", "exclusion", "a relative time, opening time phrase or clock time read as a time unit")
EXCLUDE_YEARS = declare("statistics.exclude.year_range", "exclusion", "'2016-2020': a span of years")
EXCLUDE_PERIOD_LABEL = declare("statistics.exclude.period_label", "exclusion", "'trong 9 tháng' naming the period of the sentence's other figures")
EXCLUDE_NAME = declare("statistics.exclude.name_number", "exclusion", "a number ending a name: 'Quân đội 108', 'Trung ương 4'")
DURATION_SPAN = declare("statistics.measure.duration_span", "Statistic",
                        "a time figure after a word of duration, though a relative word follows: 'suốt 13 năm qua', 'thêm 4 năm nữa'")
UNIT_BEFORE_RANGE = declare("statistics.measure.unit_before_range", "Statistic",
                            "a range written with words after a unit before it: 'độ tuổi từ 25 đến 35', 'độ tuổi 23 đến 37'")
UNIT_BEFORE = declare("statistics.measure.unit_before", "Statistic", "a unit written before the number (unit_contexts.tsv): wind 'cấp 6', 'giật cấp 7-8', age 'tuổi 34'")
BARE_AMOUNT = declare("statistics.money.bare_amount", "Statistic",
    "'giá 11,2 tỷ', 'bồi thường 349 triệu': an amount with a multiplier, no currency and a money word before it: đồng")
BARE_IN_DONG = declare("statistics.money.bare_in_dong_article", "Statistic",
    "'phải đóng 5 triệu, …', 'khắc phục 4 tỷ.': an amount with a multiplier, no currency and no noun after it, in an article "
    "that writes amounts in đồng elsewhere: đồng")
LISTED_ONE = declare("statistics.count.listed_one", "Statistic",
    "'một' with a counted noun kept as a quantity: in a list with other figures ('4 huy chương vàng, một huy chương đồng') or after a comparator")
HEADING_NOUN = declare("statistics.count.heading_noun", "Statistic",
                       "a bare cell listed under a heading 'Tổng số phòng thi: Môn Toán: 36.809' or in a row 'Số cổ phiếu tăng giá 147': a count of its noun")
UNIT_HEADING = declare("statistics.unit.heading", "Statistic.unit", "the counted noun of the heading a bare cell is listed under ('Tổng số <noun>')")
ELIDED_NOUN = declare("statistics.count.elided_noun", "Statistic",
                      "'có 47.320/47.501 thí sinh dự thi, vắng 181.': a bare number ending the next clause counts the noun left out")
TABLE_ROW = declare("statistics.count.two_sided_row", "Statistic",
    "a comparison table flattened into text, 'Nadal 6 Aces 9 4 Lỗi kép 1 61% (40/66) Tỷ lệ giao bóng 1 …': a bare whole "
    "number on either side of a capitalised row label, in a run of such rows with a percent or fraction row, counts the label")
UNIT_ROW = declare("statistics.unit.row_label", "Statistic.unit",
    "the row label a table cell stands beside: the noun of a 'Số <noun>' label ('Số game cầm giao bóng': game), else the label ('Phạt góc')")
METRES_GLUED = declare("statistics.measure.metres_glued", "Statistic", "metres and centimetres written around the 'm': 'cao 1m65' is 1.65 m")
SPLIT_DECIMAL = declare("statistics.number.split_decimal", "Statistic",
    "'giá vàng ở mức 1.315, 42 USD/oz': two decimal digits after a space that follows the comma of a number in thousands groups are its decimals")
PART_OF = declare("statistics.count.part_of", "Statistic", "'30 trong số 41 hồ sơ': the part shares the counted noun of the whole")
RANGE_UNITS = declare("statistics.range.both_units", "Statistic",
    "'130.000 đồng đến 180.000 đồng', 'từ 6 tháng đến 3 năm': two figures of one kind joined by 'đến'/'-' are one range")
EXCLUDE_INDEFINITE = declare("statistics.exclude.indefinite_one", "exclusion",
    "'một người dân cho biết', 'một doanh nghiệp ở Bình Dương': the indefinite 'một', alone in its clause")
EXCLUDE_UNIT_CONTEXT = declare("statistics.exclude.unit_context", "exclusion",
    "a unit that needs a context it lacks (unit_contexts.tsv): '2 bảng đấu' (no amount), 'rủi ro thiên tai cấp 3' (no wind)")
EXCLUDE_PAIR = declare("statistics.exclude.pair_reference", "exclusion",
    "'Hai người hẹn hò…', 'clip của 2 người': two people named before, as a clause's subject or after 'của', not victims ('hai người bị thương')")
EXCLUDE_NUMBER_COMPOUND = declare("statistics.exclude.number_word_compound", "exclusion",
    "'xách ba lô', 'gỏi ba khía', 'xe ba gác': a number word that opens a compound noun (grammar_words.tsv number_word_compound) counts nothing")
TITLE_NOUN = declare("statistics.unit.title", "Statistic.unit",
    "'22 bộ trưởng', '1 phó thủ tướng': a counted noun that opens a role of titles.tsv (after 'phó') is the whole role")
RANGE_NOUN = declare("statistics.count.range_noun", "Statistic",
    "'phóng 3-4 tên lửa', 'trông 5-10 đứa trẻ': a range of whole numbers and a noun, kept though the tagger glues the word before "
    "to the numbers or reads the noun as a classifier")
EXCLUDE_ONE_PREPOSITION = declare("statistics.exclude.one_after_preposition", "exclusion",
    "'liên quan đến một vụ', 'nhớ tới một vị MC': an indefinite 'một' after a bare 'đến'/'tới' (grammar_words.tsv one_preposition) is "
    "no amount reached, so that comparator keeps no 'một'")
EXCLUDE_NOT_NOUN = declare("statistics.exclude.not_a_noun", "exclusion",
    "'tiểu khu 174 thuộc …', 'jackpot 1 trị giá …', 'mua 3 tỷ nhờ …': a word of grammar_words.tsv not_counted after a number is no counted noun")
EXCLUDE_DESCENDING = declare("statistics.exclude.descending_pair", "exclusion",
    "'thắng 4-1 mùa giải 2013/14', 'thắng 3-0 ngày 18.1', 'Chiều nay 9-6 Ca sĩ …': two whole numbers joined by a dash, the second "
    "smaller, no multiplier, before a count or measure noun: a score or a date, no range")
EXCLUDE_VEHICLE_CLASS = declare("statistics.exclude.vehicle_class", "exclusion",
    "'xe 7 chỗ', 'xe buýt 2 tầng', 'ôtô 4-8 chỗ', 'loại 16 chỗ ngồi': a number right after a vehicle noun (grammar_words.tsv "
    "vehicle_noun) that counts its seats, decks or doors (vehicle_class_unit) names the kind of vehicle, no figure")
EXCLUDE_PAIR_NOUN = declare("statistics.exclude.pair_noun", "exclusion",
    "'quan hệ hai nước', 'nhân dân hai nước', 'thống nhất hai miền': two of a pair noun (grammar_words.tsv pair_noun) are the two "
    "named before, a back-reference; not after a word that introduces them (pair_noun_intro: 'có 2 nước thuộc …')")
EXCLUDE_NAME_YEAR = declare("statistics.exclude.name_year", "exclusion",
    "'Toyota Vios 2018 bản mới', 'năm APEC 2017 là dịp', 'giải U19 châu Á 2016 bảng B': a year "
    "(four digits, 1900-2100, no multiplier, no range) right after a capitalised name is the name's year, no figure of the noun after it")
EXCLUDE_INDEFINITE_PHRASE = declare("statistics.exclude.indefinite_predicate", "exclusion",
    "'Trinh là một người hiền lành', 'Việt Nam là 1 quốc gia có …', 'đây là 1 tình huống cố tình': a single one ('một', '1') right "
    "after a copula (grammar_words.tsv predicate_lead: 'là'; no comparator before it: 'tối đa là 1 quyển' counts) is the indefinite "
    "article of a predicate noun, no figure")
EXCLUDE_RELATIVE = declare("statistics.exclude.relative_time", "exclusion",
    "a time figure after a relative-time word of figure_cues.tsv: 'cách đây 6 năm', 'trước đó 2 ngày', 'kỷ niệm 1.000 năm'")

_B = r"(?![\p{L}\p{N}])"  # right word boundary
_NUMBER = rf"(?:\d{{1,3}}(?: \d{{3}})+(?![\d,.])|{NUMBER_PATTERN})"
_WHOLE = r"\d{1,3}(?:\.\d{3})+|\d{1,3}"  # a whole number, maybe with thousands groups
_TIME_UNITS = frozenset({"năm", "tháng", "tuần", "ngày", "quý", "giờ", "phút", "giây", "tiếng", "thập kỷ", "thập niên", "thế kỷ"})
_KIND_RULES = {"percent": PERCENT, "money": MONEY, "measure": MEASURE, "ratio": TIMES}


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a sentence: the number expression ``[start, end)`` and its unit span."""

    start: int
    end: int
    kind: str
    value: float
    value_max: float | None
    unit: str  # as written in records (units.tsv canonical form, or the counted noun as written)
    unit_start: int
    unit_end: int
    rule: Rule
    unit_rule: Rule


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: str
    unit: str
    start: int  # the unit or counted noun as read
    end: int
    fig_end: int  # where the figure's expression ends (the unit's end, or the number's for a shared unit)
    factor: float
    rule: Rule  # the record rule this unit makes
    unit_rule: Rule


@dataclass(frozen=True)
class _Patterns:
    figure: regex.Pattern[str]
    unit: regex.Pattern[str]
    noun: regex.Pattern[str]
    before_block: regex.Pattern[str]
    after_block: regex.Pattern[str]
    after_time: regex.Pattern[str]
    relative_after: regex.Pattern[str]
    before_clock: regex.Pattern[str]
    after_clock: regex.Pattern[str]
    label_verb: regex.Pattern[str]
    times_before: regex.Pattern[str]
    chain: regex.Pattern[str]
    comparator_before: regex.Pattern[str]
    respectively: regex.Pattern[str]
    back_reference_before: regex.Pattern[str]
    unit_before: regex.Pattern[str]
    label_list: regex.Pattern[str]
    metres: regex.Pattern[str]
    cues: dict[str, regex.Pattern[str]]


@dataclass(frozen=True)
class _Words:
    """Patterns around a figure spelled with grammar words (grammar_words.tsv)."""

    respectively_after: regex.Pattern[str]  # the "lần" of "lần lượt" (non_figure_contexts.tsv, respectively)
    opening_time: regex.Pattern[str]  # "Trong 3 năm, …"
    day_month: regex.Pattern[str]  # "ngày 24 tháng 12", "ngày 8/7"
    lunar_month: regex.Pattern[str]  # the "Chạp" of "29 tháng Chạp" (a lunar date)
    pair_lead: regex.Pattern[str]  # "khi hai người …", "clip của 2 người"
    period_label: regex.Pattern[str]  # "trong 9 tháng"
    or_more: regex.Pattern[str]  # "một … trở lên" (comparators.tsv, gte after)
    part_of: regex.Pattern[str]  # "30 trong số 41 hồ sơ"
    count_of: regex.Pattern[str]  # "tổng số 5.980 nhân khẩu"
    half: regex.Pattern[str]  # "hai triệu rưỡi"
    fraction: regex.Pattern[str]  # "/5 xã", "/3 số hộ"
    fraction_noun: regex.Pattern[str]  # "một nửa số hộ"
    shared_unit: regex.Pattern[str]  # " và 350.000" of "200.000 và 350.000 đồng"
    heading: regex.Pattern[str]  # "Tổng số phòng thi" opening a list of bare cells


@lru_cache(maxsize=16)
def function_words_of(sense: str) -> tuple[str, ...]:
    """The function words that have ``sense`` among their comma-separated senses."""
    return tuple(w for w, k in lexicons().function_words.items() if sense in k.split(","))


@lru_cache(maxsize=32)
def grammar_pattern(word_class: str) -> str:
    """The words of a class of grammar_words.tsv as a regex alternation."""
    return alternation(lexicons().grammar(word_class))


@lru_cache(maxsize=32)
def grammar_set(word_class: str) -> frozenset[str]:
    """The words of a class of grammar_words.tsv."""
    return frozenset(lexicons().grammar(word_class))


@lru_cache(maxsize=1)
def comparator_words_before() -> list[str]:
    """The comparators of comparators.tsv written before a number ("hơn", "trên", "gần", and those reaching it: "lên tới")."""
    return [p for p, (_, pos) in lexicons().comparators.items() if pos in ("before", "reach")]


def _figure_pattern(glued: str) -> regex.Pattern[str]:
    # a bare "chục" (ten) counts only after a comparator of comparators.tsv: "hơn chục người", not "hàng chục người"
    bounds = alternation(comparator_words_before())
    tens = rf"{TENS_WORD_PATTERN}|chục(?<=(?<![\p{{L}}])(?:{bounds})\schục)"  # the literal first: the look-behind runs only on a "chục"
    words = rf"(?<!\d[^\S\n])(?i:{FRACTION_WORD_PATTERN}|{tens}|{NUMBER_WORD_PATTERN}){_B}"  # not the "năm" of "27 năm" (a line break: a new block)
    end2 = rf"(?:{_B}|(?=(?:{glued}){_B}))"  # "150-180km"
    # a counted noun that starts with a multiplier ("14 tỷ phú", counted_nouns.tsv) is no multiplier
    mult_nouns = [n for n in lexicons().counted_nouns if n.split()[0] in MULTIPLIERS and " " in n]
    not_noun = rf"(?!(?:{alternation(mult_nouns)}){_B})" if mult_nouns else ""
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}/.,:])(?<![\p{{L}}\p{{N}}][\-+])(?P<num>{_NUMBER}|{words})"
        rf"(?:(?:\s?%)?(?P<sep>\s*[-–]\s*|\s+(?:{grammar_pattern('range_joiner')})\s+)(?P<num2>{_NUMBER}){end2})?"
        rf"(?:\s+{not_noun}(?P<mult>{MULTIPLIER_PATTERN}){_B}(?P<half>\s+(?:{grammar_pattern('half')}){_B})?)?",
        regex.V1,
    )


# the words a number or fraction written in words opens with (the "(?i:…)" group of the figure pattern:
# FRACTION_WORD_PATTERN, the tens, NUMBER_WORD_PATTERN)
NUMBER_WORD_STARTS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "nửa", "chục")


@lru_cache(maxsize=1)
def figure_search() -> CaselessSearch:
    """``patterns().figure`` tried only where a digit or a number word starts: the same matches, found
    faster (see ``CaselessSearch``)."""
    return CaselessSearch(patterns().figure, NUMBER_WORD_STARTS, also=regex.compile(r"\d"))


@lru_cache(maxsize=1)
def word_patterns() -> _Words:
    lex, g = lexicons(), grammar_pattern
    or_more = [p for p, (comp, pos) in lex.comparators.items() if (comp, pos) == ("gte", "after")]
    return _Words(
        respectively_after=regex.compile(rf"(?i)\s+(?:{alternation(lex.number_contexts['respectively'])}){_B}"),
        opening_time=regex.compile(rf"(?i)\W*(?:(?:{g('duration_preposition')})\s+)?"),
        day_month=regex.compile(rf"\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?(?:/\d|\s+(?:{g('month_noun')}))"),
        lunar_month=regex.compile(rf"(?i)\s+(?:{g('lunar_month')}){_B}"),
        pair_lead=regex.compile(rf"(?i)(?:[,;]\s*|(?<![\p{{L}}])(?:{g('pair_lead')})\s+)$"),
        period_label=regex.compile(rf"(?i)(?:^|\s)(?:{g('duration_preposition')})\s+$"),
        or_more=regex.compile(rf"\s+(?:{alternation(or_more)})"),
        part_of=regex.compile(rf"\s+(?:{g('part_of_whole')})\s+{_NUMBER}{_B}"),
        count_of=regex.compile(rf"(?i)(?:{g('count_of')})\s*$"),
        half=regex.compile(rf"\s+(?:{g('half')}){_B}"),
        fraction=regex.compile(rf"/({_WHOLE})(?![\d/.,])(?:\s+(?:{g('fraction_of')})(?=\s))?"),
        fraction_noun=regex.compile(rf"\s+(?:{g('fraction_of')})(?=\s)"),
        shared_unit=regex.compile(rf"\s+(?:{g('shared_unit_joiner')})\s+{_NUMBER}(?:\s+(?P<mult>{MULTIPLIER_PATTERN}){_B})?"),
        heading=regex.compile(rf"(?<![\p{{L}}])(?i:{g('heading_count')})\s+(?P<n>(?i:{alternation(lex.counted_nouns)})){_B}"),
    )


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    lex = lexicons()
    ctx = lex.number_contexts
    before = comparator_words_before()
    aux = alternation(function_words_of("aux"))
    clock_after = alternation(ctx["after_clock"])
    symbols = [u for u in lex.units if not rx(r"\p{L}").search(u)]
    glued = [u for u in lex.units if rx(r"[A-Za-zđ][A-Za-z0-9²³/]*").fullmatch(u)]  # "340ha", "10m", "200k", "20.000đ"
    return _Patterns(
        figure=_figure_pattern(alternation(glued)),
        unit=regex.compile(
            rf"(?:\s?(?P<u>%o(?!\p{{L}})|{alternation(symbols)})|\s+(?P<u2>{alternation(lex.units)}){_B}"
            rf"|(?P<u3>{alternation(glued)}){_B})"
        ),
        noun=regex.compile(rf"(?i)\s+(?P<n>{alternation(lex.counted_nouns)}){_B}"),
        before_block=regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?:{alternation(ctx['before'])})\s*$"),
        after_block=regex.compile(
            rf"(?i)\s*(?:(?:{alternation(ctx['after'])}){_B}|(?:{alternation(ctx['after_clause'])})(?=\s*(?:[,.;:)\x22\u201d]|$|(?:{aux}|{grammar_pattern('reference_end')}){_B})))"
        ),
        after_time=regex.compile(rf"(?i)\s*(?:(?:{alternation(ctx['after_time'] + ctx['after_period'])}){_B}|/\d)"),
        relative_after=regex.compile(rf"(?i)\s*(?:{alternation(ctx['after_time'])}){_B}"),
        before_clock=regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?:{alternation(ctx['before_clock'])})\s*$"),
        after_clock=regex.compile(rf"(?i)\s*(?:\d|(?:(?:{clock_after})\s+)?(?:{grammar_pattern('day_noun')})\s+\d|(?:{clock_after}){_B})"),
        label_verb=regex.compile(rf"(?i)\s+(?:{alternation(w for w, k in lex.subject_words.items() if 'base' in k.split(','))}){_B}"),
        times_before=regex.compile(  # "gấp 3 lần", "tăng gần 2 lần", "cao hơn vụ thuận từ 6-7 lần"
            rf"(?i)(?:^|[^\p{{L}}])(?:{alternation(function_words_of('times'))})\s+(?:\S+\s+|(?:{grammar_pattern('than')})(?:\s+[^\s\d,.;:()]+){{1,4}}\s+)?$"
        ),
        chain=regex.compile(rf"(?:\s*(?:,|{grammar_pattern('and')})\s*{_NUMBER})+(?:\s+(?P<mult>{MULTIPLIER_PATTERN}){_B})?"),
        comparator_before=regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?P<c>{alternation(before)})\s*$"),
        respectively=regex.compile(rf"(?i){alternation(ctx['respectively'])}"),
        back_reference_before=regex.compile(rf"(?i)(?:^|[^\p{{L}}\p{{N}}])(?:{alternation(ctx['back_reference_before'])})\s*$"),
        unit_before=regex.compile(  # "tuổi 34", "cấp 7-8"; words around the range: "độ tuổi từ 25 đến 35" (statistics.measure.unit_before_range)
            rf"(?<![\p{{L}}\p{{N}}])(?P<u>{alternation(w for w, (pos, _, _) in lex.unit_contexts.items() if pos == 'before')})\s+"
            rf"(?:(?P<from>{grammar_pattern('range_start')})\s+)?(?P<num>\d+(?:,\d+)?)"
            rf"(?:\s*[-–]\s*(?P<num2>\d+(?:,\d+)?)|\s+(?P<to>{grammar_pattern('range_joiner')})\s+(?P<num3>\d+(?:,\d+)?))?(?![\p{{L}}\p{{N}}]|[.,/:]\d)",
            regex.IGNORECASE,
        ),
        label_list=regex.compile(  # "kỳ hạn 5 năm và 7 năm", "kỳ hạn 5 năm (200 tỷ đồng), 10 năm (400 tỷ đồng)"
            rf"\s+(?:{alternation(lex.units)})(?:\s*\([^()]{{0,40}}\))?\s*(?:,|{grammar_pattern('and')}|,\s*{grammar_pattern('and')})\s*|\s*,?\s*(?:{grammar_pattern('and')})\s*"
        ),
        metres=regex.compile(r"(?<![\p{L}\p{N}.,/])(?P<num>\d)(?P<u>m)(?P<cm>\d{2})(?![\p{L}\p{N}])"),  # "1m65"
        cues={
            cue: regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(w for w, c in lex.figure_cues.items() if cue in c.split(','))})(?![\p{{L}}])")
            for cue in sorted({c for cues in lex.figure_cues.values() for c in cues.split(",")})
        },
    )


def _value(raw: str) -> float | None:
    if raw[0].isdigit():
        return parse_number(raw)
    return parse_number_words(raw)


def _read_unit(text: str, pos: int, end: int) -> _Unit | None:
    """The longest unit or counted noun at ``pos``; none for the "lần" of "lần lượt" ("RON 95
    lần lượt là …": respectively, no count of times)."""
    p, lex = patterns(), lexicons()
    if word_patterns().respectively_after.match(text, pos, end):
        return None
    unit = p.unit.match(text, pos, end)
    noun = p.noun.match(text, pos, end)
    modified = bool(unit and noun and noun.end() == unit.end() and _modified(text, unit, end))
    if modified and unit is not None and _index_level(text, unit.start()):
        return _Unit("measure", unit.group("u2"), unit.start("u2"), unit.end(), unit.end(), 1.0, INDEX_LEVEL, UNIT_LEXICON)
    if noun and (not unit or noun.end() > unit.end() or modified):
        rule = UNIT_WORD_NOUN if unit and lex.units.get(unit.group("u2") or "", ("",))[0] == "measure" else COUNTED_NOUN
        return _Unit("count", noun.group("n"), noun.start("n"), noun.end(), noun.end(), 1.0, rule, UNIT_LEXICON)
    if unit:
        group = next(g for g in ("u", "u2", "u3") if unit.group(g))
        kind, canonical, factor = lex.units.get(unit.group(group), ("percent", unit.group(group), 1.0))
        return _Unit(kind, canonical, unit.start(group), unit.end(), unit.end(), factor, _KIND_RULES[kind], UNIT_LEXICON)
    return None


def _index_level(text: str, pos: int) -> bool:
    """An index word of figure_cues.tsv (index: "VN-Index", "ngưỡng", "mốc") stands in the 40 characters
    before the number that ends before ``pos``, with no clause mark (".", ";", ":", "!", "?") between."""
    before = text[max(0, pos - 50) : pos]
    number = rx(r"[\d.,]+\s*$").search(before)
    window = before[: number.start()] if number else before
    window = rx(r"[.;:!?\n]").split(window[-40:])[-1]
    return patterns().cues["index"].search(window) is not None


def _modified(text: str, unit: regex.Match[str], end: int) -> bool:
    """A lower-case content word follows: a word that is both a measure unit and a counted noun
    is the noun ("215 điểm sạt lở", against "28 điểm")."""
    lex = lexicons()
    if lex.units.get(unit.group("u2") or "", ("",))[0] != "measure":
        return False
    match = rx(r"\s+(\p{Ll}+)(?![\p{L}\p{N}])").match(text[unit.end() : end])
    return match is not None and match.group(1) not in lex.function_words and match.group(1) not in lex.units


def _next_word(text: str, pos: int, end: int) -> _Unit | None:
    """A lower-case word after a whole number that is no function word: the counted noun; or a
    noun of one to four lower-case words in quotes ('2 “cò”', '8 "xế hộp"'), the figure ending
    after the closing quote."""
    match = rx(r"\s+(?:(\p{Ll}+)(?![\p{L}\p{N}])|[\x22\u201c](\p{Ll}+(?: \p{Ll}+){0,3})[\x22\u201d](?![\p{L}\p{N}]))").match(text[pos:end])
    group = 1 if match and match.group(1) else 2
    if not match or match.group(group).split()[0] in lexicons().function_words or not_counted(text, pos, end):
        return None
    return _Unit("count", match.group(group), pos + match.start(group), pos + match.end(group), pos + match.end(), 1.0, ANY_NOUN, UNIT_WORD)


@lru_cache(maxsize=1)
def _not_counted() -> regex.Pattern[str]:
    return regex.compile(rf"\s+(?:{grammar_pattern('not_counted')})(?![\p{{L}}\p{{N}}])")


def not_counted(text: str, pos: int, end: int) -> bool:
    """The word at ``pos`` (past spaces) is one of grammar_words.tsv not_counted: no counted noun."""
    return _not_counted().match(text, pos, end) is not None


def _after_name(before: str, opening: bool = False) -> bool:
    """The number ends a name: a capitalised word one or two words back, joined by no function word
    and no comma ("Quân đội 108"; not "anh Phạm Hoàng Tú, 3 công an", "cảng cá Dân Phước, 4 vùng").
    With ``opening`` (``before`` starts the sentence), a function word capitalised only because it
    opens the sentence is no name ("Có 3 cách …", "Với 19 chiến thắng …"; still "Bệnh viện 108")."""
    words = rx(r"[\p{L}\p{N}.,]+|[^\s\p{L}\p{N}]").findall(before)[:-1]
    if opening and len(words) <= 2 and words and words[0].lower() in lexicons().function_words:
        words = [words[0].lower(), *words[1:]]
    words = words[-2:]
    if words and words[-1].endswith(","):
        return False
    if not words or words[-1] in lexicons().function_words:
        return False
    return any(w[:1].isupper() for w in words)


def _blocked_before(text: str, start: int, sentence: Span) -> bool:
    """Dates, documents, roads, ordinals, grades, sessions, back-references ("cả 2 ông", "giữa hai nước"):
    the words before say no figure (unless they end a phrase of figure_cues.tsv "no_label": "quãng
    đường 933 km" is no road number)."""
    before = text[max(sentence.start, start - 30) : start]
    if any(m.end() == len(before.rstrip()) for m in patterns().cues["no_label"].finditer(before.rstrip())):
        return False
    if patterns().before_block.search(before):
        return True
    # a back-reference counts the few things named before: not a decimal, a thousands group or a range ("giữa 9,6-12,3 tỷ người")
    return bool(patterns().back_reference_before.search(before)) and rx(r"\d+(?:[.,]\d+)+|\d+\s*[-–]\s*\d").match(text, start) is None


def _blocked_digits(text: str, end: int, sentence: Span) -> bool:
    """Digits glued to a date, time, code or name ("8/7", "14:30", "7h30", "COVID-19")."""
    return rx(r"[/:]\s?\d|/\p{L}|h\d|-\p{L}").match(text[end : min(sentence.end, end + 3)]) is not None


def _blocked_unit(text: str, fig: Figure, sentence: Span) -> Rule | None:
    """Back-references, product grades, reporting-period labels, relative times, clock times."""
    p = patterns()
    if (p.after_block.match(text, fig.end, sentence.end) and fig.unit not in grammar_set("age")) or _back_reference_after_noun(text, fig, sentence):
        return EXCLUDE_AFTER  # not an age: "cầu thủ 28 tuổi này" is this player, aged 28
    if _pair_reference(text, fig, sentence):
        return EXCLUDE_PAIR
    if fig.kind == "count" and _vehicle_class(text, fig, sentence):
        return EXCLUDE_VEHICLE_CLASS
    if fig.kind == "count" and _pair_noun(text, fig, sentence):
        return EXCLUDE_PAIR_NOUN
    if fig.kind == "count" and fig.value == 1 and text[fig.start : fig.unit_start].strip() == "1" and indefinite_predicate(text, fig, sentence):
        return EXCLUDE_INDEFINITE_PHRASE  # "là 1 quốc gia"; a "một" is decided with its list (combine.py)
    if fig.unit not in _TIME_UNITS:
        return None
    if p.after_time.match(text, fig.end, sentence.end):
        return None if _spanned(text, fig, sentence) else EXCLUDE_TIME
    before = text[sentence.start : fig.start]
    if _relative_time(text, fig, sentence):
        return EXCLUDE_RELATIVE
    if word_patterns().opening_time.fullmatch(before) and rx(r"\s*,").match(text[fig.end : sentence.end]):
        return EXCLUDE_TIME
    return EXCLUDE_TIME if _date_or_clock(text, fig, sentence, before) else None


def _back_reference_after_noun(text: str, fig: Figure, sentence: Span) -> bool:
    """A count whose noun phrase, one or two more lower-case words that are no function words, ends
    with a back-reference ("9 bộ hồ sơ trên", "2 phương án kể trên", "3 chứng cứ ấy", "10 vụ lừa
    đảo nói trên"): the things named before, no figure. Not past a function word ("100 tỷ đồng
    cho dự án này": the "này" is the project's)."""
    if fig.kind != "count":
        return False
    pos = fig.end
    for _ in range(2):
        word = rx(r"\s+(\p{Ll}+)(?![\p{L}\p{N}])").match(text, pos, sentence.end)
        if word is None or word.group(1) in lexicons().function_words:
            return False
        pos = word.end()
        if patterns().after_block.match(text, pos, sentence.end):
            return True
    return False


def _date_or_clock(text: str, fig: Figure, sentence: Span, before: str) -> bool:
    """A time unit that is part of a clock time or a date, not a duration."""
    after = text[fig.end : sentence.end]
    if fig.unit == "giờ":
        return bool(patterns().after_clock.match(text, fig.end, sentence.end) or patterns().before_clock.search(before))
    if fig.unit == "ngày":
        return word_patterns().day_month.match(after) is not None
    if fig.unit == "tháng":
        return fig.value_max is None and (  # "24 tháng 12 năm 1983", "29 tháng Chạp"
            rx(r"\s+\d{1,2}(?![\d,.])").match(after) is not None or word_patterns().lunar_month.match(after) is not None
        )
    if fig.unit == "năm":
        return rx(r"\s+(?:19|20)\d{2}(?!\d)").match(after) is not None  # "vùng 1 năm 2017": a label and its year
    return False


def _pair_reference(text: str, fig: Figure, sentence: Span) -> bool:
    """"Hai người hẹn hò…", "Gần đây, hai người xảy ra mâu thuẫn", "clip của 2 người": two people
    named before, as the subject of a clause (at its start, after "khi", "sau khi", "gì") or after
    "của"; not when they are the victims of what follows ("hai người bị thương", "2 người chết")."""
    if fig.kind != "count" or fig.value != 2 or fig.unit.lower() != "người" or fig.unit_end != fig.end:
        return False
    before = text[max(sentence.start, fig.start - 12) : fig.start]
    at_start = not text[sentence.start : fig.start].strip(" \"'“”(-–")
    if not (at_start or word_patterns().pair_lead.search(before)):
        return False
    after = text[fig.end : min(sentence.end, fig.end + 20)]
    return not any(m.start() == len(after) - len(after.lstrip()) for m in patterns().cues["victim"].finditer(after))


@lru_cache(maxsize=1)
def _vehicle_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])(?:{grammar_pattern('vehicle_noun')})\s+$")


def _vehicle_class(text: str, fig: Figure, sentence: Span) -> bool:
    """"xe 7 chỗ", "xe buýt 2 tầng", "loại 16 chỗ ngồi": seats, decks or doors counted right after a vehicle noun."""
    if text[fig.unit_start : fig.unit_end].lower() not in grammar_set("vehicle_class_unit"):
        return False
    return _vehicle_before().search(text, max(sentence.start, fig.start - 20), fig.start) is not None


@lru_cache(maxsize=1)
def _pair_intro() -> regex.Pattern[str]:
    before = comparator_words_before()
    return regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])(?:{grammar_pattern('pair_noun_intro')}|{grammar_pattern('inclusion')}|{alternation(before)})\s+$")


def _pair_noun(text: str, fig: Figure, sentence: Span) -> bool:
    """"quan hệ hai nước", "Chính phủ hai nước", "hai miền thống nhất": two of a pair noun written right after the
    number are the two named before; not after a word that introduces them ("có 2 nước thuộc …", "hơn hai nước")."""
    if fig.value != 2 or fig.value_max is not None or fig.unit_end != fig.end:
        return False
    if text[fig.unit_start : fig.unit_end].lower() not in grammar_set("pair_noun"):
        return False
    return _pair_intro().search(text, max(sentence.start, fig.start - 20), fig.start) is None


@lru_cache(maxsize=1)
def _predicate_lead() -> regex.Pattern[str]:
    before = comparator_words_before()
    return regex.compile(rf"(?i)(?<!(?<![\p{{L}}])(?:{alternation(before)})\s+)(?<![\p{{L}}])(?:{grammar_pattern('predicate_lead')})\s+$")


@lru_cache(maxsize=1)
def _listed_after() -> regex.Pattern[str]:
    """Another quantity in digits listed after a figure: "là 1 xe máy và 2 điện thoại", "là một tàu, 3 xuồng"."""
    return regex.compile(rf"(?i)[^.;:!?()]{{0,40}}?(?:,|(?<![\p{{L}}])(?:{grammar_pattern('figure_list_joiner')}))\s*\d")


def indefinite_predicate(text: str, fig: Figure, sentence: Span) -> bool:
    """"là một người hiền lành", "là 1 quốc gia có …": a single one after a copula (see EXCLUDE_INDEFINITE_PHRASE);
    not the first item of a list of quantities ("là 1 xe máy và 2 điện thoại")."""
    if fig.value_max is not None or text[fig.start : fig.unit_start].strip().lower() not in ("1", "một"):
        return False
    if _predicate_lead().search(text, max(sentence.start, fig.start - 25), fig.start) is None:
        return False
    return _listed_after().match(text, fig.end, sentence.end) is None


def _words_before(text: str, fig: Figure, sentence: Span) -> str:
    """Up to 20 characters before the figure, past a comparator right before it ("suốt gần")."""
    start = max(sentence.start, fig.start - 45)
    near = max(start, fig.start - 25)
    comp = patterns().comparator_before.search(text[near : fig.start])
    end = near + comp.start("c") if comp else fig.start
    return text[max(start, end - 20) : end].rstrip()


def _spanned(text: str, fig: Figure, sentence: Span) -> bool:
    """A time figure after a word of duration (figure_cues.tsv "duration": "suốt", "thêm", "kéo dài")
    is a length of time even with a relative word after it ("suốt 13 năm qua", "thêm 4 năm nữa")."""
    if fig.unit not in _TIME_UNITS or not patterns().relative_after.match(text, fig.end, sentence.end):
        return False  # no relative word after it, or a period label ("suốt 4 tháng đầu năm": the sentence's period)
    tail = _words_before(text, fig, sentence)
    return any(m.end() == len(tail) for m in patterns().cues["duration"].finditer(tail))


def _relative_time(text: str, fig: Figure, sentence: Span) -> bool:
    """The words before a time figure, past any comparator, end with a relative-time word ("cách
    đây khoảng 20 năm", "trước đó 2 ngày", "kỷ niệm 1.000 năm"), or with "sau" when no activity
    follows ("Sau 5 phút, hai bên …", not "sau 15 năm bỏ trốn", the length of a stay)."""
    tail = _words_before(text, fig, sentence)
    cues = patterns().cues
    if any(m.end() == len(tail) for m in cues["duration"].finditer(tail)):
        return False
    if any(m.end() == len(tail) for m in cues["relative_time"].finditer(tail)):
        return True
    if not any(m.end() == len(tail) for m in cues["relative_after"].finditer(tail)):
        return False
    activity = rx(r"\s+(\p{Ll}+)(?![\p{L}\p{N}])").match(text[fig.end : sentence.end])
    return activity is None or activity.group(1) in lexicons().function_words


def read_figures(text: str, sentence: Span, trace: list[Fired] | None = None, budget: list[int] | None = None) -> list[Figure]:
    """The figures of one sentence read one by one, in text order: numbers with the unit after them,
    then units written before a number ("cấp 6"). ``budget`` (a one-item list) counts the number
    candidates an article may still examine; each candidate spends one, whether it is kept or not."""
    found: list[Figure] = []
    label_end = -1  # end of the last number a label made no figure ("kỳ hạn 5 năm và 7 năm")
    labelled = False  # a label made a number no figure in this sentence
    for match in figure_search().finditer(text, sentence.start, sentence.end):
        if not _spend(budget):
            break
        if (label_end >= 0 and patterns().label_list.fullmatch(text, label_end, match.start())) or (labelled and _label_item(text, match, sentence)):
            note(trace, EXCLUDE_BEFORE, match.start(), match.end())
            label_end = match.end()
            continue
        # a figure in a bracket right after a label's number keeps the list going ("kỳ hạn 5 năm (200 tỷ đồng), 10 năm")
        bracketed = label_end >= 0 and rx(r"[^()]{0,12}\([^()]{0,40}").fullmatch(text, label_end, match.start()) is not None
        fig = _breakdown(text, match, sentence, found) or _figure(text, match, sentence, trace) or _elided_noun(text, match, sentence, found)
        # a year ends no label list for other numbers ("năm 2016 và 2,3 lần năm 2015")
        label_end = match.end() if fig is EXCLUDE_BEFORE and not _looks_like_year(match.group("num")) else (label_end if bracketed else -1)
        labelled = labelled or label_end == match.end()
        fig = None if isinstance(fig, Rule) else fig
        excluded = _blocked_unit(text, fig, sentence) if fig else None
        if excluded is not None and fig is not None:
            note(trace, excluded, fig.start, fig.end)
        elif fig is not None and not (found and fig.start < found[-1].end):  # not inside the figure before ("6 tháng" of "3 năm 6 tháng")
            fig = replace(fig, rule=DURATION_SPAN) if _spanned(text, fig, sentence) else fig
            found.append(_compound_duration(text, fig, sentence))
    for match in patterns().unit_before.finditer(text, sentence.start, sentence.end):
        if not _spend(budget):
            break
        fig = _unit_before(text, match, sentence, trace)
        overlap = [f for f in found if fig is not None and f.start < fig.end and fig.start < f.end]
        if fig is not None and fig.value_max is not None and overlap and all(f.rule is ANY_NOUN for f in overlap):
            found = [f for f in found if f not in overlap]  # "độ tuổi từ 25 đến 34 nhảy việc", "độ tuổi 15 - 39 sống": the range, not "34 nhảy"
            overlap = []
        if fig is not None and not overlap:
            found.append(fig)
    found += [f for f in _glued_metres(text, sentence, budget) if all(f.end <= g.start or f.start >= g.end for g in found)]
    found += [f for f in _slash_pairs(text, sentence, found, budget) if all(f.end <= g.start or f.start >= g.end for g in found)]
    found += [f for f in _doubling(text, sentence, budget) if all(f.end <= g.start or f.start >= g.end for g in found)]
    return sorted(found, key=lambda f: f.start)


def _slash_pairs(text: str, sentence: Span, found: list[Figure], budget: list[int] | None) -> list[Figure]:
    """"254 mã tăng/217 mã giảm", "64.000 tấn/80.000 tấn thóc", "112 bé trai/100 bé gái": a number
    right after a slash that closes a figure (past at most three lower-case words) and written with
    the same unit or counted noun is a figure of its own; not a rate's base ("2 triệu đồng/1 tỷ đồng
    tiền vay", "100 đồng/1 kg")."""
    pairs = []
    for fig in found:
        if fig.kind == "ratio" or fig.unit_end != fig.end:
            continue
        m = _slash_next().match(text, fig.end, sentence.end)
        if m is None or not _spend(budget):
            continue
        unit = _read_unit(text, m.end("num"), sentence.end)
        mult = 1.0
        if unit is None and m.group("mult"):
            unit, mult = _read_unit(text, m.end(), sentence.end), multiplier(m.group("mult"))
        value = parse_number(m.group("num"))
        if unit is None or value is None or value == 1 or unit.kind != fig.kind or unit.unit.lower() != fig.unit.lower():
            continue
        pairs.append(Figure(m.start("num"), unit.fig_end, fig.kind, value * mult * unit.factor, None, unit.unit, unit.start, unit.end, SLASH_PAIR, unit.unit_rule))
    return pairs


@lru_cache(maxsize=1)
def _slash_next() -> regex.Pattern[str]:
    return regex.compile(rf"(?:\s+\p{{Ll}}+){{0,3}}\s?/\s?(?P<num>{_NUMBER})(?![\d/])(?:\s+(?P<mult>{MULTIPLIER_PATTERN}){_B})?")


def _compound_duration(text: str, fig: Figure, sentence: Span) -> Figure:
    """"3 năm 6 tháng", "2 phút 30 giây": a duration followed by an amount of the next smaller unit
    (compound_units.tsv, below one of the larger) is one figure in the larger unit (3.5 năm)."""
    compound = lexicons().compound_units.get(fig.unit) if fig.kind == "measure" and fig.value_max is None else None
    if compound is None or fig.unit_end != fig.end:
        return fig
    smaller, per = compound
    more = rx(rf"\s+(\d{{1,2}})\s+{regex.escape(smaller)}(?![\p{{L}}\p{{N}}])").match(text, fig.end, sentence.end)
    if more is None or int(more.group(1)) >= per:
        return fig
    return replace(fig, end=more.end(), value=fig.value + int(more.group(1)) / per, rule=COMPOUND_DURATION)


def _label_item(text: str, match: regex.Match[str], sentence: Span) -> bool:
    """After a label's number, a time amount opening an item of a ";" list is the next label:
    "kỳ hạn 1 tuần ở 4,08%; 2 tuần giảm còn 3,3%; 1 tháng giảm còn 3,65%" (terms, not durations)."""
    if not rx(r";\s*$").search(text, sentence.start, match.start()):
        return False
    unit = _read_unit(text, match.end(), sentence.end)
    return unit is not None and unit.unit in _TIME_UNITS


def _glued_metres(text: str, sentence: Span, budget: list[int] | None) -> list[Figure]:
    """"cao 1m65", "(1m70)": metres, the unit, then two digits of centimetres."""
    figures = []
    for match in patterns().metres.finditer(text, sentence.start, sentence.end):
        if not _spend(budget):
            break
        value = int(match.group("num")) + int(match.group("cm")) / 100
        figures.append(Figure(match.start(), match.end(), "measure", value, None, "m", match.start("u"), match.end("u"), METRES_GLUED, UNIT_LEXICON))
    return figures


def _breakdown(text: str, match: regex.Match[str], sentence: Span, found: list[Figure]) -> Figure | None:
    """"32 học viên (8 đang trong quá trình xét xử; 10 đã chuyển sang thi hành án; 3 đã bồi hoàn)",
    "5 kiến tạo ở mọi mặt trận (4 ở Premier League, 1 ở Europa League)": a bare whole number opening
    a bracket, or an item of it after "," or ";", with no unit of its own (a function word or a
    separator after it), is part of the count the
    bracket follows (at most 40 characters after it, no sentence mark between): it counts the same noun."""
    last = next((f for f in reversed(found) if f.rule is not BREAKDOWN), None)
    raw = match.group("num")
    if last is None or last.kind != "count" or match.group("num2") or match.group("mult") or not raw.isdigit():
        return None
    opening = _breakdown_opening().fullmatch(text, last.end, match.start())
    if opening is None or _read_unit(text, match.end(), sentence.end) is not None:
        return None
    after = rx(r"\s+(\p{Ll}+)(?![\p{L}\p{N}])|\s*[,;)]").match(text, match.end(), sentence.end)
    if after is None or (after.group(1) and after.group(1) not in lexicons().function_words):
        return None  # before a function word or a separator ("(4 ở …", "(8 đang …"); "(20 sĩ quan …" has its own noun
    value = float(raw)
    if value > last.value:
        return None
    return Figure(match.start(), match.end(), "count", value, None, last.unit, last.unit_start, last.unit_end, BREAKDOWN, UNIT_SHARED)


def _elided_noun(text: str, match: regex.Match[str], sentence: Span, found: list[Figure]) -> Figure | None:
    """"Môn Sinh học có 47.320/47.501 thí sinh dự thi, vắng 181.", "tiếp nhận 500 hồ sơ, giải quyết
    480;": a bare whole number ending its clause, after the one or two lower-case words (no function
    word) that open the clause after a comma, right after a count of the sentence (at most 60
    characters on, no other number between), counts the count's noun, left out."""
    last = found[-1] if found else None
    raw = match.group("num")
    if last is None or last.kind not in ("count", "ratio") or last.unit_end != last.end or match.group("num2") or match.group("mult"):
        return None
    if not rx(_WHOLE).fullmatch(raw) or not rx(r"\s*(?:[.;,)]|$)").match(text, match.end(), sentence.end):
        return None
    gap = rx(r"[^\d.;:()]{0,60}?,\s*(\p{Ll}+(?:\s+\p{Ll}+)?)\s+").fullmatch(text, last.end, match.start())
    lex = lexicons()
    if gap is None or any(w in lex.function_words for w in gap.group(1).split()):
        return None
    if gap.group(1).split()[-1] in lex.counted_nouns or _blocked_before(text, match.start(), sentence):
        return None  # "…, quận 11": a name, not a number of the noun left out
    return Figure(match.start(), match.end(), "count", parse_number(raw), None, last.unit, last.unit_start, last.unit_end, ELIDED_NOUN, UNIT_SHARED)


@lru_cache(maxsize=1)
def _breakdown_opening() -> regex.Pattern[str]:
    """From a count to a number in the bracket after it: the bracket opens, maybe past earlier items
    ended by ",", ";" or a list joiner (grammar_words.tsv figure_list_joiner)."""
    return regex.compile(rf"[^.;:!?()]{{0,40}}\(\s*(?:[^()]*(?:[,;]|\s(?:{grammar_pattern('figure_list_joiner')}))\s*)?")


def _spend(budget: list[int] | None) -> bool:
    if budget is None:
        return True
    if budget[0] <= 0:
        return False
    budget[0] -= 1
    return True


def _unit_before(text: str, match: regex.Match[str], sentence: Span, trace: list[Fired] | None) -> Figure | None:
    """"gió mạnh cấp 6", "giật cấp 7-8", "nghỉ hưu ở tuổi 34": a unit written before its number."""
    unit = match.group("u")
    kind, needs = lexicons().unit_contexts[unit.lower()][1:]
    if "wind" in needs and not _after_wind(text[sentence.start : match.start()]):
        note(trace, EXCLUDE_UNIT_CONTEXT, match.start(), match.end())
        return None
    value = parse_number(match.group("num"))
    high = match.group("num2") or match.group("num3")
    value_max = parse_number(high) if high else None
    worded = match.group("from") is not None or match.group("to") is not None
    if worded and value_max is not None and value < value_max < 1000:  # the range as written, without the unit or "từ" before it
        return Figure(match.start("num"), match.end(), kind, value, value_max, unit.lower(), match.start("u"), match.end("u"), UNIT_BEFORE_RANGE, UNIT_LEXICON)
    if match.group("from") is not None:  # "tuổi từ 18" alone: no figure, as before
        return None
    end, value_max = (match.end("num"), None) if worded else (match.end(), value_max)  # "ở tuổi 60 đến 2030": the age alone
    return Figure(match.start(), end, kind, value, value_max, unit.lower(), match.start("u"), match.end("u"), UNIT_BEFORE, UNIT_LEXICON)


def _after_wind(before: str) -> bool:
    """A wind word stands before, nearer than a risk or alert level ("gió mạnh cấp 6", not
    "Cấp độ rủi ro thiên tai: cấp 1")."""
    cues = patterns().cues
    wind = [m.end() for m in cues["wind"].finditer(before)]
    grade = [m.end() for m in cues["grade"].finditer(before)]
    return bool(wind) and (not grade or wind[-1] > grade[-1])


def period_labels(text: str, found: list[Figure], sentence: Span, trace: list[Fired] | None) -> list[Figure]:
    """The figures without the month counts that label the period of the sentence's other figures."""
    if len(found) < 2:
        return found
    kept = []
    for fig in found:
        if _period_label(text, fig, sentence):
            note(trace, EXCLUDE_PERIOD_LABEL, fig.start, fig.end)
        else:
            kept.append(fig)
    return kept


def note(trace: list[Fired] | None, rule: Rule, start: int, end: int) -> None:
    if trace is not None:
        trace.append(Fired(rule, start, end))


def _period_label(text: str, fig: Figure, sentence: Span) -> bool:
    """A month count that labels the reporting period of the sentence's other figures: "… 350
    triệu lượt khách trong 9 tháng", "Sản lượng khai thác 9 tháng đạt 205.000 tấn"."""
    if fig.unit != "tháng" or fig.value_max is not None or fig.value >= 12:
        return False  # "trong 42 tháng" is a length of time, not a reporting period
    before = text[max(sentence.start, fig.start - 25) : fig.start]
    if patterns().comparator_before.search(before):
        return False
    if patterns().label_verb.match(text, fig.end, sentence.end):
        return True
    closes = rx(r"\s*(?:[,.;:)\"”]|$)").match(text[fig.end : sentence.end]) is not None
    return closes and word_patterns().period_label.search(before) is not None


def _figure(text: str, match: regex.Match[str], sentence: Span, trace: list[Fired] | None) -> Figure | Rule | None:
    """The figure a number match reads, None, or EXCLUDE_BEFORE when a label before it makes it none."""
    raw = match.group("num")
    cell = _percent_cell(text, match, sentence) if raw[0].isdigit() else None
    if cell is not None:
        return cell
    cell_percent = raw[0].isdigit() and _percent_before_fraction(text, match, sentence)
    if (
        _blocked_before(text, match.start(), sentence) and not _grouped_quantity(text, match, sentence) and not _age(text, match)
        and (not raw[0].isdigit() or _table_row(text, match, sentence) is None)  # "Tổng số điểm 108": a table cell, no grade
        and not cell_percent  # "ăn điểm 63% (22/35)": a table cell, no grade
    ):
        note(trace, EXCLUDE_BEFORE, match.start(), match.end())
        return EXCLUDE_BEFORE
    if raw[0].isdigit():
        ratio = _ratio(text, match, sentence)
        if ratio is not None:
            return ratio
        if _digits_blocked(text, match, sentence, trace):
            return None
    elif parse_fraction_words(raw) is not None:
        return _word_fraction(text, match, sentence) or _half_amount(text, match, sentence) or _fraction_alone(text, match, sentence)
    if not raw[0].isdigit() and raw[0].isupper() and rx(r"[\p{L},]\s*$").search(text[sentence.start : match.start()]):
        note(trace, EXCLUDE_NAME, match.start(), match.end())  # "ông Sáu", "Hai Bà Trưng": a name
        return None
    unit = _unit_of(text, match, sentence, trace)
    if unit is None:
        return None
    if cell_percent and unit.kind == "percent" and _blocked_before(text, match.start(), sentence):
        unit = replace(unit, rule=PERCENT_CELL)
    return _build(text, match, unit, sentence, trace)


def _percent_before_fraction(text: str, match: regex.Match[str], sentence: Span) -> bool:
    """"63% (22/35)", "44%(87/198)": a plain percent (no range, no multiplier) right before a bracketed
    fraction of two whole numbers that it rounds (to a point): the cell of a statistics table."""
    if match.group("num2") or match.group("mult"):
        return False
    m = rx(r"\s*%\s*\(\s*(\d{1,4})\s*/\s*(\d{1,4})\s*\)").match(text, match.end("num"), sentence.end)
    if m is None or int(m.group(2)) == 0 or int(m.group(1)) > int(m.group(2)):
        return False
    value = _value(match.group("num"))
    return value is not None and abs(value - 100 * int(m.group(1)) / int(m.group(2))) <= 1


def _unit_of(text: str, match: regex.Match[str], sentence: Span, trace: list[Fired] | None) -> _Unit | None:
    """The unit or counted noun of a figure; number words take only lexicon nouns and units."""
    raw = match.group("num")
    unit = _read_unit(text, match.end(), sentence.end)
    if unit is not None and not _context_holds(text, match, unit):
        note(trace, EXCLUDE_UNIT_CONTEXT, match.start(), unit.end)
        unit = None
    if raw[0].isdigit():
        whole = rx(r"\d+|\d{1,3}(?:\.\d{3})+").fullmatch(raw) is not None and not _looks_like_year(raw)
        if match.group("num2"):  # "5-7 bạn"; not a score "2-1 nghiêng về …"
            whole = whole and rx(r"\d{1,3}").fullmatch(match.group("num2")) is not None and int(match.group("num2")) > int(raw.replace(".", ""))
        if unit is None and whole and not _money_noun_after(text, match, sentence):
            unit = _age_ahead(text, match, sentence) or _word_after(text, match, sentence, trace)
        return (
            unit or _respectively(text, match, sentence) or _part_of(text, match, sentence) or _bare_amount(text, match, sentence)
            or _unit_ahead(text, match, sentence) or _shared_unit(text, match, sentence) or _table_row(text, match, sentence)
            or _heading_noun(text, match, sentence)
        )
    word = raw.lower()
    if _number_compound().match(text, match.start("num")):
        note(trace, EXCLUDE_NUMBER_COMPOUND, match.start(), match.end())
        return None
    if unit is None and word not in grammar_set("ambiguous_number_word"):
        noun = _next_word(text, match.end(), sentence.end)
        unit = replace(noun, rule=WORD_NOUN) if noun is not None and noun.unit not in grammar_set("number_word_stop") else None
    if unit is None:
        return None
    if unit.kind != "count" and (word == "năm" or (word == "một" and not _one_of_amount(text, match, unit, sentence))):
        return None
    if word == "năm" and any(m.end() == match.start() - 1 for m in patterns().cues["year"].finditer(text, max(sentence.start, match.start() - 12), match.start())):
        return None  # "mỗi năm tỉnh trồng …", "là năm bản lề": the year, not five
    return unit


def _digits_blocked(text: str, match: regex.Match[str], sentence: Span, trace: list[Fired] | None) -> bool:
    """Digits glued to a date, time, code or name ("8/7", "COVID-19"), or a year ending a name ("Toyota Vios 2018")."""
    if _blocked_digits(text, match.end("num"), sentence):
        note(trace, EXCLUDE_GLUED, match.start(), match.end("num"))
        return True
    if _name_year(text, match, sentence):
        note(trace, EXCLUDE_NAME_YEAR, match.start(), match.end())
        return True
    return False


def _name_year(text: str, match: regex.Match[str], sentence: Span) -> bool:
    """A year right after a capitalised name ("Toyota Vios 2018 bản …", "APEC 2017 là dịp"): the name's year."""
    if match.group("num2") or match.group("mult") or not _looks_like_year(match.group("num")):
        return False
    opening = match.end() - sentence.start <= 40
    return _after_name(text[sentence.start if opening else match.end() - 40 : match.end()], opening)


def _word_after(text: str, match: regex.Match[str], sentence: Span, trace: list[Fired] | None) -> _Unit | None:
    """The lower-case word after a whole number as its counted noun, unless the number ends a name."""
    if not_counted(text, match.end(), sentence.end):
        note(trace, EXCLUDE_NOT_NOUN, match.start(), match.end())
    unit = _next_word(text, match.end(), sentence.end)
    opening = match.end() - sentence.start <= 40  # the words before start the sentence
    if unit is not None and _after_name(text[sentence.start if opening else match.end() - 40 : match.end()], opening):
        note(trace, EXCLUDE_NAME, match.start(), unit.end)
        return None
    return unit


def _context_holds(text: str, match: regex.Match[str], unit: _Unit) -> bool:
    """A unit that needs an amount (unit_contexts.tsv: "87 triệu bảng", "310.000 bảng") has one."""
    needs = lexicons().unit_contexts.get(text[unit.start : unit.end].lower(), ("", "", frozenset()))[2]
    if "amount" not in needs or match.group("mult"):
        return True
    value = _value(match.group("num"))
    return value is not None and value >= 1000


def _one_of_amount(text: str, match: regex.Match[str], unit: _Unit, sentence: Span) -> bool:
    """"một" with a unit is a quantity after a multiplier ("một tỷ USD"), a comparator ("hơn một
    km", "khoảng một mét") or before "trở lên"; else it is "a" ("một ngày nào đó", "120.000 đồng một kg")."""
    if match.group("mult"):
        return True
    before = text[max(sentence.start, match.start() - 25) : match.start()]
    return bool(patterns().comparator_before.search(before)) or bool(word_patterns().or_more.match(text[unit.end : sentence.end]))


def _part_of(text: str, match: regex.Match[str], sentence: Span) -> _Unit | None:
    """"30 trong số 41 hồ sơ", "4 trong tổng số 14 học viên": the part counts what the whole counts."""
    if match.group("num2") or match.group("mult"):
        return None
    whole = word_patterns().part_of.match(text[match.end() : sentence.end])
    unit = _read_unit(text, match.end() + whole.end(), sentence.end) if whole else None
    if unit is None or unit.kind != "count":
        return None
    return replace(unit, fig_end=match.end("num"), rule=PART_OF, unit_rule=UNIT_SHARED)


def _bare_amount(text: str, match: regex.Match[str], sentence: Span) -> _Unit | None:
    """"giá 11,2 tỷ", "bồi thường 349 triệu", "khoảng 10-11 triệu": an amount of a million or more
    with no currency and no noun after it, after a money word of figure_cues.tsv or before a money
    noun ("mua 3 triệu tiền pin"): đồng (statistics.money.bare_amount); else, in an article that
    writes amounts in đồng, when no number, multiplier or abbreviation follows ("phải đóng 5 triệu, …";
    not "122 triệu 425 nghìn bảng", "6 tỷ 544 triệu đồng", "10 triệu CP"): đồng too
    (statistics.money.bare_in_dong_article)."""
    if not match.group("mult") or multiplier(match.group("mult")) < 1e6:
        return None
    after = rx(r"\s+(\p{Ll}+)(?![\p{L}\p{N}])").match(text[match.end() : sentence.end])
    if after and after.group(1) not in lexicons().function_words and after.group(1) not in grammar_set("money_noun") and not not_counted(text, match.end(), sentence.end):
        return None
    clause = rx(r"[;:()]").split(text[max(sentence.start, match.start() - 120) : match.start()])[-1]
    rule = BARE_AMOUNT if patterns().cues["money"].search(clause) or _money_noun_after(text, match, sentence) else None
    if rule is None and (rx(rf"\s*(?:\d|(?:{MULTIPLIER_PATTERN}){_B}|\p{{Lu}}{{2,}}{_B})").match(text, match.end(), sentence.end) or not _dong_amount().search(text)):
        return None  # no money word: only an amount the article's own đồng figures make money; not a table cell, a longer amount, "10 triệu CP"
    mult = match.start("mult"), match.end("mult")
    return _Unit("money", "đồng", mult[0], mult[1], match.end(), 1.0, rule or BARE_IN_DONG, UNIT_IMPLIED)


@lru_cache(maxsize=1)
def _dong_amount() -> regex.Pattern[str]:
    """An amount written in đồng ("4,8 tỷ đồng", "500.000 đ"): the currency the article counts in
    (units.tsv money units whose canonical form is the one a bare amount is given)."""
    dong = [u for u, (kind, canonical, _) in lexicons().units.items() if kind == "money" and canonical == "đồng"]
    return regex.compile(rf"\d(?:[\d.,]*\d)?\s*(?:(?:{MULTIPLIER_PATTERN})\s+)?(?:{alternation(dong)})(?![\p{{L}}])")


def _unit_ahead(text: str, match: regex.Match[str], sentence: Span) -> _Unit | None:
    """"Nhiệt độ thấp nhất từ 16 - 19, có nơi dưới 15 độ C", "Nhiệt độ từ 28 - 31, vùng núi 25 - 28
    độ C": a bare number or range, at most 50 characters after a property of figure_cues.tsv
    (unit_ahead) with no other figure's unit between and a comma or semicolon right after it (the
    values listed before the unit is written once), takes the measure unit (no time unit) of the
    next figure of its sentence, at most 80 characters on."""
    if match.group("mult"):
        return None
    cue = list(patterns().cues["unit_ahead"].finditer(text, max(sentence.start, match.start() - 50), match.start()))
    if not cue or not rx(r"\s*[,;]").match(text, match.end(), sentence.end):
        return None
    numbers = rx(rf"{_NUMBER}(?:\s*[-–]\s*{_NUMBER})?")
    if any(_read_unit(text, m.end(), sentence.end) for m in numbers.finditer(text, cue[-1].end(), match.start())):
        return None
    for later in numbers.finditer(text, match.end(), min(sentence.end, match.end() + 80)):
        unit = _read_unit(text, later.end(), sentence.end)
        if unit is not None:
            if unit.kind != "measure" or unit.unit in _TIME_UNITS:
                return None
            return replace(unit, fig_end=match.end(), rule=UNIT_AHEAD, unit_rule=UNIT_SHARED)
    return None


def _age_ahead(text: str, match: regex.Match[str], sentence: Span) -> _Unit | None:
    """"tuổi nghỉ hưu nam từ 60 lên 62, nữ từ 55 lên 58 hoặc 60", "tuổi thọ trung bình của nam giới
    là 66 và phụ nữ là 77": a whole number of at most three digits with no unit of its own, right
    after a linking word (figure_cues.tsv age_link) and at most 80 characters after an age property
    (age_ahead) with no full stop, colon, semicolon or bracket between, is an age, in the age word
    of the property (grammar_words.tsv age: "tuổi"). Not
    the number right after a property ending in a unit written before it ("độ tuổi từ 25 đến 35":
    statistics.measure.unit_before_range reads it)."""
    raw, high = match.group("num"), match.group("num2")
    if match.group("mult") or not rx(r"\d{1,3}").fullmatch(raw) or (high and not rx(r"\d{1,3}").fullmatch(high)):
        return None
    cues = patterns().cues
    props = list(cues["age_ahead"].finditer(text, max(sentence.start, match.start() - 80), match.start()))
    before = text[max(sentence.start, match.start() - 12) : match.start()]
    if not props or not 0 < int(raw) <= 120 or not any(m.end() == len(before.rstrip()) for m in cues["age_link"].finditer(before.rstrip())):
        return None
    gap = text[props[-1].end() : match.start()]
    ends_in_unit = lexicons().unit_contexts.get(props[-1].group(0).split()[-1].lower(), ("",))[0] == "before"
    if rx(r"[.;:()]").search(gap) or (ends_in_unit and rx(rf"(?i)\s*(?:(?:{grammar_pattern('range_start')})\s+)?").fullmatch(gap)):
        return None
    age = next((w for w in rx(r"\p{L}+").finditer(props[-1].group(0)) if w.group(0).lower() in grammar_set("age")), None)
    if age is None:
        return None
    start = props[-1].start() + age.start()
    return _Unit("measure", age.group(0).lower(), start, start + len(age.group(0)), match.end(), 1.0, AGE_AHEAD, AGE_AHEAD)


def _shared_unit(text: str, match: regex.Match[str], sentence: Span) -> _Unit | None:
    """"giá gốc chỉ 200.000 và 350.000 đồng", "tổng số căn là 654 và 4 căn biệt thự", "20 hoặc 40 mã
    lực": a bare whole or decimal number (no year) joined by "và" or "hoặc" (grammar_words.tsv
    shared_unit_joiner) to the next number, which has a unit, shares that unit (and its multiplier);
    not a number ending a name or after a unit written before ("Cầu Thủ Thiêm 2 và 9 lô", "ở tuổi 43
    và 54%")."""
    if match.group("num2") or match.group("mult") or _looks_like_year(match.group("num")):
        return None
    before = text[max(sentence.start, match.start() - 40) : match.end()]
    previous = rx(r"(\p{L}+)\s*$").search(before[: match.start() - max(sentence.start, match.start() - 40)])
    if _after_name(before) or (previous and lexicons().unit_contexts.get(previous.group(1).lower(), ("",))[0] == "before"):
        return None  # "Cầu Thủ Thiêm 2 và 9 lô", "ở tuổi 43 và 54%"
    joined = word_patterns().shared_unit.match(text, match.end(), sentence.end)
    unit = _read_unit(text, joined.end(), sentence.end) if joined else None
    if joined is None or unit is None:
        return None
    factor = unit.factor * multiplier(joined.group("mult"))
    return replace(unit, fig_end=match.end("num"), factor=factor, rule=SHARED_UNIT, unit_rule=UNIT_SHARED)


def _heading_noun(text: str, match: regex.Match[str], sentence: Span) -> _Unit | None:
    """A bare whole number standing as a cell (a separator, a bracket, the next capitalised row
    label or another number after it) under the last heading "số <noun>"/"tổng số <noun>" (grammar_words.tsv
    heading_count) of the 240 characters before it counts that noun: after a label's colon, the
    heading's own colon first ("Tổng số phòng thi: Môn Văn: 35.944; Môn Toán: 36.809"), with only
    bare cells and percents listed between; or right after a capitalised row heading and its
    lower-case words ("Số cổ phiếu tăng giá 147"). Not a code, phone or house number (a leading zero,
    five digits or more with no thousands groups), a year, nor the number of a list item ("như sau: 1. …")."""
    raw = match.group("num")
    if match.group("num2") or match.group("mult") or _looks_like_year(raw):
        return None
    if not rx(r"0|[1-9]\d{0,3}|[1-9]\d{0,2}(?:\.\d{3})+").fullmatch(raw) or not rx(r"\s*(?:[,;()/]|\.\s*$|$|\p{Lu}|\d)").match(text, match.end(), sentence.end):
        return None
    if text.startswith(".", match.end()) and len(raw) <= 2:
        return None  # "như sau: 1. Dự án …": the number of a list item
    headings = list(word_patterns().heading.finditer(text, max(sentence.start, match.start() - 240), match.start()))
    if not headings:
        return None
    heading = headings[-1]
    between = text[heading.end() : match.start()]
    if ":" not in between:  # a row heading and its words: "Số cổ phiếu tăng giá 147"
        row = heading.group(0)[0].isupper() and rx(r"(?:\s+\p{Ll}+)+\s+").fullmatch(between) is not None
        return _heading_unit(heading, match) if row else None
    if rx(r"\d").search(between[: between.index(":")]) or not rx(r":\s*$").search(between):
        return None
    for cell in rx(_NUMBER).finditer(between):
        unit = _read_unit(between, cell.end(), len(between))
        if unit is not None and unit.kind != "percent":
            return None  # a figure with a unit of its own ends the list
    return _heading_unit(heading, match)


_CELL = r"\d{1,4}"  # a bare cell of a comparison table: a whole number, no thousands groups
_RICH_CELL = r"(?:\d{1,4}(?:,\d+)?%(?:\s*\(\d{1,4}/\d{1,4}\))?|\d{1,4}/\d{1,4}(?:\s*\(\d{1,3}(?:,\d+)?%\))?|\(\d{1,3}(?:,\d+)?%\))"
_LABEL = r"\p{Lu}[\p{L}\-]*(?:\s+[\p{L}\-]+){0,5}?"  # a capitalised row label of one to six words, no digit


@lru_cache(maxsize=1)
def _table_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """A bare row "11 Aces 7" (the left cell opening the match), the same row read from its right
    cell (a label and a bare cell ending right before it), and a row of percent or fraction cells
    "61% (40/66) Tỷ lệ giao bóng 1 58% (38/65)", "3/12 (25%) Điểm Break 4/20 (20%)"."""
    left_edge = r"(?<![\p{L}\p{N}/.,:\-+(])"
    right_edge = r"(?![\p{N}/.,%\-])(?!\s*(?:%|\p{Ll}))"  # not "Giao bóng 1 ăn điểm": a label's own digit
    bare = regex.compile(rf"{left_edge}(?P<a>{_CELL})\s+(?P<label>{_LABEL})\s+(?P<b>{_CELL}){right_edge}")
    before = regex.compile(rf"{left_edge}(?P<a>{_CELL})\s+(?P<label>{_LABEL})\s+$")
    rich = regex.compile(rf"(?<![\p{{L}}\p{{N}}/.,]){_RICH_CELL}\s+{_LABEL}\s+{_RICH_CELL}")
    return bare, before, rich


def _table_row(text: str, match: regex.Match[str], sentence: Span) -> _Unit | None:
    """"Nadal 6 Aces 9 4 Lỗi kép 1 61% (40/66) Tỷ lệ giao bóng 1 …", "16 Phạm lỗi 12 4 Phạt góc 12":
    a comparison table flattened into a sentence, each row a capitalised label between the values of
    its two sides. A bare whole number of at most four digits (no year) that is a cell of such a row,
    on either side of its label, counts the label (its "Số <noun>" noun, else the label itself) when
    the 300 characters around it hold at least three rows, one of them of percents or fractions on
    both sides: a run of rows, not one number on each side of a name ("1 KSA 2,300"), nor the numbers
    of a document reference ("Khoản 1 Điều 54": a row whose left cell a label before makes no figure).
    A cell so read is a figure though a word before it blocks one ("Tổng số điểm 108": no grade)."""
    raw = match.group("num")
    if match.group("num2") or match.group("mult") or not rx(_CELL).fullmatch(raw) or _looks_like_year(raw):
        return None
    bare, before, rich = _table_patterns()
    row = bare.match(text, match.start(), sentence.end)
    if row is None:
        left = before.search(text, max(sentence.start, match.start() - 60), match.start())
        row = bare.match(text, left.start(), sentence.end) if left else None
        if row is None or row.start("b") != match.start():
            return None
    if _looks_like_year(row.group("a")) or _looks_like_year(row.group("b")) or _blocked_before(text, row.start("a"), sentence):
        return None  # "Khoản 1 Điều 54 Nghị định …": a document's numbers, no row
    lo, hi = max(sentence.start, match.start() - 300), min(sentence.end, match.end() + 300)
    bare_rows = len(bare.findall(text, lo, hi, overlapped=True))
    if not rich.search(text, lo, hi) or bare_rows + len(rich.findall(text, lo, hi)) < 3:
        return None
    headed = rx(rf"(?i)(?:{grammar_pattern('heading_count')})\s+(\S+)").match(row.group("label"))
    head = headed.group(1) if headed else " ".join(row.group("label").split())  # "Số game cầm giao bóng": game; "Phạt góc"
    return _Unit("count", head, row.start("label"), row.end("label"), match.end("num"), 1.0, TABLE_ROW, UNIT_ROW)


def _heading_unit(heading: regex.Match[str], match: regex.Match[str]) -> _Unit:
    return _Unit("count", heading.group("n"), heading.start("n"), heading.end("n"), match.end("num"), 1.0, HEADING_NOUN, UNIT_HEADING)


def _money_noun_after(text: str, match: regex.Match[str], sentence: Span) -> bool:
    """An amount with a multiplier followed by a money noun (grammar_words.tsv money_noun): "mua 3
    triệu tiền pin" is 3 million đồng, no count of "tiền"."""
    if not match.group("mult"):
        return False
    after = rx(r"\s+(\p{Ll}+)(?![\p{L}\p{N}])").match(text, match.end(), sentence.end)
    return after is not None and after.group(1) in grammar_set("money_noun")


def _grouped_quantity(text: str, match: regex.Match[str], sentence: Span) -> bool:
    """A number with thousands groups and a unit or counted noun ("tổng số 5.980 nhân khẩu", "vé
    tháng 200.000 đồng") is a quantity, whatever word stands before it: no date, document,
    grade or road number is written "5.980"; so is a number after "trong số"/"tổng số" with a
    counted noun ("30 trong số 41 hồ sơ")."""
    if match.group("num2"):
        return False
    whole = word_patterns().count_of.search(text[max(sentence.start, match.start() - 12) : match.start()])
    if not whole and not rx(r"\d{1,3}(?:\.\d{3})+").fullmatch(match.group("num")):
        return False
    return _read_unit(text, match.end(), sentence.end) is not None


def _age(text: str, match: regex.Match[str]) -> bool:
    """A whole number followed by an age word (grammar_words.tsv age) is an age whatever word
    stands before it: "nghỉ hưu năm 71 tuổi", "từ năm 20 tuổi" (no year label); not a year ("ở Australia
    năm 1993 tuổi nghỉ hưu của nam là 65")."""
    word = rx(r"\s+(\p{L}+)").match(text, match.end())
    age = rx(r"\d{1,3}").fullmatch(match.group("num")) is not None and not match.group("mult")  # not "năm 1993 tuổi nghỉ hưu …"
    return age and word is not None and word.group(1).lower() in grammar_set("age")


def _looks_like_year(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100


def _respectively(text: str, match: regex.Match[str], sentence: Span) -> _Unit | None:
    """"lần lượt là 60, 75 USD/m2": the first numbers of a list share the unit of the last."""
    if match.group("num2") or match.group("mult"):
        return None
    if not patterns().respectively.search(text, max(sentence.start, match.start() - 40), match.start()):
        return None
    chain = patterns().chain.match(text, match.end(), sentence.end)
    unit = _read_unit(text, chain.end(), sentence.end) if chain else None
    if not chain or unit is None:
        return None
    factor = unit.factor * multiplier(chain.group("mult"))
    return replace(unit, fig_end=match.end("num"), factor=factor, rule=RESPECTIVELY, unit_rule=UNIT_SHARED)


def _build(text: str, match: regex.Match[str], unit: _Unit, sentence: Span, trace: list[Fired] | None) -> Figure | None:
    value = _value(match.group("num"))
    if value is None:
        return None
    end = unit.fig_end
    half = word_patterns().half.match(text[end : sentence.end]) if not match.group("mult") else None
    if half or match.group("half"):
        value += 0.5
        end += half.end() if half else 0
    factor = unit.factor * multiplier(match.group("mult"))
    value_max = _value(match.group("num2")) if match.group("num2") else None
    if value_max is not None and match.group("sep").strip() in "-–" and _years(match.group("num"), match.group("num2")):
        note(trace, EXCLUDE_YEARS, match.start(), match.end())
        return None
    kind, rule = unit.kind, unit.rule
    if _descending(match, value, value_max) and kind in ("count", "measure"):
        note(trace, EXCLUDE_DESCENDING, match.start(), match.end())
        return None
    start = match.start()
    split = None if match.group("mult") or value_max is not None else _split_decimal(text, match, sentence)
    if split is not None:
        start, value, rule = split.start(), value / 100 + parse_number(split.group(1)), SPLIT_DECIMAL
    if kind == "ratio" and not patterns().times_before.search(text[max(sentence.start, match.start() - 45) : match.start()]):
        kind, rule = "count", OCCURRENCES
    low = value * (_lower_end_factor(value, value_max, unit.factor, match.group("mult")) if value_max is not None else factor)
    return Figure(
        start, end, kind, low, value_max * factor if value_max is not None else None,
        unit.unit, unit.start, unit.end, rule, unit.unit_rule,
    )


def _descending(match: regex.Match[str], value: float, value_max: float | None) -> bool:
    """Two whole numbers joined by a dash, the second smaller, no multiplier: "4-1", "9-6"."""
    if value_max is None or match.group("mult") or match.group("sep").strip() not in ("-", "–"):
        return False
    return value_max < value and rx(r"\d+").fullmatch(match.group("num")) is not None and rx(r"\d+").fullmatch(match.group("num2")) is not None


def _split_decimal(text: str, match: regex.Match[str], sentence: Span) -> regex.Match[str] | None:
    """"1.315, 42 USD": the number in thousands groups, a comma and a space before a figure of two
    plain digits, which are its decimals (statistics.number.split_decimal); not in a list of such
    numbers ("1.200, 1.350, 56 USD")."""
    if rx(r"\d{2}").fullmatch(match.group("num")) is None:
        return None
    head = rx(r"(?<![\d.,]\s?)(\d{1,3}(?:\.\d{3})+), $").search(text, max(sentence.start, match.start() - 16), match.start())
    return head if head is not None and head.end() == match.start() else None


def _lower_end_factor(low: float, high: float, unit_factor: float, mult: str | None) -> float:
    """The factor of a range's lower end. The multiplier is written once, after the upper end: it
    counts for both ends ("5-7 triệu đồng"), unless the lower end is ten times the upper one or more,
    which then counts in the largest smaller step that keeps it below the upper end ("800.000 đến
    1,3 triệu USD": 800 thousand; "500 - 1 triệu đồng": 500 thousand).

    >>> _lower_end_factor(5, 7, 1, "triệu"), _lower_end_factor(800_000, 1.3, 1, "triệu"), _lower_end_factor(500, 1, 1, "triệu")
    (1000000.0, 1, 1000.0)
    """
    factor = unit_factor * multiplier(mult)
    if not mult or low < 10 * high:
        return factor
    top = high * factor
    steps = sorted({step for step in MULTIPLIERS.values() if step < multiplier(mult)} | {1}, reverse=True)
    return next((unit_factor * step for step in steps if low * unit_factor * step < top), factor)


def _years(a: str, b: str) -> bool:
    """Two years as written: four plain digits each ("2016-2020", not "1.950-2.050 USD")."""
    return _looks_like_year(a) and _looks_like_year(b)


def _ratio(text: str, match: regex.Match[str], sentence: Span) -> Figure | None:
    """"3/5 xã", "2/3 số hộ", "48.595/48.836 thí sinh": a fraction followed by a counted noun."""
    m = word_patterns().fraction.match(text[match.end("num") : sentence.end])
    if not m or match.group("num2") or not rx(_WHOLE).fullmatch(match.group("num")):
        return None
    numerator, denominator = parse_number(match.group("num")), parse_number(m.group(1))
    if denominator == 0 or numerator > denominator:
        return None
    pos = match.end("num") + m.end()
    noun = _read_unit(text, pos, sentence.end) or _next_word(text, pos, sentence.end)
    if not noun or noun.kind != "count":
        return None
    return Figure(match.start(), noun.end, "ratio", numerator / denominator, None, noun.unit, noun.start, noun.end, FRACTION, noun.unit_rule)


def _percent_cell(text: str, match: regex.Match[str], sentence: Span) -> Figure | None:
    """"32/50 (64%)", "64% (39/61)", "56%(111/198)": a fraction of two whole numbers (no noun after
    it) beside its own percent in a bracket, the cell of a statistics table (a match's figures),
    is a ratio in "phần", whatever label stands before it ("ăn điểm 35/46 (76%)" is no grade)."""
    m = rx(r"/(\d{1,4})(?![\d/.,])").match(text, match.end("num"), sentence.end)
    if not m or match.group("num2") or match.group("mult") or not rx(r"\d{1,4}").fullmatch(match.group("num")):
        return None
    numerator, denominator = int(match.group("num")), int(m.group(1))
    if denominator == 0 or numerator > denominator or not _beside_percent(text, match.start(), m.end(), numerator / denominator, sentence):
        return None
    noun = _row_noun(text, match.start(), m.end(), sentence)
    if noun is not None:
        return Figure(match.start(), m.end(), "ratio", numerator / denominator, None, text[noun[0] : noun[1]], noun[0], noun[1], FRACTION_PERCENT, UNIT_HEADING)
    return Figure(match.start(), m.end(), "ratio", numerator / denominator, None, "phần", m.end(), m.end(), FRACTION_PERCENT, UNIT_IMPLIED_PART)


def _row_noun(text: str, start: int, end: int, sentence: Span) -> tuple[int, int] | None:
    """Where the noun of the table row a cell stands in is written: the last measure unit or counted
    noun of the row label between the cell and the next cell ("32/50 (64%) Giao bóng 1 ăn điểm
    35/46"), else of the label between the cell before and this one."""
    after = rx(r"\s*\(\s*\d[\d,]*\s*%\s*\)|\s*\)").match(text, end, sentence.end)
    labels = [
        rx(r"[^%/()]{0,40}?(?=\s\d{1,4}(?:[,\d]*\s*%|/\d))").match(text, after.end() if after else end, sentence.end),
        rx(r"(?:(?<=[\d%)])[^%/()\d]{1,40}|)\s*(?:\d[\d,]*\s*%\s*\(\s*)?$").search(text, max(sentence.start, start - 60), start),
    ]
    for label in labels:
        nouns = list(_row_nouns().finditer(text, label.start(), label.end())) if label else []
        if nouns:
            return nouns[-1].start(1), nouns[-1].end(1)
    return None


@lru_cache(maxsize=1)
def _row_nouns() -> regex.Pattern[str]:
    lex = lexicons()
    words = [u for u, (kind, _, _) in lex.units.items() if kind == "measure"] + list(lex.counted_nouns)
    return regex.compile(rf"(?i)(?<![\p{{L}}])({alternation(words)})(?![\p{{L}}])")


def _beside_percent(text: str, start: int, end: int, value: float, sentence: Span) -> bool:
    """The percent in a bracket after ``[start, end)`` or before it, around the fraction, as
    written (rounded to a point), is ``value``."""
    after = rx(r"\s*\(\s*(\d{1,3}(?:,\d+)?)\s*%\s*\)").match(text, end, sentence.end)
    if after is None and rx(r"\s*\)").match(text, end, sentence.end):
        after = rx(r"(?<![\d,.])(\d{1,3}(?:,\d+)?)\s*%\s*\(\s*$").search(text, max(sentence.start, start - 16), start)
    if after is None:
        return False
    return abs(float(after.group(1).replace(",", ".")) - 100 * value) <= 1


def _word_fraction(text: str, match: regex.Match[str], sentence: Span) -> Figure | None:
    """"một nửa số hộ", "hai phần ba số đại biểu"."""
    value = parse_fraction_words(match.group("num"))
    m = word_patterns().fraction_noun.match(text[match.end("num") : sentence.end])
    if value is None or not m:
        return None
    noun = _read_unit(text, match.end("num") + m.end(), sentence.end)
    if not noun or noun.kind != "count":
        return None
    return Figure(match.start(), noun.end, "ratio", value, None, noun.unit, noun.start, noun.end, FRACTION_WORDS, noun.unit_rule)


def _half_amount(text: str, match: regex.Match[str], sentence: Span) -> Figure | None:
    """"nửa tỷ đồng", "gần nửa tấn", "nửa triệu người": a half with a multiplier, or with a money or
    measure unit that is no time unit ("hơn nửa tháng" is left to the time rules' care: none), is half
    the amount."""
    value = parse_fraction_words(match.group("num"))
    if value != 0.5 or match.group("num2"):
        return None
    unit = _read_unit(text, match.end(), sentence.end)
    if unit is None or unit.unit in _TIME_UNITS or (unit.kind not in ("money", "measure") and not match.group("mult")) or unit.kind in ("percent", "ratio"):
        return None
    amount = value * unit.factor * multiplier(match.group("mult"))
    return Figure(match.start(), unit.fig_end, unit.kind, amount, None, unit.unit, unit.start, unit.end, HALF_AMOUNT, unit.unit_rule)


def _fraction_alone(text: str, match: regex.Match[str], sentence: Span) -> Figure | None:
    """"mỗi bị cáo chịu một nửa", "Hơn một nửa trong số này", "gần một nửa người Mỹ", "khoảng hai phần
    ba": a fraction of two words or more (not the bare "nửa" of "nửa đầu năm") with no multiplier,
    measure unit ("một nửa thập kỷ"), back-reference or word of grammar_words.tsv fraction_stop after
    it ("một nửa kia": a spouse) is a ratio, of the counted noun after it, else in "phần"."""
    raw = match.group("num")
    if len(raw.split()) < 2 or match.group("mult") or match.group("num2") or patterns().after_block.match(text, match.end(), sentence.end):
        return None
    noun = _read_unit(text, match.end(), sentence.end)
    value = parse_fraction_words(raw)
    if value is None or _fraction_stop().match(text, match.end(), sentence.end) or (noun is not None and noun.kind != "count"):
        return None
    end = match.end("num")
    if noun is not None:
        return Figure(match.start(), end, "ratio", value, None, noun.unit, noun.start, noun.end, FRACTION_ALONE, noun.unit_rule)
    return Figure(match.start(), end, "ratio", value, None, "phần", end, end, FRACTION_ALONE, UNIT_IMPLIED_PART)


@lru_cache(maxsize=1)
def _fraction_stop() -> regex.Pattern[str]:
    return regex.compile(rf"\s+(?:{grammar_pattern('fraction_stop')})(?![\p{{L}}])")


def _doubling(text: str, sentence: Span, budget: list[int] | None) -> list[Figure]:
    """"tăng gấp đôi", "cao gấp đôi so với": a phrase of doubling (grammar_words.tsv doubling) is a
    multiple, 2 "lần"; its last word is the figure."""
    figures = []
    for match in _doubling_pattern().finditer(text, sentence.start, sentence.end):
        if not _spend(budget):
            break
        figures.append(Figure(match.start("w"), match.end(), "ratio", 2.0, None, "lần", match.start("w"), match.end(), DOUBLING, DOUBLING))
    return figures


@lru_cache(maxsize=1)
def _doubling_pattern() -> regex.Pattern[str]:
    phrases = [rf"{regex.escape(p.rsplit(' ', 1)[0])}\s+(?P<w>{regex.escape(p.rsplit(' ', 1)[1])})" for p in lexicons().grammar("doubling")]
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{'|'.join(phrases)})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _number_compound() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?:{grammar_pattern('number_word_compound')})(?![\p{{L}}\p{{N}}-])")


@lru_cache(maxsize=1)
def _title_after() -> regex.Pattern[str]:
    deputy, roles = grammar_pattern("role_deputy"), alternation(lexicons().titles)
    return regex.compile(rf"(?i)(?:(?:{deputy})\s+)?(?:{roles})(?![\p{{L}}\p{{N}}])")


def widen_title(text: str, fig: Figure) -> Figure:
    """"22 bộ trưởng", "1 phó thủ tướng": a count whose noun is the first word of a role of titles.tsv
    (after a deputy word, grammar_words.tsv role_deputy) written in lower case counts that role."""
    if fig.kind != "count" or fig.unit_end != fig.end:
        return fig
    role = _title_after().match(text, fig.unit_start)
    if role is None or role.end() <= fig.end or not rx(r"[\p{Ll} ]+").fullmatch(text[fig.unit_start : role.end()]):
        return fig
    return replace(fig, end=role.end(), unit=text[fig.unit_start : role.end()], unit_end=role.end(), unit_rule=TITLE_NOUN)


def widen_compound(text: str, fig: Figure, words: tuple[Span, ...]) -> Figure:
    """A counted noun or a unit is a whole word, as word segmentation finds it: "xe" of "600 xe
    buýt" is "xe buýt", "kiến" of "5 kiến tạo" is "kiến tạo" (a syllable read as the next word is
    widened whatever its tag); a classifier ("căn" of "căn nhà") stays as it is. A unit that must be
    a whole word (unit_contexts.tsv "word") joined to the next syllable is the counted noun of a
    count: "3 đồng chí", "2 đô thị"."""
    titled = widen_title(text, fig)
    if titled is not fig:
        return titled
    word = next((t for t in words if t.start == fig.unit_start), None) if fig.unit_end == fig.end else None
    if word is None or word.end <= fig.end or not rx(r"(?: \p{Ll}+)+").fullmatch(text[fig.end : word.end]):
        return fig
    wider = replace(fig, end=word.end, unit=text[fig.unit_start : word.end], unit_end=word.end, unit_rule=COMPOUND_NOUN)
    if fig.kind in ("count", "ratio"):
        if "classifier" in lexicons().counted_nouns.get(fig.unit.lower(), "") or (word.label != "N" and fig.unit_rule is not UNIT_WORD):
            return fig
        return wider
    needs = lexicons().unit_contexts.get(text[fig.unit_start : fig.unit_end].lower(), ("", "", frozenset()))[2]
    amount = fig.value >= 1000 or rx(MULTIPLIER_PATTERN).search(text[fig.start : fig.unit_start]) is not None
    if "word" in needs and word.label in ("N", "Nc", "Nu") and not amount:  # not "12.500.000 đồng tiền thuê"
        return replace(wider, kind="count", rule=UNIT_IN_WORD)
    return fig


def noun_checked(text: str, fig: Figure, words: tuple[Span, ...], sentence: Span) -> Figure | None:
    """A count read from a number word or a range and the lower-case word after it (:data:`WORD_NOUN`,
    :data:`ANY_NOUN` with a maximum: "5-7 bạn", not "1-3 nhờ pha lập công"), its
    noun widened to the word segmentation finds, stands when that word is tagged a common noun, is
    no pair noun ("hai vợ chồng", "hai cấp", "Hai đội hòa 1 - 1": grammar_words.tsv number_word_stop) and no back-reference
    follows it or the one or two words after it ("Hai cửa biển này", "hai bến cảng này"): not "ba vĩ đại" (an adjective), "Hai ông" (a classifier naming
    two people mentioned before), nor a number word the segmentation joins to a longer word ("xe
    ba gác"). A range of digits stands too (:data:`RANGE_NOUN`) when the tagger glues the word before
    to it ("phóng 3-4 | tên lửa") or tags its noun a classifier ("5-10 | đứa | trẻ"). Untagged sentences keep it."""
    if (fig.rule is not WORD_NOUN and (fig.rule is not ANY_NOUN or fig.value_max is None)) or not words:
        return fig
    ends = [fig.end]
    for _ in range(2):
        after = rx(r"\s+\p{Ll}+(?![\p{L}\p{N}])").match(text, ends[-1], sentence.end)
        if after is None:
            break
        ends.append(after.end())
    if any(patterns().after_block.match(text, pos, sentence.end) for pos in ends):
        return None
    number_end = fig.start + len(text[fig.start : fig.unit_start].rstrip())
    capital = text[fig.start].isupper()  # the tagger joins a capitalised "Ba" to the next syllable
    digits = fig.rule is ANY_NOUN and text[fig.start].isdigit()
    glued = [t for t in words if t.start < number_end and t.end > fig.start and (t.start < fig.start or (t.end > number_end and not capital))]
    if glued and not (digits and all(_glued_to_range(t, fig, number_end) for t in glued)):
        return None  # the number word is a syllable of a longer word: "xe ba gác", "cú ăn ba"
    whole = next((t for t in glued if t.start == fig.start), None)  # "1-2 quả" tagged one word
    if whole is not None:
        return replace(fig, rule=RANGE_NOUN) if whole.label == "N" else None
    word = next((t for t in words if t.start == fig.unit_start), None)
    if word is None:
        return fig
    if text[word.start : word.end].lower() in grammar_set("number_word_stop"):
        return None
    if word.label == "N":
        return replace(fig, rule=RANGE_NOUN) if glued else fig
    return replace(fig, rule=RANGE_NOUN) if digits and word.label == "Nc" else None


def _glued_to_range(token: Span, fig: Figure, number_end: int) -> bool:
    """A tagger's word that holds a range of digits with the word before it ("phóng 3-4") or with
    its noun ("1-2 quả", "28-30 tầng"): no longer word the digits are a syllable of."""
    return (token.start < fig.start and token.end == number_end) or (token.start == fig.start and token.end >= fig.unit_end)


def shared_nouns(figures: list[Figure]) -> list[Figure]:
    """A part of a count (:data:`BREAKDOWN`) counts the noun of its whole as widened ("5 kiến tạo (4 ở
    …)": "kiến tạo")."""
    if not any(f.rule is BREAKDOWN for f in figures):
        return figures
    nouns = {(f.unit_start, f.start): f for f in figures if f.rule is not BREAKDOWN}
    wholes = {f.unit_start: f for f in nouns.values()}
    out = []
    for f in figures:
        whole = wholes.get(f.unit_start) if f.rule is BREAKDOWN else None
        out.append(replace(f, unit=whole.unit, unit_end=whole.unit_end) if whole is not None else f)
    return out
