"""Issue 13 item 10 (and issue 15 item 6): invisible controls and look-alike letters in the text
change neither figures nor names, and evidence offsets stay exact."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews_extract import extract, normalize_line

BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Every format character, and every control character that is not a line or space separator.
INVISIBLE = sorted(
    {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    | {chr(c) for c in range(0x20) if chr(c) not in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"}
    | {chr(c) for c in range(0x7F, 0xA0) if c != 0x85}
    | set("\u034f\ufe0f")
)

CASES = [
    ("5,2\u200e%", "5,2%"),
    ("Nguyễn\u200e Văn An", "Nguyễn Văn An"),
    ("\u202bTỷ lệ\u202c 98,5\u2067%\u2069", "Tỷ lệ 98,5%"),
    ("Ðỗ Văn Ðức, ðồng chí", "Đỗ Văn Đức, đồng chí"),
    ("\u0189ại hội", "Đại hội"),
    ("D\u0336ồng Nai", "Đồng Nai"),
    ("５０％", "50%"),
    ("2020\u20112025", "2020-2025"),
    ("hoa\u200e\u0301 (NFD)", "hóa (NFD)"),
    ("một\u2028hai\u0085ba", "một hai ba"),
]


@pytest.mark.parametrize(("raw", "expected"), CASES, ids=[repr(c[0])[1:12] for c in CASES])
def test_issue13_controls_and_look_alikes_are_normalised(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected
    assert normalize_line(expected) == expected


TEXT = (
    "Bắc Kạn bổ nhiệm Giám đốc Sở Y tế\n"
    "Ngày 15/3, UBND tỉnh Bắc Kạn công bố quyết định bổ nhiệm ông Nguyễn Văn Chương, Phó Giám đốc Sở Y tế, "
    "giữ chức Giám đốc Sở Y tế tỉnh Bắc Kạn.\n"
    "Đến nay, tỷ lệ hộ dân được sử dụng nước sạch đạt 98,5%, tăng 12% so với năm 2020; toàn tỉnh có "
    "1.126 cán bộ y tế cơ sở, trong đó 102 người có trình độ đại học trở lên.\n"
    "Tổng kinh phí đầu tư là 1,5 tỷ đồng, giúp 3/5 xã vùng cao đạt chuẩn."
)


def _facts(text: str) -> tuple[list[tuple[object, ...]], list[str]]:
    article = extract(text)
    for stat in article.statistics:
        assert article.text[stat.evidence.start : stat.evidence.end] == stat.evidence.text
    for person in article.people:
        for ev in person.evidence:
            assert article.text[ev.start : ev.end] == ev.text
    figures = [(s.kind, s.value, s.value_max, s.unit, s.comparator, s.evidence.start, s.evidence.text) for s in article.statistics]
    return figures, [p.name for p in article.people]


BASELINE = _facts(TEXT)


@settings(max_examples=120, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.sampled_from(INVISIBLE)), min_size=1, max_size=12))
def test_issue13_any_invisible_control_inserted_gives_the_same_figures_and_names(insertions: list[tuple[int, str]]) -> None:
    text = TEXT
    for position, char in sorted(insertions, reverse=True):
        text = text[:position] + char + text[position:]
    assert _facts(text) == BASELINE


@settings(max_examples=120, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(BIDI), min_size=1, max_size=3), st.integers(0, len(TEXT)))
def test_issue13_bidi_runs_anywhere_give_the_same_figures_and_names(marks: list[str], position: int) -> None:
    assert _facts(TEXT[:position] + "".join(marks) + TEXT[position:]) == BASELINE


def test_issue13_look_alike_letters_give_the_same_names() -> None:
    assert _facts(TEXT.replace("Đ", "Ð").replace("đ", "ð")) == BASELINE
