import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews_extract.text.normalize import normalize, normalize_line, normalize_tone_marks

TONE_CASES = [
    ("hoá", "hóa"), ("văn hoá", "văn hóa"), ("uỷ", "ủy"), ("Uỷ ban", "Ủy ban"), ("huyện uỷ", "huyện ủy"),
    ("thuỷ lợi", "thủy lợi"), ("khoẻ", "khỏe"), ("xoè", "xòe"), ("hoà bình", "hòa bình"), ("HOÁ", "HÓA"),
    ("quý", "quý"), ("quỷ", "quỷ"), ("hoàng", "hoàng"), ("toán", "toán"), ("khuyến", "khuyến"),
    ("khuya", "khuya"), ("ngoài", "ngoài"), ("thuở", "thuở"), ("hóa", "hóa"), ("ủy", "ủy"),
]


@pytest.mark.parametrize(("raw", "expected"), TONE_CASES, ids=[c[0] for c in TONE_CASES])
def test_tone_marks_follow_one_convention(raw: str, expected: str) -> None:
    assert normalize_tone_marks(raw) == expected
    assert normalize_line(unicodedata.normalize("NFD", raw)) == expected


WHITESPACE_CASES = [
    ("a\u00a0b", "a b"), ("a\u200bb", "ab"), ("  a   b  ", "a b"), ("a\tb", "a b"), ("a\u00adb", "ab"),
    ("a — b", "a – b"), ("“trích”", '"trích"'), ("‘x’", "'x'"), ("a\x07b", "ab"),
]


@pytest.mark.parametrize(("raw", "expected"), WHITESPACE_CASES, ids=[repr(c[0]) for c in WHITESPACE_CASES])
def test_white_space_dashes_and_quotes(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected


def test_normalize_keeps_paragraph_breaks() -> None:
    assert normalize("Dòng một\r\n\r\n  Dòng hai  \n") == "Dòng một\nDòng hai"


VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("aăâeêioôơuưyAĂÂĐđ hoáuỷ \u0300\u0301\u0303\u0309\u0323\u00a0\u200b\t\n.,;%0123456789–—“”")),
    max_size=200,
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(VIETNAMESE)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(max_size=200))
def test_normalize_line_is_idempotent_on_any_unicode(text: str) -> None:
    once = normalize_line(text)
    assert normalize_line(once) == once
