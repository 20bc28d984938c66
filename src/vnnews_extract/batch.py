"""Batch extraction: inputs -> one JSON line per input, in input order, errors isolated.

Workers are processes; each loads lexicons and underthesea once. A failing input becomes an
error record ``{"id", "input", "error": {"type", "message"}}`` and the run goes on.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import VnnewsError
from .pipeline import extract

SUFFIXES = (".html", ".htm", ".txt")


@dataclass(frozen=True)
class InputItem:
    id: str
    path: str


def discover_inputs(paths: Iterable[str]) -> Iterator[InputItem]:
    """Files as given, and files under folders (recursive, sorted), with a known suffix."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    yield InputItem(str(child), str(child))
        elif path.is_file() or not path.exists():
            yield InputItem(str(path), str(path))


def process(item: InputItem) -> tuple[str, dict[str, int]]:
    """Run one input; never raises."""
    try:
        data = Path(item.path).read_bytes()
        article = extract(data)
        record = article.model_dump(mode="json")
        record["input"] = item.id
        summary = {
            "articles": 1, "statistics": len(article.statistics), "people": len(article.people),
            "events": len(article.events),
        }
        return json.dumps(record, ensure_ascii=False), summary
    except (VnnewsError, OSError, ValueError, RecursionError, MemoryError) as exc:
        return _error_line(item, exc), {"failures": 1}
    except Exception as exc:  # noqa: BLE001 - a bug must not lose the input: record it
        return _error_line(item, exc, bug=True), {"failures": 1}


def _error_line(item: InputItem, exc: BaseException, bug: bool = False) -> str:
    error = {"type": type(exc).__name__, "message": str(exc)[:500]}
    if bug:
        error["unexpected"] = True
    return json.dumps({"id": item.id, "input": item.id, "error": error}, ensure_ascii=False)


def run_batch(items: list[InputItem], workers: int = 1) -> Iterator[tuple[str, dict[str, int]]]:
    """Results in input order."""
    if workers <= 1 or len(items) <= 1:
        for item in items:
            yield process(item)
        return
    ctx = multiprocessing.get_context("spawn" if multiprocessing.get_start_method(allow_none=True) == "spawn" else "fork")
    with ctx.Pool(processes=workers) as pool:
        yield from pool.imap(process, items, chunksize=4)
