"""The statistics rules stay linear and never crash on long adversarial strings (hypothesis, fixed seed).

No timing asserts: every rule regex runs with the regex module's ``timeout`` argument, which raises
``TimeoutError`` if a pattern backtracks catastrophically.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from vnnews_extract.extract.statistics.combine import sentence_figures
from vnnews_extract.extract.statistics.figures import patterns
from vnnews_extract.extract.statistics.subjects import _patterns as subject_patterns
from vnnews_extract.lexicons import read_table
from vnnews_extract.model import Span

PIECES = st.sampled_from(
    ["1", "0", "9", "12", "1.126", ".", ",", " ", "-", "–", "/", "%", ":", "+", "(", ")", "đến", " triệu", " nghìn tỷ",
     " hộ", " tấn", " lần", "mười lăm", "hai", " rưỡi", " trở lên", "khoảng ", "tăng ", "giảm ", "số ", "năm ", "tháng ", " người", " bạn"]
)
ADVERSARIAL = st.lists(PIECES, min_size=50, max_size=400).map("".join)
TIMEOUT = 2.0  # seconds; generous, only a catastrophic pattern can reach it


@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ADVERSARIAL)
def test_rule_regexes_stay_linear_on_digit_soup(text: str) -> None:
    for pattern in _all_patterns():
        # the check: no pattern raises TimeoutError (catastrophic backtracking) on the soup
        list(pattern.finditer(text, timeout=TIMEOUT))
        pattern.search(text, timeout=TIMEOUT)


def _all_patterns() -> list:
    p = patterns()
    found = []
    for name in p.__dataclass_fields__:
        value = getattr(p, name)
        found.extend(value.values() if isinstance(value, dict) else [value])
    return found


@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ADVERSARIAL)
@example("Có khoảng 800.000-900 người tham dự, 1.126-12 hộ và 5-7 bạn.")  # a grouped number before a short range end
def test_figure_reader_never_crashes_and_spans_are_in_bounds(text: str) -> None:
    for fig in sentence_figures(text, Span(0, len(text), "sentence")):
        assert 0 <= fig.start < fig.end <= len(text)
        assert fig.value >= 0 and fig.kind in ("percent", "count", "money", "measure", "ratio")


def test_long_digit_run_is_read_in_bounded_work() -> None:
    text = "1." * 5000 + "5 hộ " + "1 2 3 " * 2000 + "%"
    for pattern in _all_patterns():
        list(pattern.finditer(text, timeout=TIMEOUT))
    figures = list(sentence_figures(text, Span(0, len(text), "sentence")))
    # "1.1.1….5 hộ" is no well-formed number and "1 2 3" are bare digits: only the "3 %" at the end
    assert [(f.value, f.unit, text[f.start : f.end]) for f in figures] == [(3.0, "%", "3 %")]


def test_statistics_lexicons_not_yet_in_the_registry_are_valid() -> None:
    for name in ("function_words.tsv", "time_contexts.tsv"):
        header, rows = read_table(name)
        assert len(header) == 2 and rows


@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ADVERSARIAL)
def test_subject_regexes_stay_linear_on_digit_soup(text: str) -> None:
    p = subject_patterns()
    for name in p.__dataclass_fields__:
        pattern = getattr(p, name)
        list(pattern.finditer(text, timeout=TIMEOUT))  # the check: no TimeoutError
