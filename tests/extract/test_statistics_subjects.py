"""Table-driven subject tests (tests/data/statistics_subjects.jsonl), one row per figure, the
expected subject written per corpus/FORMAT.md "The subject of a statistic"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
