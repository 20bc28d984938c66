"""Table-driven tests over tests/data/*_sentences.jsonl (one row = one sentence and its records).

Rows the extractors do not get right yet are listed in tests/data/known_failures_*.txt and run as
``xfail(strict=True)``: fixing one makes its test fail until it is removed from the list, so the
list can only shrink honestly.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from realtext import row_sentence
from vnnews_extract import extract
from vnnews_extract.options import Options
from vnnews_extract.text.normalize import normalize_line

DATA = Path(__file__).resolve().parent.parent / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _known(name: str) -> set[str]:
    path = DATA / name
    if not path.exists():
        return set()
    return {ln.split("#")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.split("#")[0].strip()}


def _params(rows: list[dict], known: set[str]) -> list[object]:
    return [
        pytest.param(row, id=row["id"], marks=[pytest.mark.xfail(strict=True, reason="known failure")] if row["id"] in known else [])
        for row in rows
    ]


def _n(value: object) -> object:
    return normalize_line(value) if isinstance(value, str) else value


def _article(sentence: str, options: dict | None = None, published: str | None = None):
    # The sentence is given a headline line so that it is a body paragraph of a one-sentence article;
    # a row may name Options fields ("options": {"carry_periods": true}) and the publication date ("published").
    return extract("Tin tức\n" + sentence, options=Options(**(options or {})), published=published)


STAT_ROWS = _rows("statistics_sentences.jsonl")


def stat_key(s: dict) -> tuple:
    value_max = s.get("value_max")
    return (
        s["kind"], round(float(s["value"]), 6), None if value_max is None else round(float(value_max), 6),
        _n(s.get("unit")), s.get("comparator", "eq"), s.get("change"), _n(s["text"]),
    )


@pytest.mark.parametrize("row", _params(STAT_ROWS, _known("known_failures_statistics.txt")))
def test_statistics_sentence(row: dict) -> None:
    article = _article(row_sentence(row), row.get("options"))
    got = Counter(
        stat_key({**s.model_dump(), "text": s.evidence.text}) for s in article.statistics
    )
    expected = Counter(stat_key(s) for s in row["statistics"])
    assert got == expected


def _details(s: dict, fields: tuple[str, ...]) -> dict:
    """The fields a row states beyond the figure (subject, period, rule), normalised."""
    out = {}
    for name in fields:
        value = s.get(name)
        if name == "subject":
            value = str(_n(value or "")).lower()
        elif name == "period":
            value = None if not value else (value.get("start"), value.get("end"))
        out[name] = value
    return out


@pytest.mark.parametrize("row", _params([r for r in STAT_ROWS if r["statistics"]], _known("known_failures_statistics_details.txt")))
def test_statistics_subject_period_and_rule(row: dict) -> None:
    """Every expected figure's subject, period and rule, where the row states them."""
    article = _article(row_sentence(row), row.get("options"))
    got: dict[object, list[dict]] = {}
    for s in article.statistics:
        period = s.period.model_dump() if s.period else None
        got.setdefault(_n(s.evidence.text), []).append({"subject": s.subject, "period": period, "rule": s.evidence.rule})
    for expected in row["statistics"]:
        fields = tuple(f for f in ("subject", "period", "rule") if f in expected)
        candidates = got.get(_n(expected["text"])) or [{}]
        found = candidates.pop(0) if len(candidates) > 1 else candidates[0]
        assert _details(found, fields) == _details(expected, fields), expected["text"]


PERSONNEL_ROWS = _rows("personnel_sentences.jsonl")


def people_key(people: list[dict]) -> dict:
    return {
        _n(p["name"]): (
            _n(p.get("honorific")),
            sorted((_n(t["role"]), _n(t.get("organization"))) for t in p.get("titles", [])),
        )
        for p in people
    }


def event_key(events: list[dict]) -> Counter:
    return Counter(
        (e["type"], _n(e.get("person")), _n(e.get("role")), _n(e.get("organization")), _n(e.get("actor")))
        for e in events
    )


@pytest.mark.parametrize("row", _params(PERSONNEL_ROWS, _known("known_failures_personnel.txt")))
def test_personnel_sentence(row: dict) -> None:
    article = _article(row_sentence(row), row.get("options"), row.get("published"))
    got = article.model_dump()
    assert people_key(got["people"]) == people_key(row["people"])
    assert event_key(got["events"]) == event_key(row["events"])


def test_tables_are_large_enough() -> None:
    assert len(STAT_ROWS) >= 150 and sum(1 for r in STAT_ROWS if not r["statistics"]) >= 50
    assert len(PERSONNEL_ROWS) >= 150 and sum(1 for r in PERSONNEL_ROWS if not r["people"] and not r["events"]) >= 30
