"""Table-driven subject tests (tests/data/statistics_subjects.jsonl), one row per figure, the
expected subject written per corpus/FORMAT.md "The subject of a statistic"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews_extract import extract
from vnnews_extract.text.normalize import normalize_line

ROWS = [
    json.loads(line)
    for line in (Path(__file__).resolve().parent.parent / "data" / "statistics_subjects.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_table_has_at_least_thirty_rows() -> None:
    assert len(ROWS) >= 30


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_subject_of_figure(row: dict) -> None:
    article = extract("Tin tức\n" + row["sentence"])
    subjects = [s.subject for s in article.statistics if s.evidence.text == row["text"]]
    assert subjects, f"no figure {row['text']!r}"
    assert normalize_line(subjects[0] or "") == normalize_line(row["subject"])


# _period_tail_in skips the period-tail search only where it could not match.
_TAIL_PIECES = ["năm", "2017", "tháng", "6", "đầu", "quý", "II", "nay", "và", "từ", "đến", "lúc", "8", "giờ", "30",
                "8h30", "sản lượng", "lúa", "–", "2016-2020", "/2018", " ", "  ", ",", "hộ", "Năm", "NAY", "trong"]


@given(st.lists(st.sampled_from(_TAIL_PIECES), min_size=1, max_size=9), st.sampled_from(["", " ", "  "]))
@settings(max_examples=600, deadline=None)
def test_period_tail_shortcut_finds_what_the_pattern_finds(pieces: list[str], trailing: str) -> None:
    from vnnews_extract.extract.statistics.subjects import _patterns, _period_tail_in

    phrase = " ".join(pieces) + trailing
    expected = _patterns().period_tail.search(phrase)
    got = _period_tail_in(phrase)
    assert (got.span() if got else None) == (expected.span() if expected else None)
