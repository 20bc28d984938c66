"""Golden scores over corpus/statistics: the floors pinned in corpus/baseline.json ("statistics").

Lowering a floor is an explicit, reviewed edit of baseline.json; raising the score is free.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnnews_extract.evaluate.gold import GoldStatistic
from vnnews_extract.evaluate.statistics import align, score_corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def summary() -> dict[str, float]:
    scores, _ = score_corpus(CORPUS)
    return scores.summary()


FLOORS = json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))["statistics"]


@pytest.mark.parametrize("metric", sorted(FLOORS), ids=sorted(FLOORS))
def test_statistics_score_stays_above_floor(summary: dict[str, float], metric: str) -> None:
    assert summary[metric] >= FLOORS[metric] - 1e-9, f"{metric} {summary[metric]:.3f} < floor {FLOORS[metric]}"


def _fig(kind: str, value: float, value_max: float | None = None) -> GoldStatistic:
    return GoldStatistic(text=str(value), kind=kind, value=value, value_max=value_max)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pred", "gold", "pairs"),
    [
        ([_fig("percent", 98.5)], [_fig("percent", 98.5000001)], [(0, 0)]),
        ([_fig("count", 3)], [_fig("measure", 3)], []),
        ([_fig("money", 1e8, 2e8)], [_fig("money", 1e8)], []),
        ([_fig("count", 1), _fig("count", 2), _fig("count", 1)], [_fig("count", 2), _fig("count", 1)], [(1, 0), (2, 1)]),
        ([_fig("ratio", 4 / 11)], [_fig("ratio", 0.3636)], [(0, 0)]),
        ([_fig("ratio", 2 / 3, 5 / 6)], [_fig("ratio", 0.67, 0.83)], [(0, 0)]),
        ([_fig("ratio", 0.3646)], [_fig("ratio", 0.3636)], []),
        ([_fig("percent", 12.46)], [_fig("percent", 12.5)], []),
    ],
    ids=[
        "float-tolerance", "kind-must-agree", "value-max-must-agree", "one-to-one-in-order",
        "gold-rounded-to-its-decimals", "gold-range-rounded", "rounding-is-no-wider-tolerance", "one-decimal-gold-is-exact",
    ],
)
def test_alignment(pred: list[GoldStatistic], gold: list[GoldStatistic], pairs: list[tuple[int, int]]) -> None:
    assert align(pred, gold) == pairs
