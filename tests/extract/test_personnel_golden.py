"""Golden scores over corpus/personnel: person-title and event F1 must not drop below the floors
pinned in corpus/baseline.json ("people", "events"). Raise the floors when the extractor improves;
lowering them is a reviewed change of that file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnnews_extract.evaluate.metrics import PRF
from vnnews_extract.evaluate.personnel import article_scores, gold_files

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"


def _floors(what: str) -> dict[str, float]:
    return json.loads((CORPUS / "baseline.json").read_text(encoding="utf-8"))[what]


@pytest.mark.parametrize("what", ["people", "events"])
def test_personnel_scores_stay_above_baseline(what: str) -> None:
    total, org = PRF(0, 0, 0), PRF(0, 0, 0)
    for path in gold_files(CORPUS):
        prf, org_prf = article_scores(path, what)
        total, org = total + prf, org + org_prf
    floors = _floors(what)
    assert len(gold_files(CORPUS)) >= 30
    assert total.precision >= floors["precision"], total.line(what)
    assert total.recall >= floors["recall"], total.line(what)
    assert total.f1 >= floors["f1"], total.line(what)
    assert org.f1 >= floors["organization_f1"], org.line(what)
