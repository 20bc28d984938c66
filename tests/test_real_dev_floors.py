"""Scores on real published text: the real dev set (``corpus/real/dev``: gold facts naming articles
of ``../shared/realnews`` by id) must not drop below the floors of ``corpus/baseline.json``
("real_dev"). Skipped with a message where the shared real-news file is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnnews_extract.evaluate.personnel import Item, actor_prf, date_agreement
from vnnews_extract.evaluate.realgold import real_scores, realnews_path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DEV = CORPUS / "real" / "dev"


@pytest.fixture(scope="module")
def dev_scores():
    try:
        realnews_path(DEV)
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    return real_scores(DEV)


def _floors() -> dict[str, float]:
    return json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))["real_dev"]


def test_statistics_on_real_dev_stay_above_floors(dev_scores) -> None:
    stats, _, n = dev_scores
    s, floors = stats.summary(), _floors()
    assert n >= 120
    assert s["f1"] >= floors["statistics_f1"], stats.prf.line("statistics")
    assert s["comparator"] >= floors["statistics_comparator"]
    assert s["period"] >= floors["statistics_period"]
    assert s["subject_f1"] >= floors["statistics_subject_f1"]


def test_personnel_on_real_dev_stay_above_floors(dev_scores) -> None:
    _, personnel, _ = dev_scores
    floors = _floors()
    assert personnel.names.f1 >= floors["names_f1"], personnel.names.line("names")
    assert personnel.pairs.f1 >= floors["pairs_f1"], personnel.pairs.line("pairs")
    assert personnel.events.f1 >= floors["events_f1"], personnel.events.line("events")
    assert personnel.event_actors.f1 >= floors["event_actor_f1"], personnel.event_actors.line("actors")


def _event(actor: str | None, date: str | None) -> Item:
    return Item("appointment", "nguyễn văn an", "giám đốc", "sở y tế", actor, date)


def test_actor_tokens_and_dates_are_scored_over_matched_events() -> None:
    matched = [
        (_event("ubnd tỉnh", "2020-01-02"), _event("ubnd tỉnh bắc kạn", "2020-01-02")),  # 2 of 4 gold tokens, date equal
        (_event(None, None), _event(None, None)),  # nothing on either side: one agreed token, no date
        (_event("ban bí thư", None), _event(None, "2019-05")),  # 3 spurious tokens, date missed
    ]
    prf = actor_prf(matched)
    assert (prf.tp, prf.fp, prf.fn) == (3, 3, 2)
    assert date_agreement(matched) == (1, 2)


def test_actor_and_date_do_not_decide_a_match() -> None:
    assert _event("ubnd tỉnh", "2020-01-02") == _event(None, None)
