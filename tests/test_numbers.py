"""Vietnamese numerals: doctests of numbers.py and a table of parses."""

from __future__ import annotations

import doctest

import pytest

from vnnews_extract.text import numbers
from vnnews_extract.text.numbers import multiplier, parse_fraction_words, parse_number, parse_number_words


def test_numbers_doctests_pass() -> None:
    result = doctest.testmod(numbers)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.126", 1126), ("98,5", 98.5), ("01", 1), ("1 126", 1126), ("98.5", 98.5), ("15.000", 15000), ("0,12", 0.12)],
    ids=["thousands-dot", "decimal-comma", "leading-zero", "thousands-space", "stray-english-decimal", "dot-three-digits-is-thousands", "small-decimal"],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("hai", 2), ("mười lăm", 15), ("hai mươi mốt", 21), ("một trăm linh năm", 105), ("chín trăm chín mươi chín", 999), ("mười", 10), ("trăm", None)],
    ids=["hai", "muoi-lam", "hai-muoi-mot", "mot-tram-linh-nam", "999", "muoi", "bare-tram-is-none"],
)
def test_parse_number_words(text: str, value: float | None) -> None:
    assert parse_number_words(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("một nửa", 0.5), ("Hai phần ba", 2 / 3), ("ba phần tư", 0.75), ("năm phần hai", None)],
    ids=["mot-nua", "hai-phan-ba", "ba-phan-tu", "improper-is-none"],
)
def test_parse_fraction_words(text: str, value: float | None) -> None:
    assert parse_fraction_words(text) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(("text", "factor"), [("nghìn", 1e3), ("ngàn", 1e3), ("triệu", 1e6), ("tỷ", 1e9), ("nghìn tỷ", 1e12)])
def test_multiplier(text: str, factor: float) -> None:
    assert multiplier(text) == factor
