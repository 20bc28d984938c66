"""Golden test over corpus/pages: the cleaner's scores must not drop below the pinned floors.

Floors live in corpus/baseline.json under "clean"; lowering one is an explicit, reviewed edit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnnews_extract.evaluate.clean import leaked_lines, score_corpus, summary, targets_met
from vnnews_extract.model import CleanBlock, CleanedArticle

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FLOORS = json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))["clean"]


@pytest.fixture(scope="module")
def overall() -> dict[str, float]:
    return summary(score_corpus(CORPUS))


@pytest.mark.parametrize(
    "metric",
    ["body_f1", "min_page_f1", "title_exact", "date_accuracy", "caption_recall", "lead_match", "nonarticles_flagged"],
)
def test_clean_score_is_not_below_its_floor(overall: dict[str, float], metric: str) -> None:
    assert overall[metric] >= FLOORS[metric], f"{metric} {overall[metric]:.3f} < floor {FLOORS[metric]}"


def test_no_boilerplate_leaks_and_no_errors(overall: dict[str, float]) -> None:
    assert overall["leaked"] <= FLOORS["max_leaked"]
    assert overall["errors"] == 0
    assert overall["articles_flagged"] == 0


def test_issue_targets_hold(overall: dict[str, float]) -> None:
    assert targets_met(overall)


LEAKS = [
    ("whole-line", ["Tin liên quan"], ["Tin liên quan"]),
    ("inside-block", ["Bài trước Huyện có 01 trường hợp mắc mới"], ["Huyện có 01 trường hợp mắc mới"]),
    ("case-differs", ["Ông An chia sẻ kinh nghiệm."], []),
    ("word-boundary", ["Tin liên quanh co"], []),
]


@pytest.mark.parametrize(("blocks", "expected"), [(b, e) for _, b, e in LEAKS], ids=[i for i, _, _ in LEAKS])
def test_leaked_lines(blocks: list[str], expected: list[str]) -> None:
    cleaned = CleanedArticle(blocks=tuple(CleanBlock("paragraph", t) for t in blocks))
    lines = ["Tin liên quan", "Huyện có 01 trường hợp mắc mới", "Chia sẻ"]
    found = leaked_lines(cleaned, lines)
    assert found == expected
