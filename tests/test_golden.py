"""Golden files: corpus/seed/<name>.expected.json holds the records extract() gives for <name>.

Rewrite them with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnnews_extract import extract

SEED = Path(__file__).resolve().parent.parent / "corpus" / "seed"
INPUTS = sorted(p for p in SEED.iterdir() if p.suffix in (".txt", ".html"))


def _records(path: Path) -> dict[str, object]:
    article = extract(path.read_bytes())
    data = article.model_dump(mode="json")
    return {k: data[k] for k in ("title", "lead", "published", "author", "blocks", "text", "statistics", "people", "events")}


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_seed_matches_expected(path: Path, update_golden: bool) -> None:
    expected_path = path.with_name(path.stem + ".expected.json")
    got = _records(path)
    if update_golden or not expected_path.exists():
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"wrote missing golden file {expected_path.name}; review and commit it")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
