"""CSV output: articles.csv, statistics.csv, people.csv, events.csv and errors.csv in one folder.

Rows are appended and flushed; an input's child rows (statistics, people, events) are written
before its articles.csv (or errors.csv) row, which marks the input as done. So after a kill:

- a parent file may end in a partial row: resume cuts it off;
- child files may end in rows of an input whose parent row never got written (and a partial
  row): those rows are all after the last row of a done input, and resume cuts them off.

Without ``--resume`` the files are written afresh.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .tables import CHILD_TABLES, TABLES, rows

PARENT_TABLES = ("articles", "errors")


class CsvWriter:
    def __init__(self, folder: Path, resume: bool) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.done: set[str] = set()
        if resume:
            for table in PARENT_TABLES:
                self.done |= _recover(folder / f"{table}.csv", TABLES[table], None)
            for table in CHILD_TABLES:
                _recover(folder / f"{table}.csv", TABLES[table], self.done)
        self._streams: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        for table, columns in TABLES.items():
            path = folder / f"{table}.csv"
            fresh = not resume or not path.exists() or path.stat().st_size == 0
            stream = open(path, "w" if fresh else "a", encoding="utf-8", newline="")
            self._streams[table], self._writers[table] = stream, csv.writer(stream, lineterminator="\n")
            if fresh:
                self._writers[table].writerow(columns)
                stream.flush()

    def write(self, record: dict[str, Any]) -> None:
        for table, table_rows in rows(record).items():  # children first, the parent row last
            if table_rows:
                self._writers[table].writerows(table_rows)
                self._streams[table].flush()

    def close(self) -> None:
        for stream in self._streams.values():
            stream.close()


def _recover(path: Path, columns: tuple[str, ...], keep: set[str] | None) -> set[str]:
    """Cut a CSV file after its last good row; return the inputs of its rows.

    A row is good when complete (all columns, ends in a newline) and, if ``keep`` is given,
    when it belongs to an input in ``keep`` (rows after the last such row are cut).
    """
    if not path.exists():
        return set()
    ids: set[str] = set()
    good = 0
    for end, row in _rows_with_ends(path, len(columns)):
        if end == 0:
            break
        if good == 0 and tuple(row) != columns:
            raise ValueError(f"{path}: not a CSV output of this version (header {row[:3]}...)")
        if good == 0 or keep is None or row[0] in keep:
            good = end
        if good == end and tuple(row) != columns:
            ids.add(row[0])
    with open(path, "r+b") as stream:
        stream.truncate(good)
    return ids


def _rows_with_ends(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    """Complete rows with the byte offset just after each; (0, []) for a broken tail."""
    consumed = [0, True]

    def lines(stream: IO[bytes]) -> Iterator[str]:
        for raw in stream:
            consumed[0] += len(raw)
            consumed[1] = raw.endswith(b"\n")
            yield raw.decode("utf-8", errors="replace")

    csv.field_size_limit(2**31 - 1)  # article texts are long
    with open(path, "rb") as stream:
        reader = csv.reader(lines(stream), strict=True)
        try:
            for row in reader:
                complete = len(row) == width and consumed[1]
                yield (int(consumed[0]), row) if complete else (0, [])
                if not complete:
                    return
        except csv.Error:
            yield 0, []
