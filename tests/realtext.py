"""Real published text for tests: rows name an article of ``../shared/realnews`` by id and offsets.

The project never copies real sentences: a table row may say ``"real": {"article": ID, "start": S,
"end": E}`` and the test reads ``text[S:E]`` of that article here. Without the shared folder such
rows are skipped with a clear message.
"""

from __future__ import annotations

import gzip
import json
import os
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = Path(os.environ.get("VNNEWS_REALNEWS", ROOT.parent / "shared" / "realnews" / "articles.jsonl.gz"))


@lru_cache(maxsize=1)
def real_texts() -> dict[str, str]:
    with gzip.open(REALNEWS, "rt", encoding="utf-8") as fh:
        return {row["id"]: row["text"] for row in map(json.loads, fh)}


def real_text(article_id: str) -> str:
    if not REALNEWS.is_file():
        pytest.skip(f"real-news text not found at {REALNEWS} (set VNNEWS_REALNEWS)")
    return real_texts()[article_id]


def row_sentence(row: dict) -> str:
    """The sentence of a table row: written in the row, or read from a real article by offsets."""
    if "sentence" in row:
        return row["sentence"]
    real = row["real"]
    return real_text(real["article"])[real["start"] : real["end"]]
