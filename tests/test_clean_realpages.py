"""Real saved pages (issue 16): no article lost, captions kept, non-articles flagged.

The pages live outside the repository, in ``../shared/realpages`` (their sentences are not copied
into the project); the gold files in ``corpus/realpages`` name them. Without that folder these
tests are skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnnews_extract.evaluate.clean import gold_files, real_targets_met, score_file, summary

REAL = Path(__file__).resolve().parent.parent / "corpus" / "realpages"
FOUND, MISSING = gold_files(REAL)
pytestmark = pytest.mark.skipif(
    not FOUND, reason="real pages not found: ../shared/realpages is absent (the gold files in corpus/realpages name them)"
)
PAGES = {gold.name.removesuffix(".gold.json"): (page, gold) for page, gold in FOUND}
ARTICLES = sorted(k for k, (_, g) in PAGES.items() if json.loads(g.read_text(encoding="utf-8"))["is_article"])
OTHERS = sorted(k for k in PAGES if k not in ARTICLES)


def test_every_gold_file_finds_its_page() -> None:
    assert MISSING == [] and len(FOUND) == 10


@pytest.mark.parametrize("slug", ARTICLES)
def test_real_article_is_kept_with_its_body_and_captions(slug: str) -> None:
    score = score_file(*PAGES[slug])
    assert score.error is None and not score.flagged
    assert score.body.f1 >= 0.95, f"body F1 {score.body.f1:.3f}"
    assert score.captions_found == score.captions_total


@pytest.mark.parametrize("slug", OTHERS)
def test_real_non_article_is_flagged(slug: str) -> None:
    assert score_file(*PAGES[slug]).flagged


def test_real_page_targets_hold() -> None:
    assert real_targets_met(summary([score_file(page, gold) for page, gold in FOUND]))
