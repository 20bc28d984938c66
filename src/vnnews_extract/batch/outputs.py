"""Batch outputs: JSONL (default), CSV folder, SQLite file. Each is kill-safe and resumable.

A writer knows which inputs its output already holds (``done``, filled when resuming), takes one
record at a time (``write``) and leaves a valid output whenever the process dies:

- JSONL: one line per record, written and flushed whole; on resume a truncated last line is
  discarded (and an output holding anything else is refused, untouched);
- CSV: see :mod:`vnnews_extract.output_csv`; SQLite: see :mod:`vnnews_extract.output_sqlite`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

from .safe import safe_value

FORMATS = ("jsonl", "csv", "sqlite", "parquet")  # parquet: see .engines (sharded outputs)


class ForeignOutputError(ValueError):
    """The output holds data this command did not write: it is left untouched."""


class Writer(Protocol):
    done: set[str]  # inputs the output already holds (when resuming)
    failed: set[str]  # those of them that are error records

    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


def open_output(fmt: str, target: str, resume: bool) -> Writer:
    """The writer for ``--format fmt -o target`` (``-`` is stdout, JSONL only).

    Raises ForeignOutputError (nothing changed) when resuming into, or writing tables into, an
    output of another shape.
    """
    if fmt == "csv":
        from .output_csv import CsvWriter

        return CsvWriter(Path(target), resume)
    if fmt == "sqlite":
        from .output_sqlite import SqliteWriter

        return SqliteWriter(Path(target), resume)
    return JsonlWriter(target, resume)


def output_files(fmt: str, target: str) -> list[str]:
    """The files a run with ``--format fmt -o target`` writes (none for stdout)."""
    if target == "-":
        return []
    if fmt == "csv":
        from .tables import TABLES

        return [os.path.join(target, f"{table}.csv") for table in TABLES]
    if fmt == "sqlite":
        return [target + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    return [target]


def clashing_input(outputs: list[str], sources: Iterable[str]) -> str | None:
    """The first input that is also one of ``outputs`` (by path or by device and inode), if any."""
    names = {os.path.realpath(o) for o in outputs}
    inodes = {key for key in map(_inode, outputs) if key is not None}
    for source in sources:
        if source == "-":
            continue
        if os.path.realpath(source) in names or (inodes and _inode(source) in inodes):
            return source
    return None


def _inode(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def jsonl_line(record: dict[str, Any]) -> str:
    """One JSON line; NEL, U+2028 and U+2029 are escaped so that no line splitter breaks the
    record (JSON escapes the other line breaks itself)."""
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


LINE_SEPARATOR, PARAGRAPH_SEPARATOR = "\u2028", "\u2029"
_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in ("\x85", LINE_SEPARATOR, PARAGRAPH_SEPARATOR)}
RECORD_START = b'{"id": '  # every record written starts so (Article and error records alike)


class JsonlWriter:
    def __init__(self, target: str, resume: bool) -> None:
        self.done: set[str] = set()
        self.failed: set[str] = set()
        self._stream: IO[bytes]
        if target == "-":
            sys.stdout.flush()
            self._stream = sys.stdout.buffer
            return
        path = Path(target)
        if resume and path.exists():
            self.done, self.failed = recover_outputs(path)
        self._stream = open(path, "ab" if resume else "wb")

    def write(self, record: dict[str, Any]) -> None:
        self._stream.write(jsonl_line(safe_value(record)).encode("utf-8"))
        self._stream.flush()

    def close(self) -> None:
        if self._stream is not sys.stdout.buffer:
            self._stream.close()


def recover_jsonl(path: Path) -> set[str]:
    """Ids of the complete lines of a JSONL output; a truncated tail is cut off the file."""
    return recover_outputs(path)[0]


def recover_outputs(path: Path) -> tuple[set[str], set[str]]:
    """(inputs, inputs with an error record) of a JSONL output; a record cut short at the end
    (a kill mid-write) is cut off. Raises ForeignOutputError, changing nothing, when a line is not
    a record of ``run``."""
    done: set[str] = set()
    failed: set[str] = set()
    good = 0
    with open(path, "rb") as stream:
        for number, line in enumerate(stream, start=1):
            record = _parse(line) if line.endswith(b"\n") else None
            if record is None and not line.endswith(b"\n") and (good or _record_prefix(line)):
                break  # the tail of a killed run (after our records, or the start of one)
            if record is None:
                raise ForeignOutputError(f"{path}: line {number} is not a record written by 'vnnews-extract run'; not resuming into it")
            done.add(record["input"])
            if "error" in record:
                failed.add(record["input"])
            good += len(line)
    if good < path.stat().st_size:
        with open(path, "r+b") as stream:
            stream.truncate(good)
    return done, failed


def _record_prefix(tail: bytes) -> bool:
    return tail.startswith(RECORD_START) or RECORD_START.startswith(tail)


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return record if isinstance(record, dict) and isinstance(record.get("input"), str) else None
