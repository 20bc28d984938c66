"""``grammar.CaselessSearch`` finds what its pattern's own search finds: it only skips the places where none of
the phrases a match opens with starts in the case-folded text. Checked for the three patterns searched so
(roles, personnel verbs, administrative levels before a place, honorifics, figures)."""

from __future__ import annotations

import sys

import pytest
import regex

from vnnews_extract.extract.personnel.events import _verb_search
from vnnews_extract.extract.personnel.grammar import CaselessSearch, honorific_search, role_search
from vnnews_extract.extract.personnel.org_context import _levels
from vnnews_extract.extract.statistics.figures import NUMBER_WORD_STARTS, figure_search
from vnnews_extract.lexicons import lexicons
from vnnews_extract.text.numbers import FRACTION_WORD_PATTERN, NUMBER_WORD_PATTERN


def _searches() -> list[CaselessSearch]:
    return [role_search(), _verb_search(), _levels().place_search, honorific_search(), figure_search()]


def _flags(s: CaselessSearch) -> int:
    """The case flags a search's phrases are matched with: the pattern's own; the figure pattern's number
    words are a (?i:…) group of a VERSION1 pattern (full case folding)."""
    if s is figure_search():
        return regex.V1 | regex.IGNORECASE | regex.FULLCASE
    return s.pattern.flags & regex.IGNORECASE


def _all_searches(text: str, search) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    out = []
    for start in range(len(text) + 1):
        m = search(text, start, len(text))
        out.append(((m.span(), m.groupdict()) if m is not None else ((-1, -1), {})))
    return out


def test_every_case_variant_folds_like_the_phrase_letter() -> None:
    """A case-insensitive pattern matches a phrase's letter ``c`` at a text character ``x`` only if both fold
    to the same one character, or ``x`` folds to more (such a text is searched by the pattern itself). A
    case-sensitive pattern (honorifics) matches its spellings as written: their folded forms are the prefilter's."""
    every_char = "".join(chr(x) for x in range(sys.maxunicode + 1) if not 0xD800 <= x <= 0xDFFF)
    for s in _searches():
        flags = _flags(s)
        if not flags & regex.IGNORECASE:
            continue
        letters = sorted({c for p in s.phrases for c in p if not c.isspace()})
        any_letter = regex.compile("[" + "".join(regex.escape(c) for c in letters) + "]", flags)
        variants = {m.group() for m in any_letter.finditer(every_char)}
        for c in letters:
            one = regex.compile(regex.escape(c), flags)
            for x in variants:
                if one.fullmatch(x):
                    assert x.casefold() == c.casefold() or len(x.casefold()) != 1, (c, x)


def _first_words(pattern: str) -> set[str]:
    """The words the alternatives of a pattern written as words, spaces and (?:…) groups open with."""
    out: set[str] = set()
    for alternative in _top_level(pattern, "|"):
        if alternative.startswith("(?:"):
            i = _group_end(alternative)
            assert alternative[i + 1 : i + 2] not in ("?", "*"), alternative  # the group is not optional
            out |= _first_words(alternative[3:i])
        else:
            out.add(regex.match(r"[^\s(|)?]+", alternative).group())
    return out


def _group_end(pattern: str) -> int:
    """The offset of the parenthesis closing the group the pattern opens with."""
    depth = 0
    for i, char in enumerate(pattern):
        depth += char == "("
        depth -= char == ")"
        if depth == 0:
            return i
    raise AssertionError(pattern)


def _top_level(pattern: str, sep: str) -> list[str]:
    parts, depth, last = [], 0, 0
    for i, char in enumerate(pattern):
        depth += char == "("
        depth -= char == ")"
        if char == sep and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
    return [*parts, pattern[last:]]


def test_number_words_open_with_the_listed_words() -> None:
    """Every figure opens with a digit (found by the same engine's \\d) or one of NUMBER_WORD_STARTS."""
    assert _first_words(NUMBER_WORD_PATTERN) | _first_words(FRACTION_WORD_PATTERN) <= set(NUMBER_WORD_STARTS)
    assert "(?P<num>(?:\\d" in figure_search().pattern.pattern
    # the whole group of words of the figure pattern as built (the tens, a bare "chục" after a comparator …)
    figure = figure_search().pattern.pattern
    opening = "(?<!\\d[^\\S\\n])(?i:"
    assert figure.count(opening) == 1
    group = figure[figure.index(opening) + len(opening) - 4 :]
    words = group[4 : _group_end(group)]
    assert _first_words(words) <= set(NUMBER_WORD_STARTS), _first_words(words) - set(NUMBER_WORD_STARTS)


def test_the_fast_path_is_taken() -> None:
    for s in _searches():
        assert s._starts("Chủ tịch UBND xã") is not None


def test_the_honorific_spellings_are_the_patterns() -> None:
    honorific = honorific_search().pattern
    assert not honorific.flags & regex.IGNORECASE
    for spelling in honorific_search().phrases:
        m = honorific.match(spelling + " A")
        assert m is not None and m.group("h") == spelling, spelling


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn A, nguyên Phó Chủ tịch UBND tỉnh, và bà B, Giám đốc Sở, đã bị cách chức.",
    "PHÓ CHỦ TỊCH THƯỜNG TRỰC HĐND huyện gặp chủ tịch xã và trưởng phòng; các huyện Ba Bể, Pác Nặm.",
    "Chủ tịch nước bổ nhiệm Thủ tướng Chính phủ cùng Bộ trưởng Bộ Tài chính; nguyên bộ trưởng nghỉ hưu.",
    "Một câu không có chức vụ nào cả, chỉ có số 12 và tên Lan.",
    "İstanbul: Chủ tịch Hội đồng quản trị và Tổng giám đốc được bầu.",  # 'İ' folds to two characters
    "ſở trưởng và \u212aế toán trưởng; Phó\u00a0Giám đốc tỉnh\u00a0Lạng Sơn được BỔ NHIỆM.",
    "Ông A, bà B, ThS.BS C, Ths. Bs D, ÔNG E và các đồng chí: F, G gặp anh Hai.",
    "Năm 2020, hai phần ba số hộ (một nửa ở xã), MƯỜI BA người, 1.126 hộ, ٣ ngày, 12,5% và 7-8 tấn.",
    "Hơn chục người, khoảng CHỤC năm, hai chục tỷ đồng, một Chục hộ và hàng chục xe.",
])
def test_each_search_finds_what_its_pattern_finds(text: str) -> None:
    for s in _searches():
        assert _all_searches(text, s.search) == _all_searches(text, s.pattern.search)
        assert [m.span() for m in s.finditer(text)] == [m.span() for m in s.pattern.finditer(text)]


def test_every_phrase_written_three_ways() -> None:
    for s in _searches():
        for form in (str, str.lower, str.upper):
            text = ", ".join(f"ông A {form(p)} B" for p in s.phrases) + ". Xã " + " huyện ".join(form(p) for p in lexicons().titles)
            assert [(m.span(), m.groupdict()) for m in s.finditer(text)] == [(m.span(), m.groupdict()) for m in s.pattern.finditer(text)]
