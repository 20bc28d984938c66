"""Batch outputs: JSONL (default), CSV folder, SQLite file. Each is kill-safe and resumable.

A writer knows which inputs its output already holds (``done``, filled when resuming), takes one
record at a time (``write``) and leaves a valid output whenever the process dies:

- JSONL: one line per record, written and flushed whole; on resume a truncated last line is
  discarded;
- CSV: see :mod:`vnnews_extract.output_csv`; SQLite: see :mod:`vnnews_extract.output_sqlite`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any, Protocol

FORMATS = ("jsonl", "csv", "sqlite")


class Writer(Protocol):
    done: set[str]

    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


def open_output(fmt: str, target: str, resume: bool) -> Writer:
    """The writer for ``--format fmt -o target`` (``-`` is stdout, JSONL only)."""
    if fmt == "csv":
        from .output_csv import CsvWriter

        return CsvWriter(Path(target), resume)
    if fmt == "sqlite":
        from .output_sqlite import SqliteWriter

        return SqliteWriter(Path(target), resume)
    return JsonlWriter(target, resume)


def jsonl_line(record: dict[str, Any]) -> str:
    """One JSON line; U+2028/U+2029 are escaped so that no line splitter breaks the record."""
    text = json.dumps(record, ensure_ascii=False)
    return text.replace(LINE_SEPARATOR, "\\u2028").replace(PARAGRAPH_SEPARATOR, "\\u2029") + "\n"


LINE_SEPARATOR, PARAGRAPH_SEPARATOR = "\u2028", "\u2029"


class JsonlWriter:
    def __init__(self, target: str, resume: bool) -> None:
        self.done: set[str] = set()
        self._stream: IO[str]
        if target == "-":
            self._stream = sys.stdout
            return
        path = Path(target)
        if resume and path.exists():
            self.done = recover_jsonl(path)
        self._stream = open(path, "a" if resume else "w", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        self._stream.write(jsonl_line(record))
        self._stream.flush()

    def close(self) -> None:
        if self._stream is not sys.stdout:
            self._stream.close()


def recover_jsonl(path: Path) -> set[str]:
    """Ids of the complete lines of a JSONL output; a truncated tail is cut off the file."""
    done: set[str] = set()
    good = 0
    with open(path, "rb") as stream:
        for line in stream:
            record = _parse(line) if line.endswith(b"\n") else None
            if record is None:
                break
            done.add(record["input"])
            good += len(line)
    with open(path, "r+b") as stream:
        stream.truncate(good)
    return done


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) and isinstance(record.get("input"), str) else None
